import { bisectRight, quantileSorted } from 'd3-array';
import { schemeBlues, schemePuOr } from 'd3-scale-chromatic';
import type { ClassMethod } from '../schemas/map.ts';

/**
 * Class breaks for the legend. Maps on this site use quantiles: each class holds about the
 * same number of regions, which suits skewed measures such as minority share (most
 * counties low, a few very high). Change maps use quantiles on each side of zero, so that
 * zero is always a break and the two colour families mean "fell" and "rose".
 */

/** Upper-exclusive thresholds between classes, ascending; `k` classes have `k - 1` breaks. */
export interface Classes {
  method: ClassMethod;
  breaks: number[];
  /** Smallest and largest value classed, for the legend's end labels. */
  min: number;
  max: number;
}

function sortedFinite(values: readonly number[]): number[] {
  return values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
}

function uniqueAscending(values: readonly number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}

/**
 * Quantile breaks for at most `classes` classes. Tied values never straddle a break, so a
 * measure with few distinct values gets fewer classes rather than empty ones.
 */
export function quantileBreaks(values: readonly number[], classes: number): number[] {
  const sorted = sortedFinite(values);
  if (sorted.length === 0 || classes < 2) return [];
  const breaks: number[] = [];
  for (let index = 1; index < classes; index++) {
    const cut = quantileSorted(sorted, index / classes);
    if (cut !== undefined) breaks.push(cut);
  }
  const min = sorted[0] ?? 0;
  return uniqueAscending(breaks).filter((cut) => cut > min);
}

/**
 * Breaks for a signed measure: quantiles of the negative and of the positive values, and
 * zero between them when values lie on both sides (a value of exactly 0 counts as "rose").
 */
export function divergingBreaks(values: readonly number[], classesPerSide: number): number[] {
  const sorted = sortedFinite(values);
  const negative = sorted.filter((value) => value < 0);
  const positive = sorted.filter((value) => value >= 0);
  const side = (part: number[]) => (part.length > 1 ? quantileBreaks(part, classesPerSide) : []);
  const zero = negative.length > 0 && positive.length > 0 ? [0] : [];
  return uniqueAscending([...side(negative), ...zero, ...side(positive)]);
}

export function classify(values: readonly number[], method: ClassMethod, classes: number): Classes {
  const sorted = sortedFinite(values);
  const breaks = method === 'quantile' ? quantileBreaks(sorted, classes) : divergingBreaks(sorted, Math.ceil(classes / 2));
  return { method, breaks, min: sorted[0] ?? 0, max: sorted.at(-1) ?? 0 };
}

/** Class index 0…breaks.length of `value`: the number of breaks at or below it. */
export function classOf(value: number, breaks: readonly number[]): number {
  return bisectRight(breaks, value);
}

/**
 * Fill colours for each class. Sequential: ColorBrewer Blues without its lightest step, so
 * the first class still differs from the page. Diverging: ColorBrewer PuOr (purple = fell,
 * orange = rose), with the middle grey left out because zero is a break, not a class. Both
 * schemes are colour-blind safe; the legend, labels and table carry the values as text.
 */
export function paletteFor(classes: Classes): string[] {
  const count = classes.breaks.length + 1;
  if (classes.method === 'quantile') {
    const scheme = schemeBlues[Math.min(Math.max(count + 1, 3), 9)] ?? [];
    return scheme.slice(scheme.length - count);
  }
  const uppers = [...classes.breaks, classes.max];
  const below = uppers.filter((upper) => upper < 0 || (upper === 0 && classes.breaks.includes(0))).length;
  const above = count - below;
  const side = Math.max(below, above);
  const scheme = schemePuOr[Math.min(Math.max(2 * side + 1, 3), 11)] ?? [];
  const middle = (scheme.length - 1) / 2;
  const orange = scheme.slice(middle - below, middle);
  const purple = scheme.slice(middle + 1, middle + 1 + above);
  return [...orange, ...purple];
}

/** Relative luminance (WCAG 2) of a #rrggbb colour. */
export function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio between two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Black or white label text on a fill, whichever contrasts more. */
export function labelInk(fill: string): '#000000' | '#ffffff' {
  return contrast(fill, '#000000') >= contrast(fill, '#ffffff') ? '#000000' : '#ffffff';
}
