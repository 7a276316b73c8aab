// The parts of one row of a horizontal chart: its label, a bar with its value, a note where the value is missing.
import type { ScaleLinear } from 'd3-scale';
import { t } from '../i18n/ui.ts';
import type { ChartSpec } from '../schemas/chart.ts';
import { centredBaseline } from './baseline.ts';
import { CHART } from './constants.ts';
import { valueText } from './format.ts';
import type { Mark } from './layout.ts';

/** Text in the chart's type size or in the small one (class `small`). */
export type TypeSize = 'normal' | 'small';

const fontSizeOf = (size: TypeSize) => (size === 'small' ? CHART.smallFontSize : CHART.fontSize);
const sized = (className: string, size: TypeSize) => (size === 'small' ? `${className} small` : className);

/** Rows a bar high with a gap between them, below `top`: the row pitch and the drawing's height. */
export function barRows(top: number, count: number): { step: number; height: number } {
  const step = CHART.barHeight + CHART.barGap;
  return { step, height: top + count * step + CHART.marginBottom };
}

/** A row's label, right-aligned just left of the plot, centred on `middle`. */
export function rowLabel(text: string, plotLeft: number, middle: number, size: TypeSize = 'normal'): Mark {
  return { kind: 'text', x: plotLeft - 6, y: centredBaseline(middle, fontSizeOf(size)), text, anchor: 'end', className: sized('label', size) };
}

/** What is printed in place of a mark whose value is missing (不详, 不可比). */
export function missingNote(x: number, middle: number, text: string, size: TypeSize = 'normal'): Mark {
  return { kind: 'text', x, y: centredBaseline(middle, fontSizeOf(size)), text, anchor: 'start', className: `${sized('value', size)} missing` };
}

export interface ValueBar {
  y: number;
  height: number;
  value: number | undefined;
  /** The row (and series) as the bar's tooltip names them. */
  name: string;
  className: string;
  valueSize?: TypeSize;
  /** Printed where the value is missing, and in which size. */
  missingText?: string;
  missingSize?: TypeSize;
}

/** A bar from zero to the value with the value printed after its end, or a note where the value is missing. */
export function valueBar(spec: ChartSpec, scale: ScaleLinear<number, number>, bar: ValueBar): Mark[] {
  const middle = bar.y + bar.height / 2;
  if (bar.value === undefined) return [missingNote(scale(0) + 4, middle, bar.missingText ?? t('chart.missing'), bar.missingSize)];
  const x0 = scale(Math.min(0, bar.value));
  const x1 = scale(Math.max(0, bar.value));
  const text = valueText(spec, bar.value);
  const size = bar.valueSize ?? 'normal';
  return [
    { kind: 'rect', x: x0, y: bar.y, width: Math.max(x1 - x0, 0.5), height: bar.height, className: bar.className, title: `${bar.name}：${text}` },
    { kind: 'text', x: x1 + 4, y: centredBaseline(middle, fontSizeOf(size)), text, anchor: 'start', className: sized('value', size) },
  ];
}
