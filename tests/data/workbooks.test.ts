import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import Papa from 'papaparse';
import { beforeAll, describe, expect, test } from 'vitest';
import { formatProblem, type Problem } from '../../src/schemas/problem.ts';
import { checkSeriesSum, checkSexSum } from '../../src/lib/data/workbook/checks.ts';
import { readWorkbookFolder, type WorkbookFolderResult } from '../../src/lib/data/workbook/folder.ts';
import { groupMatcher, loadGroupTables } from '../../src/lib/data/workbook/groups.ts';
import { loadPlaces, matchPrefecturesAndCounties, matchProvinces } from '../../src/lib/data/workbook/places.ts';
import { readWorkbook, type WorkbookTable } from '../../src/lib/data/workbook/read.ts';
import { unpivot } from '../../src/lib/data/workbook/unpivot.ts';
import { workbookSpecSchema, type WorkbookSpec } from '../../src/schemas/workbook.ts';

/**
 * The census workbooks the site ships (data/<id>/, byte for byte as fetched), read with the
 * declarations in their dataset.yaml (workbook:), held to the totals the volumes print and
 * to the independent Gansu check. Files that are not shipped are read from the shared data
 * folder when it is present (on the machine that fetched them) and skipped elsewhere.
 */

const groups = groupMatcher(loadGroupTables('data/reference'));
const SHARED = '/work/shared/data/census-ethnic';

function spec(id: string): WorkbookSpec {
  return workbookSpecSchema.parse((parseYaml(readFileSync(`data/${id}/dataset.yaml`, 'utf8')) as { workbook: unknown }).workbook);
}

const FOLDERS: Record<string, string> = {
  'census-2010-ethnic-groups-by-province': '1-6 各地区分性别、民族的人口.xls',
  'census-2000-ethnic-groups-by-province': '表1-6 省、自治区、直辖市分性别、民族的人口.xls',
  'census-2010-ethnic-groups-education': '2-2 全国各民族分性别、受教育程度的6岁及以上人口.xls',
  'census-2010-mixed-households-by-province': '5-3 各地区家庭户中民族混合户户数.xls',
  'census-2010-ethnic-groups-industry-sample': '2-1 全国各民族分性别、行业的人口.xls',
  'census-2010-ethnic-groups-occupation-sample': '2-2 全国各民族分性别、职业的人口.xls',
  'gansu-2010-ethnic-groups-by-county': 'gansu_ethnicity.xlsx',
  'gansu-2010-mixed-households-by-county': 'gansu_inter.xlsx',
};

/** SHA-256 of each file as fetched (census-ethnic/*-sha256-as-fetched.txt). */
const AS_FETCHED: Record<string, string> = {
  '1-6 各地区分性别、民族的人口.xls': '0d486640e58764fa8f7ad783afe0c8e31a40aebf3790dd91f9c37d94bef6f6e1',
  '1-6a 各地区分性别、民族的人口(城市).xls': '532ecb890aa0bd22201badacf7fc842d487a1f17e039124b4e11452f0ecb75d3',
  '1-6b 各地区分性别、民族的人口(镇).xls': '1f565ea88078e61f0a8310b479195fd6182c0c2993b2945a6dc726dedf5f4900',
  '1-6c 各地区分性别、民族的人口(乡村).xls': 'd4139d4f777b8e9fa938112039719244a2b2fa7be4274997ad093249158eba04',
  '表1-6 省、自治区、直辖市分性别、民族的人口.xls': 'a3e7a4eabb4f9626d545d5321b2fb4abdaa244c40198f7327311686d9fd441b0',
  '表1-6a 省、自治区、直辖市分性别、民族的人口(城市).xls': '3a6e856b4e039a4fb38b0bc8834da9ccc4e11bb4686879dfaafc0112637ed679',
  '表1-6b 省、自治区、直辖市分性别、民族的人口(镇).xls': '0211dae97cd9dc1961ee32969c43d11670730b8affb6f3dab96b70d533a33426',
  '表1-6c 省、自治区、直辖市分性别、民族的人口(乡村).xls': '97c6c1cfd102f7fae0320e904f3375c5baf8d6ceee21f663816d6c8718a68442',
  '2-2 全国各民族分性别、受教育程度的6岁及以上人口.xls': '3d1012683777ad11a63ccfc660152a8203de523c27bffbec95a2335da796d114',
  '5-3 各地区家庭户中民族混合户户数.xls': 'ad518f8ff42296902636d2d9cf062d3cf9a6eeac45fec667814001bebc8ea34d',
  '5-3a 各地区家庭户中民族混合户户数(城市).xls': '5134cfac9920d1a777edcad288e8029e1a82304194b88fc910c54748c766f56b',
  '5-3b 各地区家庭户中民族混合户户数(镇).xls': 'e7da002a649268dc7eaa35c2c2e6033e9936f2d88e77e934ad7a2359454580c1',
  '5-3c 各地区家庭户中民族混合户户数(乡村).xls': 'f3e91eeff9236ba52f95ed495c7adfea65dd7c703a6a35c19d2b22ccb1e9e845',
  '2-1 全国各民族分性别、行业的人口.xls': '787d0349225a85d57e80b0384c61b5484a87d015e13d3b182fcb66730f199f50',
  '2-2 全国各民族分性别、职业的人口.xls': 'f49f638a0b8252c55e923087595230285e96fd4b1017e24ed1d4418ef4df4940',
  'gansu_ethnicity.xlsx': '3a41665baff31daa8362273e07fbff5f865400c2c12ff76ffc94d0cf59ad71f2',
  'gansu_inter.xlsx': '681ffe5b6ea1902201e21f0ae6709c9d4224529e91a1149accc71f7f53a34f5a',
};

const results = new Map<string, WorkbookFolderResult>();
const result = (id: string): WorkbookFolderResult => {
  const found = results.get(id);
  if (!found) throw new Error(`${id} not read`);
  return found;
};
const tableOf = (id: string): WorkbookTable => {
  const table = result(id).table;
  if (!table) throw new Error(`${id}: ${result(id).problems.map(formatProblem).join('\n')}`);
  return table;
};

/** The figure of a row (folded name or group code), series and measure. */
function figure(table: WorkbookTable, row: string, series: string, measure = 'total'): unknown {
  const column = table.columns.findIndex((entry) => entry.series === series && entry.measure.key === measure);
  return table.rows.find((entry) => entry.key === row || entry.name === row)?.cells[column]?.value;
}

beforeAll(() => {
  for (const [id, file] of Object.entries(FOLDERS)) results.set(id, readWorkbookFolder(`data/${id}`, `data/${id}`, file, spec(id), groups));
});

describe('the shipped census workbooks', () => {
  test('every shipped workbook is byte for byte the file as fetched', () => {
    const shipped = Object.keys(FOLDERS).flatMap((id) => readdirSync(`data/${id}`).filter((name) => /\.xlsx?$/.test(name)).map((name) => [id, name] as const));
    expect(shipped.map(([, name]) => name).sort()).toEqual(Object.keys(AS_FETCHED).sort());
    for (const [id, name] of shipped) expect(createHash('sha256').update(readFileSync(`data/${id}/${name}`)).digest('hex'), name).toBe(AS_FETCHED[name]);
  });

  test('each declared tableNumber (and each part\'s) is the number the table\'s title row prints, which citations name', () => {
    const printed = (title: string | undefined) => (title ?? '').trim().split(/\s/)[0]?.replace(/^表/, '').replace(/—/g, '-');
    for (const id of Object.keys(FOLDERS)) {
      const declared = spec(id);
      expect(declared.tableNumber, id).toBe(printed(tableOf(id).title));
      declared.parts.forEach((part, index) => expect(part.tableNumber, part.file).toBe(printed(result(id).parts[index]?.title)));
    }
  });

  test('readWorkbookFolder reads every shipped folder without an error, and only the Gansu county sheet has warnings', () => {
    for (const id of Object.keys(FOLDERS)) {
      const problems = result(id).problems;
      expect(problems.filter((problem) => problem.severity === 'error').map(formatProblem), id).toEqual([]);
      if (id !== 'gansu-2010-ethnic-groups-by-county') expect(problems.map(formatProblem), id).toEqual([]);
    }
  });
});

describe('national totals, as printed', () => {
  test('2010 table 1-6: the national row is 1,332,810,869 people, and no check fails in 1-6 or 1-6a/b/c', () => {
    expect(figure(tableOf('census-2010-ethnic-groups-by-province'), 'total', 'total')).toBe(1_332_810_869);
    expect(result('census-2010-ethnic-groups-by-province').parts).toHaveLength(3);
    expect(result('census-2010-ethnic-groups-by-province').problems).toEqual([]);
  });

  test('2000 table 1-6: the national row is 1,242,612,226 people', () => {
    expect(figure(tableOf('census-2000-ethnic-groups-by-province'), 'total', 'total')).toBe(1_242_612_226);
  });

  test('2010 table 2-2: 1,242,546,122 people aged 6 and over, and the levels sum to each group\'s total', () => {
    expect(figure(tableOf('census-2010-ethnic-groups-education'), 'total', 'total')).toBe(1_242_546_122);
    expect(tableOf('census-2010-ethnic-groups-education').rows).toHaveLength(59);
  });

  test('2010 table 2-2: 外国人加入中国籍, printed as text, reads 1,360', () => {
    expect(figure(tableOf('census-2010-ethnic-groups-education'), '98', 'total')).toBe(1360);
  });

  test('2010 table 5-3: the national share of households of four or more groups, printed blank for 4,097 households, is too small to print', () => {
    const table = tableOf('census-2010-mixed-households-by-province');
    expect(figure(table, 'total', 'fourOrMore', 'households')).toBe(4097);
    expect(figure(table, 'total', 'fourOrMore', 'share')).toEqual({ missing: 'too-small', marker: '' });
    expect(figure(table, 'total', 'single', 'share')).toBe(0.9726);
  });

  test('2010 table 5-3: Gansu\'s 6,900,369 family households agree with the Gansu volume', () => {
    expect(figure(tableOf('census-2010-mixed-households-by-province'), '甘肃', 'total', 'households')).toBe(6_900_369);
    expect(figure(tableOf('gansu-2010-mixed-households-by-county'), 'total', 'total', 'households')).toBe(6_900_369);
  });
});

describe('Lanzhou in the Gansu volume', () => {
  test('Lanzhou 2010 is 3,616,163 people', () => {
    expect(figure(tableOf('gansu-2010-ethnic-groups-by-county'), '兰州市', 'total')).toBe(3_616_163);
  });

  test('Lanzhou\'s ten largest minority groups agree with the Lanzhou ethnic-affairs page for all ten', () => {
    const csv = Papa.parse<{ ethnic_group: string; population: string }>(readFileSync('data/lanzhou-minority-groups-2010/lanzhou_2010_minority_groups_top10.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;
    const lanzhou = unpivot(tableOf('gansu-2010-ethnic-groups-by-county')).filter((record) => record.row === '兰州市' && record.series !== 'total' && record.series !== '01');
    const ranked = lanzhou.map((record) => ({ code: record.series, total: record.values.total?.value })).filter((entry) => typeof entry.total === 'number').sort((a, b) => (b.total as number) - (a.total as number));
    expect(ranked.slice(0, 10)).toEqual(csv.map((row) => ({ code: groups(row.ethnic_group)?.group.code, total: Number(row.population) })));
  });
});

describe('the Gansu county sheet against GANSU-CHECKS.txt', () => {
  const lines = readFileSync('tests/fixtures/workbook/GANSU-CHECKS.txt', 'utf8').split('\n').filter((line) => line.includes('合计='));
  const parse = (problems: Problem[], pattern: RegExp) => problems.flatMap((problem) => {
    const match = pattern.exec(problem.message);
    return match ? [match.slice(1).join(' ')] : [];
  });

  test('checkSeriesSum on 合计 finds exactly the rows whose groups do not add up in GANSU-CHECKS.txt (14)', () => {
    const expected = lines.flatMap((line) => {
      const match = /^(\S+): 合计=(\d+) sum_of_groups=(\d+) diff=(\d+)/.exec(line);
      return match && match[4] !== '0' ? [`${match[1]} ${Number(match[2]).toLocaleString('en-US')} ${Number(match[3]).toLocaleString('en-US')}`] : [];
    });
    const found = parse(checkSeriesSum(tableOf('gansu-2010-ethnic-groups-by-county')), /^(\S+) 合计: 合计 ([\d,]+) ≠ 各民族之和 ([\d,]+)/);
    expect(expected).toHaveLength(14);
    expect(found).toEqual(expected);
  });

  test('checkSexSum finds exactly the cells where 男 + 女 ≠ 小计 in GANSU-CHECKS.txt (32)', () => {
    const expected = lines.flatMap((line) => {
      const place = line.split(':')[0];
      return [...line.matchAll(/\('(\S+?)', \((\d+), (\d+), (\d+)\)\)/g)].map((m) => `${place} ${m[1]} ${Number(m[3]) + Number(m[4])} ${m[2]}`);
    });
    const found = parse(checkSexSum(tableOf('gansu-2010-ethnic-groups-by-county'), { total: 'total', male: 'male', female: 'female' }), /^(\S+) (\S+): 男 \+ 女 = ([\d,]+) ≠ 小计 ([\d,]+)/);
    expect(expected).toHaveLength(32);
    expect(found).toEqual(expected);
  });

  test('the declared checks also report what GANSU-CHECKS.txt did not check: 男 and 女 group sums, and rows under a row', () => {
    const problems = result('gansu-2010-ethnic-groups-by-county').problems;
    const count = (pattern: RegExp) => problems.filter((problem) => pattern.test(problem.message)).length;
    expect({
      total: problems.length,
      groupsTotal: count(/^\S+ 合计: 合计/),
      groupsBySex: count(/^\S+ [男女]: 合计/),
      sexes: count(/男 \+ 女/),
      rowsUnder: count(/rows under it/),
      repeatedLabels: count(/label repeated here/),
      repeatedHeader: count(/header repeated here/),
    }).toEqual({ total: 133, groupsTotal: 14, groupsBySex: 40, sexes: 32, rowsUnder: 41, repeatedLabels: 3, repeatedHeader: 3 });
    expect(problems.every((problem) => problem.severity === 'warning' && problem.cell?.sheet === '1-20')).toBe(true);
  });
});

describe('places', () => {
  const places = loadPlaces('data/reference/china_counties_2010.csv');

  test('every Gansu prefecture (14) and county (86) joins to its 2010 adcode; 嘉峪关市 市辖区 has none, with the declared reason', () => {
    for (const id of ['gansu-2010-ethnic-groups-by-county', 'gansu-2010-mixed-households-by-county']) {
      const placesSpec = spec(id).places;
      if (!placesSpec) throw new Error(`${id} declares no places`);
      const matching = matchPrefecturesAndCounties(tableOf(id).rows, places, placesSpec);
      const joined = (level: string) => matching.matches.filter((match) => match.level === level && match.adcode !== undefined).length;
      expect([joined('prefecture'), joined('county')], id).toEqual([14, 86]);
      expect(matching.matches.filter((match) => match.adcode === undefined).map((match) => `${match.rowNumber} ${match.name}: ${match.note}`), id).toEqual(['16 市辖区: 嘉峪关市不设县级行政区，此行与全市相同；2010 年分县资料中该行没有区划代码。']);
      expect(matching.unmatched, id).toEqual([]);
      expect(matching.absent, id).toEqual([]);
    }
  });

  test('兰州市 and its eight districts and counties join to 620100 and 620102–620123', () => {
    const placesSpec = spec('gansu-2010-ethnic-groups-by-county').places;
    if (!placesSpec) throw new Error('no places');
    const matching = matchPrefecturesAndCounties(tableOf('gansu-2010-ethnic-groups-by-county').rows, places, placesSpec);
    expect(matching.matches.filter((match) => match.adcode?.startsWith('6201')).map((match) => `${match.adcode} ${match.name}`)).toEqual([
      '620100 兰州市', '620102 城关区', '620103 七里河区', '620104 西固区', '620105 安宁区', '620111 红古区', '620121 永登县', '620122 皋兰县', '620123 榆中县',
    ]);
  });

  test('the 31 provinces of the national tables (2010, 2000, 5-3) all join to province codes', () => {
    for (const id of ['census-2010-ethnic-groups-by-province', 'census-2000-ethnic-groups-by-province', 'census-2010-mixed-households-by-province']) {
      const matching = matchProvinces(tableOf(id).rows, places);
      expect(matching.matches.filter((match) => match.adcode !== undefined), id).toHaveLength(31);
      expect([matching.unmatched, matching.absent], id).toEqual([[], []]);
    }
  });
});

describe.runIf(existsSync(SHARED))('files not shipped, from the shared data folder', () => {
  test('the Jiangsu volume prints 苗族 49,555 where the national table prints 49,535', () => {
    const jiangsu = spec('gansu-2010-ethnic-groups-by-county');
    const read = readWorkbook(readFileSync(`${SHARED}/provinces-2010/jiangsu_ethnicity.xlsx`), { ...jiangsu, sheet: 'Sheet1', places: undefined }, { file: 'jiangsu_ethnicity.xlsx', groups });
    if (!read.table) throw new Error(read.problems.map(formatProblem).join('\n'));
    expect(read.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(figure(read.table, 'total', '06')).toBe(49_555);
    expect(figure(tableOf('census-2010-ethnic-groups-by-province'), '江苏', '06')).toBe(49_535);
  });

  test('the 2000 military table, an HTML page saved as .xls, is refused with the reason', () => {
    const read = readWorkbook(readFileSync(`${SHARED}/nbs-2000/中国人民解放军现役军人的民族构成.xls`), spec('census-2000-ethnic-groups-by-province'), { file: '中国人民解放军现役军人的民族构成.xls', groups });
    expect(read.problems.map(formatProblem)).toEqual([
      '中国人民解放军现役军人的民族构成.xls:0:0: error: not a workbook: an HTML page saved with a spreadsheet name; it holds no table at all (a page that needs JavaScript to show anything); hint: find the table itself from the publisher, or open it in a spreadsheet and save it as Excel Workbook (.xlsx) or Excel 97–2003 (.xls), keeping every cell as published',
    ]);
  });
});
