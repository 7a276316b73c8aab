/**
 * A dataset of no special shape builds (issue 10): a real county slice with no `rowSchema`
 * is added to a copy of data/, passes the data check, and the whole site builds with its
 * page, sortable table, downloads, citation and search entry, with no code change.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkDatasets } from '../../src/lib/data/check.ts';
import { buildFailure, buildSite, builtFiles, copyOfData } from '../helpers/site.ts';

const ID = 'lanzhou-tudigong-population-2020';
const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'generic', ID);
const PUBLISHED = 'tudigong-population-lanzhou.csv';
const state: { root?: string; data?: string; out?: string } = {};

const out = () => {
  if (!state.out) throw new Error('the build did not run');
  return state.out;
};
const read = (path: string) => readFileSync(join(out(), path));
const page = () => read(`data/${ID}/index.html`).toString('utf8');

beforeAll(async () => {
  state.root = mkdtempSync(join(tmpdir(), 'lzmz-generic-'));
  state.data = copyOfData(state.root);
  cpSync(FIXTURE, join(state.data, ID), { recursive: true });
  const outDir = join(state.root, 'dist');
  const result = await buildSite({ dataRoot: state.data, outDir, env: { SITE_URL: 'http://localhost:4321' } });
  if (result.status !== 0) throw new Error(`generic dataset: ${buildFailure(result)}`);
  state.out = outDir;
}, 600_000);

afterAll(() => {
  if (state.root) rmSync(state.root, { recursive: true, force: true });
});

describe('a dataset without rowSchema', () => {
  test('checkDatasets keeps its 9 rows with no error, the schema defaulting to generic', () => {
    const report = checkDatasets(state.data ?? '', { ids: [ID] });
    expect(report.errors).toBe(0);
    expect(report.datasets[0]?.account.kept).toBe(9);
    expect(report.datasets[0]?.meta?.rowSchema).toBe('generic');
  });

  test('its page shows the title, the 9 rows in a sortable table, and a GB/T 7714 citation', () => {
    const html = page();
    expect(html).toContain('<h1>兰州市各县区人口与少数民族人口比重（2020年，tudigong 转录节选）</h1>');
    const table = /<sortable-table[\s\S]*?<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
    expect(table.match(/<tr/g)).toHaveLength(9);
    expect(table).toContain('七里河区');
    expect(html).toContain('[DS/OL]');
  });

  test('its downloads exist: cleaned CSV with 9 rows, JSON, column dictionary, zip, and the published file byte for byte', () => {
    const files = builtFiles(out()).filter((file) => file.startsWith(`data/${ID}/`));
    expect(files).toEqual(expect.arrayContaining([`data/${ID}/index.html`, `data/${ID}/v1/${ID}.csv`, `data/${ID}/v1/${ID}.json`, `data/${ID}/v1/${ID}-columns.csv`, `data/${ID}/v1/${ID}.zip`, `data/${ID}/v1/${PUBLISHED}`]));
    const csv = Papa.parse<Record<string, string>>(read(`data/${ID}/v1/${ID}.csv`).toString('utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    expect(csv.data).toHaveLength(9);
    expect(csv.data[1]).toMatchObject({ sourceLine: '3', adcode: '620103', name: '七里河区', population: '712271' });
    const json = JSON.parse(read(`data/${ID}/v1/${ID}.json`).toString('utf8')) as { rows: unknown[] };
    expect(json.rows).toHaveLength(9);
    expect(Object.keys(unzipSync(read(`data/${ID}/v1/${ID}.zip`))).some((name) => name.endsWith(`/${ID}.csv`))).toBe(true);
    expect(read(`data/${ID}/v1/${PUBLISHED}`).equals(readFileSync(join(FIXTURE, PUBLISHED)))).toBe(true);
  });

  test('it is in the data index and the search index', () => {
    const index = JSON.parse(read('data/index.json').toString('utf8')) as { datasets: { id: string }[] };
    expect(index.datasets.map((dataset) => dataset.id)).toContain(ID);
    const fragments = builtFiles(out())
      .filter((file) => file.endsWith('.pf_fragment'))
      .map((file) => JSON.parse(gunzipSync(read(file)).toString('utf8').replace(/^pagefind_dcd/, '')) as { url: string });
    expect(fragments.map((fragment) => fragment.url)).toContain(`/data/${ID}/`);
  });
});
