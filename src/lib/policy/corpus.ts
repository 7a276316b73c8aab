import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { policyForms, type PolicyForm, type PolicyProblemKind } from '../../schemas/policy.ts';
import { decodePolicyFile, parsePolicy } from './parse.ts';
import { countByKind, type PolicyProblem } from './problems.ts';
import { allUnits } from './units.ts';

/**
 * The parser over a folder of collected texts (the 1,738-text corpus beside the project, see
 * ../shared/data/SOURCES.md): how many it reads and refuses, in which form, with which warnings.
 * For `npm run policy:survey` and the corpus test; nothing here is shipped.
 */

/** The shared folder of sources: `../shared` beside a clone (CI, the main checkout), `../../shared` beside a worktree. */
export function sharedRoot(): string | undefined {
  return ['../shared', '../../shared'].find((candidate) => existsSync(join(candidate, 'data', 'SOURCES.md')));
}

/** Where the corpus is extracted (never into the project: it is not committed). */
export const CORPUS_DIR = join(tmpdir(), 'policy-corpus', 'laws');
const CORPUS_ARCHIVE = join('corpus', 'laws-1738.tar.xz');

/**
 * The folder of the 1,738 corpus texts: already extracted, or extracted now from the shared
 * archive with `tar -xJf`. Undefined when there is no archive (a clone without ../shared).
 */
export function locateCorpus(): string | undefined {
  if (existsSync(CORPUS_DIR)) return CORPUS_DIR;
  const shared = sharedRoot();
  if (!shared || !existsSync(join(shared, CORPUS_ARCHIVE))) return undefined;
  mkdirSync(dirname(CORPUS_DIR), { recursive: true });
  const tar = spawnSync('tar', ['-xJf', join(shared, CORPUS_ARCHIVE), '-C', dirname(CORPUS_DIR)], { stdio: 'inherit' });
  return tar.status === 0 && existsSync(CORPUS_DIR) ? CORPUS_DIR : undefined;
}

export interface Survey {
  files: number;
  accepted: number;
  refused: string[];
  forms: Record<PolicyForm, number>;
  units: number;
  problems: PolicyProblem[];
  byKind: Partial<Record<PolicyProblemKind, number>>;
  /** Files with at least one warning. */
  filesWithWarnings: number;
  milliseconds: number;
}

/** Markdown files of `dir`, sorted, or the given names. */
export function surveyPolicies(dir: string, names: readonly string[] = readdirSync(dir).filter((name) => name.endsWith('.md')).sort()): Survey {
  const started = performance.now();
  const forms = Object.fromEntries(policyForms.map((form) => [form, 0])) as Record<PolicyForm, number>;
  const problems: PolicyProblem[] = [];
  const refused: string[] = [];
  let units = 0;
  let filesWithWarnings = 0;
  for (const name of names) {
    const decoded = decodePolicyFile(readFileSync(join(dir, name)), name);
    const result = 'problem' in decoded ? { policy: undefined, problems: [decoded.problem] } : parsePolicy(decoded.text, { source: name });
    problems.push(...result.problems);
    if (!result.policy) {
      refused.push(name);
      continue;
    }
    forms[result.policy.form]++;
    units += allUnits(result.policy).length;
    if (result.problems.some((problem) => problem.severity === 'warning')) filesWithWarnings++;
  }
  return {
    files: names.length,
    accepted: names.length - refused.length,
    refused,
    forms,
    units,
    problems,
    byKind: countByKind(problems),
    filesWithWarnings,
    milliseconds: performance.now() - started,
  };
}

const number = new Intl.NumberFormat('en');

/** The survey as lines: totals, forms, then each kind of problem with its count. */
export function surveyLines(survey: Survey): string[] {
  const kinds = Object.entries(survey.byKind).sort(([, a], [, b]) => (b ?? 0) - (a ?? 0));
  return [
    `${number.format(survey.files)} texts: ${number.format(survey.accepted)} read, ${number.format(survey.refused.length)} refused, ${number.format(survey.units)} units, ${(survey.milliseconds / 1000).toFixed(2)} s`,
    `forms: ${policyForms.map((form) => `${form} ${number.format(survey.forms[form])}`).join(', ')}`,
    `${number.format(survey.filesWithWarnings)} texts with warnings; problems by kind: ${kinds.map(([kind, count]) => `${kind} ${number.format(count ?? 0)}`).join(', ') || 'none'}`,
  ];
}
