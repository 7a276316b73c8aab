import { numberOf } from '../../schemas/cell.ts';
import type { EthnicGroupRow, PopulationRow, SourcedRow } from '../../schemas/rows.ts';

export interface UnitShare {
  adcode: string;
  name: string;
  share: number;
  population: number;
  sourceLine: number;
}

/** The row whose adcode is `adcode`; throws when the data lacks it, so a page never shows a gap silently. */
export function rowByAdcode<T extends { adcode: unknown }>(rows: readonly SourcedRow<T>[], adcode: string): SourcedRow<T> {
  const found = rows.find((row) => row.values.adcode === adcode);
  if (!found) throw new Error(`no row with adcode ${adcode}`);
  return found;
}

/** The national row (no adcode, level nation). */
export function nationRow<T>(rows: readonly SourcedRow<T>[]): SourcedRow<T> {
  const found = rows.find((row) => row.geoLevel === 'nation');
  if (!found) throw new Error('no national row');
  return found;
}

/** County-level units under `prefix`, by 2020 minority share, highest first; units without a share are left out. */
export function unitsByMinorityShare(rows: readonly SourcedRow<PopulationRow>[], prefix: string): UnitShare[] {
  return rows
    .filter((row) => row.geoLevel === 'county' && !row.isSubtotal && typeof row.values.adcode === 'string' && row.values.adcode.startsWith(prefix))
    .flatMap((row) => {
      const share = numberOf(row.values.minorityShare2020);
      const population = numberOf(row.values.population2020);
      if (share === undefined || population === undefined || typeof row.values.adcode !== 'string') return [];
      return [{ adcode: row.values.adcode, name: row.values.county, share, population, sourceLine: row.sourceLine }];
    })
    .sort((a, b) => b.share - a.share || a.adcode.localeCompare(b.adcode));
}

/** Minority groups by rank. */
export function groupsByRank(rows: readonly SourcedRow<EthnicGroupRow>[]): SourcedRow<EthnicGroupRow>[] {
  return [...rows].sort((a, b) => a.values.rank - b.values.rank);
}
