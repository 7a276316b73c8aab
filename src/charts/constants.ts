/** Sizes of every chart, in SVG user units (the SVG scales to its container). */
export const CHART = {
  /** Width of the wide variant (tablets, desktops, downloads). */
  width: 480,
  /** Width of the narrow variant, drawn for phones (about 1 user unit per CSS pixel at 360 px). */
  narrowWidth: 330,
  /**
   * Width of the phone variant for 适老模式's large text (body at 125 %): drawn 1.25 times narrower
   * than narrowWidth and shown at the same width, so that its text is 1.25 times larger too.
   */
  largeTextWidth: 264,
  marginTop: 28,
  marginRight: 56,
  marginBottom: 12,
  marginLeft: 8,
  fontSize: 13,
  smallFontSize: 11,
  /** Room between the widest row label and the plot. */
  labelPadding: 8,
  /** Room kept right of the plot, beyond the widest printed value. */
  valuePadding: 8,
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

/**
 * The font PNG downloads are drawn with, shipped as an npm package so that a build needs no
 * system font: Noto Sans Hans 1.000 (© 2014 Adobe; licences in the README's Sources) from
 * `@embedpdf/fonts-sc`. Its files name the family "Noto Sans S Chinese", which the standalone
 * stylesheet asks for first. Regular for text, bold for the title (font-weight 700).
 */
export const PNG_FONT = {
  package: '@embedpdf/fonts-sc',
  family: 'Noto Sans S Chinese',
  files: ['NotoSansHans-Regular.otf', 'NotoSansHans-Bold.otf'],
} as const;
