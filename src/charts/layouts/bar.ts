import { axisMarks, horizontalTicksOf, linearScale, plotLeftOf, valueScale } from '../axis.ts';
import { CHART } from '../constants.ts';
import { knownValues } from '../data.ts';
import { valueText } from '../format.ts';
import type { LayoutFunction, Mark } from '../layout.ts';
import { widest, wrapText } from '../measure.ts';
import { barRows, rowLabel, valueBar } from '../row-marks.ts';

/**
 * Bar chart: a bar per row from zero to its value, the value printed after the bar. Row labels
 * stand left of the bars; where they would take more than `maxLabelShare` of the width (long
 * names on a phone), each goes on its own lines above its bar instead, so that no label runs
 * off the drawing and the bars keep the width.
 */
const defaults = {
  className: 'bar series-0',
  maxLabelShare: 0.5,
  /** Line pitch of a label set above its bar. */
  labelLineHeight: CHART.fontSize + 5,
} as const;

export const barLayout: LayoutFunction = (spec, data, width) => {
  const top = CHART.marginTop;
  const labels = data.map((datum) => datum.label);
  const values = data.map((datum) => valueText(spec, datum.values[0]));
  if (plotLeftOf(labels) > width * defaults.maxLabelShare) return labelsAboveLayout(spec, data, width);
  const { plotLeft, scale, ticks } = valueScale(spec, data, width, { labels, values });
  const { step, height } = barRows(top, data.length);
  const marks: Mark[] = axisMarks(scale, ticks, top, height - CHART.marginBottom);
  data.forEach((datum, index) => {
    const y = top + index * step + CHART.barGap / 2;
    marks.push(rowLabel(datum.label, plotLeft, y + CHART.barHeight / 2));
    marks.push(...valueBar(spec, scale, { y, height: CHART.barHeight, value: datum.values[0], name: datum.label, className: defaults.className }));
  });
  return { width, height, ticks, legend: [], marks };
};

/** The bar chart with each row's label on its own lines above its bar, across the whole width. */
const labelsAboveLayout: LayoutFunction = (spec, data, width) => {
  const top = CHART.marginTop;
  const left = CHART.marginLeft;
  const valueWidth = widest(data.map((datum) => valueText(spec, datum.values[0]))) + CHART.valuePadding;
  const scale = linearScale(knownValues(data), [left, width - valueWidth]);
  const ticks = horizontalTicksOf(scale, spec);
  const rows: Mark[] = [];
  let y = top;
  for (const datum of data) {
    for (const line of wrapText(datum.label, width - 2 * left)) {
      y += defaults.labelLineHeight;
      rows.push({ kind: 'text', x: left, y: y - 4, text: line, anchor: 'start', className: 'label' });
    }
    rows.push(...valueBar(spec, scale, { y, height: CHART.barHeight, value: datum.values[0], name: datum.label, className: defaults.className }));
    y += CHART.barHeight + CHART.groupGap;
  }
  const height = y + CHART.marginBottom;
  return { width, height, ticks, legend: [], marks: [...axisMarks(scale, ticks, top, height - CHART.marginBottom), ...rows] };
};
