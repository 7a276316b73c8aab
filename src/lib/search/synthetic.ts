import type { PolicyArticle } from '../../schemas/policy.ts';

/**
 * A synthetic corpus for the search benchmark: pages that recombine articles of the real
 * policy texts, so word statistics look like the site's. Every page says it is synthetic;
 * the corpus is written to a temporary folder and never shipped.
 */

/** Mulberry32: a small seeded generator, so every run builds the same corpus. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (char) => ESCAPES[char] ?? char);

export interface SyntheticPage {
  /** Path under the corpus root, e.g. `pages/17/index.html`. */
  path: string;
  html: string;
  /** Characters of article text on the page. */
  chars: number;
}

/**
 * Page `index` of the corpus: articles drawn from `articles` until the text reaches
 * `targetChars` (policy length: the real texts run from about 2,000 to 17,000 characters).
 */
export function syntheticPage(index: number, articles: readonly PolicyArticle[], random: () => number, targetChars: number): SyntheticPage {
  const parts: string[] = [];
  let chars = 0;
  let number = 0;
  while (chars < targetChars) {
    const article = articles[Math.floor(random() * articles.length)];
    if (!article) break;
    number++;
    const label = `第${number}条`;
    parts.push(`<h2 id="${label}">${label}</h2>`, ...article.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`));
    chars += article.paragraphs.join('').length;
  }
  const title = `合成测试页 ${index}（由真实法规条文随机重组，非真实法规）`;
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1>${parts.join('')}</main></body></html>`;
  return { path: `pages/${index}/index.html`, html, chars };
}
