import { scaleLinear } from 'd3-scale';
import { t } from '../../i18n/ui.ts';
import { axisMarks, plotLeftOf } from '../axis.ts';
import { centredBaseline } from '../baseline.ts';
import { CHART } from '../constants.ts';
import { rowShares } from '../data.ts';
import type { LayoutFunction, Mark } from '../layout.ts';
import { legendAbove, seriesLegend } from '../legend.ts';
import { measure } from '../measure.ts';
import { seriesClass } from '../palette.ts';
import { barRows, missingNote, rowLabel } from '../row-marks.ts';

/** Stacked 100 % bars: each row split into its series' shares of the row's total. */
const defaults = {
  legendGap: 10,
  /** Room right of the 100 % end. */
  rightPadding: 12,
  /** Shares at which gridlines are drawn. */
  ticks: [0, 0.25, 0.5, 0.75, 1],
  /** A share is printed inside its segment only where the segment is this much wider than the text. */
  textRoom: 6,
} as const;

export const stackedBarLayout: LayoutFunction = (spec, data, width) => {
  const legendItems = seriesLegend(spec);
  const legend = legendAbove(legendItems, width, defaults.legendGap);
  const { top } = legend;
  const plotLeft = plotLeftOf(data.map((datum) => datum.label));
  const scale = scaleLinear().domain([0, 1]).range([plotLeft, width - defaults.rightPadding]);
  const ticks = defaults.ticks.map((value) => ({ value, label: `${value * 100}%` }));
  const { step, height } = barRows(top, data.length);
  const marks: Mark[] = [...legend.marks, ...axisMarks(scale, ticks, top, height - CHART.marginBottom)];
  data.forEach((datum, index) => {
    const y = top + index * step + CHART.barGap / 2;
    const middle = y + CHART.barHeight / 2;
    marks.push(rowLabel(datum.label, plotLeft, middle));
    const shares = rowShares(datum);
    if (shares.some((share) => share === undefined)) {
      marks.push(missingNote(scale(0) + 4, middle, t('chart.missing')));
      return;
    }
    let start = 0;
    shares.forEach((share = 0, seriesIndex) => {
      const x0 = scale(start);
      const x1 = scale(start + share);
      const text = `${(share * 100).toFixed(1)}%`;
      marks.push({ kind: 'rect', x: x0, y, width: Math.max(x1 - x0, 0), height: CHART.barHeight, className: `bar ${seriesClass(seriesIndex)}`, title: `${datum.label}，${spec.series[seriesIndex]?.label ?? ''}：${text}` });
      if (x1 - x0 > measure(text) + defaults.textRoom) {
        marks.push({ kind: 'text', x: (x0 + x1) / 2, y: centredBaseline(middle, CHART.smallFontSize), text, anchor: 'middle', className: `value small on-${seriesClass(seriesIndex)}` });
      }
      start += share;
    });
  });
  return { width, height, ticks, legend: legendItems, marks };
};
