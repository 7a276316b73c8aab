import * as XLSX from '@e965/xlsx';
import { describe, expect, test } from 'vitest';
import { formatProblem } from '../../src/schemas/problem.ts';
import { openSheet, sniffFormat, WORKBOOK_LIMITS, WorkbookRefusal, type WorkbookLimits } from '../../src/lib/data/workbook/open.ts';
import { readWorkbook } from '../../src/lib/data/workbook/read.ts';
import { CENSUS_MERGES, censusRows, censusSpec, workbookBytes } from '../helpers/workbook.ts';

const FILE = 'data/x/x.xls';
const text = (value: string) => new TextEncoder().encode(value);

/** The one problem a refused file gives, formatted. */
function refusal(bytes: Uint8Array, limits: WorkbookLimits = WORKBOOK_LIMITS): string {
  const result = readWorkbook(bytes, censusSpec(), { file: FILE, limits });
  expect(result.table).toBeUndefined();
  expect(result.problems).toHaveLength(1);
  return formatProblem(result.problems[0] as (typeof result.problems)[number]);
}

/**
 * An encrypted workbook's container. Real encryption needs Excel or LibreOffice, which the
 * tests do not have; what the reader meets first is the container, and that is built exactly:
 * an .xlsx saved with a password is a compound file holding EncryptionInfo and EncryptedPackage.
 */
function encryptedXlsx(): Uint8Array {
  const cfb = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', new Uint8Array([4, 0, 4, 0, 0x24, 0, 0, 0]));
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', new Uint8Array(64));
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer);
}

/** An .xls saved with a password: its Workbook stream has a FILEPASS record (0x002F, RC4) after BOF. */
function encryptedXls(): Uint8Array {
  const cfb = XLSX.CFB.read(workbookBytes(censusRows(), { bookType: 'biff8' }), { type: 'buffer' });
  const entry = XLSX.CFB.find(cfb, 'Workbook');
  if (!entry) throw new Error('no Workbook stream');
  const stream = entry.content as Uint8Array;
  const bofEnd = 4 + ((stream[2] ?? 0) | ((stream[3] ?? 0) << 8));
  const filePass = new Uint8Array(4 + 54);
  filePass.set([0x2f, 0x00, 54, 0x00, 0x01, 0x00, 0x01, 0x00, 0x01, 0x00]);
  const content = new Uint8Array(stream.length + filePass.length);
  content.set(stream.subarray(0, bofEnd));
  content.set(filePass, bofEnd);
  content.set(stream.subarray(bofEnd), bofEnd + filePass.length);
  entry.content = content;
  entry.size = content.length;
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer);
}

describe('sniffFormat', () => {
  test('sniffFormat knows an .xlsx by its zip signature and an .xls by its compound-file signature', () => {
    expect(sniffFormat(workbookBytes(censusRows()))).toBe('xlsx');
    expect(sniffFormat(workbookBytes(censusRows(), { bookType: 'biff8' }))).toBe('xls');
  });

  test('sniffFormat throws a WorkbookRefusal with a hint for anything else', () => {
    expect(() => sniffFormat(text('a,b\n1,2\n'))).toThrow(WorkbookRefusal);
  });
});

describe('readWorkbook refuses what is not a workbook, naming the file', () => {
  test('readWorkbook refuses an HTML page saved with an .xls name, and does not read its table', () => {
    expect(refusal(text('<html><body><table><tr><td>汉族</td><td>1</td></tr></table></body></html>'))).toBe(
      `${FILE}:0:0: error: not a workbook: an HTML page saved with a spreadsheet name; it holds an HTML table, which is not read: HTML from outside is never interpreted here; hint: find the table itself from the publisher, or open it in a spreadsheet and save it as Excel Workbook (.xlsx) or Excel 97–2003 (.xls), keeping every cell as published`,
    );
  });

  test('readWorkbook refuses a JavaScript page saved with an .xls name and says it holds no table', () => {
    expect(refusal(text('<html>\n<head>\n</head>\n<body>\n<noscript>请开启JavaScript并刷新该页.</noscript><script>var a=1;</script></body></html>'))).toContain('not a workbook: an HTML page saved with a spreadsheet name; it holds no table at all (a page that needs JavaScript to show anything)');
  });

  test('readWorkbook refuses a CSV file given as a workbook', () => {
    expect(refusal(text('地区,人口\n兰州,1\n'))).toBe(`${FILE}:0:0: error: not a workbook: the file is plain text; hint: a CSV file is read by naming it in file: with columns, not as a workbook`);
  });

  test('readWorkbook refuses an image given as a workbook', () => {
    expect(refusal(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toContain('not a workbook: the file starts with neither the .xls nor the .xlsx signature');
  });

  test('readWorkbook refuses an empty file', () => {
    expect(refusal(new Uint8Array())).toContain('error: the file is empty');
  });

  test('readWorkbook refuses a zip archive that holds no workbook', () => {
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, 'word/document.xml', text('<w:document/>'));
    const zip = new Uint8Array(XLSX.CFB.write(cfb, { fileType: 'zip', type: 'buffer' }) as Buffer);
    expect(refusal(zip)).toContain('not a workbook: a zip archive without xl/workbook.xml');
  });

  test('readWorkbook refuses a damaged zip archive', () => {
    const bytes = workbookBytes(censusRows()).slice(0, 300);
    expect(refusal(bytes)).toContain('not a workbook: a damaged zip archive');
  });

  test('readWorkbook refuses an encrypted .xlsx', () => {
    expect(refusal(encryptedXlsx())).toBe(`${FILE}:0:0: error: the workbook is encrypted (password-protected); hint: ask the publisher for an unprotected copy; the site never holds passwords`);
  });

  test('readWorkbook refuses an encrypted .xls', () => {
    expect(refusal(encryptedXls())).toContain('error: the workbook is encrypted (password-protected)');
  });

  test('readWorkbook refuses a file over the byte limit before reading it', () => {
    expect(refusal(new Uint8Array(WORKBOOK_LIMITS.bytes + 1))).toContain('error: the file is 16.0 MB, over the limit of 16 MB for a workbook');
  });

  test('readWorkbook refuses an .xlsx that would unzip beyond the limit, unopened', () => {
    expect(refusal(workbookBytes(censusRows()), { ...WORKBOOK_LIMITS, unzippedBytes: 1000 })).toMatch(/error: the workbook would unzip to \d+ MB, over the limit of 0\.\d+ MB/);
  });

  test('readWorkbook refuses a sheet with more rows than the limit', () => {
    expect(refusal(workbookBytes(censusRows()), { ...WORKBOOK_LIMITS, rows: 5 })).toContain('error: sheet "Sheet1" has 8 rows, over the limit of 5');
  });

  test('readWorkbook refuses a sheet with more cells than the limit', () => {
    expect(refusal(workbookBytes(censusRows()), { ...WORKBOOK_LIMITS, cells: 20 })).toContain('error: sheet "Sheet1" has over 20 cells');
  });

  test('readWorkbook names the sheets a workbook has when the declared one is missing', () => {
    expect(refusal(workbookBytes(censusRows(), { sheetName: '1-20' }))).toContain('error: the workbook has no sheet "Sheet1"; hint: its sheets are: "1-20"');
  });
});

describe('openSheet', () => {
  test('openSheet reads the first sheet when none is named', () => {
    const sheet = openSheet(workbookBytes(censusRows(), { sheetName: '表1-6', merges: CENSUS_MERGES }), undefined);
    expect(sheet).toMatchObject({ format: 'xlsx', sheetName: '表1-6', sheetNames: ['表1-6'] });
    expect(sheet.merges).toHaveLength(CENSUS_MERGES.length);
  });
});
