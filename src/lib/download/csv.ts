import { isMissing } from '../../schemas/cell.ts';
import type { DatasetMeta } from '../../schemas/dataset.ts';
import { t } from '../../i18n/ui.ts';
import { columnsWithMissing, type DownloadColumn, type DownloadRow, downloadUnit, downloadValue, missingNote, sourceCellsText, sourceColumns } from './columns.ts';

/** Byte order mark: without it Excel reads a UTF-8 CSV as the local code page and garbles Chinese. */
export const BOM = '\uFEFF';

/** Key of the first column of the cleaned CSV: the line of the published file the row comes from. */
export const SOURCE_LINE_KEY = 'sourceLine';

/** Suffix of the column that explains why a cell of `<key>` is empty. */
export const NOTE_SUFFIX = '_note';
/** Columns of a workbook dataset's CSV: the part file a row comes from, and the cells of its figures. */
export const SOURCE_FILE_KEY = 'sourceFile';
export const SOURCE_CELLS_KEY = 'sourceCells';

export type CsvValue = string | number | null;

/**
 * Text a spreadsheet would run as a formula (OWASP "CSV Injection"): a cell starting with
 * = + - @, a tab or a carriage return. Numbers are written as numbers and never match.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** What the README says about `FORMULA_START` cells. */
export const CSV_FORMULA_NOTE = t('download.formulaNote');

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break; null is empty.
 * Text that starts like a formula gets a leading `'` (and quotes), so that Excel, LibreOffice
 * and Google Sheets show it as text instead of running it; the JSON download keeps it exact.
 */
export function csvField(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'string' && FORMULA_START.test(value)) return `"'${value.replaceAll('"', '""')}"`;
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A CSV file: BOM, header, records, CRLF line ends (what Excel and RFC 4180 expect). */
export function toCsv(header: readonly string[], records: readonly (readonly CsvValue[])[]): string {
  const lines = [header, ...records].map((record) => record.map(csvField).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/**
 * The cleaned CSV. Header: `sourceLine`, then the column keys (the Chinese headers are in
 * the column dictionary). Numbers are plain (no thousands separators) in the publisher's
 * unit (shares in %). A missing cell is left empty, and each column that has missing cells
 * is followed by `<key>_note`, which says why (数据不详、为保密未公布…) on those rows only, so
 * an empty cell is never mistaken for 0.
 */
export function toCleanCsv(columns: readonly DownloadColumn[], rows: readonly DownloadRow[], sourceErrors: DatasetMeta['sourceErrors'] = []): string {
  const noted = columnsWithMissing(columns, rows);
  const source = sourceColumns(rows);
  const header = [
    SOURCE_LINE_KEY,
    ...(source.file ? [SOURCE_FILE_KEY] : []),
    ...(source.cells ? [SOURCE_CELLS_KEY] : []),
    ...columns.flatMap((column) => (noted.has(column.key) ? [column.key, `${column.key}${NOTE_SUFFIX}`] : [column.key])),
  ];
  const records = rows.map((row) => [
    row.sourceLine,
    ...(source.file ? [row.sourceFile ?? null] : []),
    ...(source.cells ? [sourceCellsText(row)] : []),
    ...columns.flatMap((column) => {
      const value = row.values[column.key];
      const cell = downloadValue(value, column.type);
      if (!noted.has(column.key)) return [cell];
      return [cell, isMissing(value) ? missingNote(value, row.sourceLine, column.key, sourceErrors) : null];
    }),
  ]);
  return toCsv(header, records);
}

/** Header of the column dictionary. */
export const COLUMNS_HEADER = [t('data.column.key'), t('data.column.source'), t('data.column.type'), t('data.column.unit'), t('data.column.meaning')] as const;

/** Chinese name of a column type, for dictionaries. */
export function typeLabel(type: DownloadColumn['type']): string {
  return t(`data.type.${type}`);
}

/**
 * The column dictionary (字段说明) of the cleaned CSV, one row per CSV column in CSV order:
 * key, published header, type, unit, meaning; `_note` columns included where the CSV has them.
 */
export function columnDictionary(columns: readonly DownloadColumn[], rows: readonly DownloadRow[]): string[][] {
  const noted = columnsWithMissing(columns, rows);
  const source = sourceColumns(rows);
  const entries: string[][] = [[SOURCE_LINE_KEY, '', typeLabel('integer'), '', t('data.download.sourceLine')]];
  if (source.file) entries.push([SOURCE_FILE_KEY, '', typeLabel('text'), '', t('data.download.sourceFile')]);
  if (source.cells) entries.push([SOURCE_CELLS_KEY, '', typeLabel('text'), '', t('data.download.sourceCells')]);
  for (const column of columns) {
    entries.push([column.key, column.source.replace(/\s+/g, ''), typeLabel(column.type), downloadUnit(column) ?? '', column.meaning]);
    if (noted.has(column.key)) entries.push([`${column.key}${NOTE_SUFFIX}`, '', typeLabel('text'), '', t('data.download.note', { key: column.key })]);
  }
  return entries;
}

/** The column dictionary as a CSV file with a Chinese header row. */
export function toColumnsCsv(columns: readonly DownloadColumn[], rows: readonly DownloadRow[]): string {
  return toCsv(COLUMNS_HEADER, columnDictionary(columns, rows));
}
