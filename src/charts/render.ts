import { PNG_FONT } from './constants.ts';
import type { Mark } from './layout.ts';
import type { ChartState } from './state.ts';
import { PALETTE, type ChartColours } from './palette.ts';

/** Escapes text for SVG/HTML text nodes and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] ?? char);
}

const round = (value: number) => Number(value.toFixed(1));

function markup(mark: Mark): string {
  switch (mark.kind) {
    case 'rect': {
      const title = mark.title ? `<title>${escapeXml(mark.title)}</title>` : '';
      return `<rect class="${mark.className}" x="${round(mark.x)}" y="${round(mark.y)}" width="${round(mark.width)}" height="${round(mark.height)}">${title}</rect>`;
    }
    case 'line':
      return `<line class="${mark.className}" x1="${round(mark.x1)}" y1="${round(mark.y1)}" x2="${round(mark.x2)}" y2="${round(mark.y2)}"/>`;
    case 'circle': {
      const title = mark.title ? `<title>${escapeXml(mark.title)}</title>` : '';
      return `<circle class="${mark.className}" cx="${round(mark.cx)}" cy="${round(mark.cy)}" r="${mark.r}">${title}</circle>`;
    }
    case 'path':
      return `<path class="${mark.className}" d="${mark.d}"/>`;
    case 'text':
      return `<text class="${mark.className}" x="${round(mark.x)}" y="${round(mark.y)}" text-anchor="${mark.anchor}">${escapeXml(mark.text)}</text>`;
  }
}

export interface RenderOptions {
  /** Unique id prefix for aria references (several charts on one page). */
  idPrefix: string;
  /**
   * Standalone file (download): embeds its own stylesheet, fonts and a source line, so it
   * reads correctly outside the site. Inline SVG on pages is styled by the site's CSS.
   */
  standalone?: { source: string; theme?: 'light' | 'dark' };
}

function standaloneStyle(colours: ChartColours): string {
  const { text, textMuted: muted, grid, background, series: palette } = colours;
  const series = palette.map((colour, index) => `.series-${index}{fill:${colour};stroke:${colour}}.on-series-${index}{fill:${index === 0 || index === 3 ? '#fff' : text}}`).join('');
  return `<style>svg{font-family:'${PNG_FONT.family}','Noto Sans CJK SC','Noto Sans SC','PingFang SC','Microsoft YaHei',sans-serif;background:${background}}text{fill:${text};font-size:13px}.tick,.legend,.source,.small{font-size:11px}.tick,.source{fill:${muted}}.grid{stroke:${grid};stroke-width:1}.axis-zero{stroke:${muted};stroke-width:1}.trend{fill:none;stroke-width:2}.change{stroke:${muted};stroke-width:2}.dot-hollow{fill:${background};stroke:${palette[0]};stroke-width:2}.dot-filled{fill:${palette[0]}}.missing{fill:${muted};font-style:italic}.title{font-size:16px;font-weight:700}.subtitle{fill:${muted}}.series-1.bar{fill-opacity:.55}${series}</style>`;
}

/** The chart as an SVG element: `<title>`, `<desc>` with the summary, then the marks. */
export function renderSvg(state: ChartState, options: RenderOptions): string {
  const titleId = `${options.idPrefix}-title`;
  const descId = `${options.idPrefix}-desc`;
  const body = state.marks.map(markup).join('');
  if (!options.standalone) {
    return `<svg class="chart chart--${state.spec.type}" viewBox="0 0 ${state.width} ${round(state.height)}" role="img" aria-labelledby="${titleId} ${descId}"><title id="${titleId}">${escapeXml(state.spec.title)}</title><desc id="${descId}">${escapeXml(state.summary)}</desc>${body}</svg>`;
  }
  // Standalone: title, subtitle and source are drawn into the file, which may travel alone.
  const head = 52;
  const foot = 28;
  const height = round(state.height + head + foot);
  const colours = PALETTE[options.standalone.theme ?? 'light'];
  return `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" class="chart chart--${state.spec.type}" width="${state.width * 2}" height="${height * 2}" viewBox="0 0 ${state.width} ${height}" role="img" aria-labelledby="${titleId} ${descId}"><title id="${titleId}">${escapeXml(state.spec.title)}</title><desc id="${descId}">${escapeXml(state.summary)}</desc>${standaloneStyle(colours)}<rect x="0" y="0" width="${state.width}" height="${height}" fill="${colours.background}"/><text class="title" x="8" y="20">${escapeXml(state.spec.title)}</text><text class="subtitle small" x="8" y="40">${escapeXml(state.spec.subtitle)}</text><g transform="translate(0 ${head})">${body}</g><text class="source" x="8" y="${round(height - 10)}">${escapeXml(options.standalone.source)}</text></svg>\n`;
}
