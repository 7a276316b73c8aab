import { describe, expect, test } from 'vitest';
import { formatProblem } from '../../src/schemas/problem.ts';
import { groupMatcher, loadGroupTables } from '../../src/lib/data/workbook/groups.ts';
import { readWorkbook, type WorkbookResult, type WorkbookTable } from '../../src/lib/data/workbook/read.ts';
import { unpivot } from '../../src/lib/data/workbook/unpivot.ts';
import type { WorkbookSpec } from '../../src/schemas/workbook.ts';
import { CENSUS_MERGES, censusRows, censusSpec, withCell, workbookBytes, type Cells, type SheetOptions } from '../helpers/workbook.ts';

const groups = groupMatcher(loadGroupTables('data/reference'));
const FILE = 'data/x/x.xlsx';

function read(rows: Cells = censusRows(), spec: WorkbookSpec = censusSpec(), options: SheetOptions = {}): WorkbookResult {
  return readWorkbook(workbookBytes(rows, { merges: CENSUS_MERGES, ...options }), spec, { file: FILE, groups });
}

function table(result: WorkbookResult): WorkbookTable {
  if (!result.table) throw new Error(`no table: ${result.problems.map(formatProblem).join('; ')}`);
  return result.table;
}

/** The cell of a row (by folded name) and column (series code or key, measure key). */
function cell(result: WorkbookResult, row: string, series: string, measure: string) {
  const t = table(result);
  const index = t.columns.findIndex((column) => column.series === series && column.measure.key === measure);
  return t.rows.find((entry) => entry.name === row)?.cells[index];
}

describe('readWorkbook: headers', () => {
  test('readWorkbook reads a two-row merged header as series × measure: 合计 over B:D, 汉族 小计/男/女 over E:G', () => {
    const columns = table(read()).columns.map((column) => `${column.letters}=${column.series}.${column.measure.key}`);
    expect(columns).toEqual(['B=total.total', 'C=total.male', 'D=total.female', 'E=01.total', 'F=01.male', 'G=01.female', 'H=02.total', 'I=02.male', 'J=02.female', 'K=03.total', 'L=03.male', 'M=03.female']);
  });

  test('readWorkbook folds padded group names: "蒙 古 族" is GB/T 3304 code 02', () => {
    expect(table(read()).columns[6]).toMatchObject({ seriesLabel: '蒙古族', series: '02' });
  });

  test('readWorkbook reads the same header from a BIFF8 .xls', () => {
    const result = read(censusRows(), censusSpec(), { bookType: 'biff8' });
    expect(result.problems).toEqual([]);
    expect(table(result)).toMatchObject({ format: 'xls', sheet: 'Sheet1', title: '1-6  各地区分性别、民族的人口', unit: '单位：人' });
    expect(table(result).columns).toHaveLength(12);
  });

  test('readWorkbook reports a series label that is no group, at its header cell', () => {
    const result = read(withCell(censusRows(), 'H4', '火星族'));
    expect(result.problems.map(formatProblem)).toEqual([
      `${FILE}:Sheet1!H4: error: column H: series "火星族" is not known (found "火星族"); hint: a group label must be a GB/T 3304 name once spaces are removed, or be listed in data/reference/ethnic-group-labels.csv`,
      `${FILE}:Sheet1!H4: error: column I: series "火星族" is not known (found "火星族"); hint: a group label must be a GB/T 3304 name once spaces are removed, or be listed in data/reference/ethnic-group-labels.csv`,
      `${FILE}:Sheet1!H4: error: column J: series "火星族" is not known (found "火星族"); hint: a group label must be a GB/T 3304 name once spaces are removed, or be listed in data/reference/ethnic-group-labels.csv`,
    ]);
  });

  test('readWorkbook reports an undeclared measure label at its cell', () => {
    const result = read(withCell(censusRows(), 'I5', '男性'));
    expect(result.problems.map((problem) => [problem.cell?.ref, problem.message])).toEqual([['I5', 'column I: measure "男性" is not declared']]);
  });
});

describe('readWorkbook: rows and cells', () => {
  test('readWorkbook folds padded place names: "甘    肃" is read as 甘肃', () => {
    expect(table(read()).rows.map((row) => [row.name, row.key, row.isTotal])).toEqual([['全国', 'total', true], ['甘肃', '甘肃', false], ['宁夏', '宁夏', false]]);
  });

  test('readWorkbook reads numbers stored as text like numbers: "40" in B8 is 40', () => {
    expect(cell(read(), '宁夏', 'total', 'total')).toEqual({ ref: 'B8', raw: '40', value: 40 });
  });

  test('readWorkbook reads a blank cell as none reported, not as 0 and not as missing', () => {
    expect(cell(read(), '甘肃', '02', 'total')).toEqual({ ref: 'H7', raw: '', value: { missing: 'none-reported', marker: '' } });
  });

  test('readWorkbook reads a printed 0 as 0, keeping the number the cell held as its raw value', () => {
    expect(cell(read(), '宁夏', '03', 'total')).toEqual({ ref: 'K8', raw: 0, value: 0 });
  });

  test('readWorkbook reads a blank as too small where the measure declares blank: too-small', () => {
    const spec = censusSpec({ measures: [{ key: 'total', labels: ['合计', '小计'], meaning: '人口', blank: 'too-small' }, { key: 'male', labels: ['男'], meaning: '男' }, { key: 'female', labels: ['女'], meaning: '女' }] });
    const result = read(censusRows(), spec);
    expect(cell(result, '甘肃', '02', 'total')?.value).toEqual({ missing: 'too-small', marker: '' });
    expect(cell(result, '甘肃', '02', 'male')?.value).toEqual({ missing: 'none-reported', marker: '' });
  });

  test('readWorkbook reads a number in a percent column through the CSV reader: 97.26 is 0.9726', () => {
    const spec = censusSpec({ measures: [{ key: 'total', labels: ['合计', '小计'], type: 'percent', meaning: '比重' }, { key: 'male', labels: ['男'], meaning: '男' }, { key: 'female', labels: ['女'], meaning: '女' }] });
    expect(cell(read(withCell(censusRows(), 'B7', 97.26), spec), '甘肃', 'total', 'total')).toEqual({ ref: 'B7', raw: 97.26, value: 0.9726 });
  });

  test('readWorkbook reads a cell of spaces as none reported, keeping the spaces as its marker', () => {
    expect(cell(read(withCell(censusRows(), 'H7', '   ')), '甘肃', '02', 'total')?.value).toEqual({ missing: 'none-reported', marker: '   ' });
  });

  test('readWorkbook reads the CSV missing-value markers in cells: "—" is not applicable', () => {
    expect(cell(read(withCell(censusRows(), 'H7', '—')), '甘肃', '02', 'total')?.value).toEqual({ missing: 'not-applicable', marker: '—' });
  });

  test('readWorkbook reports a bad cell as Sheet1!K7 with its value, the expected type and the CSV hint', () => {
    const result = read(withCell(censusRows(), 'K7', '6人'));
    expect(result.problems.map(formatProblem)).toEqual([
      `${FILE}:Sheet1!K7: error: not a number in column "回族 小计" (expected a whole number or a missing-value marker (blank, NA, —, …, x), found "6人"); hint: Chinese text in a numeric column: a note belongs in the metadata caveats`,
    ]);
    expect(cell(result, '甘肃', '03', 'total')).toBeUndefined();
    expect(table(result).account.unreadable).toBe(1);
  });

  test('readWorkbook gives a whole number in a count column the same error as the CSV reader', () => {
    const result = read(withCell(censusRows(), 'K7', 6.5));
    expect(result.problems.map((problem) => [problem.cell?.ref, problem.message, problem.found])).toEqual([['K7', 'not a whole number in column "回族 小计"', '6.5']]);
  });

  test('readWorkbook reads the cached value of a formula and never evaluates it', () => {
    const result = read(withCell(censusRows(), 'B6', { t: 'n', v: 100, f: 'B7+B8+1' }));
    expect(result.problems).toEqual([]);
    expect(cell(result, '全国', 'total', 'total')?.value).toBe(100);
  });

  test('readWorkbook reports a formula without a cached value, with the formula', () => {
    const result = read(withCell(censusRows(), 'B6', { t: 'n', f: 'B7+B8' }));
    expect(result.problems.map(formatProblem)).toEqual([
      `${FILE}:Sheet1!B6: error: a formula without a cached value (=B7+B8): formulas are never evaluated (found "=B7+B8"); hint: open the file in a spreadsheet, let it calculate, and save it again — or ask the publisher for the values`,
    ]);
  });

  test('readWorkbook keeps a line break inside a name out of the folded name', () => {
    const rows = withCell(censusRows(), 'A8', '  积石山保安族东乡\r\n  族撒拉族自治县');
    for (const bookType of ['xlsx', 'biff8'] as const) {
      const row = table(read(rows, censusSpec(), { bookType })).rows[2];
      expect(row?.name, bookType).toBe('积石山保安族东乡族撒拉族自治县');
      expect(row?.indent, bookType).toBe(2);
    }
  });

  test('readWorkbook keeps markup in cells as plain text', () => {
    const result = read(withCell(censusRows(), 'A8', '<b>宁夏</b><script>x()</script>'));
    expect(table(result).rows[2]?.label).toBe('<b>宁夏</b><script>x()</script>');
  });

  test('readWorkbook skips blank rows and counts them', () => {
    const rows = censusRows();
    rows.splice(6, 0, []);
    expect(table(read(rows)).account).toMatchObject({ dataRows: 3, blankRows: 1 });
  });

  test('readWorkbook reports figures in a row without a label', () => {
    const result = read(withCell(censusRows(), 'A8', null));
    expect(result.problems.map((problem) => [problem.cell?.ref, problem.message])).toEqual([['A8', 'figures without a row label']]);
  });

  test('readWorkbook reports a figure in a column without a header', () => {
    const result = read(withCell(censusRows(), 'O7', 5));
    expect(result.problems.map((problem) => [problem.cell?.ref, problem.message])).toEqual([['O7', 'a figure in a column without a header']]);
  });
});

describe('readWorkbook: pages', () => {
  /** The header printed again after the national row, as a CNKI export prints it after a page break. */
  function paged(): Cells {
    const rows = censusRows();
    const header = rows.slice(3, 5);
    return [...rows.slice(0, 6), [], ['1-6  各地区分性别、民族的人口(续1)'], [null, '单位：人'], ...header, ...rows.slice(6)];
  }
  const pagedMerges = [...CENSUS_MERGES, 'A10:A11', 'B10:D10', 'E10:G10', 'H10:J10', 'K10:M10'];
  const pagedSpec = () => censusSpec({ repeatedHeader: true });

  test('readWorkbook skips a page header repeated mid-sheet: title (续1), unit and both header rows', () => {
    const result = readWorkbook(workbookBytes(paged(), { merges: pagedMerges }), pagedSpec(), { file: FILE, groups });
    expect(result.problems).toEqual([]);
    expect(table(result).rows.map((row) => `${row.rowNumber}:${row.name}`)).toEqual(['6:全国', '12:甘肃', '13:宁夏']);
    expect(table(result).account).toMatchObject({ pageHeaderRows: 4, blankRows: 1 });
  });

  test('readWorkbook reports a repeated header that differs from the first, at the differing cell', () => {
    const result = readWorkbook(workbookBytes(withCell(paged(), 'I11', '男 i'), { merges: pagedMerges }), pagedSpec(), { file: FILE, groups });
    expect(result.problems.map(formatProblem)).toEqual([`${FILE}:Sheet1!I11: warning: the header repeated here reads "男i" where I5 reads "男"`]);
  });

  test('readWorkbook without repeatedHeader reports the repeated header as rows that do not fit', () => {
    const result = readWorkbook(workbookBytes(paged(), { merges: pagedMerges }), censusSpec(), { file: FILE, groups });
    expect(result.problems.length).toBeGreaterThan(0);
    expect(result.problems.every((problem) => problem.severity === 'error')).toBe(true);
  });

  test('readWorkbook checks a label column repeated across a page and reports a difference', () => {
    const rows = censusRows().map((row, r) => [...row, ...Array(13 - row.length).fill(null), r === 3 ? '地区' : r >= 5 ? (row[0] ?? null) : null]);
    const result = read(withCell(rows, 'N8', '  宁 夏 回'));
    expect(result.problems.map(formatProblem)).toEqual([`${FILE}:Sheet1!N8: warning: the label repeated here differs from A8 ("宁夏") (found "  宁 夏 回")`]);
  });
});

describe('unpivot', () => {
  test('unpivot turns groups across into one record per place and group, each figure with its cell', () => {
    const records = unpivot(table(read()));
    expect(records).toHaveLength(3 * 4);
    expect(records.find((record) => record.row === '甘肃' && record.series === '03')).toEqual({
      row: '甘肃',
      rowLabel: '甘    肃',
      rowNumber: 7,
      series: '03',
      seriesLabel: '回族',
      values: { total: { value: 6, ref: 'K7' }, male: { value: 3, ref: 'L7' }, female: { value: 3, ref: 'M7' } },
    });
  });
});
