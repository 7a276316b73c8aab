/**
 * npm run bench:policies — the site with the whole 1,738-text policy corpus added
 * (../shared/corpus/laws-1738.tar.xz, in a temporary copy of data/, never shipped): the
 * parser's refusals, the whole build's cost per added text against a bare Astro project and
 * bare Pagefind over the same texts in the same run (goal ≤ 1.3×), peak memory, and the search
 * query suite's ranks, bytes and times on the built copy. BENCH_RUNS=1 builds each once
 * (default: best of 2).
 *
 * Progress goes to stderr; stdout is only the Markdown section for bench/RESULTS.md.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeBareAstroProject } from '../src/lib/bench/bare-astro.ts';
import { BenchBuilds, cleanUpOnSignal, bestSiteRun, type BareRun, type SiteRun } from '../src/lib/bench/builds.ts';
import { count, fastest, fastestKnown, fileSize, perPage, ratio, repeat, seconds } from '../src/lib/bench/format.ts';
import { addCorpusTexts } from '../src/lib/policy/corpus-library.ts';
import { locateCorpus, surveyLines, surveyPolicies } from '../src/lib/policy/corpus.ts';
import { POLICY_DIR } from '../src/lib/policy/library.ts';
import { launchChromium } from '../tests/helpers/browser.ts';
import { runQuerySuite, suiteProblems, suiteTable } from '../tests/helpers/search-suite.ts';
import { serveDist } from '../tests/helpers/site.ts';

const ROOT = resolve('.');
const RUNS = Number(process.env.BENCH_RUNS ?? 2);
const GOAL = 1.3;
const log = (line: string) => console.error(line);
const print = (line = '') => console.log(line);

const corpus = locateCorpus();
if (!corpus) {
  console.error('bench:policies needs the corpus: ../shared/corpus/laws-1738.tar.xz beside the project (see ../shared/data/SOURCES.md)');
  process.exit(2);
}

/** The bare baseline: astro build of the bare project, then Pagefind's own command with its defaults over its dist/. */
interface BareBuild {
  astro: BareRun;
  pagefind: { total: number; groupCpu: number | undefined };
  total: number;
  /** CPU time of both, every process sampled. */
  cpu: number | undefined;
}

const work = mkdtempSync(join(tmpdir(), 'bench-policies-'));
const builds = new BenchBuilds(ROOT, work);
cleanUpOnSignal(work, () => [builds]);

async function bareBuild(dir: string): Promise<BareBuild> {
  const astro = await builds.bare(dir, { keep: true });
  const pagefind = await builds.barePagefind(join(dir, 'dist'));
  rmSync(join(dir, 'dist'), { recursive: true, force: true });
  const cpu = astro.groupCpu === undefined || pagefind.groupCpu === undefined ? undefined : astro.groupCpu + pagefind.groupCpu;
  return { astro, pagefind, total: astro.total + pagefind.total, cpu };
}

/**
 * The site build and the bare build one after the other, `RUNS` times, each timing's best:
 * taken in turns, the two meet the same load from the machine's other work.
 */
async function pairs(site: () => Promise<SiteRun>, describe: (run: SiteRun) => string): Promise<[SiteRun, BareBuild]> {
  const runs = await repeat(
    RUNS,
    async () => ({ site: await site(), bare: await bareBuild(join(work, 'bare')) }),
    (run) => `${describe(run.site)}, CPU ${seconds(run.site.groupCpu)}; bare ${seconds(run.bare.astro.total)} + Pagefind ${seconds(run.bare.pagefind.total)}, CPU ${seconds(run.bare.cpu)}, ${count(run.bare.astro.dist.pages)} pages`,
    log,
  );
  return [bestSiteRun(runs.map((run) => run.site)), bestBare(runs.map((run) => run.bare))];
}

function bestBare(runs: readonly BareBuild[]): BareBuild {
  const [first] = runs;
  if (!first) throw new Error('no runs');
  return {
    astro: {
      total: fastestKnown(runs.map((run) => run.astro.total)),
      cpu: fastest(runs.map((run) => run.astro.cpu)),
      groupCpu: fastest(runs.map((run) => run.astro.groupCpu)),
      peak: fastest(runs.map((run) => run.astro.peak)),
      dist: first.astro.dist,
    },
    pagefind: { total: fastestKnown(runs.map((run) => run.pagefind.total)), groupCpu: fastest(runs.map((run) => run.pagefind.groupCpu)) },
    total: fastestKnown(runs.map((run) => run.total)),
    cpu: fastest(runs.map((run) => run.cpu)),
  };
}

const memory = (bytes: number | undefined) => (bytes === undefined ? '—' : fileSize(bytes));
const started = performance.now();
const loadAtStart = loadavg();
try {
  log('surveying the corpus …');
  const survey = surveyPolicies(corpus);
  for (const line of surveyLines(survey)) log(`  ${line}`);

  const dataRoot = join(work, 'data');
  cpSync('data', dataRoot, { recursive: true });
  const bareDir = join(work, 'bare');
  // The same files the site adds, under the names it gives them.
  writeBareAstroProject({ dir: bareDir, nodeModules: join(ROOT, 'node_modules'), contentDir: join(dataRoot, POLICY_DIR), pattern: 'corpus-*.md' });

  log('N = 0: site build, then bare build and bare Pagefind …');
  const [site0, bare0] = await pairs(
    () => builds.site(dataRoot, join(work, 'site-0')),
    (run) => `site ${seconds(run.total)}, ${count(run.dist.pages)} pages`,
  );

  const { added, shipped } = addCorpusTexts(dataRoot, corpus);
  const size = added.length;
  log(`N = ${count(size)} (${shipped.length} texts the library ships left out): site build, then bare build and bare Pagefind …`);
  const siteDist = join(work, 'site-n');
  const [siteN, bareN] = await pairs(
    () => builds.site(dataRoot, siteDist, { keep: true }),
    (run) => `site ${seconds(run.total)} (check ${seconds(run.check)}, astro ${seconds(run.astro)}, Pagefind and sitemap ${seconds(run.searchAndSitemap)}), ${count(run.dist.pages)} pages`,
  );
  if (siteN.dist.pages - site0.dist.pages !== size) throw new Error(`the site built ${siteN.dist.pages - site0.dist.pages} more pages with ${size} texts added`);
  if (bareN.astro.dist.pages !== size + 1) throw new Error(`the bare project built ${bareN.astro.dist.pages} pages for ${size} texts and its index`);

  log('query suite on the site with the corpus …');
  const server = await serveDist({ root: siteDist, compress: true });
  const browser = await launchChromium();
  const suite = await runQuerySuite(browser, server.origin).finally(async () => {
    await browser.close();
    await server.close();
  });

  const marginal = (at0: number | undefined, atN: number | undefined) => (at0 === undefined || atN === undefined ? undefined : (atN - at0) / size);
  const siteText = marginal(site0.total, siteN.total);
  const bareText = marginal(bare0.total, bareN.total);
  const siteCpuText = marginal(site0.groupCpu, siteN.groupCpu);
  const bareCpuText = marginal(bare0.cpu, bareN.cpu);

  print('## Policy corpus');
  print();
  print(
    `The whole ${count(survey.files)}-text corpus (../shared/corpus/laws-1738.tar.xz) added to a temporary copy of the policy library, never shipped: ` +
      `${count(size)} texts (the ${shipped.length} the library already ships left out). The site's whole build (\`node scripts/build.ts\`: data check, astro build, Pagefind, sitemap) ` +
      `against a bare Astro project rendering the same Markdown files (glob collection, one \`[slug].astro\`) followed by Pagefind with its defaults over its dist/, in the same run. ` +
      `Cost per text is the marginal cost over the same builds without the corpus; ${RUNS === 1 ? 'one run each' : `best of ${RUNS} runs each`}.`,
  );
  print();
  print(`Parser over the corpus: ${surveyLines(survey).join('; ')}. Refused files: ${survey.refused.length}${survey.refused.length > 0 ? ` (${survey.refused.join(', ')})` : ''}.`);
  print();
  print(`| build | without the corpus | with ${count(size)} texts | per added text |`);
  print('| --- | ---: | ---: | ---: |');
  const row = (name: string, at0: number | undefined, atN: number | undefined) => print(`| ${name} | ${seconds(at0)} | ${seconds(atN)} | ${perPage(marginal(at0, atN))} |`);
  row('site: whole build', site0.total, siteN.total);
  row('  start and data check (datasets, policy texts)', site0.check, siteN.check);
  row('  astro build', site0.astro, siteN.astro);
  row('  search index (Pagefind) and sitemap', site0.searchAndSitemap, siteN.searchAndSitemap);
  row('bare: astro build + Pagefind', bare0.total, bareN.total);
  row('  astro build', bare0.astro.total, bareN.astro.total);
  row('  Pagefind', bare0.pagefind.total, bareN.pagefind.total);
  row('CPU time, site: whole build (every process)', site0.groupCpu, siteN.groupCpu);
  row('CPU time, bare: astro build + Pagefind (every process)', bare0.cpu, bareN.cpu);
  row('  of which astro build, site (GNU time)', site0.cpuAstro, siteN.cpuAstro);
  row('  of which astro build, bare (GNU time)', bare0.astro.cpu, bareN.astro.cpu);
  print(`| peak memory (largest process): site / bare | ${memory(site0.peak)} / ${memory(bare0.astro.peak)} | ${memory(siteN.peak)} / ${memory(bareN.astro.peak)} | |`);
  print(`| HTML pages: site / bare | ${count(site0.dist.pages)} / ${count(bare0.astro.dist.pages)} | ${count(siteN.dist.pages)} / ${count(bareN.astro.dist.pages)} | |`);
  print(`| dist/: site / bare (before Pagefind) | ${fileSize(site0.dist.bytes)} / ${fileSize(bare0.astro.dist.bytes)} | ${fileSize(siteN.dist.bytes)} / ${fileSize(bareN.astro.dist.bytes)} | ${fileSize((siteN.dist.bytes - site0.dist.bytes) / size)} / ${fileSize((bareN.astro.dist.bytes - bare0.astro.dist.bytes) / size)} |`);
  print();
  // CPU time is what the other work on a shared machine changes least; wall time is shown beside it.
  const within = siteCpuText !== undefined && bareCpuText !== undefined && siteCpuText > 0 && bareCpuText > 0 && siteCpuText / bareCpuText <= GOAL;
  print(
    `An added text costs the site's whole build ${perPage(siteCpuText)} of CPU time against ${perPage(bareCpuText)} for bare Astro + bare Pagefind: ratio ${ratio(siteCpuText, bareCpuText, 2)} ` +
      `(goal ≤ ${GOAL}×: ${within ? 'met' : 'NOT met'}). In wall time ${perPage(siteText)} against ${perPage(bareText)}, ratio ${ratio(siteText, bareText, 2)}, which the machine's other work moves from run to run. ` +
      `CPU time counts every process of each build, sampled from /proc every 0.2 s (Pagefind's indexing binary included, which GNU time misses). Peak memory of the site's build with the corpus: ${memory(siteN.peak)}.`,
  );
  print();
  const problems = suite.flatMap((result) => suiteProblems(result));
  print(`Query suite on the site with the corpus (tests/helpers/search-suite.ts, through /search/ in chromium, served compressed; a fresh browser context per query): ${problems.length === 0 ? 'every query within the rules (top three, ≤ 150 KB per query, ≤ 300 KB first query with initialisation)' : `${problems.length} problems: ${problems.join('; ')}`}.`);
  print();
  for (const line of suiteTable(suite)) print(line);
  print();
  const load = (values: number[]) => values.map((value) => value.toFixed(2)).join(' ');
  print(
    `Machine: Node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}); load average ${load(loadAtStart)} at the start, ${load(loadavg())} at the end (other work shares the machine). ` +
      `Wall time ${((performance.now() - started) / 60000).toFixed(1)} min.`,
  );
  if (!within || problems.length > 0) process.exitCode = 1;
} finally {
  builds.stop();
  rmSync(work, { recursive: true, force: true });
}
