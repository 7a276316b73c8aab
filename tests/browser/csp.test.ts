import { describe, expect, test } from 'vitest';
import { useSiteInBrowser } from '../helpers/browser.ts';
import { builtPages, headersFor } from '../helpers/site.ts';

const env = useSiteInBrowser();
/** One page of every kind, served with the Content Security Policy of dist/_headers. */
const samples = ['/', '/data/lanzhou-population-2010-2020/', '/charts/lanzhou-education-2020/', '/embed/lanzhou-minority-share-2020/', '/maps/lanzhou-minority-share-2020/', '/embed/maps/lanzhou-minority-share-2020/', '/places/620102/', '/groups/', '/groups/dongxiang/', '/policies/', '/news/', '/unity/', '/search/?q=清真食品', '/no-such-page/'];

describe('Content Security Policy', () => {
  test('every sampled page exists in the build', () => {
    const pages = new Set(builtPages());
    for (const sample of samples.filter((path) => !path.includes('?') && path !== '/no-such-page/')) expect(pages.has(sample), sample).toBe(true);
  });

  test('the policy has no unsafe-inline and no other origin, and only /embed/ may be framed elsewhere', () => {
    const page = headersFor('/charts/x/')['content-security-policy'] ?? '';
    const embed = headersFor('/embed/x/')['content-security-policy'] ?? '';
    expect(page).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(page).toContain("frame-ancestors 'self'");
    expect(embed).toContain('frame-ancestors *');
    expect(`${page} ${embed}`).not.toMatch(/unsafe-inline|https?:/);
    expect(headersFor('/_astro/x.js')['cache-control']).toContain('immutable');
  });

  test.each(samples)('%s runs without a single policy violation', async (path) => {
    const page = await env.browser.newPage({ viewport: { width: 360, height: 800 } });
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    const response = await page.goto(`${env.site.origin}${path}`, { waitUntil: 'load' });
    expect(response?.headers()['content-security-policy']).toBeTruthy();
    if (path.startsWith('/search/')) await page.waitForSelector('[data-search-results] li, .search-results li, ol li', { timeout: 10_000 }).catch(() => undefined);
    await page.waitForTimeout(300);
    const violations = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    expect(violations).toEqual([]);
    await page.close();
  });
});
