import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { builtPages, DIST, readBuilt } from '../helpers/site.ts';

const SECTIONS = ['/policies/', '/news/', '/unity/', '/search/'];
const pages = builtPages().filter((page) => SECTIONS.some((section) => page.startsWith(section)));

/** `id` attributes of a built page. */
function ids(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1] ?? ''));
}

describe('built policy, news, material and search pages', () => {
  test('all twenty-eight texts, three reported policies, six materials, the report article and the section pages are built', () => {
    expect(pages.filter((page) => /^\/policies\/[a-z0-9-]+\/$/.test(page))).toHaveLength(31);
    expect(pages.filter((page) => /^\/unity\/[a-z0-9-]+\/$/.test(page))).toHaveLength(6);
    expect(pages).toEqual(expect.arrayContaining(['/policies/', '/news/', '/news/2017-03-22-lanzhou-work-report/', '/unity/', '/search/']));
  });

  test('城市民族工作条例: every article has its Chinese anchor, 第九条 links to lanzhou-education-2020', () => {
    const html = readBuilt('/policies/chengshi-minzu-gongzuo-tiaoli/');
    const anchors = ids(html);
    for (const label of ['第一条', '第九条', '第三十条']) expect(anchors.has(label)).toBe(true);
    const ninth = html.slice(html.indexOf('id="第九条"'), html.indexOf('id="第十条"'));
    expect(ninth).toContain('href="/data/lanzhou-education-2020/"');
    expect(ninth).toContain('《城市民族工作条例》第九条（1993年9月15日发布）');
  });

  test('宪法: chapters, sections and 第一百四十三条 have anchors and the table of contents links to them', () => {
    const html = readBuilt('/policies/xianfa/');
    const anchors = ids(html);
    for (const id of ['序言', '第一章', '第三章第六节', '第一百四十三条']) expect(anchors.has(id)).toBe(true);
    expect(html).toContain('href="#第三章第六节"');
  });

  test('宗教事务条例: chapters and articles have anchors; every article can be linked and cited; the facts name 国务院', () => {
    const html = readBuilt('/policies/zongjiao-shiwu-tiaoli/');
    const anchors = ids(html);
    for (const id of ['第一章', '第一条', '第七十七条']) expect(anchors.has(id)).toBe(true);
    expect(html).toContain('《宗教事务条例》第七十七条（2017年6月14日修订）');
    expect(html.match(/class="article-tools"/g)).toHaveLength(77);
    expect(html).toContain('<dd>行政法规</dd>');
  });

  test('the list groups texts by level, with 县级 for the autonomous county\'s 自治条例, and says how many articles each has', () => {
    const html = readBuilt('/policies/');
    expect(html).toContain('id="level-county"');
    expect(html).toContain('href="/policies/jingning-shezu-zizhixian-zizhi-tiaoli/"');
    expect(html).toMatch(/宗教事务条例<\/a>\s*<span class="policy-list__meta">行政法规 · 国务院 · 2017年6月14日修订 · 77 条/);
  });

  test('上海市实施国家通用语言文字法办法 carries no dates, so its page has no history, and says 22 条', () => {
    const html = readBuilt('/policies/shanghai-shishi-guojia-tongyong-yuyan-wenzi-fa-banfa/');
    expect(html).not.toContain('id="history"');
    expect(html).toContain('<dd>22 条</dd>');
  });

  test('a reported policy page says the full text is not published here and quotes the report', () => {
    const html = readBuilt('/policies/lanzhou-qingzhen-niuyangrou-jiage-butie-banfa/');
    expect(html).toContain('本站尚未发布这份文件的全文');
    expect(html).toContain('制定《兰州市少数民族清真牛羊肉价格补贴发放办法》,全年下拨经费112.524万元。');
    expect(html).toContain('href="/data/lanzhou-work-report-2017/#figure-halal-meat-subsidy-total-2016"');
  });

  test('every material page says it was written by the site', () => {
    for (const page of pages.filter((candidate) => /^\/unity\/[a-z0-9-]+\/$/.test(candidate))) expect(readBuilt(page)).toContain('本页由本站编写');
  });

  test.each(pages)('%s: no inline script, no style attribute', (page) => {
    const html = readBuilt(page);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\sstyle="/);
  });

  test.each(pages)('%s: every internal link resolves to a built file, and its #fragment to an id there', (page) => {
    const html = readBuilt(page);
    const hrefs = [...html.matchAll(/\shref="(\/[^"]*)"/g)].map((match) => match[1] ?? '');
    const broken = hrefs.filter((href) => {
      const url = new URL(href, 'http://site');
      const path = decodeURIComponent(url.pathname);
      const file = path.endsWith('/') ? join(DIST, path, 'index.html') : join(DIST, path);
      if (!existsSync(file)) return true;
      if (!url.hash || !file.endsWith('.html')) return false;
      return !ids(readBuilt(path)).has(decodeURIComponent(url.hash.slice(1)));
    });
    expect(broken).toEqual([]);
  });

  test('the search page is left out of the index; policy pages carry their facets', () => {
    expect(readBuilt('/search/')).not.toContain('data-pagefind-body');
    const html = readBuilt('/policies/xianfa/');
    for (const filter of ['类型:政策法规', '层级:全国', '年份:2018', '主题:宪法']) expect(html).toContain(`data-pagefind-filter="${filter}"`);
  });

  test('the Pagefind index, RSS feed and sitemap are built', () => {
    expect(existsSync(join(DIST, 'pagefind', 'pagefind.js'))).toBe(true);
    const rss = readBuilt('/news/rss.xml');
    expect(rss).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<rss version="2.0"/);
    expect(rss).toContain('/news/2017-03-22-lanzhou-work-report/</link>');
    const sitemap = readBuilt('/sitemap.xml');
    expect(sitemap).toContain('/policies/chengshi-minzu-gongzuo-tiaoli/</loc>');
    expect(sitemap).not.toContain('/search/</loc>');
  });
});
