import { TOTAL } from './catalogue.ts';
import { shareOf, type Figure, type GroupTable } from './table-index.ts';

/** One category (an education level, an industry, an occupation) for a group, beside everyone's. */
export interface CategoryShare {
  /** Key of the category in the tidy rows (primary, accommodationCatering, …). */
  key: string;
  /** Its header as printed. */
  label: string;
  count: Figure;
  /** count ÷ the group's total (计算). */
  share: number | undefined;
  /** The same for all groups together (the table's 总计 row). */
  allCount: Figure | undefined;
  allShare: number | undefined;
}

export interface CategoryComparison {
  /** The group's total (people aged 6+; the employed in the sample). */
  total: Figure;
  /** Everyone's total. */
  allTotal: Figure | undefined;
  categories: CategoryShare[];
}

/** Categories of a table of groups × categories, in the order the table prints them (the total left out). */
export function categoriesOf(table: GroupTable): { key: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const row of table.rows) {
    const { category, categoryLabel } = row.values;
    if (category !== undefined && category !== TOTAL && !seen.has(category)) seen.set(category, categoryLabel ?? category);
  }
  return [...seen].map(([key, label]) => ({ key, label }));
}

/** A group's counts in every category with their shares, beside those of all groups; undefined when the group has no total. */
export function categoryComparison(table: GroupTable, code: string): CategoryComparison | undefined {
  const total = table.figure(table.categoryRow(code, TOTAL));
  if (!total) return undefined;
  const allTotal = table.figure(table.categoryRow(TOTAL, TOTAL));
  const categories = categoriesOf(table).flatMap(({ key, label }) => {
    const count = table.figure(table.categoryRow(code, key));
    if (!count) return [];
    const allCount = table.figure(table.categoryRow(TOTAL, key));
    return [{ key, label, count, share: shareOf(count.value, total.value), allCount, allShare: shareOf(allCount?.value, allTotal?.value) }];
  });
  return { total, allTotal, categories };
}

/** Groups by their share in one category (住宿和餐饮业), highest first, among groups with at least `minimum` people in the table. */
export function groupsByCategoryShare(table: GroupTable, category: string, codes: readonly string[], minimum: number): { code: string; count: Figure; total: Figure; share: number }[] {
  return codes
    .flatMap((code) => {
      const total = table.figure(table.categoryRow(code, TOTAL));
      const count = table.figure(table.categoryRow(code, category));
      const share = shareOf(count?.value, total?.value);
      return count && total && share !== undefined && total.value >= minimum ? [{ code, count, total, share }] : [];
    })
    .sort((a, b) => b.share - a.share || a.code.localeCompare(b.code));
}
