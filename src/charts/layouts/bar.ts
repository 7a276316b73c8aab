import { axisMarks, linearScale, ticksOf } from '../axis.ts';
import { CHART } from '../constants.ts';
import { knownValues } from '../data.ts';
import { valueText } from '../format.ts';
import type { LayoutFunction, Mark } from '../layout.ts';
import { widest } from '../measure.ts';
import { rowLabel, valueBar } from '../row-marks.ts';

/** Bar chart: a bar per row from zero to its value, the value printed after the bar. */
const defaults = {
  /** Room between the widest row label and the plot. */
  labelPadding: 8,
  /** Room kept right of the plot, beyond the widest printed value. */
  valuePadding: 8,
  className: 'bar series-0',
} as const;

export const barLayout: LayoutFunction = (spec, data, width) => {
  const labelWidth = widest(data.map((datum) => datum.label)) + defaults.labelPadding;
  const valueWidth = widest(data.map((datum) => valueText(spec, datum.values[0]))) + defaults.valuePadding;
  const top = CHART.marginTop;
  const plotLeft = CHART.marginLeft + labelWidth;
  const scale = linearScale(knownValues(data), [plotLeft, width - valueWidth]);
  const ticks = ticksOf(scale, spec);
  const step = CHART.barHeight + CHART.barGap;
  const height = top + data.length * step + CHART.marginBottom;
  const marks: Mark[] = axisMarks(scale, ticks, top, height - CHART.marginBottom);
  data.forEach((datum, index) => {
    const y = top + index * step + CHART.barGap / 2;
    marks.push(rowLabel(datum.label, plotLeft, y + CHART.barHeight / 2));
    marks.push(...valueBar(spec, scale, { y, height: CHART.barHeight, value: datum.values[0], name: datum.label, className: defaults.className }));
  });
  return { width, height, ticks, legend: [], marks };
};
