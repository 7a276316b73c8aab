import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useSiteInBrowser } from '../helpers/browser.ts';
import { onePagePerRoute } from '../helpers/site.ts';

const env = useSiteInBrowser();
const KINDS = [...onePagePerRoute(), '/404.html'];

/**
 * Elements that stick out of the viewport sideways, outside any frame that scrolls or clips them
 * (a table's .table-scroll, Leaflet's pane): content a reader could only reach by scrolling the page.
 */
function outside(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const framed = (element: Element) => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX !== 'visible') return true;
      }
      return false;
    };
    return [...document.body.querySelectorAll('*')]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && (box.right > width + 0.5 || box.left < -0.5) && !framed(element);
      })
      .map((element) => `${element.tagName.toLowerCase()}.${element.getAttribute('class') ?? ''} ${Math.round(element.getBoundingClientRect().left)}…${Math.round(element.getBoundingClientRect().right)} of ${width}`);
  });
}

describe.each([
  ['at 320 px', 320, '{}'],
  ['at 320 px in large text', 320, '{"text":"large","contrast":"high"}'],
  ['at 640 px in large text (1,280 px at 200 % zoom)', 640, '{"text":"large"}'],
])('reflow %s', (_, width, settings) => {
  test.each(KINDS)('%s does not scroll sideways and nothing sticks out of the page', async (path) => {
    const context = await env.browser.newContext({ viewport: { width, height: 700 } });
    await context.addInitScript((value) => localStorage.setItem('lzmz:reading', value), settings);
    const page = await context.newPage();
    await page.goto(`${env.site.origin}${path}`, { waitUntil: 'networkidle' });
    await expect(page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).resolves.toBeLessThanOrEqual(0);
    await expect(outside(page)).resolves.toEqual([]);
    await context.close();
  });
});

describe('data tables at 320 px', () => {
  test('a wide table scrolls inside its frame while its row headers stay at the left edge', async () => {
    const context = await env.browser.newContext({ viewport: { width: 320, height: 700 } });
    const page = await context.newPage();
    // A group's table of provinces: four columns of figures that a 320 px phone cannot fit side by side.
    await page.goto(`${env.site.origin}/groups/hui/`);
    const frame = page.locator('.table-scroll:has(#province-table)');
    const rowHeader = page.locator('#province-table tbody th').first();
    const before = await rowHeader.boundingBox();
    const scrollable = await frame.evaluate((element) => element.scrollWidth - element.clientWidth);
    expect(scrollable).toBeGreaterThan(0);
    await frame.evaluate((element) => element.scrollBy(200, 0));
    await expect(frame.evaluate((element) => element.scrollLeft)).resolves.toBeGreaterThan(0);
    expect((await rowHeader.boundingBox())?.x).toBe(before?.x);
    await context.close();
  });
});
