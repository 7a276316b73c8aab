import { groupMapId, groupMapSpec, GROUP_MAP_PAGES } from '../../../maps/group-maps.ts';
import type { MapModel } from '../../../maps/model.ts';
import { mapModel } from '../maps.ts';
import { placeAdcodes, placeHref } from '../places.ts';
import { ethnicGroups, groupHref, type GroupInfo } from './catalogue.ts';
import { categoryComparison, type CategoryComparison } from './categories.ts';
import { nationalFigures, type NationalFigures } from './national.ts';
import { NATION, type GroupTableMeta } from './table-index.ts';
import { censusTables } from './tables.ts';
import { bySize, gansuShares, lanzhouShares, provinceShares, type PlaceShare } from './where.ts';

/** A link to another group's page. */
export interface GroupLink {
  name: string;
  href: string;
}

/** Everything a group's page shows, each figure with the cell it comes from. */
export interface GroupProfile {
  group: GroupInfo;
  national: NationalFigures;
  /** The 31 provinces, largest count first. */
  provinces: PlaceShare[];
  provinceMap: MapModel;
  gansu: {
    /** Anyone of the group counted in Gansu (in any row of the Gansu volume). */
    present: boolean;
    total: PlaceShare | undefined;
    prefectures: PlaceShare[];
    /** Counties where the group was counted, largest count first. */
    counties: PlaceShare[];
    /** The county map, only where the group is present. */
    map: MapModel | undefined;
  };
  /** Lanzhou, then its eight 2010 districts and counties. */
  lanzhou: PlaceShare[];
  education: CategoryComparison | undefined;
  industry: CategoryComparison | undefined;
  occupation: CategoryComparison | undefined;
  /** The maps of this group published as pages of their own, if any: /maps/<id>/. */
  mapPages: { provinces: string; gansuCounties: string } | undefined;
  /** Previous and next group in GB/T 3304 order, and the groups just larger and smaller in 2010. */
  neighbours: { previous: GroupLink | undefined; next: GroupLink | undefined; larger: GroupLink | undefined; smaller: GroupLink | undefined };
  sources: Record<'provinces2010' | 'provinces2000' | 'gansu' | 'education' | 'industry' | 'occupation', GroupTableMeta>;
}

/** Slugs of every group page: the 56 groups and the two census categories. */
export function groupSlugs(): string[] {
  return ethnicGroups().map((group) => group.slug);
}

const link = (group: GroupInfo | undefined): GroupLink | undefined => (group ? { name: group.name, href: groupHref(group) } : undefined);

/** The group with `slug`; throws for an unknown one. */
export function groupBySlug(slug: string): GroupInfo {
  const group = ethnicGroups().find((candidate) => candidate.slug === slug);
  if (!group) throw new Error(`no ethnic group with slug ${slug}`);
  return group;
}

/** The profile of the group with `slug`. */
export async function groupProfile(slug: string): Promise<GroupProfile> {
  const group = groupBySlug(slug);
  const tables = await censusTables();
  const groups = ethnicGroups();
  const index = groups.indexOf(group);
  const national = nationalFigures(tables.provinces2010, tables.provinces2000, group.code);
  const size = (other: GroupInfo) => tables.provinces2010.count(tables.provinces2010.row(NATION, other.code)) ?? 0;
  const bySizeOrder = [...groups].sort((a, b) => size(b) - size(a) || a.code.localeCompare(b.code));
  const rank = bySizeOrder.indexOf(group);
  const gansu = gansuShares(tables.gansuCounties2010, group.code);
  const places = new Set(await placeAdcodes());
  const linked = (share: PlaceShare): PlaceShare => ({ ...share, href: places.has(share.key) ? placeHref(share.key) : undefined });
  const published = GROUP_MAP_PAGES.includes(group.code);
  return {
    group,
    national,
    provinces: bySize(provinceShares(tables.provinces2010, group.code)),
    provinceMap: await mapModel(groupMapSpec(group, 'provinces')),
    gansu: {
      present: gansu.present,
      total: gansu.gansu,
      prefectures: gansu.prefectures.map(linked),
      counties: bySize(gansu.counties.filter((share) => share.count.value > 0)).map(linked),
      map: gansu.present ? await mapModel(groupMapSpec(group, 'gansuCounties')) : undefined,
    },
    lanzhou: lanzhouShares(tables.gansuCounties2010, group.code).map(linked),
    education: categoryComparison(tables.education2010, group.code),
    industry: categoryComparison(tables.industry2010, group.code),
    occupation: categoryComparison(tables.occupation2010, group.code),
    mapPages: published ? { provinces: `/maps/${groupMapId(group, 'provinces')}/`, gansuCounties: `/maps/${groupMapId(group, 'gansuCounties')}/` } : undefined,
    neighbours: { previous: link(groups[index - 1]), next: link(groups[index + 1]), larger: link(bySizeOrder[rank - 1]), smaller: link(bySizeOrder[rank + 1]) },
    sources: {
      provinces2010: tables.provinces2010.meta,
      provinces2000: tables.provinces2000.meta,
      gansu: tables.gansuCounties2010.meta,
      education: tables.education2010.meta,
      industry: tables.industry2010.meta,
      occupation: tables.occupation2010.meta,
    },
  };
}
