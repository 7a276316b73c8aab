import { axisMarks, valueScale } from '../axis.ts';
import { CHART } from '../constants.ts';
import { valueText } from '../format.ts';
import type { LayoutFunction, Mark } from '../layout.ts';
import { barRows, rowLabel, valueBar } from '../row-marks.ts';

/** Bar chart: a bar per row from zero to its value, the value printed after the bar. */
const defaults = {
  className: 'bar series-0',
} as const;

export const barLayout: LayoutFunction = (spec, data, width) => {
  const top = CHART.marginTop;
  const { plotLeft, scale, ticks } = valueScale(spec, data, width, { labels: data.map((datum) => datum.label), values: data.map((datum) => valueText(spec, datum.values[0])) });
  const { step, height } = barRows(top, data.length);
  const marks: Mark[] = axisMarks(scale, ticks, top, height - CHART.marginBottom);
  data.forEach((datum, index) => {
    const y = top + index * step + CHART.barGap / 2;
    marks.push(rowLabel(datum.label, plotLeft, y + CHART.barHeight / 2));
    marks.push(...valueBar(spec, scale, { y, height: CHART.barHeight, value: datum.values[0], name: datum.label, className: defaults.className }));
  });
  return { width, height, ticks, legend: [], marks };
};
