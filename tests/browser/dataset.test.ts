import { describe, expect, test } from 'vitest';
import { useSiteInBrowser } from '../helpers/browser.ts';

const env = useSiteInBrowser();

describe('<sortable-table> on a dataset page', () => {
  test('clicking a column header button sorts the rows and sets aria-sort; clicking again reverses', async () => {
    const context = await env.browser.newContext();
    const tab = await context.newPage();
    await tab.goto(`${env.site.origin}/data/lanzhou-minority-groups-2010/`);
    const header = tab.locator('#data-table thead th', { hasText: 'ethnic_group' });
    const firstGroup = () => tab.locator('#data-table tbody tr:first-child td:nth-child(3)').textContent();
    await header.getByRole('button').click();
    await expect(header.getAttribute('aria-sort')).resolves.toBe('ascending');
    const ascending = await firstGroup();
    await header.getByRole('button').click();
    await expect(header.getAttribute('aria-sort')).resolves.toBe('descending');
    await expect(firstGroup()).resolves.not.toBe(ascending);
    await expect(tab.locator('#data-table thead th[aria-sort]').count()).resolves.toBe(1);
    await context.close();
  });

  test('sorting by a number column puts the largest first when descending', async () => {
    const context = await env.browser.newContext();
    const tab = await context.newPage();
    await tab.goto(`${env.site.origin}/data/lanzhou-minority-groups-2010/`);
    const button = tab.locator('#data-table thead th', { hasText: 'population' }).getByRole('button');
    await button.click();
    await button.click();
    await expect(tab.locator('#data-table tbody tr:first-child').textContent()).resolves.toContain('回族');
    await context.close();
  });

  test('without JavaScript the headers are plain text, with no buttons', async () => {
    const context = await env.browser.newContext({ javaScriptEnabled: false });
    const tab = await context.newPage();
    await tab.goto(`${env.site.origin}/data/lanzhou-minority-groups-2010/`);
    await expect(tab.locator('#data-table thead button').count()).resolves.toBe(0);
    await context.close();
  });
});

describe('<copy-text> citations', () => {
  test('each citation gets a copy button that copies the text', async () => {
    const context = await env.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const tab = await context.newPage();
    await tab.goto(`${env.site.origin}/data/lanzhou-minority-groups-2010/`);
    await expect(tab.locator('copy-text .copy-button').count()).resolves.toBe(2);
    await tab.locator('copy-text').first().locator('.copy-button').click();
    // The clipboard write is asynchronous: wait for the status line rather than read it once.
    await expect.poll(() => tab.locator('copy-text').first().locator('[role="status"]').textContent(), { timeout: 5_000 }).toBe('已复制到剪贴板');
    await expect(tab.evaluate(() => navigator.clipboard.readText())).resolves.toContain('[DS/OL]');
    await context.close();
  });
});

describe('row anchors', () => {
  test('/data/lanzhou-work-report-2017/#figure-<id> targets that figure\'s row', async () => {
    const context = await env.browser.newContext();
    const tab = await context.newPage();
    await tab.goto(`${env.site.origin}/data/lanzhou-work-report-2017/#figure-halal-meat-subsidy-total-2016`);
    await expect(tab.locator('tr:target').textContent()).resolves.toContain('225.048');
    await context.close();
  });
});
