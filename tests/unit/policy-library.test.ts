import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, expectTypeOf, test } from 'vitest';
import { citeUnit, formatChineseDate, versionNote } from '../../src/lib/policy/cite.ts';
import { formatProblem } from '../../src/schemas/problem.ts';
import { locateCorpus, sharedRoot } from '../../src/lib/policy/corpus.ts';
import { checkPolicyLibrary, loadPolicyLibrary, readPoliciesFile, WORK_REPORT } from '../../src/lib/policy/library.ts';
import { linksFromArticle, linksToDataset, policyDatasetLinks, unitHref } from '../../src/lib/policy/links.ts';
import { allArticles } from '../../src/lib/policy/units.ts';
import { policyEntrySchema, type PolicyEntry, type PolicyLevel } from '../../src/schemas/policy.ts';

const shared = sharedRoot();
const SHARED = shared ? join(shared, 'data', 'policies') : '../shared/data/policies';
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
  test('loadPolicyLibrary("data") gives the twenty-eight full texts and the report\'s three policies', () => {
    expect(texts).toHaveLength(28);
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
    expect(() => loadPolicyLibrary(root)).toThrow(/policies\.yaml:\d+:\d+: error: slug used twice: xianfa/);
  });

  test('an unknown level in policies.yaml stops the load with the file, line and field path', () => {
    const root = fixture((yaml) => yaml.replace('level: municipal\n    issuer: 市委、市政府', 'level: city\n    issuer: 市委、市政府'));
    expect(() => loadPolicyLibrary(root)).toThrow(/policies\.yaml:\d+:\d+: error: reported\.0\.level: /);
  });

  test('PolicyEntry level is the PolicyLevel union', () => {
    expectTypeOf<PolicyEntry['level']>().toEqualTypeOf<PolicyLevel>();
  });

  test('the religious-affairs texts are national, 行政法规 by 国务院, under the topic 宗教事务', () => {
    for (const slug of ['zongjiao-shiwu-tiaoli', 'jingnei-waiguoren-zongjiao-huodong-guanli-guiding']) {
      expect(library.find((entry) => entry.slug === slug)).toMatchObject({ kind: 'text', level: 'national', type: '行政法规', issuer: '国务院', topics: ['宗教事务'] });
    }
    expect(texts.filter((entry) => entry.topics.includes('宗教事务'))).toHaveLength(8);
  });

  test('景宁畲族自治县自治条例 is a 自治条例 at county level', () => {
    expect(library.find((entry) => entry.slug === 'jingning-shezu-zizhixian-zizhi-tiaoli')).toMatchObject({ level: 'county', type: '自治条例', topics: ['民族区域自治'] });
  });

  test.skipIf(!existsSync(SHARED))('the shipped texts are byte-identical to ../shared/data/policies', () => {
    for (const file of readdirSync(SHARED)) expect(readFileSync(join('data/policies', file)).equals(readFileSync(join(SHARED, file)))).toBe(true);
  });
});

/** Texts taken from the corpus (../shared/corpus/laws-1738.tar.xz), by their file there. */
const FROM_CORPUS: Record<string, string> = {
  '00099.md': '上海市实施《中华人民共和国国家通用语言文字法》办法.md',
  '00311.md': '北京市宗教事务条例(2006-07-28).md',
  '00319.md': '北京市实施《中华人民共和国国家通用语言文字法》若干规定(2003-05-30).md',
  '00525.md': '山东省宗教事务条例(2019-07-26).md',
  '01121.md': '河南省宗教事务条例(2019-11-29).md',
  '01461.md': '宁波市宗教活动场所管理办法(2021-07-30).md',
  '01633.md': '浙江省宗教事务条例(2019-08-01).md',
  '01673.md': '浙江省景宁畲族自治县自治条例(2021-05-28).md',
  '01849.md': '重庆市宗教事务条例(2019-05-31).md',
};
const corpus = locateCorpus();

test.skipIf(!corpus)('the texts taken from the corpus are byte-identical to their corpus files', () => {
  for (const [source, file] of Object.entries(FROM_CORPUS)) expect(readFileSync(join('data/policies', file)).equals(readFileSync(join(corpus ?? '', source))), file).toBe(true);
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
    expect(linksToDataset('lanzhou-education-2020').map((link) => unitHref(link.policy, link.article))).toEqual(['/policies/chengshi-minzu-gongzuo-tiaoli/#第九条']);
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

  test('citeUnit gives title, article, version, site and URL', () => {
    const entry = library.find((candidate) => candidate.slug === 'chengshi-minzu-gongzuo-tiaoli');
    if (entry?.kind !== 'text') throw new Error('fixture');
    expect(citeUnit(entry, '第九条', 'https://example.org/policies/chengshi-minzu-gongzuo-tiaoli/#第九条', '兰州民族工作数据站')).toBe(
      '《城市民族工作条例》第九条（1993年9月15日发布）。兰州民族工作数据站，https://example.org/policies/chengshi-minzu-gongzuo-tiaoli/#第九条',
    );
  });
});

describe("the editor's contract: checkPolicyLibrary", () => {
  const TEXT = '# 测试条例\n\n2020年1月1日 测试机关通过\n\n<!-- INFO END -->\n\n第一条 甲。\n';
  const entry = (slug: string, file: string) => `  - slug: ${slug}\n    file: ${file}\n    shortTitle: 测试\n    level: municipal\n    topics: [测试]\n`;

  /** A data folder holding policies/policies.yaml with `texts` and the given Markdown files. */
  function library(texts: string, files: Record<string, string | Uint8Array>): string {
    const root = mkdtempSync(join(tmpdir(), 'policy-contract-'));
    mkdirSync(join(root, 'policies'));
    writeFileSync(join(root, 'policies', 'policies.yaml'), `texts:\n${texts}reported: []\n`);
    for (const [name, content] of Object.entries(files)) writeFileSync(join(root, 'policies', name), content);
    return root;
  }
  const lines = (root: string) => checkPolicyLibrary(root, 'data').problems.map(formatProblem);

  test('a text with only the five required fields is read; type, issuer, status and basis stay absent', () => {
    const check = checkPolicyLibrary(library(entry('ceshi', 'a.md'), { 'a.md': TEXT }));
    expect(check.problems).toEqual([]);
    expect(check.entries).toHaveLength(1);
    expect(check.entries[0]).toMatchObject({ slug: 'ceshi', kind: 'text', form: 'articles', articleCount: 1, year: 2020 });
    expect(check.entries[0]).not.toHaveProperty('basis');
    expect(check.entries[0]).not.toHaveProperty('type');
  });

  test('a missing required field is an error at the line of its entry, naming the field; the next entry is still read', () => {
    const root = library(`${entry('one', 'a.md').replace('    topics: [测试]\n', '')}${entry('two', 'b.md')}`, { 'a.md': TEXT, 'b.md': TEXT });
    expect(lines(root)).toEqual([
      'data/policies/policies.yaml:2:5: error: texts.0.topics: a required field is missing (slug one); hint: a text needs slug, file, shortTitle, level, topics; type, issuer, status, basis and unnumberedHeadings are optional (README "Adding a policy text")',
    ]);
    expect(checkPolicyLibrary(root).entries.map((found) => found.slug)).toEqual(['two']);
  });

  test('one run reports every broken file (not UTF-8, empty, no title) and a missing one, each as file:line, and goes on', () => {
    const gbk = new Uint8Array([...new TextEncoder().encode('# 标题\n\n<!-- INFO END -->\n\n'), 0xb5, 0xda, 0xd2, 0xbb, 0xcc, 0xf5]);
    const texts = [entry('gbk', 'gbk.md'), entry('empty', 'empty.md'), entry('untitled', 'untitled.md'), entry('absent', 'absent.md'), entry('good', 'good.md')].join('');
    const root = library(texts, { 'gbk.md': gbk, 'empty.md': '\n\n', 'untitled.md': '\n第一条 甲。\n', 'good.md': TEXT });
    expect(lines(root)).toEqual([
      'data/policies/policies.yaml:18:11: error: absent: no file data/policies/absent.md; hint: put the text in data/policies/ under exactly this name',
      'data/policies/gbk.md:5:1: error: not UTF-8 text; hint: save the file as UTF-8 (without changing its words)',
      'data/policies/empty.md:1:1: error: the file is empty; hint: a policy text starts with its title as "# …"',
      'data/policies/untitled.md:2:1: error: no title: the first line must be "# " and the title (found "第一条 甲。"); hint: add the title as the first line, e.g. "# 城市民族工作条例"',
    ]);
    const check = checkPolicyLibrary(root);
    expect([check.listed, check.refused, check.entries.map((found) => found.slug)]).toEqual([5, 4, ['good']]);
  });

  test('loadPolicyLibrary throws with every error of the run, one per line', () => {
    const root = library(`${entry('empty', 'empty.md')}${entry('untitled', 'untitled.md')}`, { 'empty.md': '', 'untitled.md': 'x' });
    expect(() => loadPolicyLibrary(root)).toThrow(/2 errors:\n.*empty\.md:1:1: error: the file is empty.*\n.*untitled\.md:1:1: error: no title/);
  });

  test('warnings do not stop the load: a text with a numbering gap is read and the gap reported at its line', () => {
    const root = library(entry('gap', 'gap.md'), { 'gap.md': `${TEXT}\n第三条 丙。\n` });
    expect(loadPolicyLibrary(root)).toHaveLength(1);
    expect(lines(root)).toEqual(['data/policies/gap.md:9:1: warning: 第三条 follows 第一条 (expected article 2, found "第三条")']);
  });

  test('a Markdown file that policies.yaml does not list is a warning, not published', () => {
    const root = library(entry('one', 'a.md'), { 'a.md': TEXT, 'stray.md': TEXT });
    expect(lines(root)).toEqual(['data/policies/stray.md:1:1: warning: not listed in policies.yaml, so not published; hint: add an entry under texts: with slug, file, shortTitle, level, topics']);
  });
});
