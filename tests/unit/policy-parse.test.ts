import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseChineseNumeral } from '../../src/lib/policy/numerals.ts';
import { allArticles, eventKind, numberingProblems, parseEventLine, parsePolicy, PolicyParseError } from '../../src/lib/policy/parse.ts';
import { parsedPolicySchema } from '../../src/schemas/policy.ts';

const DIR = 'data/policies';
const files = readdirSync(DIR).filter((file) => file.endsWith('.md')).sort();
const read = (file: string) => readFileSync(join(DIR, file), 'utf8');
const CHONGQING_HEADING = '保障少数民族政治权利';
const parse = (file: string) => parsePolicy(read(file), { source: file, unnumberedHeadings: file.startsWith('重庆') ? [CHONGQING_HEADING] : [] });

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
});

describe('parsePolicy on all seventeen files', () => {
  test('data/policies holds the seventeen collected files', () => {
    expect(files).toHaveLength(17);
  });

  describe.each(files)('%s', (file) => {
    const text = read(file);
    const parsed = parse(file);

    test('title is the "# " line', () => {
      expect(parsed.title).toBe(/^# (.+)$/m.exec(text)?.[1]?.trim());
    });

    test('every line that starts with 第X条 becomes one article, numbered 1, 2, 3 … without gaps', () => {
      const articleLines = text.split('\n').filter((line) => /^第[零〇一二三四五六七八九十百千]+条/.test(line));
      expect(allArticles(parsed)).toHaveLength(articleLines.length);
      expect(numberingProblems(parsed)).toEqual([]);
    });

    test('every "## " heading becomes a chapter and every "### " heading a section', () => {
      const chapterLines = text.split('\n').filter((line) => line.startsWith('## '));
      const sectionLines = text.split('\n').filter((line) => line.startsWith('### '));
      expect(parsed.chapters.filter((chapter) => chapter.kind !== 'unnumbered')).toHaveLength(chapterLines.length);
      expect(parsed.chapters.flatMap((chapter) => chapter.sections)).toHaveLength(sectionLines.length);
    });

    test('every dated line before INFO END becomes at least one event with an ISO date', () => {
      const info = text.slice(0, text.indexOf('<!-- INFO END -->'));
      const datedLines = info.split('\n').filter((line) => /\d{4}年\d{1,2}月\d{1,2}日/.test(line));
      const dates = [...info.matchAll(/(\d{4})年(\d{1,2})月(\d{1,2})日/g)].map(([, y, m, d]) => `${y}-${m?.padStart(2, '0')}-${d?.padStart(2, '0')}`);
      expect(parsed.events.length).toBeGreaterThanOrEqual(datedLines.length);
      expect(parsed.events.map((event) => event.date)).toEqual(dates);
      expect(parsed.events.every((event) => event.kind !== 'other')).toBe(true);
    });

    test('no text is lost: every non-empty body line is a heading, an article start or a paragraph', () => {
      const body = text.slice(text.indexOf('<!-- INFO END -->') + '<!-- INFO END -->'.length);
      const bodyLines = body.split('\n').map((line) => line.trim()).filter((line) => line !== '');
      const paragraphs = [
        ...parsed.chapters.flatMap((chapter) => chapter.paragraphs),
        ...allArticles(parsed).flatMap((article) => article.paragraphs),
      ];
      const headings = bodyLines.filter((line) => line.startsWith('#') || line === CHONGQING_HEADING).length;
      const articleLabelsOnly = allArticles(parsed).filter((article) => !/^第.+?条\s*\S/.test(bodyLines.find((line) => line.startsWith(article.label)) ?? '')).length;
      expect(paragraphs.length + headings + articleLabelsOnly).toBe(bodyLines.length);
    });

    test('the result matches parsedPolicySchema', () => {
      expect(parsedPolicySchema.safeParse(parsed).success).toBe(true);
    });
  });
});

describe('parsePolicy on particular texts', () => {
  test('宪法: 第一百四十三条 is article 143 and the last', () => {
    const articles = allArticles(parse('宪法.md'));
    expect(articles.at(-1)).toMatchObject({ number: 143, label: '第一百四十三条' });
  });

  test('宪法: 序言 is a preamble with paragraphs and no articles', () => {
    const [preamble] = parse('宪法.md').chapters;
    expect(preamble).toMatchObject({ kind: 'preamble', id: '序言', articles: [] });
    expect(preamble?.paragraphs[0]).toMatch(/^中国是世界上历史最悠久的国家之一/);
  });

  test('宪法: 第三章 has its eight sections, 第六节 holds the articles on 民族自治地方', () => {
    const chapter = parse('宪法.md').chapters.find((candidate) => candidate.id === '第三章');
    expect(chapter?.sections.map((section) => section.label)).toEqual(['第一节', '第二节', '第三节', '第四节', '第五节', '第六节', '第七节', '第八节']);
    expect(chapter?.sections[5]).toMatchObject({ id: '第三章第六节', title: '民族自治地方的自治机关' });
    expect(chapter?.articles).toEqual([]);
  });

  test('宪法: an article with a list keeps each item as a paragraph', () => {
    const article = allArticles(parse('宪法.md')).find((candidate) => candidate.number === 89);
    expect(article?.paragraphs[0]).toBe('国务院行使下列职权：');
    expect(article?.paragraphs[1]).toMatch(/^（一）根据宪法和法律/);
  });

  test('城市民族工作条例: 第九条 has its three paragraphs, verbatim', () => {
    const article = allArticles(parse('城市民族工作条例(1993-09-15).md')).find((candidate) => candidate.label === '第九条');
    expect(article?.paragraphs).toEqual([
      '城市人民政府应当重视发展少数民族教育事业，加强对少数民族教育事业的领导和支持。',
      '城市人民政府应当采取适当措施，提高少数民族教师队伍的素质，办好各级各类民族学校(班)，在经费、教师配备方面对民族学校(班)给予适当照顾，并根据当地少数民族的特点发展各种职业技术教育和成人教育。',
      '地方招生部门可以按照国家有关规定，结合当地实际情况，对义务教育后阶段的少数民族考生，招生时给予适当照顾。',
    ]);
  });

  test('城市民族工作条例: no chapters, so its thirty articles stand outside any chapter', () => {
    const parsed = parse('城市民族工作条例(1993-09-15).md');
    expect(parsed.chapters).toEqual([]);
    expect(parsed.articles).toHaveLength(30);
  });

  test('chapter titles drop typographic spaces: 北京 "第一章　总　　则" → 第一章 / 总则', () => {
    expect(parse('北京市少数民族权益保障条例.md').chapters[0]).toMatchObject({ id: '第一章', label: '第一章', title: '总则' });
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

  test('重庆: the heading without a chapter number becomes an unnumbered chapter, not part of 第七条', () => {
    const parsed = parse('重庆市散居少数民族权益保障条例(2010-07-30).md');
    expect(parsed.chapters[1]).toMatchObject({ kind: 'unnumbered', id: CHONGQING_HEADING, title: CHONGQING_HEADING });
    expect(parsed.chapters[1]?.articles[0]?.label).toBe('第八条');
    expect(allArticles(parsed).find((article) => article.number === 7)?.paragraphs).not.toContain(CHONGQING_HEADING);
  });

  test('重庆: without the unnumbered heading option the line is read as part of 第七条', () => {
    const parsed = parsePolicy(read('重庆市散居少数民族权益保障条例(2010-07-30).md'));
    expect(allArticles(parsed).find((article) => article.number === 7)?.paragraphs.at(-1)).toBe(CHONGQING_HEADING);
  });
});

describe('parsePolicy on malformed input', () => {
  test('parsePolicy without a title throws PolicyParseError at line 1', () => {
    expect(() => parsePolicy('第一条 文本\n<!-- INFO END -->', { source: 'x.md' })).toThrow(/^x\.md:1: expected the title/);
  });

  test('parsePolicy without INFO END throws PolicyParseError', () => {
    expect(() => parsePolicy('# 标题\n\n第一条 文本')).toThrow(PolicyParseError);
  });

  test('parsePolicy with an undated line before INFO END throws, naming the line', () => {
    expect(() => parsePolicy('# 标题\n\n某机关通过\n\n<!-- INFO END -->\n\n第一条 文本', { source: 'x.md' })).toThrow(/^x\.md:3: a line before/);
  });

  test('parsePolicy with text before the first article throws rather than dropping it', () => {
    expect(() => parsePolicy('# 标题\n<!-- INFO END -->\n\n说明文字\n\n第一条 文本', { source: 'x.md' })).toThrow(/^x\.md:4: text outside any article/);
  });

  test('parsePolicy with a section outside any chapter throws', () => {
    expect(() => parsePolicy('# 标题\n<!-- INFO END -->\n### 第一节 总则\n第一条 文本')).toThrow(/outside any chapter/);
  });

  test('parsePolicy with an unknown "##" heading throws', () => {
    expect(() => parsePolicy('# 标题\n<!-- INFO END -->\n## 附录\n第一条 文本')).toThrow(/not a chapter/);
  });

  test('numberingProblems reports a skipped article', () => {
    const parsed = parsePolicy('# 标题\n<!-- INFO END -->\n第一条 甲\n第三条 丙');
    expect(numberingProblems(parsed)).toEqual(['第三条 (3) where article 2 was expected']);
  });

  test('an article label alone on its line starts an article with the paragraphs that follow', () => {
    const parsed = parsePolicy('# 标题\n<!-- INFO END -->\n第一条\n\n甲\n\n乙');
    expect(parsed.articles).toEqual([{ number: 1, label: '第一条', paragraphs: ['甲', '乙'] }]);
  });

  test('a line that mentions 第二条 mid-sentence is not an article', () => {
    const parsed = parsePolicy('# 标题\n<!-- INFO END -->\n第一条 甲\n依照本条例第二条的规定');
    expect(parsed.articles).toHaveLength(1);
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

  test('parseEventLine on a line without a date returns no event', () => {
    expect(parseEventLine('国务院批准')).toEqual([]);
  });
});
