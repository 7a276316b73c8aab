/**
 * The search page's state in the URL: `?q=民族乡&类型=政策法规&类型=数据集&层级=全国`.
 * Pure, so the rules (which groups exist, how values combine) are unit-tested.
 */

/** Filter groups, in the order the page shows them. Names are the `data-pagefind-filter` keys. */
export const FILTER_GROUPS = ['类型', '主题', '层级', '年份', '学段', '民族'] as const;
export type FilterGroup = (typeof FILTER_GROUPS)[number];

export interface SearchState {
  query: string;
  /** Selected values per group; a group absent or empty is not filtered on. */
  filters: Partial<Record<FilterGroup, string[]>>;
}

export function isFilterGroup(name: string): name is FilterGroup {
  return (FILTER_GROUPS as readonly string[]).includes(name);
}

export function stateFromParams(params: URLSearchParams): SearchState {
  const filters: SearchState['filters'] = {};
  for (const group of FILTER_GROUPS) {
    const values = [...new Set(params.getAll(group).filter((value) => value !== ''))];
    if (values.length > 0) filters[group] = values;
  }
  return { query: (params.get('q') ?? '').trim(), filters };
}

export function paramsFromState(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const group of FILTER_GROUPS) for (const value of state.filters[group] ?? []) params.append(group, value);
  return params;
}

/**
 * Pagefind's filter object: values within a group are OR-ed (`any`), groups are AND-ed
 * (top-level keys). `except` leaves one group out, to count that group's values.
 */
export function pagefindFilters(filters: SearchState['filters'], except?: FilterGroup): Record<string, { any: string[] }> {
  const result: Record<string, { any: string[] }> = {};
  for (const group of FILTER_GROUPS) {
    const values = filters[group];
    if (group !== except && values && values.length > 0) result[group] = { any: values };
  }
  return result;
}

/** Order of a group's values: years newest first, the rest by count, then by name. */
export function sortFilterValues(group: FilterGroup, counts: Record<string, number>): [string, number][] {
  const entries = Object.entries(counts);
  if (group === '年份') return entries.sort((a, b) => b[0].localeCompare(a[0]));
  return entries.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN'));
}
