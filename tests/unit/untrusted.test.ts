import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { chartCsv } from '../../src/charts/csv.ts';
import type { ChartState } from '../../src/charts/state.ts';
import { readDataset } from '../../src/lib/data/dataset.ts';
import { formatProblem } from '../../src/schemas/problem.ts';
import { csvField } from '../../src/lib/download/csv.ts';
import { sourceSchema } from '../../src/schemas/dataset.ts';

const DATA_ROOT = join(import.meta.dirname, '..', 'fixtures', 'data');
const source = (url: string) => ({ title: '测试资料', publisher: '测试', date: '2020', url });

describe('sourceSchema: source.url', () => {
  test.each(['https://www.stats.gov.cn/sj/pcsj/rkpc/7rp/indexch.htm', 'http://mzw.lanzhou.gov.cn/', 'https://example.org/?q="><script>x</script>'])('accepts the http(s) address %s', (url) => {
    expect(sourceSchema.safeParse(source(url)).success).toBe(true);
  });

  test.each(['javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'ftp://example.org/a.csv', '//example.org/a', '/data/x/'])('refuses %j', (url) => {
    const parsed = sourceSchema.safeParse(source(url));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/^an http:\/\/ or https:\/\/ address/);
  });
});

describe('readDataset: a javascript: source URL (bad-url)', () => {
  const result = readDataset(DATA_ROOT, 'bad-url', { displayRoot: 'tests/fixtures/data' });

  test('is one error at the url value, with file:line:column, and no rows', () => {
    expect(result.problems.map(formatProblem)).toEqual([
      'tests/fixtures/data/bad-url/dataset.yaml:14:8: error: source.url: an http:// or https:// address (javascript:, data: and other schemes are refused)',
    ]);
    expect(result.meta).toBeUndefined();
  });
});

describe('csvField: text that a spreadsheet would run as a formula (OWASP CSV injection)', () => {
  test.each([
    ['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"'],
    ['+1+1', '"\'+1+1"'],
    ['-1+1', '"\'-1+1"'],
    ['@SUM(1+1)', '"\'@SUM(1+1)"'],
    ['\t=1', '"\'\t=1"'],
    ['\r=1', '"\'\r=1"'],
  ])('csvField(%j) is %s', (text, field) => {
    expect(csvField(text)).toBe(field);
  });

  test('csvField leaves numbers alone: csvField(-1.5) is -1.5', () => {
    expect(csvField(-1.5)).toBe('-1.5');
  });

  test('csvField leaves text that only contains = or - alone: csvField("a=b-c") is a=b-c', () => {
    expect(csvField('a=b-c')).toBe('a=b-c');
  });
});

describe('chartCsv: formula-like labels', () => {
  const state = {
    spec: { label: 'label', series: [{ label: '=1+1', key: 'value' }] },
    data: [
      { label: '=HYPERLINK("http://x","y")', values: [-2.5], sourceLine: 2, cells: [['=x.xls!K7']] },
      { label: '城关区', values: [undefined], sourceLine: 3, cells: [[]] },
    ],
  } as unknown as ChartState;

  test('chartCsv prefixes formula-like text (labels, a file name in a cell reference) with \' and keeps negative numbers as numbers', () => {
    expect(chartCsv(state).split('\r\n')).toEqual(['\uFEFFlabel,"\'=1+1",source_line,"\'=1+1：原表单元格"', '"\'=HYPERLINK(""http://x"",""y"")",-2.5,2,"\'=x.xls!K7"', '城关区,,3,', '']);
  });
});
