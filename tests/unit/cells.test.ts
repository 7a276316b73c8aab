import { describe, expect, test } from 'vitest';
import { cellRanges, cellRef, formatCellRefs, tableNumberOf, type CellRefMeta } from '../../src/lib/site/cells.ts';
import { workbookSpecSchema } from '../../src/schemas/workbook.ts';

/** A workbook dataset's metadata as cell references read it: the 2010 table 1-6 and its 城市 part. */
const meta: CellRefMeta = {
  id: 'census-2010-ethnic-groups-by-province',
  file: '1-6 各地区分性别、民族的人口.xls',
  workbook: workbookSpecSchema.parse({
    tableNumber: '1-6',
    header: { seriesRows: [4], measureRows: [5] },
    firstDataRow: 6,
    rows: 'places',
    series: { kind: 'groups' },
    measures: [{ key: 'total', labels: ['合计'], meaning: '人口' }],
    parts: [{ label: '城市', file: '1-6a 各地区分性别、民族的人口(城市).xls', tableNumber: '1-6a' }],
  }),
};

describe('cellRanges', () => {
  test('cellRanges(["K16", "L16", "M16"]) joins adjacent cells of a row: K16—M16', () => {
    expect(cellRanges(['K16', 'L16', 'M16'])).toEqual(['K16—M16']);
  });

  test('cellRanges of one column over rows 7–37 is K7—K37', () => {
    expect(cellRanges(Array.from({ length: 31 }, (_, index) => `K${index + 7}`))).toEqual(['K7—K37']);
  });

  test('cellRanges(["B6", "EM6", "EN6", "EO6"]) keeps a lone cell apart from a run: B6, EM6—EO6', () => {
    expect(cellRanges(['EO6', 'B6', 'EN6', 'EM6'])).toEqual(['B6', 'EM6—EO6']);
  });

  test('cellRanges counts columns past Z: AZ5 and BA5 are adjacent', () => {
    expect(cellRanges(['AZ5', 'BA5'])).toEqual(['AZ5—BA5']);
  });

  test('cellRanges joins equal spans of adjacent rows into a block, and not spans of different width', () => {
    expect(cellRanges(['K6', 'L6', 'K7', 'L7'])).toEqual(['K6—L7']);
    expect(cellRanges(['K6', 'L6', 'K7'])).toEqual(['K6—L6', 'K7']);
  });

  test('cellRanges throws on a reference that is not A1', () => {
    expect(() => cellRanges(['R1C1'])).toThrow(/not an A1 cell reference: R1C1/);
  });
});

describe('formatCellRefs', () => {
  test('formatCellRefs names the table, the row and the cells: 表 1-6 第 16 行（K16—M16）', () => {
    expect(formatCellRefs([{ table: '1-6', line: 16, cells: ['K16', 'L16', 'M16'] }])).toBe('表 1-6 第 16 行（K16—M16）');
  });

  test('formatCellRefs gives consecutive rows as a range and other rows one by one', () => {
    const refs = [7, 8, 9, 20].map((line) => ({ table: '1-6', line, cells: [`K${line}`] }));
    expect(formatCellRefs(refs)).toBe('表 1-6 第 7—9、20 行（K7—K9、K20）');
  });

  test('formatCellRefs names each table once, in the order first cited: the parts after the main table', () => {
    const refs = [
      { table: '1-6', line: 6, cells: ['EM6'] },
      { table: '1-6a', line: 6, cells: ['EM6'] },
    ];
    expect(formatCellRefs(refs)).toBe('表 1-6 第 6 行（EM6）；表 1-6a 第 6 行（EM6）');
  });

  test('formatCellRefs shortens more than six scattered ranges to the first two, the last and the count', () => {
    const refs = [{ table: '1-6', line: 6, cells: ['E6', 'H6', 'K6', 'N6', 'Q6', 'T6', 'W6', 'Z6'] }];
    expect(formatCellRefs(refs)).toBe('表 1-6 第 6 行（E6、H6 … Z6，共 8 个单元格）');
  });
});

describe('cellRef', () => {
  test('tableNumberOf gives the main table for the main file and the part\'s for a part', () => {
    expect(tableNumberOf(meta, undefined)).toBe('1-6');
    expect(tableNumberOf(meta, '1-6a 各地区分性别、民族的人口(城市).xls')).toBe('1-6a');
  });

  test('tableNumberOf throws for a file whose table number the metadata does not declare', () => {
    expect(() => tableNumberOf(meta, '1-6b 各地区分性别、民族的人口(镇).xls')).toThrow(/no workbook.tableNumber for 1-6b/);
  });

  test('cellRef takes the cells of the measures asked for, from a part\'s row', () => {
    const row = { sourceLine: 16, sourceFile: '1-6a 各地区分性别、民族的人口(城市).xls', sourceCells: { total: 'K16', male: 'L16', female: 'M16' } };
    expect(cellRef(meta, row, ['total', 'female'])).toEqual({ table: '1-6a', line: 16, cells: ['K16', 'M16'] });
  });

  test('cellRef throws for a row without a cell for the measure, rather than cite nothing', () => {
    expect(() => cellRef(meta, { sourceLine: 3, sourceFile: undefined, sourceCells: {} }, ['total'])).toThrow(/row 3 has no cell for total/);
  });
});
