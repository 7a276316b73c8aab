import { describe, expect, test } from 'vitest';
import { axeViolations } from '../helpers/axe.ts';
import { useSiteInBrowser } from '../helpers/browser.ts';
import { builtPages, onePagePerRoute } from '../helpers/site.ts';

const pages = builtPages().filter((page) => page !== '/404.html');
/** One page per route shape (/charts/x/, /charts/x/v1.1/, …): enough for the wide layout. */
const onePerRoute = onePagePerRoute();
const env = useSiteInBrowser();

describe.each([
  [360, pages],
  [1200, onePerRoute],
])('pages at %i px', (width, list) => {
  test.each(list)('%s has no axe-core violations, no horizontal scroll, no request off this machine', async (page) => {
    // axe-core is injected as an inline script, which the site's CSP forbids (tests/browser/csp.test.ts checks the CSP).
    const context = await env.browser.newContext({ viewport: { width, height: 800 }, bypassCSP: true });
    const tab = await context.newPage();
    const offsite: string[] = [];
    tab.on('request', (request) => {
      const url = new URL(request.url());
      if (!['127.0.0.1', 'localhost'].includes(url.hostname) && url.protocol !== 'data:') offsite.push(request.url());
    });
    const response = await tab.goto(`${env.site.origin}${page}`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect(await axeViolations(tab)).toEqual([]);
    const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(offsite).toEqual([]);
    await context.close();
  });
});

describe('without JavaScript', () => {
  test('the home page still shows its figures and tables', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
    const tab = await context.newPage();
    await tab.goto(`${env.site.origin}/`);
    await expect(tab.locator('table').count()).resolves.toBe(2);
    await expect(tab.locator('.figure-card').count()).resolves.toBe(4);
    await expect(tab.getByText('4,359,446 人').isVisible()).resolves.toBe(true);
    await context.close();
  });

  test('a group page still shows its two maps as drawn SVG and its tables, at 360 px', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
    const tab = await context.newPage();
    await tab.goto(`${env.site.origin}/groups/dongxiang/`);
    await expect(tab.locator('svg.map-svg').count()).resolves.toBe(2);
    await expect(tab.locator('svg.map-svg path[aria-label]').first().isVisible()).resolves.toBe(true);
    await expect(tab.locator('#province-table tbody tr').count()).resolves.toBe(31);
    await expect(tab.locator('#lanzhou-table tbody tr').count()).resolves.toBe(9);
    await expect(tab.getByText('621,500 人').isVisible()).resolves.toBe(true);
    await context.close();
  });

  test('the groups index shows all 58 rows, each figure beside its column\'s name on a phone', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
    const tab = await context.newPage();
    await tab.goto(`${env.site.origin}/groups/`);
    await expect(tab.locator('#groups-table tbody tr').count()).resolves.toBe(58);
    const cell = tab.locator('#groups-table tbody tr').nth(2).locator('td[data-label="全国 2010"]');
    await expect(cell.evaluate((element) => getComputedStyle(element, '::before').content)).resolves.toBe('"全国 2010"');
    await expect(cell.isVisible()).resolves.toBe(true);
    await context.close();
  });

  test('a dataset page still shows its data table', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const tab = await context.newPage();
    await tab.goto(`${env.site.origin}/data/lanzhou-minority-groups-2010/`);
    await expect(tab.locator('#data-table tbody tr').count()).resolves.toBe(10);
    await context.close();
  });
});

describe('keyboard', () => {
  test('the first Tab reaches the skip link, which moves focus to the main content', async () => {
    const context = await env.browser.newContext();
    const tab = await context.newPage();
    await tab.goto(`${env.site.origin}/`);
    await tab.keyboard.press('Tab');
    await expect(tab.evaluate(() => document.activeElement?.className)).resolves.toBe('skip-link');
    await tab.keyboard.press('Enter');
    await expect(tab.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    await context.close();
  });
});
