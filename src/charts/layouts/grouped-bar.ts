import { t } from '../../i18n/ui.ts';
import { axisMarks, valueScale } from '../axis.ts';
import { CHART } from '../constants.ts';
import { valueText } from '../format.ts';
import type { LayoutFunction, Mark } from '../layout.ts';
import { legendAbove, seriesLegend } from '../legend.ts';
import { seriesClass } from '../palette.ts';
import { rowLabel, valueBar } from '../row-marks.ts';

/** Grouped bars: per row, a thinner bar for each series, with a legend above. */
const defaults = {
  /** Between the legend and the plot. */
  legendGap: 6,
  /** Bars are this share of a bar chart's, so that a group stays compact. */
  barScale: 0.8,
  /** Between the bars of one group. */
  barSpacing: 2,
} as const;

export const groupedBarLayout: LayoutFunction = (spec, data, width) => {
  const legendItems = seriesLegend(spec);
  const legend = legendAbove(legendItems, width, defaults.legendGap);
  const { top } = legend;
  const values = data.flatMap((datum) => datum.values.map((value) => valueText(spec, value)));
  const { plotLeft, scale, ticks } = valueScale(spec, data, width, { labels: data.map((datum) => datum.label), values });
  const barHeight = CHART.barHeight * defaults.barScale;
  const groupHeight = spec.series.length * (barHeight + defaults.barSpacing) + CHART.groupGap;
  const height = top + data.length * groupHeight + CHART.marginBottom;
  const marks: Mark[] = [...legend.marks, ...axisMarks(scale, ticks, top, height - CHART.marginBottom)];
  data.forEach((datum, index) => {
    const groupTop = top + index * groupHeight + CHART.groupGap / 2;
    marks.push(rowLabel(datum.label, plotLeft, groupTop + (groupHeight - CHART.groupGap) / 2));
    datum.values.forEach((value, seriesIndex) => {
      const seriesLabel = spec.series[seriesIndex]?.label ?? '';
      const y = groupTop + seriesIndex * (barHeight + defaults.barSpacing);
      const className = `bar ${seriesClass(seriesIndex)}`;
      marks.push(...valueBar(spec, scale, { y, height: barHeight, value, name: `${datum.label}，${seriesLabel}`, className, valueSize: 'small', missingText: t('chart.missingSeries', { series: seriesLabel }) }));
    });
  });
  return { width, height, ticks, legend: legendItems, marks };
};
