import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'astro/zod';
import {
  policyForms,
  policyTextMetaSchema,
  reportedPolicyMetaSchema,
  type PoliciesFile,
  type PolicyEntry,
  type PolicyForm,
  type PolicyTextMeta,
  type ReportedPolicyMeta,
} from '../../schemas/policy.ts';
import { formatProblem } from '../../schemas/problem.ts';
import { YamlSource } from '../data/meta.ts';
import { decodePolicyFile, parsePolicy } from './parse.ts';
import { policyProblem, type PolicyProblem } from './problems.ts';
import { allUnits, unitCounts } from './units.ts';

export const POLICY_DIR = 'policies';
export const POLICIES_FILE = 'policies.yaml';

/** The fields an editor must write for a text (README "Adding a policy text"). */
export const REQUIRED_TEXT_FIELDS = ['slug', 'file', 'shortTitle', 'level', 'topics'] as const;

/** The work report the reported policies are quoted from (shipped with its figures dataset). */
export const WORK_REPORT = {
  title: '贯彻全国城市民族工作会议精神推进民族工作制度化、规范化、精细化',
  date: '2017-03-22',
  dataset: 'lanzhou-work-report-2017',
  file: 'lanzhou-work-report-2017/lanzhou-ethnic-work-report-2017-03-22.txt',
} as const;

export interface PolicyCheck {
  /** Entries of every text that was read and every reported policy whose entry holds. */
  entries: PolicyEntry[];
  /** Every problem of policies.yaml and of every text, in file order. */
  problems: PolicyProblem[];
  /** The texts listed, and the ones refused (a broken file or entry). */
  listed: number;
  refused: number;
  forms: Record<PolicyForm, number>;
  units: number;
  milliseconds: number;
}

type Path = readonly PropertyKey[];

/** One entry of `texts:` or `reported:` checked on its own, so that one bad entry hides no other. */
function checkEntry<T>(schema: z.ZodType<T>, raw: unknown, path: Path, yaml: YamlSource, problems: PolicyProblem[]): T | undefined {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fields = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const name = typeof fields.slug === 'string' ? ` (slug ${fields.slug})` : '';
  for (const issue of parsed.error.issues) {
    const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
    const field = String(issue.path[0] ?? unknownKey ?? '');
    const position = unknownKey === undefined ? yaml.locate([...path, ...issue.path]) : yaml.locateKey([...path, unknownKey]);
    const missing = issue.path.length === 1 && fields[field] === undefined;
    const where = [...path, ...(unknownKey === undefined ? issue.path : [unknownKey])].map(String).join('.');
    const message = `${where}: ${missing ? 'a required field is missing' : unknownKey !== undefined ? 'unknown field' : issue.message}${name}`;
    const hint = path[0] === 'texts' ? `a text needs ${REQUIRED_TEXT_FIELDS.join(', ')}; type, issuer, status, basis and unnumberedHeadings are optional (README "Adding a policy text")` : undefined;
    problems.push(policyProblem('table-entry', yaml.file, position.line, message, { column: position.column, ...(hint ? { hint } : {}) }));
  }
  return undefined;
}

/** The entries of policies.yaml that hold, with a problem at its line for every one that does not. */
function readTable(
  dataRoot: string,
  displayRoot: string,
  problems: PolicyProblem[],
): { texts: { meta: PolicyTextMeta; index: number }[]; reported: { meta: ReportedPolicyMeta; index: number }[]; named: Set<string>; yaml: YamlSource } {
  const path = join(dataRoot, POLICY_DIR, POLICIES_FILE);
  const yaml = new YamlSource(`${displayRoot}/${POLICY_DIR}/${POLICIES_FILE}`, readFileSync(path, 'utf8'));
  const empty = { texts: [], reported: [], named: new Set<string>(), yaml };
  if (yaml.syntaxProblem) {
    problems.push({ ...yaml.syntaxProblem, kind: 'table-entry' });
    return empty;
  }
  const table = (typeof yaml.value === 'object' && yaml.value !== null ? yaml.value : {}) as Record<string, unknown>;
  for (const key of ['texts', 'reported']) {
    if (!Array.isArray(table[key])) problems.push(policyProblem('table-entry', yaml.file, yaml.locate([key]).line, `"${key}:" must be a list`));
  }
  const unknown = Object.keys(table).filter((key) => key !== 'texts' && key !== 'reported');
  for (const key of unknown) problems.push(policyProblem('table-entry', yaml.file, yaml.locateKey([key]).line, `unknown field "${key}"`, { hint: 'policies.yaml holds texts: and reported:' }));

  const list = (key: string): unknown[] => (Array.isArray(table[key]) ? (table[key] as unknown[]) : []);
  // Files named by any entry, valid or not: a file whose entry has a problem is not also "unlisted".
  const named = new Set(list('texts').flatMap((raw) => (typeof raw === 'object' && raw !== null && typeof (raw as { file?: unknown }).file === 'string' ? [(raw as { file: string }).file] : [])));
  const texts = list('texts').flatMap((raw, index) => {
    const meta = checkEntry(policyTextMetaSchema, raw, ['texts', index], yaml, problems);
    return meta ? [{ meta, index }] : [];
  });
  const reported = list('reported').flatMap((raw, index) => {
    const meta = checkEntry(reportedPolicyMetaSchema, raw, ['reported', index], yaml, problems);
    return meta ? [{ meta, index }] : [];
  });

  const seen = new Map<string, string>();
  const slugs = [...texts.map(({ meta, index }) => ({ slug: meta.slug, path: ['texts', index] })), ...reported.map(({ meta, index }) => ({ slug: meta.slug, path: ['reported', index] }))];
  for (const { slug, path } of slugs) {
    const first = seen.get(slug);
    if (first) problems.push(policyProblem('duplicate-slug', yaml.file, yaml.locate([...path, 'slug']).line, `slug used twice: ${slug}`, { hint: `also at ${first}; slugs are URLs and must be unique` }));
    else seen.set(slug, path.join('.'));
  }
  const files = new Set<string>();
  for (const { meta, index } of texts) {
    if (files.has(meta.file)) problems.push(policyProblem('duplicate-file', yaml.file, yaml.locate(['texts', index, 'file']).line, `file listed twice: ${meta.file}`));
    files.add(meta.file);
  }
  return { texts, reported, named, yaml };
}

/**
 * Checks the policy library: policies.yaml entry by entry, then every text it lists, then the
 * report's quotes. Collects every problem of every file instead of stopping at the first, so an
 * editor sees them all in one run (`npm run data:check`); reads what can be read.
 */
export function checkPolicyLibrary(dataRoot: string, displayRoot = 'data'): PolicyCheck {
  const started = performance.now();
  const problems: PolicyProblem[] = [];
  const forms = Object.fromEntries(policyForms.map((form) => [form, 0])) as Record<PolicyForm, number>;
  // A data folder without a policy library (a test fixture of datasets) has nothing to check.
  if (!existsSync(join(dataRoot, POLICY_DIR, POLICIES_FILE))) return { entries: [], problems, listed: 0, refused: 0, forms, units: 0, milliseconds: 0 };
  const { texts, reported, named, yaml } = readTable(dataRoot, displayRoot, problems);
  const dir = join(dataRoot, POLICY_DIR);
  let refused = 0;
  let units = 0;

  const entries: PolicyEntry[] = [];
  for (const { meta, index } of texts) {
    const path = join(dir, meta.file);
    const shown = `${displayRoot}/${POLICY_DIR}/${meta.file}`;
    if (!existsSync(path)) {
      const at = yaml.locate(['texts', index, 'file']);
      problems.push(policyProblem('missing-file', yaml.file, at.line, `${meta.slug}: no file ${shown}`, { column: at.column, hint: 'put the text in data/policies/ under exactly this name' }));
      refused++;
      continue;
    }
    const decoded = decodePolicyFile(readFileSync(path), shown);
    const { unnumberedHeadings, ...rest } = meta;
    const result = 'problem' in decoded ? { policy: undefined, problems: [decoded.problem] } : parsePolicy(decoded.text, { source: shown, unnumberedHeadings });
    problems.push(...result.problems);
    if (!result.policy) {
      refused++;
      continue;
    }
    forms[result.policy.form]++;
    units += allUnits(result.policy).length;
    const years = result.policy.events.map((event) => Number(event.date.slice(0, 4)));
    entries.push({ ...rest, kind: 'text', ...result.policy, ...unitCounts(result.policy), ...(years.length > 0 ? { year: Math.max(...years) } : {}) });
  }

  for (const file of readdirSync(dir).filter((name) => name.endsWith('.md')).sort()) {
    if (!named.has(file)) problems.push(policyProblem('unlisted-file', `${displayRoot}/${POLICY_DIR}/${file}`, 1, 'not listed in policies.yaml, so not published', { hint: `add an entry under texts: with ${REQUIRED_TEXT_FIELDS.join(', ')}` }));
  }

  const reportPath = join(dataRoot, WORK_REPORT.file);
  const report = reported.length > 0 ? readFileSync(reportPath, 'utf8') : '';
  for (const { meta, index } of reported) {
    let holds = true;
    meta.quotes.forEach((quote, quoteIndex) => {
      for (const [field, words] of [['text', quote.text], ['section', quote.section]] as const) {
        if (report.includes(words)) continue;
        holds = false;
        const what = field === 'text' ? 'quotes a sentence' : 'names a section';
        problems.push(policyProblem('report-quote', yaml.file, yaml.locate(['reported', index, 'quotes', quoteIndex, field]).line, `${meta.slug} ${what} that is not in ${displayRoot}/${WORK_REPORT.file}`, { found: words }));
      }
    });
    if (holds) entries.push({ ...meta, kind: 'reported', report: { ...WORK_REPORT }, year: Number(WORK_REPORT.date.slice(0, 4)) });
  }

  // policies.yaml first, then the texts in the order met; by line within a file.
  const fileOrder = [...new Set([yaml.file, ...problems.map((problem) => problem.file)])];
  problems.sort((a, b) => fileOrder.indexOf(a.file) - fileOrder.indexOf(b.file) || a.line - b.line);
  return { entries, problems, listed: texts.length, refused, forms, units, milliseconds: performance.now() - started };
}

/** Every problem line of a check that found errors, for an exception message. */
function failure(check: PolicyCheck): Error | undefined {
  const errors = check.problems.filter((problem) => problem.severity === 'error');
  if (errors.length === 0) return undefined;
  return new Error(`the policy library has ${errors.length} errors:\n${errors.map(formatProblem).join('\n')}`);
}

/** The entries of a check, throwing with every error when there is any. Warnings do not stop it. */
export function policyEntries(check: PolicyCheck): PolicyEntry[] {
  const error = failure(check);
  if (error) throw error;
  return check.entries;
}

/**
 * Every policy entry: the check above, throwing with every error when there is any (the
 * build's data check has printed them already). The content collection takes the build's own
 * check (src/lib/data/checked.ts) instead of running it again.
 */
export function loadPolicyLibrary(dataRoot: string): PolicyEntry[] {
  return policyEntries(checkPolicyLibrary(dataRoot, dataRoot));
}

/** data/policies/policies.yaml as validated; throws with every problem of the file. */
export function readPoliciesFile(dataRoot: string): PoliciesFile {
  const problems: PolicyProblem[] = [];
  const { texts, reported } = readTable(dataRoot, dataRoot, problems);
  if (problems.some((problem) => problem.severity === 'error')) throw new Error(problems.map(formatProblem).join('\n'));
  return { texts: texts.map(({ meta }) => meta), reported: reported.map(({ meta }) => meta) };
}
