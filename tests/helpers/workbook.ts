import * as XLSX from '@e965/xlsx';
import { workbookSpecSchema, type WorkbookSpec, type WorkbookSpecInput } from '../../src/schemas/workbook.ts';

/**
 * Small census-like workbooks written by the tests themselves with SheetJS, in the layout
 * of table 1-6: title, unit, a two-row merged header (地区 | 合计 合计/男/女 | 汉族 小计/男/女 | …),
 * a national row and two provinces, names padded as the volumes pad them.
 */

export type Cells = (string | number | null | XLSX.CellObject)[][];

export interface SheetOptions {
  sheetName?: string;
  merges?: string[];
  bookType?: 'xlsx' | 'biff8';
}

/** The bytes of a one-sheet workbook holding `rows` (null: no cell; a CellObject: as given). */
export function workbookBytes(rows: Cells, options: SheetOptions = {}): Uint8Array {
  const sheet: XLSX.WorkSheet = {};
  let width = 1;
  rows.forEach((row, r) => {
    width = Math.max(width, row.length);
    row.forEach((value, c) => {
      if (value === null) return;
      const ref = XLSX.utils.encode_cell({ r, c });
      sheet[ref] = typeof value === 'object' ? value : typeof value === 'number' ? { t: 'n', v: value } : { t: 's', v: value };
    });
  });
  sheet['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(rows.length - 1, 0), c: width - 1 } });
  sheet['!merges'] = (options.merges ?? []).map((range) => XLSX.utils.decode_range(range));
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, options.sheetName ?? 'Sheet1');
  return new Uint8Array(XLSX.write(book, { bookType: options.bookType ?? 'xlsx', type: 'buffer' }) as Buffer);
}

/** Merges of the 1-6 header: 地区 down two rows, each series across three columns. */
export const CENSUS_MERGES = ['A1:M1', 'A4:A5', 'B4:D4', 'E4:G4', 'H4:J4', 'K4:M4'];

/**
 * Rows of a tiny 1-6: everything adds up. 甘肃 has no 蒙古族 (blank cells); 宁夏 has 回族 0
 * (printed zeros) and its figures stored as text, as CNKI exports store them.
 */
export function censusRows(): Cells {
  return [
    ['1-6  各地区分性别、民族的人口'],
    [],
    [null, '单位：人'],
    ['地    区', '合    计', null, null, '汉    族', null, null, '蒙 古 族', null, null, '回    族'],
    [null, '合计', '男', '女', '小计', '男', '女', '小计', '男', '女', '小计', '男', '女'],
    ['全    国', 100, 52, 48, 90, 47, 43, 4, 2, 2, 6, 3, 3],
    ['甘    肃', 60, 31, 29, 54, 28, 26, null, null, null, 6, 3, 3],
    ['宁    夏', '40', '21', '19', '36', '19', '17', '4', '2', '2', 0, 0, 0],
  ];
}

export const censusSpecInput: WorkbookSpecInput = {
  sheet: 'Sheet1',
  titleRow: 1,
  unitRow: 3,
  header: { seriesRows: [4], measureRows: [5] },
  firstDataRow: 6,
  rows: 'places',
  series: { kind: 'groups' },
  measures: [
    { key: 'total', labels: ['合计', '小计'], unit: '人', meaning: '人口' },
    { key: 'male', labels: ['男'], unit: '人', meaning: '男性人口' },
    { key: 'female', labels: ['女'], unit: '人', meaning: '女性人口' },
  ],
  checks: { seriesSum: true, sexSum: { total: 'total', male: 'male', female: 'female' }, rowsSum: true },
};

export function censusSpec(overrides: Partial<WorkbookSpecInput> = {}): WorkbookSpec {
  return workbookSpecSchema.parse({ ...censusSpecInput, ...overrides });
}

/** `rows` with the cell at an A1 reference replaced. */
export function withCell(rows: Cells, ref: string, value: string | number | null | XLSX.CellObject): Cells {
  const { r, c } = XLSX.utils.decode_cell(ref);
  const copy = rows.map((row) => [...row]);
  while (copy.length <= r) copy.push([]);
  const row = copy[r] as Cells[number];
  while (row.length <= c) row.push(null);
  row[c] = value;
  return copy;
}
