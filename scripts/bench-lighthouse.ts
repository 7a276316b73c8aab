/**
 * npm run bench:lighthouse — Lighthouse's four category scores (default mobile config, simulated
 * throttling) on the home page, a chart, a map and a search, with the audits that keep a score
 * below 100. Serves the built site (OUT_DIR, default dist/) as a host would: the headers of
 * _headers, text brotli-compressed. Chromium resolves no host but 127.0.0.1, so nothing comes from
 * the internet; Lighthouse's error reporting (Sentry) exists only in its CLI, never started by the
 * Node API. A benchmark, not a test: it exits 0 whatever the scores.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from 'chrome-launcher';
import lighthouse, { type Result } from 'lighthouse';
import { CHROMIUM, launchChromium } from '../tests/helpers/browser.ts';
import { serveDist } from '../tests/helpers/site.ts';

const ALL_PAGES: { name: string; path: string }[] = [
  { name: 'home', path: '/' },
  { name: 'chart', path: '/charts/lanzhou-minority-share-2020/' },
  { name: 'map', path: '/maps/lanzhou-minority-share-2020/' },
  { name: 'search', path: `/search/?q=${encodeURIComponent('清真食品')}` },
];
/** LIGHTHOUSE_PAGES=map,search runs only those pages. */
const PAGES = ALL_PAGES.filter((page) => !process.env.LIGHTHOUSE_PAGES || process.env.LIGHTHOUSE_PAGES.split(',').includes(page.name));
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
/** Runs per page; the run with the median performance score is reported, as Lighthouse advises. */
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);

const started = performance.now();
const site = await serveDist({ compress: true });
// The server compresses each file once: a first load of every page, in another browser, keeps that work out of the measured loads.
const warmUp = await launchChromium();
try {
  const tab = await warmUp.newPage();
  for (const page of PAGES) await tab.goto(`${site.origin}${page.path}`, { waitUntil: 'networkidle' });
} finally {
  await warmUp.close();
}
const profile = mkdtempSync(join(tmpdir(), 'lh-chromium-'));
const chrome = await launch({
  chromePath: CHROMIUM,
  userDataDir: profile,
  logLevel: 'silent',
  chromeFlags: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  ],
});

/** Misses that are the site's choice, not a defect, said beside the audit. */
const DELIBERATE: Record<string, string> = {
  'search is-crawlable': 'deliberate: the search page carries noindex, as search engines ask of internal result pages',
};

const score = (lhr: Result, category: (typeof CATEGORIES)[number]) => Math.round((lhr.categories[category]?.score ?? 0) * 100);

/** What an audit's details table names: a message, a URL or an element, shortened to one line. */
function itemsOf(details: unknown): string[] {
  const items = (details as { items?: unknown[] } | undefined)?.items ?? [];
  return items.flatMap((item) => {
    const row = item as { description?: unknown; url?: unknown; node?: { snippet?: unknown } };
    const text = [row.description, row.url, row.node?.snippet].find((value) => typeof value === 'string' && value !== '');
    return typeof text === 'string' ? [text.replace(/\s+/g, ' ').slice(0, 160)] : [];
  });
}

/** Audits of a category that lose points: scored below 1 (metrics, binary checks, insights with savings). */
function failing(page: string, lhr: Result, category: (typeof CATEGORIES)[number]): string[] {
  return (lhr.categories[category]?.auditRefs ?? []).flatMap((ref) => {
    const audit = lhr.audits[ref.id];
    if (!audit || audit.score === null || audit.score >= 1 || ['informative', 'notApplicable', 'manual'].includes(audit.scoreDisplayMode)) return [];
    const shown = audit.displayValue ? ` — ${audit.displayValue}` : '';
    const note = DELIBERATE[`${page} ${audit.id}`];
    const items = (note ? [note] : itemsOf(audit.details).slice(0, 3)).map((item) => `\n    - ${item}`);
    return [`\`${audit.id}\` ${audit.title}${shown} (score ${audit.score.toFixed(2)}${ref.weight > 0 ? `, weight ${Number(ref.weight.toFixed(2))}` : ''})${items.join('')}`];
  });
}

const results: { name: string; path: string; lhr: Result; performances: number[] }[] = [];
let browser = 'chromium';
try {
  browser = ((await (await fetch(`http://127.0.0.1:${chrome.port}/json/version`)).json()) as { Browser: string }).Browser;
  // Chromium's first page load runs cold (one long task of most of a second): a first run, not counted.
  await lighthouse(`${site.origin}/`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
  for (const page of PAGES) {
    const runs: Result[] = [];
    for (let run = 0; run < RUNS; run++) {
      const result = await lighthouse(`${site.origin}${page.path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${page.path}`);
      if (result.lhr.runtimeError) throw new Error(`Lighthouse failed on ${page.path}: ${result.lhr.runtimeError.message}`);
      runs.push(result.lhr);
      if (process.env.LIGHTHOUSE_REPORTS) writeFileSync(join(process.env.LIGHTHOUSE_REPORTS, `${page.name}-${run + 1}.json`), result.report as string);
    }
    const sorted = [...runs].sort((a, b) => score(a, 'performance') - score(b, 'performance'));
    const median = sorted[Math.floor((sorted.length - 1) / 2)];
    if (!median) throw new Error(`no Lighthouse run for ${page.path}`);
    results.push({ ...page, lhr: median, performances: runs.map((lhr) => score(lhr, 'performance')) });
  }
} finally {
  chrome.kill();
  rmSync(profile, { recursive: true, force: true });
  await site.close();
}

console.log('## Lighthouse (mobile)\n');
console.log('| page | performance | accessibility | best practices | SEO |');
console.log('| --- | --- | --- | --- | --- |');
for (const { name, path, lhr, performances } of results) {
  const perf = RUNS > 1 ? `${score(lhr, 'performance')} (runs: ${performances.join(', ')})` : String(score(lhr, 'performance'));
  console.log(`| ${name} \`${decodeURI(path)}\` | ${perf} | ${score(lhr, 'accessibility')} | ${score(lhr, 'best-practices')} | ${score(lhr, 'seo')} |`);
}
const misses = results.flatMap(({ name, lhr }) =>
  CATEGORIES.filter((category) => score(lhr, category) < 100).map((category) => ({ name, category, audits: failing(name, lhr, category) })),
);
if (misses.length > 0) {
  console.log('\nBelow 100:\n');
  for (const { name, category, audits } of misses) {
    console.log(`- ${name}, ${category}:`);
    for (const audit of audits) console.log(`  - ${audit}`);
  }
}
const first = results[0]?.lhr;
const seconds = ((performance.now() - started) / 1000).toFixed(0);
console.log(
  `\nLighthouse ${first?.lighthouseVersion ?? '?'}, ${browser} (${CHROMIUM}); ` +
    `default mobile config, simulated throttling; ${RUNS === 1 ? 'one run per page' : `median of ${RUNS} runs per page by performance score, other categories from that run`}; ` +
    `site served from 127.0.0.1 with _headers and brotli; ${seconds} s.`,
);
