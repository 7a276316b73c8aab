import type { CellObject } from '@e965/xlsx';
import type { ColumnMeta } from '../../../schemas/dataset.ts';
import type { NoneReported, WorkbookValue } from '../../../schemas/workbook.ts';
import { cellReader, CellError, standardMissingMarkers } from '../normalise.ts';
import type { WorkbookColumn } from './header.ts';

/**
 * One published cell → its figure. Text goes through the same cell reader as a CSV column of
 * the measure's type (so `1,234`, `１２３`, `—` and `x` read alike, with the same errors and
 * hints); a numeric cell's number is taken as it is when it is what the reader would return
 * (a whole number in a count column) and goes through the reader as digits otherwise. A blank
 * is none reported (or too small, where the measure says so). A formula is never evaluated:
 * its cached value is read, or it is refused.
 */

/** A figure read, or why not. `raw` is the cell as published: its text, or the number it held. */
export type Figure =
  | { raw: string | number; value: WorkbookValue }
  | { raw: string; error: { message: string; expected?: string; found: string; hint: string | undefined } };

/** The value of every empty cell, shared: a census sheet has more empty cells than figures. */
const NONE_REPORTED: NoneReported = Object.freeze({ missing: 'none-reported', marker: '' });

const RECALCULATE = 'open the file in a spreadsheet, let it calculate, and save it again — or ask the publisher for the values';
const ERROR_CODES: Record<number, string> = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA' };

/** Excel's text for an error cell (#DIV/0!, #N/A, …). */
export function errorText(cell: CellObject): string {
  return typeof cell.v === 'number' ? (ERROR_CODES[cell.v] ?? `error ${cell.v}`) : '#ERROR';
}

/** True when a cell prints nothing: absent, a stub, or text of spaces only. */
export function isBlankCell(cell: CellObject | undefined): boolean {
  if (cell === undefined || cell.t === 'z') return true;
  if (cell.t === 'e' || cell.f !== undefined) return false;
  if (cell.v === undefined || cell.v === null) return true;
  return typeof cell.v === 'string' && cell.v.trim() === '';
}

function columnMeta(column: WorkbookColumn): ColumnMeta {
  const measure = column.measure;
  const meta: ColumnMeta = { source: `${column.seriesLabel} ${column.measureLabel}`.trim(), key: measure.key, type: measure.type, meaning: measure.meaning, allowScaleSuffix: false, required: false };
  if (measure.unit !== undefined) meta.unit = measure.unit;
  return meta;
}

const EMPTY: Figure = Object.freeze({ raw: '', value: NONE_REPORTED });
const EMPTY_TOO_SMALL: Figure = Object.freeze({ raw: '', value: Object.freeze({ missing: 'too-small', marker: '' }) });

/** A reader for the cells of one column, made once per column. */
export function figureReader(column: WorkbookColumn): (cell: CellObject | undefined) => Figure {
  // Measures are numeric types, for which the CSV reader never returns text.
  const read = cellReader(columnMeta(column), standardMissingMarkers) as (raw: string) => WorkbookValue | CellError;
  const wholeNumbers = column.measure.type === 'integer';
  const empty = column.measure.blank === 'too-small' ? EMPTY_TOO_SMALL : EMPTY;
  const name = `column "${columnMeta(column).source}"`;
  const fromText = (raw: string): Figure => {
    if (raw === '') return empty;
    if (raw.trim() === '') return { raw, value: column.measure.blank === 'too-small' ? { missing: 'too-small', marker: raw } : { missing: 'none-reported', marker: raw } };
    const value = read(raw);
    if (!(value instanceof CellError)) return { raw, value };
    return { raw, error: { message: `${value.message} in ${name}`, expected: value.expected, found: raw, hint: value.hint } };
  };
  return (cell) => {
    if (cell === undefined || cell.t === 'z') return empty;
    const v = cell.v;
    if (cell.t === 'e' || v === undefined || v === null) {
      if (cell.f !== undefined) return { raw: '', error: { message: `a formula without a cached value (=${cell.f}): formulas are never evaluated`, found: `=${cell.f}`, hint: RECALCULATE } };
      if (cell.t === 'e') return { raw: errorText(cell), error: { message: 'an error value in place of a figure', found: errorText(cell), hint: RECALCULATE } };
      return empty;
    }
    if (typeof v === 'number') {
      if (wholeNumbers && Number.isInteger(v)) return { raw: v, value: v };
      const figure = fromText(String(v));
      return 'error' in figure ? figure : { raw: v, value: figure.value };
    }
    return fromText(typeof v === 'string' ? v : v === true ? 'TRUE' : v === false ? 'FALSE' : String(v));
  };
}
