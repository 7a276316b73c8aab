import { defaultLocale, t } from '../i18n/ui.ts';
import type { ChartSpec } from '../schemas/chart.ts';

const integer = new Intl.NumberFormat(defaultLocale, { maximumFractionDigits: 0 });
const number = new Intl.NumberFormat(defaultLocale, { maximumFractionDigits: 3 });

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
  if (Math.abs(value) >= 10_000) return t('chart.tick.tenThousands', { value: Number((value / 10_000).toFixed(1)) });
  return integer.format(value);
}

/** A value as printed beside its mark, or 不详 where it is missing. */
export function valueText(spec: ChartSpec, value: number | undefined): string {
  return value === undefined ? t('chart.missing') : formatValue(value, spec.format, spec.unit);
}

/** A change between two values: shares change in percentage points, other values in their unit. */
export function formatChange(spec: ChartSpec, change: number): string {
  return spec.format === 'percent' ? formatValue(change, 'points', t('unit.points')) : formatValue(change, spec.format, spec.unit);
}
