import { describe, expect, test } from 'vitest';
import { formatChange, formatSmallShare } from '../../src/i18n/format.ts';
import { categoryComparison, groupsByCategoryShare } from '../../src/lib/site/groups/categories.ts';
import { groupByCode } from '../../src/lib/site/groups/catalogue.ts';
import { groupsBySize, mixedHouseholds, placeComposition } from '../../src/lib/site/groups/composition.ts';
import { groupMapRows } from '../../src/lib/site/groups/map-rows.ts';
import { changeBetween, nationalFigures } from '../../src/lib/site/groups/national.ts';
import { indexGroupTable, type CensusRow, type GroupTableMeta } from '../../src/lib/site/groups/table-index.ts';
import { bySize, gansuShares, lanzhouShares, provinceShares } from '../../src/lib/site/groups/where.ts';
import { groupShareMeasure } from '../../src/maps/group-maps.ts';
import type { CensusTableRow } from '../../src/schemas/rows.ts';
import type { GeoLevel } from '../../src/schemas/geo.ts';
import { workbookSpecSchema } from '../../src/schemas/workbook.ts';

/**
 * The computations of the group pages and the places' 民族构成 on a few rows in memory, laid
 * out as the census workbooks are read: one row per place × group (or group × category), each
 * figure with its cell.
 */

const NONE = { missing: 'none-reported', marker: '' } as const;

function meta(id: string): GroupTableMeta {
  return {
    id,
    title: id,
    publisher: '国家统计局',
    source: { title: '人口普查资料', publisher: '国家统计局', date: '2012' },
    file: `${id}.xls`,
    workbook: workbookSpecSchema.parse({
      tableNumber: '1-6',
      header: { seriesRows: [4] },
      firstDataRow: 6,
      rows: 'places',
      series: { kind: 'groups' },
      measures: [{ key: 'total', labels: ['合计'], meaning: '人口' }],
      parts: [
        { label: '城市', file: `${id}a.xls`, tableNumber: '1-6a' },
        { label: '镇', file: `${id}b.xls`, tableNumber: '1-6b' },
        { label: '乡村', file: `${id}c.xls`, tableNumber: '1-6c' },
      ],
    }),
  };
}

let index = 0;
/** A census row: `values` as the reader gives them, each measure in column K of its sheet row. */
function row(line: number, geoLevel: GeoLevel, values: CensusTableRow, sourceFile?: string): CensusRow {
  const measures = Object.keys(values).filter((key) => !['residence', 'adcode', 'place', 'groupCode', 'group', 'category', 'categoryLabel'].includes(key));
  return { dataset: 'x', index: index++, sourceLine: line, geoLevel, isSubtotal: false, values, ...(sourceFile ? { sourceFile } : {}), sourceCells: Object.fromEntries(measures.map((key, at) => [key, `${String.fromCharCode(75 + at)}${line}`])) };
}

/** 2010: the nation and two provinces; 保安族 (47) counted in both, 裕固族 (48) only in Gansu (a blank in Qinghai). */
const provinces2010 = indexGroupTable(meta('p2010'), [
  row(6, 'nation', { residence: '合计', place: '全国', groupCode: 'total', total: 1000, male: 510, female: 490 }),
  row(6, 'nation', { residence: '合计', place: '全国', groupCode: '47', total: 20, male: 9, female: 11 }),
  row(6, 'nation', { residence: '城市', place: '全国', groupCode: '47', total: 2 }, 'p2010a.xls'),
  row(6, 'nation', { residence: '镇', place: '全国', groupCode: '47', total: 3 }, 'p2010b.xls'),
  row(6, 'nation', { residence: '乡村', place: '全国', groupCode: '47', total: 15 }, 'p2010c.xls'),
  row(34, 'province', { residence: '合计', adcode: '620000', place: '甘肃', groupCode: 'total', total: 100 }),
  row(34, 'province', { residence: '合计', adcode: '620000', place: '甘肃', groupCode: '47', total: 18 }),
  row(34, 'province', { residence: '合计', adcode: '620000', place: '甘肃', groupCode: '48', total: 5 }),
  row(35, 'province', { residence: '合计', adcode: '630000', place: '青海', groupCode: 'total', total: 50 }),
  row(35, 'province', { residence: '合计', adcode: '630000', place: '青海', groupCode: '47', total: 2 }),
  row(35, 'province', { residence: '合计', adcode: '630000', place: '青海', groupCode: '48', total: NONE }),
]);
const provinces2000 = indexGroupTable(meta('p2000'), [row(7, 'nation', { residence: '合计', place: '合计', groupCode: '47', total: 16 })]);

/** Gansu: the province, 兰州市 and two of its districts, 嘉峪关市 with its uncoded 市辖区, and 华亭县. */
const gansu = indexGroupTable(meta('gansu'), [
  row(5, 'province', { adcode: '620000', place: '总计', groupCode: 'total', total: 100 }),
  row(5, 'province', { adcode: '620000', place: '总计', groupCode: '47', total: 18 }),
  row(5, 'province', { adcode: '620000', place: '总计', groupCode: '01', total: 70 }),
  row(5, 'province', { adcode: '620000', place: '总计', groupCode: '03', total: 12 }),
  row(6, 'prefecture', { adcode: '620100', place: '兰州市', groupCode: 'total', total: 40 }),
  row(6, 'prefecture', { adcode: '620100', place: '兰州市', groupCode: '47', total: 4 }),
  row(7, 'county', { adcode: '620102', place: '城关区', groupCode: 'total', total: 30 }),
  row(7, 'county', { adcode: '620102', place: '城关区', groupCode: '47', total: 3 }),
  row(8, 'county', { adcode: '620103', place: '七里河区', groupCode: 'total', total: 10 }),
  row(8, 'county', { adcode: '620103', place: '七里河区', groupCode: '47', total: NONE }),
  row(15, 'prefecture', { adcode: '620200', place: '嘉峪关市', groupCode: 'total', total: 9 }),
  row(15, 'prefecture', { adcode: '620200', place: '嘉峪关市', groupCode: '47', total: 1 }),
  row(16, 'county', { place: '市辖区', groupCode: 'total', total: 9 }),
  row(16, 'county', { place: '市辖区', groupCode: '47', total: 1 }),
  row(51, 'county', { adcode: '620824', place: '华亭县', groupCode: 'total', total: 20 }),
  row(51, 'county', { adcode: '620824', place: '华亭县', groupCode: '01', total: 17 }),
  row(51, 'county', { adcode: '620824', place: '华亭县', groupCode: '03', total: 2 }),
]);

describe('nationalFigures', () => {
  const national = nationalFigures(provinces2010, provinces2000, '47');

  test('nationalFigures reads 2010 and 2000 from the national rows and computes the change (20 − 16) ÷ 16 = 25 %', () => {
    expect([national.population2010?.value, national.population2000?.value, national.change]).toEqual([20, 16, 0.25]);
  });

  test('nationalFigures computes the share of the nation (20 ÷ 1,000) and men per 100 women (9 ÷ 11 × 100)', () => {
    expect(national.shareOfNation).toBe(0.02);
    expect(national.sexRatio).toBeCloseTo(81.818, 3);
  });

  test('nationalFigures gives 城市, 镇 and 乡村 from the parts, each with its share and the part\'s table in its cell reference', () => {
    expect(national.residence.map((part) => [part.label, part.count.value, part.share, part.count.ref.table])).toEqual([
      ['城市', 2, 0.1, '1-6a'],
      ['镇', 3, 0.15, '1-6b'],
      ['乡村', 15, 0.75, '1-6c'],
    ]);
  });

  test('changeBetween gives nothing where the earlier count is 0 or unknown, and formatChange signs it with a minus sign', () => {
    const figure = (value: number) => ({ value, ref: { table: '1-6', line: 6, cells: ['K6'] } });
    expect(changeBetween(figure(5), figure(0))).toBeUndefined();
    expect(changeBetween(figure(5), undefined)).toBeUndefined();
    expect([formatChange(0.2096), formatChange(-0.048, 1), formatChange(0)]).toEqual(['+20.96%', '−4.8%', '0.00%']);
  });

  test('nationalFigures cites the 2010 count at its cell: 表 1-6, row 6, K6', () => {
    expect(national.population2010?.ref).toEqual({ table: '1-6', line: 6, cells: ['K6'] });
  });
});

describe('where a group lives', () => {
  test('provinceShares gives each province\'s count, its share of the province and of the group, named as in 2010', () => {
    expect(provinceShares(provinces2010, '47').map((share) => [share.name, share.count.value, share.share, share.shareOfGroup])).toEqual([
      ['甘肃省', 18, 0.18, 0.9],
      ['青海省', 2, 0.04, 0.1],
    ]);
  });

  test('provinceShares counts a blank cell (none reported) as 0, not as unknown', () => {
    expect(provinceShares(provinces2010, '48').map((share) => [share.key, share.count.value])).toEqual([
      ['620000', 5],
      ['630000', 0],
    ]);
  });

  test('gansuShares leaves out 嘉峪关市\'s uncoded 市辖区, which repeats the city, and names the total row 甘肃省', () => {
    const shares = gansuShares(gansu, '47');
    expect(shares.gansu?.name).toBe('甘肃省');
    expect(shares.counties.map((share) => share.name)).toEqual(['城关区', '七里河区']);
    expect(shares.present).toBe(true);
  });

  test('gansuShares says a group counted nowhere in Gansu is not present', () => {
    expect(gansuShares(gansu, '48').present).toBe(false);
  });

  test('lanzhouShares gives 兰州市 and its districts, each share of the group against Lanzhou\'s count', () => {
    expect(lanzhouShares(gansu, '47').map((share) => [share.name, share.count.value, share.shareOfGroup])).toEqual([
      ['兰州市', 4, 1],
      ['城关区', 3, 0.75],
      ['七里河区', 0, 0],
    ]);
  });

  test('bySize orders places by count, largest first', () => {
    expect(bySize(lanzhouShares(gansu, '47').slice(1)).map((share) => share.name)).toEqual(['城关区', '七里河区']);
  });
});

describe('groups by category', () => {
  const education = indexGroupTable(meta('education'), [
    row(6, 'none', { groupCode: 'total', category: 'total', categoryLabel: '6岁及以上人口', total: 1000 }),
    row(6, 'none', { groupCode: 'total', category: 'primary', categoryLabel: '小学', total: 300 }),
    row(6, 'none', { groupCode: 'total', category: 'postgraduate', categoryLabel: '研究生', total: 5 }),
    row(53, 'none', { groupCode: '47', category: 'total', categoryLabel: '6岁及以上人口', total: 20 }),
    row(53, 'none', { groupCode: '47', category: 'primary', categoryLabel: '小学', total: 12 }),
    row(53, 'none', { groupCode: '47', category: 'postgraduate', categoryLabel: '研究生', total: NONE }),
    row(54, 'none', { groupCode: '48', category: 'total', categoryLabel: '6岁及以上人口', total: 500 }),
    row(54, 'none', { groupCode: '48', category: 'primary', categoryLabel: '小学', total: 100 }),
  ]);

  test('categoryComparison gives each category in table order with the group\'s share beside everyone\'s', () => {
    const comparison = categoryComparison(education, '47');
    expect(comparison?.categories.map((category) => [category.label, category.count.value, category.share, category.allShare])).toEqual([
      ['小学', 12, 0.6, 0.3],
      ['研究生', 0, 0, 0.005],
    ]);
  });

  test('categoryComparison gives nothing for a group the table does not print', () => {
    expect(categoryComparison(education, '01')).toBeUndefined();
  });

  test('groupsByCategoryShare ranks groups by their share and leaves out groups below the minimum', () => {
    expect(groupsByCategoryShare(education, 'primary', ['47', '48'], 0).map((entry) => [entry.code, entry.share])).toEqual([
      ['47', 0.6],
      ['48', 0.2],
    ]);
    expect(groupsByCategoryShare(education, 'primary', ['47', '48'], 100).map((entry) => entry.code)).toEqual(['48']);
  });
});

describe('a place\'s make-up and mixed households', () => {
  const groups = ['01', '03', '47', '97'].map(groupByCode);

  test('groupsBySize keeps the largest by name, sums the rest, and counts only the 56 groups as present', () => {
    const table = indexGroupTable(meta('g'), [
      row(5, 'province', { adcode: '620000', groupCode: 'total', total: 100 }),
      row(5, 'province', { adcode: '620000', groupCode: '01', total: 70 }),
      row(5, 'province', { adcode: '620000', groupCode: '03', total: 20 }),
      row(5, 'province', { adcode: '620000', groupCode: '47', total: 6 }),
      row(5, 'province', { adcode: '620000', groupCode: '97', total: 4 }),
    ]);
    const made = groupsBySize(table, '620000', groups, 2);
    expect(made.groups.map((entry) => [entry.group.name, entry.share])).toEqual([
      ['汉族', 0.7],
      ['回族', 0.2],
    ]);
    expect(made.rest).toMatchObject({ count: 10, share: 0.1, groups: 2 });
    expect(made.present).toBe(3);
    expect(made.groupsSum).toBe(100);
  });

  test('groupsBySize reports the groups\' sum where the volume\'s total differs from it, and leaves groups with none counted out', () => {
    const made = groupsBySize(gansu, '620000', groups);
    expect(made.groupsSum).toBe(100);
    expect(made.groups.map((entry) => entry.group.code)).toEqual(['01', '47', '03']);
    expect(made.rest).toBeUndefined();
  });

  const households = indexGroupTable(meta('mixed'), [
    row(5, 'province', { adcode: '620000', category: 'total', households: 1000 }),
    row(5, 'province', { adcode: '620000', category: 'single', households: 970 }),
    row(5, 'province', { adcode: '620000', category: 'two', households: 25 }),
    row(5, 'province', { adcode: '620000', category: 'three', households: 5 }),
    row(5, 'province', { adcode: '620000', category: 'fourOrMore', households: NONE }),
  ]);

  test('mixedHouseholds sums households of two, three and four or more groups, and their share of all family households', () => {
    const mixed = mixedHouseholds(households, '620000', '甘肃省');
    expect([mixed?.households.value, mixed?.mixed, mixed?.share]).toEqual([1000, 30, 0.03]);
    expect(mixed?.kinds.map((kind) => kind.ref.cells[0])).toEqual(['K5', 'K5', 'K5']);
  });

  test('mixedHouseholds gives nothing for a place the table lacks', () => {
    expect(mixedHouseholds(households, '630000', '青海省')).toBeUndefined();
  });

  test('placeComposition says 兰州新区 (620171) did not exist in 2010', () => {
    const groupsOf = placeComposition({ gansuCounties2010: gansu, gansuMixedHouseholds2010: households, mixedHouseholds2010: households }, '620171');
    expect(groupsOf).toEqual({ kind: 'absent', reason: expect.stringContaining('2010 年没有这个单位') });
  });

  test('placeComposition shows 华亭市 (620881) as the 2010 华亭县 (620824), and says so', () => {
    const groupsOf = placeComposition({ gansuCounties2010: gansu, gansuMixedHouseholds2010: households, mixedHouseholds2010: households }, '620881');
    if (groupsOf.kind !== 'composition') throw new Error('no composition');
    expect([groupsOf.adcode2010, groupsOf.name2010, groupsOf.total.value]).toEqual(['620824', '华亭县', 20]);
    expect(groupsOf.note).toContain('620824');
  });
});

describe('group maps', () => {
  test('groupMapRows gives each coded place its count and total under the keys the measure reads, and no uncoded row', () => {
    const rows = groupMapRows(gansu, '47', 'county');
    expect(rows.map((entry) => [entry.values['adcode'], entry.values['county'], entry.values['groupCount'], entry.values['placeTotal']])).toContainEqual(['620103', '七里河区', 0, 10]);
    expect(rows.some((entry) => entry.values['adcode'] === undefined)).toBe(false);
    expect(rows.every((entry) => entry.values['province'] === '甘肃省')).toBe(true);
  });

  test('groupShareMeasure computes count ÷ total, and gives a reason instead of a value where the total is 0', () => {
    const measure = groupShareMeasure({ name: '保安族' });
    expect(measure.value({ groupCount: 18, placeTotal: 100 }, '620000')).toBe(0.18);
    expect(measure.value({ groupCount: 0, placeTotal: 0 }, '620000')).toEqual({ reason: expect.any(String) });
    expect(measure.derivation).toContain('本站计算');
  });

  test('formatSmallShare keeps two significant digits of a very small share and never shows 0 for somebody counted', () => {
    expect([0.0523, 0.0000996, 0.00005, 1.23e-7, 0].map(formatSmallShare)).toEqual(['5.23%', '0.010%', '0.0050%', '0.000012%', '0%']);
  });
});
