import { max, min } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { t } from '../../i18n/ui.ts';
import { axisMarks, plotLeftOf, ticksOf } from '../axis.ts';
import { centredBaseline } from '../baseline.ts';
import { CHART } from '../constants.ts';
import { changeOf, knownValues, type ChartDatum } from '../data.ts';
import { formatChange, valueText } from '../format.ts';
import type { LayoutFunction, Mark } from '../layout.ts';
import { legendAbove } from '../legend.ts';
import { widest } from '../measure.ts';
import { barRows, missingNote, rowLabel } from '../row-marks.ts';

/** Slope (dumbbell): per row, a dot for the first series and one for the last, joined, with the change printed. */
const defaults = {
  legendGap: 6,
  /** Room kept right of the plot, beyond the widest printed change. */
  valuePadding: 10,
  /** Between the labels (or the changes) and the outermost dots. */
  plotInset: 6,
} as const;

export const slopeLayout: LayoutFunction = (spec, data, width) => {
  const [from, to] = spec.series;
  const legendItems = [
    { label: from?.label ?? '', className: 'dot-hollow', shape: 'hollow' as const },
    { label: to?.label ?? '', className: 'dot-filled', shape: 'dot' as const },
  ];
  const legend = legendAbove(legendItems, width, defaults.legendGap);
  const { top } = legend;
  const changeText = (datum: ChartDatum) => {
    const change = changeOf(datum);
    return change === undefined ? t('chart.missing') : formatChange(spec, change);
  };
  const valueWidth = widest(data.map(changeText)) + defaults.valuePadding;
  const values = knownValues(data);
  const plotLeft = plotLeftOf(data.map((datum) => datum.label));
  const scale = scaleLinear()
    .domain([min(values) ?? 0, max(values) ?? 1])
    .range([plotLeft + defaults.plotInset, width - valueWidth - defaults.plotInset])
    .nice(CHART.ticks);
  const ticks = ticksOf(scale, spec);
  const { step, height } = barRows(top, data.length);
  const marks: Mark[] = [...legend.marks, ...axisMarks(scale, ticks, top, height - CHART.marginBottom)];
  data.forEach((datum, index) => {
    const cy = top + index * step + step / 2;
    const [start, end] = [datum.values[0], datum.values[datum.values.length - 1]];
    marks.push(rowLabel(datum.label, plotLeft, cy));
    if (start === undefined || end === undefined) {
      marks.push(missingNote(scale.range()[0] ?? 0, cy, t('chart.notComparable')));
      return;
    }
    marks.push({ kind: 'line', x1: scale(start), y1: cy, x2: scale(end), y2: cy, className: end >= start ? 'change up' : 'change down' });
    marks.push({ kind: 'circle', cx: scale(start), cy, r: CHART.dotRadius, className: 'dot-hollow', title: `${datum.label}，${from?.label ?? ''}：${valueText(spec, start)}` });
    marks.push({ kind: 'circle', cx: scale(end), cy, r: CHART.dotRadius, className: 'dot-filled', title: `${datum.label}，${to?.label ?? ''}：${valueText(spec, end)}` });
    marks.push({ kind: 'text', x: width - valueWidth + 4, y: centredBaseline(cy, CHART.fontSize), text: changeText(datum), anchor: 'start', className: 'value' });
  });
  return { width, height, ticks, legend: legendItems, marks };
};
