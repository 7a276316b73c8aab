import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useSiteInBrowser } from '../helpers/browser.ts';

const env = useSiteInBrowser();
const PHONE = { width: 360, height: 740 };

async function open(path: string, javaScript = true): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await env.browser.newContext({ viewport: PHONE, javaScriptEnabled: javaScript });
  const page = await context.newPage();
  await page.goto(`${env.site.origin}${path}`);
  return { page, close: () => context.close() };
}

/** Tables that stick out of their frame, and number cells whose text does not fit them, on the page at 360 px. */
async function clipped(page: Page): Promise<{ tables: string[]; cells: string[] }> {
  return page.evaluate(() => {
    const tables = [...document.querySelectorAll('table')].filter((table) => {
      const frame = (table.closest('.table-scroll') ?? table.parentElement) as HTMLElement;
      return frame.scrollWidth > frame.clientWidth + 1;
    });
    const cells = [...document.querySelectorAll<HTMLElement>('td.number')].filter((cell) => cell.scrollWidth > cell.clientWidth + 1 || cell.getBoundingClientRect().right > document.documentElement.clientWidth);
    return { tables: tables.map((table) => table.querySelector('caption')?.textContent ?? table.id), cells: cells.map((cell) => cell.textContent ?? '') };
  });
}

describe('tables at 360 px', () => {
  test.each([
    ['the home page', '/'],
    ['the Lanzhou map', '/maps/lanzhou-minority-share-2020/'],
    ['the Gansu county map, with reasons for missing values', '/maps/gansu-counties-minority-share-change/'],
    ['a chart of six series (stacked rows)', '/charts/industry-structure-by-group-2010/'],
    ['a place profile (stacked comparison)', '/places/620102/'],
  ])('%s: every table fits its frame and no number is cut', async (_name, path) => {
    const { page, close } = await open(path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    expect(await clipped(page)).toEqual({ tables: [], cells: [] });
    await close();
  });

  test.each([
    ['a place profile', '/places/620102/'],
    ['a chart', '/charts/industry-structure-by-group-2010/'],
    ['a dataset page (its columns)', '/data/lanzhou-population-2010-2020/'],
  ])('%s: a stacked table keeps its caption as wide as the table', async (_name, path) => {
    const { page, close } = await open(path);
    const captionShares = await page.locator('table.stack-narrow').evaluateAll((list) =>
      list.map((table) => {
        const caption = table.querySelector('caption')?.getBoundingClientRect().width ?? 0;
        return Math.round((caption / table.getBoundingClientRect().width) * 100);
      }),
    );
    expect(captionShares.length).toBeGreaterThan(0);
    // Out of its table box a caption shrank to one word a line (66–83 px of 326).
    for (const share of captionShares) expect(share).toBeGreaterThanOrEqual(95);
    await close();
  });

  test('a stacked chart table names each value with its column', async () => {
    const { page, close } = await open('/charts/industry-structure-by-group-2010/');
    const first = page.locator('table.stack-narrow tbody tr').first();
    const label = await first.locator('td').first().evaluate((cell) => getComputedStyle(cell, '::before').content);
    expect(label).toBe('"农林牧渔业（计算）"');
    await close();
  });
});

describe('map labels at 360 px', () => {
  /** Rendered size in CSS px of each label on the map. */
  const labelSizes = (page: Page) =>
    page.locator('.map-labels text').evaluateAll((texts) =>
      texts.map((text) => {
        const svg = (text as SVGTextElement).ownerSVGElement;
        const scale = svg?.getScreenCTM()?.a ?? 0;
        return { text: text.textContent, px: Number(text.parentElement?.getAttribute('font-size')) * scale };
      }),
    );

  test('the Lanzhou map names its nine units on the map, at 11 px or more, without JavaScript', async () => {
    const { page, close } = await open('/maps/lanzhou-minority-share-2020/', false);
    const sizes = await labelSizes(page);
    expect(sizes.map((size) => size.text)).toEqual(['城关区', '七里河区', '西固区', '安宁区', '红古区', '永登县', '皋兰县', '榆中县', '兰州新区']);
    expect(Math.min(...sizes.map((size) => size.px))).toBeGreaterThanOrEqual(11);
    await expect(page.locator('.map-labels').getAttribute('aria-hidden')).resolves.toBe('true');
    await close();
  });

  test('the Gansu prefecture map keeps its labels at 11 px or more once Leaflet has fitted it', async () => {
    const { page, close } = await open('/maps/gansu-prefectures-minority-share-2020/');
    await page.locator('lz-map .leaflet-container').waitFor();
    const sizes = await labelSizes(page);
    expect(sizes).toHaveLength(14);
    expect(Math.min(...sizes.map((size) => size.px))).toBeGreaterThanOrEqual(11);
    await close();
  });
});
