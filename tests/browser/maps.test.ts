import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useSiteInBrowser } from '../helpers/browser.ts';

const LANZHOU_MAP = '/maps/lanzhou-minority-share-2020/';
const env = useSiteInBrowser();

/** Presses Tab until focus has visited every region of the map once, returning their accessible names in order. */
async function tabThroughRegions(tab: Page, limit = 80): Promise<string[]> {
  const names: string[] = [];
  for (let press = 0; press < limit; press++) {
    await tab.keyboard.press('Tab');
    const name = await tab.evaluate(() => {
      const active = document.activeElement;
      return active?.closest('.map-regions') ? (active.getAttribute('aria-label') ?? '') : undefined;
    });
    if (name === undefined && names.length > 0) break;
    if (name !== undefined) names.push(name);
  }
  return names;
}

describe('a map, keyboard only', () => {
  test('Tab visits the nine regions of Lanzhou in adcode order, each named with place, value and rank', async () => {
    const context = await env.browser.newContext();
    const tab = await context.newPage();
    await tab.goto(`${env.site.origin}${LANZHOU_MAP}`);
    const names = await tabThroughRegions(tab);
    expect(names).toHaveLength(9);
    expect(names.map((name) => name.split('：')[0])).toEqual(['城关区', '七里河区', '西固区', '安宁区', '红古区', '永登县', '皋兰县', '榆中县', '兰州新区']);
    expect(names[0]).toMatch(/^城关区：少数民族人口比重 4\.95%，按比重从高到低第 \d 位（共 9 个）$/);
    await context.close();
  });

  test('focusing a region shows its value beside the map, and Enter opens its profile', async () => {
    const context = await env.browser.newContext();
    const tab = await context.newPage();
    await tab.goto(`${env.site.origin}${LANZHOU_MAP}`);
    await tab.locator('lz-map .leaflet-container').waitFor();
    await tab.locator('.map-regions > a').first().focus();
    await expect(tab.locator('.map-info').textContent()).resolves.toContain('城关区');
    await tab.keyboard.press('Enter');
    await tab.waitForURL(`${env.site.origin}/places/620102/`);
    await expect(tab.locator('h1').textContent()).resolves.toBe('城关区');
    await context.close();
  });

  test('the skip link moves past the regions to the table with the same data', async () => {
    const context = await env.browser.newContext();
    const tab = await context.newPage();
    await tab.goto(`${env.site.origin}${LANZHOU_MAP}`);
    await tab.locator('.map-skip a').focus();
    await tab.keyboard.press('Enter');
    expect(new URL(tab.url()).hash).toBe('#map-table');
    await expect(tab.locator('#map-table tbody tr').count()).resolves.toBe(9);
    await context.close();
  });
});

describe('map pages and the network', () => {
  test.each([LANZHOU_MAP, '/maps/gansu-counties-minority-share-change/', '/maps/china-provinces-minority-share-2020/', '/places/620102/'])(
    '%s with Leaflet, pan and zoom requests nothing off this machine',
    async (page) => {
      const context = await env.browser.newContext();
      const tab = await context.newPage();
      const requests: string[] = [];
      tab.on('request', (request) => requests.push(request.url()));
      await tab.goto(`${env.site.origin}${page}`, { waitUntil: 'networkidle' });
      if (page.startsWith('/maps/')) {
        await tab.locator('.leaflet-control-zoom-in').click();
        await tab.locator('.map-leaflet').hover();
        await tab.waitForLoadState('networkidle');
      }
      const offsite = requests.filter((url) => !['127.0.0.1', 'localhost'].includes(new URL(url).hostname) && !url.startsWith('data:'));
      expect(offsite).toEqual([]);
      await context.close();
    },
  );
});

describe('without JavaScript', () => {
  test('a map page still has the SVG map with every region, the legend and the table', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const tab = await context.newPage();
    await tab.goto(`${env.site.origin}${LANZHOU_MAP}`);
    await expect(tab.locator('svg.map-svg').isVisible()).resolves.toBe(true);
    await expect(tab.locator('svg.map-svg .map-regions > a').count()).resolves.toBe(9);
    await expect(tab.locator('.map-legend li').count()).resolves.toBeGreaterThan(1);
    await expect(tab.locator('#map-table tbody tr').count()).resolves.toBe(9);
    await expect(tab.getByText('边界经简化，仅作示意。').isVisible()).resolves.toBe(true);
    await context.close();
  });

  test('the places index is a plain list of every place', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const tab = await context.newPage();
    await tab.goto(`${env.site.origin}/places/`);
    await expect(tab.locator('#place-query').isVisible()).resolves.toBe(false);
    await expect(tab.locator('a[href^="/places/62"]').count()).resolves.toBe(101);
    await context.close();
  });
});

describe('places index', () => {
  test('typing part of a name narrows the list as you type', async () => {
    const context = await env.browser.newContext();
    const tab = await context.newPage();
    await tab.goto(`${env.site.origin}/places/`);
    await tab.locator('#place-query').fill('城关');
    const visible = await tab.locator('li[data-place]:visible').allTextContents();
    expect(visible.map((text) => text.trim())).toEqual(['城关区']);
    await expect(tab.locator('[data-status]').textContent()).resolves.toMatch(/显示 \d+ 个/);
    await context.close();
  });
});
