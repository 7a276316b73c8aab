import type { Missing, MissingReason } from '../schemas/cell.ts';
import { isMissing } from '../schemas/cell.ts';
import { defaultLocale, t } from './ui.ts';

/** Symbols shown in tables for each kind of missing value; explained in every table's legend. */
export const missingSymbols: Record<MissingReason, string> = {
  blank: t('missing.symbol.blank'),
  'not-available': t('missing.symbol.not-available'),
  'not-applicable': t('missing.symbol.not-applicable'),
  'too-small': t('missing.symbol.too-small'),
  suppressed: t('missing.symbol.suppressed'),
  'source-error': t('missing.symbol.source-error'),
  'none-reported': t('missing.symbol.none-reported'),
};

const integer = new Intl.NumberFormat(defaultLocale, { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat(defaultLocale, { maximumFractionDigits: 3 });

/** 4,359,446 — counts with thousands separators. */
export function formatInteger(value: number): string {
  return integer.format(value);
}

/** A fraction 0–1 as a percentage with the published precision: 0.0522 → "5.22%". */
export function formatShare(value: number, digits = 2): string {
  return `${(value * 100).toFixed(digits)}%`;
}

/** A relative change as a signed percentage: 0.2096 → "+20.96%", −0.048 → "−4.80%" (a minus sign, not a hyphen). */
export function formatChange(value: number, digits = 2): string {
  const sign = value > 0 ? '+' : value < 0 ? '−' : '';
  return `${sign}${formatShare(Math.abs(value), digits)}`;
}

/**
 * A share that may be very small (a group's share of a province), with at least two
 * significant digits and never fewer than two decimals: 0.0523 → "5.23%", 0.0000123 →
 * "0.0012%", 0 → "0%". A share is never shown as 0.00% when somebody was counted.
 */
export function formatSmallShare(value: number): string {
  if (value === 0) return '0%';
  const percent = value * 100;
  // Decimals for two significant digits, counted after rounding (0.00996 → 0.010, not 0.0100).
  const rounded = Math.abs(Number(percent.toPrecision(2)));
  const digits = Math.min(12, Math.max(2, 1 - Math.floor(Math.log10(rounded))));
  return `${percent.toFixed(digits)}%`;
}

/** Any cell value as text: numbers by column type, missing values as their symbol. */
export function formatCell(value: unknown, type: string): string {
  if (isMissing(value)) return missingSymbols[value.missing];
  if (typeof value === 'number') {
    if (type === 'percent') return formatShare(value);
    if (type === 'permille') return `${(value * 1000).toFixed(2)}‰`;
    if (type === 'integer') return formatInteger(value);
    if (type === 'year') return String(value);
    return decimal.format(value);
  }
  return typeof value === 'string' ? value : '';
}

/** The legend entry for a missing value, for `title` attributes and legends. */
export function describeMissing(value: Missing): string {
  // No value where the table has no such column or code at all (a workbook's joined adcode, a share the total lacks).
  if (value.missing === 'not-applicable' && value.marker === '') return t('missing.not-applicable.absent');
  return t(`missing.${value.missing}`);
}
