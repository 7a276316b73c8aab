import { countOf } from '../../../schemas/cell.ts';
import type { CensusTableRow, SourcedRow } from '../../../schemas/rows.ts';
import { rowsOfShape } from '../rows.ts';
import { ALL_RESIDENCES, TOTAL } from './catalogue.ts';

export type CensusRow = SourcedRow<CensusTableRow>;

/** The key of a row's place: its adcode, or `nation` for the national row. */
export function placeKey(row: CensusRow): string {
  return typeof row.values.adcode === 'string' ? row.values.adcode : row.geoLevel === 'nation' ? 'nation' : `line-${row.sourceLine}`;
}

/**
 * A census table by group (place × group, or group × category) indexed for lookups, each
 * cell still its source row: `table.row('620100', '03')` is 兰州市's 回族 row of the main table.
 */
export interface GroupTable {
  dataset: string;
  rows: readonly CensusRow[];
  /** The row of place (adcode or `nation`) × group code (or `total`), in the main table or a part (城市, 镇, 乡村). */
  row(place: string, group: string, residence?: string): CensusRow | undefined;
  /** The row of group × category (`total` for 合计), for tables of groups by category. */
  categoryRow(group: string, category: string): CensusRow | undefined;
  /** The count of `measure` (total, male, female) in a row: 0 where the volume reported none, undefined where unknown. */
  count(row: CensusRow | undefined, measure?: string): number | undefined;
}

const cache = new Map<string, Promise<GroupTable>>();

/** A shipped census table by group, read once per build. */
export function groupTable(dataset: string): Promise<GroupTable> {
  let found = cache.get(dataset);
  if (!found) {
    found = (async () => {
      const rows = await rowsOfShape('census-table', dataset);
      const byPlace = new Map<string, CensusRow>();
      const byCategory = new Map<string, CensusRow>();
      for (const row of rows) {
        const { residence = ALL_RESIDENCES, groupCode, category } = row.values;
        if (groupCode === undefined) continue;
        if (category !== undefined) byCategory.set(`${groupCode}|${category}`, row);
        else byPlace.set(`${residence}|${placeKey(row)}|${groupCode}`, row);
      }
      return {
        dataset,
        rows,
        row: (place, group, residence = ALL_RESIDENCES) => byPlace.get(`${residence}|${place}|${group}`),
        categoryRow: (group, category) => byCategory.get(`${group}|${category}`),
        count: (row, measure = 'total') => (row ? countOf(row.values[measure]) : undefined),
      };
    })();
    cache.set(dataset, found);
  }
  return found;
}

/** Share of a part in a whole, or undefined when either is unknown or the whole is 0. */
export function shareOf(part: number | undefined, whole: number | undefined): number | undefined {
  return part === undefined || whole === undefined || whole === 0 ? undefined : part / whole;
}

export { ALL_RESIDENCES, TOTAL };
