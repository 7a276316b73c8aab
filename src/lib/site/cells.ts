import { t } from '../../i18n/ui.ts';
import type { DatasetMeta } from '../../schemas/dataset.ts';
import type { SourcedRow } from '../../schemas/rows.ts';

/**
 * Where figures stand in a published workbook: the table as the volume numbers it, the sheet
 * row and the cells (A1). A figure on a page carries one, and its source note names them:
 * 表 1-6 第 16 行（K16—M16）.
 */
export interface CellRef {
  /** The table number as printed (1-6, 1-6a for the 城市 part). */
  table: string;
  /** Row of the sheet. */
  line: number;
  /** Cells of the figures, A1. */
  cells: readonly string[];
}

/** What a cell reference needs of a dataset: its file and the workbook's table numbers. */
export type CellRefMeta = Pick<DatasetMeta, 'id' | 'file' | 'workbook'>;

/** The table number of a dataset's file (its main file, or a part named by `sourceFile`); throws when the metadata does not declare it. */
export function tableNumberOf(meta: CellRefMeta, sourceFile: string | undefined): string {
  const workbook = meta.workbook;
  const number = sourceFile === undefined || sourceFile === meta.file ? workbook?.tableNumber : workbook?.parts.find((part) => part.file === sourceFile)?.tableNumber;
  if (number === undefined) throw new Error(`${meta.id}: no workbook.tableNumber for ${sourceFile ?? meta.file} in dataset.yaml`);
  return number;
}

/** The reference of the figures `keys` (total, male, …) of a workbook row. */
export function cellRef(meta: CellRefMeta, row: Pick<SourcedRow, 'sourceLine' | 'sourceFile' | 'sourceCells'>, keys: readonly string[]): CellRef {
  const cells = keys.flatMap((key) => row.sourceCells?.[key] ?? []);
  if (cells.length === 0) throw new Error(`${meta.id}: row ${row.sourceLine} has no cell for ${keys.join(', ')}`);
  return { table: tableNumberOf(meta, row.sourceFile), line: row.sourceLine, cells };
}

/** Column letters → 1-based number (A 1, Z 26, AA 27). */
function columnNumber(letters: string): number {
  return [...letters].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0);
}

function columnLetters(number: number): string {
  let letters = '';
  for (let rest = number; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

interface Rect {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Runs of consecutive numbers: [6, 7, 8, 16] → [[6, 8], [16, 16]]. */
function runs(numbers: readonly number[]): [number, number][] {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const found: [number, number][] = [];
  for (const number of sorted) {
    const last = found.at(-1);
    if (last && number === last[1] + 1) last[1] = number;
    else found.push([number, number]);
  }
  return found;
}

/**
 * Cells as few ranges: adjacent cells of a row join (K16—M16), then equal spans of adjacent
 * rows (K7—K37; K7—M37 for a block).
 */
export function cellRanges(cells: readonly string[]): string[] {
  const byRow = new Map<number, number[]>();
  for (const cell of cells) {
    const match = /^([A-Z]{1,3})(\d+)$/.exec(cell);
    if (!match) throw new Error(`not an A1 cell reference: ${cell}`);
    const row = Number(match[2]);
    byRow.set(row, [...(byRow.get(row) ?? []), columnNumber(match[1] ?? '')]);
  }
  const rects: Rect[] = [];
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    for (const [left, right] of runs(byRow.get(row) ?? [])) {
      const above = rects.find((rect) => rect.left === left && rect.right === right && rect.bottom === row - 1);
      if (above) above.bottom = row;
      else rects.push({ left, right, top: row, bottom: row });
    }
  }
  return rects
    .sort((a, b) => a.left - b.left || a.top - b.top)
    .map((rect) => {
      const start = `${columnLetters(rect.left)}${rect.top}`;
      const end = `${columnLetters(rect.right)}${rect.bottom}`;
      return start === end ? start : `${start}—${end}`;
    });
}

/** More ranges than this are named by the first two, the last and a count. */
const MAX_RANGES = 6;

/** Rows as text: 第 16 行, 第 6—37 行, 第 6、16 行. */
function linesText(lines: readonly number[]): string {
  const text = runs(lines).map(([first, last]) => (first === last ? String(first) : `${first}—${last}`));
  return text.length === 1 && !text[0]?.includes('—') ? t('figure.line', { line: text[0] ?? '' }) : t('figure.lines', { lines: text.join('、') });
}

/**
 * Where figures stand, table by table: 表 1-6 第 16 行（K16—M16）；表 1-6a 第 16 行（K16）.
 * Long lists of scattered cells (a figure from each of 58 groups) are shortened to the first
 * two, the last and how many there are.
 */
export function formatCellRefs(refs: readonly CellRef[]): string {
  const tables = [...new Set(refs.map((ref) => ref.table))];
  return tables
    .map((table) => {
      const mine = refs.filter((ref) => ref.table === table);
      const ranges = cellRanges(mine.flatMap((ref) => ref.cells));
      const cells =
        ranges.length > MAX_RANGES
          ? t('figure.cellsMany', { first: ranges.slice(0, 2).join('、'), last: ranges.at(-1) ?? '', count: new Set(mine.flatMap((ref) => ref.cells)).size })
          : ranges.join('、');
      return t('figure.cells', { table, lines: linesText(mine.map((ref) => ref.line)), cells });
    })
    .join('；');
}
