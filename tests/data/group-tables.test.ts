import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { beforeAll, describe, expect, test } from 'vitest';
import { checkDatasets, type CheckReport } from '../../src/lib/data/check.ts';
import { rowsOf } from '../../src/lib/data/dataset.ts';
import { ethnicGroups, GROUP_DATASETS, TOTAL } from '../../src/lib/site/groups/catalogue.ts';
import { groupsBySize, mixedHouseholds } from '../../src/lib/site/groups/composition.ts';
import { nationalFigures } from '../../src/lib/site/groups/national.ts';
import { indexGroupTable, NATION, type CensusRow, type GroupTable } from '../../src/lib/site/groups/table-index.ts';
import { provinceShares } from '../../src/lib/site/groups/where.ts';
import { GANSU, LANZHOU } from '../../src/schemas/geo.ts';

/**
 * The census tables by group as the site holds them (the rows the data check keeps, indexed
 * as the pages index them), held to the totals SOURCES.md gives for the published volumes.
 * tests/data/workbooks.test.ts holds the workbook reader to the same totals cell by cell;
 * these tests hold the rows and the lookups the group pages and place profiles read.
 */

let report: CheckReport;
const tables = new Map<string, GroupTable>();
const table = (key: keyof typeof GROUP_DATASETS): GroupTable => {
  const found = tables.get(GROUP_DATASETS[key]);
  if (!found) throw new Error(`${GROUP_DATASETS[key]} not shipped`);
  return found;
};
const codes = ethnicGroups().map((group) => group.code);
const sumOver = (keys: readonly string[], count: (key: string) => number | undefined) => keys.reduce((sum, key) => sum + (count(key) ?? Number.NaN), 0);

beforeAll(() => {
  report = checkDatasets('data');
  for (const result of report.datasets) {
    if (!Object.values<string>(GROUP_DATASETS).includes(result.id)) continue;
    if (!result.meta) throw new Error(`${result.id}: no metadata`);
    tables.set(result.id, indexGroupTable(result.meta, rowsOf(result) as CensusRow[]));
  }
});

describe('national totals, as the site reads them', () => {
  test('2010: the national row is 1,332,810,869, and so is the sum of the 58 groups and of the 31 provinces', () => {
    const provinces = table('provinces2010');
    expect(provinces.count(provinces.row(NATION, TOTAL))).toBe(1_332_810_869);
    expect(sumOver(codes, (code) => provinces.count(provinces.row(NATION, code)))).toBe(1_332_810_869);
    const byProvince = provinceShares(provinces, TOTAL);
    expect(byProvince).toHaveLength(31);
    expect(byProvince.reduce((sum, share) => sum + share.count.value, 0)).toBe(1_332_810_869);
  });

  test('2000: the national row is 1,242,612,226, and so is the sum of the 58 groups', () => {
    const provinces = table('provinces2000');
    expect(provinces.count(provinces.row(NATION, TOTAL))).toBe(1_242_612_226);
    expect(sumOver(codes, (code) => provinces.count(provinces.row(NATION, code)))).toBe(1_242_612_226);
  });

  test('2010, aged 6 and over: 1,242,546,122 people, and so many summed over the groups', () => {
    const education = table('education2010');
    expect(education.count(education.categoryRow(TOTAL, TOTAL))).toBe(1_242_546_122);
    expect(sumOver(codes, (code) => education.count(education.categoryRow(code, TOTAL)))).toBe(1_242_546_122);
  });

  test('nationalFigures of every group: 城市 + 镇 + 乡村 = its 2010 total, and men + women too', () => {
    for (const code of codes) {
      const national = nationalFigures(table('provinces2010'), table('provinces2000'), code);
      expect(national.residence.reduce((sum, part) => sum + part.count.value, 0), code).toBe(national.population2010?.value);
      expect((national.male?.value ?? 0) + (national.female?.value ?? 0), code).toBe(national.population2010?.value);
    }
  });
});

describe('Lanzhou and Gansu, as the place profiles read them', () => {
  test('Lanzhou 2010 is 3,616,163 people, and its ten largest minority groups are those of the city\'s own page, in order', () => {
    const gansu = table('gansuCounties2010');
    const csv = Papa.parse<{ rank: string; ethnic_group: string; population: string }>(readFileSync('data/lanzhou-minority-groups-2010/lanzhou_2010_minority_groups_top10.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;
    const minority = ethnicGroups().filter((group) => group.code !== '01');
    const made = groupsBySize(gansu, LANZHOU, minority, 10);
    expect(made.total?.value).toBe(3_616_163);
    expect(made.groups.map((entry) => [entry.group.name, entry.count.value])).toEqual(csv.map((row) => [row.ethnic_group, Number(row.population)]));
  });

  test('all 56 groups were counted in Lanzhou, as the city\'s page says', () => {
    expect(groupsBySize(table('gansuCounties2010'), LANZHOU, ethnicGroups()).present).toBe(56);
  });

  test('Gansu\'s 6,900,369 family households are the same in the Gansu volume and the national 5-3, and so are its mixed households', () => {
    const inGansu = mixedHouseholds(table('gansuMixedHouseholds2010'), GANSU, '甘肃省');
    const inNation = mixedHouseholds(table('mixedHouseholds2010'), GANSU, '甘肃省');
    expect(inGansu?.households.value).toBe(6_900_369);
    expect(inNation?.households.value).toBe(6_900_369);
    expect(inGansu?.mixed).toBe(inNation?.mixed);
    expect(mixedHouseholds(table('mixedHouseholds2010'), NATION, '全国')?.households.value).toBe(401_934_196);
  });
});
