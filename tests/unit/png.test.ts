import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { PNG_FONT } from '../../src/charts/constants.ts';
import { pngRenderOptions, svgToPng } from '../../src/lib/charts/png.ts';
import { renderSvg } from '../../src/charts/render.ts';
import { chartState } from '../../src/charts/state.ts';
import { chartSpecSchema } from '../../src/schemas/chart.ts';
import { glyphGrid, inkCount, inkImage, inkMask, NO_GLYPH } from '../helpers/png.ts';

/** One line of text, black on white, at 1 px per user unit. */
function textSvg(text: string, { weight = 400, size = 20 } = {}): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="80" viewBox="0 0 400 80"><text x="10" y="30" font-size="${size}" font-weight="${weight}" fill="#000">${text}</text></svg>`;
}

describe('svgToPng', () => {
  test('pngRenderOptions(960) loads the regular and bold files of the npm font and no system font', () => {
    const { font } = pngRenderOptions(960);
    expect(font?.loadSystemFonts).toBe(false);
    expect(font?.fontDirs).toBeUndefined();
    expect(font?.defaultFontFamily).toBe(PNG_FONT.family);
    const files = font?.fontFiles ?? [];
    expect(files.map((file) => file.split(/[\\/]/).slice(-4).join('/'))).toEqual(['@embedpdf/fonts-sc/fonts/NotoSansHans-Regular.otf', '@embedpdf/fonts-sc/fonts/NotoSansHans-Bold.otf']);
    for (const file of files) {
      expect(file).toContain('node_modules');
      expect(existsSync(file), file).toBe(true);
    }
  });

  test('svgToPng(<text>兰州民族工作数据站</text>) draws ink where the text is and none below it', () => {
    const image = inkImage(svgToPng(textSvg('兰州民族工作数据站'), 400));
    // Nine characters of 20 px; a blank or failed font leaves the line white.
    expect(inkCount(image, { x: 0, y: 0, width: 400, height: 40 })).toBeGreaterThan(9 * 40);
    expect(inkCount(image, { x: 0, y: 40, width: 400, height: 40 })).toBe(0);
  });

  test('svgToPng(…) draws 兰州民族团结进步 as eight different glyphs, none of them the box of a missing glyph', () => {
    const characters = [...'兰州民族团结进步', NO_GLYPH];
    const grid = glyphGrid(characters);
    const image = inkImage(svgToPng(grid.svg, grid.width));
    const masks = grid.cells.map((cell) => inkMask(image, cell));
    const missingGlyph = masks.pop();
    for (const [index, mask] of masks.entries()) {
      expect(mask.includes('1'), `${characters[index]} has ink`).toBe(true);
      expect(mask, `${characters[index]} is not the missing-glyph box`).not.toBe(missingGlyph);
    }
    expect(new Set(masks).size).toBe(masks.length);
  });

  test('svgToPng(…) draws text of font-weight 700 with more ink than at 400, from the bold file', () => {
    const regular = inkImage(svgToPng(textSvg('红古区少数民族人口比重最高', { weight: 400 }), 400));
    const bold = inkImage(svgToPng(textSvg('红古区少数民族人口比重最高', { weight: 700 }), 400));
    const line = { x: 0, y: 0, width: 400, height: 40 };
    expect(inkCount(bold, line)).toBeGreaterThan(inkCount(regular, line) * 1.2);
  });

  test('renderSvg(…, standalone) asks first for the family of the PNG font', () => {
    const spec = chartSpecSchema.parse({ id: 'c', version: 1, title: '标题', subtitle: '副标题', dataset: 'd', rows: { level: 'county' }, label: 'name', format: 'integer', type: 'bar', series: [{ key: 'n', label: '人口' }] });
    const rows = [{ values: { name: '城关区', n: 1 }, sourceLine: 2, geoLevel: 'county' as const, isSubtotal: false }];
    const svg = renderSvg(chartState(spec, rows), { idPrefix: 'c', standalone: { source: '来源' } });
    expect(svg).toContain(`font-family:'${PNG_FONT.family}',`);
  });
});
