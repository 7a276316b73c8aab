import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, expectTypeOf, test } from 'vitest';
import { citeArticle, formatChineseDate, versionNote } from '../../src/lib/policy/cite.ts';
import { loadPolicyLibrary, readPoliciesFile, WORK_REPORT } from '../../src/lib/policy/library.ts';
import { articleHref, linksFromArticle, linksToDataset, policyDatasetLinks } from '../../src/lib/policy/links.ts';
import { allArticles } from '../../src/lib/policy/parse.ts';
import { policyEntrySchema, type PolicyEntry, type PolicyLevel } from '../../src/schemas/policy.ts';

const SHARED = '../shared/data/policies';
const library = loadPolicyLibrary('data');
const texts = library.filter((entry) => entry.kind === 'text');
const reported = library.filter((entry) => entry.kind === 'reported');

/** A copy of data/policies and the report in a temp dir, with policies.yaml rewritten by `edit`. */
function fixture(edit: (yaml: string) => string): string {
  const root = mkdtempSync(join(tmpdir(), 'policies-'));
  cpSync('data/policies', join(root, 'policies'), { recursive: true });
  cpSync(join('data', WORK_REPORT.dataset), join(root, WORK_REPORT.dataset), { recursive: true });
  const yamlPath = join(root, 'policies', 'policies.yaml');
  writeFileSync(yamlPath, edit(readFileSync(yamlPath, 'utf8')));
  return root;
}

describe('loadPolicyLibrary', () => {
  test('loadPolicyLibrary("data") gives the seventeen full texts and the report\'s three policies', () => {
    expect(texts).toHaveLength(17);
    expect(reported.map((entry) => entry.slug)).toEqual(['lanzhou-minzu-gongzuo-shishi-yijian', 'lanzhou-shishi-yijian-renwu-fenjiebiao', 'lanzhou-qingzhen-niuyangrou-jiage-butie-banfa']);
  });

  test('every Markdown file in data/policies is listed in policies.yaml exactly once', () => {
    const files = readdirSync('data/policies').filter((file) => file.endsWith('.md')).sort();
    expect(readPoliciesFile('data').texts.map((entry) => entry.file).sort()).toEqual(files);
  });

  test('every entry matches policyEntrySchema and has a unique ASCII slug', () => {
    for (const entry of library) expect(policyEntrySchema.safeParse(entry).success).toBe(true);
    const slugs = library.map((entry) => entry.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs.every((slug) => /^[a-z0-9-]+$/.test(slug))).toBe(true);
  });

  test('城市民族工作条例 has the slug chengshi-minzu-gongzuo-tiaoli, 30 articles, and no stated type', () => {
    const entry = library.find((candidate) => candidate.slug === 'chengshi-minzu-gongzuo-tiaoli');
    expect(entry).toMatchObject({ kind: 'text', title: '城市民族工作条例', level: 'national', articleCount: 30, year: 1993 });
    expect(entry?.kind === 'text' ? entry.type : 'x').toBeUndefined();
  });

  test('only 宪法 carries a status, as SOURCES.md calls it the current text', () => {
    expect(texts.filter((entry) => entry.kind === 'text' && entry.status).map((entry) => entry.slug)).toEqual(['xianfa']);
  });

  test('the two Shanghai texts, which carry no dates, have no type, issuer or year', () => {
    for (const slug of ['shanghai-shaoshu-minzu-quanyi-baozhang-tiaoli', 'shanghai-qingzhen-shipin-guanli-tiaoli']) {
      const entry = library.find((candidate) => candidate.slug === slug);
      expect(entry?.kind === 'text' && [entry.type, entry.issuer, entry.year, entry.events.length]).toEqual([undefined, undefined, undefined, 0]);
    }
  });

  test('a reported policy whose quote is not in the report stops the load', () => {
    const root = fixture((yaml) => yaml.replace('全年下拨经费112.524万元。', '全年下拨经费100万元。'));
    expect(() => loadPolicyLibrary(root)).toThrow(/quotes a sentence that is not in/);
  });

  test('a slug used twice stops the load', () => {
    const root = fixture((yaml) => yaml.replace('slug: jiaoyu-fa', 'slug: xianfa'));
    expect(() => loadPolicyLibrary(root)).toThrow(/slugs used twice: xianfa/);
  });

  test('an unknown level in policies.yaml stops the load with the field path', () => {
    const root = fixture((yaml) => yaml.replace('level: municipal', 'level: city'));
    expect(() => loadPolicyLibrary(root)).toThrow(/reported\.0\.level/);
  });

  test('PolicyEntry level is the PolicyLevel union', () => {
    expectTypeOf<PolicyEntry['level']>().toEqualTypeOf<PolicyLevel>();
  });

  test.skipIf(!existsSync(SHARED))('the shipped texts are byte-identical to ../shared/data/policies', () => {
    for (const file of readdirSync(SHARED)) expect(readFileSync(join('data/policies', file)).equals(readFileSync(join(SHARED, file)))).toBe(true);
  });
});

describe('policy dataset links', () => {
  test('every link names an article that exists in its policy and a dataset folder that exists', () => {
    for (const link of policyDatasetLinks) {
      const entry = library.find((candidate) => candidate.slug === link.policy);
      expect(entry?.kind).toBe('text');
      if (entry?.kind !== 'text') continue;
      expect(allArticles(entry).map((article) => article.label)).toContain(link.article);
      expect(existsSync(join('data', link.dataset, 'dataset.yaml'))).toBe(true);
    }
  });

  test('城市民族工作条例 第九条 links to lanzhou-education-2020, and its text is about education', () => {
    const [link] = linksFromArticle('chengshi-minzu-gongzuo-tiaoli', '第九条');
    expect(link?.dataset).toBe('lanzhou-education-2020');
    const entry = library.find((candidate) => candidate.slug === 'chengshi-minzu-gongzuo-tiaoli');
    const article = entry?.kind === 'text' ? allArticles(entry).find((candidate) => candidate.label === '第九条') : undefined;
    expect(article?.paragraphs.join('')).toContain('少数民族教育事业');
  });

  test('linksToDataset("lanzhou-education-2020") returns the article for the dataset page to link back', () => {
    expect(linksToDataset('lanzhou-education-2020').map((link) => articleHref(link.policy, link.article))).toEqual(['/policies/chengshi-minzu-gongzuo-tiaoli/#第九条']);
  });

  test('linksToDataset of a dataset no article concerns returns nothing', () => {
    expect(linksToDataset('china-counties-2020')).toEqual([]);
  });
});

describe('citations', () => {
  test('formatChineseDate("1993-09-15") returns 1993年9月15日', () => {
    expect(formatChineseDate('1993-09-15')).toBe('1993年9月15日');
  });

  test('versionNote uses the latest adoption, amendment or revision: 义务教育法 → 2018年12月29日修正', () => {
    const entry = library.find((candidate) => candidate.slug === 'yiwu-jiaoyu-fa');
    expect(entry?.kind === 'text' && versionNote(entry.events)).toBe('2018年12月29日修正');
  });

  test('versionNote falls back to the latest event: 城市民族工作条例 → 1993年9月15日发布', () => {
    const entry = library.find((candidate) => candidate.slug === 'chengshi-minzu-gongzuo-tiaoli');
    expect(entry?.kind === 'text' && versionNote(entry.events)).toBe('1993年9月15日发布');
  });

  test('versionNote of a text without dates is undefined', () => {
    expect(versionNote([])).toBeUndefined();
  });

  test('citeArticle gives title, article, version, site and URL', () => {
    const entry = library.find((candidate) => candidate.slug === 'chengshi-minzu-gongzuo-tiaoli');
    if (entry?.kind !== 'text') throw new Error('fixture');
    expect(citeArticle(entry, '第九条', 'https://example.org/policies/chengshi-minzu-gongzuo-tiaoli/#第九条', '兰州民族工作数据站')).toBe(
      '《城市民族工作条例》第九条（1993年9月15日发布）。兰州民族工作数据站，https://example.org/policies/chengshi-minzu-gongzuo-tiaoli/#第九条',
    );
  });
});
