import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify as stringifyYaml } from 'yaml';
import type { PoliciesFile, PolicyLevel, PolicyTextMeta } from '../../schemas/policy.ts';
import { seededRandom, syntheticPolicy } from '../search/synthetic.ts';
import { loadPolicyLibrary, POLICIES_FILE, POLICY_DIR, readPoliciesFile } from './library.ts';
import { allArticles } from './units.ts';

/**
 * The policy library of a COPY of data/ (a temporary folder, never the project's) with texts
 * of the 1,738-text corpus added, for the search test at scale and `npm run bench:policies`:
 * each text copied byte for byte, listed with an entry that says it is test material. Nothing
 * here is shipped. Texts the library already ships (the same `# title`) are left out, as the
 * site would not publish one law twice.
 */

/** The topic every added text carries, so that a test build's pages say what they are. */
export const CORPUS_TOPIC = '语料测试';

const PROVINCES =
  /^(北京市|天津市|上海市|重庆市|河北省|山西省|辽宁省|吉林省|黑龙江省|江苏省|浙江省|安徽省|福建省|江西省|山东省|河南省|湖北省|湖南省|广东省|海南省|四川省|贵州省|云南省|陕西省|甘肃省|青海省|台湾省|内蒙古自治区|广西壮族自治区|西藏自治区|宁夏回族自治区|新疆维吾尔自治区)/;

/**
 * A level for the facet of a test build, guessed from the title alone (a province's name →
 * provincial, an autonomous county or 县 → county, another 市 or 州 → municipal, else national).
 * A guess is good enough for pages that are never published; a shipped text's level comes
 * from its date lines (README "Adding a policy text").
 */
export function guessLevel(title: string): PolicyLevel {
  const local = title.replace(/^中华人民共和国/, '');
  if (PROVINCES.test(local)) return /^(北京市|天津市|上海市|重庆市)/.test(local) || !/^.{2,9}?(市|州|县)/.test(local.replace(PROVINCES, '')) ? 'provincial' : 'municipal';
  if (/^.{2,12}?(自治县|县)/.test(local)) return 'county';
  if (/^.{2,8}?(市|自治州|州|盟)/.test(local)) return 'municipal';
  return 'national';
}

/** The `# title` line of a collected text, or undefined (a text the parser would refuse). */
export function titleOf(markdown: string): string | undefined {
  const line = markdown.replace(/^\uFEFF/, '').split('\n', 1)[0] ?? '';
  return line.startsWith('# ') ? line.slice(2).trim() : undefined;
}

export interface CorpusAddition {
  /** Corpus files added, as named in the corpus. */
  added: string[];
  /** Corpus files left out because the library ships the same title. */
  shipped: string[];
}

/**
 * Adds `names` (default: every text) of `corpusDir` to the library in `dataRoot`, which must be
 * a copy: files as `corpus-<name>`, entries appended to its policies.yaml.
 */
export function addCorpusTexts(dataRoot: string, corpusDir: string, names: readonly string[] = readdirSync(corpusDir).filter((name) => name.endsWith('.md')).sort()): CorpusAddition {
  const dir = join(dataRoot, POLICY_DIR);
  const table = readPoliciesFile(dataRoot);
  const shippedTitles = new Set(table.texts.map((meta) => titleOf(readFileSync(join(dir, meta.file), 'utf8'))));
  const added: string[] = [];
  const shipped: string[] = [];
  const entries: PolicyTextMeta[] = [];
  for (const name of names) {
    const title = titleOf(readFileSync(join(corpusDir, name), 'utf8'));
    if (title !== undefined && shippedTitles.has(title)) {
      shipped.push(name);
      continue;
    }
    const slug = `corpus-${name.replace(/\.md$/, '').toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
    copyFileSync(join(corpusDir, name), join(dir, `${slug}.md`));
    entries.push({
      slug,
      file: `${slug}.md`,
      shortTitle: title ?? name,
      level: guessLevel(title ?? ''),
      topics: [CORPUS_TOPIC],
      basis: `测试语料 ${name}：只用于搜索和构建测试，不发布；层级由标题推测。`,
      unnumberedHeadings: [],
    });
    added.push(name);
  }
  writeEntries(dataRoot, table, entries);
  return { added, shipped };
}

function writeEntries(dataRoot: string, table: PoliciesFile, entries: readonly PolicyTextMeta[]): void {
  writeFileSync(join(dataRoot, POLICY_DIR, POLICIES_FILE), stringifyYaml({ ...table, texts: [...table.texts, ...entries] }, { lineWidth: 0 }));
}

/**
 * Where the corpus is absent (a clone without ../shared), the same scale from `count` synthetic
 * texts: the library's own articles recombined, each titled and listed as synthetic
 * (src/lib/search/synthetic.ts). Same seed, same texts.
 */
export function addSyntheticTexts(dataRoot: string, count: number, seed = 20170322): string[] {
  const table = readPoliciesFile(dataRoot);
  const articles = loadPolicyLibrary(dataRoot).flatMap((entry) => (entry.kind === 'text' ? allArticles(entry) : []));
  const random = seededRandom(seed);
  const entries: PolicyTextMeta[] = [];
  for (let index = 1; index <= count; index++) {
    const policy = syntheticPolicy(index, articles, random, 2000 + Math.floor(random() * 13000));
    writeFileSync(join(dataRoot, POLICY_DIR, policy.meta.file), policy.markdown);
    entries.push(policy.meta);
  }
  writeEntries(dataRoot, table, entries);
  return entries.map((entry) => entry.file);
}
