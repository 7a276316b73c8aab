import type { ChartSpec } from '../schemas/chart.ts';
import { CHART } from './constants.ts';
import type { LegendItem, Mark } from './layout.ts';
import { measure } from './measure.ts';
import { seriesClass } from './palette.ts';

const defaults = {
  /** Baseline of the first row of items: above the plot's top margin. */
  top: CHART.marginTop - 6,
  /** Between a swatch and its label, and after the label. */
  swatchGap: 6,
  itemGap: 14,
} as const;

/** One item per series, in the series' colours. */
export function seriesLegend(spec: ChartSpec): LegendItem[] {
  return spec.series.map((series, index) => ({ label: series.label, className: seriesClass(index) }));
}

/** Legend items in rows that wrap at the chart's width, above the plot; the plot's top is `gap` below them. */
export function legendAbove(items: LegendItem[], width: number, gap: number): { marks: Mark[]; top: number } {
  const marks: Mark[] = [];
  let x = CHART.marginLeft;
  let y = defaults.top;
  for (const item of items) {
    const itemWidth = CHART.swatch + defaults.swatchGap + measure(item.label) + defaults.itemGap;
    if (x + itemWidth > width && x > CHART.marginLeft) {
      x = CHART.marginLeft;
      y += CHART.legendHeight - 4;
    }
    if (item.shape === 'hollow' || item.shape === 'dot') {
      marks.push({ kind: 'circle', cx: x + CHART.swatch / 2, cy: y - 4, r: CHART.dotRadius, className: item.shape === 'hollow' ? 'dot-hollow' : 'dot-filled' });
    } else {
      marks.push({ kind: 'rect', x, y: y - CHART.swatch + 2, width: CHART.swatch, height: CHART.swatch, className: `swatch ${item.className}` });
    }
    marks.push({ kind: 'text', x: x + CHART.swatch + defaults.swatchGap, y, text: item.label, anchor: 'start', className: 'legend' });
    x += itemWidth;
  }
  const height = y - defaults.top + CHART.legendHeight;
  return { marks, top: CHART.marginTop + height + gap };
}
