/**
 * npm run bench:search — Pagefind on this site (dist/) and on a synthetic corpus of 5,000
 * policy-length Chinese pages (real articles recombined, written to a temp folder, never
 * shipped): index build time, index size, bytes fetched and time to first results in
 * chromium. Targets: ≤ 150 KB fetched per query, first results ≤ 100 ms.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { folderStats } from '../src/lib/bench/measure.ts';
import { loadPolicyLibrary } from '../src/lib/policy/library.ts';
import { allArticles } from '../src/lib/policy/units.ts';
import { buildSearchIndex } from '../src/lib/search/index-site.ts';
import { seededRandom, syntheticPage } from '../src/lib/search/synthetic.ts';
import { launchChromium } from '../tests/helpers/browser.ts';
import { serveDist } from '../tests/helpers/site.ts';

const PAGES = Number(process.env.BENCH_PAGES ?? 5000);
const DIST = process.env.OUT_DIR ?? 'dist';
const QUERIES = ['清真食品', '民族乡', '牛肉面', '教育', '少数民族干部', '宪法'];
const TARGET_BYTES = 150 * 1024;
const TARGET_MS = 100;

interface QueryResult {
  query: string;
  results: number;
  /** Bytes of index chunks and fragments fetched for the query and its first page of results. */
  bytes: number;
  /** From calling search() to the first result's data (title, URL, excerpt). */
  firstMs: number;
  /** From calling search() to the data of the whole first page (what the search page shows). */
  pageMs: number;
}

/** The search page's first page of results (SiteSearch.astro PAGE_SIZE). */
const PAGE_SIZE = 5;

/** Loads Pagefind once (as the search page does on load), then times each query. */
async function measure(root: string): Promise<{ initBytes: number; initMs: number; queries: QueryResult[] }> {
  writeFileSync(join(root, 'bench.html'), '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>bench</title></head><body></body></html>');
  const site = await serveDist({ root });
  const browser = await launchChromium();
  try {
    const tab = await (await browser.newContext()).newPage();
    let phase = 'load';
    const fetched: Promise<{ phase: string; bytes: number }>[] = [];
    const phases = new WeakMap<object, string>();
    tab.on('request', (request) => phases.set(request, phase));
    tab.on('requestfinished', (request) => {
      const tag = phases.get(request) ?? phase;
      fetched.push(request.sizes().then((sizes) => ({ phase: tag, bytes: sizes.responseBodySize + sizes.responseHeadersSize })));
    });
    const bytesOf = async (name: string) => (await Promise.all(fetched)).filter((entry) => entry.phase === name).reduce((sum, entry) => sum + entry.bytes, 0);
    await tab.goto(`${site.origin}/bench.html`);
    phase = 'init';
    const initMs = await tab.evaluate(async () => {
      const started = performance.now();
      const pagefind = await import('/pagefind/pagefind.js' as string);
      await pagefind.options({ ranking: { pageLength: 0.3 } });
      await pagefind.init();
      await pagefind.filters();
      (window as unknown as { pagefind: unknown }).pagefind = pagefind;
      return performance.now() - started;
    });
    const initBytes = await bytesOf('init');
    const queries: QueryResult[] = [];
    for (const query of QUERIES) {
      phase = query;
      const timing = await tab.evaluate(
        async ([q, size]) => {
          type Result = { data: () => Promise<unknown> };
          const pagefind = (window as unknown as { pagefind: { search: (q: string) => Promise<{ results: Result[] }> } }).pagefind;
          const started = performance.now();
          const search = await pagefind.search(q);
          const page = search.results.slice(0, size).map((result) => result.data());
          await page[0];
          const firstMs = performance.now() - started;
          await Promise.all(page);
          return { firstMs, pageMs: performance.now() - started, results: search.results.length };
        },
        [query, PAGE_SIZE] as const,
      );
      await tab.waitForTimeout(100);
      queries.push({ query, ...timing, bytes: await bytesOf(query) });
    }
    return { initBytes, initMs, queries };
  } finally {
    await browser.close();
    await site.close();
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function bench(name: string, root: string, pages: string) {
  const index = await buildSearchIndex(root);
  const size = folderStats(join(root, 'pagefind'));
  const { initBytes, initMs, queries } = await measure(root);
  console.log(`\n### ${name}\n\n${pages}. Index build ${index.seconds.toFixed(1)} s, ${index.pages} pages; index ${size.files} files, ${kb(size.bytes)}. On load (pagefind.js, wasm, entry, filters): ${kb(initBytes)} in ${initMs.toFixed(0)} ms.\n`);
  console.log(`| query | results | fetched (index + first ${PAGE_SIZE} results) | first result | first ${PAGE_SIZE} results | within targets |`);
  console.log('| --- | ---: | ---: | ---: | ---: | --- |');
  const within = (query: QueryResult) => query.bytes <= TARGET_BYTES && query.firstMs <= TARGET_MS;
  for (const query of queries) {
    console.log(`| ${query.query} | ${query.results} | ${kb(query.bytes)} | ${query.firstMs.toFixed(0)} ms | ${query.pageMs.toFixed(0)} ms | ${within(query) ? 'yes' : 'NO'} |`);
  }
  return queries.every(within);
}

const work = mkdtempSync(join(tmpdir(), 'bench-search-'));
try {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST}/ is missing: run npm run build first`);
  const siteCopy = join(work, 'site');
  cpSync(DIST, siteCopy, { recursive: true });
  rmSync(join(siteCopy, 'pagefind'), { recursive: true, force: true });
  const siteOk = await bench(`This site (${DIST}/)`, siteCopy, `${readdirSync(siteCopy, { recursive: true }).filter((file) => String(file).endsWith('.html')).length} HTML files`);

  const articles = loadPolicyLibrary('data').flatMap((entry) => (entry.kind === 'text' ? allArticles(entry) : []));
  const random = seededRandom(20170322);
  const corpus = join(work, 'synthetic');
  let chars = 0;
  for (let index = 1; index <= PAGES; index++) {
    const page = syntheticPage(index, articles, random, 2000 + Math.floor(random() * 13000));
    mkdirSync(join(corpus, `pages/${index}`), { recursive: true });
    writeFileSync(join(corpus, page.path), page.html);
    chars += page.chars;
  }
  const corpusOk = await bench(`Synthetic corpus (${PAGES.toLocaleString('en')} pages, temp folder, not shipped)`, corpus, `${articles.length} real articles recombined, ${Math.round(chars / PAGES).toLocaleString('en')} characters per page on average`);
  console.log(`\nTargets: ≤ ${kb(TARGET_BYTES)} per query, first results ≤ ${TARGET_MS} ms: ${siteOk && corpusOk ? 'met' : 'NOT met'}.`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
