import { describe, expect, test } from 'vitest';
import { sourceSchema } from '../../src/schemas/dataset.ts';
import { siteHrefSchema } from '../../src/schemas/link.ts';
import { materialSourceSchema } from '../../src/schemas/unity.ts';

const material = (href: string) => ({ title: '中华人民共和国宪法', publisher: '全国人民代表大会', href });

/** Links that stay on this site, as the materials write them. */
const INTERNAL = ['/', '/policies/xianfa/', '/policies/xianfa/#第四条', '/data/lanzhou-minority-groups-2010/', '/search/?q=清真&类型=政策法规', '/news/a//b'];

/** Links that leave the site, or that a browser reads as leaving it. */
const OFF_SITE = [
  '//evil.example/',
  '///evil.example/',
  '/\\evil.example/',
  '\\\\evil.example/',
  '/\t/evil.example/',
  '/\n/evil.example/',
  ' /policies/xianfa/',
  '/policies/xianfa/ ',
  '/policies\\xianfa/',
  'https://evil.example/',
  'javascript:alert(1)',
  'policies/xianfa/',
  '',
];

describe('siteHrefSchema', () => {
  test.each(INTERNAL)('accepts the link on this site %j', (href) => {
    expect(siteHrefSchema.safeParse(href).success).toBe(true);
  });

  test.each(OFF_SITE)('refuses %j', (href) => {
    const parsed = siteHrefSchema.safeParse(href);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/^a link on this site: one \/ then the path/);
  });
});

describe('materialSourceSchema: href', () => {
  test('accepts /policies/xianfa/', () => {
    expect(materialSourceSchema.safeParse(material('/policies/xianfa/')).success).toBe(true);
  });

  test.each(['//evil.example/policies/xianfa/', '/\\evil.example/'])('refuses the protocol-relative %j, at the href field', (href) => {
    const parsed = materialSourceSchema.safeParse(material(href));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path)).toEqual([['href']]);
  });
});

describe('sourceSchema: source.url (an external link) stays http(s) only', () => {
  const source = (url: string) => ({ title: '测试资料', publisher: '测试', date: '2020', url });

  test('accepts https://www.stats.gov.cn/', () => {
    expect(sourceSchema.safeParse(source('https://www.stats.gov.cn/')).success).toBe(true);
  });

  test.each(['//evil.example/', '/\\evil.example/', 'javascript:alert(1)'])('refuses %j', (url) => {
    expect(sourceSchema.safeParse(source(url)).success).toBe(false);
  });
});
