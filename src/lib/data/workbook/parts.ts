import { basename } from 'node:path';
import { sheetReference, type Problem } from '../../../schemas/problem.ts';
import { addend } from './checks.ts';
import { formatCount } from './labels.ts';
import type { WorkbookTable } from './read.ts';

/**
 * Tables that split another's figures, cell for cell: 1-6a/1-6b/1-6c (城市, 镇, 乡村) of
 * 1-6, or 5-3a/b/c of 5-3. Every count cell of the whole must equal the sum of the same
 * cell (same row, series and measure) in the parts.
 */

/** A part's short name: the last parenthesis of its title (`…的人口(城市)` → 城市), else its file name. */
export function partName(table: WorkbookTable): string {
  const match = /[(（]([^()（）]+)[)）]\s*$/u.exec(table.title ?? '');
  return match?.[1] ?? basename(table.file);
}

const columnKey = (series: string, measure: string) => `${series}\u0000${measure}`;

/** `whole` = sum of `parts`, cell by cell; warnings at the whole's cell name every part's cell. */
export function checkPartsSum(whole: WorkbookTable, parts: readonly WorkbookTable[]): Problem[] {
  const problems: Problem[] = [];
  const names = parts.map(partName);
  // Each part's column for each of the whole's columns, and its rows by key: looked up once.
  const partColumns = parts.map((part) => {
    const index = new Map(part.columns.map((column, i) => [columnKey(column.series, column.measure.key), i]));
    return whole.columns.map((column) => index.get(columnKey(column.series, column.measure.key)));
  });
  const partRows = parts.map((part) => new Map(part.rows.map((row) => [row.key, row])));
  const reported = new Set<string>();
  const missing = (p: number, what: string) => {
    if (reported.has(`${p}:${what}`)) return;
    reported.add(`${p}:${what}`);
    problems.push({ file: (parts[p] as WorkbookTable).file, line: 0, column: 0, severity: 'warning', message: `${names[p]} has no ${what}, which ${basename(whole.file)} has; its cells are not checked` });
  };
  for (const row of whole.rows) {
    const rows = partRows.map((index) => index.get(row.key));
    rows.forEach((partRow, p) => partRow === undefined && missing(p, `row ${row.name}`));
    if (rows.some((partRow) => partRow === undefined)) continue;
    whole.columns.forEach((column, i) => {
      if (column.measure.type !== 'integer') return;
      const cell = row.cells[i];
      const expected = addend(cell?.value);
      if (cell === undefined || expected === undefined) return;
      let found = 0;
      for (let p = 0; p < parts.length; p++) {
        const index = partColumns[p]?.[i];
        if (index === undefined) {
          missing(p, `column ${column.seriesLabel} ${column.measureLabel}`);
          return;
        }
        const value = addend(rows[p]?.cells[index]?.value);
        if (value === undefined) return;
        found += value;
      }
      if (found === expected) return;
      const refs = parts.map((part, p) => {
        const partCell = rows[p]?.cells[partColumns[p]?.[i] ?? -1];
        return partCell === undefined ? `${names[p]}: none` : `${basename(part.file)}:${sheetReference(part.sheet, partCell.ref)}`;
      });
      const label = `${row.name} ${column.series === 'total' ? '' : `${column.seriesLabel} `}${column.measureLabel}`;
      problems.push({
        file: whole.file,
        line: row.rowNumber,
        column: column.index + 1,
        cell: { sheet: whole.sheet, ref: cell.ref },
        severity: 'warning',
        message: `${label}: ${names.join(' + ')} = ${formatCount(found)} ≠ ${formatCount(expected)} (${refs.join(', ')})`,
      });
    });
  }
  return problems;
}
