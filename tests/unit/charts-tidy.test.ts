import { describe, expect, test } from 'vitest';
import { chartCsv } from '../../src/charts/csv.ts';
import { chartData } from '../../src/charts/data.ts';
import { fromFile, type ChartSourceRow } from '../../src/charts/select.ts';
import { chartState } from '../../src/charts/state.ts';
import { checkCharts } from '../../src/lib/charts/check.ts';
import type { DatasetResult } from '../../src/lib/data/dataset.ts';
import { formatProblem } from '../../src/schemas/problem.ts';
import { Table } from '../../src/lib/data/table.ts';
import type { DatasetMeta } from '../../src/schemas/dataset.ts';
import { chartSpecSchema, type ChartSpec } from '../../src/schemas/chart.ts';

const NONE = { missing: 'none-reported', marker: '' } as const;

/** A tidy census table in miniature: place × group (and 城市 part), each figure with its cell. */
function tidy(year: 2000 | 2010): ChartSourceRow[] {
  const rows: [string, string, string, number | typeof NONE, string][] =
    year === 2010
      ? [
          ['合计', '甲区', '合计', 1000, 'B7'],
          ['合计', '甲区', '回族', 50, 'K7'],
          ['合计', '甲区', '东乡族', NONE, 'CN7'],
          ['合计', '乙区', '合计', 2000, 'B8'],
          ['合计', '乙区', '回族', 20, 'K8'],
          ['合计', '乙区', '东乡族', 10, 'CN8'],
          ['城市', '甲区', '回族', 30, 'K7'],
        ]
      : [
          ['合计', '甲区', '合计', 900, 'B9'],
          ['合计', '甲区', '回族', 40, 'K9'],
          ['合计', '乙区', '合计', 1900, 'B10'],
          ['合计', '乙区', '回族', 25, 'K10'],
        ];
  return rows.map(([residence, place, group, total, cell]) => ({
    values: { residence, place, group, total },
    sourceLine: Number(cell.slice(1)),
    geoLevel: 'county',
    isSubtotal: false,
    sourceCells: { total: cell },
    ...(residence === '城市' ? { sourceFile: 'part-city.xls' } : {}),
  }));
}

function spec(overrides: Partial<Record<keyof ChartSpec, unknown>>): ChartSpec {
  return chartSpecSchema.parse({
    id: 'tidy',
    version: 1,
    type: 'bar',
    title: '测试',
    subtitle: '测试',
    dataset: 'tidy-2010',
    rows: { where: { residence: '合计' } },
    label: 'place',
    pivot: { column: 'group', value: 'total' },
    format: 'percent',
    series: [{ label: '回族', ratio: ['回族', '合计'] }],
    ...overrides,
  });
}

const input = new Map([
  ['tidy-2010', tidy(2010)],
  ['tidy-2000', fromFile(tidy(2000), '2000.xls')],
]);

describe('chartData on a tidy table', () => {
  test('chartData with where and pivot makes one row per place, its series computed from that place’s rows', () => {
    const data = chartData(spec({}), input);
    expect(data.map((datum) => [datum.label, datum.values[0]])).toEqual([
      ['甲区', 0.05],
      ['乙区', 0.01],
    ]);
  });

  test('chartData names the cells each value was computed from', () => {
    expect(chartData(spec({}), input).map((datum) => datum.cells[0])).toEqual([
      ['K7', 'B7'],
      ['K8', 'B8'],
    ]);
  });

  test('chartData without where pivots the 城市 part in too: its cell names its file', () => {
    const data = chartData(spec({ rows: { where: { place: '甲区' } }, pivot: { column: 'residence', value: 'total' }, label: 'group', series: [{ label: '城市', key: '城市' }] }), input);
    expect(data.map((datum) => [datum.label, datum.values[0], datum.cells[0]])).toEqual([
      ['回族', 30, ['part-city.xls!K7']],
      ['合计', undefined, []],
      ['东乡族', undefined, []],
    ]);
  });

  test('chartData counts a blank (none reported) as 0 in a sum', () => {
    const data = chartData(spec({ series: [{ label: '两族', ratio: [['回族', '东乡族'], '合计'] }] }), input);
    expect(data.map((datum) => datum.values[0])).toEqual([0.05, 0.015]);
  });

  test('chartData with join reads the other dataset’s row of the same label as <as>.<key>, and change is second ÷ first − 1', () => {
    const data = chartData(spec({ join: [{ dataset: 'tidy-2000', as: 'y2000' }], series: [{ label: '增加', change: ['y2000.回族', '回族'] }] }), input);
    expect(data.map((datum) => [datum.label, Number(datum.values[0]?.toFixed(9)), datum.cells[0]])).toEqual([
      ['甲区', 0.25, ['2000.xls!K9', 'K7']],
      ['乙区', -0.2, ['2000.xls!K10', 'K8']],
    ]);
  });

  test('chartData with join leaves a value missing where the other dataset has no row of that label', () => {
    const data = chartData(spec({ rows: { where: { residence: '合计' } }, join: [{ dataset: 'tidy-2000', as: 'y2000' }], series: [{ label: '东乡族', key: 'y2000.东乡族' }] }), input);
    expect(data.map((datum) => datum.missing[0])).toEqual(['not-computable', 'not-computable']);
  });
});

describe('chartCsv of a tidy chart', () => {
  test('chartCsv adds a column with each series’ published cells', () => {
    const csv = chartCsv(chartState(spec({}), input));
    expect(csv.split('\r\n').slice(0, 3)).toEqual(['\uFEFFplace,回族（本站计算）,source_line,回族：原表单元格', '甲区,0.05,7,K7 B7', '乙区,0.01,8,K8 B8']);
  });
});

function dataset(id: string, rows: ChartSourceRow[]): DatasetResult {
  const keys = ['residence', 'place', 'group', 'total'];
  const table = new Table(keys, { numeric: [false, false, false, true] });
  for (const row of rows) table.push(keys.map((key) => row.values[key] as never), { sourceLine: row.sourceLine, geoLevel: 'county', isSubtotal: false });
  return { id, meta: { file: `${id}.xls` } as DatasetMeta, table, account: {} as DatasetResult['account'], problems: [], milliseconds: 0 };
}

describe('checkCharts on tidy tables', () => {
  const datasets = [dataset('tidy-2010', tidy(2010)), dataset('tidy-2000', tidy(2000))];

  test('checkCharts passes a chart with where, pivot and join', () => {
    const { specs, problems } = checkCharts('tests/fixtures/chart-specs', datasets, 'tidy-good', 'tests/fixtures/chart-specs');
    expect(problems.map(formatProblem)).toEqual([]);
    expect(specs.map((entry) => entry.id)).toEqual(['tidy-share']);
  });

  test('checkCharts fails a pivot key no chosen row has, a where column, a joined dataset and a joined key, at their lines', () => {
    const { specs, problems } = checkCharts('tests/fixtures/chart-specs', datasets, 'tidy-bad', 'tests/fixtures/chart-specs');
    expect(specs).toEqual([]);
    expect(problems.map(formatProblem)).toEqual([
      'tests/fixtures/chart-specs/tidy-bad/unknown-group.yaml:11:5: error: group 回回族 is not among the chosen rows of dataset tidy-2010 (found "回回族"); hint: values of group there: 合计, 回族, 东乡族…',
      'tests/fixtures/chart-specs/tidy-bad/unknown-join.yaml:10:16: error: join names a dataset that does not exist or did not load (found "tidy-1990")',
      'tests/fixtures/chart-specs/tidy-bad/unknown-joined-key.yaml:13:5: error: group 东乡族 is not among the chosen rows of dataset tidy-2000 (found "y2000.东乡族"); hint: values of group there: 合计, 回族…',
      'tests/fixtures/chart-specs/tidy-bad/unknown-where.yaml:7:18: error: column residnce is not in dataset tidy-2010 (found "residnce"); hint: its columns: residence, place, group, total…',
    ]);
  });
});
