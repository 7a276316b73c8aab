import { GANSU, LANZHOU } from '../../../schemas/geo.ts';
import { ALL_RESIDENCES, placeName2010, TOTAL } from './catalogue.ts';
import { NATION, placeKey, shareOf, type CensusRow, type Figure, type GroupTable } from './table-index.ts';

/** A group in one place: its count, the place's population, and the shares the site computes from them. */
export interface PlaceShare {
  /** The place's adcode, or `nation`. */
  key: string;
  name: string;
  level: CensusRow['geoLevel'];
  count: Figure;
  /** The place's population (all groups). */
  total: Figure;
  /** count ÷ total: the group's share of the place's population (计算). */
  share: number | undefined;
  /** count ÷ the group's count in the whole table's area (the nation, or Gansu): where its people live (计算). */
  shareOfGroup: number | undefined;
  /** The place's profile page, where the site has one (set by the group profile). */
  href?: string | undefined;
}

/** Places of a table in file order (the national or provincial row first), each once. */
function places(table: GroupTable): { key: string; row: CensusRow }[] {
  const seen = new Set<string>();
  return table.rows.flatMap((row) => {
    const key = placeKey(row);
    if (row.values.groupCode !== TOTAL || (row.values.residence ?? ALL_RESIDENCES) !== ALL_RESIDENCES || seen.has(key)) return [];
    seen.add(key);
    return [{ key, row }];
  });
}

/**
 * A group's count and share in each place of a table by place × group: the places in file
 * order; `areaKey` names the row whose count is the whole (`nation`, or 620000 for Gansu).
 * A place whose group or total cell is unknown is left out (the volumes print none such).
 */
export function placeShares(table: GroupTable, code: string, areaKey: string, name: (row: CensusRow) => string): PlaceShare[] {
  const whole = table.count(table.row(areaKey, code));
  return places(table).flatMap(({ key, row }) => {
    const count = table.figure(table.row(key, code));
    const total = table.figure(row);
    if (!count || !total) return [];
    return [{ key, name: name(row), level: row.geoLevel, count, total, share: shareOf(count.value, total.value), shareOfGroup: shareOf(count.value, whole) }];
  });
}

/** A place's 2010 name from the reference table (甘肃省 for the sheet's 总计), else as printed (spaces removed). */
export const placeName = (row: CensusRow): string => (typeof row.values.adcode === 'string' ? placeName2010(row.values.adcode) : undefined) ?? row.values.place ?? '';

/** A group in each of the 31 provinces of a national table (2010 or 2000), named as in 2010, in file order. */
export function provinceShares(table: GroupTable, code: string): PlaceShare[] {
  return placeShares(table, code, NATION, placeName).filter((share) => share.level === 'province');
}

/**
 * Gansu's rows of a group: the province, its prefectures and its counties, and whether anyone
 * of the group was counted. 嘉峪关市's 市辖区, which repeats the city and has no code, is left out.
 */
export function gansuShares(table: GroupTable, code: string): { gansu: PlaceShare | undefined; prefectures: PlaceShare[]; counties: PlaceShare[]; present: boolean } {
  const shares = placeShares(table, code, GANSU, placeName).filter((share) => /^\d{6}$/.test(share.key));
  const counties = shares.filter((share) => share.level === 'county');
  return {
    gansu: shares.find((share) => share.key === GANSU),
    prefectures: shares.filter((share) => share.level === 'prefecture'),
    counties,
    present: shares.some((share) => share.count.value > 0),
  };
}

/** Lanzhou and its eight 2010 districts and counties. */
export function lanzhouShares(table: GroupTable, code: string): PlaceShare[] {
  return placeShares(table, code, LANZHOU, placeName).filter((share) => share.key.startsWith(LANZHOU.slice(0, 4)));
}

/** Places by the group's count, largest first; ties by code. */
export function bySize(shares: readonly PlaceShare[]): PlaceShare[] {
  return [...shares].sort((a, b) => b.count.value - a.count.value || a.key.localeCompare(b.key));
}
