/**
 * npm run build — checks the data, builds the site into a fresh folder, and only then
 * replaces dist/. A build that fails (bad data, a page error) leaves the previous dist/
 * exactly as it was.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkDatasets } from '../src/lib/data/check.ts';
import { CHECKED_DATA_ENV, writeCheckedData } from '../src/lib/data/checked.ts';
import { DATA_ROOT } from '../src/lib/data/paths.ts';
import { reportLines } from '../src/lib/data/report.ts';
import { checkPolicyLibrary } from '../src/lib/policy/library.ts';
import { policyProgress } from '../src/lib/policy/report.ts';
import { buildSearchIndex } from '../src/lib/search/index-site.ts';
import { headersFile } from '../src/lib/site/headers.ts';
import { writeSitemap } from '../src/lib/site/sitemap.ts';
import { SITE_URL } from '../src/lib/site/url.ts';

const OUT_DIR = process.env.OUT_DIR ?? 'dist';
// One staging folder per build process, so that two builds at once never share one.
const STAGING = `.build-tmp/${process.pid}`;
const NEW_OUT = `${STAGING}/dist`;
const OLD_OUT = `${STAGING}/previous`;
/** The data check's result, handed to the Astro build so that its loaders do not check again. */
const CHECKED = `${STAGING}/checked-data.bin`;

const started = performance.now();
console.log('1/4 data check');
const report = checkDatasets(DATA_ROOT, {
  onDataset: (result, index, total) => console.log(`  ${reportLines.progress(result, index, total)}`),
});
const policies = checkPolicyLibrary(DATA_ROOT, DATA_ROOT);
console.log(`  ${policyProgress(policies)}`);
report.problems.push(...policies.problems);
const { problemLines, summary, failed } = reportLines.finish(report);
// Errors stop the build and are all printed; warnings (published sums that do not add up,
// kept as published) are counted here and listed by npm run data:check.
const errorLines = problemLines.filter((line) => line.includes(': error: '));
for (const line of errorLines) console.log(line);
if (problemLines.length > errorLines.length) console.log(`  ${problemLines.length - errorLines.length} warnings: npm run data:check lists each with its file and cell`);
console.log(`  ${summary}`);
if (failed) {
  console.error(`Build stopped: fix the problems above. ${existsSync(OUT_DIR) ? `The previous ${OUT_DIR}/ is untouched.` : ''}`);
  process.exit(1);
}

console.log('2/4 astro build');
rmSync(STAGING, { recursive: true, force: true });
mkdirSync(STAGING, { recursive: true });
writeCheckedData(CHECKED, DATA_ROOT, report, policies);
const astro = spawnSync('astro', ['build', '--outDir', NEW_OUT], {
  stdio: 'inherit',
  env: {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    [CHECKED_DATA_ENV]: resolve(CHECKED),
    // A build from another data folder (a test fixture) keeps its content cache to itself.
    ...(DATA_ROOT === 'data' ? {} : { ASTRO_CACHE_DIR: `${STAGING}/cache` }),
  },
});
if (astro.status !== 0) {
  rmSync(STAGING, { recursive: true, force: true });
  console.error(`Build failed. ${existsSync(OUT_DIR) ? `The previous ${OUT_DIR}/ is untouched.` : ''}`);
  process.exit(astro.status ?? 1);
}

console.log('3/4 search index, sitemap and _headers');
try {
  const index = await buildSearchIndex(NEW_OUT);
  const pages = writeSitemap(NEW_OUT, SITE_URL);
  writeFileSync(`${NEW_OUT}/_headers`, headersFile());
  console.log(`  pagefind: ${index.pages} pages, ${index.files} files, ${index.seconds.toFixed(1)} s; sitemap.xml: ${pages} pages`);
} catch (error) {
  rmSync(STAGING, { recursive: true, force: true });
  console.error(error);
  console.error(`Build failed. ${existsSync(OUT_DIR) ? `The previous ${OUT_DIR}/ is untouched.` : ''}`);
  process.exit(1);
}

console.log(`4/4 replacing ${OUT_DIR}/`);
if (existsSync(OUT_DIR)) renameSync(OUT_DIR, OLD_OUT);
renameSync(NEW_OUT, OUT_DIR);
rmSync(STAGING, { recursive: true, force: true });
console.log(`Built ${OUT_DIR}/ in ${((performance.now() - started) / 1000).toFixed(1)} s. Preview it with: npm run preview  (then open http://localhost:4321/)`);
