import { isNoneReported, type WorkbookValue } from '../../../schemas/workbook.ts';
import { sheetReference, type Problem } from '../../../schemas/problem.ts';
import type { WorkbookColumn } from './header.ts';
import { formatCount } from './labels.ts';
import type { WorkbookCell, WorkbookRow, WorkbookTable } from './read.ts';

/**
 * The published arithmetic, checked: each check returns warnings that name the cell that
 * disagrees and the cells it disagrees with. A number is never corrected; a blank counts as
 * 0 (none reported); a sum with a missing value in it (—, …, x) is not checked.
 */

/** The number a cell adds to a sum: none reported counts 0; undefined when it cannot be summed. */
export function addend(value: WorkbookValue | undefined): number | undefined {
  if (typeof value === 'number') return value;
  return isNoneReported(value) ? 0 : undefined;
}

/** Sum of the cells, or undefined when one of them cannot be summed. */
function sum(cells: readonly (WorkbookCell | undefined)[]): number | undefined {
  let total = 0;
  for (const cell of cells) {
    const value = addend(cell?.value);
    if (value === undefined) return undefined;
    total += value;
  }
  return total;
}

/** Sum of one column over some rows (or of some columns in one row), without building a list. */
function sumAt<T>(items: readonly T[], cellOf: (item: T) => WorkbookCell | undefined): number | undefined {
  let total = 0;
  for (const item of items) {
    const value = addend(cellOf(item)?.value);
    if (value === undefined) return undefined;
    total += value;
  }
  return total;
}

const equal = (a: number, b: number) => Math.abs(a - b) < 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

function warning(table: WorkbookTable, at: WorkbookCell, row: WorkbookRow, column: number, message: string): Problem {
  return { file: table.file, line: row.rowNumber, column: column + 1, cell: { sheet: table.sheet, ref: at.ref }, severity: 'warning', message };
}

/** `'1-20'!E34…'1-20'!GU34` for the first and last of several cells (one cell: just its reference). */
export function cellsReference(sheet: string, cells: readonly (WorkbookCell | undefined)[]): string {
  const refs = cells.filter((cell): cell is WorkbookCell => cell !== undefined).map((cell) => cell.ref);
  const first = refs[0] ?? '';
  const last = refs.at(-1) ?? first;
  return first === last ? sheetReference(sheet, first) : `${sheetReference(sheet, first)}…${sheetReference(sheet, last)}`;
}

const counts = (column: WorkbookColumn) => column.measure.type === 'integer';

/**
 * The series (groups, or categories) add up to the total series, in every row and count
 * measure: `合计 1,815,059 ≠ 各民族之和 1,815,058`, at the total's cell.
 */
export function checkSeriesSum(table: WorkbookTable, partsName = '各民族之和'): Problem[] {
  const problems: Problem[] = [];
  const measures = new Map<string, { total: number; parts: number[] }>();
  table.columns.forEach((column, index) => {
    if (!counts(column)) return;
    const entry = measures.get(column.measure.key) ?? { total: -1, parts: [] };
    if (column.series === 'total') entry.total = index;
    else entry.parts.push(index);
    measures.set(column.measure.key, entry);
  });
  for (const row of table.rows) {
    for (const { total, parts } of measures.values()) {
      const totalCell = row.cells[total];
      const expected = addend(totalCell?.value);
      const found = sumAt(parts, (index) => row.cells[index]);
      if (totalCell === undefined || expected === undefined || found === undefined || parts.length === 0 || equal(found, expected)) continue;
      const column = table.columns[total] as WorkbookColumn;
      const partCells = parts.map((index) => row.cells[index]);
      problems.push(warning(table, totalCell, row, column.index, `${row.name} ${column.measureLabel}: ${column.seriesLabel} ${formatCount(expected)} ≠ ${partsName} ${formatCount(found)} (${cellsReference(table.sheet, partCells)})`));
    }
  }
  return problems;
}

export interface SexKeys {
  total: string;
  male: string;
  female: string;
}

/** Male + female = total, in every row and series: `男 + 女 = 17 ≠ 小计 22 ('1-20'!AX14)`, at the male cell. */
export function checkSexSum(table: WorkbookTable, keys: SexKeys): Problem[] {
  const problems: Problem[] = [];
  const bySeries = new Map<string, Partial<Record<'total' | 'male' | 'female', number>>>();
  table.columns.forEach((column, index) => {
    if (!counts(column)) return;
    const role = column.measure.key === keys.total ? 'total' : column.measure.key === keys.male ? 'male' : column.measure.key === keys.female ? 'female' : undefined;
    if (role === undefined) return;
    const entry = bySeries.get(column.series) ?? {};
    entry[role] = index;
    bySeries.set(column.series, entry);
  });
  for (const row of table.rows) {
    for (const { total, male, female } of bySeries.values()) {
      if (total === undefined || male === undefined || female === undefined) continue;
      const [totalCell, maleCell, femaleCell] = [row.cells[total], row.cells[male], row.cells[female]];
      const expected = addend(totalCell?.value);
      const found = sum([maleCell, femaleCell]);
      if (totalCell === undefined || maleCell === undefined || expected === undefined || found === undefined || equal(found, expected)) continue;
      const totalColumn = table.columns[total] as WorkbookColumn;
      const maleColumn = table.columns[male] as WorkbookColumn;
      const femaleColumn = table.columns[female] as WorkbookColumn;
      const series = totalColumn.series === 'total' ? '' : ` ${totalColumn.seriesLabel}`;
      problems.push(warning(table, maleCell, row, maleColumn.index, `${row.name}${series}: ${maleColumn.measureLabel} + ${femaleColumn.measureLabel} = ${formatCount(found)} ≠ ${totalColumn.measureLabel} ${formatCount(expected)} (${sheetReference(table.sheet, totalCell.ref)})`));
    }
  }
  return problems;
}

/**
 * The rows under each row: counties (indented) under the prefecture or province above them;
 * unindented rows under the total row. Rows without children are left out.
 */
export function rowHierarchy(rows: readonly WorkbookRow[]): Map<WorkbookRow, WorkbookRow[]> {
  const children = new Map<WorkbookRow, WorkbookRow[]>();
  const total = rows.find((row) => row.isTotal);
  const stack: WorkbookRow[] = [];
  for (const row of rows) {
    if (row.isTotal) continue;
    while (stack.length > 0 && (stack.at(-1) as WorkbookRow).indent >= row.indent) stack.pop();
    const parent = stack.at(-1) ?? total;
    if (parent !== undefined) {
      const list = children.get(parent);
      if (list) list.push(row);
      else children.set(parent, [row]);
    }
    stack.push(row);
  }
  return children;
}

/** Every parent row equals the sum of the rows under it, in every count column, at the parent's cell. */
export function checkRowsSum(table: WorkbookTable): Problem[] {
  const problems: Problem[] = [];
  for (const [parent, children] of rowHierarchy(table.rows)) {
    table.columns.forEach((column, index) => {
      if (!counts(column)) return;
      const parentCell = parent.cells[index];
      const expected = addend(parentCell?.value);
      const found = sumAt(children, (child) => child.cells[index]);
      if (parentCell === undefined || expected === undefined || found === undefined || equal(found, expected)) return;
      const childCells = children.map((child) => child.cells[index]);
      const label = `${column.series === 'total' ? '' : `${column.seriesLabel} `}${column.measureLabel}`;
      problems.push(warning(table, parentCell, parent, column.index, `${parent.name} ${label}: ${formatCount(expected)} ≠ the ${children.length} rows under it, ${formatCount(found)} (${cellsReference(table.sheet, childCells)})`));
    });
  }
  return problems;
}
