import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { AdcodeIndex } from '../../src/lib/data/boundaries.ts';
import { readDataset, rowsOf, type DatasetResult } from '../../src/lib/data/dataset.ts';
import { formatProblem, type Problem } from '../../src/schemas/problem.ts';

const DATA_ROOT = join(import.meta.dirname, '..', 'fixtures', 'data');
const DISPLAY_ROOT = 'tests/fixtures/data';

const read = (id: string, adcodes?: AdcodeIndex): DatasetResult =>
  readDataset(DATA_ROOT, id, adcodes ? { displayRoot: DISPLAY_ROOT, adcodes } : { displayRoot: DISPLAY_ROOT });

const lines = (result: DatasetResult): string[] => result.problems.map(formatProblem);

const noMissing = { blank: 0, 'not-available': 0, 'not-applicable': 0, 'too-small': 0, suppressed: 0, 'source-error': 0, 'none-reported': 0 };

describe('readDataset: a good dataset (gansu)', () => {
  const result = read('gansu');

  test('has no problems', () => {
    expect(lines(result)).toEqual([]);
  });

  test('names the published file under the display root, and its encoding', () => {
    expect(result.file).toBe('tests/fixtures/data/gansu/gansu-published.csv');
    expect(result.encoding).toBe('utf-8');
    expect(result.meta?.title).toBe('甘肃测试数据');
  });

  test('rows: typed values, sourceLine past the two-line header and the blank line, levels and subtotals', () => {
    expect(rowsOf(result)).toEqual([
      { dataset: 'gansu', index: 0, sourceLine: 3, geoLevel: 'province', isSubtotal: false, values: { adcode: '620000', county: '甘肃省', population: 1000, minorityShare: 0.0522 } },
      { dataset: 'gansu', index: 1, sourceLine: 4, geoLevel: 'prefecture', isSubtotal: false, values: { adcode: '620100', county: '兰州市', population: 600, minorityShare: { missing: 'not-available', marker: 'NA' } } },
      { dataset: 'gansu', index: 2, sourceLine: 5, geoLevel: 'county', isSubtotal: true, values: { adcode: '620101', county: '市辖区', population: 600, minorityShare: { missing: 'not-applicable', marker: '—' } } },
      { dataset: 'gansu', index: 3, sourceLine: 7, geoLevel: 'county', isSubtotal: false, values: { adcode: '620102', county: '城关区', population: 400, minorityShare: 0.011 } },
      { dataset: 'gansu', index: 4, sourceLine: 8, geoLevel: 'county', isSubtotal: false, values: { adcode: '620103', county: '七里河区', population: 200, minorityShare: { missing: 'blank', marker: '' } } },
      { dataset: 'gansu', index: 5, sourceLine: 9, geoLevel: 'prefecture', isSubtotal: false, values: { adcode: '620200', county: '嘉峪关市', population: 400, minorityShare: 0.005 } },
    ]);
  });

  test('the header cell "少数民族人口\\n比重（%）" matches the metadata source "少数民族人口比重(%)"', () => {
    expect(result.table.keys).toEqual(['adcode', 'county', 'population', 'minorityShare']);
  });

  test('account: 6 read, 6 kept, 1 blank line (not the end of the file), 1 subtotal, missing cells by reason', () => {
    expect(result.account).toEqual({
      read: 6,
      kept: 6,
      rejected: 0,
      filteredOut: 0,
      blankLines: 1,
      subtotals: 1,
      missingCells: { ...noMissing, blank: 1, 'not-available': 1, 'not-applicable': 1 },
    });
  });

  test('account.read === kept + rejected + filteredOut', () => {
    const { read: rows, kept, rejected, filteredOut } = result.account;
    expect(kept + rejected + filteredOut).toBe(rows);
  });

  test('the sums check passes because the subtotal row 市辖区 is not counted', () => {
    // Counting the 市辖区 row (600) would make the county sum 1200, not 600.
    expect(result.problems.filter((problem) => problem.message.startsWith('sum check'))).toEqual([]);
  });
});

describe('readDataset: a GB18030 file (gb18030)', () => {
  test('the fixture really is GB18030: it starts with c7 f8 (区) and is not valid UTF-8', () => {
    const bytes = readFileSync(join(DATA_ROOT, 'gb18030', 'gb18030-published.csv'));
    expect([...bytes.subarray(0, 2)]).toEqual([0xc7, 0xf8]);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
  });

  test('is detected as gb18030 and read without problems', () => {
    const result = read('gb18030');
    expect(result.encoding).toBe('gb18030');
    expect(lines(result)).toEqual([]);
  });

  test('rows are read from the GB18030 text (CRLF, quoted "1,234")', () => {
    expect(rowsOf(read('gb18030'))).toEqual([
      { dataset: 'gb18030', index: 0, sourceLine: 2, geoLevel: 'county', isSubtotal: false, values: { adcode: '620102', county: '城关区', population: 1234 } },
      { dataset: 'gb18030', index: 1, sourceLine: 3, geoLevel: 'county', isSubtotal: false, values: { adcode: '620103', county: '七里河区', population: 567 } },
    ]);
  });

  test('account: 2 read, 2 kept, no blank lines', () => {
    expect(read('gb18030').account).toEqual({ read: 2, kept: 2, rejected: 0, filteredOut: 0, blankLines: 0, subtotals: 0, missingCells: noMissing });
  });
});

describe('readDataset: malformed datasets name file:line:column', () => {
  test('a bad number is reported at its cell, a ragged row at its line', () => {
    expect(lines(read('bad-rows'))).toEqual([
      'tests/fixtures/data/bad-rows/bad-rows-published.csv:2:12: error: not a number in column "常住人口" (population) (expected a whole number or a missing-value marker (blank, NA, —, …, x), found "abc")',
      'tests/fixtures/data/bad-rows/bad-rows-published.csv:3:1: error: row has 2 fields, the header has 3; hint: a missing or extra comma, or an unquoted comma inside a value',
    ]);
  });

  test('rejected rows are counted and the good row is kept', () => {
    const result = read('bad-rows');
    expect(result.account).toEqual({ read: 3, kept: 1, rejected: 2, filteredOut: 0, blankLines: 0, subtotals: 0, missingCells: noMissing });
    expect(rowsOf(result).map((row) => row.sourceLine)).toEqual([4]);
  });

  test('a header not described in the metadata, and a metadata column missing from the file', () => {
    expect(lines(read('bad-header'))).toEqual([
      'tests/fixtures/data/bad-header/bad-header-published.csv:1:9: error: column 3 is not described in dataset.yaml (found "户籍人口"); hint: add it to columns: with source, key, type and meaning',
      'tests/fixtures/data/bad-header/dataset.yaml:33:13: error: column not found in the published file (found "常住人口"); hint: headers are matched ignoring spaces and line breaks; the file has: 区划代码, 区县, 户籍人口…',
    ]);
  });

  test('header problems stop the dataset before any row is read', () => {
    const result = read('bad-header');
    expect(result.account.read).toBe(0);
    expect(result.table.rows).toEqual([]);
  });

  test('unknown fields in dataset.yaml are reported at their own lines (top level and inside a column)', () => {
    expect(lines(read('bad-field'))).toEqual([
      'tests/fixtures/data/bad-field/dataset.yaml:38:5: error: columns.2: Unrecognized key: "nuit"; hint: remove the field or check its spelling; the fields are documented in src/schemas/dataset.ts',
      'tests/fixtures/data/bad-field/dataset.yaml:21:1: error: (top level): Unrecognized key: "units"; hint: remove the field or check its spelling; the fields are documented in src/schemas/dataset.ts',
    ]);
  });

  test('a metadata error leaves no meta and no file', () => {
    const result = read('bad-field');
    expect(result.meta).toBeUndefined();
    expect(result.file).toBeUndefined();
  });

  test('a YAML syntax error is reported at its line and column', () => {
    expect(lines(read('bad-yaml'))).toEqual([
      'tests/fixtures/data/bad-yaml/dataset.yaml:8:10: error: YAML: Nested mappings are not allowed in compact mappings; hint: check indentation, and quote values that contain ":" or "#"',
    ]);
  });

  test('a published file that is not in the folder is reported at the file: field', () => {
    const result = read('no-file');
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({
      file: 'tests/fixtures/data/no-file/dataset.yaml',
      line: 21,
      column: 7,
      severity: 'error',
      message: 'published file not found: missing.csv',
      hint: 'put the file in tests/fixtures/data/no-file/ exactly as published',
    });
  });

  test('a published file named like a generated download (file-clash.csv, the cleaned CSV) is an error at the file: field', () => {
    expect(lines(read('file-clash'))).toEqual([
      'tests/fixtures/data/file-clash/dataset.yaml:21:7: error: the published file would be served at /data/file-clash/v1/file-clash.csv, the URL of the cleaned CSV download, and replace it (found "file-clash.csv"); hint: rename the file and its file: line, e.g. to file-clash-published.csv; every version generates file-clash.csv, file-clash-columns.csv, file-clash.json and file-clash.zip',
    ]);
  });
});

describe('readDataset: sums and subtotals (bad-sum)', () => {
  const result = read('bad-sum');

  test('a failing sums check is an error at the sums entry in dataset.yaml', () => {
    expect(lines(result)).toEqual([
      'tests/fixtures/data/bad-sum/dataset.yaml:27:5: error: sum check on population: 2 county rows under 6201 add up to 600, the row 620100 says 700',
    ]);
  });

  test('the subtotal row is flagged, kept and counted in account.subtotals', () => {
    expect(rowsOf(result).map((row) => [row.values.county, row.isSubtotal])).toEqual([
      ['兰州市', false],
      ['市辖区', true],
      ['城关区', false],
      ['七里河区', false],
    ]);
    expect(result.account.subtotals).toBe(1);
    expect(result.account.kept).toBe(4);
  });
});

describe('readDataset: sourceErrors', () => {
  const result = read('source-errors');

  test('a cell listed in sourceErrors (line 3, "0.349") becomes a source-error missing value', () => {
    expect(rowsOf(result).map((row) => row.values.population)).toEqual([400, { missing: 'source-error', marker: '0.349' }]);
  });

  test('the row is kept and its cell counted as a source-error missing cell', () => {
    expect(result.account).toEqual({ read: 2, kept: 2, rejected: 0, filteredOut: 0, blankLines: 0, subtotals: 0, missingCells: { ...noMissing, 'source-error': 1 } });
  });

  test('an entry that matches no invalid cell is a warning at the entry', () => {
    expect(lines(result)).toEqual([
      'tests/fixtures/data/source-errors/dataset.yaml:28:5: warning: sourceErrors: line 2 column population does not hold an invalid "0.12"; remove the entry',
    ]);
  });
});

describe('readDataset: a basedOn view with adcodePrefix (lanzhou on gansu)', () => {
  const result = read('lanzhou');

  test('has no problems', () => {
    expect(lines(result)).toEqual([]);
  });

  test('reads the base dataset\'s published file', () => {
    expect(result.file).toBe('tests/fixtures/data/gansu/gansu-published.csv');
  });

  test('takes its own fields and inherits the rest', () => {
    expect(result.meta?.id).toBe('lanzhou');
    expect(result.meta?.title).toBe('兰州测试数据');
    expect(result.meta?.geography.adcodePrefix).toBe('6201');
    expect(result.meta?.columns.map((column) => column.key)).toEqual(['adcode', 'county', 'population', 'minorityShare']);
  });

  test('keeps only rows whose adcode starts with 6201', () => {
    expect(rowsOf(result).map((row) => row.values.adcode)).toEqual(['620100', '620101', '620102', '620103']);
  });

  test('counts the other rows as filteredOut: read === kept + rejected + filteredOut', () => {
    expect(result.account).toMatchObject({ read: 6, kept: 4, rejected: 0, filteredOut: 2 });
  });

  test('also works with a data root written as ./relative', () => {
    const result = readDataset(`./${relative(process.cwd(), DATA_ROOT)}`, 'lanzhou', { displayRoot: 'data' });
    expect(result.file).toBe('data/gansu/gansu-published.csv');
  });
});

describe('readDataset: boundary adcodes', () => {
  const adcodes: AdcodeIndex = {
    province: new Set(['620000']),
    prefecture: new Set(['620100', '620200']),
    county: new Set(['620101', '620102']),
  };
  const result = read('gansu', adcodes);

  test('a row whose adcode has no boundary is rejected at its adcode cell', () => {
    expect(lines(result)[0]).toBe(
      'tests/fixtures/data/gansu/gansu-published.csv:8:1: error: adcode 620103 has no county in the boundary files (found "620103"); hint: if the code is right, list it under unmatchedAdcodes in dataset.yaml with the reason',
    );
  });

  test('the rejected row then makes the county sum fail', () => {
    expect(lines(result).slice(1)).toEqual([
      'tests/fixtures/data/gansu/dataset.yaml:27:5: error: sum check on population: 1 county rows under 6201 add up to 400, the row 620100 says 600',
    ]);
  });

  test('account: 6 read, 5 kept, 1 rejected', () => {
    expect(result.account).toMatchObject({ read: 6, kept: 5, rejected: 1, filteredOut: 0 });
  });
});

describe('formatProblem', () => {
  const problem: Problem = {
    file: 'data/x/x.csv',
    line: 12,
    column: 7,
    severity: 'error',
    message: 'not a number in column "人口" (population)',
    expected: 'a whole number',
    found: 'abc',
    hint: 'check the cell',
  };

  test('path:line:column: error: message (expected …, found "…"); hint: …', () => {
    expect(formatProblem(problem)).toBe('data/x/x.csv:12:7: error: not a number in column "人口" (population) (expected a whole number, found "abc"); hint: check the cell');
  });

  test('without expected, found and hint it is path:line:column: severity: message', () => {
    expect(formatProblem({ file: 'data/x/dataset.yaml', line: 3, column: 1, severity: 'warning', message: 'odd' })).toBe('data/x/dataset.yaml:3:1: warning: odd');
  });

  test('found alone is quoted as JSON', () => {
    const { expected: _expected, hint: _hint, ...rest } = problem;
    expect(formatProblem({ ...rest, found: 'a "b"' })).toBe('data/x/x.csv:12:7: error: not a number in column "人口" (population) (found "a \\"b\\"")');
  });

  test('line breaks in a message are flattened so the problem stays on one line', () => {
    expect(formatProblem({ file: 'f', line: 1, column: 1, severity: 'error', message: 'a\r\nb\nc' })).toBe('f:1:1: error: a b c');
  });
});
