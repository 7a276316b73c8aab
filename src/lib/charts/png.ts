import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import { PNG_FONT } from '../../charts/constants.ts';

const require = createRequire(import.meta.url);

/**
 * Absolute paths of the PNG font files, found by Node's module resolution like any other
 * dependency, so the same files are used on every machine. The package exports only its
 * script, which sits in `dist/` beside the `fonts/` folder.
 */
export function pngFontFiles(): string[] {
  let entry: string;
  try {
    entry = require.resolve(PNG_FONT.package);
  } catch (error) {
    throw new Error(`PNG charts need the font package ${PNG_FONT.package}: run npm ci`, { cause: error });
  }
  const files = PNG_FONT.files.map((file) => join(dirname(entry), '..', 'fonts', file));
  const missing = files.filter((file) => !existsSync(file));
  if (missing.length > 0) throw new Error(`PNG charts need the font files ${missing.join(', ')} of ${PNG_FONT.package}: run npm ci`);
  return files;
}

/**
 * resvg's options for chart PNGs. System fonts stay unloaded, so a PNG never depends on what
 * the building machine happens to have, and a missing package fails the build instead of
 * drawing Chinese text as blanks or boxes.
 */
export function pngRenderOptions(width: number): ResvgRenderOptions {
  return {
    fitTo: { mode: 'width', value: width },
    font: { loadSystemFonts: false, fontFiles: pngFontFiles(), defaultFontFamily: PNG_FONT.family, sansSerifFamily: PNG_FONT.family },
    background: 'white',
  };
}

/** Width of a chart's PNG, in pixels. */
const PNG_WIDTH = 960;

/** Rasterises a standalone chart SVG at build time. */
export function svgToPng(svg: string, width = PNG_WIDTH): Buffer {
  return new Resvg(svg, pngRenderOptions(width)).render().asPng();
}

/**
 * What else a PNG depends on besides its SVG: the width, the renderer's version and the font
 * files (the package is pinned; their names and sizes stand for their bytes), for caching it.
 */
export function pngRenderer(width = PNG_WIDTH): string {
  const version = (require('@resvg/resvg-js/package.json') as { version: string }).version;
  return [`width ${width}`, `resvg ${version}`, ...pngFontFiles().map((file) => `${file.split(/[\\/]/).at(-1)} ${statSync(file).size}`)].join('\n');
}
