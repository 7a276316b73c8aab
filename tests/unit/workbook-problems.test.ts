import { describe, expect, test } from 'vitest';
import { formatProblem, sheetReference } from '../../src/schemas/problem.ts';

describe('sheetReference', () => {
  test('sheetReference("Sheet1", "K7") returns Sheet1!K7', () => {
    expect(sheetReference('Sheet1', 'K7')).toBe('Sheet1!K7');
  });

  test('sheetReference quotes a sheet name Excel would quote: \'1-20\'!B5', () => {
    expect(sheetReference('1-20', 'B5')).toBe("'1-20'!B5");
    expect(sheetReference('表1-6', 'A1')).toBe("'表1-6'!A1");
  });

  test('sheetReference leaves a Chinese sheet name of letters alone', () => {
    expect(sheetReference('甘肃', 'A1')).toBe('甘肃!A1');
  });

  test('sheetReference quotes a sheet named like a cell and doubles a quote inside', () => {
    expect(sheetReference('A1', 'B2')).toBe("'A1'!B2");
    expect(sheetReference("O'Brien", 'B2')).toBe("'O''Brien'!B2");
  });
});

describe('formatProblem with a cell', () => {
  test('formatProblem prints file:Sheet!A1 in place of line and column', () => {
    const line = formatProblem({ file: 'data/x/gansu_ethnicity.xlsx', line: 7, column: 11, cell: { sheet: 'Sheet1', ref: 'K7' }, severity: 'warning', message: '男 + 女 = 1,234 ≠ 合计 1,235 (Sheet1!J7)' });
    expect(line).toBe('data/x/gansu_ethnicity.xlsx:Sheet1!K7: warning: 男 + 女 = 1,234 ≠ 合计 1,235 (Sheet1!J7)');
  });

  test('formatProblem adds expected, found and hint after a cell as after a line', () => {
    const line = formatProblem({ file: 'data/x/x.xls', line: 7, column: 11, cell: { sheet: '1-20', ref: 'K7' }, severity: 'error', message: 'not a number', expected: 'a whole number', found: '6人', hint: 'check the cell' });
    expect(line).toBe("data/x/x.xls:'1-20'!K7: error: not a number (expected a whole number, found \"6人\"); hint: check the cell");
  });

  test('formatProblem without a cell is unchanged: file:line:column', () => {
    expect(formatProblem({ file: 'data/x/x.csv', line: 3, column: 1, severity: 'warning', message: 'odd' })).toBe('data/x/x.csv:3:1: warning: odd');
  });
});
