/**
 * Site-wide quality gates on the built HTML (issue 6): unique descriptions, heading order,
 * every fragment link (#第X条 included) lands on an id, and no page is orphaned — each is
 * reachable from the home page by links (or an embed preview) and every indexable page is in
 * the sitemap.
 */
import { describe, expect, test } from 'vitest';
import { builtPages, readBuilt } from '../helpers/site.ts';

const pages = builtPages();
const html = new Map(pages.map((page) => [page, readBuilt(page)]));
const NOT_A_PAGE = new Set(['/404.html']);
/** The site's own origin, which absolute links (embed and feed addresses) use; as in astro.config.mjs. */
const SITE = process.env.SITE_URL ?? 'http://localhost:4321';

/** Decodes the entities Astro writes in attribute values. */
function attribute(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Links of a page (href of <a>/<link>, src of <iframe>) resolved against the page; only those on the site's own origin. */
function links(page: string, source: string, { iframes = false } = {}): URL[] {
  const base = new URL(page, SITE);
  const pattern = iframes ? /<(?:a|iframe)\s[^>]*?\s?(?:href|src)="([^"]*)"/g : /<a\s[^>]*?\bhref="([^"]*)"/g;
  return [...source.matchAll(pattern)].map((match) => new URL(attribute(match[1] ?? ''), base)).filter((url) => url.origin === base.origin);
}

/** The ids a page defines. */
function ids(source: string): Set<string> {
  return new Set([...source.matchAll(/\sid="([^"]+)"/g)].map((match) => attribute(match[1] ?? '')));
}

/** The page path a same-origin URL points at, if it is a built page. */
function pageOf(url: URL): string | undefined {
  const path = decodeURIComponent(url.pathname);
  return html.has(path) ? path : undefined;
}

describe('site-wide quality gates', () => {
  test('every page has its own description (pinned versions and embeds say what they are)', () => {
    const seen = new Map<string, string>();
    const repeats: string[] = [];
    for (const [page, source] of html) {
      const description = attribute(/<meta name="description" content="([^"]*)"/.exec(source)?.[1] ?? '');
      expect(description.length, `${page} has no description`).toBeGreaterThan(0);
      const first = seen.get(description);
      if (first) repeats.push(`${page} repeats the description of ${first}`);
      else seen.set(description, page);
    }
    expect(repeats).toEqual([]);
  });

  test('headings are in order: one h1 first, and no level skipped on the way down', () => {
    const problems: string[] = [];
    for (const [page, source] of html) {
      const levels = [...source.matchAll(/<h([1-6])[\s>]/g)].map((match) => Number(match[1]));
      if (levels[0] !== 1) problems.push(`${page}: first heading is h${levels[0] ?? '(none)'}`);
      if (levels.filter((level) => level === 1).length !== 1) problems.push(`${page}: ${levels.filter((level) => level === 1).length} h1`);
      levels.forEach((level, index) => {
        const previous = levels[index - 1] ?? 0;
        if (level > previous + 1) problems.push(`${page}: h${previous} then h${level}`);
      });
    }
    expect(problems).toEqual([]);
  });

  test('every link to a fragment (#第X条 included) lands on an element with that id', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const [page, source] of html) {
      for (const url of links(page, source)) {
        if (url.hash === '') continue;
        const target = pageOf(url);
        if (!target) continue; // not a page (a download); the link test covers files
        checked++;
        const id = decodeURIComponent(url.hash.slice(1));
        if (!ids(html.get(target) ?? '').has(id)) broken.push(`${page} → ${target}#${id}`);
      }
    }
    expect(broken).toEqual([]);
    // The policy pages alone link to hundreds of articles and chapters.
    expect(checked).toBeGreaterThan(1000);
  });

  test('the checks above see real problems: a skipped level, a missing id, a repeated description', () => {
    const levels = [...'<h1>a</h1><h3>b</h3>'.matchAll(/<h([1-6])[\s>]/g)].map((match) => Number(match[1]));
    expect(levels).toEqual([1, 3]);
    const [link] = links('/policies/x/', '<a href="#%E7%AC%AC%E4%B9%9D%E6%9D%A1">第九条</a>');
    expect(decodeURIComponent(link?.hash.slice(1) ?? '')).toBe('第九条');
    expect(ids('<li id="第八条">').has('第九条')).toBe(false);
    expect(links('/', '<a href="https://example.org/#x">x</a>')).toEqual([]);
  });

  test('no page carries inline script, a style element or attribute, or an event handler (the CSP allows none)', () => {
    const inline: string[] = [];
    for (const [page, source] of html) {
      for (const match of source.matchAll(/<script\b(?![^>]*\ssrc=)[^>]*>|<style[\s>]|\sstyle="|\son[a-z]+="/gi)) inline.push(`${page}: ${match[0]}`);
    }
    expect(inline).toEqual([]);
    // The pattern does find each kind.
    expect('<script>x</script><style>a{}</style><p style="x" onclick="y">'.match(/<script\b(?![^>]*\ssrc=)[^>]*>|<style[\s>]|\sstyle="|\son[a-z]+="/gi)).toHaveLength(4);
  });

  test('no page is orphaned: each is reachable from the home page by links or an embed preview', () => {
    const reached = new Set(['/']);
    const queue = ['/'];
    for (let page = queue.shift(); page !== undefined; page = queue.shift()) {
      for (const url of links(page, html.get(page) ?? '', { iframes: true })) {
        const target = pageOf(url);
        if (target && !reached.has(target)) {
          reached.add(target);
          queue.push(target);
        }
      }
    }
    expect(pages.filter((page) => !reached.has(page) && !NOT_A_PAGE.has(page))).toEqual([]);
  });

  test('the sitemap lists every indexable page, and only built ones', () => {
    const sitemap = readBuilt('/sitemap.xml');
    const listed = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => decodeURI(new URL(attribute(match[1] ?? '')).pathname));
    const indexable = pages.filter((page) => !NOT_A_PAGE.has(page) && !(html.get(page) ?? '').includes('<meta name="robots" content="noindex">'));
    expect(listed.toSorted()).toEqual(indexable.toSorted());
    expect(listed.length).toBeGreaterThan(200);
  });
});
