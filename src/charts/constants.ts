/** Sizes of every chart, in SVG user units (the SVG scales to its container). */
export const CHART = {
  /** Width of the wide variant (tablets, desktops, downloads). */
  width: 480,
  /** Width of the narrow variant, drawn for phones (about 1 user unit per CSS pixel at 360 px). */
  narrowWidth: 330,
  marginTop: 28,
  marginRight: 56,
  marginBottom: 12,
  marginLeft: 8,
  fontSize: 13,
  smallFontSize: 11,
  /** Width of one CJK character at fontSize, for laying out labels without a DOM. */
  charWidth: 13,
  /** Width of one digit or Latin character at fontSize. */
  digitWidth: 7.5,
  barHeight: 20,
  barGap: 8,
  groupGap: 12,
  legendHeight: 24,
  swatch: 12,
  dotRadius: 4.5,
  lineStroke: 2,
  panelTitleHeight: 22,
  panelGap: 14,
  lineChartHeight: 260,
  ticks: 4,
} as const;

/** Series fills by index: class names styled in CSS (site) or by the standalone stylesheet (downloads). */
export const SERIES_CLASSES = ['series-0', 'series-1', 'series-2', 'series-3', 'series-4', 'series-5', 'series-6'] as const;

/** The class of the series at `index`; colours repeat after the seventh. */
export function seriesClass(index: number): string {
  return SERIES_CLASSES[index % SERIES_CLASSES.length] ?? 'series-0';
}

/**
 * Colour-blind-safe palette (Okabe–Ito order, darkened where needed for 3:1 contrast on
 * white) used by downloads; the site uses the same values from tokens.css.
 */
export const PALETTE_LIGHT = ['#0b5cad', '#c2410c', '#047857', '#7c3aed', '#a16207', '#be185d', '#475569'] as const;
export const PALETTE_DARK = ['#7db8f0', '#ffa36b', '#5eead4', '#c4b5fd', '#fcd34d', '#f9a8d4', '#cbd5e1'] as const;
