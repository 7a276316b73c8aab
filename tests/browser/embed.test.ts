import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PALETTE } from '../../src/charts/palette.ts';
import { embedFrame, launchChromium } from '../helpers/browser.ts';
import { builtPages, readBuilt, serveDist } from '../helpers/site.ts';

const chartPages = builtPages().filter((page) => /^\/charts\/[^/]+\/$/.test(page));
const embedPages = builtPages().filter((page) => /^\/embed\/[^/]+\/v[^/]+\/$/.test(page));
let browser: Browser;
let site: Awaited<ReturnType<typeof serveDist>>;
let host: Server;
let hostOrigin: string;

/** A #rrggbb colour as getComputedStyle prints it. */
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16)).join(', ')})`;

/** The embed snippet exactly as a chart page offers it, with the site's address swapped for the test server's. */
function snippetOf(chartPage: string): string {
  const html = readBuilt(chartPage);
  const textarea = /<pre id="embed-code"[^>]*>([\s\S]*?)<\/pre>/.exec(html)?.[1] ?? '';
  const decoded = textarea.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  return decoded.replaceAll('http://localhost:4321', site.origin);
}

beforeAll(async () => {
  site = await serveDist();
  browser = await launchChromium();
  // A journalist's page on another origin: it serves whatever article HTML the test asks for.
  host = createServer((request, response) => {
    const params = new URL(request.url ?? '/', 'http://host').searchParams;
    const source = params.has('map') ? `/maps/${params.get('map') ?? ''}/` : `/charts/${params.get('chart') ?? ''}/`;
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>文章</title></head><body style="margin:0"><h1>一篇文章</h1>${snippetOf(source)}<p>正文。</p></body></html>`);
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostOrigin = `http://localhost:${(host.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await new Promise((resolve) => host?.close(resolve));
});

describe('the embed snippet on a host page of another origin', () => {
  test('there are chart pages and pinned embeds to test', () => {
    expect(chartPages.length).toBeGreaterThanOrEqual(10);
    expect(embedPages.length).toBe(chartPages.length);
  });

  test.each([360, 1200])('at %i px the iframe grows to exactly its content height', async (width) => {
    for (const chart of ['lanzhou-minority-share-2020', 'lanzhou-education-2020', 'china-provinces-minority-share-2020']) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(`${hostOrigin}/?chart=${chart}`);
      const embed = await embedFrame(page);
      await expect.poll(embed.gap, { timeout: 10_000 }).toBeLessThanOrEqual(1);
      await page.close();
    }
  });

  test('a map embed grows to its content height too', async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 900 } });
    await page.goto(`${hostOrigin}/?map=lanzhou-minority-share-2020`);
    const embed = await embedFrame(page);
    await expect.poll(embed.gap, { timeout: 10_000 }).toBeLessThanOrEqual(1);
    await expect(embed.frame.locator('svg').first().isVisible()).resolves.toBe(true);
    await page.close();
  });

  test('the resizer ignores height messages from other origins', async () => {
    const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
    await page.goto(`${hostOrigin}/?chart=lanzhou-minority-share-2020`);
    const frameElement = page.locator('iframe[data-lzmz-embed]');
    await page.waitForFunction(() => document.querySelector('iframe')?.style.height !== '');
    const before = (await frameElement.boundingBox())?.height;
    // The host page itself (another origin than the site) posts a forged height.
    await page.evaluate(() => window.postMessage({ type: 'lzmz:embed-height', height: 3000 }, '*'));
    await page.waitForTimeout(200);
    expect((await frameElement.boundingBox())?.height).toBe(before);
    await page.close();
  });
});

describe('charts without JavaScript', () => {
  test('every chart page and embed shows its SVG and its data without JavaScript', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    for (const path of [...chartPages, ...embedPages]) {
      await page.goto(`${site.origin}${path}`);
      // Two layouts are in the HTML (phone and wide); exactly one is displayed.
      await expect(page.locator('figure svg[role="img"]:visible').count(), path).resolves.toBe(1);
      await expect(page.locator('figure svg[role="img"] desc').first().textContent(), path).resolves.toMatch(/。$/);
      if (path.startsWith('/charts/')) await expect(page.locator('table tbody tr').count(), path).resolves.toBeGreaterThan(0);
    }
    await context.close();
  });

  test('?theme=dark turns an embed dark', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.origin}${embedPages[0] ?? '/'}?theme=dark`);
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('dark');
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe('rgb(18, 22, 27)');
    await page.close();
  });

  test('?theme=dark draws the chart in the dark palette of src/charts/palette.ts', async () => {
    const page = await browser.newPage({ colorScheme: 'light' });
    await page.goto(`${site.origin}/embed/lanzhou-minority-share-2020/?theme=dark`);
    const fill = await page.locator('svg.chart .bar.series-0').first().evaluate((bar) => getComputedStyle(bar).fill);
    expect(fill).toBe(rgb(PALETTE.dark.series[0]));
    await page.close();
  });
});
