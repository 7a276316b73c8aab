/**
 * node scripts/bench-fixed.ts — what the site's fixed build cost is made of: a cold build of
 * the site as it is (scripts/build.ts from a copy of data/, with a fresh content cache), split
 * into the phases its log reports (src/lib/bench/phases.ts), against a bare Astro project that
 * builds one page. BENCH_BEFORE=<folder> also builds another checkout of the project (an older
 * commit, e.g. `git archive <commit> | tar -x -C <folder>`, node_modules linked) in the same
 * run, for a before/after table. BENCH_RUNS (default 2): best of that many builds.
 *
 * Progress goes to stderr; stdout is only the Markdown section for bench/RESULTS.md.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeBareAstroProject } from '../src/lib/bench/bare-astro.ts';
import { BenchBuilds, cleanUpOnSignal, bestSiteRun, type SiteRun } from '../src/lib/bench/builds.ts';
import { fastest, fastestKnown, fileSize, repeat, seconds } from '../src/lib/bench/format.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 2);
const trees = [
  ...(process.env.BENCH_BEFORE ? [{ name: 'before', root: resolve(process.env.BENCH_BEFORE) }] : []),
  { name: process.env.BENCH_BEFORE ? 'now' : 'site', root: resolve('.') },
];
const log = (line: string) => console.error(line);
const print = (line = '') => console.log(line);

const work = mkdtempSync(join(tmpdir(), 'bench-fixed-'));
const running: BenchBuilds[] = [];
cleanUpOnSignal(work, () => running);

const started = performance.now();
const loadAtStart = loadavg();
try {
  const results: { name: string; run: SiteRun }[] = [];
  for (const tree of trees) {
    const builds = new BenchBuilds(tree.root, join(work, tree.name));
    running.push(builds);
    const dataRoot = join(work, tree.name, 'data');
    cpSync(join(tree.root, 'data'), dataRoot, { recursive: true });
    log(`${tree.name} (${tree.root}): cold site build …`);
    const runs = await repeat(RUNS, () => builds.site(dataRoot, join(work, tree.name, 'dist')), (run) => `${seconds(run.total)}, CPU ${seconds(run.groupCpu)}`, log);
    results.push({ name: tree.name, run: bestSiteRun(runs) });
  }
  const bareDir = join(work, 'bare');
  const bareBuilds = new BenchBuilds(resolve('.'), join(work, 'bare-shims'));
  running.push(bareBuilds);
  mkdirSync(join(work, 'no-texts'));
  writeBareAstroProject({ dir: bareDir, nodeModules: resolve('node_modules'), contentDir: join(work, 'no-texts'), pattern: '*.md' });
  log('bare Astro project, one page …');
  const bare = await repeat(RUNS, () => bareBuilds.bare(bareDir), (run) => seconds(run.total), log);

  const column = (pick: (run: SiteRun) => number | undefined) => results.map(({ run }) => seconds(pick(run))).join(' | ');
  const groups = [...new Set(results.flatMap(({ run }) => Object.keys(run.phases.routeGroups)))].sort(
    (a, b) => Math.max(...results.map(({ run }) => run.phases.routeGroups[b] ?? 0)) - Math.max(...results.map(({ run }) => run.phases.routeGroups[a] ?? 0)),
  );
  print('## Fixed build cost');
  print();
  print(
    `A cold build of the site without any added text (\`node scripts/build.ts\` from a copy of data/, fresh content cache), split by what its log reports; ${RUNS === 1 ? 'one run' : `best of ${RUNS} runs`}. ` +
      'Wall times on a shared machine (the other work inflates them); CPU time (user + system) counts every process of the build, sampled from /proc, and the astro build alone by GNU time. Static routes by kind add up each page\'s own `(+N ms)`.',
  );
  print();
  print(`| phase | ${results.map(({ name }) => name).join(' | ')} |`);
  print(`| --- | ${results.map(() => '---:').join(' | ')} |`);
  print(`| whole build (wall) | ${column((run) => run.total)} |`);
  print(`| whole build (CPU, every process) | ${column((run) => run.groupCpu)} |`);
  print(`| astro build (CPU) | ${column((run) => run.cpuAstro)} |`);
  print(`| data check (datasets, policies) | ${column((run) => run.phases.check)} |`);
  print(`| astro build | ${column((run) => run.astro)} |`);
  print(`| content sync and types | ${column((run) => run.phases.sync)} |`);
  print(`| bundling (Vite) | ${column((run) => run.phases.bundle)} |`);
  print(`| static routes | ${column((run) => run.phases.routes)} |`);
  for (const group of groups) print(`| routes: ${group} | ${column((run) => run.phases.routeGroups[group])} |`);
  print(`| search index (Pagefind) | ${column((run) => run.phases.search)} |`);
  print(`| peak memory (largest process) | ${results.map(({ run }) => (run.peak === undefined ? '—' : fileSize(run.peak))).join(' | ')} |`);
  print();
  print(`Bare Astro project (one page, no integration): ${seconds(fastestKnown(bare.map((run) => run.total)))} wall, CPU ${seconds(fastest(bare.map((run) => run.groupCpu)))}.`);
  print();
  const load = (values: number[]) => values.map((value) => value.toFixed(2)).join(' ');
  print(`Machine: Node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}); load average ${load(loadAtStart)} at the start, ${load(loadavg())} at the end. Wall time ${((performance.now() - started) / 60000).toFixed(1)} min.`);
} finally {
  for (const builds of running) builds.stop();
  rmSync(work, { recursive: true, force: true });
}
