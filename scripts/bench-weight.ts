/**
 * npm run bench:weight — what each kind of page makes a reader download (gzip), against
 * the budgets of issues 3 and 4. Reads the built dist/; run npm run build first.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pageWeight, type PageWeight } from '../src/lib/site/weight.ts';

const DIST = process.env.OUT_DIR ?? 'dist';
if (!existsSync(DIST)) {
  console.error('dist/ is missing: run npm run build first');
  process.exit(1);
}

const KB = 1024;
/** Page types: a URL pattern, and the budgets (gzip bytes) that apply. */
const TYPES: { name: string; pattern: RegExp; js?: number; css?: number }[] = [
  { name: 'home', pattern: /^\/$/, css: 15 * KB },
  { name: 'dataset', pattern: /^\/data\/[^/]+\/$/, js: 15 * KB, css: 15 * KB },
  { name: 'chart', pattern: /^\/charts\/[^/]+\/$/, js: 25 * KB, css: 15 * KB },
  { name: 'embed', pattern: /^\/embed\/[^/]+\/(v[^/]+\/)?$/, js: 15 * KB, css: 15 * KB },
  { name: 'map', pattern: /^\/maps\/[^/]*\/?$/, js: 60 * KB, css: 15 * KB },
  { name: 'map embed', pattern: /^\/embed\/maps\/[^/]+\/(v[^/]+\/)?$/, js: 60 * KB, css: 15 * KB },
  { name: 'place', pattern: /^\/places\/[^/]+\/$/, css: 15 * KB },
  { name: 'policy', pattern: /^\/policies\/[^/]+\/$/, css: 15 * KB },
  { name: 'search', pattern: /^\/search\/$/, css: 15 * KB },
];

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
const pages = walk(DIST)
  .filter((file) => file.endsWith('index.html'))
  .map((file) => `/${relative(DIST, file).split(sep).join('/').replace(/index\.html$/, '')}`);

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
const verdict = (value: number, budget: number | undefined) => (budget === undefined ? '' : value <= budget ? ` ≤ ${kb(budget)} ✓` : ` > ${kb(budget)} ✗`);

console.log('| page type | pages | heaviest page | HTML (gzip) | JS (gzip) | CSS (gzip) |');
console.log('| --- | --- | --- | --- | --- | --- |');
let over = 0;
for (const type of TYPES) {
  const weights: PageWeight[] = pages.filter((page) => type.pattern.test(page)).map((page) => pageWeight(DIST, page));
  if (weights.length === 0) continue;
  const heaviest = weights.reduce((a, b) => (b.js + b.css > a.js + a.css ? b : a));
  const maxJs = Math.max(...weights.map((weight) => weight.js));
  const maxCss = Math.max(...weights.map((weight) => weight.css));
  if ((type.js !== undefined && maxJs > type.js) || (type.css !== undefined && maxCss > type.css)) over++;
  console.log(`| ${type.name} | ${weights.length} | ${heaviest.page} | ${kb(Math.max(...weights.map((weight) => weight.html)))} | ${kb(maxJs)}${verdict(maxJs, type.js)} | ${kb(maxCss)}${verdict(maxCss, type.css)} |`);
}
const resizer = gzipSync(readFileSync(join(DIST, 'embed', 'resize.js')), { level: 9 }).length;
console.log(`\nEmbed resizer for host pages (/embed/resize.js): ${resizer} bytes gzip${verdict(resizer, 2 * KB)}`);
console.log(over === 0 ? 'All page types within budget.' : `${over} page type(s) over budget.`);
