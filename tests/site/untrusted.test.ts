import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CSV_FORMULA_NOTE, FORMULA_START } from '../../src/lib/download/csv.ts';
import { launchChromium } from '../helpers/browser.ts';
import { buildFailure, buildSite, builtFiles, copyOfData, serveDist } from '../helpers/site.ts';

/**
 * Untrusted text, end to end: a copy of data/ with tests/fixtures/untrusted/ laid over it (a
 * sample dataset, a chart and a policy whose every free-text field and cell is hostile) is
 * built into a temporary folder; then every built file that holds the hostile text is read
 * as its kind (HTML, SVG, JSON, CSV, zip, XML) and the hostile pages are opened in chromium.
 * Every payload that would run sets `window.__pwned`, so that string marks hostile text.
 */

const MARKER = '__pwned';
const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'untrusted');
const DATASET = 'untrusted-sample';
const CHART = 'untrusted-sample';
const POLICY = 'untrusted-sample-tiaoli';
const BUILD_TIMEOUT = 300_000;
/** The site's address in absolute links, pinned for the build. */
const SITE = 'http://localhost:4321';

interface FixtureMeta {
  title: string;
  titleEn: string;
  summary: string;
  publisher: string;
  source: { title: string; publisher: string; date: string; url: string; via: string };
  licence: { name: string; attribution: string };
  geography: { area: string };
  period: string;
  caveats: string[];
  columns: { source: string; key: string; unit?: string; meaning: string }[];
}
interface FixtureChart {
  title: string;
  subtitle: string;
  series: { label: string }[];
  unit: string;
  notes: string[];
  topics: string[];
}
interface FixturePolicy {
  issuer: string;
  basis: string;
  topics: string[];
}

const readYaml = <T,>(path: string): T => parseYaml(readFileSync(join(FIXTURE, path), 'utf8')) as T;
const meta = readYaml<FixtureMeta>(`${DATASET}/dataset.yaml`);
const chart = readYaml<FixtureChart>(`charts/${CHART}.yaml`);
const policy = readYaml<FixturePolicy>('policies/policies-entry.yaml');
const PUBLISHED_FILE = 'untrusted-published';
const publishedCsv = readFileSync(join(FIXTURE, DATASET, `${PUBLISHED_FILE}.csv`), 'utf8');
/** The published rows, each cell a string exactly as in the fixture's file. */
const cells = Papa.parse<Record<string, string>>(publishedCsv, { header: true, skipEmptyLines: true }).data;
const labelHeader = meta.columns.find((column) => column.key === 'label')?.source ?? '';
/** Text cells of the fixture, keyed by column key. */
const textRows = cells.map((row) => ({ figure: row.figure ?? '', label: row[labelHeader] ?? '', unit: row.unit ?? '', section: row.section ?? '', quote: row.quote ?? '' }));
const policyMarkdown = readFileSync(join(FIXTURE, 'policies', 'untrusted-sample.md'), 'utf8');
const policyTitle = /^# (.+)$/m.exec(policyMarkdown)?.[1] ?? '';
/** The policy's article paragraphs and dated line, as plain lines of its Markdown. */
const policyLines = policyMarkdown.split('\n').filter((line) => line.includes(MARKER) && !line.startsWith('#'));

/** Every hostile text of the dataset's metadata that its page shows. */
const datasetTexts = [
  meta.title,
  meta.summary,
  meta.publisher,
  meta.source.title,
  meta.source.publisher,
  meta.source.via,
  meta.licence.name,
  meta.licence.attribution,
  meta.geography.area,
  meta.period,
  ...meta.caveats,
  ...meta.columns.flatMap((column) => [column.source, column.meaning]),
  ...textRows.flatMap((row) => [row.label, row.unit, row.section, row.quote]),
];

const state: { root?: string; out?: string; buildSeconds?: number; browser?: Browser; site?: { origin: string; close: () => Promise<void> } } = {};
const out = () => {
  if (!state.out) throw new Error('the hostile site has not been built');
  return state.out;
};

/** A copy of data/ with the fixture laid over it: the dataset folder, the chart, and the policy appended to policies.yaml. */
function hostileDataRoot(root: string): string {
  const data = copyOfData(root);
  cpSync(join(FIXTURE, DATASET), join(data, DATASET), { recursive: true });
  cpSync(join(FIXTURE, 'charts', `${CHART}.yaml`), join(data, 'charts', `${CHART}.yaml`));
  cpSync(join(FIXTURE, 'policies', 'untrusted-sample.md'), join(data, 'policies', 'untrusted-sample.md'));
  const policiesFile = join(data, 'policies', 'policies.yaml');
  const table = parseYaml(readFileSync(policiesFile, 'utf8')) as { texts: unknown[] };
  table.texts.push(readYaml('policies/policies-entry.yaml'));
  writeFileSync(policiesFile, stringifyYaml(table, { lineWidth: 0 }));
  return data;
}

beforeAll(async () => {
  const started = performance.now();
  state.root = mkdtempSync(join(tmpdir(), 'untrusted-'));
  const outDir = join(state.root, 'dist');
  const result = await buildSite({ dataRoot: hostileDataRoot(state.root), outDir, env: { SITE_URL: SITE } });
  if (result.status !== 0) throw new Error(`hostile fixture: ${buildFailure(result)}`);
  state.out = outDir;
  state.buildSeconds = (performance.now() - started) / 1000;
  state.site = await serveDist({ root: outDir });
  state.browser = await launchChromium();
}, BUILD_TIMEOUT);

afterAll(async () => {
  await state.browser?.close();
  await state.site?.close();
  if (state.root) rmSync(state.root, { recursive: true, force: true });
});

const browser = () => {
  if (!state.browser) throw new Error('chromium has not started');
  return state.browser;
};
const origin = () => {
  if (!state.site) throw new Error('the site server has not started');
  return state.site.origin;
};

/** Files of the built site, as URL paths (`/data/x/index.html`). */
const builtPaths = () => builtFiles(out()).map((file) => `/${file}`);
const read = (path: string) => readFileSync(join(out(), path));
const readText = (path: string) => read(path).toString('utf8');

/**
 * Every place the marker landed: text files as they are, zip members as `<zip>!<member>`,
 * Pagefind fragments (gzip) as `<fragment>!`. Images and Pagefind's binary indexes are skipped.
 */
let hostile: Map<string, string> | undefined;
function hostileFiles(): Map<string, string> {
  if (hostile) return hostile;
  const found = new Map<string, string>();
  for (const path of builtPaths()) {
    if (/\.(png|wasm|pf_index|pf_meta|pf_filter)$/.test(path)) continue;
    if (path.endsWith('.zip')) {
      for (const [name, bytes] of Object.entries(unzipSync(new Uint8Array(read(path))))) {
        const text = Buffer.from(bytes).toString('utf8');
        if (text.includes(MARKER)) found.set(`${path}!${name}`, text);
      }
      continue;
    }
    const text = path.endsWith('.pf_fragment') ? gunzipSync(read(path)).toString('utf8') : readText(path);
    if (text.includes(MARKER)) found.set(path.endsWith('.pf_fragment') ? `${path}!` : path, text);
  }
  hostile = found;
  return found;
}

const PAGES = {
  dataset: `/data/${DATASET}/index.html`,
  datasets: '/data/index.html',
  chart: `/charts/${CHART}/index.html`,
  chartPinned: `/charts/${CHART}/v1.1/index.html`,
  charts: '/charts/index.html',
  embed: `/embed/${CHART}/index.html`,
  embedPinned: `/embed/${CHART}/v1.1/index.html`,
  policy: `/policies/${POLICY}/index.html`,
  policies: '/policies/index.html',
} as const;
const DOWNLOADS = `/data/${DATASET}/v1/${DATASET}-sample`;
const FILES = {
  csv: `${DOWNLOADS}.csv`,
  columns: `${DOWNLOADS}-columns.csv`,
  json: `${DOWNLOADS}.json`,
  zip: `${DOWNLOADS}.zip`,
  original: `/data/${DATASET}/v1/${PUBLISHED_FILE}-sample.csv`,
  index: '/data/index.json',
  chartSvg: `/charts/${CHART}/v1.1/${CHART}.svg`,
  chartCsv: `/charts/${CHART}/v1.1/${CHART}.csv`,
  oembed: `/oembed/${CHART}.json`,
} as const;

/** What an audit of one document found: injected markup, and the document's text. */
interface Audit {
  problems: string[];
  /** Text content with runs of white space folded to one space. */
  text: string;
  /** Set when an XML document did not parse. */
  parseError?: string;
  /** Texts of elements matching `select`, when asked. */
  selected: string[];
}

/**
 * Runs in chromium, on a document parsed by the browser's own parser (or on the live page when
 * `source` is null). Hostile text must have stayed text: no script without src, no on*
 * handler, no javascript:/data:/vbscript: URL, no srcdoc, no comment or style carrying the
 * marker, and the marker in no attribute other than those that hold plain text.
 */
function auditDocument({ source, type, marker, select, site }: { source: string | null; type: string; marker: string; select: string; site: string }): Audit {
  const doc = source === null ? document : new DOMParser().parseFromString(source, type as DOMParserSupportedType);
  const problems: string[] = [];
  const urlAttributes = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'ping', 'srcset', 'cite', 'manifest'];
  const textAttributes = ['title', 'alt', 'content', 'aria-label', 'aria-description', 'value', 'placeholder', 'label'];
  const where = (element: Element) => `<${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}>`;
  for (const element of doc.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase();
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      const value = attribute.value;
      if (name.startsWith('on')) problems.push(`${where(element)} has an event handler ${name}="${value}"`);
      if (name === 'srcdoc') problems.push(`${where(element)} has srcdoc`);
      if (urlAttributes.includes(name) && /^(javascript:|vbscript:|data:(?!image\/(png|gif|jpeg|webp)[;,]))/i.test(value.replace(/[\u0000-\u0020]/g, ''))) problems.push(`${where(element)} has ${name}="${value}"`);
      if (value.includes(marker) && !textAttributes.includes(name) && !name.startsWith('data-')) problems.push(`${where(element)} carries hostile text in ${name}="${value}"`);
    }
    const scriptType = element.getAttribute('type') ?? '';
    if (tag === 'script' && !element.hasAttribute('src') && scriptType !== 'application/ld+json') problems.push(`an inline <script>: ${(element.textContent ?? '').slice(0, 80)}`);
    if ((tag === 'script' || tag === 'style' || tag === 'iframe' || tag === 'object' || tag === 'embed' || tag === 'foreignobject') && (element.textContent ?? '').includes(marker)) problems.push(`hostile text inside ${where(element)}`);
    if (tag === 'iframe' && !(element.getAttribute('src') ?? '').replace(site, '').startsWith('/embed/')) problems.push(`${where(element)} loads ${element.getAttribute('src')}`);
  }
  const comments = doc.createTreeWalker(doc, NodeFilter.SHOW_COMMENT);
  while (comments.nextNode()) if ((comments.currentNode.nodeValue ?? '').includes(marker)) problems.push('hostile text in a comment');
  const parseError = doc.getElementsByTagName('parsererror')[0]?.textContent ?? undefined;
  const root = (doc as Document).body ?? doc.documentElement;
  const head = (doc as Document).head;
  const text = `${head?.textContent ?? ''} ${root?.textContent ?? ''}`.replace(/\s+/g, ' ');
  const selected = select ? [...doc.querySelectorAll(select)].map((element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim()) : [];
  return { problems, text, selected, ...(parseError === undefined ? {} : { parseError }) };
}

let parserTab: Page | undefined;
/** A blank chromium tab whose DOMParser reads the built files. */
async function parser(): Promise<Page> {
  parserTab ??= await (await browser().newContext()).newPage();
  return parserTab;
}

/** Parses `source` with chromium's parser (`text/html`, `image/svg+xml` or `application/xml`) and audits it. */
async function audit(source: string, type: DOMParserSupportedType, select = ''): Promise<Audit> {
  return (await parser()).evaluate(auditDocument, { source, type, marker: MARKER, select, site: SITE });
}

/** Parses an HTML fragment (embed code) in chromium: its elements, and the iframe's title and src. */
async function fragment(source: string): Promise<{ tags: string[]; title: string | null | undefined; src: string | null | undefined }> {
  return (await parser()).evaluate((html) => {
    const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
    const iframe = doc.querySelector('iframe');
    return { tags: [...doc.body.querySelectorAll('*')].map((element) => element.tagName.toLowerCase()), title: iframe?.getAttribute('title'), src: iframe?.getAttribute('src') };
  }, source);
}

const fold = (text: string) => text.replace(/\s+/g, ' ').trim();
/** Expected texts that a document's text lacks (white space folded on both sides). */
const missingFrom = (text: string, expected: readonly string[]) => expected.map(fold).filter((part) => !text.includes(part));

describe('the hostile fixture builds, and its text reaches every kind of output', () => {
  test('the build of data/ plus tests/fixtures/untrusted/ succeeds', () => {
    expect(state.out).toBeDefined();
    console.log(`hostile build: ${state.buildSeconds?.toFixed(1)} s`);
  });

  test('the marker is in the pages, SVG, JSON, CSV, zip and search index built from the fixture', () => {
    const found = [...hostileFiles().keys()];
    for (const path of [...Object.values(PAGES), FILES.csv, FILES.columns, FILES.json, FILES.original, FILES.index, FILES.chartSvg, FILES.chartCsv, FILES.oembed]) expect(found).toContain(path);
    expect(found.filter((path) => path.startsWith(`${FILES.zip}!`)).length).toBeGreaterThanOrEqual(4);
    expect(found.filter((path) => path.endsWith('.pf_fragment!')).length).toBeGreaterThanOrEqual(3);
  });

  test('every file that holds the marker is of a kind this test reads (no hostile text in scripts, styles or other files)', () => {
    const unknown = [...hostileFiles().keys()].filter((path) => !/(\.html|\.svg|\.json|\.csv|\.zip!.+\.(csv|txt)|\.pf_fragment!)$/.test(path));
    expect(unknown).toEqual([]);
  });
});

describe('HTML pages: hostile text is escaped text, never markup', () => {
  test('no hostile HTML page has injected elements, handlers or URLs (parsed by chromium)', async () => {
    const pages = [...hostileFiles().keys()].filter((path) => path.endsWith('.html'));
    expect(pages.length).toBeGreaterThanOrEqual(Object.keys(PAGES).length);
    const problems: string[] = [];
    for (const path of pages) problems.push(...(await audit(readText(path), 'text/html')).problems.map((problem) => `${path}: ${problem}`));
    expect(problems).toEqual([]);
  });

  test('the dataset page shows every hostile metadata field and cell literally', async () => {
    const page = await audit(readText(PAGES.dataset), 'text/html', 'h1, title, dd');
    expect(missingFrom(page.text, datasetTexts)).toEqual([]);
    expect(page.selected).toContain(fold(meta.title));
    expect(page.selected).toContain(`${fold(meta.title)} | 兰州民族工作数据站`);
    expect(page.selected).toContain(fold(meta.period));
  });

  test('the dataset page head keeps the title and summary as attribute text', async () => {
    const html = readText(PAGES.dataset);
    const attributes = await (await parser()).evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'text/html');
      return {
        description: doc.querySelector('meta[name="description"]')?.getAttribute('content'),
        ogTitle: doc.querySelector('meta[property="og:title"]')?.getAttribute('content'),
      };
    }, html);
    expect(attributes).toEqual({ description: meta.summary, ogTitle: meta.title });
  });

  test('the chart pages and embeds show the hostile title, labels and notes literally', async () => {
    const expected = [chart.title, chart.subtitle, ...chart.notes, ...textRows.map((row) => row.label), meta.source.publisher, meta.source.title];
    for (const path of [PAGES.chart, PAGES.chartPinned, PAGES.embed, PAGES.embedPinned]) {
      const page = await audit(readText(path), 'text/html', 'h1');
      const table = path.startsWith('/charts/') ? chart.series.map((series) => series.label) : [];
      expect(missingFrom(page.text, [...expected, ...table]), path).toEqual([]);
      expect(page.selected, path).toEqual([fold(chart.title)]);
    }
  });

  test('the embed code on the chart page is one iframe and one script, with the title as attribute text', async () => {
    const snippet = (await audit(readText(PAGES.chart), 'text/html', '#embed-code')).selected[0] ?? '';
    expect(await fragment(snippet)).toEqual({ tags: ['iframe', 'script'], title: chart.title, src: `${SITE}/embed/${CHART}/v1.1/` });
    expect((await audit(`<body>${snippet}</body>`, 'text/html')).problems).toEqual([]);
  });

  test('the policy page shows the hostile title, dated line, articles, issuer and basis literally', async () => {
    const page = await audit(readText(PAGES.policy), 'text/html', 'h1');
    const articles = policyLines.map((line) => line.replace(/^第[一二三四五六七八九十]+条 /, '').replace(/^\d{4}年\d{1,2}月\d{1,2}日 /, ''));
    expect(page.selected).toEqual([policyTitle]);
    expect(missingFrom(page.text, [...articles, policy.issuer, policy.basis])).toEqual([]);
  });

  test('the lists of datasets, charts and policies show the hostile titles literally', async () => {
    expect(missingFrom((await audit(readText(PAGES.datasets), 'text/html')).text, [meta.title])).toEqual([]);
    expect(missingFrom((await audit(readText(PAGES.charts), 'text/html')).text, [chart.title])).toEqual([]);
    expect(missingFrom((await audit(readText(PAGES.policies), 'text/html')).text, [policyTitle, policy.issuer])).toEqual([]);
  });
});

describe('SVG, JSON, XML: well-formed, with hostile text as data', () => {
  test('the standalone chart SVG parses as XML, has no script, handler or foreignObject, and titles itself literally', async () => {
    const svg = await audit(readText(FILES.chartSvg), 'image/svg+xml', 'title');
    expect(svg.parseError).toBeUndefined();
    expect(svg.problems).toEqual([]);
    expect(svg.selected[0]).toBe(fold(chart.title));
    expect(missingFrom(svg.text, [chart.subtitle, ...textRows.map((row) => row.label), meta.source.publisher, meta.source.title])).toEqual([]);
  });

  test('the inline chart SVGs of the chart page parse as XML on their own too', async () => {
    const svgs = readText(PAGES.chart).match(/<svg class="chart[\s\S]*?<\/svg>(?=<\/div>)/g) ?? [];
    // The wide layout, the narrow one for phones and the one for phones in large text (适老模式).
    expect(svgs.length).toBe(3);
    for (const svg of svgs) {
      const parsed = await audit(svg.replace('<svg ', '<svg xmlns="http://www.w3.org/2000/svg" '), 'image/svg+xml');
      expect(parsed.parseError).toBeUndefined();
      expect(parsed.problems).toEqual([]);
    }
  });

  test('the dataset JSON download holds every hostile field and cell as the exact string', () => {
    const json = JSON.parse(readText(FILES.json)) as { title: string; summary: string; publisher: string; source: FixtureMeta['source']; licence: FixtureMeta['licence']; caveats: string[]; rows: { values: Record<string, unknown> }[] };
    expect(json.title).toBe(meta.title);
    expect(json.summary).toBe(meta.summary);
    expect(json.publisher).toBe(meta.publisher);
    expect(json.source).toEqual(meta.source);
    expect(json.licence).toEqual(meta.licence);
    expect(json.caveats).toEqual(meta.caveats);
    expect(json.rows.map((row) => row.values)).toEqual(cells.map((row, index) => ({ figure: row.figure, label: textRows[index]?.label, value: Number(row.value), unit: row.unit, year: Number(row.year), section: row.section, quote: row.quote })));
  });

  test('/data/index.json lists the dataset with its hostile title and source URL as exact strings', () => {
    const index = JSON.parse(readText(FILES.index)) as { datasets: { id: string; title: string; source: { url?: string } }[] };
    const record = index.datasets.find((dataset) => dataset.id === DATASET);
    expect(record?.title).toBe(meta.title);
    expect(record?.source.url).toBe(meta.source.url);
  });

  test('the oEmbed JSON parses, and its html is one iframe of this site and one script, the title as attribute text', async () => {
    const oembed = JSON.parse(readText(FILES.oembed)) as { title: string; html: string };
    expect(oembed.title).toBe(chart.title);
    expect(await fragment(oembed.html)).toEqual({ tags: ['iframe', 'script'], title: chart.title, src: `${SITE}/embed/${CHART}/v1.1/` });
    expect((await audit(`<body>${oembed.html}</body>`, 'text/html')).problems).toEqual([]);
  });

  test('the search index keeps the hostile title as data (Pagefind fragment JSON)', () => {
    const fragments = [...hostileFiles().entries()].filter(([path]) => path.endsWith('.pf_fragment!')).map(([, text]) => JSON.parse(text.replace(/^pagefind_dcd/, '')) as { url: string; meta: { title?: string } });
    expect(fragments.find((fragment) => fragment.url === `/data/${DATASET}/`)?.meta.title).toBe(meta.title);
  });

  test('sitemap.xml and the news feed are well-formed XML; the sitemap lists the hostile pages', async () => {
    const sitemap = await audit(readText('/sitemap.xml'), 'application/xml', 'loc');
    expect(sitemap.parseError).toBeUndefined();
    expect(sitemap.selected).toContain(`${SITE}/data/${DATASET}/`);
    expect(sitemap.selected).toContain(`${SITE}/policies/${POLICY}/`);
    const rss = await audit(readText('/news/rss.xml'), 'application/xml');
    expect(rss.parseError).toBeUndefined();
    expect(rss.problems).toEqual([]);
  });
});

describe('CSV and zip downloads: hostile text kept, formulas neutralised', () => {
  const parseCsv = (text: string) => {
    expect(text.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    return parsed.data;
  };
  /** A text cell as the site's CSVs write it: a leading ' where a spreadsheet would see a formula. */
  const asCsvText = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);
  /** Cells a spreadsheet would run: text starting with = + - @ tab or CR that is not a plain number. */
  const formulaCells = (rows: string[][]) => rows.flat().filter((cell) => FORMULA_START.test(cell) && !/^[+-]?\d+(\.\d+)?$/.test(cell));

  test('the cleaned CSV holds every hostile cell, formula-like text prefixed with \'', () => {
    const [header = [], ...rows] = parseCsv(readText(FILES.csv));
    expect(header).toEqual(['sourceLine', 'figure', 'label', 'value', 'unit', 'year', 'section', 'quote']);
    expect(rows.map((row) => row.slice(2, 3).concat(row.slice(4, 5), row.slice(6)))).toEqual(textRows.map((row) => [row.label, row.unit, row.section, row.quote].map(asCsvText)));
    expect(formulaCells(rows)).toEqual([]);
    expect(rows.find((row) => row[1] === 'untrusted-formula')?.[2]).toBe(`'=HYPERLINK("http://x","y")`);
  });

  test('the column dictionary CSV holds the hostile headers and meanings literally', () => {
    const rows = parseCsv(readText(FILES.columns));
    // Header cells are matched and shown without white space (line breaks in published headers).
    expect(rows).toContainEqual(['label', labelHeader.replace(/\s+/g, ''), '文本', '', meta.columns.find((column) => column.key === 'label')?.meaning]);
    expect(formulaCells(rows)).toEqual([]);
  });

  test('the chart CSV holds the hostile labels, formula-like text prefixed with \'', () => {
    const [header = [], ...rows] = parseCsv(readText(FILES.chartCsv));
    expect(header).toEqual(['label', ...chart.series.map((series) => asCsvText(series.label)), 'source_line']);
    expect(rows.map((row) => row[0])).toEqual(textRows.map((row) => asCsvText(row.label)));
    expect(formulaCells(rows)).toEqual([]);
  });

  test('the zip holds the same CSVs, and its 使用说明 gives the hostile text literally and says how formulas are written', () => {
    // Buffer keeps the BOM, which a TextDecoder (fflate's strFromU8) would drop.
    const members = Object.fromEntries(Object.entries(unzipSync(new Uint8Array(read(FILES.zip)))).map(([name, bytes]) => [name, Buffer.from(bytes).toString('utf8')]));
    const member = (name: string) => Object.entries(members).find(([path]) => path.endsWith(`/${name}`))?.[1];
    expect(member(`${DATASET}-sample.csv`)).toBe(readText(FILES.csv));
    expect(member(`${DATASET}-sample-columns.csv`)).toBe(readText(FILES.columns));
    expect(missingFrom(member('使用说明.txt') ?? '', [meta.title, meta.summary, meta.publisher, meta.source.url, meta.licence.attribution, ...meta.caveats, CSV_FORMULA_NOTE])).toEqual([]);
    expect(missingFrom(member('许可与署名.txt') ?? '', [meta.licence.name, meta.licence.attribution, meta.source.url])).toEqual([]);
  });

  test('the published file is served byte for byte', () => {
    expect(readText(FILES.original)).toBe(publishedCsv);
  });
});

describe('in chromium (CSP bypassed, so escaping alone must hold): no hostile script runs', () => {
  /** Opens a page with the Content Security Policy off, counting dialogs and page errors. */
  async function open(path: string): Promise<{ tab: Page; dialogs: string[]; errors: string[] }> {
    const context = await browser().newContext({ bypassCSP: true, viewport: { width: 1200, height: 900 } });
    const tab = await context.newPage();
    const dialogs: string[] = [];
    const errors: string[] = [];
    tab.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    tab.on('pageerror', (error) => errors.push(error.message));
    await tab.goto(`${origin()}${path}`, { waitUntil: 'networkidle' });
    return { tab, dialogs, errors };
  }

  async function expectInert(tab: Page, dialogs: string[], errors: string[]) {
    await expect(tab.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).resolves.toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    const live = await tab.evaluate(auditDocument, { source: null, type: 'text/html', marker: MARKER, select: '', site: SITE });
    expect(live.problems).toEqual([]);
  }

  test.each([`/data/${DATASET}/`, `/charts/${CHART}/`, `/charts/${CHART}/v1.1/`, `/embed/${CHART}/v1.1/`, `/embed/${CHART}/?theme=dark`, `/policies/${POLICY}/`, '/data/', '/charts/', '/policies/'])('%s: window.__pwned stays undefined, no dialog, no injected element after the scripts ran', async (path) => {
    const { tab, dialogs, errors } = await open(path);
    // Exercise the client code that moves or copies text: sortable headers, chart tooltips, the embed preview.
    for (const button of await tab.locator('.sort-button').all()) await button.click();
    for (const mark of (await tab.locator('chart-figure rect.bar').all()).slice(0, 4)) if (await mark.isVisible()) await mark.hover();
    for (const details of await tab.locator('details').all()) if (await details.isVisible()) await details.locator('summary').click();
    await tab.waitForLoadState('networkidle');
    await expectInert(tab, dialogs, errors);
    await tab.context().close();
  });

  test('search: the hostile topics are filter labels as text; the hostile word finds the three pages, results show the hostile text as text', async () => {
    const { tab, dialogs, errors } = await open('/search/');
    await tab.waitForSelector('site-search[data-ready="true"]');
    const filters = (await tab.locator('.site-search__groups').textContent()) ?? '';
    expect(filters).toContain(chart.topics[0]);
    expect(filters).toContain(policy.topics[0]);
    await tab.fill('#search-input', 'zqxprobe');
    await tab.press('#search-input', 'Enter');
    await tab.waitForFunction(() => /找到/.test(document.querySelector('.site-search__status')?.textContent ?? ''));
    const results = await tab.evaluate(() => {
      const list = document.querySelector('.site-search__results');
      return {
        tags: [...new Set([...(list?.querySelectorAll('*') ?? [])].map((element) => element.tagName.toLowerCase()))].sort(),
        hrefs: [...(list?.querySelectorAll('a') ?? [])].map((link) => link.getAttribute('href') ?? ''),
        titles: [...(list?.querySelectorAll('h2 a') ?? [])].map((link) => link.textContent ?? ''),
        excerpts: [...(list?.querySelectorAll('.site-search__result > p, .site-search__subs span') ?? [])].map((excerpt) => excerpt.textContent ?? ''),
      };
    });
    expect(results.hrefs.map((href) => decodeURI(href.split('#')[0] ?? ''))).toEqual(expect.arrayContaining([`/data/${DATASET}/`, `/charts/${CHART}/`, `/policies/${POLICY}/`]));
    expect(results.hrefs.every((href) => href.startsWith('/'))).toBe(true);
    expect(results.tags).toEqual(['a', 'h2', 'li', 'mark', 'p', 'span', 'ul']);
    expect(results.titles).toEqual(expect.arrayContaining([meta.title, chart.title]));
    expect(results.excerpts.join('\n')).toMatch(/<script>window\.__pwned=\d+<\/script>/);
    expect(results.excerpts.join('\n')).toMatch(/<img src=x onerror="window\.__pwned=\d+">/);
    await expectInert(tab, dialogs, errors);
    await tab.context().close();
  });
});
