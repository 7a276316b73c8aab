/**
 * npm run bench — builds the site (when a chosen benchmark measures dist/), runs every
 * benchmark one after another (never two at once: the machine has two cores) and writes
 * their tables to bench/RESULTS.md, each section with the commit it was measured on.
 * Benchmarks report; they never fail a build.
 *
 *   npm run bench                    all of them, then bench/RESULTS.md rewritten
 *   npm run bench -- data workbook   only those: their sections of RESULTS.md replaced, the others kept
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

interface Bench {
  key: string;
  title: string;
  script: string;
  /** What it measures, one line for the results file. */
  about: string;
  /** It measures the built site (dist/), so the site is built first. */
  needsBuild: boolean;
}

const BENCHES: Bench[] = [
  { key: 'data', title: 'Data check', script: 'scripts/bench-data.ts', about: 'The data check against a bare PapaParse parse of the same file (target ≤ 2×), and the whole check (target < 3 s).', needsBuild: false },
  { key: 'workbook', title: 'Census workbooks', script: 'scripts/bench-workbook.ts', about: 'The data check of the census .xls/.xlsx datasets (readDataset: read, check, match places, store the tidy rows) against a bare SheetJS read of the same files (target ≤ 2×), and against SheetJS with the reader\'s options.', needsBuild: false },
  { key: 'weight', title: 'Page weight', script: 'scripts/bench-weight.ts', about: 'What each kind of page makes a reader download, gzip, against the budgets of issues 3 and 4.', needsBuild: true },
  { key: 'maps', title: 'Map page weight', script: 'scripts/bench-weight-maps.ts', about: 'Every page with a map: JavaScript (Leaflet included, budget 60 KB) and boundary SVG (budget 150 KB), gzip.', needsBuild: true },
  { key: 'search', title: 'Search', script: 'scripts/bench-search.ts', about: 'Pagefind on this site and on a synthetic 5,000-page corpus: index size, bytes per query (target ≤ 150 KB), time to first results (target ≤ 100 ms).', needsBuild: true },
  { key: 'build', title: 'Build scaling', script: 'scripts/bench-build.ts', about: 'The site plus 1,000 and 5,000 generated policy pages against a bare Astro project rendering the same pages.', needsBuild: true },
  { key: 'fixed', title: 'Fixed build cost', script: 'scripts/bench-fixed.ts', about: 'A cold build of the site without added texts, phase by phase, against a bare Astro project of one page.', needsBuild: false },
  { key: 'policies', title: 'Policy corpus', script: 'scripts/bench-policies.ts', about: 'The site with the 1,738-text policy corpus added: refusals, build cost per added text against bare Astro + bare Pagefind (goal ≤ 1.3×), peak memory, and the search query suite.', needsBuild: false },
  { key: 'lighthouse', title: 'Lighthouse (mobile)', script: 'scripts/bench-lighthouse.ts', about: 'Lighthouse with its default mobile settings on the home page, a chart, a map and search (target 100 in each category).', needsBuild: true },
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((key) => !BENCHES.some((bench) => bench.key === key));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')}; choose from ${BENCHES.map((bench) => bench.key).join(', ')}`);
  process.exit(2);
}
const selected = wanted.length === 0 ? BENCHES : BENCHES.filter((bench) => wanted.includes(bench.key));

function command(file: string, args: string[]): string {
  try {
    return execFileSync(file, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'not found';
  }
}

const started = new Date();
const dirty = command('git', ['status', '--porcelain']) !== '';
const machine = [
  '- Each section names the date and commit it was measured on (`npm run bench -- <keys>` re-measures some and keeps the others).',
  `- Machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB; Node ${process.version}; ${command('/usr/bin/chromium', ['--version'])}.`,
  '- Timings on this machine are noisy: compare numbers within one run (ratios), not across runs.',
];

if (selected.some((bench) => bench.needsBuild)) {
  console.log('building the site first (npm run build)…');
  const build = spawnSync(process.execPath, ['scripts/build.ts'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) {
    console.error('the build failed; nothing measured');
    process.exit(1);
  }
}
const measuredOn = `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC on commit \`${command('git', ['rev-parse', '--short', 'HEAD'])}\`${dirty ? ' with uncommitted changes' : ''}.`;

const sections: { title: string; text: string; empty: boolean }[] = [];
for (const bench of selected) {
  console.log(`\n▶ ${bench.title} (${bench.script})`);
  const runStarted = performance.now();
  const run = spawnSync(process.execPath, [bench.script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 2 ** 20 });
  const seconds = (performance.now() - runStarted) / 1000;
  process.stdout.write(run.stdout);
  // A script's own `## heading` gives way to the one here.
  const output = run.stdout.replace(/^\s*## [^\n]*\n/, '').trim();
  const status = run.status === 0 ? '' : ` It exited with status ${run.status ?? run.signal}: ${run.status === 1 ? 'something is over its budget or target (see above)' : 'see its output'}.`;
  // Other work on a shared machine slows both sides of a ratio, but not alike: say how busy it was.
  const load = ` Load average at the end: ${loadavg()[0]?.toFixed(1) ?? '?'} on ${cpus().length} cores.`;
  sections.push({ title: bench.title, text: `## ${bench.title}\n\n${bench.about} \`node ${bench.script}\`, ${seconds.toFixed(0)} s. ${measuredOn}${load}${status}\n\n${output}\n`, empty: output === '' });
}

const RESULTS = 'bench/RESULTS.md';
const header = `# Benchmark results\n\nWritten by \`npm run bench\` (scripts/bench.ts); each section is the output of one script.\n\n${machine.join('\n')}\n\n`;
if (wanted.length === 0 || !existsSync(RESULTS)) {
  mkdirSync('bench', { recursive: true });
  writeFileSync(RESULTS, `${header}${sections.map((section) => section.text).join('\n')}`);
  console.log(`\nwrote ${RESULTS} (${((Date.now() - started.getTime()) / 60000).toFixed(1)} min in all)`);
} else {
  // Only the benchmarks run are replaced; the others keep the numbers (and commit) they were measured with.
  const text = readFileSync(RESULTS, 'utf8');
  const previous = text.split(/^(?=## )/m).slice(1);
  // A results file written before sections named their commit names it in its header: keep it for those sections.
  const older = /^- Measured (.*)$/m.exec(text)?.[1];
  const headerNow = older === undefined ? header : header.replace('\n\n- ', `\n\n- Sections that name no date: measured ${older}\n- `);
  const byTitle = new Map(previous.map((part) => [part.slice(3, part.indexOf('\n')), `${part.trimEnd()}\n`]));
  // A section whose script printed nothing keeps what it measured before.
  for (const section of sections.filter((measured) => !measured.empty)) byTitle.set(section.title, section.text);
  const ordered = [...BENCHES.map((bench) => bench.title), ...byTitle.keys()].filter((title, index, titles) => titles.indexOf(title) === index && byTitle.has(title));
  writeFileSync(RESULTS, `${headerNow}${ordered.map((title) => byTitle.get(title)).join('\n')}`);
  console.log(`\nupdated the ${selected.map((bench) => bench.title).join(', ')} section(s) of ${RESULTS}`);
}
