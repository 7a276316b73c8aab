import { chromium, type Browser, type Frame, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { chromiumPath } from '../../src/lib/browser/chromium.ts';
import { serveDist } from './site.ts';

type Site = Awaited<ReturnType<typeof serveDist>>;

export const CHROMIUM = chromiumPath();

/**
 * Chromium (Debian's, or CHROMIUM_PATH), headless, with no background traffic. playwright-core gives every
 * launch a fresh temporary profile (user-data dir) and removes it on close.
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/**
 * For a browser test file: serves the built site and launches chromium before its tests,
 * closes both after. Read `browser` and `site` inside tests (they exist once the hooks ran).
 */
export function useSiteInBrowser(): { readonly browser: Browser; readonly site: Site } {
  const state: { browser?: Browser; site?: Site } = {};
  beforeAll(async () => {
    state.site = await serveDist();
    state.browser = await launchChromium();
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.site?.close();
  });
  return {
    get browser() {
      if (!state.browser) throw new Error('chromium has not started');
      return state.browser;
    },
    get site() {
      if (!state.site) throw new Error('the site server has not started');
      return state.site;
    },
  };
}

/**
 * The first embed of a host page (`iframe[data-lzmz-embed]`), loaded: its element, its frame,
 * and how far the element's height is from its content's (the resizer makes it ≤ 1 px).
 */
export async function embedFrame(page: Page): Promise<{ element: Locator; frame: Frame; gap: () => Promise<number> }> {
  const element = page.locator('iframe[data-lzmz-embed]');
  const frame = await (await element.elementHandle())?.contentFrame();
  if (!frame) throw new Error('no embed frame');
  await frame.waitForLoadState('load');
  const gap = async () => Math.abs(((await element.boundingBox())?.height ?? 0) - (await frame.evaluate(() => document.documentElement.scrollHeight)));
  return { element, frame, gap };
}
