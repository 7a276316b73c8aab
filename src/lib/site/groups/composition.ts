import { t } from '../../../i18n/ui.ts';
import { boundaryChanged } from '../../../maps/measures.ts';
import { GANSU } from '../../../schemas/geo.ts';
import type { CellRef } from '../cells.ts';
import { ethnicGroups, placeName2010, TOTAL, type GroupInfo } from './catalogue.ts';
import { NATION, shareOf, type Figure, type GroupTable, type GroupTableMeta } from './table-index.ts';
import type { CensusTables } from './tables.ts';

/** How many groups are shown by name; the others are summed as 其他. */
export const TOP_GROUPS = 10;

/**
 * Units of 2020 whose 2010 figures stand under another code: 华亭市 was 华亭县 (620824) in
 * 2010 (SOURCES.md, census/).
 */
const PREDECESSORS: Readonly<Record<string, string>> = { '620881': '620824' };

/** Household kinds of table 5-3 that hold more than one group: their sum is the 民族混合户. */
export const MIXED_KINDS = ['two', 'three', 'fourOrMore'] as const;

/** A place's family households and the mixed ones among them (two, three, four or more groups). */
export interface MixedHouseholds {
  /** The place's adcode, or `nation`. */
  key: string;
  name: string;
  households: Figure;
  /** Households of two, three, four or more groups, as published. */
  kinds: Figure[];
  /** Their sum (计算). */
  mixed: number;
  /** mixed ÷ households (计算). */
  share: number | undefined;
  meta: GroupTableMeta;
}

/** The make-up of a place by group in 2010, and its mixed households beside its prefecture's, Gansu's and the nation's. */
export interface PlaceComposition {
  kind: 'composition';
  /** The 2010 unit the figures are of: the place itself, or its predecessor. */
  adcode2010: string;
  name2010: string;
  /** What a reader must know of the unit in 2010 (a predecessor, a boundary since changed). */
  note: string | undefined;
  total: Figure;
  /** The largest groups, largest first, each with its share of the total (计算). */
  groups: { group: GroupInfo; count: Figure; share: number | undefined }[];
  /** The other groups counted there, summed (计算). */
  rest: { count: number; share: number | undefined; groups: number; refs: CellRef[] } | undefined;
  /** Groups of the 56 with anyone counted (count > 0). */
  present: number;
  /** The groups' counts summed; differs from `total` where the volume's own arithmetic does not add up. */
  groupsSum: number;
  /** The place, then its prefecture (for a county), Gansu and the nation. */
  mixed: MixedHouseholds[];
  meta: GroupTableMeta;
}

export type PlaceGroups = PlaceComposition | { kind: 'absent'; reason: string };

/** The mixed households of a place in a table of places × household kinds (5-3); undefined where the table has no such place. */
export function mixedHouseholds(table: GroupTable, key: string, name: string): MixedHouseholds | undefined {
  const households = table.figure(table.placeCategoryRow(key, TOTAL), 'households');
  const kinds = MIXED_KINDS.flatMap((kind) => table.figure(table.placeCategoryRow(key, kind), 'households') ?? []);
  if (!households || kinds.length !== MIXED_KINDS.length) return undefined;
  const mixed = kinds.reduce((sum, kind) => sum + kind.value, 0);
  return { key, name, households, kinds, mixed, share: shareOf(mixed, households.value), meta: table.meta };
}

/** A place's groups by size: the largest `top` by name, the rest summed, and how many of the 56 were counted. */
export function groupsBySize(table: GroupTable, key: string, groups: readonly GroupInfo[], top = TOP_GROUPS): Pick<PlaceComposition, 'groups' | 'rest' | 'present' | 'groupsSum'> & { total: Figure | undefined } {
  const total = table.figure(table.row(key, TOTAL));
  const counted = groups
    .flatMap((group) => {
      const count = table.figure(table.row(key, group.code));
      return count && count.value > 0 ? [{ group, count, share: shareOf(count.value, total?.value) }] : [];
    })
    .sort((a, b) => b.count.value - a.count.value || a.group.code.localeCompare(b.group.code));
  const others = counted.slice(top);
  const restCount = others.reduce((sum, entry) => sum + entry.count.value, 0);
  return {
    total,
    groups: counted.slice(0, top),
    rest: others.length === 0 ? undefined : { count: restCount, share: shareOf(restCount, total?.value), groups: others.length, refs: others.map((entry) => entry.count.ref) },
    present: counted.filter((entry) => entry.group.inStandard).length,
    groupsSum: counted.reduce((sum, entry) => sum + entry.count.value, 0),
  };
}

/** What a reader must know of a place's 2010 unit, if anything. */
function noteOf(adcode: string, adcode2010: string, name2010: string): string | undefined {
  if (adcode !== adcode2010) return t('place.groups.predecessor', { name: name2010, code: adcode2010 });
  const changed = boundaryChanged[adcode];
  return changed === undefined ? undefined : t('place.groups.boundary', { reason: changed });
}

/** The 民族构成（2010年） section of a Gansu place's profile, from the Gansu tables (1-6, 5-3) and the national 5-3. */
export function placeComposition(tables: Pick<CensusTables, 'gansuCounties2010' | 'gansuMixedHouseholds2010' | 'mixedHouseholds2010'>, adcode: string): PlaceGroups {
  const { gansuCounties2010: table, gansuMixedHouseholds2010: gansuMixed, mixedHouseholds2010: nationMixed } = tables;
  const adcode2010 = PREDECESSORS[adcode] ?? adcode;
  const row = table.row(adcode2010, TOTAL);
  if (!row) return { kind: 'absent', reason: boundaryChanged[adcode] ?? t('place.groups.absent') };
  const name2010 = row.values.place ?? adcode2010;
  const { total, ...bySize } = groupsBySize(table, adcode2010, ethnicGroups());
  if (!total) throw new Error(`${table.dataset}: no total for ${adcode2010}`);
  const prefecture = `${adcode2010.slice(0, 4)}00`;
  const comparisons = [
    mixedHouseholds(gansuMixed, adcode2010, name2010),
    prefecture === adcode2010 ? undefined : mixedHouseholds(gansuMixed, prefecture, table.row(prefecture, TOTAL)?.values.place ?? prefecture),
    mixedHouseholds(gansuMixed, GANSU, placeName2010(GANSU) ?? GANSU),
    mixedHouseholds(nationMixed, NATION, nationMixed.placeCategoryRow(NATION, TOTAL)?.values.place ?? NATION),
  ];
  return { kind: 'composition', adcode2010, name2010, note: noteOf(adcode, adcode2010, name2010), total, ...bySize, mixed: comparisons.filter((entry) => entry !== undefined), meta: table.meta };
}
