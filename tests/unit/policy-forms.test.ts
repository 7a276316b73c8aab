import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parsePolicy } from '../../src/lib/policy/parse.ts';
import { allUnits, citationName, placedUnits, tableOfContents, unitCounts } from '../../src/lib/policy/units.ts';
import { policyUnitViews, type UnitView } from '../../src/lib/policy/view.ts';
import { parsedPolicySchema, type ParsedPolicy, type PolicyTextEntry } from '../../src/schemas/policy.ts';

const FIXTURES = 'tests/fixtures/policies';

function parseFixture(file: string) {
  const result = parsePolicy(readFileSync(join(FIXTURES, file), 'utf8'), { source: file });
  if (!result.policy) throw new Error(`${file} was refused`);
  expect(parsedPolicySchema.safeParse(result.policy).success).toBe(true);
  return { policy: result.policy, problems: result.problems.map((problem) => [problem.kind, problem.line, problem.message]) };
}

const ids = (policy: ParsedPolicy) => allUnits(policy).map((unit) => unit.id);
const unit = (policy: ParsedPolicy, id: string) => allUnits(policy).find((candidate) => candidate.id === id);

describe('the article form: articles-synthetic.md', () => {
  const { policy, problems } = parseFixture('articles-synthetic.md');

  test('form is articles; the paragraph before 第一条 is the intro', () => {
    expect(policy.form).toBe('articles');
    expect(policy.intro).toEqual(['为了测试解析器，特制定本条例。这一段在第一条之前。']);
  });

  test('a date line with no words after the date is an event of kind other with empty text', () => {
    expect(policy.events[1]).toEqual({ date: '2021-03-01', text: '', kind: 'other' });
  });

  test('"###" chapters and "####" sections nest by their labels; anchors are 第X章, 第X章第Y节, 第X条', () => {
    expect(ids(policy)).toEqual([
      '第一章',
      '第一条',
      '第二条',
      '第二章',
      '第二章第一节',
      '第三条',
      '第二章第二节',
      '第四条',
      '第四条之一',
      '第六条',
      '附则',
      '第七条',
      '附件一',
      '附件一-一',
      '附件一-一-一',
      '附件一-一-二',
      '附件一-二',
    ]);
    expect(policy.units.map((top) => top.kind)).toEqual(['chapter', 'chapter', 'heading', 'annex']);
  });

  test('a list inside an article stays its paragraphs', () => {
    expect(unit(policy, '第二条')?.paragraphs).toEqual(['第二条的文字：', '（一）第一项；', '（二）第二项。']);
  });

  test('a section heading broken after 和 is joined with its next line, with a warning at that line', () => {
    expect(unit(policy, '第二章第二节')?.title).toBe('特别规定和例外情形');
    expect(problems).toContainEqual(['joined-heading', 29, 'a heading continued on this line; the two are read as one heading']);
  });

  test('the missing 第五条 is a warning at the line of 第六条; 第四条之一 is not counted', () => {
    expect(problems).toContainEqual(['article-numbering', 35, '第六条 follows 第四条']);
    expect(problems).toHaveLength(2);
  });

  test('附则 is a heading that holds 第七条; 附件一 holds numbered items anchored under it', () => {
    expect(unit(policy, '附则')?.children.map((child) => child.id)).toEqual(['第七条']);
    expect(unit(policy, '附件一')).toMatchObject({ kind: 'annex', label: '附件一', title: '测试清单' });
    expect(unit(policy, '附件一-一-二')).toMatchObject({ kind: 'item', level: 2, label: '（二）', paragraphs: ['乙'] });
  });

  test('counts: 7 articles, 2 outermost items', () => {
    expect(unitCounts(policy)).toEqual({ articleCount: 7, itemCount: 2 });
  });

  test('the table of contents lists chapters, sections, 附则 and the annex with its items, not articles', () => {
    const toc = tableOfContents(policy);
    expect(toc.compact).toBe(false);
    expect(toc.entries.map((entry) => [entry.id, entry.children.map((child) => child.id)])).toEqual([
      ['第一章', []],
      ['第二章', ['第二章第一节', '第二章第二节']],
      ['附则', []],
      ['附件一', ['附件一-一', '附件一-二']],
    ]);
  });
});

describe('the numbered form: a real text, numbered-real-02965.md', () => {
  const { policy, problems } = parseFixture('numbered-real-02965.md');

  test('form is numbered; the address and the opening paragraph are the intro; no warnings', () => {
    expect(policy.form).toBe('numbered');
    expect(policy.intro[0]).toBe('各省、自治区、直辖市人民政府，国务院各部委、各直属机构：');
    expect(problems).toEqual([]);
  });

  test('"## 一、title" is an item with a title; (一) under it is anchored 一-一', () => {
    expect(policy.units.map((top) => [top.id, top.title])).toEqual([
      ['一', '开征文化事业建设费'],
      ['二', '鼓励对文化事业的捐赠'],
      ['三', '继续实行财税优惠政策'],
      ['四', '建立健全专项资金制度'],
    ]);
    expect(unit(policy, '一')?.children.map((child) => [child.id, child.label])).toEqual([
      ['一-一', '(一)'],
      ['一-二', '(二)'],
      ['一-三', '(三)'],
    ]);
  });

  test('a paragraph between items belongs to the item before it', () => {
    expect(unit(policy, '一-一')?.paragraphs[1]).toMatch(/^广播电台、电视台和报纸/);
  });

  test('citationName names an item by its chain of labels: 一(二)', () => {
    const placed = placedUnits(policy).find((candidate) => candidate.unit.id === '一-二');
    expect(placed && citationName(placed.unit, placed.ancestors)).toBe('一(二)');
  });

  test('counts: no articles, 4 outermost items', () => {
    expect(unitCounts(policy)).toEqual({ articleCount: 0, itemCount: 4 });
  });
});

describe('the numbered form, four levels: numbered-synthetic.md', () => {
  const { policy, problems } = parseFixture('numbered-synthetic.md');

  test('一、 （一） 1. （1） nest, anchored 一, 一-二, 一-二-1, 一-二-1-2', () => {
    expect(ids(policy)).toEqual(['一', '一-一', '一-二', '一-二-1', '一-二-1-1', '一-二-1-2', '一-二-2', '二', '二-一', '二-三', '四', '附件', '附件-1', '附件-2']);
    expect(unit(policy, '一-二-1-2')).toMatchObject({ kind: 'item', level: 4, label: '（2）', number: 2 });
  });

  test('the skipped （二） and 三、 are warnings at their lines', () => {
    expect(problems).toEqual([
      ['item-numbering', 31, '（三） follows （一）'],
      ['item-numbering', 33, '四、 follows 二、'],
    ]);
  });

  test('a date line with no words, and an address before the first item', () => {
    expect(policy.events).toEqual([{ date: '2016-01-01', text: '', kind: 'other' }]);
    expect(policy.intro).toEqual(['各区县：', '为了测试四级编号，提出如下意见。']);
  });
});

describe('the unnumbered form: unnumbered-synthetic.md', () => {
  const { policy, problems } = parseFixture('unnumbered-synthetic.md');

  test('paragraphs under "##" and "###" headings, anchored by their words', () => {
    expect(policy.form).toBe('unnumbered');
    expect(policy.units.map((top) => [top.id, top.children.map((child) => child.id), top.paragraphs])).toEqual([
      ['基本案情', [], ['第一段。']],
      ['裁判结果', ['一审'], ['第二段。']],
      ['典型意义', [], ['第四段。']],
    ]);
  });

  test('an undated line before INFO END is a note with a warning', () => {
    expect(policy.notes).toEqual(['测试法院发布']);
    expect(problems).toEqual([['front-matter-line', 3, 'a line before "<!-- INFO END -->" without a date; shown as a note under 制定和修改']]);
  });
});

describe('quoted new wording: quoted-synthetic.md', () => {
  const { policy, problems } = parseFixture('quoted-synthetic.md');

  test('第X条 and （一） inside a quotation of several paragraphs start no unit', () => {
    expect(policy.form).toBe('numbered');
    expect(ids(policy)).toEqual(['一', '二']);
    expect(unit(policy, '一')?.paragraphs).toEqual(['将第五条修改为：“第五条 新的文字：', '“（一）甲；', '“（二）乙。”']);
    expect(problems).toEqual([]);
  });
});

describe('policyUnitViews: what the page renders of each form', () => {
  const entry = (file: string): PolicyTextEntry => {
    const { policy } = parseFixture(file);
    return { slug: 'fixture', file, shortTitle: '测试', level: 'municipal', topics: ['测试'], kind: 'text', ...policy, ...unitCounts(policy) };
  };
  const views = (file: string) => policyUnitViews(entry(file), { site: new URL('https://example.org'), siteName: '兰州民族工作数据站', datasetTitle: (id) => id });
  const flat = (list: readonly UnitView[]): UnitView[] => list.flatMap((view) => [view, ...flat(view.children)]);

  test('heading levels follow nesting from h2: chapter h2, section h3, article h4', () => {
    const byId = new Map(flat(views('articles-synthetic.md')).map((view) => [view.id, view]));
    expect(['第二章', '第二章第一节', '第三条', '附件一', '附件一-一', '附件一-一-一'].map((id) => byId.get(id)?.level)).toEqual([2, 3, 4, 2, 3, 4]);
  });

  test('every article and item gets a permalink and a citation; a chapter without text of its own does not', () => {
    const all = flat(views('numbered-synthetic.md'));
    expect(all.filter((view) => view.kind === 'item').every((view) => view.tools !== undefined)).toBe(true);
    const item = all.find((view) => view.id === '一-二-1-2');
    expect(item?.tools).toMatchObject({
      url: 'https://example.org/policies/fixture/#%E4%B8%80-%E4%BA%8C-1-2',
      name: '一（二）1（2）',
      citation: '《测试用合成意见：四级编号（非真实文件）》一（二）1（2）（2016年1月1日）。兰州民族工作数据站，https://example.org/policies/fixture/#%E4%B8%80-%E4%BA%8C-1-2',
      link: '本项链接',
      cite: '引用本项',
    });
    expect(flat(views('articles-synthetic.md')).find((view) => view.id === '第一章')?.tools).toBeUndefined();
  });

  test('a heading with paragraphs of its own gets a citation of that part', () => {
    expect(flat(views('unnumbered-synthetic.md')).find((view) => view.id === '裁判结果')?.tools).toMatchObject({ name: '裁判结果', cite: '引用本部分' });
  });
});
