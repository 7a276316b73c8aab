import type { CellObject } from '@e965/xlsx';
import type { ColumnMeta } from '../../../schemas/dataset.ts';
import type { MeasureSpec, WorkbookSpec, WorkbookValue } from '../../../schemas/workbook.ts';
import { cellReader, CellError, standardMissingMarkers } from '../normalise.ts';
import type { Problem } from '../problems.ts';
import type { GroupMatcher } from './groups.ts';
import { cellText, readHeader, type WorkbookColumn } from './header.ts';
import { columnIndex, columnLetters, foldLabel, foldName, indentOf } from './labels.ts';
import { openSheet, WORKBOOK_LIMITS, WorkbookRefusal, type WorkbookFormat, type WorkbookLimits } from './open.ts';
import { pageFurniture } from './page.ts';

/**
 * Reads a census table from a workbook as published: the declared header, then every row
 * below it, each figure through the same cell reader as a CSV column of its type. Returns
 * the table with each figure's cell reference, and a problem for everything that does not fit.
 */

/** A figure as published and as read. */
export interface WorkbookCell {
  /** A1 reference, e.g. `K7`. */
  ref: string;
  /** The cell as printed: text as it stands, a number as its digits, `""` when empty. */
  raw: string;
  value: WorkbookValue;
}

export interface WorkbookRow {
  rowNumber: number;
  /** The label as printed (`  积石山保安族东乡\r\n  族撒拉族自治县`). */
  label: string;
  labelRef: string;
  /** The label folded (`积石山保安族东乡族撒拉族自治县`). */
  name: string;
  /** Spaces before the label: counties stand indented under their prefecture. */
  indent: number;
  /** `total` for the total row; else a group code (rows: groups) or the folded name (rows: places). */
  key: string;
  isTotal: boolean;
  /** One per column of `columns`; undefined where the cell could not be read (reported). */
  cells: (WorkbookCell | undefined)[];
}

export interface WorkbookAccount {
  dataRows: number;
  blankRows: number;
  /** Title, unit and header rows printed again inside the sheet, skipped. */
  pageHeaderRows: number;
  numbers: number;
  noneReported: number;
  missing: number;
  unreadable: number;
}

export interface WorkbookTable {
  /** The published file, as problems name it (`data/<id>/<file>`). */
  file: string;
  format: WorkbookFormat;
  sheet: string;
  title: string | undefined;
  unit: string | undefined;
  columns: WorkbookColumn[];
  rows: WorkbookRow[];
  account: WorkbookAccount;
}

export interface WorkbookResult {
  table?: WorkbookTable;
  problems: Problem[];
}

export interface ReadWorkbookOptions {
  /** The file as problems name it. */
  file: string;
  /** Printed group labels → GB/T 3304 groups; needed when series or rows name groups. */
  groups?: GroupMatcher;
  limits?: WorkbookLimits;
}

const NO_GROUPS: GroupMatcher = () => undefined;
type Reader = ReturnType<typeof cellReader>;

/** First non-empty text in a row, for the title and unit lines. */
function firstText(row: readonly (CellObject | undefined)[] | undefined): string | undefined {
  for (const cell of row ?? []) {
    const text = cellText(cell).trim();
    if (text !== '') return text;
  }
  return undefined;
}

function measureColumn(column: WorkbookColumn): ColumnMeta {
  const measure: MeasureSpec = column.measure;
  const meta: ColumnMeta = { source: `${column.seriesLabel} ${column.measureLabel}`.trim(), key: measure.key, type: measure.type, meaning: measure.meaning, allowScaleSuffix: false, required: false };
  if (measure.unit !== undefined) meta.unit = measure.unit;
  return meta;
}

/** The cell as printed; undefined for an error value or a formula without a cached value. */
function rawText(cell: CellObject): string | undefined {
  if (cell.t === 'e' || (cell.f !== undefined && cell.v === undefined)) return undefined;
  if (cell.t === 'b') return cell.v ? 'TRUE' : 'FALSE';
  return cell.v === undefined || cell.v === null ? '' : typeof cell.v === 'string' ? cell.v : String(cell.v);
}

export function readWorkbook(bytes: Uint8Array, spec: WorkbookSpec, options: ReadWorkbookOptions): WorkbookResult {
  const { file } = options;
  const problems: Problem[] = [];
  let sheet;
  try {
    sheet = openSheet(bytes, spec.sheet, options.limits ?? WORKBOOK_LIMITS);
  } catch (error) {
    if (!(error instanceof WorkbookRefusal)) throw error;
    problems.push({ file, line: 0, column: 0, severity: 'error', message: error.message, hint: error.hint });
    return { problems };
  }
  const sheetName = sheet.sheetName;
  const at = (ref: string, row: number, column: number) => ({ file, line: row, column, cell: { sheet: sheetName, ref } });
  const matchGroup = options.groups ?? NO_GROUPS;
  const totals = new Set(spec.totalLabels.map(foldName));

  const categories = new Map<string, string>();
  if (spec.series.kind === 'categories') for (const category of spec.series.categories) for (const label of category.labels) categories.set(foldLabel(label), category.key);
  const resolveSeries = (label: string) => (totals.has(label) ? 'total' : spec.series.kind === 'groups' ? matchGroup(label)?.group.code : categories.get(label));
  const seriesHint = spec.series.kind === 'groups'
    ? 'a group label must be a GB/T 3304 name once spaces are removed, or be listed in data/reference/ethnic-group-labels.csv'
    : 'add the label to series.categories, or to totalLabels if it is the total';
  const header = readHeader(sheet.rows, sheet.merges, spec, resolveSeries, seriesHint);
  for (const issue of header.problems) {
    problems.push({ ...at(issue.ref, issue.row, issue.column), severity: 'error', message: issue.message, hint: issue.hint, ...(issue.found === undefined ? {} : { found: issue.found }) });
  }

  const columns = header.columns;
  const readers = columns.map((column) => cellReader(measureColumn(column), standardMissingMarkers));
  const account: WorkbookAccount = { dataRows: 0, blankRows: 0, pageHeaderRows: 0, numbers: 0, noneReported: 0, missing: 0, unreadable: 0 };
  const rows: WorkbookRow[] = [];
  const title = spec.titleRow === undefined ? undefined : firstText(sheet.rows[spec.titleRow - 1]);
  const unit = spec.unitRow === undefined ? undefined : firstText(sheet.rows[spec.unitRow - 1]);
  const labelIndex = columnIndex(spec.labelColumn);
  const labelLetters = spec.labelColumn;
  const last = Math.min(spec.lastDataRow ?? sheet.rows.length, sheet.rows.length);
  const skipper = spec.repeatedHeader ? pageFurniture(sheet.rows, header, title) : undefined;
  const known = new Set([labelIndex, ...header.repeatLabels, ...header.unresolved, ...columns.map((column) => column.index)]);

  for (let r = spec.firstDataRow - 1; r < last; r++) {
    const row = sheet.rows[r];
    const rowNumber = r + 1;
    const label = cellText(row?.[labelIndex]);
    const name = foldName(label);
    const hasFigures = row !== undefined && columns.some((column) => {
      const cell = row[column.index];
      return cell !== undefined && (rawText(cell) ?? '#').trim() !== '';
    });
    if (name === '' && !hasFigures) {
      account.blankRows++;
      continue;
    }
    const furniture = skipper?.(r);
    if (furniture !== undefined) {
      account.pageHeaderRows += furniture.rows;
      for (const issue of furniture.problems) problems.push({ ...at(issue.ref, issue.row, issue.column), severity: 'warning', message: issue.message });
      r += furniture.rows - 1;
      continue;
    }
    const labelRef = `${labelLetters}${rowNumber}`;
    if (name === '') {
      problems.push({ ...at(labelRef, rowNumber, labelIndex + 1), severity: 'error', message: 'figures without a row label', hint: 'check firstDataRow and lastDataRow, or the label column' });
      continue;
    }
    const isTotal = totals.has(name);
    let key = isTotal ? 'total' : name;
    if (!isTotal && spec.rows === 'groups') {
      const match = matchGroup(name);
      if (match === undefined) {
        problems.push({ ...at(labelRef, rowNumber, labelIndex + 1), severity: 'error', message: `row ${rowNumber}: group ${JSON.stringify(name)} is not known`, found: label, hint: seriesHint });
        continue;
      }
      key = match.group.code;
    }
    account.dataRows++;
    const cells: (WorkbookCell | undefined)[] = [];
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i] as WorkbookColumn;
      const ref = `${column.letters}${rowNumber}`;
      const cell = row?.[column.index];
      const raw = cell === undefined ? '' : rawText(cell);
      if (raw === undefined) {
        account.unreadable++;
        cells.push(undefined);
        const formula = cell?.f === undefined ? '' : ` =${cell.f}`;
        problems.push({ ...at(ref, rowNumber, column.index + 1), severity: 'error', message: formula ? `a formula without a cached value (${formula.trim()}): formulas are never evaluated` : 'an error value in place of a figure', found: formula.trim() || errorText(cell), hint: 'open the file in a spreadsheet, let it calculate, and save it again — or ask the publisher for the values' });
        continue;
      }
      if (raw.trim() === '') {
        account.noneReported++;
        cells.push({ ref, raw, value: { missing: 'none-reported', marker: raw } });
        continue;
      }
      // Measures are numeric types, for which the reader never returns text.
      const value = (readers[i] as Reader)(raw) as WorkbookValue | CellError;
      if (value instanceof CellError) {
        account.unreadable++;
        cells.push(undefined);
        problems.push({ ...at(ref, rowNumber, column.index + 1), severity: 'error', message: `${value.message} in column "${`${column.seriesLabel} ${column.measureLabel}`.trim()}"`, expected: value.expected, found: raw, ...(value.hint === undefined ? {} : { hint: value.hint }) });
        continue;
      }
      if (typeof value === 'number') account.numbers++;
      else account.missing++;
      cells.push({ ref, raw, value });
    }
    for (const c of header.repeatLabels) {
      const repeated = foldName(cellText(row?.[c]));
      if (repeated !== name) {
        const ref = `${columnLetters(c)}${rowNumber}`;
        problems.push({ ...at(ref, rowNumber, c + 1), severity: 'warning', message: `the label repeated here differs from ${labelRef} (${JSON.stringify(name)})`, found: cellText(row?.[c]) });
      }
    }
    // Anything else in the row stands in a column no header names.
    for (let c = 0; c < (row?.length ?? 0); c++) {
      const cell = row?.[c];
      if (cell === undefined || known.has(c)) continue;
      const text = rawText(cell) ?? errorText(cell);
      if (text.trim() !== '') {
        const ref = `${columnLetters(c)}${rowNumber}`;
        problems.push({ ...at(ref, rowNumber, c + 1), severity: 'error', message: 'a figure in a column without a header', found: text, hint: 'check header.seriesRows and header.measureRows' });
      }
    }
    rows.push({ rowNumber, label, labelRef, name, indent: indentOf(label), key, isTotal, cells });
  }
  return { table: { file, format: sheet.format, sheet: sheetName, title, unit, columns, rows, account }, problems };
}

const ERROR_CODES: Record<number, string> = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA' };

function errorText(cell: CellObject | undefined): string {
  return typeof cell?.v === 'number' ? (ERROR_CODES[cell.v] ?? `error ${cell.v}`) : '#ERROR';
}
