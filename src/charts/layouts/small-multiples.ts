import { gridline, tickLabel, valueScale } from '../axis.ts';
import { CHART } from '../constants.ts';
import { valueText } from '../format.ts';
import type { LayoutFunction, Mark } from '../layout.ts';
import { rowLabel, valueBar } from '../row-marks.ts';

/** Small multiples: a titled panel per row, a small bar per series, all on one scale. */
const defaults = {
  /** Bars are this share of a bar chart's. */
  barScale: 0.75,
  /** Between the bars of one panel. */
  barSpacing: 3,
  /** The panel title's baseline sits this far above the panel's first bar. */
  titleRaise: 7,
  /** Gridlines start this far above the panel's first bar. */
  gridOverhang: 2,
} as const;

export const smallMultiplesLayout: LayoutFunction = (spec, data, width) => {
  const top = CHART.marginTop;
  // Each panel's bars are labelled with their series, and all panels share one scale.
  const labels = spec.series.map((series) => series.label);
  const { plotLeft, scale, ticks } = valueScale(spec, data, width, { labels, values: data.flatMap((datum) => datum.values.map((value) => valueText(spec, value))) });
  const barHeight = CHART.barHeight * defaults.barScale;
  const barsHeight = spec.series.length * (barHeight + defaults.barSpacing);
  const panelHeight = CHART.panelTitleHeight + barsHeight + CHART.panelGap;
  const height = top + data.length * panelHeight + CHART.marginBottom;
  // Tick labels once, at the top; each panel draws its own gridlines.
  const marks: Mark[] = ticks.map((tick) => tickLabel(scale(tick.value), tick, top));
  data.forEach((datum, index) => {
    const barsTop = top + index * panelHeight + CHART.panelTitleHeight;
    marks.push({ kind: 'text', x: CHART.marginLeft, y: barsTop - defaults.titleRaise, text: datum.label, anchor: 'start', className: 'panel-title' });
    for (const tick of ticks) marks.push(gridline(scale(tick.value), tick, barsTop - defaults.gridOverhang, barsTop + barsHeight));
    datum.values.forEach((value, seriesIndex) => {
      const y = barsTop + seriesIndex * (barHeight + defaults.barSpacing);
      const label = labels[seriesIndex] ?? '';
      marks.push(rowLabel(label, plotLeft, y + barHeight / 2, 'small'));
      marks.push(...valueBar(spec, scale, { y, height: barHeight, value, name: `${datum.label}，${label}`, className: 'bar series-0', valueSize: 'small', missingSize: 'small' }));
    });
  });
  return { width, height, ticks, legend: [], marks };
};
