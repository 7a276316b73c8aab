import type { DatasetMeta } from '../../schemas/dataset.ts';
import type { Problem } from '../../schemas/problem.ts';
import type { Table } from './table.ts';

type Locate = (path: readonly PropertyKey[]) => Pick<Problem, 'file' | 'line' | 'column'>;

/** `sourceErrors` and `unmatchedAdcodes` entries that no longer match a row: stale metadata, warned. */
export function staleEntries(meta: DatasetMeta, table: Table, usedSourceErrors: ReadonlySet<number>, adcodes: { field: number; checked: boolean }, locate: Locate): Problem[] {
  const problems: Problem[] = [];
  // A view sees only part of the file, so it cannot tell whether a code is absent.
  if (adcodes.checked && meta.geography.adcodePrefix === undefined) {
    const present = new Set(table.rows.map((_, row) => table.cell(row, adcodes.field)).filter((code): code is string => typeof code === 'string'));
    meta.unmatchedAdcodes.forEach((entry, index) => {
      if (!present.has(entry.adcode)) {
        problems.push({ ...locate(['unmatchedAdcodes', index, 'adcode']), severity: 'warning', message: 'unmatchedAdcodes lists a code that no row has', found: entry.adcode });
      }
    });
  }
  meta.sourceErrors.forEach((entry, index) => {
    if (!usedSourceErrors.has(index)) {
      problems.push({ ...locate(['sourceErrors', index]), severity: 'warning', message: `sourceErrors: line ${entry.line} column ${entry.key} does not hold an invalid ${JSON.stringify(entry.found)}; remove the entry` });
    }
  });
  return problems;
}

/** The sums the metadata declares (`sums`): each must hold exactly, or the check fails. */
export function checkSums(meta: DatasetMeta, table: Table, adcodeField: number, locate: Locate): Problem[] {
  const problems: Problem[] = [];
  meta.sums.forEach((sum, index) => {
    // Located only when there is a problem: locating parses the metadata a second time.
    const where = () => locate(['sums', index]);
    const field = table.keys.indexOf(sum.column);
    if (field < 0) {
      problems.push({ ...where(), severity: 'error', message: `sum check names column ${sum.column}, which no shipped column has` });
      return;
    }
    const codeOf = (row: number) => table.cell(row, adcodeField);
    const rows = table.rows.map((_, row) => row);
    const total = rows.find((row) => codeOf(row) === sum.equals.adcode);
    if (total === undefined) {
      problems.push({ ...where(), severity: 'error', message: `sum check: no row with adcode ${sum.equals.adcode}` });
      return;
    }
    const parts = rows.filter((row) => {
      const code = codeOf(row);
      const { geoLevel, isSubtotal } = table.rows[row] ?? {};
      return typeof code === 'string' && code !== sum.equals.adcode && code.startsWith(sum.of.adcodePrefix) && geoLevel === sum.of.level && !isSubtotal;
    });
    const expected = table.cell(total, field);
    const values = parts.map((row) => table.cell(row, field));
    if (typeof expected !== 'number' || values.some((value) => typeof value !== 'number')) {
      problems.push({ ...where(), severity: 'error', message: `sum check on ${sum.column}: a value is missing or not a number, so the sum cannot be checked` });
      return;
    }
    const found = (values as number[]).reduce((a, b) => a + b, 0);
    if (Math.abs(found - expected) > 1e-9 * Math.max(1, Math.abs(expected))) {
      problems.push({ ...where(), severity: 'error', message: `sum check on ${sum.column}: ${parts.length} ${sum.of.level} rows under ${sum.of.adcodePrefix} add up to ${found}, the row ${sum.equals.adcode} says ${expected}` });
    }
  });
  return problems;
}
