/**
 * Table cells as read-aloud needs them: the headers that name a cell (its row header and its
 * column headers, from `headers`, `scope` and the table's header rows), and the cell beside it in
 * a direction, for moving through a table with the arrow keys. DOM in, DOM out; no speech.
 */

/** A cell's text as a listener should hear it: without decorations hidden from assistive technology (sort arrows). */
export function spokenText(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The first column a cell covers, counting the column spans of the cells before it in its row. */
function columnOf(cell: HTMLTableCellElement): number {
  let column = 0;
  for (const before of cell.parentElement?.children ?? []) {
    if (before === cell) break;
    if (before instanceof HTMLTableCellElement) column += before.colSpan;
  }
  return column;
}

/** The cell of `row` that covers column `column`. */
function cellAt(row: HTMLTableRowElement, column: number): HTMLTableCellElement | undefined {
  let start = 0;
  for (const cell of row.cells) {
    if (column < start + cell.colSpan) return cell;
    start += cell.colSpan;
  }
  return undefined;
}

/** The header cells that name `cell`: by its `headers` ids when it has them, else its row's header cells and the header rows' cells above it. */
export function headersOf(cell: HTMLTableCellElement): { row: HTMLTableCellElement[]; column: HTMLTableCellElement[] } {
  const table = cell.closest('table');
  const row = cell.parentElement;
  if (!table || !(row instanceof HTMLTableRowElement)) return { row: [], column: [] };
  const ids = cell.getAttribute('headers')?.split(/\s+/).filter(Boolean) ?? [];
  if (ids.length > 0) {
    const named = ids.map((id) => table.querySelector(`#${CSS.escape(id)}`)).filter((header): header is HTMLTableCellElement => header instanceof HTMLTableCellElement);
    return { row: named.filter((header) => header.scope === 'row'), column: named.filter((header) => header.scope !== 'row') };
  }
  const inHead = row.parentElement instanceof HTMLTableSectionElement && row.parentElement.tagName === 'THEAD';
  const rowHeaders = inHead ? [] : [...row.cells].filter((other) => other !== cell && other.tagName === 'TH' && other.scope !== 'col' && columnOf(other) < columnOf(cell));
  const column = columnOf(cell);
  const headRows = [...(table.tHead?.rows ?? [])].filter((headRow) => headRow !== row);
  const columnHeaders = inHead ? [] : headRows.map((headRow) => cellAt(headRow, column)).filter((header): header is HTMLTableCellElement => header !== undefined && header !== cell);
  return { row: rowHeaders, column: columnHeaders };
}

/** What to say for a cell: its row header, its column headers, then its own text (a header cell says only its own). */
export function cellSpeech(cell: HTMLTableCellElement): string {
  const { row, column } = headersOf(cell);
  const names = [...row, ...column].map(spokenText).filter(Boolean);
  const own = spokenText(cell);
  return names.length > 0 ? `${names.join('，')}：${own}` : own;
}

export type Direction = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight';

/** The cell next to `cell` in `direction` (up and down keep the column), or undefined at the table's edge. */
export function cellBeside(cell: HTMLTableCellElement, direction: Direction): HTMLTableCellElement | undefined {
  const row = cell.parentElement;
  const table = cell.closest('table');
  if (!(row instanceof HTMLTableRowElement) || !table) return undefined;
  if (direction === 'ArrowLeft') return row.cells[cell.cellIndex - 1];
  if (direction === 'ArrowRight') return row.cells[cell.cellIndex + 1];
  const next = table.rows[row.rowIndex + (direction === 'ArrowUp' ? -1 : 1)];
  return next ? cellAt(next, columnOf(cell)) : undefined;
}
