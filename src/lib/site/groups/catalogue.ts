import { join } from 'node:path';
import type { EthnicGroup } from '../../../schemas/ethnic-group.ts';
import { DATA_ROOT } from '../../data/paths.ts';
import { groupSlug, loadGroupTables } from '../../data/workbook/groups.ts';
import { PLACES_2010_FILE, REFERENCE_DIR } from '../../data/workbook/dataset.ts';
import { loadPlaces } from '../../data/workbook/places.ts';

/** The census tables by group the site ships (data/<id>/), by what they hold. */
export const GROUP_DATASETS = {
  /** Nation and provinces × group × sex, 2010; with 城市/镇/乡村 parts. */
  provinces2010: 'census-2010-ethnic-groups-by-province',
  /** The same for 2000. */
  provinces2000: 'census-2000-ethnic-groups-by-province',
  /** Gansu, its prefectures and counties × group × sex, 2010. */
  gansuCounties2010: 'gansu-2010-ethnic-groups-by-county',
  /** Nation × group × education level × sex, aged 6 and over, 2010. */
  education2010: 'census-2010-ethnic-groups-education',
  /** Nation × group × industry × sex, long-form sample, 2010. */
  industry2010: 'census-2010-ethnic-groups-industry-sample',
  /** Nation × group × occupation × sex, long-form sample, 2010. */
  occupation2010: 'census-2010-ethnic-groups-occupation-sample',
  /** Nation and provinces: family households by number of groups in them, 2010; with parts. */
  mixedHouseholds2010: 'census-2010-mixed-households-by-province',
  /** Gansu, prefectures, counties: the same, 2010. */
  gansuMixedHouseholds2010: 'gansu-2010-mixed-households-by-county',
} as const;

/** `groupCode` of the all-groups total in the tidy census rows. */
export const TOTAL = 'total';
/** `residence` of the main table's rows (the parts are 城市, 镇, 乡村). */
export const ALL_RESIDENCES = '合计';
export const RESIDENCE_PARTS = ['城市', '镇', '乡村'] as const;

/** One of the 56 groups of GB/T 3304, or one of the two census categories (97, 98). */
export interface GroupInfo extends EthnicGroup {
  /** The page's URL segment: the romanization lower-cased (`dongxiang`). */
  slug: string;
  /** False for 97 其他未识别的民族 and 98 外国人加入中国籍, which have no GB/T 3304 code. */
  inStandard: boolean;
}

let groups: GroupInfo[] | undefined;

/** Every group in GB/T 3304 order, then 97 and 98 (data/reference/ethnic-groups-gbt3304.csv). */
export function ethnicGroups(): GroupInfo[] {
  groups ??= loadGroupTables(join(DATA_ROOT, REFERENCE_DIR)).groups.map((group) => ({ ...group, slug: groupSlug(group), inStandard: /^\d+$/.test(group.code) && Number(group.code) <= 56 }));
  return groups;
}

/** The group with `code` (`03`); throws for an unknown code, so a page never shows a gap silently. */
export function groupByCode(code: string): GroupInfo {
  const found = ethnicGroups().find((group) => group.code === code);
  if (!found) throw new Error(`no ethnic group with code ${code}`);
  return found;
}

/** The group page of a group: `/groups/hui/`. */
export const groupHref = (group: Pick<GroupInfo, 'slug'>): string => `/groups/${group.slug}/`;

let names2010: Map<string, string> | undefined;

/** The 2010 name of a place (北京市, 内蒙古自治区, 城关区) from the 2010 county table the workbooks are joined to (data/reference/). */
export function placeName2010(adcode: string): string | undefined {
  names2010 ??= new Map(loadPlaces(join(DATA_ROOT, REFERENCE_DIR, PLACES_2010_FILE)).map((place) => [place.adcode, place.name]));
  return names2010.get(adcode);
}
