import { readFileSync } from 'node:fs';
import { numberOf } from '../../schemas/cell.ts';
import type { ColumnMeta } from '../../schemas/dataset.ts';
import { DATA_ROOT } from '../data/loader.ts';

/** The 2020 county tables: education and industry of every place. */
export const CENSUS = 'china-counties-2020';
/** The national row for comparisons. */
export const PROVINCES = 'china-provinces-population-2010-2020';
export const LANZHOU = '620100';
export const GANSU = '620000';

/** Education levels of the 2020 county tables, lowest first: column key stem and label. */
export const educationLevels = [
  { stem: 'educationNoSchooling', label: '未上过学' },
  { stem: 'educationPreschool', label: '学前教育' },
  { stem: 'educationPrimary', label: '小学' },
  { stem: 'educationJuniorSecondary', label: '初中' },
  { stem: 'educationSeniorSecondary', label: '高中' },
  { stem: 'educationCollege', label: '大学专科' },
  { stem: 'educationUniversityPlus', label: '大学本科及以上' },
] as const;

export interface Part {
  label: string;
  count: number;
  /** count / total, computed by the site. */
  share: number;
}

/**
 * Persons by education level (men + women, both published) and each level's share of
 * the levels' sum. Undefined when any cell is missing: a partial sum would mislead.
 */
export function educationParts(row: Readonly<Record<string, unknown>>): Part[] | undefined {
  const counts = educationLevels.map((level) => {
    const male = numberOf(row[`${level.stem}Male`]);
    const female = numberOf(row[`${level.stem}Female`]);
    return male === undefined || female === undefined ? undefined : { label: level.label, count: male + female };
  });
  if (counts.some((count) => count === undefined)) return undefined;
  const present = counts as { label: string; count: number }[];
  const total = present.reduce((sum, part) => sum + part.count, 0);
  if (total === 0) return undefined;
  return present.map((part) => ({ ...part, share: part.count / total }));
}

/** Share of persons with college education or more (大学专科 + 本科及以上), of all levels. */
export function collegeShare(parts: readonly Part[] | undefined): number | undefined {
  if (!parts) return undefined;
  return parts.filter((part) => part.label === '大学专科' || part.label === '大学本科及以上').reduce((sum, part) => sum + part.share, 0);
}

/**
 * Employed persons by industry (long-form sample), largest first, with each industry's
 * share of 各种行业人口总计. Undefined when the total is missing.
 */
export function industryParts(row: Readonly<Record<string, unknown>>, columns: readonly ColumnMeta[]): Part[] | undefined {
  const total = numberOf(row['industryTotal']);
  if (total === undefined || total === 0) return undefined;
  return columns
    .filter((column) => column.key.startsWith('industry') && column.key !== 'industryTotal')
    .flatMap((column) => {
      const count = numberOf(row[column.key]);
      return count === undefined ? [] : [{ label: column.source.replace(/\s+/g, ''), count, share: count / total }];
    })
    .sort((a, b) => b.count - a.count);
}

/** Competition rank of `value` among `values`, highest first. */
export function rankAmong(value: number, values: readonly number[]): number {
  return values.filter((other) => other > value).length + 1;
}

/** Communities and villages the 2017 work report names, by the county-level unit they are in. */
export const keyAreas: Readonly<Record<string, readonly { name: string; match: string }[]>> = {
  '620102': [
    { name: '桥门社区', match: '桥门社区' },
    { name: '排洪沟社区', match: '排洪沟社区' },
  ],
  '620103': [{ name: '华林山社区', match: '华林山社区' }],
  '620171': [{ name: '龙西民族村（秦川镇）', match: '龙西' }],
};

export const WORK_REPORT_FILE = `${DATA_ROOT}/lanzhou-work-report-2017/lanzhou-ethnic-work-report-2017-03-22.txt`;

export interface ReportQuote {
  /** Line of the report file. */
  line: number;
  /** The report's sentence, verbatim, ending in 。. */
  sentence: string;
}

/** Every sentence of the report (split at 。) that contains `match`, verbatim, with its line. */
export function reportSentences(text: string, match: string): ReportQuote[] {
  return text.split('\n').flatMap((line, index) =>
    line
      .split(/(?<=。)/)
      .map((sentence) => sentence.trim())
      .filter((sentence) => sentence.includes(match))
      .map((sentence) => ({ line: index + 1, sentence })),
  );
}

/** What the work report says about each key area of a unit, in its own words. */
export function keyAreaQuotes(adcode: string, reportPath = WORK_REPORT_FILE): { name: string; quotes: ReportQuote[] }[] {
  const areas = keyAreas[adcode];
  if (!areas) return [];
  const text = readFileSync(reportPath, 'utf8');
  return areas.map((area) => {
    const quotes = reportSentences(text, area.match);
    if (quotes.length === 0) throw new Error(`the work report no longer mentions ${area.name} (${reportPath})`);
    return { name: area.name, quotes };
  });
}
