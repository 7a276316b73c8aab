import { decode } from 'fast-png';
import { escapeXml } from '../../src/charts/render.ts';

/** A rectangle of pixels. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A decoded PNG reduced to ink: 1 where a pixel is darker than mid-grey, 0 elsewhere. */
export interface InkImage {
  width: number;
  height: number;
  ink: Uint8Array;
}

/** Decodes a PNG (8-bit grey or colour, with or without alpha, as resvg writes them) into ink. */
export function inkImage(png: Uint8Array): InkImage {
  const { width, height, data, channels, depth } = decode(png);
  if (depth !== 8) throw new Error(`expected an 8-bit PNG, got ${depth}-bit`);
  const ink = new Uint8Array(width * height);
  for (let pixel = 0; pixel < ink.length; pixel++) {
    const at = pixel * channels;
    const grey = channels >= 3 ? ((data[at] ?? 0) + (data[at + 1] ?? 0) + (data[at + 2] ?? 0)) / 3 : (data[at] ?? 0);
    ink[pixel] = grey < 128 ? 1 : 0;
  }
  return { width, height, ink };
}

/** The ink of `box` row by row as "0"/"1": two equal strings are the same drawing. */
export function inkMask(image: InkImage, box: Box): string {
  const rows: string[] = [];
  for (let y = box.y; y < Math.min(box.y + box.height, image.height); y++) {
    rows.push(image.ink.subarray(y * image.width + box.x, y * image.width + Math.min(box.x + box.width, image.width)).join(''));
  }
  return rows.join('\n');
}

/** How many pixels of `box` are ink. */
export function inkCount(image: InkImage, box: Box): number {
  return [...inkMask(image, box)].filter((bit) => bit === '1').length;
}

const CELL = 32;
const GLYPH_SIZE = 20;

/**
 * An SVG drawing each character alone in its own square cell, black on white at 1 px per
 * user unit, and the cells' boxes: comparing cells tells real glyphs from the one box
 * (tofu) a font draws for every character it lacks.
 */
export function glyphGrid(characters: readonly string[], columns = 20): { svg: string; width: number; cells: Box[] } {
  const width = CELL * Math.min(columns, Math.max(characters.length, 1));
  const height = CELL * Math.ceil(characters.length / columns);
  const cells = characters.map((_, index) => ({ x: (index % columns) * CELL, y: Math.floor(index / columns) * CELL, width: CELL, height: CELL }));
  const texts = characters.map((character, index) => {
    const cell = cells[index] as Box;
    return `<text x="${cell.x + 6}" y="${cell.y + 24}" font-size="${GLYPH_SIZE}" fill="#000">${escapeXml(character)}</text>`;
  });
  return { svg: `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${texts.join('')}</svg>`, width, cells };
}

/** A code point no font draws (the last private-use one of plane 16): what a missing glyph looks like. */
export const NO_GLYPH = '\u{10FFFD}';
