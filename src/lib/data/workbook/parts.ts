import { basename } from 'node:path';
import { sheetReference, type Problem } from '../problems.ts';
import { addend } from './checks.ts';
import { formatCount } from './labels.ts';
import type { WorkbookCell, WorkbookTable } from './read.ts';

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

function cellIndex(table: WorkbookTable): Map<string, Map<string, WorkbookCell | undefined>> {
  const columns = table.columns.map((column) => columnKey(column.series, column.measure.key));
  const rows = new Map<string, Map<string, WorkbookCell | undefined>>();
  for (const row of table.rows) {
    const cells = new Map<string, WorkbookCell | undefined>();
    columns.forEach((key, index) => cells.set(key, row.cells[index]));
    rows.set(row.key, cells);
  }
  return rows;
}

/** `whole` = sum of `parts`, cell by cell; warnings at the whole's cell name every part's cell. */
export function checkPartsSum(whole: WorkbookTable, parts: readonly WorkbookTable[]): Problem[] {
  const problems: Problem[] = [];
  const indexes = parts.map(cellIndex);
  const names = parts.map(partName);
  const where = (part: number, cell: WorkbookCell | undefined) => {
    const table = parts[part] as WorkbookTable;
    return cell === undefined ? `${names[part]}: none` : `${basename(table.file)}:${sheetReference(table.sheet, cell.ref)}`;
  };
  const reported = new Set<string>();
  for (const row of whole.rows) {
    whole.columns.forEach((column, index) => {
      if (column.measure.type !== 'integer') return;
      const cell = row.cells[index];
      const expected = addend(cell?.value);
      if (cell === undefined || expected === undefined) return;
      const key = columnKey(column.series, column.measure.key);
      const partCells: (WorkbookCell | undefined)[] = [];
      let found = 0;
      for (let p = 0; p < parts.length; p++) {
        const partRow = indexes[p]?.get(row.key);
        if (partRow === undefined || !partRow.has(key)) {
          const what = partRow === undefined ? `row ${row.name}` : `column ${column.seriesLabel} ${column.measureLabel}`;
          if (!reported.has(`${p}:${what}`)) {
            reported.add(`${p}:${what}`);
            problems.push({ file: (parts[p] as WorkbookTable).file, line: 0, column: 0, severity: 'warning', message: `${names[p]} has no ${what}, which ${basename(whole.file)} has; its cells are not checked` });
          }
          found = Number.NaN;
          break;
        }
        const partCell = partRow.get(key);
        const value = addend(partCell?.value);
        if (value === undefined) {
          found = Number.NaN;
          break;
        }
        partCells.push(partCell);
        found += value;
      }
      if (Number.isNaN(found) || found === expected) return;
      const label = `${row.name} ${column.series === 'total' ? '' : `${column.seriesLabel} `}${column.measureLabel}`;
      problems.push({
        file: whole.file,
        line: row.rowNumber,
        column: column.index + 1,
        cell: { sheet: whole.sheet, ref: cell.ref },
        severity: 'warning',
        message: `${label}: ${names.join(' + ')} = ${formatCount(found)} ≠ ${formatCount(expected)} (${partCells.map((partCell, p) => where(p, partCell)).join(', ')})`,
      });
    });
  }
  return problems;
}
