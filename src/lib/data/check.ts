import { existsSync, readdirSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { loadAdcodeIndex, type AdcodeIndex } from './boundaries.ts';
import { readDataset, type DatasetResult } from './dataset.ts';
import { checkCharts } from '../charts/check.ts';
import type { ChartSpec } from '../../schemas/chart.ts';
import { BOUNDARY_DIR, META_FILE } from './paths.ts';
import { countErrors, type Problem } from '../../schemas/problem.ts';


export interface CheckReport {
  datasets: DatasetResult[];
  /** Charts declared in data/charts/ that passed their checks. */
  charts: ChartSpec[];
  /** Problems not tied to one dataset (an argument naming no dataset, say). */
  problems: Problem[];
  errors: number;
  warnings: number;
  milliseconds: number;
}

/** Dataset ids under `dataRoot`: every folder that holds a dataset.yaml. */
export function listDatasetIds(dataRoot: string): string[] {
  return readdirSync(dataRoot, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dataRoot, entry.name, META_FILE)))
    .map((entry) => entry.name)
    .sort();
}

/**
 * Turns command-line arguments (`data/x`, `data/x/dataset.yaml`, `x`) into dataset ids.
 * An argument that names no dataset is a problem, not a silent skip.
 */
export function resolveDatasetArgs(dataRoot: string, args: readonly string[]): { ids: string[]; problems: Problem[] } {
  const known = new Set(listDatasetIds(dataRoot));
  const ids: string[] = [];
  const problems: Problem[] = [];
  for (const arg of args) {
    const inside = relative(resolve(dataRoot), resolve(arg));
    const candidate = inside.startsWith('..') ? basename(arg) : (inside.split(/[\\/]/)[0] ?? '');
    const id = known.has(candidate) ? candidate : known.has(arg) ? arg : undefined;
    if (id === undefined) {
      problems.push({ file: arg, line: 0, column: 0, severity: 'error', message: 'not a dataset folder', hint: `datasets are folders of ${dataRoot}/ holding ${META_FILE}: ${[...known].join(', ')}` });
    } else if (!ids.includes(id)) {
      ids.push(id);
    }
  }
  return { ids, problems };
}

export interface CheckOptions {
  ids?: readonly string[];
  /** Called after each dataset, for progress output. */
  onDataset?: (result: DatasetResult, index: number, total: number) => void;
}

/** Runs every check on the given datasets (default: all). Pure apart from reading files. */
export function checkDatasets(dataRoot: string, options: CheckOptions = {}): CheckReport {
  const started = performance.now();
  const ids = options.ids ?? listDatasetIds(dataRoot);
  const problems: Problem[] = [];
  let adcodes: AdcodeIndex | undefined;
  try {
    adcodes = loadAdcodeIndex(join(dataRoot, BOUNDARY_DIR));
  } catch (cause) {
    problems.push({ file: `${dataRoot}/${BOUNDARY_DIR}`, line: 0, column: 0, severity: 'error', message: `boundary files could not be read: ${(cause as Error).message}` });
  }
  const datasets = ids.map((id, index) => {
    const result = readDataset(dataRoot, id, adcodes ? { adcodes, displayRoot: dataRoot } : { displayRoot: dataRoot });
    options.onDataset?.(result, index, ids.length);
    return result;
  });
  // Charts are checked on a full run only: they may name any dataset.
  const charts = options.ids === undefined ? checkCharts(dataRoot, datasets) : { specs: [], problems: [] };
  problems.push(...charts.problems);
  const all = [...problems, ...datasets.flatMap((dataset) => dataset.problems)];
  const errors = countErrors(all);
  return { datasets, charts: charts.specs, problems, errors, warnings: all.length - errors, milliseconds: performance.now() - started };
}
