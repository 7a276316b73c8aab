/**
 * Deployed under a portal's path (issue 10): the site built with BASE_PATH=/mzw/sjz/ and served
 * only under that path, as a government portal serves a section. Every link of every page
 * resolves inside the path; pages, search and an embed on another origin request nothing
 * outside it; oEmbed, RSS, the sitemap and _headers carry the full address.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { embedFrame, launchChromium } from '../helpers/browser.ts';
import { buildFailure, buildSite, builtFiles, serveDist } from '../helpers/site.ts';

const BASE = '/mzw/sjz/';
const SITE = 'https://portal.example.cn';
const PORTAL = `${SITE}${BASE}`;
const state: { root?: string; out?: string; site?: Awaited<ReturnType<typeof serveDist>>; browser?: Browser; host?: Server; hostOrigin?: string } = {};

const out = () => state.out ?? '';
const site = () => {
  if (!state.site) throw new Error('the site is not served');
  return state.site;
};
const browser = () => {
  if (!state.browser) throw new Error('chromium has not started');
  return state.browser;
};
const read = (file: string) => readFileSync(join(out(), file), 'utf8');
const htmlFiles = () => builtFiles(out()).filter((file) => file.endsWith('.html'));
/** The URL path a built file is served at under the base path. */
const servedAt = (file: string) => `${BASE}${file.replace(/index\.html$/, '')}`;

/** Every URL a page's markup points to: href, src, action, iframe src, and the search bundle's script. */
function urlsOf(html: string): string[] {
  return [...html.matchAll(/\s(href|src|action|data-bundle)="([^"]*)"/g)].map(([, name, value = '']) => `${value.replace(/&amp;/g, '&')}${name === 'data-bundle' ? 'pagefind.js' : ''}`);
}

/** Whether a path on the portal names a built file (a folder serves its index.html). */
function resolves(pathname: string): boolean {
  if (!pathname.startsWith(BASE)) return false;
  const file = join(out(), decodeURIComponent(pathname.slice(BASE.length)));
  return existsSync(file) && (!statSync(file).isDirectory() || existsSync(join(file, 'index.html')));
}

beforeAll(async () => {
  state.root = mkdtempSync(join(tmpdir(), 'lzmz-base-path-'));
  const outDir = join(state.root, 'dist');
  const result = await buildSite({ outDir, env: { BASE_PATH: BASE, SITE_URL: SITE } });
  if (result.status !== 0) throw new Error(`BASE_PATH build: ${buildFailure(result)}`);
  state.out = outDir;
  state.site = await serveDist({ root: outDir, base: BASE });
  state.browser = await launchChromium();
  // A journalist's article on another origin, with the embed code a chart page offers.
  state.host = createServer((request, response) => {
    const chart = new URL(request.url ?? '/', 'http://host').searchParams.get('chart') ?? '';
    const html = read(`charts/${chart}/index.html`);
    const code = (/<pre id="embed-code"[^>]*>([\s\S]*?)<\/pre>/.exec(html)?.[1] ?? '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>文章</title></head><body><h1>文章</h1>${code.replaceAll(SITE, site().origin)}</body></html>`);
  });
  await new Promise<void>((resolve) => state.host?.listen(0, '127.0.0.1', resolve));
  state.hostOrigin = `http://localhost:${(state.host.address() as AddressInfo).port}`;
}, 600_000);

afterAll(async () => {
  await state.browser?.close();
  await state.site?.close();
  await new Promise((resolve) => state.host?.close(resolve));
  if (state.root) rmSync(state.root, { recursive: true, force: true });
});

describe('a site built with BASE_PATH=/mzw/sjz/', () => {
  test('every link, script, stylesheet and image of every page resolves inside /mzw/sjz/', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const file of htmlFiles()) {
      const page = new URL(servedAt(file), PORTAL);
      for (const raw of urlsOf(read(file))) {
        const url = new URL(raw, page);
        if (url.origin !== page.origin || url.protocol !== 'https:') continue;
        checked++;
        if (!resolves(url.pathname)) broken.push(`${servedAt(file)} → ${raw}`);
      }
    }
    expect(broken.slice(0, 20)).toEqual([]);
    expect(checked).toBeGreaterThan(10_000);
  });

  test('no page links to the portal root or another section of it', () => {
    const escaping = htmlFiles().flatMap((file) => urlsOf(read(file)).filter((raw) => raw.startsWith('/') && !raw.startsWith(BASE)).map((raw) => `${file}: ${raw}`));
    expect(escaping.slice(0, 20)).toEqual([]);
  });

  test('oEmbed, RSS, the sitemap and the data index give full addresses under the path', () => {
    const absolute = (text: string) => [...text.matchAll(/https?:\/\/[^"'<>\s\\]+/g)].map((match) => match[0]).filter((url) => !/w3\.org|sitemaps\.org|oembed\.com/.test(url));
    const oembed = read('oembed/lanzhou-minority-share-2020.json');
    const documents = { oembed, rss: read('news/rss.xml'), sitemap: read('sitemap.xml'), index: read('data/index.json') };
    for (const [name, text] of Object.entries(documents)) {
      const urls = absolute(text);
      expect(urls.length, name).toBeGreaterThan(0);
      expect(urls.filter((url) => !url.startsWith(PORTAL)), name).toEqual([]);
    }
    expect(JSON.parse(oembed)).toMatchObject({ provider_url: PORTAL });
    expect(documents.sitemap).toContain(`<loc>${PORTAL}policies/xianfa/</loc>`);
  });

  test('_headers gives its rules under the path: embeds may be framed by any site, nothing else', () => {
    const headers = read('_headers');
    expect(headers).toMatch(new RegExp(`^${BASE}embed/\\*\\n  Content-Security-Policy: .*frame-ancestors \\*$`, 'm'));
    expect(headers).toMatch(new RegExp(`^${BASE}\\*$`, 'm'));
    expect(headers).not.toMatch(/^\/(embed|_astro)\//m);
  });

  test.each(['', 'data/lanzhou-population-2010-2020/', 'charts/lanzhou-minority-share-2020/', 'maps/lanzhou-minority-share-2020/', 'places/620102/', 'policies/xianfa/'])('/mzw/sjz/%s loads with everything it needs from inside the path', async (path) => {
    const before = site().outside.length;
    const page = await browser().newPage();
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`${site().origin}${BASE}${path}`, { waitUntil: 'networkidle' });
    expect(failed).toEqual([]);
    expect(site().outside.slice(before)).toEqual([]);
    await page.close();
  });

  test('search finds 清真食品 and its results link inside the path', async () => {
    const page = await browser().newPage();
    await page.goto(`${site().origin}${BASE}search/?q=${encodeURIComponent('清真食品')}`);
    await page.waitForSelector('site-search[data-ready="true"]');
    const hrefs = await page.locator('.site-search__result h2 a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.every((href) => href.startsWith(BASE))).toBe(true);
    expect(hrefs.map((href) => decodeURI(href)).slice(0, 3)).toContain(`${BASE}policies/shanghai-qingzhen-shipin-guanli-tiaoli/`);
    await page.locator('.site-search__result h2 a').first().click();
    await page.waitForLoadState('load');
    expect(new URL(page.url()).pathname.startsWith(BASE)).toBe(true);
    expect(await page.locator('h1').count()).toBe(1);
    await page.close();
  });

  test('an embed on another origin loads from the path and its resizer sets the frame to its content height', async () => {
    const page = await browser().newPage({ viewport: { width: 360, height: 900 } });
    await page.goto(`${state.hostOrigin ?? ''}/?chart=lanzhou-minority-share-2020`);
    const embed = await embedFrame(page);
    expect(await embed.element.getAttribute('src')).toMatch(new RegExp(`^${site().origin}${BASE}embed/`));
    await expect.poll(embed.gap, { timeout: 10_000 }).toBeLessThanOrEqual(1);
    expect(site().outside).toEqual([]);
    await page.close();
  });
});
