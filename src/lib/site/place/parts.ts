import { numberOf } from '../../../schemas/cell.ts';
import type { ColumnMeta } from '../../../schemas/dataset.ts';

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

