import { max, min } from 'd3-array';
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import type { ChartSpec } from '../schemas/chart.ts';
import { CHART, SERIES_CLASSES } from './constants.ts';
import { changeOf, chartData, type ChartDatum, type ChartSourceRow } from './data.ts';
import { formatTick, formatValue, textWidth } from './format.ts';
import { summarise } from './summary.ts';

/** A drawing instruction; the renderer turns each into one SVG element. */
export type Mark =
  | { kind: 'rect'; x: number; y: number; width: number; height: number; className: string; title?: string }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; className: string }
  | { kind: 'circle'; cx: number; cy: number; r: number; className: string; title?: string }
  | { kind: 'path'; d: string; className: string }
  | { kind: 'text'; x: number; y: number; text: string; anchor: 'start' | 'middle' | 'end'; className: string };

export interface Tick {
  value: number;
  label: string;
}

/** Everything a chart shows, computed from the spec and the rows; rendering only turns it into markup. */
export interface ChartState {
  spec: ChartSpec;
  data: ChartDatum[];
  width: number;
  height: number;
  ticks: Tick[];
  legend: { label: string; className: string }[];
  marks: Mark[];
  /** One or two sentences generated from the data: what the chart shows. */
  summary: string;
}

const { fontSize, charWidth, digitWidth } = CHART;
const measure = (text: string) => textWidth(text, charWidth, digitWidth);
const seriesClass = (index: number) => SERIES_CLASSES[index % SERIES_CLASSES.length] ?? 'series-0';

function valueText(spec: ChartSpec, value: number | undefined): string {
  return value === undefined ? '不详' : formatValue(value, spec.format, spec.unit);
}

function linearScale(values: number[], range: [number, number]): ScaleLinear<number, number> {
  const low = Math.min(0, min(values) ?? 0);
  const high = Math.max(0, max(values) ?? 1);
  return scaleLinear()
    .domain([low, high === low ? low + 1 : high])
    .range(range)
    .nice(CHART.ticks);
}

function ticksOf(scale: ScaleLinear<number, number>, spec: ChartSpec): Tick[] {
  return scale.ticks(CHART.ticks).map((value) => ({ value, label: formatTick(value, spec.format) }));
}

/** Gridlines and tick labels along the top of a horizontal chart. */
function axisMarks(scale: ScaleLinear<number, number>, ticks: Tick[], top: number, bottom: number): Mark[] {
  return ticks.flatMap((tick): Mark[] => [
    { kind: 'line', x1: scale(tick.value), y1: top - 4, x2: scale(tick.value), y2: bottom, className: tick.value === 0 ? 'axis-zero' : 'grid' },
    { kind: 'text', x: scale(tick.value), y: top - 8, text: tick.label, anchor: 'middle', className: 'tick' },
  ]);
}

/** Legend items in rows that wrap at the chart's width; returns marks and the height used. */
function legendMarks(items: { label: string; className: string; shape?: 'rect' | 'hollow' | 'dot' }[], top: number, width: number): { marks: Mark[]; height: number } {
  const marks: Mark[] = [];
  let x = CHART.marginLeft;
  let y = top;
  for (const item of items) {
    const itemWidth = CHART.swatch + 6 + measure(item.label) + 14;
    if (x + itemWidth > width && x > CHART.marginLeft) {
      x = CHART.marginLeft;
      y += CHART.legendHeight - 4;
    }
    if (item.shape === 'hollow' || item.shape === 'dot') {
      marks.push({ kind: 'circle', cx: x + CHART.swatch / 2, cy: y - 4, r: CHART.dotRadius, className: item.shape === 'hollow' ? 'dot-hollow' : 'dot-filled' });
    } else {
      marks.push({ kind: 'rect', x, y: y - CHART.swatch + 2, width: CHART.swatch, height: CHART.swatch, className: `swatch ${item.className}` });
    }
    marks.push({ kind: 'text', x: x + CHART.swatch + 6, y, text: item.label, anchor: 'start', className: 'legend' });
    x += itemWidth;
  }
  return { marks, height: y - top + CHART.legendHeight };
}

function barLayout(spec: ChartSpec, data: ChartDatum[], width: number): Omit<ChartState, 'spec' | 'data' | 'summary'> {
  const labelWidth = (max(data, (datum) => measure(datum.label)) ?? 0) + 8;
  const valueWidth = (max(data, (datum) => measure(valueText(spec, datum.values[0]))) ?? 0) + 8;
  const top = CHART.marginTop;
  const scale = linearScale(data.flatMap((datum) => datum.values.filter((value): value is number => value !== undefined)), [CHART.marginLeft + labelWidth, width - valueWidth]);
  const ticks = ticksOf(scale, spec);
  const step = CHART.barHeight + CHART.barGap;
  const height = top + data.length * step + CHART.marginBottom;
  const marks: Mark[] = axisMarks(scale, ticks, top, height - CHART.marginBottom);
  data.forEach((datum, index) => {
    const y = top + index * step + CHART.barGap / 2;
    const value = datum.values[0];
    marks.push({ kind: 'text', x: CHART.marginLeft + labelWidth - 6, y: y + CHART.barHeight / 2 + fontSize * 0.35, text: datum.label, anchor: 'end', className: 'label' });
    if (value === undefined) {
      marks.push({ kind: 'text', x: scale(0) + 4, y: y + CHART.barHeight / 2 + fontSize * 0.35, text: '不详', anchor: 'start', className: 'value missing' });
      return;
    }
    const x0 = scale(Math.min(0, value));
    const x1 = scale(Math.max(0, value));
    marks.push({ kind: 'rect', x: x0, y, width: Math.max(x1 - x0, 0.5), height: CHART.barHeight, className: 'bar series-0', title: `${datum.label}：${valueText(spec, value)}` });
    marks.push({ kind: 'text', x: x1 + 4, y: y + CHART.barHeight / 2 + fontSize * 0.35, text: valueText(spec, value), anchor: 'start', className: 'value' });
  });
  return { width, height, ticks, legend: [], marks };
}

function groupedLayout(spec: ChartSpec, data: ChartDatum[], width: number): Omit<ChartState, 'spec' | 'data' | 'summary'> {
  const legendItems = spec.series.map((series, index) => ({ label: series.label, className: seriesClass(index) }));
  const legend = legendMarks(legendItems, CHART.marginTop - 6, width);
  const top = CHART.marginTop + legend.height + 6;
  const labelWidth = (max(data, (datum) => measure(datum.label)) ?? 0) + 8;
  const valueWidth = (max(data.flatMap((datum) => datum.values.map((value) => measure(valueText(spec, value))))) ?? 0) + 8;
  const scale = linearScale(data.flatMap((datum) => datum.values.filter((value): value is number => value !== undefined)), [CHART.marginLeft + labelWidth, width - valueWidth]);
  const ticks = ticksOf(scale, spec);
  const barHeight = CHART.barHeight * 0.8;
  const groupHeight = spec.series.length * (barHeight + 2) + CHART.groupGap;
  const height = top + data.length * groupHeight + CHART.marginBottom;
  const marks: Mark[] = [...legend.marks, ...axisMarks(scale, ticks, top, height - CHART.marginBottom)];
  data.forEach((datum, index) => {
    const groupTop = top + index * groupHeight + CHART.groupGap / 2;
    marks.push({ kind: 'text', x: CHART.marginLeft + labelWidth - 6, y: groupTop + (groupHeight - CHART.groupGap) / 2 + fontSize * 0.35, text: datum.label, anchor: 'end', className: 'label' });
    datum.values.forEach((value, seriesIndex) => {
      const y = groupTop + seriesIndex * (barHeight + 2);
      const seriesLabel = spec.series[seriesIndex]?.label ?? '';
      if (value === undefined) {
        marks.push({ kind: 'text', x: scale(0) + 4, y: y + barHeight / 2 + fontSize * 0.35, text: `${seriesLabel} 不详`, anchor: 'start', className: 'value missing' });
        return;
      }
      const x0 = scale(Math.min(0, value));
      const x1 = scale(Math.max(0, value));
      marks.push({ kind: 'rect', x: x0, y, width: Math.max(x1 - x0, 0.5), height: barHeight, className: `bar ${seriesClass(seriesIndex)}`, title: `${datum.label}，${seriesLabel}：${valueText(spec, value)}` });
      marks.push({ kind: 'text', x: x1 + 4, y: y + barHeight / 2 + CHART.smallFontSize * 0.35, text: valueText(spec, value), anchor: 'start', className: 'value small' });
    });
  });
  return { width, height, ticks, legend: legendItems, marks };
}

/** Shares of each row's total, per series: the stacked 100 % bar's values. */
export function rowShares(datum: ChartDatum): (number | undefined)[] {
  if (datum.values.some((value) => value === undefined)) return datum.values.map(() => undefined);
  const total = (datum.values as number[]).reduce((a, b) => a + b, 0);
  return (datum.values as number[]).map((value) => (total === 0 ? undefined : value / total));
}

function stackedLayout(spec: ChartSpec, data: ChartDatum[], width: number): Omit<ChartState, 'spec' | 'data' | 'summary'> {
  const legendItems = spec.series.map((series, index) => ({ label: series.label, className: seriesClass(index) }));
  const legend = legendMarks(legendItems, CHART.marginTop - 6, width);
  const top = CHART.marginTop + legend.height + 10;
  const labelWidth = (max(data, (datum) => measure(datum.label)) ?? 0) + 8;
  const scale = scaleLinear().domain([0, 1]).range([CHART.marginLeft + labelWidth, width - 12]);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((value) => ({ value, label: `${value * 100}%` }));
  const step = CHART.barHeight + CHART.barGap;
  const height = top + data.length * step + CHART.marginBottom;
  const marks: Mark[] = [...legend.marks, ...axisMarks(scale, ticks, top, height - CHART.marginBottom)];
  data.forEach((datum, index) => {
    const y = top + index * step + CHART.barGap / 2;
    marks.push({ kind: 'text', x: CHART.marginLeft + labelWidth - 6, y: y + CHART.barHeight / 2 + fontSize * 0.35, text: datum.label, anchor: 'end', className: 'label' });
    const shares = rowShares(datum);
    if (shares.some((share) => share === undefined)) {
      marks.push({ kind: 'text', x: scale(0) + 4, y: y + CHART.barHeight / 2 + fontSize * 0.35, text: '不详', anchor: 'start', className: 'value missing' });
      return;
    }
    let start = 0;
    shares.forEach((share = 0, seriesIndex) => {
      const x0 = scale(start);
      const x1 = scale(start + share);
      const text = `${(share * 100).toFixed(1)}%`;
      marks.push({ kind: 'rect', x: x0, y, width: Math.max(x1 - x0, 0), height: CHART.barHeight, className: `bar ${seriesClass(seriesIndex)}`, title: `${datum.label}，${spec.series[seriesIndex]?.label ?? ''}：${text}` });
      if (x1 - x0 > measure(text) + 6) {
        marks.push({ kind: 'text', x: (x0 + x1) / 2, y: y + CHART.barHeight / 2 + CHART.smallFontSize * 0.35, text, anchor: 'middle', className: `value small on-${seriesClass(seriesIndex)}` });
      }
      start += share;
    });
  });
  return { width, height, ticks, legend: legendItems, marks };
}

function slopeLayout(spec: ChartSpec, data: ChartDatum[], width: number): Omit<ChartState, 'spec' | 'data' | 'summary'> {
  const [from, to] = spec.series;
  const legendItems = [
    { label: from?.label ?? '', className: 'dot-hollow', shape: 'hollow' as const },
    { label: to?.label ?? '', className: 'dot-filled', shape: 'dot' as const },
  ];
  const legend = legendMarks(legendItems, CHART.marginTop - 6, width);
  const top = CHART.marginTop + legend.height + 6;
  const labelWidth = (max(data, (datum) => measure(datum.label)) ?? 0) + 8;
  const changeText = (datum: ChartDatum) => {
    const change = changeOf(datum);
    return change === undefined ? '不详' : formatValue(change, spec.format === 'percent' ? 'points' : spec.format, spec.format === 'percent' ? '个百分点' : spec.unit);
  };
  const valueWidth = (max(data, (datum) => measure(changeText(datum))) ?? 0) + 10;
  const values = data.flatMap((datum) => datum.values.filter((value): value is number => value !== undefined));
  const low = min(values) ?? 0;
  const high = max(values) ?? 1;
  const scale = scaleLinear().domain([low, high]).range([CHART.marginLeft + labelWidth + 6, width - valueWidth - 6]).nice(CHART.ticks);
  const ticks = ticksOf(scale, spec);
  const step = CHART.barHeight + CHART.barGap;
  const height = top + data.length * step + CHART.marginBottom;
  const marks: Mark[] = [...legend.marks, ...axisMarks(scale, ticks, top, height - CHART.marginBottom)];
  data.forEach((datum, index) => {
    const cy = top + index * step + step / 2;
    const [start, end] = [datum.values[0], datum.values[datum.values.length - 1]];
    marks.push({ kind: 'text', x: CHART.marginLeft + labelWidth - 6, y: cy + fontSize * 0.35, text: datum.label, anchor: 'end', className: 'label' });
    if (start === undefined || end === undefined) {
      marks.push({ kind: 'text', x: scale.range()[0] ?? 0, y: cy + fontSize * 0.35, text: '不可比', anchor: 'start', className: 'value missing' });
      return;
    }
    marks.push({ kind: 'line', x1: scale(start), y1: cy, x2: scale(end), y2: cy, className: end >= start ? 'change up' : 'change down' });
    marks.push({ kind: 'circle', cx: scale(start), cy, r: CHART.dotRadius, className: 'dot-hollow', title: `${datum.label}，${from?.label ?? ''}：${valueText(spec, start)}` });
    marks.push({ kind: 'circle', cx: scale(end), cy, r: CHART.dotRadius, className: 'dot-filled', title: `${datum.label}，${to?.label ?? ''}：${valueText(spec, end)}` });
    marks.push({ kind: 'text', x: width - valueWidth + 4, y: cy + fontSize * 0.35, text: changeText(datum), anchor: 'start', className: 'value' });
  });
  return { width, height, ticks, legend: legendItems, marks };
}

function smallMultiplesLayout(spec: ChartSpec, data: ChartDatum[], width: number): Omit<ChartState, 'spec' | 'data' | 'summary'> {
  const labelWidth = (max(spec.series, (series) => measure(series.label)) ?? 0) + 8;
  const valueWidth = (max(data.flatMap((datum) => datum.values.map((value) => measure(valueText(spec, value))))) ?? 0) + 8;
  const top = CHART.marginTop;
  const scale = linearScale(data.flatMap((datum) => datum.values.filter((value): value is number => value !== undefined)), [CHART.marginLeft + labelWidth, width - valueWidth]);
  const ticks = ticksOf(scale, spec);
  const barHeight = CHART.barHeight * 0.75;
  const panelHeight = CHART.panelTitleHeight + spec.series.length * (barHeight + 3) + CHART.panelGap;
  const height = top + data.length * panelHeight + CHART.marginBottom;
  const marks: Mark[] = ticks.map((tick) => ({ kind: 'text', x: scale(tick.value), y: top - 8, text: tick.label, anchor: 'middle', className: 'tick' }));
  data.forEach((datum, index) => {
    const panelTop = top + index * panelHeight;
    const barsTop = panelTop + CHART.panelTitleHeight;
    const barsBottom = barsTop + spec.series.length * (barHeight + 3);
    marks.push({ kind: 'text', x: CHART.marginLeft, y: panelTop + CHART.panelTitleHeight - 7, text: datum.label, anchor: 'start', className: 'panel-title' });
    for (const tick of ticks) marks.push({ kind: 'line', x1: scale(tick.value), y1: barsTop - 2, x2: scale(tick.value), y2: barsBottom, className: tick.value === 0 ? 'axis-zero' : 'grid' });
    datum.values.forEach((value, seriesIndex) => {
      const y = barsTop + seriesIndex * (barHeight + 3);
      const label = spec.series[seriesIndex]?.label ?? '';
      marks.push({ kind: 'text', x: CHART.marginLeft + labelWidth - 6, y: y + barHeight / 2 + CHART.smallFontSize * 0.35, text: label, anchor: 'end', className: 'label small' });
      if (value === undefined) {
        marks.push({ kind: 'text', x: scale(0) + 4, y: y + barHeight / 2 + CHART.smallFontSize * 0.35, text: '不详', anchor: 'start', className: 'value small missing' });
        return;
      }
      const x0 = scale(Math.min(0, value));
      const x1 = scale(Math.max(0, value));
      marks.push({ kind: 'rect', x: x0, y, width: Math.max(x1 - x0, 0.5), height: barHeight, className: 'bar series-0', title: `${datum.label}，${label}：${valueText(spec, value)}` });
      marks.push({ kind: 'text', x: x1 + 4, y: y + barHeight / 2 + CHART.smallFontSize * 0.35, text: valueText(spec, value), anchor: 'start', className: 'value small' });
    });
  });
  return { width, height, ticks, legend: [], marks };
}

function lineLayout(spec: ChartSpec, data: ChartDatum[], width: number): Omit<ChartState, 'spec' | 'data' | 'summary'> {
  const top = CHART.marginTop;
  const height = CHART.lineChartHeight;
  const endLabels = data.map((datum) => `${datum.label} ${valueText(spec, datum.values[datum.values.length - 1])}`);
  const labelWidth = (max(endLabels, measure) ?? 0) + 10;
  const tickWidth = 44;
  const values = data.flatMap((datum) => datum.values.filter((value): value is number => value !== undefined));
  const y = linearScale(values, [height - CHART.marginBottom - 20, top]);
  const ticks = ticksOf(y, spec);
  const left = CHART.marginLeft + tickWidth;
  const right = width - labelWidth;
  const xOf = (index: number) => (spec.series.length === 1 ? (left + right) / 2 : left + ((right - left) * index) / (spec.series.length - 1));
  const marks: Mark[] = [];
  for (const tick of ticks) {
    marks.push({ kind: 'line', x1: left, y1: y(tick.value), x2: right, y2: y(tick.value), className: tick.value === 0 ? 'axis-zero' : 'grid' });
    marks.push({ kind: 'text', x: left - 6, y: y(tick.value) + CHART.smallFontSize * 0.35, text: tick.label, anchor: 'end', className: 'tick' });
  }
  spec.series.forEach((series, index) => {
    marks.push({ kind: 'text', x: xOf(index), y: height - CHART.marginBottom, text: series.label, anchor: 'middle', className: 'tick' });
  });
  // End labels, nudged apart so that they never overlap.
  const ends = data
    .map((datum, index) => ({ index, y: y(datum.values[datum.values.length - 1] ?? 0) }))
    .sort((a, b) => a.y - b.y);
  for (let i = 1; i < ends.length; i++) {
    const previous = ends[i - 1];
    const current = ends[i];
    if (previous && current && current.y - previous.y < fontSize + 2) current.y = previous.y + fontSize + 2;
  }
  data.forEach((datum, index) => {
    const points = datum.values.map((value, seriesIndex) => (value === undefined ? undefined : ([xOf(seriesIndex), y(value)] as const)));
    const d = points.reduce((path, point, pointIndex) => {
      if (!point) return path;
      const move = pointIndex === 0 || !points[pointIndex - 1];
      return `${path}${move ? 'M' : 'L'}${point[0].toFixed(1)},${point[1].toFixed(1)}`;
    }, '');
    marks.push({ kind: 'path', d, className: `trend ${seriesClass(index)}` });
    points.forEach((point, seriesIndex) => {
      if (point) marks.push({ kind: 'circle', cx: point[0], cy: point[1], r: CHART.dotRadius, className: `point ${seriesClass(index)}`, title: `${datum.label}，${spec.series[seriesIndex]?.label ?? ''}：${valueText(spec, datum.values[seriesIndex])}` });
    });
    const end = ends.find((entry) => entry.index === index);
    marks.push({ kind: 'text', x: right + 8, y: (end?.y ?? 0) + fontSize * 0.35, text: endLabels[index] ?? '', anchor: 'start', className: 'label' });
  });
  return { width, height, ticks, legend: [], marks };
}

const layouts = {
  bar: barLayout,
  'grouped-bar': groupedLayout,
  'stacked-bar': stackedLayout,
  slope: slopeLayout,
  'small-multiples': smallMultiplesLayout,
  line: lineLayout,
} as const;

/**
 * The chart's full state from its spec and the dataset's rows, laid out `width` user units
 * wide: pages draw a narrow variant for phones and a wide one, so that text stays at its
 * size instead of shrinking with the whole drawing.
 */
export function chartState(spec: ChartSpec, rows: readonly ChartSourceRow[], width: number = CHART.width): ChartState {
  const data = chartData(spec, rows);
  if (data.length === 0) throw new Error(`chart ${spec.id}: no rows match rows: ${JSON.stringify(spec.rows)}`);
  const layout = layouts[spec.type](spec, data, width);
  return { spec, data, ...layout, summary: summarise(spec, data) };
}
