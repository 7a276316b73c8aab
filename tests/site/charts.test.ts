import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { builtFiles, builtPages, DIST, readBuilt } from '../helpers/site.ts';

const files = new Set(builtFiles());
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
    for (const file of [...files].filter((name) => name.endsWith('.png') && name.startsWith('charts/'))) {
      expect(readFileSync(`${DIST}/${file}`).subarray(0, 8).toString('hex'), file).toBe('89504e470d0a1a0a');
    }
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
