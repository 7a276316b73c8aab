import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkbookSpec } from '../../../schemas/workbook.ts';
import type { Problem } from '../../../schemas/problem.ts';
import { checkRowsSum, checkSeriesSum, checkSexSum } from './checks.ts';
import type { GroupMatcher } from './groups.ts';
import { checkPartsSum } from './parts.ts';
import { readWorkbook, type WorkbookTable } from './read.ts';

/**
 * One dataset folder's workbooks: the main file and the files that split it (城市/镇/乡村),
 * read with one declaration, then the declared checks. What a loader calls.
 */

export interface WorkbookFolderResult {
  /** The main file's table, when it could be read. */
  table?: WorkbookTable;
  /** The part files' tables, in the order declared (those that could be read). */
  parts: WorkbookTable[];
  problems: Problem[];
  milliseconds: number;
}

/** The declared checks over tables already read: pure. */
export function runWorkbookChecks(spec: WorkbookSpec, table: WorkbookTable, parts: readonly WorkbookTable[]): Problem[] {
  const problems: Problem[] = [];
  const checks = spec.checks;
  if (checks.seriesSum) problems.push(...checkSeriesSum(table, spec.series.kind === 'groups' ? '各民族之和' : '各项之和'));
  if (checks.sexSum) problems.push(...checkSexSum(table, checks.sexSum));
  if (checks.rowsSum) problems.push(...checkRowsSum(table));
  if (parts.length > 0) problems.push(...checkPartsSum(table, parts));
  return problems;
}

/**
 * Reads `file` and the declared part files from `dir`; `displayDir` is how problems name the
 * folder (`data/<id>`). A file that cannot be read is one error; the others are still read.
 */
export function readWorkbookFolder(dir: string, displayDir: string, file: string, spec: WorkbookSpec, groups: GroupMatcher): WorkbookFolderResult {
  const started = performance.now();
  const problems: Problem[] = [];
  const read = (name: string): WorkbookTable | undefined => {
    const shown = `${displayDir}/${name}`;
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(join(dir, name));
    } catch (cause) {
      problems.push({ file: shown, line: 0, column: 0, severity: 'error', message: `published file not found: ${name}`, found: String((cause as Error).message) });
      return undefined;
    }
    const result = readWorkbook(bytes, spec, { file: shown, groups });
    problems.push(...result.problems);
    return result.table;
  };
  const table = read(file);
  const parts = spec.parts.map((part) => read(part.file)).filter((part): part is WorkbookTable => part !== undefined);
  const checkedParts = spec.checks.partsSum && parts.length === spec.parts.length ? parts : [];
  if (table) problems.push(...runWorkbookChecks(spec, table, checkedParts));
  // Each part is a table in its own right: its groups, sexes and rows must add up too.
  for (const part of parts) problems.push(...runWorkbookChecks(spec, part, []));
  return { ...(table ? { table } : {}), parts, problems, milliseconds: performance.now() - started };
}
