import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { formatProblem } from '../../src/schemas/problem.ts';
import { addend, checkRowsSum, checkSeriesSum, checkSexSum, rowHierarchy } from '../../src/lib/data/workbook/checks.ts';
import { readWorkbookFolder } from '../../src/lib/data/workbook/folder.ts';
import { groupMatcher, loadGroupTables } from '../../src/lib/data/workbook/groups.ts';
import { checkPartsSum, partName } from '../../src/lib/data/workbook/parts.ts';
import { readWorkbook, type WorkbookTable } from '../../src/lib/data/workbook/read.ts';
import { CENSUS_MERGES, censusRows, censusSpec, withCell, workbookBytes, type Cells } from '../helpers/workbook.ts';

const groups = groupMatcher(loadGroupTables('data/reference'));
const SEX = { total: 'total', male: 'male', female: 'female' };

function table(rows: Cells = censusRows(), file = 'data/x/x.xlsx'): WorkbookTable {
  const result = readWorkbook(workbookBytes(rows, { merges: CENSUS_MERGES }), censusSpec(), { file, groups });
  if (!result.table || result.problems.length > 0) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.table;
}

const lines = (problems: Parameters<typeof formatProblem>[0][]) => problems.map(formatProblem);

describe('addend', () => {
  test('addend counts none reported as 0 and refuses a missing value', () => {
    expect([addend(7), addend({ missing: 'none-reported', marker: '' }), addend({ missing: 'suppressed', marker: 'x' }), addend(undefined)]).toEqual([7, 0, undefined, undefined]);
  });
});

describe('the checks on a table that adds up', () => {
  test('checkSeriesSum, checkSexSum and checkRowsSum find nothing in a table that adds up, blanks counted as 0', () => {
    const good = table();
    expect([...checkSeriesSum(good), ...checkSexSum(good, SEX), ...checkRowsSum(good)]).toEqual([]);
  });
});

describe('checkSeriesSum', () => {
  test('checkSeriesSum warns at the total cell when the groups do not add up to it, naming the group cells', () => {
    expect(lines(checkSeriesSum(table(withCell(censusRows(), 'B7', 61))))).toEqual([
      "data/x/x.xlsx:Sheet1!B7: warning: 甘肃 合计: 合计 61 ≠ 各民族之和 60 (Sheet1!E7…Sheet1!K7)",
    ]);
  });
});

describe('checkSexSum', () => {
  test('checkSexSum warns at the male cell when male + female differs from the total, naming the total cell', () => {
    expect(lines(checkSexSum(table(withCell(censusRows(), 'F7', 27)), SEX))).toEqual([
      'data/x/x.xlsx:Sheet1!F7: warning: 甘肃 汉族: 男 + 女 = 53 ≠ 小计 54 (Sheet1!E7)',
    ]);
  });

  test('checkSexSum counts a blank female as 0: 男 1 + 女 blank ≠ 小计 2', () => {
    const rows = withCell(withCell(withCell(censusRows(), 'H7', 2), 'I7', 1), 'J7', null);
    expect(lines(checkSexSum(table(rows), SEX))).toEqual(['data/x/x.xlsx:Sheet1!I7: warning: 甘肃 蒙古族: 男 + 女 = 1 ≠ 小计 2 (Sheet1!H7)']);
  });

  test('checkSexSum leaves a sum with a suppressed value in it unchecked', () => {
    expect(checkSexSum(table(withCell(censusRows(), 'F7', 'x')), SEX)).toEqual([]);
  });
});

describe('checkRowsSum', () => {
  test('rowHierarchy puts unindented rows under the total row and indented rows under the row above them', () => {
    const rows = withCell(withCell(censusRows(), 'A8', '  兰州市'), 'A7', '甘肃');
    const t = table(rows);
    const tree = [...rowHierarchy(t.rows)].map(([parent, children]) => `${parent.name} > ${children.map((child) => child.name).join(', ')}`);
    expect(tree).toEqual(['全国 > 甘肃', '甘肃 > 兰州市']);
  });

  test('checkRowsSum warns at the parent cell when the rows under it do not add up, naming the first and last', () => {
    expect(lines(checkRowsSum(table(withCell(censusRows(), 'E8', '35'))))).toEqual([
      'data/x/x.xlsx:Sheet1!E6: warning: 全国 汉族 小计: 90 ≠ the 2 rows under it, 89 (Sheet1!E7…Sheet1!E8)',
    ]);
  });
});

describe('checkPartsSum', () => {
  /** A part: the same layout, its own title, the given figures or blanks. */
  function part(name: string, rows: Cells): WorkbookTable {
    return table(withCell(rows, 'A1', `1-6a  各地区分性别、民族的人口(${name})`), `data/x/${name}.xlsx`);
  }
  const blank = () => censusRows().map((row, r) => (r < 5 ? row : row.map((value, c) => (c === 0 ? value : null))));

  test('partName reads the part from the title: …的人口(城市) is 城市', () => {
    expect(partName(part('城市', censusRows()))).toBe('城市');
  });

  test('checkPartsSum finds nothing when city + town + rural equal the whole in every cell', () => {
    expect(checkPartsSum(table(), [part('城市', censusRows()), part('镇', blank()), part('乡村', blank())])).toEqual([]);
  });

  test('checkPartsSum warns at the whole\'s cell and names the cell in every part', () => {
    const parts = [part('城市', withCell(censusRows(), 'B6', 99)), part('镇', blank()), part('乡村', blank())];
    expect(lines(checkPartsSum(table(), parts))).toEqual([
      'data/x/x.xlsx:Sheet1!B6: warning: 全国 合计: 城市 + 镇 + 乡村 = 99 ≠ 100 (城市.xlsx:Sheet1!B6, 镇.xlsx:Sheet1!B6, 乡村.xlsx:Sheet1!B6)',
    ]);
  });

  test('checkPartsSum reports a row missing from a part once, and does not check it', () => {
    const short = censusRows().slice(0, 7);
    const problems = checkPartsSum(table(), [part('城市', short), part('镇', blank()), part('乡村', blank())]);
    expect(lines(problems)).toEqual(['data/x/城市.xlsx:0:0: warning: 城市 has no row 宁夏, which x.xlsx has; its cells are not checked']);
  });
});

describe('readWorkbookFolder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'workbook-folder-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('readWorkbookFolder reports a part that is an HTML page as one error and still reads and checks the rest', () => {
    writeFileSync(join(dir, 'whole.xlsx'), workbookBytes(censusRows(), { merges: CENSUS_MERGES }));
    writeFileSync(join(dir, 'a.xls'), '<html><body>请开启JavaScript</body></html>');
    const spec = censusSpec({ parts: [{ label: '城市', file: 'a.xls' }], checks: { seriesSum: true, sexSum: SEX, rowsSum: true, partsSum: true } });
    const result = readWorkbookFolder(dir, 'data/x', 'whole.xlsx', spec, groups);
    expect(result.table?.rows).toHaveLength(3);
    expect(result.parts).toEqual([]);
    expect(lines(result.problems)).toEqual(['data/x/a.xls:0:0: error: not a workbook: an HTML page saved with a spreadsheet name; it holds no table at all; hint: find the table itself from the publisher, or open it in a spreadsheet and save it as Excel Workbook (.xlsx) or Excel 97–2003 (.xls), keeping every cell as published']);
  });
});
