import type { PolicyTextMeta, PolicyUnit } from '../../schemas/policy.ts';
import { chineseNumeral } from '../policy/numerals.ts';

/**
 * Synthetic corpora for the benchmarks: search-index pages (bench:search) and policy texts
 * for the policy loader (bench-build), recombined from articles of the real policy texts so
 * that word statistics and lengths look like the site's. Everything generated says it is
 * synthetic, is written to a temporary folder and is never shipped.
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
 * Articles drawn at random from `articles` until their text reaches `targetChars` (policy
 * length: the real texts run from about 2,000 to 17,000 characters).
 */
function drawArticles(articles: readonly PolicyUnit[], random: () => number, targetChars: number): { drawn: PolicyUnit[]; chars: number } {
  const drawn: PolicyUnit[] = [];
  let chars = 0;
  while (chars < targetChars) {
    const article = articles[Math.floor(random() * articles.length)];
    if (!article) break;
    drawn.push(article);
    chars += article.paragraphs.join('').length;
  }
  return { drawn, chars };
}

/** Page `index` of the corpus: real articles, renumbered, until the text reaches `targetChars`. */
export function syntheticPage(index: number, articles: readonly PolicyUnit[], random: () => number, targetChars: number): SyntheticPage {
  const { drawn, chars } = drawArticles(articles, random, targetChars);
  const parts = drawn.flatMap((article, position) => {
    const label = `第${position + 1}条`;
    return [`<h2 id="${label}">${label}</h2>`, ...article.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)];
  });
  const title = `合成测试页 ${index}（由真实法规条文随机重组，非真实法规）`;
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1>${parts.join('')}</main></body></html>`;
  return { path: `pages/${index}/index.html`, html, chars };
}

/** Articles per chapter of a synthetic policy, so that its pages have a table of contents as the real ones do. */
const ARTICLES_PER_CHAPTER = 10;

export interface SyntheticPolicy {
  /** The policies.yaml entry that lists it; `file` is the Markdown file's name under data/policies/. */
  meta: PolicyTextMeta;
  /** The text in the shape src/lib/policy/parse.ts reads (the LawRefBook/Laws Markdown). */
  markdown: string;
  /** Characters of article text. */
  chars: number;
}

/**
 * Policy `index` of a synthetic policy library for the build benchmark: real articles,
 * renumbered, grouped in chapters, until the text reaches `targetChars`. Its title, its one
 * dated line and its policies.yaml entry all say that it is synthetic.
 */
export function syntheticPolicy(index: number, articles: readonly PolicyUnit[], random: () => number, targetChars: number): SyntheticPolicy {
  const { drawn, chars } = drawArticles(articles, random, targetChars);
  const title = `合成测试法规 ${index}（由真实法规条文随机重组，非真实法规）`;
  const lines = [`# ${title}`, '', '2000年1月1日 合成测试文本生成，非真实法规', '', '<!-- INFO END -->', ''];
  drawn.forEach((article, position) => {
    if (position % ARTICLES_PER_CHAPTER === 0) lines.push(`## 第${chineseNumeral(position / ARTICLES_PER_CHAPTER + 1)}章 合成测试`, '');
    const [first = '', ...more] = article.paragraphs;
    lines.push(`第${chineseNumeral(position + 1)}条 ${first}`.trimEnd(), '');
    for (const paragraph of more) lines.push(paragraph, '');
  });
  const slug = `synthetic-${String(index).padStart(5, '0')}`;
  return {
    meta: {
      slug,
      file: `${slug}.md`,
      shortTitle: `合成测试法规 ${index}`,
      level: 'municipal',
      topics: ['合成测试'],
      basis: '合成测试数据：由本站收录的法规条文随机重组，只用于构建性能测试，不发布。',
      unnumberedHeadings: [],
    },
    markdown: lines.join('\n'),
    chars,
  };
}
