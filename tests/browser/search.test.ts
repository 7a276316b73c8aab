import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { useSiteInBrowser } from '../helpers/browser.ts';
import { QUERY_SUITE, resultPaths as sitePaths, runQuery, suiteProblems } from '../helpers/search-suite.ts';
import { serveDist } from '../helpers/site.ts';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const env = useSiteInBrowser();

/** Opens /search/ with `params`, waits until the element has searched, and returns the tab. */
async function openSearch(params = '', options: { width?: number } = {}): Promise<Page> {
  // bypassCSP lets the axe test inject axe-core inline; tests/browser/csp.test.ts checks the search page under the CSP.
  const context = await env.browser.newContext({ viewport: { width: options.width ?? 1200, height: 900 }, bypassCSP: true });
  const tab = await context.newPage();
  await tab.goto(`${env.site.origin}/search/${params ? `?${params}` : ''}`);
  await tab.waitForSelector('site-search[data-ready="true"]');
  return tab;
}

async function resultPaths(tab: Page): Promise<string[]> {
  return sitePaths(await tab.locator('.site-search__result h2 a').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).getAttribute('href') ?? '')));
}

/** The facet checkboxes' labels (`政策法规（11）`), by group legend. */
async function facetLabels(tab: Page): Promise<Record<string, string[]>> {
  return tab.locator('.site-search__group').evaluateAll((groups) =>
    Object.fromEntries(groups.map((group) => [group.querySelector('legend')?.textContent ?? '', [...group.querySelectorAll('label')].map((label) => (label.textContent ?? '').trim())])),
  );
}

async function search(tab: Page, query: string): Promise<void> {
  await tab.fill('#search-input', query);
  await tab.press('#search-input', 'Enter');
  await tab.waitForFunction((q) => new URL(location.href).searchParams.get('q') === q && document.querySelector('.site-search__status')?.textContent !== '', query);
}

/**
 * The query suite (tests/helpers/search-suite.ts) on dist/, served compressed as a host serves
 * it: each query's page in the top three, at most 150 KB fetched for the query and 300 KB for a
 * first query with the search's initialisation. tests/browser/search-scale.test.ts runs it with
 * the policy corpus added.
 */
describe('the query suite against the built index', () => {
  let compressed: Awaited<ReturnType<typeof serveDist>> | undefined;
  beforeAll(async () => {
    compressed = await serveDist({ compress: true });
  });
  afterAll(async () => {
    await compressed?.close();
  });

  test.each(QUERY_SUITE.map((query) => [query.query, query.kind, query] as const))('%s (%s): the page in the top three, within the byte budget', async (_query, _kind, query) => {
    const result = await runQuery(env.browser, compressed?.origin ?? '', query);
    expect(suiteProblems(result)).toEqual([]);
  });

  test('a phrase from 城市民族工作条例 第九条 gives a sub-result that points to #第九条', async () => {
    const tab = await openSearch();
    await search(tab, '少数民族教师队伍');
    const result = tab.locator('.site-search__result', { has: tab.locator('h2 a[href="/policies/chengshi-minzu-gongzuo-tiaoli/"]') });
    const subs = await result.locator('.site-search__subs a').evaluateAll((links) => links.map((link) => decodeURI((link as HTMLAnchorElement).getAttribute('href') ?? '')));
    expect(subs).toContain('/policies/chengshi-minzu-gongzuo-tiaoli/#第九条');
    await tab.context().close();
  });

  test('titles, excerpts and sections show the text as published, without the word breaks of the index', async () => {
    const tab = await openSearch();
    await search(tab, '少数民族教师队伍');
    const shown = await tab.locator('.site-search__results').textContent();
    expect(shown).toContain('城市民族工作条例');
    expect(shown).not.toContain('\u200B');
    await tab.context().close();
  });
});

describe('a search for a group\'s name', () => {
  const GROUPS: [name: string, page: string][] = [
    ['保安族', '/groups/bonan/'],
    ['撒拉族', '/groups/salar/'],
    ['裕固族', '/groups/yugur/'],
    ['东乡族', '/groups/dongxiang/'],
    ['回族', '/groups/hui/'],
  ];

  test.each(GROUPS)('%s puts its group page %s first', async (name, page) => {
    const tab = await openSearch();
    await search(tab, name);
    await expect(resultPaths(tab).then((paths) => paths[0])).resolves.toBe(page);
    await tab.context().close();
  });

  test('group pages carry the 民族 facet: 民族=东乡族 keeps only the pages of 东乡族, its group page and its maps', async () => {
    const tab = await openSearch(`q=${encodeURIComponent('人口')}&${encodeURIComponent('民族')}=${encodeURIComponent('东乡族')}`);
    await expect(tab.isChecked('input[name="民族"][value="东乡族"]')).resolves.toBe(true);
    await expect(resultPaths(tab).then((paths) => paths.sort())).resolves.toEqual(['/groups/dongxiang/', '/maps/groups-dongxiang-gansu-counties-2010/', '/maps/groups-dongxiang-provinces-2010/']);
    await tab.context().close();
  });
});

describe('the search page', () => {
  test('the result count is announced in a polite live region', async () => {
    const tab = await openSearch();
    await search(tab, '民族乡');
    const status = tab.locator('.site-search__status');
    await expect(status.getAttribute('aria-live')).resolves.toBe('polite');
    await expect(status.textContent()).resolves.toMatch(/^找到 \d+ 个结果$/);
    await tab.context().close();
  });

  test('a query with no match says so', async () => {
    const tab = await openSearch();
    await search(tab, 'zzzqqqxxx');
    await expect(tab.locator('.site-search__status').textContent()).resolves.toBe('没有找到结果');
    await tab.context().close();
  });

  test('query and filters are read from the URL: 类型=政策法规 keeps only policy pages, box checked', async () => {
    const tab = await openSearch(`q=${encodeURIComponent('民族')}&${encodeURIComponent('类型')}=${encodeURIComponent('政策法规')}`);
    await expect(tab.inputValue('#search-input')).resolves.toBe('民族');
    await expect(tab.isChecked('input[name="类型"][value="政策法规"]')).resolves.toBe(true);
    const paths = await resultPaths(tab);
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.every((path) => path.startsWith('/policies/'))).toBe(true);
    await tab.context().close();
  });

  test('values within one filter group are OR-ed: 政策法规 or 学习材料', async () => {
    const type = encodeURIComponent('类型');
    const tab = await openSearch(`q=${encodeURIComponent('民族团结')}&${type}=${encodeURIComponent('政策法规')}&${type}=${encodeURIComponent('学习材料')}`);
    const paths = await resultPaths(tab);
    expect(paths.some((path) => path.startsWith('/policies/'))).toBe(true);
    expect(paths.some((path) => path.startsWith('/unity/'))).toBe(true);
    expect(paths.every((path) => path.startsWith('/policies/') || path.startsWith('/unity/'))).toBe(true);
    await tab.context().close();
  });

  test('filter groups are AND-ed: 政策法规 and 层级 省级 leaves only provincial regulations', async () => {
    const tab = await openSearch(`q=${encodeURIComponent('民族')}&${encodeURIComponent('类型')}=${encodeURIComponent('政策法规')}&${encodeURIComponent('层级')}=${encodeURIComponent('省级')}`);
    const paths = await resultPaths(tab);
    const provincial = ['beijing', 'shanghai', 'henan', 'zhejiang', 'guangdong', 'chongqing', 'shandong'];
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.every((path) => provincial.some((place) => path.startsWith(`/policies/${place}-`)))).toBe(true);
    await tab.context().close();
  });

  test('opened directly with ?q=清真食品, the filter groups show with a count on every value', async () => {
    const tab = await openSearch(`q=${encodeURIComponent('清真食品')}`);
    await expect(tab.locator('.site-search__filters').isVisible()).resolves.toBe(true);
    const groups = await facetLabels(tab);
    expect(Object.keys(groups)).toContain('类型');
    const labels = Object.values(groups).flat();
    expect(labels.every((label) => /^\S+（[1-9]\d*）$/.test(label))).toBe(true);
    expect(groups['类型']).toContainEqual(expect.stringMatching(/^政策法规（[1-9]\d*）$/));
    await tab.context().close();
  });

  test('opened directly with ?q=清真&类型=政策法规, the groups not filtered on show their counts too', async () => {
    const tab = await openSearch(`q=${encodeURIComponent('清真')}&${encodeURIComponent('类型')}=${encodeURIComponent('政策法规')}`);
    const groups = await facetLabels(tab);
    expect(Object.keys(groups)).toContain('层级');
    expect(groups['层级']?.every((label) => /（[1-9]\d*）$/.test(label))).toBe(true);
    await tab.context().close();
  });

  test('each filter value shows its count, and the count of a selected value equals the results shown', async () => {
    const tab = await openSearch(`q=${encodeURIComponent('清真')}&${encodeURIComponent('类型')}=${encodeURIComponent('政策法规')}`);
    const label = await tab.locator('label', { has: tab.locator('input[name="类型"][value="政策法规"]') }).textContent();
    const count = Number(/（(\d+)）/.exec(label ?? '')?.[1]);
    const status = await tab.locator('.site-search__status').textContent();
    expect(count).toBeGreaterThan(0);
    expect(status).toBe(`找到 ${count} 个结果`);
    await tab.context().close();
  });

  test('keyboard only: Tab reaches the box, Enter searches, Space on a filter checks it and updates the URL', async () => {
    const tab = await openSearch();
    for (let step = 0; step < 30; step++) {
      await tab.keyboard.press('Tab');
      if (await tab.evaluate(() => document.activeElement?.id === 'search-input')) break;
    }
    await expect(tab.evaluate(() => document.activeElement?.id)).resolves.toBe('search-input');
    await tab.keyboard.type('民族乡');
    await tab.keyboard.press('Enter');
    await tab.waitForFunction(() => /找到/.test(document.querySelector('.site-search__status')?.textContent ?? ''));
    await tab.keyboard.press('Tab');
    await tab.keyboard.press('Tab');
    await expect(tab.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).resolves.toBe('checkbox');
    await tab.keyboard.press('Space');
    await tab.waitForFunction(() => [...new URL(location.href).searchParams.keys()].some((key) => key !== 'q'));
    await tab.context().close();
  });

  test('with results shown, the page has no axe-core violations and no horizontal scroll at 360 px', async () => {
    const tab = await openSearch(`q=${encodeURIComponent('清真食品')}`, { width: 360 });
    await tab.addScriptTag({ path: axePath });
    const result = (await tab.evaluate(() => (window as unknown as { axe: { run: () => Promise<unknown> } }).axe.run())) as { violations: { id: string }[] };
    expect(result.violations.map((violation) => violation.id)).toEqual([]);
    const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await tab.context().close();
  });

  test('without JavaScript the page shows a plain message and no dead form', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const tab = await context.newPage();
    await tab.goto(`${env.site.origin}/search/`);
    await expect(tab.getByText('搜索需要 JavaScript').isVisible()).resolves.toBe(true);
    await expect(tab.locator('#search-input').isVisible()).resolves.toBe(false);
    await context.close();
  });
});
