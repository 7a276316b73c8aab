import type { Cell, Missing, MissingReason } from '../../schemas/cell.ts';
import type { ColumnMeta } from '../../schemas/dataset.ts';

/**
 * Cell and header normalisation: what a Chinese statistical spreadsheet publishes,
 * turned into plain numbers, text and explicit missing values.
 */

/** Markers every dataset understands. A dataset may add its own in `missingMarkers`. */
export const standardMissingMarkers: Readonly<Record<string, MissingReason>> = {
  '': 'blank',
  NA: 'not-available',
  'N/A': 'not-available',
  '—': 'not-applicable',
  '——': 'not-applicable',
  '-': 'not-applicable',
  '－': 'not-applicable',
  '…': 'too-small',
  '...': 'too-small',
  '……': 'too-small',
  x: 'suppressed',
  X: 'suppressed',
};

/** Header as matched: full-width forms folded (NFKC), line breaks and spaces removed. */
export function normaliseHeader(header: string): string {
  return header.normalize('NFKC').replace(/\s+/gu, '');
}

/** Full-width digits, signs and separators folded to ASCII; spaces (any kind) trimmed. */
export function foldWidth(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0x2212) out += '-';
    else if (code === 0x3000 || code === 0x00a0) out += ' ';
    else out += text[i];
  }
  return out.trim();
}

/** The missing-value reason of a marker; a cell reading `constructor` is not one. */
function markerReason(markers: Readonly<Record<string, MissingReason>>, text: string): MissingReason | undefined {
  return Object.hasOwn(markers, text) ? markers[text] : undefined;
}

/** Why a cell could not be read; allocated only for bad cells (good cells allocate nothing). */
export class CellError {
  readonly message: string;
  readonly expected: string;
  readonly hint: string | undefined;

  constructor(message: string, expected: string, hint?: string) {
    this.message = message;
    this.expected = expected;
    this.hint = hint;
  }
}

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const SCALE_POWERS: Record<string, number> = { 万: 4, 亿: 8 };

/** Moves the decimal point of a plain decimal string by `places` (negative: left), exactly. */
export function shiftDecimal(decimal: string, places: number): number {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(decimal);
  if (!match) return Number(decimal) * 10 ** places;
  const [, sign = '', whole = '', fraction = ''] = match;
  let digits = whole + fraction;
  let point = whole.length + places;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits += '0'.repeat(point - digits.length);
  return Number(`${sign}${digits.slice(0, point) || '0'}.${digits.slice(point) || '0'}`);
}

const POWERS_OF_TEN = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18];

/**
 * A plain ASCII decimal (`-12.50`, at most 15 digits) divided by 10^`shift`, as the double
 * nearest the exact decimal (5.22 % → 0.0522, not 0.052199999999999996); NaN for anything
 * else. The hot path of the check: no allocation, no regular expression. Exact because the
 * digits fit in 2^53 and a power of ten up to 10^22 is exact, so one division rounds once.
 */
function readPlainDecimal(raw: string, shift: number): number {
  const length = raw.length;
  if (length === 0 || length > 16) return Number.NaN;
  const negative = raw.charCodeAt(0) === 45;
  let mantissa = 0;
  let digits = 0;
  let places = -1;
  for (let i = negative ? 1 : 0; i < length; i++) {
    const code = raw.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      mantissa = mantissa * 10 + (code - 48);
      digits++;
      if (places >= 0) places++;
    } else if (code === 46 && places < 0) {
      places = 0;
    } else {
      return Number.NaN;
    }
  }
  if (digits === 0 || digits > 15) return Number.NaN;
  const divisor = POWERS_OF_TEN[(places < 0 ? 0 : places) + shift] ?? Number.NaN;
  const value = mantissa / divisor;
  return negative ? -value : value;
}

/**
 * Reads one published cell as the column's type. Missing markers become explicit
 * missing values; anything that is neither a value of the type nor a marker is a
 * `CellError`.
 */
export function normaliseCell(raw: string, column: ColumnMeta, markers: Readonly<Record<string, MissingReason>>): Cell | CellError {
  const type = column.type;
  if (type === 'text') {
    const text = raw.trim();
    const reason = markerReason(markers, text);
    if (reason === undefined) return text.normalize('NFC');
    return column.required ? new CellError('missing value in a required column', 'text') : missing(reason, raw);
  }
  // Fast path: most published cells are plain ASCII numbers.
  if (type !== 'adcode' && column.scale === undefined) {
    const value = readPlainDecimal(raw, type === 'percent' ? 2 : type === 'permille' ? 3 : 0);
    if (value === value) return checkRange(value, column);
  }

  const folded = foldWidth(raw);
  const reason = markerReason(markers, folded);
  if (reason !== undefined) {
    return column.required ? new CellError('missing value in a required column', expectedFor(column, false)) : missing(reason, raw);
  }

  if (type === 'adcode') {
    if (/^\d{6}$/.test(folded)) return folded;
    if (/^\d{6}0{6}$/.test(folded)) return folded.slice(0, 6);
    return new CellError('not an adcode', 'six digits (区划代码)', /^\d{1,5}$/.test(folded) ? 'leading zeros may have been lost in a spreadsheet; format the column as text' : undefined);
  }

  let text = folded.replace(/\s+/g, '');
  let suffix: '%' | '‰' | undefined;
  if (text.endsWith('%') || text.endsWith('‰')) {
    suffix = text.endsWith('%') ? '%' : '‰';
    text = text.slice(0, -1);
  }
  let scalePower = column.scale === undefined ? 0 : (SCALE_POWERS[column.scale] ?? 0);
  const last = text.at(-1);
  if (last !== undefined && last in SCALE_POWERS) {
    if (!column.allowScaleSuffix) {
      return new CellError(`unit ${last} inside a number`, expectedFor(column), `set allowScaleSuffix: true on column "${column.source}" if ${last} is meant, or remove it`);
    }
    scalePower += SCALE_POWERS[last] ?? 0;
    text = text.slice(0, -1);
  }
  if (GROUPED_NUMBER.test(text)) text = text.replaceAll(',', '');
  if (!PLAIN_NUMBER.test(text)) return new CellError('not a number', expectedFor(column), hintForNonNumber(text));

  if (suffix === '%' && type !== 'percent') {
    return new CellError('a percentage in a column that is not one', expectedFor(column), 'declare the column as type: percent');
  }
  if (suffix === '‰' && type !== 'permille') {
    return new CellError('a permille value in a column that is not one', expectedFor(column), 'declare the column as type: permille');
  }
  const shift = type === 'percent' ? -2 : type === 'permille' ? -3 : 0;
  return checkRange(shiftDecimal(text, scalePower + shift), column);
}

/** Which quick test reads a column's plain cells (see `quickNumber`). */
export const QUICK = { none: 0, integer: 1, number: 2, share: 3 } as const;
export type QuickKind = (typeof QUICK)[keyof typeof QUICK];

/** The quick test of a column, and for shares the places the decimal point moves (5.22 % → 0.0522). */
export function quickKind(column: ColumnMeta): { kind: QuickKind; shift: number } {
  if (column.scale !== undefined) return { kind: QUICK.none, shift: 0 };
  switch (column.type) {
    case 'integer':
      return { kind: QUICK.integer, shift: 0 };
    case 'number':
      return { kind: QUICK.number, shift: 0 };
    case 'percent':
      return { kind: QUICK.share, shift: 2 };
    case 'permille':
      return { kind: QUICK.share, shift: 3 };
    case 'fraction':
      return { kind: QUICK.share, shift: 0 };
    default:
      return { kind: QUICK.none, shift: 0 };
  }
}

/**
 * A plain cell of the column's kind as its number, NaN for anything else (then
 * `normaliseCell` gives the same answer, or the precise error). The hot path of the check,
 * run on 500,000 census cells: one scan of the characters, which in a loop over a column
 * is about twice as fast as the native `Number()` (that also takes '', spaces, `0x1F` and
 * `Infinity`, so it needs checks of its own).
 */
export function quickNumber(raw: string, kind: QuickKind, shift: number): number {
  if (kind === QUICK.none) return Number.NaN;
  const value = readPlainDecimal(raw, shift);
  if (kind === QUICK.share) return value >= 0 && value <= 1 ? value : Number.NaN;
  if (kind === QUICK.integer) return Number.isInteger(value) ? value : Number.NaN;
  return value;
}

/**
 * The markers of a dataset for an exact lookup of the published text (NA, —, a blank), each
 * with the one missing value it stands for: no folding, no prototype, and one object shared
 * by every cell that prints the marker (6,000 `NA`s in the county table), never changed.
 */
export function markerMap(markers: Readonly<Record<string, MissingReason>>): ReadonlyMap<string, Missing> {
  let map = markerMaps.get(markers);
  if (!map) {
    map = new Map(Object.entries(markers).map(([marker, reason]) => [marker, Object.freeze(missing(reason, marker))]));
    markerMaps.set(markers, map);
  }
  return map;
}
/** One map per set of markers: a workbook makes a reader for each of its 177 columns. */
const markerMaps = new WeakMap<object, ReadonlyMap<string, Missing>>();

/** A cell that `quickNumber` did not take: a marker exactly as listed, else `normaliseCell`. */
export function slowCell(raw: string, column: ColumnMeta, markers: Readonly<Record<string, MissingReason>>, exact: ReadonlyMap<string, Missing>): Cell | CellError {
  if (column.type === 'text' && !column.required) {
    // Text as normaliseCell reads it (trimmed, NFC), the marker looked up in the map.
    const text = raw.trim();
    const marked = exact.get(text);
    if (marked === undefined) return text.normalize('NFC');
    return text === raw ? marked : missing(marked.missing, raw);
  }
  const marked = column.required ? undefined : exact.get(raw);
  return marked ?? normaliseCell(raw, column, markers);
}

/** A reader for one column, made once per column: `quickNumber`, then `slowCell`. */
export function cellReader(column: ColumnMeta, markers: Readonly<Record<string, MissingReason>>): (raw: string) => Cell | CellError {
  const { kind, shift } = quickKind(column);
  const exact = markerMap(markers);
  return (raw) => {
    const value = quickNumber(raw, kind, shift);
    return value === value ? value : slowCell(raw, column, markers, exact);
  };
}

function checkRange(value: number, column: ColumnMeta): Cell | CellError {
  if (!Number.isFinite(value)) return new CellError('number out of range', expectedFor(column));
  switch (column.type) {
    case 'integer':
      return Number.isInteger(value) ? value : new CellError('not a whole number', expectedFor(column));
    case 'year':
      return Number.isInteger(value) && value >= 1900 && value <= 2100 ? value : new CellError('not a year', expectedFor(column));
    case 'fraction':
      return value >= 0 && value <= 1 ? value : new CellError('share outside 0–1', expectedFor(column), 'if the column is in %, declare it as type: percent');
    case 'percent':
      return value >= 0 && value <= 1 ? value : new CellError('percentage outside 0–100', expectedFor(column));
    case 'permille':
      return value >= 0 && value <= 1 ? value : new CellError('permille value outside 0–1000', expectedFor(column));
    default:
      return value;
  }
}

function missing(reason: MissingReason, marker: string): Missing {
  return { missing: reason, marker };
}

function expectedFor(column: ColumnMeta, orMissing = true): string {
  const names: Record<ColumnMeta['type'], string> = {
    adcode: 'six digits (区划代码)',
    text: 'text',
    integer: 'a whole number',
    number: 'a number',
    percent: 'a percentage 0–100',
    permille: 'a permille value 0–1000',
    fraction: 'a share between 0 and 1',
    year: 'a year',
  };
  return orMissing ? `${names[column.type]} or a missing-value marker (blank, NA, —, …, x)` : names[column.type];
}

function hintForNonNumber(text: string): string | undefined {
  if (/^\d+\.\d+\.\d+$/.test(text)) return 'two decimal points: a date or a typing error?';
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(text)) return 'European separators (1.234,5) are not read; use 1234.5';
  if (/[\u4e00-\u9fff]/u.test(text)) return 'Chinese text in a numeric column: a note belongs in the metadata caveats';
  return undefined;
}
