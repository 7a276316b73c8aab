import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { builtFiles, DIST, readBuilt } from '../helpers/site.ts';
import { listDatasetIds } from '../../src/lib/data/check.ts';
import { readDataset, rowsOf } from '../../src/lib/data/dataset.ts';
import { datasetDownloads } from '../../src/lib/download/bundle.ts';
import { downloadPaths, pagePath } from '../../src/lib/download/paths.ts';

const ids = listDatasetIds('data');
const files = new Set(builtFiles());

interface IndexFile {
  site: string;
  count: number;
  datasets: { id: string; status: string; version: number; rowCount: number; page: string; downloads: Record<string, string>; columns: { key: string }[] }[];
}
const index = JSON.parse(readBuilt('/data/index.json')) as IndexFile;

/** The file in dist/ that serves an absolute or root-relative URL. */
const builtPath = (url: string) => decodeURIComponent(new URL(url, 'http://site.invalid').pathname).replace(/^\//, '');

/** Links a dataset page offers for download: `<a … download>` and anything under /data/<id>/v<n>/. */
function downloadLinks(html: string): string[] {
  const links = [...html.matchAll(/<a\s[^>]*href="([^"]+)"[^>]*>/g)].filter(([tag, href]) => / download[\s>=]/.test(tag) || /^\/data\/[^/]+\/v\d+\//.test(href ?? ''));
  return links.map(([, href]) => href ?? '');
}

/** Every download URL of an index entry: the generated files, the published file and a workbook's parts. */
function downloadUrls(dataset: { downloads: Record<string, unknown> }): string[] {
  const { parts, ...files } = dataset.downloads as Record<string, string> & { parts?: { url: string }[] };
  return [...Object.values(files), ...(parts ?? []).map((part) => part.url)];
}

describe('dataset downloads in the built site', () => {
  test('every dataset page offers the cleaned CSV, column dictionary, JSON, zip and original file of its version', () => {
    for (const dataset of index.datasets) {
      const links = downloadLinks(readBuilt(`/data/${dataset.id}/`));
      const expected = downloadUrls(dataset).map((url) => new URL(url).pathname);
      expect(links.sort(), dataset.id).toEqual(expected.sort());
      expect(expected.filter((path) => path.startsWith(`/data/${dataset.id}/v${dataset.version}/`)).length, dataset.id).toBeGreaterThanOrEqual(4);
    }
  });

  test('every download link on every dataset page resolves to a file in dist/', () => {
    const missing = ids.flatMap((id) => downloadLinks(readBuilt(`/data/${id}/`)).filter((link) => !files.has(builtPath(link))).map((link) => `/data/${id}/ → ${link}`));
    expect(missing).toEqual([]);
  });

  test('/data/index.json lists every dataset once', () => {
    expect(index.datasets.map((dataset) => dataset.id).sort()).toEqual([...ids].sort());
    expect(index.count).toBe(ids.length);
  });

  test('every page and download URL in /data/index.json resolves to a file in dist/', () => {
    const urls = index.datasets.flatMap((dataset) => [dataset.page, ...downloadUrls(dataset)]);
    const missing = urls.filter((url) => !files.has(builtPath(url)) && !files.has(`${builtPath(url)}index.html`));
    expect(missing).toEqual([]);
  });

  test('each dataset JSON download parses and holds as many rows as the index says', () => {
    for (const dataset of index.datasets) {
      const json = JSON.parse(readFileSync(`${DIST}/${builtPath(dataset.downloads.json ?? '')}`, 'utf8')) as { rows: unknown[]; columns: unknown[] };
      expect(json.rows.length, dataset.id).toBe(dataset.rowCount);
      expect(json.columns.length, dataset.id).toBe(dataset.columns.length);
    }
  });

  test('the cleaned CSV starts with a BOM and its header is sourceLine and the column keys', () => {
    const csv = readFileSync(`${DIST}/data/lanzhou-minority-groups-2010/v1/lanzhou-minority-groups-2010.csv`, 'utf8');
    expect(csv.startsWith('\uFEFFsourceLine,rank,ethnicGroup,population\r\n')).toBe(true);
  });

  test('every row of lanzhou-work-report-2017 has the anchor id="figure-<figure>" on its table row', () => {
    const html = readBuilt('/data/lanzhou-work-report-2017/');
    const csv = readFileSync(`${DIST}/data/lanzhou-work-report-2017/v1/lanzhou-work-report-2017.csv`, 'utf8');
    const figures = csv.trimEnd().split('\r\n').slice(1).map((line) => line.split(',')[1]);
    expect(figures.length).toBe(14);
    for (const figure of figures) expect(html).toContain(`<tr id="figure-${figure}"`);
  });

  test('every dataset page shows a GB/T 7714 and a plain citation, selectable without JavaScript', () => {
    for (const id of ids) {
      const html = readBuilt(`/data/${id}/`);
      expect(html, id).toMatch(/<pre[^>]*>[^<]*\[DS\/OL\][^<]*<\/pre>/);
      expect(html, id).toMatch(/<pre[^>]*>数据来源：/);
    }
  });

  test('a large dataset page shows a preview and says the full data is in the downloads', () => {
    const html = readBuilt('/data/china-counties-2020/');
    expect(html).toContain('这里只显示前 100 行和前 12 列');
    expect((html.match(/<tr/g) ?? []).length).toBeLessThan(400);
  });
});

describe('the zip', () => {
  const id = 'lanzhou-work-report-2017';
  const result = readDataset('data', id);
  const meta = result.meta;
  if (!meta) throw new Error(`${id}: no metadata`);
  const input = { meta, rows: rowsOf(result), paths: downloadPaths(meta, meta), pagePath: pagePath(id), site: index.site, siteName: '兰州民族工作数据站' };

  test('two consecutive renders of a dataset zip are byte-identical', () => {
    expect(Buffer.from(datasetDownloads(input).zip).equals(Buffer.from(datasetDownloads(input).zip))).toBe(true);
  });

  test('the built zip is the bytes the pure function renders from the published file', () => {
    const built = readFileSync(`${DIST}/data/${id}/v1/${id}.zip`);
    expect(built.equals(Buffer.from(datasetDownloads(input).zip))).toBe(true);
  });
});

describe('dataset page weight (issue 3 budgets)', () => {
  const gzipped = (paths: string[]) => paths.reduce((sum, path) => sum + gzipSync(readFileSync(`${DIST}${path}`)).byteLength, 0);
  /** A module script and the chunks it imports, as root-relative paths. */
  const withImports = (path: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(path)) return seen;
    seen.add(path);
    const code = readFileSync(`${DIST}${path}`, 'utf8');
    for (const match of code.matchAll(/(?:from|import)\s*["']([^"']+\.js)["']/g)) withImports(new URL(match[1] ?? '', `http://site.invalid${path}`).pathname, seen);
    return seen;
  };

  test.each(ids)('/data/%s/ loads ≤ 15 KB of JavaScript and ≤ 15 KB of CSS (gzip)', (id) => {
    const html = readBuilt(`/data/${id}/`);
    const scripts = [...new Set([...html.matchAll(/<script[^>]*\ssrc="(\/[^"]+)"/g)].flatMap((match) => [...withImports(match[1] ?? '')]))];
    const styles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="(\/[^"]+)"/g)].map((match) => match[1] ?? '');
    expect(html, 'no inline scripts').not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(gzipped(scripts)).toBeLessThanOrEqual(15 * 1024);
    expect(gzipped(styles)).toBeLessThanOrEqual(15 * 1024);
  });
});
