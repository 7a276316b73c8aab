import { parseChineseNumeral } from './numerals.ts';

/**
 * What one line of a text's body is, read from its own characters: a Markdown heading or a
 * plain line, and what its label says (第X条, 第X章, 附件一, 一、 …). Whether a label starts a unit
 * depends on the form of the whole text; src/lib/policy/tree.ts decides that.
 */

const NUMERAL = '[零〇一二三四五六七八九十百千]+';
const SPACE = '[\\s\\u3000]';

const STRUCTURE = new RegExp(`^第(${NUMERAL})(分编|编|章|节)${SPACE}*(.*)$`);
/** 第一部分, 第二类: headings of lists and annexes, numbered but no 编/章/节. */
const NUMBERED_PART = new RegExp(`^第(${NUMERAL})(部分|类)${SPACE}*(.*)$`);
const ARTICLE = new RegExp(`^第(${NUMERAL})条(?:之(${NUMERAL}))?(?:${SPACE}+(.*))?$`);
const ANNEX = new RegExp(`^附(件|表|录)?([零〇一二三四五六七八九十百\\d]*)(?:(?:[：:]|${SPACE}+)(.*))?$`);
const ITEM_PATTERNS = [
  { level: 1, pattern: /^([零〇一二三四五六七八九十百]+)、[\s\u3000]*(.*)$/, numeral: 'chinese' },
  { level: 2, pattern: /^[（(]([零〇一二三四五六七八九十百]+)[）)][\s\u3000]*(.*)$/, numeral: 'chinese' },
  { level: 3, pattern: /^(\d{1,3})[.．、](?!\d)[\s\u3000]*(.*)$/, numeral: 'digits' },
  { level: 4, pattern: /^[（(](\d{1,3})[）)][\s\u3000]*(.*)$/, numeral: 'digits' },
] as const;
/** Punctuation that ends or splits a sentence: a line holding it is text, not a heading. */
const SENTENCE = /[。，；：？！“”]/;
/** Plain lines that are headings by their words alone. */
const PLAIN_HEADINGS = new Set(['序言', '总则', '附则']);

const STRUCTURE_KINDS = { 编: 'part', 分编: 'subpart', 章: 'chapter', 节: 'section' } as const;
export type StructureKind = (typeof STRUCTURE_KINDS)[keyof typeof STRUCTURE_KINDS];

export type LineLabel =
  | { kind: 'structure'; unit: StructureKind; label: string; number: number | undefined; title: string }
  | { kind: 'article'; label: string; number: number | undefined; sub: boolean; rest: string }
  | { kind: 'annex'; label: string; title: string }
  | { kind: 'item'; level: 1 | 2 | 3 | 4; label: string; numeral: string; number: number | undefined; rest: string }
  | { kind: 'plain-heading'; title: string }
  | { kind: 'numbered-heading'; label: string; number: number | undefined; title: string }
  | { kind: 'text' };

/**
 * Heading text as shown: typographic spaces dropped (`总　　则` → 总则), a space kept only
 * between two Latin letters or digits (`Q&A 问题` → Q&A问题, `Section 2` stays).
 */
export function headingText(text: string): string {
  return text.trim().replace(/[\s\u3000]+/g, (spaces, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? '';
    const after = whole[offset + spaces.length] ?? '';
    return /[A-Za-z0-9]/.test(before) && /[A-Za-z0-9]/.test(after) ? ' ' : '';
  });
}

/**
 * The label a line starts with. `heading` is true for a Markdown heading's text, where a label
 * followed by any title is a heading; on a plain line 第X章 and 附件 count only when what follows
 * is short and no sentence, so that `第七节相应改为第八节，…` stays text.
 */
export function readLabel(text: string, heading: boolean): LineLabel {
  const article = ARTICLE.exec(text);
  if (article?.[1]) {
    const base = parseChineseNumeral(article[1]);
    return { kind: 'article', label: headingText(text.slice(0, text.length - (article[3]?.length ?? 0))), number: base, sub: article[2] !== undefined, rest: (article[3] ?? '').trim() };
  }
  const structure = STRUCTURE.exec(text);
  if (structure?.[1] && structure[2]) {
    const title = headingText(structure[3] ?? '');
    if (heading || (title.length <= 24 && !SENTENCE.test(title))) {
      const unit = STRUCTURE_KINDS[structure[2] as keyof typeof STRUCTURE_KINDS];
      return { kind: 'structure', unit, label: `第${structure[1]}${structure[2]}`, number: parseChineseNumeral(structure[1]), title };
    }
  }
  const part = NUMBERED_PART.exec(text);
  if (part?.[1] && part[2]) {
    const title = headingText(part[3] ?? '');
    if (title.length <= 24 && !SENTENCE.test(title)) return { kind: 'numbered-heading', label: `第${part[1]}${part[2]}`, number: parseChineseNumeral(part[1]), title };
  }
  const annex = ANNEX.exec(text);
  if (annex && (annex[1] || /^附[：:]?$/.test(text))) {
    const title = headingText(annex[3] ?? '');
    if (title.length <= 60 && !SENTENCE.test(title)) return { kind: 'annex', label: `附${annex[1] ?? ''}${annex[2] ?? ''}`, title };
  }
  for (const { level, pattern, numeral } of ITEM_PATTERNS) {
    const item = pattern.exec(text);
    if (!item?.[1]) continue;
    const number = numeral === 'chinese' ? parseChineseNumeral(item[1]) : Number(item[1]);
    const rest = item[2] ?? '';
    return { kind: 'item', level, label: headingText(text.slice(0, text.length - rest.length)), numeral: item[1], number, rest: rest.trim() };
  }
  if (PLAIN_HEADINGS.has(headingText(text))) return { kind: 'plain-heading', title: headingText(text) };
  return { kind: 'text' };
}

/** One non-empty line of the body. */
export interface BodyLine {
  /** 1-based line in the file. */
  line: number;
  /** The line, trimmed, without its `#` marks when it is a heading. */
  text: string;
  /** Number of `#` of a Markdown heading; 0 for a plain line. */
  depth: number;
  /** Inside a quotation that opened on an earlier line (an amendment's new wording): never a label. */
  quoted: boolean;
}

/**
 * Marks the lines inside a quotation spanning several lines (`将第五条修改为：“（一）…` … `”`).
 * As Chinese typesetting does, a quotation of several paragraphs opens each with “ and closes
 * only the last. A “ that never closes is reported by its line and ignored.
 */
export function markQuotes(lines: BodyLine[]): number[] {
  const unclosed: number[] = [];
  const ignored = new Set<number>();
  for (;;) {
    let depth = 0;
    let openedAt = -1;
    for (const [index, line] of lines.entries()) {
      line.quoted = depth > 0;
      if (ignored.has(index)) continue;
      // A quotation of several paragraphs opens each with “ and closes only the last.
      const text = depth > 0 && line.text.startsWith('“') ? line.text.slice(1) : line.text;
      for (const char of text) {
        if (char === '“') {
          if (depth === 0) openedAt = index;
          depth++;
        } else if (char === '”' && depth > 0) depth--;
      }
    }
    if (depth === 0) return unclosed;
    ignored.add(openedAt);
    unclosed.push(lines[openedAt]?.line ?? 0);
  }
}
