import { t } from '../i18n/ui.ts';
import { formatSmallShare } from '../i18n/format.ts';
import type { MapSpec, Measure } from '../schemas/map.ts';
import { extentDrawing } from './catalogue.ts';

/**
 * Maps of one ethnic group, 2010: its share of each province's population (table 1-6) and of
 * each Gansu county's (the Gansu volume's 1-6). Their rows are built per group from the census
 * tables by place × group (src/lib/site/groups/map-rows.ts): each carries the group's count
 * and the place's total under these keys, and the share is computed here.
 */
export const GROUP_COUNT_KEY = 'groupCount';
export const PLACE_TOTAL_KEY = 'placeTotal';

/** Gansu as the map rows name it, so that its 2010 counties without a 2021 polygon are listed in the notes. */
export const GANSU_NAME = '甘肃省';

/** The tables the maps are drawn from. */
export const GROUP_MAP_DATASETS = { provinces: 'census-2010-ethnic-groups-by-province', gansuCounties: 'gansu-2010-ethnic-groups-by-county' } as const;
export type GroupMapKind = keyof typeof GROUP_MAP_DATASETS;

/**
 * Groups whose maps are also pages of their own under /maps/ (listed there, embeddable by
 * link): Gansu's own groups and Lanzhou's largest. Every group page draws its maps inline.
 * 回族 03, 藏族 04, 土族 30, 东乡族 26, 撒拉族 35, 保安族 47, 裕固族 48.
 */
export const GROUP_MAP_PAGES: readonly string[] = ['03', '26', '04', '47', '35', '48', '30'];

/** The group a map family is drawn for. */
export interface MappedGroup {
  code: string;
  name: string;
  slug: string;
}

/** Id of a group's map: `groups-hui-provinces-2010`, `groups-hui-gansu-counties-2010`; stable, it is a URL. */
export function groupMapId(group: Pick<MappedGroup, 'slug'>, kind: GroupMapKind): string {
  return `groups-${group.slug}-${kind === 'provinces' ? 'provinces' : 'gansu-counties'}-2010`;
}

/** The group's share of each place's population, computed from the two published counts. */
export function groupShareMeasure(group: Pick<MappedGroup, 'name'>): Measure {
  const names = { group: group.name };
  return {
    key: 'group-share-2010',
    label: t('group.map.measure.label', names),
    shortLabel: t('group.map.measure.short', names),
    unit: '',
    classMethod: 'quantile',
    value: (row) => {
      const count = row[GROUP_COUNT_KEY];
      const total = row[PLACE_TOTAL_KEY];
      if (typeof count !== 'number' || typeof total !== 'number' || total === 0) return { reason: t('group.map.reason.noTotal') };
      return count / total;
    },
    format: formatSmallShare,
    derivation: t('group.map.measure.derivation', names),
    rankLabel: t('group.map.measure.rank'),
  };
}

/** The group's map of one kind: provinces of China (2023 boundaries, the 2010 codes are the same) or Gansu's counties (2021 boundaries). */
export function groupMapSpec(group: MappedGroup, kind: GroupMapKind): MapSpec {
  const names = { group: group.name };
  const common = { id: groupMapId(group, kind), dataset: GROUP_MAP_DATASETS[kind], measure: groupShareMeasure(group), group: group.code };
  return kind === 'provinces'
    ? { ...extentDrawing('china-provinces'), ...common, title: t('group.map.provinces.title', names), description: t('group.map.provinces.description', names) }
    : { ...extentDrawing('gansu-counties'), ...common, title: t('group.map.gansu.title', names), description: t('group.map.gansu.description', names), provinceName: GANSU_NAME };
}

/** The maps published as pages: both kinds for each group of `GROUP_MAP_PAGES`. */
export function groupMapPages(groups: readonly MappedGroup[]): MapSpec[] {
  return GROUP_MAP_PAGES.flatMap((code) => {
    const group = groups.find((candidate) => candidate.code === code);
    if (!group) throw new Error(`GROUP_MAP_PAGES names code ${code}, which is no group`);
    return [groupMapSpec(group, 'provinces'), groupMapSpec(group, 'gansuCounties')];
  });
}
