import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { checkDatasets, type CheckReport } from '../../src/lib/data/check.ts';
import { rowsOf, type DatasetResult } from '../../src/lib/data/dataset.ts';
import type { SourcedRow } from '../../src/schemas/rows.ts';
import { formatProblem } from '../../src/schemas/problem.ts';

let report: CheckReport;
const dataset = (id: string): DatasetResult => {
  const found = report.datasets.find((result) => result.id === id);
  if (!found) throw new Error(`dataset ${id} not shipped`);
  return found;
};
const rows = (id: string): SourcedRow[] => rowsOf(dataset(id));
const byAdcode = (id: string, adcode: string) => {
  const row = rows(id).find((entry) => entry.values.adcode === adcode);
  if (!row) throw new Error(`${id} has no ${adcode}`);
  return row.values;
};
const sum = (values: unknown[]) => values.reduce<number>((total, value) => total + (value as number), 0);

beforeAll(() => {
  report = checkDatasets('data');
});

describe('the shipped datasets', () => {
  test('checkDatasets("data") finds no errors, and warns only of the Gansu county sheet\'s published sums that do not add up', () => {
    const problems = [...report.problems, ...report.datasets.flatMap((result) => result.problems)];
    expect(problems.filter((problem) => problem.severity === 'error').map(formatProblem)).toEqual([]);
    const warnings = problems.filter((problem) => problem.severity === 'warning');
    expect(new Set(warnings.map((problem) => problem.file))).toEqual(new Set(['data/gansu-2010-ethnic-groups-by-county/gansu_ethnicity.xlsx']));
    expect(warnings.every((problem) => problem.cell !== undefined)).toBe(true);
    expect(warnings).toHaveLength(133);
  });

  test('every data row of every dataset is kept, rejected or outside its view', () => {
    for (const result of report.datasets) {
      const { read, kept, rejected, filteredOut } = result.account;
      expect(kept + rejected + filteredOut, result.id).toBe(read);
      expect(result.table.rows.length, result.id).toBe(kept);
    }
  });
});

describe('Lanzhou population', () => {
  test('Lanzhou 2020 is 4,359,446 people with a 5.22 % minority share', () => {
    const lanzhou = byAdcode('lanzhou-population-2010-2020', '620100');
    expect(lanzhou.population2020).toBe(4_359_446);
    expect(lanzhou.minorityShare2020).toBe(0.0522);
  });

  test('Lanzhou 2010 is 3,616,163 people with a 4.41 % minority share', () => {
    const lanzhou = byAdcode('lanzhou-population-2010-2020', '620100');
    expect(lanzhou.population2010).toBe(3_616_163);
    expect(lanzhou.minorityShare2010).toBe(0.0441);
  });

  test('the nine county-level units, 兰州新区 included, sum to the Lanzhou total', () => {
    const units = rows('lanzhou-population-2010-2020').filter((row) => row.geoLevel === 'county');
    expect(units.map((row) => row.values.county)).toEqual(['城关区', '七里河区', '西固区', '安宁区', '红古区', '永登县', '皋兰县', '榆中县', '兰州新区']);
    expect(sum(units.map((row) => row.values.population2020))).toBe(4_359_446);
  });

  test('兰州新区 has no 2010 figures: explicit blanks, not zeros', () => {
    const xinqu = byAdcode('lanzhou-population-2010-2020', '620171');
    expect(xinqu.population2010).toEqual({ missing: 'blank', marker: '' });
    expect(xinqu.minorityShare2010).toEqual({ missing: 'blank', marker: '' });
  });

  test('the 2020 county table agrees with the Gansu join for every Lanzhou unit', () => {
    for (const row of rows('lanzhou-population-2010-2020')) {
      const census = byAdcode('china-counties-2020', row.values.adcode as string);
      expect(census.population, String(row.values.county)).toBe(row.values.population2020);
      expect(census.minorityShare, String(row.values.county)).toBe(row.values.minorityShare2020);
    }
  });
});

describe('Gansu and China', () => {
  test('Gansu 2020 is 25,019,831 people, 10.62 % minority, and its 14 prefectures sum to it', () => {
    const gansu = byAdcode('gansu-population-2010-2020', '620000');
    expect(gansu.population2020).toBe(25_019_831);
    expect(gansu.minorityShare2020).toBe(0.1062);
    const prefectures = rows('gansu-population-2010-2020').filter((row) => row.geoLevel === 'prefecture');
    expect(prefectures).toHaveLength(14);
    expect(sum(prefectures.map((row) => row.values.population2020))).toBe(25_019_831);
  });

  test('the Gansu table has 102 rows: the province, 14 prefectures and 87 county-level units', () => {
    const levels = rows('gansu-population-2010-2020').map((row) => row.geoLevel);
    expect(levels.filter((level) => level === 'province')).toHaveLength(1);
    expect(levels.filter((level) => level === 'county')).toHaveLength(87);
  });

  test('the 31 provinces sum to 1,409,778,724, the national row', () => {
    const all = rows('china-provinces-population-2010-2020');
    const provinces = all.filter((row) => row.geoLevel === 'province');
    expect(provinces).toHaveLength(31);
    expect(sum(provinces.map((row) => row.values.population2020))).toBe(1_409_778_724);
    expect(all.find((row) => row.geoLevel === 'nation')?.values.population2020).toBe(1_409_778_724);
  });

  test('the national county table is shipped whole: 3,358 rows of 153 columns', () => {
    const census = dataset('china-counties-2020');
    expect(census.account.read).toBe(3358);
    expect(census.account.kept).toBe(3358);
    expect(census.table.keys.filter((key) => key !== undefined)).toHaveLength(153);
  });

  test('市辖区-style subtotal rows are recognised and not summed', () => {
    const subtotals = rows('china-counties-2020').filter((row) => row.isSubtotal);
    expect(subtotals.map((row) => row.values.county)).toContain('省直辖县级行政区划');
    expect(subtotals.every((row) => ['市辖区', '省直辖县级行政区划', '自治区直辖县级行政区划'].includes(row.values.county as string))).toBe(true);
  });

  test('新疆 自治区直辖县级行政区划 is the sum of the ten cities listed under it, so it is a subtotal', () => {
    const all = rows('china-counties-2020');
    const subtotal = all.find((row) => row.values.county === '自治区直辖县级行政区划');
    const cities = all.filter((row) => typeof row.values.adcode === 'string' && row.values.adcode.startsWith('6590'));
    expect(cities).toHaveLength(10);
    expect(subtotal?.isSubtotal).toBe(true);
    expect(sum(cities.map((row) => row.values.population))).toBe(subtotal?.values.population);
  });
});

describe('Lanzhou education and industry (2020)', () => {
  test('the education view holds Lanzhou and its nine units with attainment by sex', () => {
    const education = rows('lanzhou-education-2020');
    expect(education).toHaveLength(10);
    const chengguan = byAdcode('lanzhou-education-2020', '620102');
    expect(Object.keys(chengguan)).toContain('educationUniversityPlusFemale');
    expect(Object.keys(chengguan)).not.toContain('industryTotal');
  });

  test('the industry view includes 住宿和餐饮业 and its units sum to Lanzhou', () => {
    const units = rows('lanzhou-industry-2020').filter((row) => row.geoLevel === 'county');
    expect(units).toHaveLength(9);
    const lanzhou = byAdcode('lanzhou-industry-2020', '620100');
    expect(lanzhou.industryAccommodationCatering).toBe(10_503);
    expect(sum(units.map((row) => row.values.industryTotal))).toBe(lanzhou.industryTotal);
  });
});

describe('Lanzhou minority groups (2010)', () => {
  test('ten groups, 回族 first with 109,515', () => {
    const groups = rows('lanzhou-minority-groups-2010');
    expect(groups).toHaveLength(10);
    expect(groups[0]?.values).toEqual({ rank: 1, ethnicGroup: '回族', population: 109_515 });
  });
});

describe('the 2017 work report figures', () => {
  const report2017 = () => readFileSync('data/lanzhou-work-report-2017/lanzhou-ethnic-work-report-2017-03-22.txt', 'utf8');

  test('every quote is verbatim from the report and every section is one of its headings', () => {
    const text = report2017();
    const lines = new Set(text.split(/\r?\n/).map((line) => line.trim()));
    for (const row of rows('lanzhou-work-report-2017')) {
      expect(text.includes(row.values.quote as string), row.values.figure as string).toBe(true);
      expect(lines.has(row.values.section as string), row.values.figure as string).toBe(true);
    }
  });

  test('every value appears in its quote as written', () => {
    for (const row of rows('lanzhou-work-report-2017')) {
      const { value, quote, figure } = row.values as { value: number; quote: string; figure: string };
      const written = { 'promotional-films': '两部' }[figure] ?? String(value);
      expect(quote.includes(written), figure).toBe(true);
    }
  });

  test('the 2016 halal meat subsidy is 112.524 万元 from the city and 225.048 万元 in all', () => {
    const figures = Object.fromEntries(rows('lanzhou-work-report-2017').map((row) => [row.values.figure, row.values.value]));
    expect(figures['halal-meat-subsidy-city-2016']).toBe(112.524);
    expect(figures['halal-meat-subsidy-total-2016']).toBe(225.048);
  });
});
