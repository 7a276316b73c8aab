import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { builtFiles, builtPages, DIST, readBuilt } from '../helpers/site.ts';
import { listDatasetIds } from '../../src/lib/data/check.ts';

const pages = builtPages();
const files = new Set(builtFiles());

/** Internal link targets of a page: href/src values that start with `/`. */
function internalTargets(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)="(\/[^"#?]*)(?:[?#][^"]*)?"/g)].map((match) => match[1] ?? '');
}

describe('the built site', () => {
  test('has a home page, the data index, a page per dataset and a 404 page', () => {
    expect(pages).toContain('/');
    expect(pages).toContain('/data/');
    expect(pages).toContain('/404.html');
    for (const id of listDatasetIds('data')) expect(pages).toContain(`/data/${id}/`);
  });

  test('every page is Chinese (lang="zh-CN") with a unique title and a description', () => {
    const titles = new Set<string>();
    for (const page of pages) {
      const html = readBuilt(page);
      expect(html, page).toMatch(/<html lang="zh-CN"[ >]/);
      const title = /<title>([^<]+)<\/title>/.exec(html)?.[1];
      expect(title, page).toBeTruthy();
      expect(titles.has(title ?? ''), `${page} repeats the title ${title}`).toBe(false);
      titles.add(title ?? '');
      expect(html, page).toMatch(/<meta name="description" content="[^"]+"/);
    }
  });

  test('main content carries data-pagefind-body and the chrome is ignored by search', () => {
    for (const page of pages) {
      const html = readBuilt(page);
      // Version-pinned copies are left out of search: they repeat the latest page.
      if (html.includes('<meta name="robots" content="noindex">')) {
        expect(html, page).not.toMatch(/<main[^>]*data-pagefind-body/);
        continue;
      }
      expect(html, page).toMatch(/<main[^>]*data-pagefind-body/);
      expect(html, page).toMatch(/<header[^>]*data-pagefind-ignore="all"/);
    }
  });

  test('the home page shows the headline figures from the data with their sources', () => {
    const html = readBuilt('/');
    expect(html).toContain('4,359,446 人');
    expect(html).toContain('5.22%');
    expect(html).toContain('4.41%');
    expect(html).toContain('10.62%');
    expect(html).toContain('8.89%');
    expect(html).toContain('回族 109,515 人');
    expect(html).toContain('href="/data/lanzhou-population-2010-2020/"');
    for (const unit of ['城关区', '七里河区', '西固区', '安宁区', '红古区', '永登县', '皋兰县', '榆中县', '兰州新区']) expect(html).toContain(unit);
  });

  test('every internal link and asset resolves to a built file', () => {
    const missing: string[] = [];
    for (const page of pages) {
      for (const target of internalTargets(readBuilt(page))) {
        const path = decodeURIComponent(target).replace(/^\//, '');
        const candidates = [path, `${path}index.html`, `${path}/index.html`];
        if (!candidates.some((candidate) => files.has(candidate))) missing.push(`${page} → ${target}`);
      }
    }
    expect(missing).toEqual([]);
  });

  test('nothing loads from another origin: no external scripts, styles, fonts or images', () => {
    for (const page of pages) {
      const html = readBuilt(page);
      const loads = html.match(/<(?:script|img|iframe|source|link(?![^>]*rel="(?:canonical|alternate)"))[^>]+(?:src|href)="(?:https?:)?\/\/[^"]+"/g);
      expect(loads, page).toBeNull();
    }
    for (const file of files) {
      if (file.endsWith('.css')) expect(readFileSync(`${DIST}/${file}`, 'utf8'), file).not.toMatch(/url\((['"]?)(https?:)?\/\//);
    }
  });

  test('each published file is served byte for byte as published', () => {
    const pairs = [
      ['data/china-counties-2020/china_counties_2020.csv', `${DIST}/data/china-counties-2020/china_counties_2020.csv`],
      ['data/lanzhou-minority-groups-2010/lanzhou_2010_minority_groups_top10.csv', `${DIST}/data/lanzhou-minority-groups-2010/lanzhou_2010_minority_groups_top10.csv`],
    ] as const;
    for (const [source, built] of pairs) expect(readFileSync(built).equals(readFileSync(source)), built).toBe(true);
  });

  test('a dataset page shows its caveats, column dictionary, source and missing-value legend', () => {
    const html = readBuilt('/data/lanzhou-population-2010-2020/');
    expect(html).toContain('需要了解的事项');
    expect(html).toContain('兰州新区（620171）于 2012 年由永登县、皋兰县析出设立');
    expect(html).toContain('minorityShare2020');
    expect(html).toContain('国家统计局');
    expect(html).toMatch(/<abbr title="原表空白">/);
  });
});
