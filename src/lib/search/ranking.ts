/**
 * How search results are ordered: Pagefind's ranking options, and what the search page adds.
 * Pure and browser-safe (the search page bundles it); the query suite in
 * tests/helpers/search-suite.ts holds the queries that must keep working, at today's size and
 * with the 1,738-text corpus added.
 */

/**
 * `pagefind.options({ ranking })`. Each page declares (src/layouts/BaseLayout.astro):
 * - `title`: the title shown in results. Chinese has no spaces, so Pagefind holds it as one
 *   word, matched only by a query that starts it; it gets no boost of its own.
 * - `title_words`: the words of the title and the short title (cut into the browser's words
 *   when indexed, src/lib/search/segment.ts). A query word found there adds
 *   weight × its IDF × (share of the query's IDF found)², so with a weight above the most one
 *   word can score in the text (termSaturation + 1 = 2.4 × IDF), a page whose title holds the
 *   whole query outranks a page that only mentions it.
 * - `short_title`: a policy's short title (宪法, 城市民族工作条例), one word. A query that starts
 *   it is the name of that text: 宪法 → 中华人民共和国宪法 before 重庆市宪法宣誓实施办法, whose
 *   titles both hold 宪法.
 */
export const RANKING = {
  metaWeights: { title: 0, title_words: 5, short_title: 5 },
  // The site's documents are long (laws, the report); with Pagefind's default length penalty
  // (0.75) short list pages that only repeat a description outrank the document.
  pageLength: 0.3,
} as const;

/** The word boundary the indexer is given inside running text (src/lib/search/segment.ts): U+200B ZERO WIDTH SPACE. */
export const WORD_BREAK = '\u200B';

/** Meta fields whose value is a list of words for ranking, written by the layout as text and cut into words when indexed. */
export const WORD_FIELDS = ['title_words'] as const;

/**
 * `data-pagefind-weight` of a quotation (a `<blockquote>`: a place profile or a school material
 * quoting the work report): a page's own words count fully, words it quotes from another page
 * count half, so the page they come from ranks above the pages quoting it (牛肉面 → the report).
 */
export const QUOTATION_WEIGHT = 0.5;

/** Pagefind's excerpts and section titles come from the indexed copy; its word marks are not the reader's. */
export function withoutWordBreaks(text: string): string {
  return text.replaceAll(WORD_BREAK, '');
}

/**
 * A query to be matched also as a phrase: one run of text, no spaces, not quoted already.
 * Chinese has no spaces, so 排洪沟 is three words to Pagefind (排|洪|沟) and matches a law with
 * 排水, 洪水 and 沟渠 anywhere in it; the pages holding 排洪沟 as written come first.
 */
export function phraseOf(query: string): string | undefined {
  const trimmed = query.trim();
  return trimmed !== '' && !/[\s"]/.test(trimmed) ? `"${trimmed}"` : undefined;
}

/**
 * Results in Pagefind's order, except that the pages holding the query as written (`phrase`,
 * the results of the quoted query) come first, each group keeping its order.
 */
export function phraseFirst<T extends { id: string }>(results: readonly T[], phrase: readonly { id: string }[] | undefined): T[] {
  if (!phrase || phrase.length === 0) return [...results];
  const exact = new Set(phrase.map((result) => result.id));
  return [...results.filter((result) => exact.has(result.id)), ...results.filter((result) => !exact.has(result.id))];
}
