/**
 * npm run data:check [paths…] — validates every dataset (or the given ones) without
 * building the site. Prints progress, every problem as `path:line:column: …`, then a
 * summary; exits 1 when there is any error.
 */
import { checkDatasets, resolveDatasetArgs } from '../src/lib/data/check.ts';
import { DATA_ROOT } from '../src/lib/data/paths.ts';
import { reportLines } from '../src/lib/data/report.ts';

const { ids, problems: argProblems } = resolveDatasetArgs(DATA_ROOT, process.argv.slice(2));
const report = checkDatasets(DATA_ROOT, {
  ...(process.argv.length > 2 ? { ids } : {}),
  onDataset: (result, index, total) => console.log(reportLines.progress(result, index, total)),
});
report.problems.unshift(...argProblems);
const { problemLines, summary, failed } = reportLines.finish(report);
for (const line of problemLines) console.log(line);
console.log(summary);
process.exitCode = failed ? 1 : 0;
