/**
 * 适老模式 in the built HTML: every page loads public/reading.js as a classic, render-blocking
 * script at the top of <head>, before its stylesheets, so that the reader's settings are on
 * <html> before the first paint; the 无障碍说明 page is linked from every page's footer.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtPages, DIST, readBuilt } from '../helpers/site.ts';

const pages = builtPages();

/** What is wrong with how a page's <head> loads reading.js, or undefined: it must be the first script, plain (no async, defer or module), before any stylesheet. */
function readingScriptProblem(html: string): string | undefined {
  const head = /<head>([\s\S]*?)<\/head>/.exec(html)?.[1] ?? '';
  const script = head.indexOf('<script src="/reading.js"></script>');
  const stylesheet = head.indexOf('<link rel="stylesheet"');
  if (script < 0) return 'no plain <script src="/reading.js"> in <head>';
  if (head.indexOf('<script') !== script) return 'another script runs first';
  if (stylesheet >= 0 && stylesheet < script) return 'after a stylesheet';
  return undefined;
}

describe('the reading settings script', () => {
  test('reading.js is in the build', () => {
    expect(existsSync(join(DIST, 'reading.js'))).toBe(true);
  });

  test('every page runs it first in <head>, without async, defer or type=module, before any stylesheet', () => {
    expect(pages.map((page) => [page, readingScriptProblem(readBuilt(page))]).filter(([, problem]) => problem)).toEqual([]);
  });

  test('readingScriptProblem sees a deferred, a module and a late script', () => {
    expect(readingScriptProblem('<head><script src="/reading.js" defer></script></head>')).toBe('no plain <script src="/reading.js"> in <head>');
    expect(readingScriptProblem('<head><script type="module" src="/reading.js"></script></head>')).toBe('no plain <script src="/reading.js"> in <head>');
    expect(readingScriptProblem('<head><link rel="stylesheet" href="/a.css"><script src="/reading.js"></script></head>')).toBe('after a stylesheet');
    expect(readingScriptProblem('<head><script src="/reading.js"></script><link rel="stylesheet" href="/a.css"></head>')).toBeUndefined();
  });
});

describe('the 无障碍说明 page', () => {
  test('every page but the embeds links to /accessibility/ from its footer', () => {
    const footers = pages.filter((page) => !page.startsWith('/embed/')).map((page) => [page, /<footer class="site-footer"[\s\S]*?<\/footer>/.exec(readBuilt(page))?.[0] ?? ''] as const);
    expect(footers.filter(([, footer]) => !footer.includes('href="/accessibility/"')).map(([page]) => page)).toEqual([]);
  });

  test('it names the standards, says it holds no certificate, and invents no contact address', () => {
    const page = readBuilt('/accessibility/');
    expect(page).toContain('《互联网网站适老化通用设计规范》');
    expect(page).toContain('GB/T 37668-2019');
    expect(page).toContain('没有取得任何无障碍认证');
    expect(page).not.toMatch(/mailto:|tel:|@[a-z0-9-]+\.[a-z]{2,}|\d{3,4}-\d{7,8}/i);
  });
});
