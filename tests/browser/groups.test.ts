import { describe, expect, test } from 'vitest';
import { useSiteInBrowser } from '../helpers/browser.ts';

const env = useSiteInBrowser();

describe('the groups index', () => {
  test('sorting by 全国 2010, descending, on a phone puts 汉族 first and 壮族 second; by 变化, descending, the changes run from largest to smallest', async () => {
    const context = await env.browser.newContext({ viewport: { width: 360, height: 800 } });
    const tab = await context.newPage();
    await tab.goto(`${env.site.origin}/groups/`);
    const button = (label: string) => tab.locator('#groups-table thead th', { hasText: label }).getByRole('button');
    const first = (count: number) => tab.locator('#groups-table tbody th').evaluateAll((cells, n) => cells.slice(0, n).map((cell) => cell.querySelector('a')?.textContent), count);
    await button('全国 2010').click();
    await button('全国 2010').click();
    await expect(first(2)).resolves.toEqual(['汉族', '壮族']);
    await button('变化').click();
    await button('变化').click();
    await expect(tab.locator('#groups-table thead th[aria-sort="descending"]').textContent()).resolves.toContain('变化');
    const changes = await tab.locator('#groups-table tbody td[data-label="变化（计算）"]').evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute('data-value'))));
    expect(changes).toEqual([...changes].sort((a, b) => b - a));
    await context.close();
  });
});
