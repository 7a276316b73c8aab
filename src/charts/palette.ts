// The one source of chart colours: standalone SVG/PNG downloads read them here, and the site's CSS custom properties (--series-0 …) are generated from them at build time (virtual:chart-palette.css, astro.config.mjs), so the two cannot drift.

/** The colours a chart is drawn in, for one theme. */
export interface ChartColours {
  text: string;
  textMuted: string;
  background: string;
  grid: string;
  /** Series fills by index (class `series-N`): Okabe–Ito order, darkened where needed for 3:1 contrast with the background. */
  series: readonly string[];
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

/** The class of the series at `index` (styled by the site's CSS or the standalone stylesheet); colours repeat after the last. */
export function seriesClass(index: number): string {
  return `series-${index % PALETTE.light.series.length}`;
}

const pageColours = (colours: ChartColours) => `--text: ${colours.text}; --text-muted: ${colours.textMuted}; --background: ${colours.background};`;
const chartColours = (colours: ChartColours) => `--grid: ${colours.grid}; ${colours.series.map((colour, index) => `--series-${index}: ${colour};`).join(' ')}`;

/**
 * The palette as the site's CSS custom properties: light by default, dark when the reader's
 * system is dark, and dark when an embed asks for it (?theme=dark sets data-theme). An
 * embed that asks for light keeps the light chart colours on a dark system.
 */
export function paletteCss(): string {
  const { light, dark } = PALETTE;
  return [
    `:root { ${pageColours(light)} ${chartColours(light)} }`,
    `@media (prefers-color-scheme: dark) {`,
    `  :root { ${pageColours(dark)} }`,
    `  :root:not([data-theme='light']) { ${chartColours(dark)} }`,
    `}`,
    `:root[data-theme='dark'] { ${pageColours(dark)} ${chartColours(dark)} }`,
    '',
  ].join('\n');
}
