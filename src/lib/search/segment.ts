import { QUOTATION_WEIGHT, WORD_BREAK, WORD_FIELDS } from './ranking.ts';

/**
 * Chinese words for the search index, cut by the same segmenter the reader's browser uses.
 *
 * Pagefind cuts a Chinese query into words with the browser's `Intl.Segmenter` (ICU), but
 * its indexer cuts the pages with another dictionary (jieba); where the two disagree, a word
 * of the query is in no page (CloudCannon/pagefind#1237): 排洪沟 is queried as 排|洪|沟 and
 * finds flood-control laws, and a phrase cannot be matched at all. So the indexer is given a
 * copy of each page, in memory only, with a zero-width space between ICU's words: it cuts there
 * and nowhere else, and index and query agree. The published pages are not changed; readers
 * never see the marks (the search page removes them from excerpts).
 */


const HAN_RUN = /\p{Script=Han}+/gu;
const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });

/** ICU's words of `text`, in order: `城市民族工作条例` → 城市, 民族, 工作, 条例. */
export function chineseWords(text: string): string[] {
  return [...segmenter.segment(text)].map((part) => part.segment);
}

/** `text` with `WORD_BREAK` between the words of each run of Han characters; other characters stay as they are. */
export function segmentHan(text: string): string {
  return text.replace(HAN_RUN, (run) => chineseWords(run).join(WORD_BREAK));
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };

/**
 * An attribute value's words, joined by spaces, without punctuation: `国务院实施《民族区域自治法》`
 * → `国务院 实施 民族 区域 自治 法`. Entities are read first, so `&lt;` gives no word "lt".
 */
export function wordList(attributeValue: string): string {
  const text = attributeValue.replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (entity) => ENTITIES[entity] ?? entity);
  return [...segmenter.segment(text)]
    .filter((part) => part.isWordLike)
    .map((part) => part.segment)
    .join(' ');
}

/**
 * A tag, a comment, or a script or style element with its content: everything of an HTML
 * document that is not running text. Attribute values may hold `>` inside quotes.
 */
const MARKUP = /<!--[\s\S]*?-->|<(script|style)\b(?:[^>"']|"[^"]*"|'[^']*')*>[\s\S]*?<\/\1\s*>|<(?:[^>"']|"[^"]*"|'[^']*')*>/gi;
const WORD_FIELD = new RegExp(`(data-pagefind-meta="(?:${WORD_FIELDS.join('|')}):)([^"]*)"`, 'g');
const QUOTATION = /^<blockquote\b(?![^>]*data-pagefind-weight)/i;
const IGNORED = /^<([a-z][\w-]*)\b[^>]*\sdata-pagefind-ignore="all"/i;
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/**
 * The copy of a built page that Pagefind indexes: running text cut into ICU words with
 * `WORD_BREAK`; the word fields (`title_words`) cut with spaces, the one separator Pagefind
 * splits metadata on; quotations weighted `QUOTATION_WEIGHT`. Other attribute values (filters,
 * the display title, links) are left alone. Elements marked `data-pagefind-ignore="all"` (the
 * site's header and footer, a policy's contents and its per-article tools) are left out of the
 * copy: Pagefind would read and drop them, and on a policy page they are most of the bytes.
 */
export function indexableHtml(html: string): string {
  let result = '';
  let last = 0;
  /** The element being left out: its opening and closing tags, and how deep inside elements of its name we are. */
  let skipping: { open: RegExp; close: RegExp; depth: number } | undefined;
  for (const match of html.matchAll(MARKUP)) {
    const tag = match[0];
    const text = html.slice(last, match.index);
    last = match.index + tag.length;
    if (skipping) {
      if (skipping.open.test(tag) && !tag.endsWith('/>')) skipping.depth++;
      else if (skipping.close.test(tag) && --skipping.depth === 0) skipping = undefined;
      continue;
    }
    result += segmentHan(text);
    const ignored = IGNORED.exec(tag)?.[1]?.toLowerCase();
    if (ignored) {
      if (!VOID_ELEMENTS.has(ignored) && !tag.endsWith('/>')) skipping = { open: new RegExp(`^<${ignored}[\\s>]`, 'i'), close: new RegExp(`^</${ignored}\\s*>`, 'i'), depth: 1 };
      continue;
    }
    result += tag.replace(WORD_FIELD, (_all, attribute: string, value: string) => `${attribute}${wordList(value)}"`).replace(QUOTATION, `<blockquote data-pagefind-weight="${QUOTATION_WEIGHT}"`);
  }
  return skipping ? result : result + segmentHan(html.slice(last));
}
