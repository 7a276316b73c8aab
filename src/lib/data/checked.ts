import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { checkPolicyLibrary, policyEntries, type PolicyCheck } from '../policy/library.ts';
import type { PolicyEntry } from '../../schemas/policy.ts';
import { checkDatasets, type CheckReport } from './check.ts';
import { DATA_ROOT } from './paths.ts';
import { Table, type TableData } from './table.ts';
import { formatProblem } from '../../schemas/problem.ts';

/**
 * The data check's result for the build, computed once. `npm run build` (scripts/build.ts)
 * checks the datasets and the policy library before starting Astro and hands the results over
 * in a file named by `CHECKED_DATA` (structured-clone bytes, tens of milliseconds to read); the
 * content loaders and the pages' row access read it instead of checking the data again. Without
 * the file (`astro dev`, `astro check`), each check runs here, once per process.
 */
export const CHECKED_DATA_ENV = 'CHECKED_DATA';

interface HandOver {
  /** The data folder checked, absolute: a file from another folder is not used. */
  dataRoot: string;
  report: CheckReport;
  policies: PolicyCheck;
}

/** The hand-over as written: each dataset's table as plain data (a structured clone drops a class's private fields). */
interface HandOverFile extends Omit<HandOver, 'report'> {
  report: Omit<CheckReport, 'datasets'> & { datasets: (Omit<CheckReport['datasets'][number], 'table'> & { table: TableData })[] };
}

/** Writes the checks' results for the Astro build to read (scripts/build.ts). */
export function writeCheckedData(file: string, dataRoot: string, report: CheckReport, policies: PolicyCheck): void {
  const datasets = report.datasets.map((dataset) => ({ ...dataset, table: dataset.table.data() }));
  const handOver: HandOverFile = { dataRoot: resolve(dataRoot), report: { ...report, datasets }, policies };
  writeFileSync(file, serialize(handOver));
}

/** The hand-over read back, its tables whole again. */
function readCheckedData(file: string): HandOver {
  const read = deserialize(readFileSync(file)) as HandOverFile;
  const datasets = read.report.datasets.map((dataset) => ({ ...dataset, table: Table.from(dataset.table) }));
  return { ...read, report: { ...read.report, datasets } };
}

let handOver: HandOver | null | undefined;

/** The hand-over of scripts/build.ts for `DATA_ROOT`, read once; null without one. */
function handedOver(): HandOver | null {
  if (handOver !== undefined) return handOver;
  const file = process.env[CHECKED_DATA_ENV];
  const read = file && existsSync(file) ? readCheckedData(file) : undefined;
  handOver = read && read.dataRoot === resolve(DATA_ROOT) ? read : null;
  return handOver;
}

let report: CheckReport | undefined;

/**
 * The data check of `DATA_ROOT` for this build: handed over by scripts/build.ts, or run now.
 * A build from bad data stops here with the same lines `npm run data:check` prints.
 */
export function checkedData(): CheckReport {
  report ??= handedOver()?.report ?? checkDatasets(DATA_ROOT);
  if (report.errors > 0) {
    const lines = [...report.problems, ...report.datasets.flatMap((dataset) => dataset.problems)]
      .filter((problem) => problem.severity === 'error')
      .map(formatProblem);
    throw new Error(`The data check found ${report.errors} errors; run npm run data:check.\n${lines.join('\n')}`);
  }
  return report;
}

/** Every policy entry of `DATA_ROOT`'s library: handed over by scripts/build.ts, or checked now. */
export function checkedPolicies(): PolicyEntry[] {
  return policyEntries(handedOver()?.policies ?? checkPolicyLibrary(DATA_ROOT, DATA_ROOT));
}
