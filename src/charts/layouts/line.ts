import { gridClass, linearScale, ticksOf } from '../axis.ts';
import { centredBaseline } from '../baseline.ts';
import { CHART } from '../constants.ts';
import { knownValues } from '../data.ts';
import { valueText } from '../format.ts';
import type { LayoutFunction, Mark } from '../layout.ts';
import { widest } from '../measure.ts';
import { seriesClass } from '../palette.ts';

/** Line chart: the series are points in time along x, a line per row, labelled at its end. */
const defaults = {
  /** Room between the last point and the widest end label, and after it. */
  labelPadding: 10,
  labelGap: 8,
  /** Room left of the plot for the tick labels, and between them and the plot. */
  tickWidth: 44,
  tickGap: 6,
  /** Room under the plot for the series labels. */
  axisHeight: 20,
  /** Least space between two end labels, beyond the font size. */
  labelSpacing: 2,
} as const;

export const lineLayout: LayoutFunction = (spec, data, width) => {
  const top = CHART.marginTop;
  const height = CHART.lineChartHeight;
  const endLabels = data.map((datum) => `${datum.label} ${valueText(spec, datum.values[datum.values.length - 1])}`);
  const labelWidth = widest(endLabels) + defaults.labelPadding;
  const y = linearScale(knownValues(data), [height - CHART.marginBottom - defaults.axisHeight, top]);
  const ticks = ticksOf(y, spec);
  const left = CHART.marginLeft + defaults.tickWidth;
  const right = width - labelWidth;
  const xOf = (index: number) => (spec.series.length === 1 ? (left + right) / 2 : left + ((right - left) * index) / (spec.series.length - 1));
  const marks: Mark[] = [];
  for (const tick of ticks) {
    marks.push({ kind: 'line', x1: left, y1: y(tick.value), x2: right, y2: y(tick.value), className: gridClass(tick) });
    marks.push({ kind: 'text', x: left - defaults.tickGap, y: centredBaseline(y(tick.value), CHART.smallFontSize), text: tick.label, anchor: 'end', className: 'tick' });
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
    if (previous && current && current.y - previous.y < CHART.fontSize + defaults.labelSpacing) current.y = previous.y + CHART.fontSize + defaults.labelSpacing;
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
    marks.push({ kind: 'text', x: right + defaults.labelGap, y: centredBaseline(end?.y ?? 0, CHART.fontSize), text: endLabels[index] ?? '', anchor: 'start', className: 'label' });
  });
  return { width, height, ticks, legend: [], marks };
};
