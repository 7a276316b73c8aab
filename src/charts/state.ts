import type { ChartSpec } from '../schemas/chart.ts';
import { CHART } from './constants.ts';
import { chartData, type ChartDatum } from './data.ts';
import type { Layout, LayoutFunction } from './layout.ts';
import { barLayout } from './layouts/bar.ts';
import { groupedBarLayout } from './layouts/grouped-bar.ts';
import { lineLayout } from './layouts/line.ts';
import { slopeLayout } from './layouts/slope.ts';
import { smallMultiplesLayout } from './layouts/small-multiples.ts';
import { stackedBarLayout } from './layouts/stacked-bar.ts';
import type { ChartRows } from './select.ts';
import { summarise } from './summary.ts';

/** Everything a chart shows, computed from the spec and the rows; rendering only turns it into markup. */
export interface ChartState extends Layout {
  spec: ChartSpec;
  data: ChartDatum[];
  /** One or two sentences generated from the data: what the chart shows. */
  summary: string;
}

const layouts: Record<ChartSpec['type'], LayoutFunction> = {
  bar: barLayout,
  'grouped-bar': groupedBarLayout,
  'stacked-bar': stackedBarLayout,
  slope: slopeLayout,
  'small-multiples': smallMultiplesLayout,
  line: lineLayout,
};

/**
 * The chart's full state from its spec and its rows (its dataset's, or every dataset's it
 * names, by id), laid out `width` user units
 * wide: pages draw a narrow variant for phones and a wide one, so that text stays at its
 * size instead of shrinking with the whole drawing.
 */
export function chartState(spec: ChartSpec, rows: ChartRows, width: number = CHART.width): ChartState {
  const data = chartData(spec, rows);
  if (data.length === 0) throw new Error(`chart ${spec.id}: no rows match rows: ${JSON.stringify(spec.rows)}${spec.pivot ? ` pivoted by ${spec.pivot.column}` : ''}`);
  const layout = layouts[spec.type](spec, data, width);
  return { spec, data, ...layout, summary: summarise(spec, data) };
}
