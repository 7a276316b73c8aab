import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { escapeXml, rfc822, rssXml } from '../../src/lib/news/rss.ts';
import { pagefindFilters, paramsFromState, sortFilterValues, stateFromParams } from '../../src/lib/search/query.ts';
import { sitemapPaths, sitemapXml } from '../../src/lib/site/sitemap.ts';

describe('rss', () => {
  test('rfc822("2017-03-22") returns Wed, 22 Mar 2017 00:00:00 +0800', () => {
    expect(rfc822('2017-03-22')).toBe('Wed, 22 Mar 2017 00:00:00 +0800');
  });

  test('escapeXml escapes &, <, >, quotes', () => {
    expect(escapeXml(`《<实施意见>工作任务分解表》 & "x" 'y'`)).toBe('《&lt;实施意见&gt;工作任务分解表》 &amp; &quot;x&quot; &apos;y&apos;');
  });

  test('rssXml lists items newest first with guid, pubDate and escaped text', () => {
    const xml = rssXml({
      title: '工作动态',
      link: 'https://example.org/news/',
      self: 'https://example.org/news/rss.xml',
      description: '说明',
      items: [
        { title: '旧', link: 'https://example.org/news/a/', date: '2017-03-22', description: 'a < b', category: '工作报告' },
        { title: '新', link: 'https://example.org/news/b/', date: '2018-01-02', description: 'b', category: '动态' },
      ],
    });
    expect(xml.indexOf('<title>新</title>')).toBeLessThan(xml.indexOf('<title>旧</title>'));
    expect(xml).toContain('<guid isPermaLink="true">https://example.org/news/a/</guid>');
    expect(xml).toContain('<description>a &lt; b</description>');
    expect(xml).toContain('<lastBuildDate>Tue, 02 Jan 2018 00:00:00 +0800</lastBuildDate>');
  });
});

describe('sitemap', () => {
  test('sitemapPaths lists built pages as URL paths, leaving out 404 and noindex pages', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitemap-'));
    mkdirSync(join(dir, 'policies', 'xianfa'), { recursive: true });
    mkdirSync(join(dir, 'search'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<html></html>');
    writeFileSync(join(dir, '404.html'), '<html></html>');
    writeFileSync(join(dir, 'policies', 'xianfa', 'index.html'), '<html></html>');
    writeFileSync(join(dir, 'search', 'index.html'), '<meta name="robots" content="noindex" />');
    expect(sitemapPaths(dir)).toEqual(['/', '/policies/xianfa/']);
  });

  test('sitemapXml makes absolute, encoded URLs under the site', () => {
    expect(sitemapXml(['/', '/data/x/'], 'https://example.org')).toContain('<url><loc>https://example.org/data/x/</loc></url>');
  });
});

describe('search state', () => {
  test('stateFromParams reads q and repeated filter params, ignoring unknown ones', () => {
    const params = new URLSearchParams('q=%20民族乡%20&类型=政策法规&类型=学习材料&层级=全国&foo=bar');
    expect(stateFromParams(params)).toEqual({ query: '民族乡', filters: { 类型: ['政策法规', '学习材料'], 层级: ['全国'] } });
  });

  test('paramsFromState then stateFromParams returns the same state', () => {
    const state = { query: '清真', filters: { 类型: ['政策法规'], 年份: ['2017', '2010'] } };
    expect(stateFromParams(paramsFromState(state))).toEqual(state);
  });

  test('pagefindFilters ORs values within a group (any) and keeps groups as separate keys (AND)', () => {
    expect(pagefindFilters({ 类型: ['政策法规', '学习材料'], 层级: ['省级'], 主题: [] })).toEqual({ 类型: { any: ['政策法规', '学习材料'] }, 层级: { any: ['省级'] } });
  });

  test('pagefindFilters with except leaves that group out, for counting its values', () => {
    expect(pagefindFilters({ 类型: ['政策法规'], 层级: ['省级'] }, '类型')).toEqual({ 层级: { any: ['省级'] } });
  });

  test('sortFilterValues puts years newest first and other values by count', () => {
    expect(sortFilterValues('年份', { '2010': 5, '2017': 1 })).toEqual([['2017', 1], ['2010', 5]]);
    expect(sortFilterValues('类型', { 数据集: 2, 政策法规: 20 })).toEqual([['政策法规', 20], ['数据集', 2]]);
  });
});
