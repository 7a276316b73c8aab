import type { ParsedPolicy, PolicyArticle, PolicyChapter, PolicyEvent, PolicySection } from '../../schemas/policy.ts';
import { parseChineseNumeral } from './numerals.ts';

/**
 * Markdown of a law or regulation as collected by LawRefBook/Laws → title, dated events,
 * chapters, sections and articles. Pure: text in, structure out; the text itself is kept
 * verbatim, paragraph by paragraph.
 *
 * The shape of a file: `# title`, dated lines, `<!-- INFO END -->`, then `## 第一章 总则`
 * (or `## 序言`), optionally `### 第一节 …`, and articles that start a line with `第X条`.
 */

const INFO_END = '<!-- INFO END -->';
const NUMERAL = '[零〇一二三四五六七八九十百千]+';
const ARTICLE_LINE = new RegExp(`^(第(${NUMERAL})条)(?:[\\s\\u3000]+(.*))?$`);
const CHAPTER_HEADING = new RegExp(`^(第(${NUMERAL})章)[\\s\\u3000]*(.*)$`);
const SECTION_HEADING = new RegExp(`^(第(${NUMERAL})节)[\\s\\u3000]*(.*)$`);
const DATE = /(\d{4})年(\d{1,2})月(\d{1,2})日/g;

export interface ParseOptions {
  /** Lines that are headings without a chapter number (see policies.yaml `unnumberedHeadings`). */
  unnumberedHeadings?: readonly string[];
  /** File name, for error messages. */
  source?: string;
}

export class PolicyParseError extends Error {
  constructor(source: string, line: number, message: string) {
    super(`${source}:${line}: ${message}`);
    this.name = 'PolicyParseError';
  }
}

/** Spaces inside a heading are typographic (`总　　则`); the title drops them. */
function headingTitle(text: string): string {
  return text.replace(/[\s\u3000]+/g, '');
}

/** What a dated line's words say happened. */
export function eventKind(text: string): PolicyEvent['kind'] {
  if (text.includes('修正')) return 'amended';
  if (text.includes('修订')) return 'revised';
  if (/公布|发布/.test(text)) return 'promulgated';
  if (text.includes('批准')) return 'approved';
  if (text.endsWith('施行')) return 'in-force';
  if (text.endsWith('通过')) return 'adopted';
  return 'other';
}

/**
 * The words of one event. Collected lines sometimes end with the `根据` that introduced the
 * next amendment, or with the `）` that closed a parenthesis opened on an earlier line.
 */
function eventText(words: string): string {
  let text = words.trim().replace(/[\s\u3000]*根据$/, '').trim();
  const opened = [...text].filter((char) => char === '（' || char === '(').length;
  const closed = [...text].filter((char) => char === '）' || char === ')').length;
  if (closed > opened && /[）)]$/.test(text)) text = text.slice(0, -1).trim();
  return text;
}

/** Every event on one dated line (`1997年… 第一次修正根据2010年… 第二次修正` holds two). */
export function parseEventLine(line: string): PolicyEvent[] {
  const matches = [...line.matchAll(DATE)];
  return matches.map((match, index) => {
    const [, year, month, day] = match;
    const start = (match.index ?? 0) + match[0].length;
    const end = matches[index + 1]?.index ?? line.length;
    const text = eventText(line.slice(start, end));
    return {
      date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      text,
      kind: eventKind(text),
    };
  });
}

/** Parses one policy file. Throws PolicyParseError, with the line, on anything unexpected. */
export function parsePolicy(markdown: string, options: ParseOptions = {}): ParsedPolicy {
  const source = options.source ?? 'policy';
  const unnumbered = new Set(options.unnumberedHeadings ?? []);
  const lines = markdown.replace(/^\uFEFF/, '').split(/\r?\n/);
  const fail = (index: number, message: string): never => {
    throw new PolicyParseError(source, index + 1, message);
  };

  const titleIndex = lines.findIndex((line) => line.trim() !== '');
  const titleMatch = /^#\s+(.+)$/.exec(lines[titleIndex]?.trim() ?? '');
  if (!titleMatch?.[1]) return fail(Math.max(titleIndex, 0), 'expected the title as "# …" on the first line');
  const infoEnd = lines.findIndex((line) => line.trim() === INFO_END);
  if (infoEnd < 0) return fail(lines.length - 1, `no "${INFO_END}" line`);

  const events: PolicyEvent[] = [];
  for (let index = titleIndex + 1; index < infoEnd; index++) {
    const line = (lines[index] ?? '').trim();
    if (line === '') continue;
    const found = parseEventLine(line);
    if (found.length === 0) fail(index, `a line before "${INFO_END}" without a date (YYYY年M月D日): "${line}"`);
    events.push(...found);
  }

  const chapters: PolicyChapter[] = [];
  const looseArticles: PolicyArticle[] = [];
  let chapter: PolicyChapter | undefined;
  let section: PolicySection | undefined;
  let article: PolicyArticle | undefined;

  const openChapter = (next: PolicyChapter) => {
    chapters.push(next);
    chapter = next;
    section = undefined;
    article = undefined;
  };

  for (let index = infoEnd + 1; index < lines.length; index++) {
    const line = (lines[index] ?? '').trim();
    if (line === '') continue;

    if (line.startsWith('### ')) {
      const heading = line.slice(4).trim();
      const match = SECTION_HEADING.exec(heading);
      if (!match?.[1] || !match[3]) return fail(index, `a "###" heading that is not a section (第X节 …): "${heading}"`);
      if (!chapter) return fail(index, `section "${heading}" outside any chapter`);
      section = { id: `${chapter.id}${match[1]}`, label: match[1], title: headingTitle(match[3]), articles: [] };
      chapter.sections.push(section);
      article = undefined;
      continue;
    }

    if (line.startsWith('## ')) {
      const heading = line.slice(3).trim();
      if (headingTitle(heading) === '序言') {
        openChapter({ kind: 'preamble', id: '序言', label: '序言', title: '序言', paragraphs: [], articles: [], sections: [] });
        continue;
      }
      const match = CHAPTER_HEADING.exec(heading);
      if (!match?.[1] || !match[3]) return fail(index, `a "##" heading that is not a chapter (第X章 …) or 序言: "${heading}"`);
      openChapter({ kind: 'chapter', id: match[1], label: match[1], title: headingTitle(match[3]), paragraphs: [], articles: [], sections: [] });
      continue;
    }

    if (unnumbered.has(line)) {
      openChapter({ kind: 'unnumbered', id: headingTitle(line), title: headingTitle(line), paragraphs: [], articles: [], sections: [] });
      continue;
    }

    const articleMatch = ARTICLE_LINE.exec(line);
    if (articleMatch?.[1] && articleMatch[2]) {
      const number = parseChineseNumeral(articleMatch[2]);
      if (number === undefined || number === 0) return fail(index, `an article number that is not a Chinese numeral: "${articleMatch[1]}"`);
      const text = articleMatch[3]?.trim();
      article = { number, label: articleMatch[1], paragraphs: text ? [text] : [] };
      (section?.articles ?? chapter?.articles ?? looseArticles).push(article);
      continue;
    }

    if (article) article.paragraphs.push(line);
    else if (chapter && !section) chapter.paragraphs.push(line);
    else fail(index, `text outside any article: "${line.slice(0, 40)}"`);
  }

  return { title: titleMatch[1].trim(), events, chapters, articles: looseArticles };
}

/** Every article of a parsed text, in order. */
export function allArticles(policy: Pick<ParsedPolicy, 'chapters' | 'articles'>): PolicyArticle[] {
  return [
    ...policy.articles,
    ...policy.chapters.flatMap((chapter) => [...chapter.articles, ...chapter.sections.flatMap((section) => section.articles)]),
  ];
}

/**
 * Problems with article numbering: each article must be one more than the one before,
 * starting at 第一条. An empty list means the text was read whole.
 */
export function numberingProblems(policy: Pick<ParsedPolicy, 'chapters' | 'articles'>): string[] {
  const problems: string[] = [];
  allArticles(policy).forEach((article, index) => {
    if (article.number !== index + 1) problems.push(`${article.label} (${article.number}) where article ${index + 1} was expected`);
  });
  return problems;
}
