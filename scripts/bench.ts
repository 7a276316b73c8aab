/**
 * npm run bench — builds the site, runs every benchmark one after another (never two at
 * once: the machine has two cores) and writes their tables to bench/RESULTS.md with the
 * machine and commit they were measured on. Benchmarks report; they never fail a build.
 *
 *   npm run bench                 all of them, then bench/RESULTS.md
 *   npm run bench -- data search  only those: printed, and their sections of bench/RESULTS.md
 *                                 replaced (each then says when and on which commit it was measured)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

interface Bench {
  key: string;
  title: string;
  script: string;
  /** What it measures, one line for the results file. */
  about: string;
}

const BENCHES: Bench[] = [
  { key: 'data', title: 'Data check', script: 'scripts/bench-data.ts', about: 'The data check against a bare PapaParse parse of the same file (target ≤ 2×), and the whole check (target < 3 s).' },
  { key: 'workbook', title: 'Census workbooks', script: 'scripts/bench-workbook.ts', about: 'Reading and checking the census .xls/.xlsx files against a bare SheetJS read of the same files, with its defaults and with the reader\'s options (target ≤ 2×).' },
  { key: 'weight', title: 'Page weight', script: 'scripts/bench-weight.ts', about: 'What each kind of page makes a reader download, gzip, against the budgets of issues 3 and 4.' },
  { key: 'maps', title: 'Map page weight', script: 'scripts/bench-weight-maps.ts', about: 'Every page with a map: JavaScript (Leaflet included, budget 60 KB) and boundary SVG (budget 150 KB), gzip.' },
  { key: 'search', title: 'Search', script: 'scripts/bench-search.ts', about: 'Pagefind on this site and on a synthetic 5,000-page corpus: index size, bytes per query (target ≤ 150 KB), time to first results (target ≤ 100 ms).' },
  { key: 'build', title: 'Build scaling', script: 'scripts/bench-build.ts', about: 'The site plus 1,000 and 5,000 generated policy pages against a bare Astro project rendering the same pages.' },
  { key: 'fixed', title: 'Fixed build cost', script: 'scripts/bench-fixed.ts', about: 'A cold build of the site without added texts, phase by phase, against a bare Astro project of one page.' },
  { key: 'policies', title: 'Policy corpus', script: 'scripts/bench-policies.ts', about: 'The site with the 1,738-text policy corpus added: refusals, build cost per added text against bare Astro + bare Pagefind (goal ≤ 1.3×), peak memory, and the search query suite.' },
  { key: 'lighthouse', title: 'Lighthouse (mobile)', script: 'scripts/bench-lighthouse.ts', about: 'Lighthouse with its default mobile settings on the home page, a chart, a map and search (target 100 in each category).' },
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
  `- Measured ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC on commit \`${command('git', ['rev-parse', '--short', 'HEAD'])}\`${dirty ? ' with uncommitted changes' : ''}.`,
  `- Machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB; Node ${process.version}; ${command('/usr/bin/chromium', ['--version'])}.`,
  '- Timings on this machine are noisy: compare numbers within one run (ratios), not across runs.',
];

console.log('building the site first (npm run build)…');
const build = spawnSync(process.execPath, ['scripts/build.ts'], { stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) {
  console.error('the build failed; nothing measured');
  process.exit(1);
}

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
  // Measured alone, a section says when and where; a full run says it once at the top.
  const when = wanted.length === 0 ? '' : `\n\n${machine.slice(0, 2).join('\n')}`;
  sections.push({ title: bench.title, text: `## ${bench.title}\n\n${bench.about} \`node ${bench.script}\`, ${seconds.toFixed(0)} s.${status}${when}\n\n${output}\n`, empty: output === '' });
}

const RESULTS = 'bench/RESULTS.md';
mkdirSync('bench', { recursive: true });
if (wanted.length === 0 || !existsSync(RESULTS)) {
  const markdown = `# Benchmark results\n\nWritten by \`npm run bench\` (scripts/bench.ts); each section is the output of one script.\n\n${machine.join('\n')}\n\n${sections.map((section) => section.text).join('\n')}`;
  writeFileSync(RESULTS, markdown);
} else {
  // Only the sections measured now change; the others keep what they measured, as does a section whose script printed nothing.
  let markdown = readFileSync(RESULTS, 'utf8');
  for (const section of sections.filter((measured) => !measured.empty)) {
    const start = markdown.indexOf(`\n## ${section.title}\n`);
    if (start < 0) {
      markdown = `${markdown.trimEnd()}\n\n${section.text}`;
      continue;
    }
    const next = markdown.indexOf('\n## ', start + 1);
    markdown = `${markdown.slice(0, start + 1)}${section.text}${next < 0 ? '' : `\n${markdown.slice(next + 1)}`}`;
  }
  writeFileSync(RESULTS, markdown);
}
console.log(`\nwrote ${RESULTS} (${((Date.now() - started.getTime()) / 60000).toFixed(1)} min in all)`);
