import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { svgToPng } from '../../src/lib/charts/png.ts';
import { glyphGrid, inkCount, inkImage, inkMask, NO_GLYPH } from '../helpers/png.ts';
import { builtFiles, builtPages, DIST, readBuilt } from '../helpers/site.ts';

const files = new Set(builtFiles());
const chartPngs = [...files].filter((name) => name.endsWith('.png') && name.startsWith('charts/'));
const chartPages = builtPages().filter((page) => /^\/charts\/[^/]+\/$/.test(page));

describe('chart pages in the build', () => {
  test('at least ten charts are built from the shipped data', () => {
    expect(chartPages.length).toBeGreaterThanOrEqual(10);
  });

  test.each(chartPages)('%s links downloads, a pinned version, an embed and oEmbed that all exist', (page) => {
    const html = readBuilt(page);
    const id = page.split('/')[2] ?? '';
    const version = new RegExp(`/charts/${id}/(v[\\d.]+)/`).exec(html)?.[1];
    expect(version).toBeDefined();
    for (const file of [`charts/${id}/${version}/${id}.png`, `charts/${id}/${version}/${id}.svg`, `charts/${id}/${version}/${id}.csv`, `charts/${id}/${version}/index.html`, `embed/${id}/${version}/index.html`, `embed/${id}/index.html`, `oembed/${id}.json`]) {
      expect(files.has(file), file).toBe(true);
    }
    expect(html).toContain(`type="application/json+oembed"`);
    expect(html).toMatch(/<meta property="og:image" content="[^"]+\.png"/);
  });

  test('PNG downloads are real PNG images', () => {
    for (const file of chartPngs) {
      expect(readFileSync(`${DIST}/${file}`).subarray(0, 8).toString('hex'), file).toBe('89504e470d0a1a0a');
    }
  });

  test.each(chartPngs)('%s has ink in its title area, and none above it', (file) => {
    const image = inkImage(readFileSync(`${DIST}/${file}`));
    // The standalone SVG beside the PNG draws its title on a 16 px line at y = 20 of its viewBox.
    const viewBoxWidth = Number(/viewBox="0 0 ([\d.]+) /.exec(readFileSync(`${DIST}/${file.replace(/\.png$/, '.svg')}`, 'utf8'))?.[1]);
    const scale = image.width / viewBoxWidth;
    const titleLine = { x: 0, y: Math.round(2 * scale), width: image.width, height: Math.round(22 * scale) };
    // Even a short title of 6 bold characters inks over 1,000 pixels at this scale; a blank one none.
    expect(inkCount(image, titleLine)).toBeGreaterThan(1_000);
    expect(inkCount(image, { x: 0, y: 0, width: image.width, height: Math.round(2 * scale) })).toBe(0);
  });

  test('svgToPng(…) draws every character of the built charts\' text as a glyph, never the missing-glyph box', () => {
    const text = chartPngs
      .map((file) => readFileSync(`${DIST}/${file.replace(/\.png$/, '.svg')}`, 'utf8'))
      .flatMap((svg) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) => match[1] ?? ''))
      .join('')
      .replace(/&(amp|lt|gt|quot|#39);/g, (entity) => ({ '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" })[entity] ?? entity);
    const characters = [...new Set(text.replace(/\s/g, ''))].sort();
    expect(characters.length).toBeGreaterThan(100);
    const grid = glyphGrid([...characters, NO_GLYPH]);
    const image = inkImage(svgToPng(grid.svg, grid.width));
    const masks = grid.cells.map((cell) => inkMask(image, cell));
    const missingGlyph = masks.pop();
    const blankOrBox = characters.filter((_, index) => !masks[index]?.includes('1') || masks[index] === missingGlyph);
    expect(blankOrBox).toEqual([]);
  });

  test('an oEmbed response is valid rich oEmbed JSON with a pinned iframe', () => {
    const body = JSON.parse(readFileSync(`${DIST}/oembed/lanzhou-minority-share-2020.json`, 'utf8')) as Record<string, unknown>;
    expect(body.version).toBe('1.0');
    expect(body.type).toBe('rich');
    expect(String(body.html)).toMatch(/<iframe src="[^"]+\/embed\/lanzhou-minority-share-2020\/v\d+\.\d+\/"/);
  });

  test('the chart of minority share by unit states its finding and its figures', () => {
    const html = readBuilt('/charts/lanzhou-minority-share-2020/');
    expect(html).toContain('红古区和七里河区少数民族人口比重最高');
    expect(html).toContain('9.55%');
    expect(html).toContain('在 9 项中，红古区最高，为 9.55%；皋兰县最低，为 1.66%。');
  });
});
