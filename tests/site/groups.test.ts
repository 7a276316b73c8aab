import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { describe, expect, test } from 'vitest';
import { builtPages, readBuilt } from '../helpers/site.ts';
import { ethnicGroups } from '../../src/lib/site/groups/catalogue.ts';
import { GROUP_MAP_PAGES } from '../../src/maps/group-maps.ts';

/**
 * The group pages, the groups index, the places' 民族构成 and the school materials as built:
 * every page is there, and the figures they show are the figures in the cells they cite,
 * read here from the published workbooks with SheetJS alone.
 */

const pages = builtPages();
const groups = ethnicGroups();

/** A cell of a published workbook, as SheetJS reads it (numbers stored as text come back as text). */
function cell(file: string, sheet: string, address: string): unknown {
  const book = XLSX.read(readFileSync(file), { type: 'buffer' });
  return book.Sheets[sheet]?.[address]?.v;
}

/** The page's text with tags removed and entities of numbers kept as written. */
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('group pages', () => {
  test('a page is built for each of the 56 groups and the two census categories, and /groups/ links to every one', () => {
    const index = readBuilt('/groups/');
    expect(groups).toHaveLength(58);
    for (const group of groups) {
      expect(pages, group.name).toContain(`/groups/${group.slug}/`);
      expect(index, group.name).toContain(`href="/groups/${group.slug}/"`);
    }
  });

  test('东乡族: the 2010 national population shown is the number in the cell cited, 1-6 Sheet1!CB6', () => {
    const html = readBuilt('/groups/dongxiang/');
    expect(text(html)).toContain('表 1-6 第 6 行（B6、CB6—CD6）');
    const printed = cell('data/census-2010-ethnic-groups-by-province/1-6 各地区分性别、民族的人口.xls', 'Sheet1', 'CB6');
    expect(printed).toBe(621_500);
    expect(text(html)).toMatch(/全国人口（2010 年） 621,500 人/);
  });

  test('回族: the Lanzhou table shows 兰州市 109,515, the number in the Gansu sheet\'s cell K6 that its source note cites', () => {
    const html = readBuilt('/groups/hui/');
    const lanzhou = html.slice(html.indexOf('id="lanzhou-table"'), html.indexOf('</table>', html.indexOf('id="lanzhou-table"')));
    expect(text(lanzhou)).toMatch(/兰州市 109,515 /);
    expect(cell('data/gansu-2010-ethnic-groups-by-county/gansu_ethnicity.xlsx', '1-20', 'K6')).toBe('109515');
    expect(text(html)).toContain('表 1-6 第 6—14 行（B6—B14、K6—K14）');
  });

  test('every group page says that there is no 2020 figure for any group, carries its 民族 facet, and cites workbook cells', () => {
    for (const group of groups) {
      const html = readBuilt(`/groups/${group.slug}/`);
      expect(text(html), group.name).toContain('没有 2020 年的分民族数字');
      expect(html, group.name).toContain(`data-pagefind-filter="民族:${group.name}"`);
      expect(html, group.name).toMatch(/<h1[^>]*>[^<]*<\/h1>/);
      expect(/<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1], group.name).toBe(group.name);
      expect(text(html), group.name).toMatch(/表 1-6 第 \d+/);
    }
  });

  test('97 and 98 are said to be the site\'s codes, not GB/T 3304\'s', () => {
    for (const slug of ['unidentified', 'naturalised']) expect(text(readBuilt(`/groups/${slug}/`))).toContain('为本站所设，不是 GB/T 3304 代码');
  });

  test('every group was counted somewhere in Gansu in 2010 (the Gansu sheet has no empty column), so every group page draws its Gansu county map', () => {
    for (const group of groups) expect(readBuilt(`/groups/${group.slug}/`), group.name).toContain(`id="map-groups-${group.slug}-gansu-counties-2010-title"`);
  });
});

describe('group maps', () => {
  test('each mapped group has a province map and a Gansu county map page, listed on /maps/ and linked from its group page', () => {
    const maps = readBuilt('/maps/');
    for (const code of GROUP_MAP_PAGES) {
      const group = groups.find((candidate) => candidate.code === code);
      for (const kind of ['provinces', 'gansu-counties']) {
        const path = `/maps/groups-${group?.slug}-${kind}-2010/`;
        expect(pages).toContain(path);
        expect(maps).toContain(`href="${path}"`);
        expect(readBuilt(`/groups/${group?.slug}/`)).toContain(`href="${path}"`);
        expect(readBuilt(path)).toContain(`href="/groups/${group?.slug}/"`);
      }
    }
  });

  test('the Gansu county map of 回族 lists 华亭县 (620824), which has no 2021 polygon, in its notes', () => {
    expect(text(readBuilt('/maps/groups-hui-gansu-counties-2010/'))).toMatch(/华亭县：[^。]*620824/);
  });
});

describe('民族构成（2010年） on the place profiles', () => {
  test('every Gansu place profile has the section', () => {
    const places = pages.filter((page) => /^\/places\/\d{6}\/$/.test(page));
    expect(places).toHaveLength(101);
    for (const page of places) expect(readBuilt(page), page).toContain('id="place-groups"');
  });

  test('兰州市: 56 groups counted, 回族 109,515, and mixed households beside Gansu and the nation', () => {
    const html = text(readBuilt('/places/620100/'));
    expect(html).toContain('56 个民族中登记到 56 个');
    expect(html).toMatch(/回族 109,515 /);
    expect(html).toMatch(/甘肃省 6,900,369 /);
    expect(html).toMatch(/全国 401,934,196 /);
  });

  test('兰州新区 says that it did not exist in 2010', () => {
    expect(text(readBuilt('/places/620171/'))).toMatch(/没有 2010 年的民族构成：兰州新区[^。]*2010 年没有这个单位/);
  });
});

describe('school materials', () => {
  test('认识五十六个民族 shows the 58 groups and categories, each with its 2010 population and largest provinces', () => {
    const html = readBuilt('/unity/know-56-ethnic-groups/');
    const table = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
    expect(table.match(/<tr>/g)).toHaveLength(58);
    expect(text(table)).toMatch(/保安族 20,074 甘肃省 90\.5%/);
  });

  test('the model-units material links each report it cites to its original address, off the site', () => {
    const html = readBuilt('/unity/lanzhou-unity-model-units/');
    expect(html).toContain('href="https://news.cri.cn/2024-01-26/7ef6e423-ac10-e379-9692-549289f9e328.html"');
    expect(html.match(/rel="external noopener noreferrer"/g)).toHaveLength(5);
  });
});
