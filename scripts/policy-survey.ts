/**
 * npm run policy:survey [dir] [--problems] — runs the policy parser over every Markdown file of
 * a folder (default: the corpus, extracted from ../shared/corpus/laws-1738.tar.xz into the
 * system's temporary folder on first use) and prints how many texts it reads and refuses, their forms and
 * the warnings by kind; `--problems` also prints every problem as `file:line:column: …`.
 */
import { existsSync } from 'node:fs';
import { formatProblem } from '../src/schemas/problem.ts';
import { locateCorpus, surveyLines, surveyPolicies } from '../src/lib/policy/corpus.ts';

const args = process.argv.slice(2);
const dir = args.find((arg) => !arg.startsWith('--')) ?? locateCorpus();
if (dir === undefined || !existsSync(dir)) {
  console.error(`${dir ?? 'the corpus'}: not found. Give a folder of policy Markdown files, or put ../shared/corpus/laws-1738.tar.xz beside the project.`);
  process.exit(1);
}
const survey = surveyPolicies(dir);
if (args.includes('--problems')) for (const problem of survey.problems) console.log(formatProblem(problem));
for (const line of surveyLines(survey)) console.log(line);
if (survey.refused.length > 0) console.log(`refused: ${survey.refused.join(', ')}`);
process.exitCode = survey.refused.length > 0 ? 1 : 0;
