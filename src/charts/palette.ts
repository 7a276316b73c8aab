// The one source of chart colours: standalone SVG/PNG downloads read them here, and the site's CSS custom properties (--series-0 …) are generated from them at build time (virtual:chart-palette.css, astro.config.mjs), so the two cannot drift.

/** The colours a chart is drawn in, for one theme. */
export interface ChartColours {
  text: string;
  textMuted: string;
  background: string;
  grid: string;
  /** Series fills by index (class `series-N`): Okabe–Ito order, darkened where needed for 3:1 contrast with the background. */
  series: readonly string[];
  /** Text drawn on any series fill (labels inside bars), where one colour suits them all; otherwise the site's CSS picks per series. */
  onSeries?: string;
}

export const PALETTE = {
  light: {
    text: '#1b1f24',
    textMuted: '#4a5360',
    background: '#ffffff',
    grid: '#d5dbe1',
    series: ['#0b5cad', '#c2410c', '#047857', '#7c3aed', '#a16207', '#be185d', '#475569'],
  },
  dark: {
    text: '#e8ecf1',
    textMuted: '#b3bcc7',
    background: '#12161b',
    grid: '#3a4652',
    series: ['#7db8f0', '#ffa36b', '#5eead4', '#c4b5fd', '#fcd34d', '#f9a8d4', '#cbd5e1'],
  },
} as const satisfies Record<'light' | 'dark', ChartColours>;

/**
 * The high-contrast palettes of 适老模式 (data-contrast="high" on <html>): text and every series
 * at 7:1 or more against the background (WCAG AAA), in the same hue order as the normal
 * palettes, so that a legend still reads the same. Grid lines only guide the eye (every value is
 * printed) and stay at 3:1, so that they do not compete with the labels they cross. Tested in
 * tests/unit/palette.test.ts.
 */
export const HIGH_CONTRAST = {
  light: {
    text: '#000000',
    textMuted: '#333333',
    background: '#ffffff',
    grid: '#8c8c8c',
    series: ['#003f87', '#8f2100', '#005c2e', '#4c1d95', '#6b4700', '#8a0b4a', '#333333'],
    onSeries: '#ffffff',
  },
  dark: {
    text: '#ffffff',
    textMuted: '#d6d6d6',
    background: '#000000',
    grid: '#6b6b6b',
    series: ['#8cc8ff', '#ffab7a', '#6ee7b7', '#c9b6ff', '#ffd966', '#ff9ccf', '#e0e0e0'],
    onSeries: '#000000',
  },
} as const satisfies Record<'light' | 'dark', ChartColours>;

/** The class of the series at `index` (styled by the site's CSS or the standalone stylesheet); colours repeat after the last. */
export function seriesClass(index: number): string {
  return `series-${index % PALETTE.light.series.length}`;
}

const pageColours = (colours: ChartColours) => `--text: ${colours.text}; --text-muted: ${colours.textMuted}; --background: ${colours.background};`;
const chartColours = (colours: ChartColours) =>
  `--grid: ${colours.grid}; ${colours.series.map((colour, index) => `--series-${index}: ${colour};`).join(' ')}${colours.onSeries ? ` --on-series: ${colours.onSeries};` : ''}`;

/**
 * The palette as the site's CSS custom properties: light by default, dark when the reader's
 * system is dark, and dark when an embed asks for it (?theme=dark sets data-theme). An
 * embed that asks for light keeps the light chart colours on a dark system. High contrast
 * (data-contrast="high") follows the same rules with the HIGH_CONTRAST palettes, whose
 * selectors are one attribute more specific, so they win in every theme.
 */
export function paletteCss(): string {
  const { light, dark } = PALETTE;
  const high = HIGH_CONTRAST;
  const all = (colours: ChartColours) => `${pageColours(colours)} ${chartColours(colours)}`;
  return [
    `:root { ${all(light)} }`,
    `@media (prefers-color-scheme: dark) {`,
    `  :root { ${pageColours(dark)} }`,
    `  :root:not([data-theme='light']) { ${chartColours(dark)} }`,
    `}`,
    `:root[data-theme='dark'] { ${all(dark)} }`,
    `:root[data-contrast='high'] { ${all(high.light)} }`,
    `@media (prefers-color-scheme: dark) {`,
    `  :root[data-contrast='high']:not([data-theme='light']) { ${all(high.dark)} }`,
    `}`,
    `:root[data-contrast='high'][data-theme='dark'] { ${all(high.dark)} }`,
    '',
  ].join('\n');
}
