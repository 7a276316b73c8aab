import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { axeViolations } from '../helpers/axe.ts';
import { useSiteInBrowser } from '../helpers/browser.ts';
import { onePagePerRoute } from '../helpers/site.ts';

const env = useSiteInBrowser();
const MODE_ON = JSON.stringify({ text: 'large', contrast: 'high' });
/** A page of every kind, the search page with results, and embeds that take the mode from their URL (as a host passes it on). */
const KINDS = [...onePagePerRoute().filter((page) => page !== '/search/'), `/search/?q=${encodeURIComponent('清真食品')}`];
const EMBEDS = ['/embed/lanzhou-minority-share-2020/?text=large&contrast=high', '/embed/maps/lanzhou-minority-share-2020/?text=large&contrast=high&theme=dark'];
const MAP = '/maps/lanzhou-minority-share-2020/';

/** A context whose pages start with `settings` stored, as after a reader chose them on an earlier visit. */
async function contextWith(settings: string | undefined, options: Parameters<typeof env.browser.newContext>[0] = {}): Promise<BrowserContext> {
  const context = await env.browser.newContext({ viewport: { width: 360, height: 800 }, ...options });
  if (settings) await context.addInitScript((value) => localStorage.setItem('lzmz:reading', value), settings);
  return context;
}

/** The reading attributes on <html>, and the body's computed font size in px. */
function modeOf(page: Page) {
  return page.evaluate(() => ({
    text: document.documentElement.dataset['text'],
    contrast: document.documentElement.dataset['contrast'],
    bodyFont: Number.parseFloat(getComputedStyle(document.body).fontSize),
  }));
}

const modeSwitch = (page: Page) => page.locator('reading-settings button[data-part="mode"]');

describe('适老模式 on every kind of page', () => {
  test.each([...KINDS, ...EMBEDS])('%s passes axe-core with AAA contrast (color-contrast-enhanced), body text at least 20 px', async (path) => {
    const context = await contextWith(path.includes('?text=') ? undefined : MODE_ON, { bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${env.site.origin}${path}`, { waitUntil: 'load' });
    const mode = await modeOf(page);
    expect(mode.text).toBe('large');
    expect(mode.contrast).toBe('high');
    expect(mode.bodyFont).toBeGreaterThanOrEqual(20);
    expect(await axeViolations(page, { 'color-contrast-enhanced': true })).toEqual([]);
    await context.close();
  });

  test.each(['/', '/charts/lanzhou-education-2020/', MAP, '/policies/xianfa/'])('%s on a dark system passes axe-core with AAA contrast', async (path) => {
    const context = await contextWith(MODE_ON, { bypassCSP: true, colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(`${env.site.origin}${path}`, { waitUntil: 'load' });
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgb(0, 0, 0)');
    expect(await axeViolations(page, { 'color-contrast-enhanced': true })).toEqual([]);
    await context.close();
  });

  test.each([...KINDS, ...EMBEDS])('%s in 适老模式 logs no console error and no Content Security Policy violation', async (path) => {
    const context = await contextWith(path.includes('?text=') ? undefined : MODE_ON);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP ${event.violatedDirective} ${event.blockedURI}`)));
    const response = await page.goto(`${env.site.origin}${path}`, { waitUntil: 'networkidle' });
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    expect((await modeOf(page)).text).toBe('large');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the 适老模式 switch', () => {
  test('turning it on sets large text and high contrast, and the setting survives navigation and a new visit', async () => {
    const context = await contextWith(undefined);
    const page = await context.newPage();
    await page.goto(`${env.site.origin}/`);
    await expect(modeOf(page)).resolves.toMatchObject({ text: undefined, contrast: undefined, bodyFont: 16 });
    await modeSwitch(page).click();
    await expect(modeSwitch(page).getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(modeOf(page)).resolves.toEqual({ text: 'large', contrast: 'high', bodyFont: 20 });
    await page.locator('.site-nav a', { hasText: '地图' }).click();
    await page.waitForURL(`${env.site.origin}/maps/`);
    await expect(modeOf(page)).resolves.toEqual({ text: 'large', contrast: 'high', bodyFont: 20 });
    await expect(modeSwitch(page).getAttribute('aria-pressed')).resolves.toBe('true');
    const later = await context.newPage();
    await later.goto(`${env.site.origin}/policies/`);
    await expect(modeOf(later)).resolves.toEqual({ text: 'large', contrast: 'high', bodyFont: 20 });
    await context.close();
  });

  test('turning it off again stores the choice, so a reload stays off', async () => {
    const context = await contextWith(undefined);
    const page = await context.newPage();
    await page.goto(`${env.site.origin}/data/`);
    await modeSwitch(page).click();
    await modeSwitch(page).click();
    await page.reload();
    await expect(modeOf(page)).resolves.toEqual({ text: undefined, contrast: undefined, bodyFont: 16 });
    await expect(page.evaluate(() => localStorage.getItem('lzmz:reading'))).resolves.toBe('{"text":"normal","contrast":"normal"}');
    await context.close();
  });

  test('large text and high contrast also switch on alone, and the switch then shows mixed', async () => {
    const context = await contextWith(undefined);
    const page = await context.newPage();
    await page.goto(`${env.site.origin}/`);
    await page.locator('reading-settings .reading__toggle').click();
    await page.getByLabel('大字').check();
    await expect(modeOf(page)).resolves.toEqual({ text: 'large', contrast: undefined, bodyFont: 20 });
    await expect(modeSwitch(page).getAttribute('aria-pressed')).resolves.toBe('mixed');
    await page.getByLabel('大字').uncheck();
    await page.getByLabel('高对比度').check();
    await expect(modeOf(page)).resolves.toEqual({ text: undefined, contrast: 'high', bodyFont: 16 });
    await context.close();
  });

  test('the stored setting is on <html> before <body> exists: the first paint is already in 适老模式', async () => {
    const context = await contextWith(MODE_ON);
    await context.addInitScript(() => {
      const seen: (string | null)[] = [];
      (window as unknown as { seenAtBody: (string | null)[] }).seenAtBody = seen;
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        seen.push(document.documentElement.getAttribute('data-text'), document.documentElement.getAttribute('data-contrast'));
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    const page = await context.newPage();
    await page.goto(`${env.site.origin}/charts/lanzhou-education-2020/`);
    await expect(page.evaluate(() => (window as unknown as { seenAtBody: string[] }).seenAtBody)).resolves.toEqual(['large', 'high']);
    await context.close();
  });

  test('with nothing chosen it follows prefers-contrast: more and prefers-reduced-motion', async () => {
    const context = await contextWith(undefined, { contrast: 'more', reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${env.site.origin}/`);
    await expect(page.evaluate(() => ({ ...document.documentElement.dataset }))).resolves.toEqual({ contrast: 'high', motion: 'reduce' });
    await expect(modeSwitch(page).getAttribute('aria-pressed')).resolves.toBe('mixed');
    await context.close();
  });

  test('without JavaScript the switch stays hidden and the page reads as usual', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${env.site.origin}/`);
    await expect(page.locator('reading-settings .reading__controls').isVisible()).resolves.toBe(false);
    await expect(page.locator('h1').isVisible()).resolves.toBe(true);
    await context.close();
  });

  test.each(['/', '/charts/lanzhou-education-2020/', MAP, '/policies/', '/search/'])('%s in 适老模式: every control in the header and every button is at least 44 × 44 px', async (path) => {
    const context = await contextWith(MODE_ON);
    const page = await context.newPage();
    await page.goto(`${env.site.origin}${path}`, { waitUntil: 'networkidle' });
    await page.locator('reading-settings .reading__toggle').click();
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('header a, header button, header summary, header label, main button, main summary, main select, main input:not([type="checkbox"]):not([type="radio"]), .leaflet-control-zoom a')]
        .filter((element) => element.getClientRects().length > 0 && !element.closest('.visually-hidden'))
        .map((element) => ({ element, box: element.getBoundingClientRect() }))
        .filter(({ box }) => box.width < 44 || box.height < 44)
        .map(({ element, box }) => `${element.tagName.toLowerCase()} “${element.textContent?.trim().slice(0, 20)}” ${Math.round(box.width)}×${Math.round(box.height)}`),
    );
    expect(small).toEqual([]);
    await context.close();
  });
});

/** Replaces the browser's speech with a recorder: every utterance's text and voice lands in window.spoken. */
async function stubSpeech(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const spoken: { text: string; lang: string; voice: string | undefined }[] = [];
    class Utterance extends EventTarget {
      lang = '';
      rate = 1;
      voice: { name: string; lang: string } | null = null;
      readonly text: string;
      constructor(text: string) {
        super();
        this.text = text;
      }
    }
    const voices = [
      { name: 'English', lang: 'en-US' },
      { name: '中文（普通话）', lang: 'zh-CN' },
    ];
    const synth = Object.assign(new EventTarget(), {
      speak: (utterance: Utterance) => spoken.push({ text: utterance.text, lang: utterance.lang, voice: utterance.voice?.name }),
      cancel: () => undefined,
      getVoices: () => voices,
    });
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
    (window as unknown as { spoken: typeof spoken }).spoken = spoken;
  });
}

const lastSpoken = (page: Page) => page.evaluate(() => (window as unknown as { spoken: { text: string; voice?: string }[] }).spoken.at(-1));

describe('read-aloud (朗读)', () => {
  test('focusing a map unit speaks its name and value in the Chinese voice', async () => {
    const context = await contextWith(undefined);
    await stubSpeech(context);
    const page = await context.newPage();
    await page.goto(`${env.site.origin}${MAP}`);
    await page.locator('reading-settings button[data-part="speech"]').click();
    await expect(page.locator('reading-settings button[data-part="speech"]').getAttribute('aria-pressed')).resolves.toBe('true');
    const region = page.locator('.map-regions > a').first();
    await region.focus();
    const spoken = await lastSpoken(page);
    expect(spoken?.text).toBe(await region.getAttribute('aria-label'));
    expect(spoken?.text).toMatch(/^城关区：少数民族人口比重 4\.95%/);
    expect(spoken?.voice).toBe('中文（普通话）');
    await context.close();
  });

  test('moving through a table with the arrow keys speaks each cell with its row and column headers', async () => {
    const context = await contextWith(JSON.stringify({ speech: 'on' }));
    await stubSpeech(context);
    const page = await context.newPage();
    await page.goto(`${env.site.origin}${MAP}`);
    await page.locator('.table-scroll:has(#map-table)').focus();
    expect((await lastSpoken(page))?.text).toContain('兰州市');
    for (const key of ['ArrowDown', 'ArrowDown', 'ArrowRight', 'ArrowRight']) await page.keyboard.press(key);
    const columnHeader = (await page.locator('#map-table thead th').nth(2).textContent())?.trim() ?? '';
    const value = (await page.locator('#map-table tbody tr').first().locator('td').nth(1).textContent())?.trim() ?? '';
    expect(columnHeader).not.toBe('');
    expect((await lastSpoken(page))?.text).toBe(`城关区，${columnHeader}：${value}`);
    await expect(page.locator('#map-table [data-reading]').textContent()).resolves.toBe(value);
    await context.close();
  });

  test('a tap on a paragraph speaks the paragraph', async () => {
    const context = await contextWith(JSON.stringify({ speech: 'on' }), { hasTouch: true });
    await stubSpeech(context);
    const page = await context.newPage();
    await page.goto(`${env.site.origin}/`);
    const lead = page.locator('main p.lead');
    await lead.tap();
    expect((await lastSpoken(page))?.text).toBe((await lead.textContent())?.trim());
    await context.close();
  });

  test('where the browser has no speech, the switch says so and is disabled', async () => {
    const context = await contextWith(JSON.stringify({ speech: 'on' }));
    await context.addInitScript(() => {
      Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
      Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: undefined, configurable: true });
    });
    const page = await context.newPage();
    await page.goto(`${env.site.origin}/`);
    await expect(page.locator('reading-settings button[data-part="speech"]').isDisabled()).resolves.toBe(true);
    await expect(page.locator('#reading-note').textContent()).resolves.toContain('不能朗读');
    await context.close();
  });
});
