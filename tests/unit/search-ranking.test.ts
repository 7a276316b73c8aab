import { describe, expect, test } from 'vitest';
import { phraseFirst, phraseOf, QUOTATION_WEIGHT, withoutWordBreaks } from '../../src/lib/search/ranking.ts';
import { chineseWords, indexableHtml, segmentHan, wordList } from '../../src/lib/search/segment.ts';

const B = '\u200B';

describe('segment', () => {
  test('chineseWords("城市民族工作条例") returns the browser segmenter\'s words 城市, 民族, 工作, 条例', () => {
    expect(chineseWords('城市民族工作条例')).toEqual(['城市', '民族', '工作', '条例']);
  });

  test('segmentHan puts a zero-width space between the words of Han runs and leaves other text alone', () => {
    expect(segmentHan('城关区排洪沟社区, 2017 年')).toBe(`城关${B}区${B}排${B}洪${B}沟${B}社区, 2017 年`);
  });

  test('wordList reads entities and drops punctuation: 国务院实施《民族区域自治法》 → words joined by spaces', () => {
    expect(wordList('国务院实施《民族区域自治法》若干规定')).toBe('国务院 实施 民族 区域 自治 法 若干 规定');
    expect(wordList('《&lt;实施意见&gt;工作任务分解表》')).toBe('实施 意见 工作 任务 分解 表');
  });
});

describe('indexableHtml', () => {
  test('cuts running text into words, but no attribute value, script or style', () => {
    const html = '<main data-pagefind-body><h1 title="民族团结">民族团结</h1><span hidden data-pagefind-filter="主题:民族团结"></span><script>const a = "民族团结";</script><style>p::after{content:"民族团结"}</style></main>';
    const indexed = indexableHtml(html);
    expect(indexed).toContain(`<h1 title="民族团结">民族${B}团结</h1>`);
    expect(indexed).toContain('data-pagefind-filter="主题:民族团结"');
    expect(indexed).toContain('const a = "民族团结";');
    expect(indexed).toContain('content:"民族团结"');
  });

  test('a title_words field becomes words joined by spaces; the display title stays as written', () => {
    const indexed = indexableHtml('<span hidden data-pagefind-meta="title:中华人民共和国宪法"></span><span hidden data-pagefind-meta="title_words:中华人民共和国宪法 宪法"></span>');
    expect(indexed).toContain('data-pagefind-meta="title:中华人民共和国宪法"');
    expect(indexed).toContain(`data-pagefind-meta="title_words:${wordList('中华人民共和国宪法 宪法')}"`);
    expect(wordList('中华人民共和国宪法 宪法').split(' ')).toContain('宪法');
  });

  test(`a quotation is weighted ${QUOTATION_WEIGHT}, unless it says its own weight`, () => {
    expect(indexableHtml('<blockquote class="place-quote"><p>原文</p></blockquote>')).toBe(`<blockquote data-pagefind-weight="${QUOTATION_WEIGHT}" class="place-quote"><p>原文</p></blockquote>`);
    expect(indexableHtml('<blockquote data-pagefind-weight="2">x</blockquote>')).toBe('<blockquote data-pagefind-weight="2">x</blockquote>');
  });

  test('an element marked data-pagefind-ignore="all" is left out, nested elements of its name included; data-pagefind-ignore alone is kept', () => {
    const html = '<main><div data-pagefind-ignore="all"><div>目录</div><p>工具</p></div><p>民族团结</p><dl data-pagefind-ignore><dt>层级</dt></dl><img data-pagefind-ignore="all" src="x.png"><p>正文</p></main>';
    expect(indexableHtml(html)).toBe(`<main><p>民族${B}团结</p><dl data-pagefind-ignore><dt>${segmentHan('层级')}</dt></dl><p>正文</p></main>`);
  });

  test('a > inside a quoted attribute value does not end the tag', () => {
    expect(indexableHtml('<a data-x="a > 民族">民族团结</a>')).toBe(`<a data-x="a > 民族">民族${B}团结</a>`);
  });
});

describe('ranking', () => {
  test('phraseOf quotes a query of one run of text, and nothing with spaces or quotes', () => {
    expect(phraseOf(' 排洪沟 ')).toBe('"排洪沟"');
    expect(phraseOf('民族 教育')).toBeUndefined();
    expect(phraseOf('"宪法"')).toBeUndefined();
    expect(phraseOf('')).toBeUndefined();
  });

  test('phraseFirst puts the results holding the phrase first, each group in Pagefind\'s order', () => {
    const results = ['a', 'b', 'c', 'd'].map((id) => ({ id }));
    expect(phraseFirst(results, [{ id: 'd' }, { id: 'b' }]).map((result) => result.id)).toEqual(['b', 'd', 'a', 'c']);
    expect(phraseFirst(results, []).map((result) => result.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(phraseFirst(results, undefined).map((result) => result.id)).toEqual(['a', 'b', 'c', 'd']);
  });

  test('withoutWordBreaks removes the index\'s zero-width spaces from an excerpt', () => {
    expect(withoutWordBreaks(`城市${B}<mark>民族</mark>${B}工作`)).toBe('城市<mark>民族</mark>工作');
  });
});
