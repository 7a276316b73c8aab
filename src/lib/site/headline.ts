import type { EthnicGroupRow, PopulationRow } from '../../schemas/rows.ts';
import { numberOf } from '../../schemas/cell.ts';

/** A row entry as the collections give it: values plus the line it came from. */
export interface Sourced<T> {
  dataset: string;
  sourceLine: number;
  geoLevel: string;
  isSubtotal: boolean;
  row: T;
}

export interface UnitShare {
  adcode: string;
  name: string;
  share: number;
  population: number;
  sourceLine: number;
}

/** The row whose adcode is `adcode`; throws when the data lacks it, so a page never shows a gap silently. */
export function rowByAdcode<T extends { adcode: unknown }>(rows: readonly Sourced<T>[], adcode: string): Sourced<T> {
  const found = rows.find((entry) => entry.row.adcode === adcode);
  if (!found) throw new Error(`no row with adcode ${adcode}`);
  return found;
}

/** The national row (no adcode, level nation). */
export function nationRow<T>(rows: readonly Sourced<T>[]): Sourced<T> {
  const found = rows.find((entry) => entry.geoLevel === 'nation');
  if (!found) throw new Error('no national row');
  return found;
}

/** County-level units under `prefix`, by 2020 minority share, highest first; units without a share are left out. */
export function unitsByMinorityShare(rows: readonly Sourced<PopulationRow>[], prefix: string): UnitShare[] {
  return rows
    .filter((entry) => entry.geoLevel === 'county' && !entry.isSubtotal && typeof entry.row.adcode === 'string' && entry.row.adcode.startsWith(prefix))
    .flatMap((entry) => {
      const share = numberOf(entry.row.minorityShare2020);
      const population = numberOf(entry.row.population2020);
      if (share === undefined || population === undefined || typeof entry.row.adcode !== 'string') return [];
      return [{ adcode: entry.row.adcode, name: entry.row.county, share, population, sourceLine: entry.sourceLine }];
    })
    .sort((a, b) => b.share - a.share || a.adcode.localeCompare(b.adcode));
}

/** Minority groups by rank. */
export function groupsByRank(rows: readonly Sourced<EthnicGroupRow>[]): Sourced<EthnicGroupRow>[] {
  return [...rows].sort((a, b) => a.row.rank - b.row.rank);
}
