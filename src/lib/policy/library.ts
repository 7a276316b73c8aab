import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { policiesFileSchema, type PoliciesFile, type PolicyEntry } from '../../schemas/policy.ts';
import { allArticles, numberingProblems, parsePolicy } from './parse.ts';

export const POLICY_DIR = 'policies';
export const POLICIES_FILE = 'policies.yaml';

/** The work report the reported policies are quoted from (shipped with its figures dataset). */
export const WORK_REPORT = {
  title: '贯彻全国城市民族工作会议精神推进民族工作制度化、规范化、精细化',
  date: '2017-03-22',
  dataset: 'lanzhou-work-report-2017',
  file: 'lanzhou-work-report-2017/lanzhou-ethnic-work-report-2017-03-22.txt',
} as const;

/** data/policies/policies.yaml, validated. */
export function readPoliciesFile(dataRoot: string): PoliciesFile {
  const path = join(dataRoot, POLICY_DIR, POLICIES_FILE);
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: cannot read the policy table`, { cause: error });
  }
  const parsed = policiesFileSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`${path}: the policy table does not match src/schemas/policy.ts\n${lines.join('\n')}`);
  }
  const slugs = [...parsed.data.texts, ...parsed.data.reported].map((entry) => entry.slug);
  const repeated = slugs.filter((slug, index) => slugs.indexOf(slug) !== index);
  if (repeated.length > 0) throw new Error(`${path}: slugs used twice: ${repeated.join(', ')}`);
  return parsed.data;
}

/**
 * Every policy entry: each full text parsed and checked (article numbers run 1, 2, 3 … with
 * no gap), each reported policy with its quotes checked against the report, word for word.
 */
export function loadPolicyLibrary(dataRoot: string): PolicyEntry[] {
  const table = readPoliciesFile(dataRoot);
  const texts = table.texts.map((meta): PolicyEntry => {
    const path = join(dataRoot, POLICY_DIR, meta.file);
    const { unnumberedHeadings, ...rest } = meta;
    const parsed = parsePolicy(readFileSync(path, 'utf8'), { source: path, unnumberedHeadings });
    const problems = numberingProblems(parsed);
    if (problems.length > 0) throw new Error(`${path}: article numbering breaks: ${problems.join('; ')}`);
    const years = parsed.events.map((event) => Number(event.date.slice(0, 4)));
    return {
      ...rest,
      kind: 'text',
      ...parsed,
      articleCount: allArticles(parsed).length,
      ...(years.length > 0 ? { year: Math.max(...years) } : {}),
    };
  });

  const reportPath = join(dataRoot, WORK_REPORT.file);
  const report = readFileSync(reportPath, 'utf8');
  const reported = table.reported.map((meta): PolicyEntry => {
    for (const quote of meta.quotes) {
      if (!report.includes(quote.text)) throw new Error(`${POLICIES_FILE}: ${meta.slug} quotes a sentence that is not in ${reportPath}: "${quote.text}"`);
      if (!report.includes(quote.section)) throw new Error(`${POLICIES_FILE}: ${meta.slug} names a section that is not in ${reportPath}: "${quote.section}"`);
    }
    return { ...meta, kind: 'reported', report: { ...WORK_REPORT }, year: Number(WORK_REPORT.date.slice(0, 4)) };
  });
  return [...texts, ...reported];
}
