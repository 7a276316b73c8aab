/**
 * node scripts/bench-build.ts — how the build scales with the number of pages: the whole
 * site build (scripts/build.ts: data check, astro build, Pagefind, sitemap) from a copy of
 * data/ plus N synthetic policy texts (real articles recombined; temp folder only, never
 * shipped), against a bare Astro project rendering the same N texts, in the same run. The
 * cost per page is the marginal time over N = 0, and the ratio of the two is what is
 * compared (timings on a shared machine are noisy). BENCH_SIZES=200 runs it small.
 *
 * Progress goes to stderr; stdout is only the Markdown section for bench/RESULTS.md.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stringify as stringifyYaml } from 'yaml';
import { writeBareAstroProject } from '../src/lib/bench/bare-astro.ts';
import { BenchBuilds, cleanUpOnSignal, bestSiteRun, type BareRun, type SiteRun } from '../src/lib/bench/builds.ts';
import { cpuTimeAvailable } from '../src/lib/bench/cpu.ts';
import { count, fastest, fastestKnown, fileSize, perPage, ratio, repeat, seconds } from '../src/lib/bench/format.ts';
import { loadPolicyLibrary, POLICIES_FILE, POLICY_DIR, readPoliciesFile } from '../src/lib/policy/library.ts';
import { allArticles } from '../src/lib/policy/units.ts';
import type { PolicyTextMeta } from '../src/schemas/policy.ts';
import { seededRandom, syntheticPolicy } from '../src/lib/search/synthetic.ts';

const ROOT = resolve('.');
const SIZES = (process.env.BENCH_SIZES ?? '1000,5000').split(',').map((size) => Number(size.trim()));
if (SIZES.some((size) => !Number.isInteger(size) || size <= 0)) throw new Error(`BENCH_SIZES must be positive whole numbers joined by commas, got "${process.env.BENCH_SIZES}"`);
const COUNTS = [0, ...new Set(SIZES.toSorted((a, b) => a - b))];
/** Sizes up to this many pages are built twice and the faster run kept; larger ones take minutes and run once. */
const BEST_OF_TWO_UP_TO = 1000;
const SEED = 20170322;

const log = (line: string) => console.error(line);

interface Row {
  count: number;
  site: SiteRun;
  bare: BareRun;
}

const work = mkdtempSync(join(tmpdir(), 'benchbuild-'));
const builds = new BenchBuilds(ROOT, work);
cleanUpOnSignal(work, () => [builds]);

const started = performance.now();
const loadAtStart = loadavg();
const rows: Row[] = [];
let syntheticChars = 0;
try {
  const dataRoot = join(work, 'data');
  cpSync('data', dataRoot, { recursive: true });
  const policyDir = join(dataRoot, POLICY_DIR);
  const table = readPoliciesFile(dataRoot);
  const articles = loadPolicyLibrary(dataRoot).flatMap((entry) => (entry.kind === 'text' ? allArticles(entry) : []));
  const realEntries = table.texts.length + table.reported.length;

  const bareDir = join(work, 'bare');
  writeBareAstroProject({ dir: bareDir, nodeModules: join(ROOT, 'node_modules'), contentDir: policyDir, pattern: 'synthetic-*.md' });

  const random = seededRandom(SEED);
  const generated: PolicyTextMeta[] = [];
  for (const size of COUNTS) {
    // Policy i is the same at every size: each size adds the next policies of one seeded sequence.
    while (generated.length < size) {
      const policy = syntheticPolicy(generated.length + 1, articles, random, 2000 + Math.floor(random() * 13000));
      writeFileSync(join(policyDir, policy.meta.file), policy.markdown);
      generated.push(policy.meta);
      syntheticChars += policy.chars;
    }
    writeFileSync(join(policyDir, POLICIES_FILE), stringifyYaml({ ...table, texts: [...table.texts, ...generated] }, { lineWidth: 0 }));
    const library = loadPolicyLibrary(dataRoot);
    if (library.length !== realEntries + size) throw new Error(`the policy library in ${dataRoot} has ${library.length} entries, expected ${realEntries} real and ${size} synthetic`);

    const runs = size <= BEST_OF_TWO_UP_TO ? 2 : 1;
    const cpuNote = (cpu: number | undefined) => (cpu === undefined ? '' : `, CPU ${seconds(cpu)}`);
    log(`N = ${count(size)}: site build …`);
    const siteRuns = await repeat(
      runs,
      () => builds.site(dataRoot, join(work, `site-${size}`)),
      (run) =>
        `${seconds(run.total)} (astro build ${seconds(run.astro)}${cpuNote(run.cpuAstro)}; search index and sitemap ${seconds(run.searchAndSitemap)}), ${count(run.dist.pages)} pages`,
      log,
    );
    log(`N = ${count(size)}: bare astro build …`);
    const bareRuns = await repeat(runs, () => builds.bare(bareDir), (run) => `${seconds(run.total)}${cpuNote(run.cpu)}, ${count(run.dist.pages)} pages`, log);
    const firstBare = bareRuns[0];
    if (!firstBare) throw new Error('no runs');
    const site = bestSiteRun(siteRuns);
    const bare: BareRun = {
      total: fastestKnown(bareRuns.map((run) => run.total)),
      cpu: fastest(bareRuns.map((run) => run.cpu)),
      groupCpu: fastest(bareRuns.map((run) => run.groupCpu)),
      peak: fastest(bareRuns.map((run) => run.peak)),
      dist: firstBare.dist,
    };

    const base = rows[0];
    if (base && site.dist.pages - base.site.dist.pages !== size) throw new Error(`the site built ${site.dist.pages - base.site.dist.pages} more pages with ${size} synthetic policies than without`);
    if (bare.dist.pages !== size + 1) throw new Error(`the bare project built ${bare.dist.pages} pages for ${size} policies and its index`);
    rows.push({ count: size, site, bare });
  }
} finally {
  builds.stop();
  rmSync(work, { recursive: true, force: true });
}

const base = rows[0];
if (!base) throw new Error('no results');
const added = (value: number | undefined, baseValue: number | undefined, size: number) => (value === undefined || baseValue === undefined ? undefined : (value - baseValue) / size);
/** Marginal cost of one added page, in wall time and in CPU time. */
const marginal = (row: Row) => ({
  wall: {
    siteAstro: added(row.site.astro, base.site.astro, row.count),
    siteTotal: added(row.site.total, base.site.total, row.count),
    bare: added(row.bare.total, base.bare.total, row.count),
  },
  cpu: {
    siteAstro: added(row.site.cpuAstro, base.site.cpuAstro, row.count),
    bare: added(row.bare.cpu, base.bare.cpu, row.count),
  },
});
const largest = rows.at(-1) ?? base;
const averageChars = Math.round(syntheticChars / Math.max(largest.count, 1));
const cpuModel = cpus()[0]?.model.trim() ?? 'unknown CPU';
const print = (line = '') => console.log(line);

print('## Build scaling');
print();
print(
  `The whole site build (\`node scripts/build.ts\`: data check, astro build, Pagefind, sitemap) from a copy of data/ plus N synthetic policy texts ` +
    `(the real texts' articles recombined, ${count(averageChars)} characters each on average, generated into a temp folder, never shipped), ` +
    `against a bare Astro project that renders the same N Markdown files as plain pages (glob content collection, one \`[slug].astro\`), all in one run. ` +
    `Cost per page is the marginal cost over N = 0, and the ratio is site ÷ bare: "astro build" compares like with like, "whole build" adds the data check, Pagefind and the sitemap, which the bare project does not have. ` +
    `CPU time (user + system, GNU time) of the two astro builds is shown beside wall time because the machine is shared.`,
);
print();
print('| N synthetic policies | site: whole build | site: astro build | site: Pagefind + sitemap | bare: astro build | CPU time, astro build: site / bare | HTML pages site / bare | dist site / bare |');
print('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const row of rows) {
  const cpu = cpuTimeAvailable ? `${seconds(row.site.cpuAstro)} / ${seconds(row.bare.cpu)}` : 'no GNU time';
  const cells = [
    count(row.count),
    seconds(row.site.total),
    seconds(row.site.astro),
    seconds(row.site.searchAndSitemap),
    seconds(row.bare.total),
    cpu,
    `${count(row.site.dist.pages)} / ${count(row.bare.dist.pages)}`,
    `${fileSize(row.site.dist.bytes)} / ${fileSize(row.bare.dist.bytes)}`,
  ];
  print(`| ${cells.join(' | ')} |`);
}
print();
print('| N | site astro build, per added page | bare astro build, per added page | ratio | the same in CPU time: site | bare | ratio | site whole build, per added page | ratio to bare | dist per added page: site / bare |');
print('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const row of rows.slice(1)) {
  const { wall, cpu } = marginal(row);
  const cells = [
    count(row.count),
    perPage(wall.siteAstro),
    perPage(wall.bare),
    ratio(wall.siteAstro, wall.bare),
    perPage(cpu.siteAstro),
    perPage(cpu.bare),
    ratio(cpu.siteAstro, cpu.bare),
    perPage(wall.siteTotal),
    ratio(wall.siteTotal, wall.bare),
    `${fileSize((row.site.dist.bytes - base.site.dist.bytes) / row.count)} / ${fileSize((row.bare.dist.bytes - base.bare.dist.bytes) / row.count)}`,
  ];
  print(`| ${cells.join(' | ')} |`);
}
print();
if (largest.count > 0) {
  const { wall, cpu } = marginal(largest);
  const cpuPart = cpuTimeAvailable ? ` In CPU time the astro build ratio is ${ratio(cpu.siteAstro, cpu.bare)} (${perPage(cpu.siteAstro)} against ${perPage(cpu.bare)}).` : '';
  print(
    `At N = ${count(largest.count)}, an added policy page costs the site ${perPage(wall.siteAstro)} of astro build against ${perPage(wall.bare)} for the bare project ` +
      `(ratio ${ratio(wall.siteAstro, wall.bare)}), and ${perPage(wall.siteTotal)} of the whole build with Pagefind (ratio ${ratio(wall.siteTotal, wall.bare)}).${cpuPart} The issue sets no target; the ratio is reported.`,
  );
  print();
}
const load = (values: number[]) => values.map((value) => value.toFixed(2)).join(' ');
print(
  `Machine: Node ${process.version}, ${availableParallelism()} cores (${cpuModel}); load average ${load(loadAtStart)} at the start, ${load(loadavg())} at the end (other work shares the machine). ` +
    `Runs: best of 2 for N ≤ ${count(BEST_OF_TWO_UP_TO)} (each timing's faster run), one run above; builds one at a time. Wall time ${((performance.now() - started) / 60000).toFixed(1)} min.`,
);
