/**
 * Map pages' weight against the budgets of issue 4: JavaScript a map page loads (gzip,
 * Leaflet included) ≤ 60 KB, and boundary data per map (the inline SVG, gzip) ≤ 150 KB.
 * Reads the built dist/; run npm run build first. Exit 1 when a page is over budget.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pageWeight } from '../src/lib/site/weight.ts';

const DIST = process.env.OUT_DIR ?? 'dist';
const KB = 1024;
const JS_BUDGET = 60 * KB;
const BOUNDARY_BUDGET = 150 * KB;

if (!existsSync(join(DIST, 'maps'))) {
  console.error(`${DIST}/maps/ is missing: run npm run build first`);
  process.exit(1);
}

const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]));
const pages = ['maps', 'embed', 'places']
  .filter((dir) => existsSync(join(DIST, dir)))
  .flatMap((dir) => walk(join(DIST, dir)))
  .filter((file) => file.endsWith('index.html'))
  .map((file) => `/${relative(DIST, file).split(sep).join('/').replace(/index\.html$/, '')}`)
  .filter((page) => readFileSync(join(DIST, page, 'index.html'), 'utf8').includes('<lz-map'))
  .sort();

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
const mark = (value: number, budget: number) => (value <= budget ? '✓' : '✗');
let over = 0;
console.log('| map page | HTML (raw) | HTML (gzip) | JS (gzip, incl. Leaflet) | boundary SVG (gzip) |');
console.log('| --- | --- | --- | --- | --- |');
for (const page of pages) {
  const html = readFileSync(join(DIST, page, 'index.html'), 'utf8');
  const weight = pageWeight(DIST, page);
  const svgs = [...html.matchAll(/<svg class="map-svg"[\s\S]*?<\/svg>/g)].map((match) => match[0]);
  const boundary = svgs.reduce((total, svg) => total + gzipSync(Buffer.from(svg), { level: 9 }).length, 0);
  if (weight.js > JS_BUDGET || boundary > BOUNDARY_BUDGET) over++;
  console.log(`| ${page} | ${kb(Buffer.byteLength(html))} | ${kb(weight.html)} | ${kb(weight.js)} ${mark(weight.js, JS_BUDGET)} | ${kb(boundary)} ${mark(boundary, BOUNDARY_BUDGET)} |`);
}
console.log(`\n${pages.length} map pages; budgets: JS ≤ ${kb(JS_BUDGET)}, boundary data ≤ ${kb(BOUNDARY_BUDGET)} (gzip). ${over === 0 ? 'All within budget.' : `${over} over budget.`}`);
process.exit(over === 0 ? 0 : 1);
