import { describe, expect, test } from 'vitest';
import { chartCsv } from '../../src/charts/csv.ts';
import { chartData, rowShares } from '../../src/charts/data.ts';
import type { ChartSourceRow } from '../../src/charts/select.ts';
import { formatTick, formatValue } from '../../src/charts/format.ts';
import { textWidth } from '../../src/charts/measure.ts';
import { escapeXml, renderSvg } from '../../src/charts/render.ts';
import { chartState } from '../../src/charts/state.ts';
import { chartSpecSchema, type ChartSpec } from '../../src/schemas/chart.ts';

const units: ChartSourceRow[] = [
  { values: { adcode: '620100', county: '兰州市', share2010: 0.0441, share2020: 0.0522, male: 10, female: 30 }, sourceLine: 3, geoLevel: 'prefecture', isSubtotal: false },
  { values: { adcode: '620102', county: '城关区', share2010: 0.0519, share2020: 0.0495, male: 60, female: 40 }, sourceLine: 4, geoLevel: 'county', isSubtotal: false },
  { values: { adcode: '620103', county: '七里河区', share2010: 0.0605, share2020: 0.0867, male: 5, female: 15 }, sourceLine: 5, geoLevel: 'county', isSubtotal: false },
  { values: { adcode: '620171', county: '兰州新区', share2010: { missing: 'blank', marker: '' }, share2020: 0.0556, male: 1, female: 3 }, sourceLine: 12, geoLevel: 'county', isSubtotal: false },
  { values: { adcode: '620199', county: '市辖区', share2010: 0.01, share2020: 0.01, male: 1, female: 1 }, sourceLine: 13, geoLevel: 'county', isSubtotal: true },
];

function spec(overrides: Partial<ChartSpec> & Pick<ChartSpec, 'type' | 'series'>): ChartSpec {
  return chartSpecSchema.parse({
    id: 'test-chart',
    version: 1,
    title: '七里河区最高',
    subtitle: '测试',
    dataset: 'test',
    rows: { level: 'county' },
    label: 'county',
    format: 'percent',
    ...overrides,
  });
}

const barSpec = spec({ type: 'bar', series: [{ label: '2020 年', key: 'share2020' }] });

describe('chartSpecSchema', () => {
  test('chartSpecSchema rejects a series with both key and sum', () => {
    const result = chartSpecSchema.safeParse({ ...barSpec, series: [{ label: 'x', key: 'a', sum: ['b', 'c'] }] });
    expect(result.success).toBe(false);
  });
});

describe('chartData', () => {
  test('chartData(bar) keeps county rows, drops subtotals and sorts by value, highest first', () => {
    expect(chartData(barSpec, units).map((datum) => datum.label)).toEqual(['七里河区', '兰州新区', '城关区']);
  });

  test('chartData keeps the source line of every row', () => {
    expect(chartData(barSpec, units).map((datum) => datum.sourceLine)).toEqual([5, 12, 4]);
  });

  test('chartData excludes rows by adcode or by label', () => {
    const excluded = spec({ type: 'bar', series: [{ label: '2020', key: 'share2020' }], rows: { level: 'county', exclude: ['620171', '城关区'] } });
    expect(chartData(excluded, units).map((datum) => datum.label)).toEqual(['七里河区']);
  });

  test('chartData with rows.only keeps that order', () => {
    const only = spec({ type: 'bar', series: [{ label: '2020', key: 'share2020' }], rows: { only: ['城关区', '兰州市'], exclude: [] } });
    expect(chartData(only, units).map((datum) => datum.label)).toEqual(['城关区', '兰州市']);
  });

  test('a missing cell becomes an undefined value with its reason, sorted last', () => {
    const slope = spec({ type: 'slope', series: [{ label: '2010', key: 'share2010' }, { label: '2020', key: 'share2020' }] });
    const data = chartData(slope, units);
    expect(data.at(-1)?.label).toBe('兰州新区');
    expect(data.at(-1)?.values[0]).toBeUndefined();
    expect(data.at(-1)?.missing[0]).toBe('blank');
  });

  test('sum and ratio series are computed from their columns', () => {
    const computed = spec({ type: 'bar', format: 'number', series: [{ label: '合计', sum: ['male', 'female'] }, { label: '女性比例', ratio: ['female', 'male'] }], sort: 'none' });
    const chengguan = chartData(computed, units).find((datum) => datum.label === '城关区');
    expect(chengguan?.values).toEqual([100, 40 / 60]);
  });
});

describe('chartState', () => {
  test('chartState(bar) ticks start at 0 and are nice fractions', () => {
    const state = chartState(barSpec, units);
    expect(state.ticks.map((tick) => tick.value)).toEqual([0, 0.02, 0.04, 0.06, 0.08, 0.1]);
    expect(state.ticks.map((tick) => tick.label)).toEqual(['0%', '2%', '4%', '6%', '8%', '10%']);
  });

  test('chartState(bar) draws one bar per row, longest for the highest value', () => {
    const bars = chartState(barSpec, units).marks.filter((mark) => mark.kind === 'rect');
    expect(bars).toHaveLength(3);
    const widths = bars.map((bar) => (bar.kind === 'rect' ? bar.width : 0));
    expect(widths[0]).toBeGreaterThan(widths[1] ?? Infinity);
    expect(widths[1]).toBeGreaterThan(widths[2] ?? Infinity);
  });

  test('chartState(bar) labels each bar with its value as published', () => {
    const values = chartState(barSpec, units).marks.flatMap((mark) => (mark.kind === 'text' && mark.className === 'value' ? [mark.text] : []));
    expect(values).toEqual(['8.67%', '5.56%', '4.95%']);
  });

  test('chartState(bar) summary names the highest and lowest rows with their values', () => {
    expect(chartState(barSpec, units).summary).toBe('在 3 项中，七里河区最高，为 8.67%；城关区最低，为 4.95%。');
  });

  test('chartState(slope) summary counts rises and falls in percentage points', () => {
    const slope = spec({ type: 'slope', series: [{ label: '2010 年', key: 'share2010' }, { label: '2020 年', key: 'share2020' }] });
    expect(chartState(slope, units).summary).toBe(
      '从 2010 年 到 2020 年，2 项中 1 项上升、1 项下降；七里河区变化最大（+2.62 个百分点），城关区最小（-0.24 个百分点）。另有 1 项数据缺失。',
    );
  });

  test('rowShares splits a row into shares of its total', () => {
    expect(rowShares({ label: 'x', adcode: undefined, sourceLine: 1, values: [1, 3], missing: [undefined, undefined], cells: [[], []] })).toEqual([0.25, 0.75]);
  });

  test('chartState throws when no row matches', () => {
    expect(() => chartState(spec({ type: 'bar', series: [{ label: 'x', key: 'share2020' }], rows: { level: 'province', exclude: [] } }), units)).toThrow(/no rows match/);
  });
});

describe('formatting', () => {
  test('formatValue("percent") prints the published two decimals', () => {
    expect(formatValue(0.0522, 'percent')).toBe('5.22%');
  });

  test('formatValue("integer") groups thousands and appends the unit', () => {
    expect(formatValue(4359446, 'integer', '人')).toBe('4,359,446 人');
  });

  test('formatValue("points") signs the change', () => {
    expect(formatValue(0.0262, 'points', '个百分点')).toBe('+2.62 个百分点');
  });

  test('formatTick shortens large counts to 万', () => {
    expect(formatTick(1_500_000, 'integer')).toBe('150万');
  });

  test('textWidth counts CJK characters wider than digits', () => {
    expect(textWidth('城关区12', 13, 7.5)).toBe(3 * 13 + 2 * 7.5);
  });

  test('escapeXml makes markup in labels inert', () => {
    expect(escapeXml('<script>"x"&\'y\'')).toBe('&lt;script&gt;&quot;x&quot;&amp;&#39;y&#39;');
  });
});

describe('chartCsv', () => {
  test('chartCsv starts with a BOM, marks computed series and keeps source lines', () => {
    const computed = spec({ type: 'bar', format: 'number', series: [{ label: '合计', sum: ['male', 'female'] }] });
    const lines = chartCsv(chartState(computed, units)).split('\r\n');
    expect(lines[0]).toBe('\uFEFFcounty,合计（本站计算）,source_line');
    expect(lines[1]).toBe('城关区,100,4');
  });
});

/** Numbers rounded and ids fixed, so the snapshot shows real changes only. */
function normalise(svg: string): string {
  return svg.replace(/="(-?\d+\.\d+)"/g, (_, number: string) => `="${Number(number).toFixed(0)}"`).replace(/><(?!\/)/g, '>\n<');
}

describe('SVG snapshots', () => {
  test.each([
    ['bar', barSpec],
    ['slope', spec({ type: 'slope', series: [{ label: '2010 年', key: 'share2010' }, { label: '2020 年', key: 'share2020' }] })],
    ['stacked-bar', spec({ type: 'stacked-bar', format: 'integer', sort: 'none', series: [{ label: '男', key: 'male' }, { label: '女', key: 'female' }] })],
    ['grouped-bar', spec({ type: 'grouped-bar', series: [{ label: '2010 年', key: 'share2010' }, { label: '2020 年', key: 'share2020' }], rows: { only: ['城关区', '兰州新区'], exclude: [] } })],
    ['small-multiples', spec({ type: 'small-multiples', format: 'integer', series: [{ label: '男', key: 'male' }, { label: '女', key: 'female' }], rows: { only: ['城关区', '兰州新区'], exclude: [] } })],
    ['line', spec({ type: 'line', series: [{ label: '2010 年', key: 'share2010' }, { label: '2020 年', key: 'share2020' }], rows: { only: ['城关区', '七里河区', '兰州新区'], exclude: [] } })],
  ] as const)('renderSvg(%s) matches its committed snapshot', async (name, chartSpec) => {
    const svg = normalise(renderSvg(chartState(chartSpec, units), { idPrefix: 'snapshot' }));
    await expect(svg).toMatchFileSnapshot(`../fixtures/charts/${name}.svg`);
  });

  test('renderSvg gives the SVG a title and a desc that holds the summary', () => {
    const svg = renderSvg(chartState(barSpec, units), { idPrefix: 'c' });
    expect(svg).toContain('<title id="c-title">七里河区最高</title>');
    expect(svg).toContain('<desc id="c-desc">在 3 项中，七里河区最高');
    expect(svg).toContain('role="img" aria-labelledby="c-title c-desc"');
  });

  test('a standalone SVG carries its own stylesheet and source line', () => {
    const svg = renderSvg(chartState(barSpec, units), { idPrefix: 'c', standalone: { source: '来源：测试' } });
    expect(svg.startsWith('<?xml')).toBe(true);
    expect(svg).toContain('<style>');
    expect(svg).toContain('来源：测试');
  });
});

describe('horizontal axis ticks', () => {
  /** Horizontal distance between neighbouring tick labels, in user units. */
  const gaps = (state: ReturnType<typeof chartState>) => {
    const xs = state.marks.filter((mark) => mark.kind === 'text' && mark.className === 'tick').map((mark) => (mark.kind === 'text' ? mark.x : 0));
    return xs.slice(1).map((x, index) => x - (xs[index] ?? 0));
  };
  const longLabels = units.map((row) => ({ ...row, values: { ...row.values, county: `${String(row.values['county'])}自治区` } }));

  test('chartState(bar, longer labels, 264 wide) draws fewer ticks than at 480, none closer than a label is wide', () => {
    const narrow = chartState(barSpec, longLabels, 264);
    const wide = chartState(barSpec, longLabels, 480);
    expect(narrow.ticks.length).toBeLessThan(wide.ticks.length);
    expect(Math.min(...gaps(narrow))).toBeGreaterThanOrEqual(textWidth('10%', 13, 7.5) * (11 / 13));
  });

  test('chartState(bar, short labels, 480 wide) keeps every tick d3 proposes', () => {
    expect(chartState(barSpec, units, 480).ticks.map((tick) => tick.label)).toEqual(['0%', '2%', '4%', '6%', '8%', '10%']);
  });
});

describe('bar chart with labels too long for the width', () => {
  const label = '联合中南民族大学举办的兰州市民族工作干部培训班学员';
  const rows = units.map((row) => ({ ...row, values: { ...row.values, county: `${String(row.values['county'])}${label}` } }));
  const state = chartState(barSpec, rows, 330);
  const texts = state.marks.filter((mark) => mark.kind === 'text');

  test('chartState(bar, 30-character labels, 330 wide) keeps every label and value inside the drawing', () => {
    for (const mark of texts) {
      const width = textWidth(mark.text, 13, 7.5);
      const left = mark.anchor === 'start' ? mark.x : mark.anchor === 'end' ? mark.x - width : mark.x - width / 2;
      expect(left, mark.text).toBeGreaterThanOrEqual(0);
      expect(left + width, mark.text).toBeLessThanOrEqual(330);
    }
  });

  test('chartState(bar, 30-character labels, 330 wide) sets each label on whole lines above its bar, nothing left out', () => {
    const lines = texts.filter((mark) => mark.className === 'label').map((mark) => mark.text);
    expect(lines.join('')).toBe(chartData(barSpec, rows).map((datum) => datum.label).join(''));
    const firstBar = state.marks.find((mark) => mark.kind === 'rect');
    const firstLabel = texts.find((mark) => mark.className === 'label');
    expect(firstBar?.kind === 'rect' && firstLabel !== undefined && firstLabel.y < firstBar.y).toBe(true);
  });
});
