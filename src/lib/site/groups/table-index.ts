import { countOf } from '../../../schemas/cell.ts';
import type { DatasetMeta } from '../../../schemas/dataset.ts';
import type { CensusTableRow, SourcedRow } from '../../../schemas/rows.ts';
import { cellRef, type CellRef } from '../cells.ts';
import { ALL_RESIDENCES } from './catalogue.ts';

/**
 * A census table by group indexed for lookups, pure: built from rows and metadata, so that the
 * computations over it are tested on a few rows in memory (tables.ts reads the shipped ones).
 */

export type CensusRow = SourcedRow<CensusTableRow>;

/** What pages cite of a census table's dataset: its page and publication, and the workbook's table numbers. */
export type GroupTableMeta = Pick<DatasetMeta, 'id' | 'title' | 'publisher' | 'source' | 'file' | 'workbook'>;

/** A count read from a census workbook, with the cell it stands in. */
export interface Figure {
  value: number;
  ref: CellRef;
}

/** The national row's place key. */
export const NATION = 'nation';

/** The key of a row's place: its adcode, or `nation` for the national row. */
export function placeKey(row: CensusRow): string {
  return typeof row.values.adcode === 'string' ? row.values.adcode : row.geoLevel === 'nation' ? NATION : `line-${row.sourceLine}`;
}

/**
 * A census table by group (place × group, or group × category) indexed for lookups, each
 * cell still its source row: `table.row('620100', '03')` is 兰州市's 回族 row of the main table.
 */
export interface GroupTable {
  dataset: string;
  meta: GroupTableMeta;
  rows: readonly CensusRow[];
  /** The row of place (adcode or `nation`) × group code (or `total`), in the main table or a part (城市, 镇, 乡村). */
  row(place: string, group: string, residence?: string): CensusRow | undefined;
  /** The row of group × category (`total` for 合计), for tables of groups by category. */
  categoryRow(group: string, category: string): CensusRow | undefined;
  /** The row of place × category (`total` for 家庭户), for tables of places by category (mixed households). */
  placeCategoryRow(place: string, category: string, residence?: string): CensusRow | undefined;
  /** The count of `measure` (total, male, female) in a row: 0 where the volume reported none, undefined where unknown. */
  count(row: CensusRow | undefined, measure?: string): number | undefined;
  /** The count of `measure` in a row with its cell; undefined where there is no row or the count is unknown. */
  figure(row: CensusRow | undefined, measure?: string): Figure | undefined;
}

/** Indexes a census table's rows for lookups (pure: the tests build one from a few rows). */
export function indexGroupTable(meta: GroupTableMeta, rows: readonly CensusRow[]): GroupTable {
  const byPlace = new Map<string, CensusRow>();
  const byCategory = new Map<string, CensusRow>();
  const byPlaceCategory = new Map<string, CensusRow>();
  for (const row of rows) {
    const { residence = ALL_RESIDENCES, groupCode, category } = row.values;
    if (groupCode === undefined) {
      if (category !== undefined) byPlaceCategory.set(`${residence}|${placeKey(row)}|${category}`, row);
    } else if (category !== undefined) byCategory.set(`${groupCode}|${category}`, row);
    else byPlace.set(`${residence}|${placeKey(row)}|${groupCode}`, row);
  }
  const count = (row: CensusRow | undefined, measure = 'total') => (row ? countOf(row.values[measure]) : undefined);
  return {
    dataset: meta.id,
    meta,
    rows,
    row: (place, group, residence = ALL_RESIDENCES) => byPlace.get(`${residence}|${place}|${group}`),
    categoryRow: (group, category) => byCategory.get(`${group}|${category}`),
    placeCategoryRow: (place, category, residence = ALL_RESIDENCES) => byPlaceCategory.get(`${residence}|${place}|${category}`),
    count,
    figure: (row, measure = 'total') => {
      const value = count(row, measure);
      return row && value !== undefined ? { value, ref: cellRef(meta, row, [measure]) } : undefined;
    },
  };
}

/** Share of a part in a whole, or undefined when either is unknown or the whole is 0. */
export function shareOf(part: number | undefined, whole: number | undefined): number | undefined {
  return part === undefined || whole === undefined || whole === 0 ? undefined : part / whole;
}
