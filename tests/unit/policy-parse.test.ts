import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, expectTypeOf, test } from 'vitest';
import { chineseNumeral, parseChineseNumeral } from '../../src/lib/policy/numerals.ts';
import { readPoliciesFile } from '../../src/lib/policy/library.ts';
import { decodePolicyFile, eventKind, parseEventLine, parsePolicy } from '../../src/lib/policy/parse.ts';
import { allArticles, allUnits, isContainer } from '../../src/lib/policy/units.ts';
import { parsedPolicySchema, type ParsedPolicy, type PolicyUnit } from '../../src/schemas/policy.ts';

const DIR = 'data/policies';
const entries = readPoliciesFile('data').texts;
const read = (file: string) => readFileSync(join(DIR, file), 'utf8');
const CHONGQING_HEADING = '保障少数民族政治权利';
const CHONGQING = '重庆市散居少数民族权益保障条例(2010-07-30).md';

/** Parses a shipped text as the library does, with its entry's unnumbered headings. */
function parseShipped(file: string) {
  const entry = entries.find((candidate) => candidate.file === file);
  return parsePolicy(read(file), { source: file, unnumberedHeadings: entry?.unnumberedHeadings ?? [] });
}
const parse = (file: string): ParsedPolicy => {
  const { policy } = parseShipped(file);
  if (!policy) throw new Error(`${file} was refused`);
  return policy;
};
const ARTICLE_LINE = /^第[零〇一二三四五六七八九十百千]+条(之[零〇一二三四五六七八九十百千]+)?[\s\u3000]/;

/** Warnings the shipped texts are known to carry: real irregularities of the collected texts. */
const KNOWN_WARNINGS: Record<string, string[]> = {
  [CHONGQING]: ['第三章 follows 第一章'],
  '河南省宗教事务条例(2019-11-29).md': ['第二章 is the first of its kind here'],
  '浙江省景宁畲族自治县自治条例(2021-05-28).md': ['a heading continued on this line; the two are read as one heading'],
};

describe('parseChineseNumeral', () => {
  test.each([
    ['一', 1],
    ['十', 10],
    ['十一', 11],
    ['二十', 20],
    ['二十九', 29],
    ['一百', 100],
    ['一百零五', 105],
    ['一百一十', 110],
    ['一百四十三', 143],
    ['一千零一', 1001],
  ])('parseChineseNumeral("%s") returns %i', (numeral, value) => {
    expect(parseChineseNumeral(numeral)).toBe(value);
  });

  test.each(['', '百一', '一一', '十百', '一百十', 'x'])('parseChineseNumeral("%s") returns undefined', (numeral) => {
    expect(parseChineseNumeral(numeral)).toBeUndefined();
  });

  test('chineseNumeral is the inverse of parseChineseNumeral for 1–1,300', () => {
    for (let value = 1; value <= 1300; value++) expect(parseChineseNumeral(chineseNumeral(value))).toBe(value);
  });
});

describe('parsePolicy on every shipped text', () => {
  describe.each(entries.map((entry) => entry.file))('%s', (file) => {
    const text = read(file);
    const result = parseShipped(file);
    const parsed = result.policy as ParsedPolicy;
    const body = text.slice(text.indexOf('<!-- INFO END -->') + '<!-- INFO END -->'.length);
    const bodyLines = body
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '' && !/^<!--.*-->$/.test(line));

    test('is read, not refused, with only its known warnings', () => {
      expect(parsed).toBeDefined();
      expect(result.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
      expect(result.problems.map((problem) => problem.message)).toEqual(KNOWN_WARNINGS[file] ?? []);
    });

    test('title is the "# " line', () => {
      expect(parsed.title).toBe(/^# (.+)$/m.exec(text)?.[1]?.trim());
    });

    test('every line that starts with 第X条 becomes one article, its anchor its label', () => {
      const articleLines = bodyLines.filter((line) => ARTICLE_LINE.test(line));
      const articles = allArticles(parsed);
      expect(articles).toHaveLength(articleLines.length);
      expect(articles.every((article) => article.id === article.label)).toBe(true);
    });

    test('every "#" heading becomes a heading, 编, 章 or 节', () => {
      const headingLines = bodyLines.filter((line) => line.startsWith('#'));
      expect(allUnits(parsed).filter((unit) => isContainer(unit) && !unit.unmarked)).toHaveLength(headingLines.length);
    });

    test('every dated line before INFO END becomes at least one event with an ISO date', () => {
      const info = text.slice(0, text.indexOf('<!-- INFO END -->'));
      const dates = [...info.matchAll(/(\d{4})年(\d{1,2})月(\d{1,2})日/g)].map(([, y, m, d]) => `${y}-${m?.padStart(2, '0')}-${d?.padStart(2, '0')}`);
      expect(parsed.events.map((event) => event.date)).toEqual(dates);
      expect(parsed.notes).toEqual([]);
    });

    test('no text is lost: every body line is a unit\'s label, a paragraph, or both (第X条 and its first paragraph)', () => {
      const units = allUnits(parsed);
      const paragraphs = [...parsed.intro, ...units.flatMap((unit) => unit.paragraphs)];
      const labelAndText = bodyLines.filter((line) => /^第[零〇一二三四五六七八九十百千]+条(之[零〇一二三四五六七八九十百千]+)?[\s\u3000]+\S/.test(line)).length;
      const joinedLines = result.problems.filter((problem) => problem.kind === 'joined-heading').length;
      expect(units.length + paragraphs.length - labelAndText + joinedLines).toBe(bodyLines.length);
    });

    test('the result matches parsedPolicySchema, and anchors are unique', () => {
      expect(parsedPolicySchema.safeParse(parsed).success).toBe(true);
      const ids = allUnits(parsed).map((unit) => unit.id);
      expect(new Set(ids).size).toBe(ids.length);
    });
  });
});

describe('parsePolicy on particular texts', () => {
  test('宪法: 第一百四十三条 is article 143 and the last', () => {
    expect(allArticles(parse('宪法.md')).at(-1)).toMatchObject({ number: 143, label: '第一百四十三条', id: '第一百四十三条' });
  });

  test('宪法: 序言 is a heading with its thirteen paragraphs, and no FORCE BREAK comment among them', () => {
    const [preamble] = parse('宪法.md').units;
    expect(preamble).toMatchObject({ kind: 'heading', id: '序言', title: '序言', children: [] });
    expect(preamble?.paragraphs[0]).toMatch(/^中国是世界上历史最悠久的国家之一/);
    expect(preamble?.paragraphs).toHaveLength(13);
    expect(preamble?.paragraphs.some((paragraph) => paragraph.includes('<!--'))).toBe(false);
  });

  test('宪法: 第三章 has its eight sections, 第六节 holds the articles on 民族自治地方', () => {
    const chapter = parse('宪法.md').units.find((candidate) => candidate.id === '第三章');
    expect(chapter?.children.map((section) => section.label)).toEqual(['第一节', '第二节', '第三节', '第四节', '第五节', '第六节', '第七节', '第八节']);
    expect(chapter?.children[5]).toMatchObject({ kind: 'section', id: '第三章第六节', title: '民族自治地方的自治机关' });
  });

  test('宪法: an article with a list keeps each item as a paragraph', () => {
    const article = allArticles(parse('宪法.md')).find((candidate) => candidate.number === 89);
    expect(article?.paragraphs[0]).toBe('国务院行使下列职权：');
    expect(article?.paragraphs[1]).toMatch(/^（一）根据宪法和法律/);
    expect(article?.children).toEqual([]);
  });

  test('城市民族工作条例: 第九条 has its three paragraphs, verbatim', () => {
    const article = allArticles(parse('城市民族工作条例(1993-09-15).md')).find((candidate) => candidate.id === '第九条');
    expect(article?.paragraphs).toEqual([
      '城市人民政府应当重视发展少数民族教育事业，加强对少数民族教育事业的领导和支持。',
      '城市人民政府应当采取适当措施，提高少数民族教师队伍的素质，办好各级各类民族学校(班)，在经费、教师配备方面对民族学校(班)给予适当照顾，并根据当地少数民族的特点发展各种职业技术教育和成人教育。',
      '地方招生部门可以按照国家有关规定，结合当地实际情况，对义务教育后阶段的少数民族考生，招生时给予适当照顾。',
    ]);
  });

  test('城市民族工作条例: no chapters, so its thirty articles are the top-level units', () => {
    const parsed = parse('城市民族工作条例(1993-09-15).md');
    expect(parsed.form).toBe('articles');
    expect(parsed.units.map((unit) => unit.kind)).toEqual(Array(30).fill('article'));
  });

  test('chapter titles drop typographic spaces: 北京 "第一章　总　　则" → 第一章 / 总则', () => {
    expect(parse('北京市少数民族权益保障条例.md').units[0]).toMatchObject({ kind: 'chapter', id: '第一章', label: '第一章', title: '总则' });
  });

  test('河南: a line holding two amendments gives two events', () => {
    const events = parse('河南省少数民族权益保障条例(2010-07-30).md').events;
    expect(events.map((event) => [event.date, event.kind])).toEqual([
      ['1994-09-01', 'adopted'],
      ['1997-04-04', 'amended'],
      ['2010-07-30', 'amended'],
    ]);
    expect(events[1]?.text.endsWith('第一次修正')).toBe(true);
  });

  test('广东: trailing 根据 and an unmatched ） are not part of the event text', () => {
    const events = parse('广东省散居少数民族权益保障条例(2022-11-30).md').events;
    expect(events[1]?.text.endsWith('第一次修正')).toBe(true);
    expect(events.at(-1)?.text.endsWith('第三次修正')).toBe(true);
  });

  test('重庆: the heading listed in unnumberedHeadings is an unmarked heading holding 第八条, not part of 第七条', () => {
    const parsed = parse(CHONGQING);
    expect(parsed.units[1]).toMatchObject({ kind: 'heading', id: CHONGQING_HEADING, title: CHONGQING_HEADING, unmarked: true });
    expect(parsed.units[1]?.children[0]?.id).toBe('第八条');
    expect(allArticles(parsed).find((article) => article.number === 7)?.paragraphs).not.toContain(CHONGQING_HEADING);
  });

  test('重庆: without the unnumbered heading option the line is read as part of 第七条', () => {
    const { policy } = parsePolicy(read(CHONGQING));
    expect(allArticles(policy as ParsedPolicy).find((article) => article.number === 7)?.paragraphs.at(-1)).toBe(CHONGQING_HEADING);
  });
});

describe('parsePolicy refuses only a broken file', () => {
  test('parsePolicy of an empty file refuses it: "empty" at line 1', () => {
    const result = parsePolicy('\n  \n', { source: 'x.md' });
    expect(result.policy).toBeUndefined();
    expect(result.problems).toMatchObject([{ kind: 'empty', severity: 'error', file: 'x.md', line: 1 }]);
  });

  test('parsePolicy without a "# " title refuses it: "no-title" at the first line with text', () => {
    const result = parsePolicy('\n\n第一条 文本\n<!-- INFO END -->', { source: 'x.md' });
    expect(result.policy).toBeUndefined();
    expect(result.problems).toMatchObject([{ kind: 'no-title', severity: 'error', line: 3, found: '第一条 文本' }]);
  });

  test('parsePolicy with "## " as the first line refuses it: a title is "# "', () => {
    expect(parsePolicy('## 第一章 总则\n第一条 文本').problems[0]?.kind).toBe('no-title');
  });

  test('decodePolicyFile of GB18030 bytes refuses it: "not-utf8" at the first line that does not decode', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('# 标题\n\n'), 0xb5, 0xda, 0xd2, 0xbb, 0xcc, 0xf5]);
    const result = decodePolicyFile(bytes, 'gbk.md');
    expect('problem' in result && result.problem).toMatchObject({ kind: 'not-utf8', severity: 'error', file: 'gbk.md', line: 3 });
  });

  test('decodePolicyFile of UTF-8 bytes returns the text', () => {
    expect(decodePolicyFile(new TextEncoder().encode('# 标题'), 'x.md')).toEqual({ text: '# 标题' });
  });
});

describe('parsePolicy reads irregular texts with warnings', () => {
  const body = (text: string) => parsePolicy(`# 标题\n<!-- INFO END -->\n${text}`, { source: 'x.md' });
  const policyOf = (text: string) => body(text).policy as ParsedPolicy;

  test('without INFO END the dated lines after the title are its history, with a warning', () => {
    const result = parsePolicy('# 标题\n\n2001年2月3日 某机关通过\n\n第一条 文本', { source: 'x.md' });
    expect(result.policy?.events).toEqual([{ date: '2001-02-03', text: '某机关通过', kind: 'adopted' }]);
    expect(allArticles(result.policy as ParsedPolicy).map((unit) => unit.id)).toEqual(['第一条']);
    expect(result.problems.map((problem) => [problem.kind, problem.severity])).toEqual([['no-info-end', 'warning']]);
  });

  test('an undated line before INFO END is kept as a note, with a warning naming its line', () => {
    const result = parsePolicy('# 标题\n\n某机关通过\n\n<!-- INFO END -->\n\n第一条 文本', { source: 'x.md' });
    expect(result.policy?.notes).toEqual(['某机关通过']);
    expect(result.problems).toMatchObject([{ kind: 'front-matter-line', line: 3, severity: 'warning' }]);
  });

  test('text before the first article is the intro, not an error', () => {
    expect(policyOf('说明文字\n\n第一条 文本').intro).toEqual(['说明文字']);
  });

  test('a section outside any chapter is a section at the top, anchored by its label', () => {
    expect(policyOf('### 第一节 总则\n第一条 文本').units[0]).toMatchObject({ kind: 'section', id: '第一节', children: [{ id: '第一条' }] });
  });

  test('an unknown "##" heading is a heading anchored by its words', () => {
    expect(policyOf('## 附 录\n第一条 文本').units[0]).toMatchObject({ kind: 'heading', id: '附录', title: '附录' });
  });

  test('a skipped article is a warning at its line: 第三条 follows 第一条', () => {
    const result = body('第一条 甲\n第三条 丙');
    expect(allArticles(result.policy as ParsedPolicy)).toHaveLength(2);
    expect(result.problems).toMatchObject([{ kind: 'article-numbering', line: 4, message: '第三条 follows 第一条', expected: 'article 2' }]);
  });

  test('an article label alone on its line starts an article with the paragraphs that follow', () => {
    expect(policyOf('第一条\n\n甲\n\n乙').units).toEqual([{ kind: 'article', id: '第一条', label: '第一条', number: 1, paragraphs: ['甲', '乙'], children: [] }]);
  });

  test('a line that mentions 第二条 mid-sentence is not an article', () => {
    expect(policyOf('第一条 甲\n依照本条例第二条的规定').units).toHaveLength(1);
  });

  test('a repeated article gets the anchor 第一条_2 and a warning', () => {
    const result = body('第一条 甲\n第一条 乙');
    expect(allUnits(result.policy as ParsedPolicy).map((unit: PolicyUnit) => unit.id)).toEqual(['第一条', '第一条_2']);
    expect(result.problems.map((problem) => problem.kind).sort()).toEqual(['article-numbering', 'duplicate-anchor']);
  });

  test('a heading whose words are an id of the page itself (toc) gets toc_2', () => {
    expect(policyOf('## toc\n第一条 甲').units[0]?.id).toBe('toc_2');
  });

  test('a zero-width space on a line of its own is an empty line', () => {
    expect(policyOf('\u200b\n第一条 甲').units).toHaveLength(1);
  });

  test('a table of contents inside the text is kept as text, so #第一章 is the chapter itself', () => {
    const result = body('## 第一章 总则\n## 第二章 附则\n## 第一章 总则\n第一条 甲\n## 第二章 附则\n第二条 乙');
    expect(result.policy?.intro).toEqual(['## 第一章 总则', '## 第二章 附则']);
    expect(result.policy?.units.map((unit) => [unit.id, unit.children.length])).toEqual([
      ['第一章', 1],
      ['第二章', 1],
    ]);
    expect(result.problems.map((problem) => problem.kind)).toEqual(['contents-list']);
  });
});

describe('events', () => {
  test.each([
    ['第六届全国人民代表大会第四次会议通过', 'adopted'],
    ['国务院批准', 'approved'],
    ['国家民族事务委员会令第2号发布', 'promulgated'],
    ['中华人民共和国国务院令第435号公布', 'promulgated'],
    ['第十届全国人民代表大会常务委员会第二十二次会议修订', 'revised'],
    ['第九届全国人民代表大会第二次会议通过的《中华人民共和国宪法修正案》', 'amended'],
    ['施行', 'in-force'],
    ['会议纪要', 'other'],
  ])('eventKind("%s") returns %s', (text, kind) => {
    expect(eventKind(text)).toBe(kind);
  });

  test('parseEventLine pads month and day: 1993年8月29日 → 1993-08-29', () => {
    expect(parseEventLine('1993年8月29日 国务院批准　')).toEqual([{ date: '1993-08-29', text: '国务院批准', kind: 'approved' }]);
  });

  test('parseEventLine of a date with no words after it gives an event of kind other with empty text', () => {
    expect(parseEventLine('2018年2月1日')).toEqual([{ date: '2018-02-01', text: '', kind: 'other' }]);
  });

  test('parseEventLine reads full-width digits and keeps the words verbatim', () => {
    expect(parseEventLine('２００２年６月２９日 第九届全国人民代表大会常务委员会第二十八次会议通过')).toEqual([
      { date: '2002-06-29', text: '第九届全国人民代表大会常务委员会第二十八次会议通过', kind: 'adopted' },
    ]);
  });

  test('parseEventLine does not split at a date after 的: it names a decision', () => {
    expect(parseEventLine('1994年10月12日 山东省人大常委会批准的1994年9月2日青岛市人大常委会《关于修改的决定》修正')).toHaveLength(1);
  });

  test('parseEventLine on a line without a date returns no event', () => {
    expect(parseEventLine('国务院批准')).toEqual([]);
  });

  test('a dated line wrapped inside 《…》 continues on the next line: one event, amended', () => {
    const { policy, problems } = parsePolicy('# 标题\n1989年11月18日 某会议《关于修改〈某实施\n细则〉的决定》第一次修正\n<!-- INFO END -->\n第一条 甲');
    expect(policy?.events).toEqual([{ date: '1989-11-18', text: '某会议《关于修改〈某实施细则〉的决定》第一次修正', kind: 'amended' }]);
    expect(problems).toEqual([]);
  });
});

test('ParsedPolicy units are PolicyUnit trees, inferred from the schema', () => {
  expectTypeOf<ParsedPolicy['units'][number]>().toEqualTypeOf<PolicyUnit>();
  expectTypeOf<PolicyUnit['children'][number]>().toEqualTypeOf<PolicyUnit>();
});
