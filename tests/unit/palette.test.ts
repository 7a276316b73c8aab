import { describe, expect, test } from 'vitest';
import { HIGH_CONTRAST, PALETTE, paletteCss } from '../../src/charts/palette.ts';
import { renderSvg } from '../../src/charts/render.ts';
import { chartState } from '../../src/charts/state.ts';
import { chartSpecSchema } from '../../src/schemas/chart.ts';

/** WCAG relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

/** The declarations of the CSS rule whose selector is exactly `selector`. */
function declarations(css: string, selector: string): string {
  return new RegExp(`${selector.replace(/[[\]()]/g, '\\$&')} \\{([^}]*)\\}`).exec(css)?.[1] ?? '';
}

describe('chart palette', () => {
  test.each(['light', 'dark'] as const)('every %s series colour has at least 3:1 contrast with the background', (theme) => {
    const { series, background } = PALETTE[theme];
    expect(series).toHaveLength(7);
    for (const colour of series) expect(contrast(colour, background), colour).toBeGreaterThanOrEqual(3);
  });

  test('paletteCss() declares the light colours on :root and the dark ones for ?theme=dark', () => {
    const css = paletteCss();
    expect(declarations(css, ':root')).toContain('--series-0: #0b5cad;');
    expect(declarations(css, ':root')).toContain('--text: #1b1f24;');
    expect(declarations(css, ":root[data-theme='dark']")).toContain('--series-0: #7db8f0;');
    expect(declarations(css, ":root[data-theme='dark']")).toContain('--background: #12161b;');
  });

  test("paletteCss() gives a dark system the dark chart colours unless an embed asks for light", () => {
    const dark = /@media \(prefers-color-scheme: dark\) \{([\s\S]*?)\n\}/.exec(paletteCss())?.[1] ?? '';
    expect(declarations(dark, ':root')).toContain('--text: #e8ecf1;');
    expect(declarations(dark, ":root:not([data-theme='light'])")).toContain('--grid: #3a4652;');
  });

  test('paletteCss() declares every colour of both themes', () => {
    const css = paletteCss();
    for (const colours of Object.values(PALETTE)) {
      for (const colour of [colours.text, colours.textMuted, colours.background, colours.grid, ...colours.series]) expect(css).toContain(colour);
    }
  });

  test('renderSvg(standalone, dark) styles the download with the dark palette', () => {
    const spec = chartSpecSchema.parse({ id: 'c', version: 1, type: 'bar', title: 't', subtitle: 's', dataset: 'd', label: 'name', format: 'integer', series: [{ label: 'n', key: 'n' }] });
    const state = chartState(spec, [{ values: { name: '甲', n: 1 }, sourceLine: 2, geoLevel: 'none', isSubtotal: false }]);
    const svg = renderSvg(state, { idPrefix: 'c', standalone: { source: '来源', theme: 'dark' } });
    expect(svg).toContain(`.series-0{fill:${PALETTE.dark.series[0]};stroke:${PALETTE.dark.series[0]}}`);
    expect(svg).toContain(`fill="${PALETTE.dark.background}"`);
  });
});

describe('high-contrast palette (适老模式)', () => {
  test.each(['light', 'dark'] as const)('in %s, text, muted text, every series and labels on series reach 7:1 (WCAG AAA)', (theme) => {
    const { text, textMuted, background, series, onSeries = '' } = HIGH_CONTRAST[theme];
    expect(series).toHaveLength(PALETTE[theme].series.length);
    for (const colour of [text, textMuted, ...series]) expect(contrast(colour, background), colour).toBeGreaterThanOrEqual(7);
    for (const colour of series) expect(contrast(onSeries, colour), `${onSeries} on ${colour}`).toBeGreaterThanOrEqual(7);
  });

  test.each(['light', 'dark'] as const)('in %s, grid lines keep 3:1, the contrast WCAG asks of graphics', (theme) => {
    const { grid, background } = HIGH_CONTRAST[theme];
    expect(contrast(grid, background)).toBeGreaterThanOrEqual(3);
  });

  test("paletteCss() puts high contrast on data-contrast='high', dark on a dark system or ?theme=dark", () => {
    const css = paletteCss();
    expect(declarations(css, ":root[data-contrast='high']")).toContain(`--series-0: ${HIGH_CONTRAST.light.series[0]};`);
    expect(declarations(css, ":root[data-contrast='high']")).toContain('--on-series: #ffffff;');
    expect(declarations(css, ":root[data-contrast='high'][data-theme='dark']")).toContain(`--background: ${HIGH_CONTRAST.dark.background};`);
    expect(declarations(css, ":root[data-contrast='high']:not([data-theme='light'])")).toContain(`--text: ${HIGH_CONTRAST.dark.text};`);
  });
});
