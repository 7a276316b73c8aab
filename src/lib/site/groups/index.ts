import { GANSU, LANZHOU } from '../../../schemas/geo.ts';
import { ethnicGroups, groupByCode, TOTAL, type GroupInfo } from './catalogue.ts';
import type { CellRef } from '../cells.ts';
import { groupsByCategoryShare } from './categories.ts';
import { changeBetween } from './national.ts';
import { NATION, shareOf, type Figure, type GroupTableMeta } from './table-index.ts';
import { censusTables } from './tables.ts';
import { bySize, provinceShares, type PlaceShare } from './where.ts';

/** One row of the groups index: a group's population in 2010 and 2000, in Gansu and in Lanzhou. */
export interface GroupIndexRow {
  group: GroupInfo;
  nation2010: Figure | undefined;
  nation2000: Figure | undefined;
  /** (2010 − 2000) ÷ 2000 (计算). */
  change: number | undefined;
  gansu2010: Figure | undefined;
  lanzhou2010: Figure | undefined;
}

/** The counted columns of the index. */
export type GroupIndexColumn = 'nation2010' | 'nation2000' | 'gansu2010' | 'lanzhou2010';

export interface GroupIndex {
  rows: GroupIndexRow[];
  /** The cells of each column's figures, the all-groups total last: what its source note cites. */
  cells: Record<GroupIndexColumn, CellRef[]>;
  sources: Record<'provinces2010' | 'provinces2000' | 'gansu', GroupTableMeta>;
}

/** Every group with its populations, in GB/T 3304 order (97 and 98 last). */
export async function groupIndex(): Promise<GroupIndex> {
  const { provinces2010, provinces2000, gansuCounties2010 } = await censusTables();
  const rows = ethnicGroups().map((group) => {
    const nation2010 = provinces2010.figure(provinces2010.row(NATION, group.code));
    const nation2000 = provinces2000.figure(provinces2000.row(NATION, group.code));
    return {
      group,
      nation2010,
      nation2000,
      change: changeBetween(nation2010, nation2000),
      gansu2010: gansuCounties2010.figure(gansuCounties2010.row(GANSU, group.code)),
      lanzhou2010: gansuCounties2010.figure(gansuCounties2010.row(LANZHOU, group.code)),
    };
  });
  const total = {
    nation2010: provinces2010.figure(provinces2010.row(NATION, TOTAL)),
    nation2000: provinces2000.figure(provinces2000.row(NATION, TOTAL)),
    gansu2010: gansuCounties2010.figure(gansuCounties2010.row(GANSU, TOTAL)),
    lanzhou2010: gansuCounties2010.figure(gansuCounties2010.row(LANZHOU, TOTAL)),
  };
  const cellsOf = (column: GroupIndexColumn) => [...rows, total].flatMap((row) => row[column]?.ref ?? []);
  return {
    rows,
    cells: { nation2010: cellsOf('nation2010'), nation2000: cellsOf('nation2000'), gansu2010: cellsOf('gansu2010'), lanzhou2010: cellsOf('lanzhou2010') },
    sources: { provinces2010: provinces2010.meta, provinces2000: provinces2000.meta, gansu: gansuCounties2010.meta },
  };
}

/** Groups by the share of their employed (in the long-form sample) who work in an industry. */
export interface IndustryLeader {
  group: GroupInfo;
  count: Figure;
  total: Figure;
  share: number;
  /** Everyone's share, for comparison. */
  allShare: number | undefined;
}

/** The leading groups of an industry, the industry's header as printed, and everyone's count in it. */
export interface IndustryLeaderTable {
  leaders: IndustryLeader[];
  label: string;
  meta: GroupTableMeta;
  all: Figure | undefined;
}

/**
 * The groups with the highest share of their sampled employed in `category`, among groups
 * with at least `minimum` people in the sample, so that a handful of people cannot top the list.
 * The index shows 住宿和餐饮业 (the trade of the 牛肉面 restaurants): `cateringLeaders`.
 */
export async function industryLeaders(category: string, count: number, minimum: number): Promise<IndustryLeaderTable> {
  const { industry2010: table } = await censusTables();
  const all = table.figure(table.categoryRow(TOTAL, category));
  const allShare = shareOf(all?.value, table.count(table.categoryRow(TOTAL, TOTAL)));
  const codes = ethnicGroups().filter((group) => group.inStandard).map((group) => group.code);
  const leaders = groupsByCategoryShare(table, category, codes, minimum)
    .slice(0, count)
    .map((entry) => ({ group: groupByCode(entry.code), count: entry.count, total: entry.total, share: entry.share, allShare }));
  const label = table.categoryRow(TOTAL, category)?.values.categoryLabel ?? category;
  return { leaders, label, meta: table.meta, all };
}

/** The ten groups with the largest share of their sampled employed in 住宿和餐饮业, among those with 1,000 or more in the sample. */
export const cateringLeaders = (): Promise<IndustryLeaderTable> => industryLeaders('accommodationCatering', 10, 1000);

/** A group, its 2010 population, and the provinces where most of its people live: for the school material 认识五十六个民族. */
export interface GroupOverviewRow {
  group: GroupInfo;
  population: Figure | undefined;
  /** The provinces with the most people of the group, largest first, each with its share of the group (计算). */
  provinces: PlaceShare[];
}

/** Every group with its three largest provinces, 2010 (table 1-6). */
export async function groupOverview(top = 3): Promise<{ rows: GroupOverviewRow[]; meta: GroupTableMeta }> {
  const { provinces2010: table } = await censusTables();
  const rows = ethnicGroups().map((group) => {
    const shares = provinceShares(table, group.code).filter((share) => share.count.value > 0);
    return { group, population: table.figure(table.row(NATION, group.code)), provinces: bySize(shares).slice(0, top) };
  });
  return { rows, meta: table.meta };
}
