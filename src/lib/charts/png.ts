import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

/** Debian's fonts-noto-cjk: Chinese text in PNGs is drawn with it, never as empty boxes. */
export const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

/**
 * Rasterises a standalone chart SVG at build time. Fails loudly when the CJK font is
 * missing, rather than writing a PNG whose Chinese text is blank.
 */
export function svgToPng(svg: string, width = 960): Buffer {
  if (!existsSync(CJK_FONT)) {
    throw new Error(`PNG charts need the CJK font ${CJK_FONT}: apt-get install fonts-noto-cjk`);
  }
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: width },
    font: { loadSystemFonts: false, fontFiles: [CJK_FONT], defaultFontFamily: 'Noto Sans CJK SC' },
    background: 'white',
  });
  return resvg.render().asPng();
}
