/**
 * npm run data:check [paths…] — validates every dataset and the policy library (or the given
 * ones: `data/<id>`, `data/policies`) without building the site. Prints progress, every problem as `path:line:column: …`, then a
 * summary; exits 1 when there is any error.
 */
import { checkDatasets, resolveDatasetArgs, type CheckReport } from '../src/lib/data/check.ts';
import { DATA_ROOT } from '../src/lib/data/paths.ts';
import { reportLines } from '../src/lib/data/report.ts';
import { checkPolicyLibrary } from '../src/lib/policy/library.ts';
import { policyProgress, splitPolicyArgs } from '../src/lib/policy/report.ts';

const args = process.argv.slice(2);
const named = splitPolicyArgs(DATA_ROOT, args);
const { ids, problems: argProblems } = resolveDatasetArgs(DATA_ROOT, named.datasets);
const datasetsNamed = args.length === 0 || named.datasets.length > 0;
const report: CheckReport = datasetsNamed
  ? checkDatasets(DATA_ROOT, {
      ...(args.length > 0 ? { ids } : {}),
      onDataset: (result, index, total) => console.log(reportLines.progress(result, index, total)),
    })
  : { datasets: [], charts: [], problems: [], errors: 0, warnings: 0, milliseconds: 0 };
report.problems.unshift(...argProblems);
if (args.length === 0 || named.policies) {
  const policies = checkPolicyLibrary(DATA_ROOT, DATA_ROOT);
  console.log(policyProgress(policies));
  report.problems.push(...policies.problems);
}
const { problemLines, summary, failed } = reportLines.finish(report);
for (const line of problemLines) console.log(line);
console.log(summary);
process.exitCode = failed ? 1 : 0;
