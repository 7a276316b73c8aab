import type { CellObject } from '@e965/xlsx';
import type { WorkbookSpec, WorkbookValue } from '../../../schemas/workbook.ts';
import type { Problem } from '../../../schemas/problem.ts';
import { errorText, figureReader, isBlankCell } from './cell.ts';
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
  /** The cell as published: its text as it stands, or the number it held; `""` when empty. */
  raw: string | number;
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

/** First non-empty text in a row, for the title and unit lines. */
function firstText(row: readonly (CellObject | undefined)[] | undefined): string | undefined {
  for (const cell of row ?? []) {
    const text = cellText(cell).trim();
    if (text !== '') return text;
  }
  return undefined;
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
  const readers = columns.map(figureReader);
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
    const hasFigures = row !== undefined && columns.some((column) => !isBlankCell(row[column.index]));
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
      const figure = (readers[i] as ReturnType<typeof figureReader>)(row?.[column.index]);
      if ('error' in figure) {
        account.unreadable++;
        cells.push(undefined);
        const { message, expected, found, hint } = figure.error;
        problems.push({ ...at(ref, rowNumber, column.index + 1), severity: 'error', message, ...(expected === undefined ? {} : { expected }), found, ...(hint === undefined ? {} : { hint }) });
        continue;
      }
      const value = figure.value;
      if (typeof value === 'number') account.numbers++;
      else if (value.missing === 'none-reported') account.noneReported++;
      else account.missing++;
      cells.push({ ref, raw: figure.raw, value });
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
      if (cell === undefined || known.has(c) || isBlankCell(cell)) continue;
      const found = cell.t === 'e' ? errorText(cell) : cell.f !== undefined && cell.v === undefined ? `=${cell.f}` : cellText(cell);
      problems.push({ ...at(`${columnLetters(c)}${rowNumber}`, rowNumber, c + 1), severity: 'error', message: 'a figure in a column without a header', found, hint: 'check header.seriesRows and header.measureRows' });
    }
    rows.push({ rowNumber, label, labelRef, name, indent: indentOf(label), key, isTotal, cells });
  }
  return { table: { file, format: sheet.format, sheet: sheetName, title, unit, columns, rows, account }, problems };
}
