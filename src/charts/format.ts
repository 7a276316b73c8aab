import type { ChartSpec } from '../schemas/chart.ts';

const integer = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
const number = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 3 });

/** A chart value as printed on the chart and in its table. */
export function formatValue(value: number, format: ChartSpec['format'], unit = '', digits?: number): string {
  switch (format) {
    case 'percent':
      return `${(value * 100).toFixed(digits ?? 2)}%`;
    case 'points':
      return `${value > 0 ? '+' : ''}${(value * 100).toFixed(digits ?? 2)}${unit ? ` ${unit}` : ''}`;
    case 'integer':
      return `${integer.format(value)}${unit ? ` ${unit}` : ''}`;
    default:
      return `${number.format(value)}${unit ? ` ${unit}` : ''}`;
  }
}

/** Axis tick text: shorter than values (no unit, fewer digits). */
export function formatTick(value: number, format: ChartSpec['format']): string {
  if (format === 'percent' || format === 'points') return `${Number((value * 100).toFixed(1))}%`;
  if (Math.abs(value) >= 10_000) return `${Number((value / 10_000).toFixed(1))}万`;
  return integer.format(value);
}

/** Approximate width of a text in user units: CJK characters are square, others narrow. */
export function textWidth(text: string, charWidth: number, digitWidth: number): number {
  let width = 0;
  for (const char of text) width += /[\u3000-\u9fff\uff00-\uffef]/u.test(char) ? charWidth : digitWidth;
  return width;
}
