import * as XLSX from '@e965/xlsx';
import { unzipSync } from 'fflate';

/**
 * Opens a published workbook, or refuses it with a reason an editor can act on. Only the
 * two formats the statistical offices publish are read: Excel 97–2003 (.xls, BIFF inside a
 * compound file) and Office Open XML (.xlsx). Anything else, HTML saved with an .xls name
 * included, is refused before SheetJS sees it: its HTML, CSV and SYLK readers would read
 * almost any text as a sheet, and HTML from outside is not interpreted here.
 */

/** Well above the census files (at most 0.6 MB unzipped, 120 rows, 21,000 cells). */
export const WORKBOOK_LIMITS = {
  /** Size of the file as published. */
  bytes: 16 * 1024 * 1024,
  /** Sum of the sizes of an .xlsx's parts once unzipped (a zip bomb is refused unopened). */
  unzippedBytes: 64 * 1024 * 1024,
  rows: 100_000,
  cells: 2_000_000,
} as const;
export type WorkbookLimits = { [K in keyof typeof WORKBOOK_LIMITS]: number };

export type WorkbookFormat = 'xls' | 'xlsx';

/** A file that cannot be read as a workbook; becomes one error naming the file. */
export class WorkbookRefusal extends Error {
  readonly hint: string;

  constructor(message: string, hint: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'WorkbookRefusal';
    this.hint = hint;
  }
}

/** One sheet as SheetJS reads it (dense: rows of cells), with what the reader needs around it. */
export interface OpenedSheet {
  format: WorkbookFormat;
  sheetName: string;
  sheetNames: string[];
  rows: (XLSX.CellObject | undefined)[][];
  merges: XLSX.Range[];
  cellCount: number;
}

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];
const SAVE_AS = 'open it in a spreadsheet and save it as Excel Workbook (.xlsx) or Excel 97–2003 (.xls), keeping every cell as published';

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((byte, index) => bytes[index] === byte);
}

/** Which of the two formats the bytes are, judged by their first bytes only; refuses everything else. */
export function sniffFormat(bytes: Uint8Array, limits: WorkbookLimits = WORKBOOK_LIMITS): WorkbookFormat {
  if (bytes.length === 0) throw new WorkbookRefusal('the file is empty', 'put the file in exactly as published');
  if (bytes.length > limits.bytes) {
    throw new WorkbookRefusal(`the file is ${(bytes.length / 1048576).toFixed(1)} MB, over the limit of ${limits.bytes / 1048576} MB for a workbook`, 'a census table is well under 1 MB: check that this is the right file');
  }
  if (startsWith(bytes, CFB_SIGNATURE)) return 'xls';
  if (startsWith(bytes, ZIP_SIGNATURE)) {
    checkZip(bytes, limits);
    return 'xlsx';
  }
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (/^<(!doctype html|html|head|body|table|meta)\b/.test(head) || (head.startsWith('<') && head.includes('<html'))) {
    const whole = new TextDecoder('utf-8').decode(bytes).toLowerCase();
    const detail = whole.includes('<table')
      ? 'it holds an HTML table, which is not read: HTML from outside is never interpreted here'
      : `it holds no table at all${whole.includes('<script') ? ' (a page that needs JavaScript to show anything)' : ''}`;
    throw new WorkbookRefusal(`not a workbook: an HTML page saved with a spreadsheet name; ${detail}`, `find the table itself from the publisher, or ${SAVE_AS}`);
  }
  if (head.startsWith('<?xml') || head.startsWith('<')) {
    throw new WorkbookRefusal('not a workbook: an XML file (perhaps Excel 2003 XML), not .xls or .xlsx', SAVE_AS);
  }
  const printable = /^[\p{L}\p{N}\p{P}\p{Zs}\r\n\t]*$/u.test(head.slice(0, 200));
  throw new WorkbookRefusal(
    `not a workbook: ${printable ? 'the file is plain text' : 'the file starts with neither the .xls nor the .xlsx signature'}`,
    printable ? 'a CSV file is read by naming it in file: with columns, not as a workbook' : SAVE_AS,
  );
}

/** Reads an .xlsx's directory without inflating anything: a damaged or bombed archive is refused. */
function checkZip(bytes: Uint8Array, limits: WorkbookLimits): void {
  let unzipped = 0;
  let hasWorkbook = false;
  try {
    unzipSync(bytes, {
      filter(file) {
        unzipped += file.originalSize;
        if (file.name === 'xl/workbook.xml' || file.name === 'xl/workbook.bin') hasWorkbook = true;
        return false;
      },
    });
  } catch (cause) {
    throw new WorkbookRefusal('not a workbook: a damaged zip archive', 'download the file again from the publisher', { cause });
  }
  if (unzipped > limits.unzippedBytes) {
    throw new WorkbookRefusal(`the workbook would unzip to ${(unzipped / 1048576).toFixed(0)} MB, over the limit of ${limits.unzippedBytes / 1048576} MB`, 'a census table unzips to under 1 MB: check that this is the right file');
  }
  if (!hasWorkbook) throw new WorkbookRefusal('not a workbook: a zip archive without xl/workbook.xml (a .docx, .pptx or other archive?)', SAVE_AS);
}

/**
 * How SheetJS is asked to read: rows as arrays (dense), formulas kept as text so that a
 * formula without a cached value can be reported, and nothing derived that the reader does
 * not use — no formatted text, no HTML (`cellHTML` would turn rich text into markup), no
 * number formats, styles or dates.
 */
export const SHEETJS_OPTIONS: XLSX.ParsingOptions = {
  dense: true,
  cellFormula: true,
  cellHTML: false,
  cellText: false,
  cellNF: false,
  cellStyles: false,
  cellDates: false,
  bookVBA: false,
};

/**
 * Opens one sheet of a workbook. Formulas are never evaluated: SheetJS gives each formula
 * cell its cached value (or none), and the reader reports a formula without one.
 */
export function openSheet(bytes: Uint8Array, sheet: string | undefined, limits: WorkbookLimits = WORKBOOK_LIMITS): OpenedSheet {
  const format = sniffFormat(bytes, limits);
  let workbook: XLSX.WorkBook;
  try {
    workbook = XLSX.read(bytes, { ...SHEETJS_OPTIONS, sheets: sheet ?? 0, sheetRows: limits.rows + 1 });
  } catch (cause) {
    const message = String((cause as Error).message ?? cause);
    if (/password|encrypt/i.test(message)) {
      throw new WorkbookRefusal('the workbook is encrypted (password-protected)', 'ask the publisher for an unprotected copy; the site never holds passwords', { cause });
    }
    throw new WorkbookRefusal(`not a readable ${format === 'xls' ? '.xls' : '.xlsx'} workbook: ${message}`, 'download the file again from the publisher, or ' + SAVE_AS, { cause });
  }
  const sheetName = sheet ?? workbook.SheetNames[0];
  const worksheet = sheetName === undefined ? undefined : workbook.Sheets[sheetName];
  if (sheetName === undefined || worksheet === undefined) {
    throw new WorkbookRefusal(`the workbook has no sheet ${JSON.stringify(sheet ?? '')}`, `its sheets are: ${workbook.SheetNames.map((name) => JSON.stringify(name)).join(', ')}`);
  }
  const full = XLSX.utils.decode_range(worksheet['!fullref'] ?? worksheet['!ref'] ?? 'A1');
  const rowCount = full.e.r + 1;
  if (rowCount > limits.rows) {
    throw new WorkbookRefusal(`sheet ${JSON.stringify(sheetName)} has ${rowCount.toLocaleString('en-US')} rows, over the limit of ${limits.rows.toLocaleString('en-US')}`, 'a census table has a few hundred rows at most: check that this is the right file');
  }
  const rows = (worksheet['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
  let cellCount = 0;
  for (const row of rows) if (row) cellCount += row.length;
  if (cellCount > limits.cells) {
    throw new WorkbookRefusal(`sheet ${JSON.stringify(sheetName)} has over ${limits.cells.toLocaleString('en-US')} cells`, 'a census table has tens of thousands of cells at most: check that this is the right file');
  }
  return { format, sheetName, sheetNames: workbook.SheetNames, rows, merges: worksheet['!merges'] ?? [], cellCount };
}
