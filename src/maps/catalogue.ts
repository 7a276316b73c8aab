import { t } from '../i18n/ui.ts';
import { measureColumnTypes, type ColumnMeta } from '../schemas/dataset.ts';
import type { MapSpec, Measure } from '../schemas/map.ts';
import { GANSU } from '../schemas/geo.ts';
import { columnLabel, columnMeasure, minorityShareChange, minorityShareMeasure, populationMeasure } from './measures.ts';

/** How a family of maps is drawn: which regions, which file, at what size and detail. */
interface Extent {
  key: string;
  dataset: string;
  name: string;
  layer: MapSpec['layer'];
  level: MapSpec['level'];
  prefix: string;
  projection: MapSpec['projection'];
  width: number;
  detail: number;
  step: number;
  classes: number;
  edgesBy?: MapSpec['edgesBy'];
  rankScope: string;
  shareKey: 'minorityShare2020' | 'minorityShare';
  populationKey: 'population2020' | 'population';
  /** Which curated measures this extent gets. */
  measures: readonly ('share' | 'change' | 'population')[];
  nameWithProvince?: boolean;
  tableOnOwnPage?: boolean;
  compactLabels?: boolean;
}

const extents: readonly Extent[] = [
  {
    key: 'lanzhou',
    dataset: 'lanzhou-population-2010-2020',
    name: t('maps.extent.lanzhou'),
    layer: 'county',
    level: 'county',
    prefix: '6201',
    projection: 'mercator',
    width: 600,
    detail: 0.5,
    step: 0.5,
    classes: 4,
    rankScope: t('maps.scope.lanzhou'),
    shareKey: 'minorityShare2020',
    populationKey: 'population2020',
    measures: ['share', 'change', 'population'],
  },
  {
    key: 'gansu-counties',
    dataset: 'gansu-population-2010-2020',
    name: t('maps.extent.gansu-counties'),
    layer: 'county',
    level: 'county',
    prefix: '62',
    projection: 'mercator',
    width: 800,
    detail: 1,
    step: 0.5,
    classes: 5,
    edgesBy: 'prefecture',
    rankScope: t('maps.scope.gansu-counties'),
    shareKey: 'minorityShare2020',
    populationKey: 'population2020',
    measures: ['share', 'change', 'population'],
  },
  {
    key: 'gansu-prefectures',
    dataset: 'gansu-population-2010-2020',
    name: t('maps.extent.gansu-prefectures'),
    layer: 'prefecture',
    level: 'prefecture',
    prefix: '62',
    projection: 'mercator',
    width: 800,
    detail: 1,
    step: 0.5,
    classes: 5,
    rankScope: t('maps.scope.gansu-prefectures'),
    shareKey: 'minorityShare2020',
    populationKey: 'population2020',
    measures: ['share', 'change', 'population'],
  },
  {
    key: 'china-provinces',
    dataset: 'china-provinces-population-2010-2020',
    name: t('maps.extent.china-provinces'),
    layer: 'province',
    level: 'province',
    prefix: '',
    projection: 'albers-china',
    width: 800,
    detail: 2,
    step: 0.5,
    classes: 5,
    rankScope: t('maps.scope.china-provinces'),
    shareKey: 'minorityShare2020',
    populationKey: 'population2020',
    measures: ['share', 'change', 'population'],
  },
  {
    key: 'china-counties',
    dataset: 'china-counties-2020',
    name: t('maps.extent.china-counties'),
    layer: 'county',
    level: 'county',
    prefix: '',
    projection: 'albers-china',
    width: 800,
    detail: 14,
    step: 1,
    classes: 6,
    edgesBy: 'province',
    rankScope: t('maps.scope.china-counties'),
    shareKey: 'minorityShare',
    populationKey: 'population',
    // Not published: with 2,990 focusable regions the page is 460 KB of HTML and axe-core
    // needs over 30 s on it (and on its 2,990-row table). Published instead: one county map
    // per province (`provinceCountyMaps` below).
    measures: [],
    nameWithProvince: true,
    tableOnOwnPage: true,
    compactLabels: true,
  },
];

/** What a map takes from its extent: regions, projection, size, detail, classes, ranking scope. */
export type ExtentDrawing = Omit<MapSpec, 'id' | 'title' | 'description' | 'dataset' | 'measure'>;

function drawing(extent: Extent): ExtentDrawing {
  return {
    layer: extent.layer,
    level: extent.level,
    prefix: extent.prefix,
    projection: extent.projection,
    classes: extent.classes,
    width: extent.width,
    detail: extent.detail,
    step: extent.step,
    rankScope: extent.rankScope,
    ...(extent.edgesBy ? { edgesBy: extent.edgesBy } : {}),
    ...(extent.nameWithProvince ? { nameWithProvince: true } : {}),
    ...(extent.tableOnOwnPage ? { tableOnOwnPage: true } : {}),
    ...(extent.compactLabels ? { compactLabels: true } : {}),
  };
}

/** How the extent `key` (gansu-counties, china-provinces, …) is drawn, for map families of other datasets (src/maps/group-maps.ts). */
export function extentDrawing(key: string): ExtentDrawing {
  const extent = extents.find((candidate) => candidate.key === key);
  if (!extent) throw new Error(`no map extent ${key}`);
  return drawing(extent);
}

function spec(extent: Extent, id: string, title: string, description: string, measure: Measure, dataset = extent.dataset): MapSpec {
  return { id, title, description, dataset, measure, ...drawing(extent) };
}

/** The maps the site draws for every extent: share 2020, change since 2010, population. */
export const curatedMaps: readonly MapSpec[] = extents.flatMap((extent) =>
  extent.measures.map((which) => {
    const area = { area: extent.name };
    if (which === 'share') {
      return spec(extent, `${extent.key}-minority-share-2020`, t('maps.spec.share.title', area), t('maps.spec.share.description', area), minorityShareMeasure(extent.shareKey));
    }
    if (which === 'change') {
      return spec(extent, `${extent.key}-minority-share-change`, t('maps.spec.change.title', area), t('maps.spec.change.description', area), minorityShareChange);
    }
    return spec(extent, `${extent.key}-population-2020`, t('maps.spec.population.title', area), t('maps.spec.population.description', area), populationMeasure(extent.populationKey));
  }),
);

/** The dataset the per-province county maps are drawn from. */
export const PROVINCE_COUNTY_DATASET = 'china-counties-2020';
/** The national map that lists the per-province county maps. */
export const CHINA_PROVINCES_MAP = 'china-provinces-minority-share-2020';
/** Provinces that already have a county map of their own, drawn from a provincial dataset: no second one. */
const existingCountyMaps: Readonly<Record<string, string>> = { [GANSU]: 'gansu-counties-minority-share-2020' };

/** A province as the national county table gives it: its row's adcode (620000) and name (甘肃省). */
export interface Province {
  code: string;
  name: string;
}

/** Id of the county map of a province: the existing provincial one, or `china-counties-<code>-minority-share-2020`. */
export function provinceCountyMapId(code: string): string {
  return existingCountyMaps[code] ?? `china-counties-${code}-minority-share-2020`;
}

/**
 * One county map per province of minority share 2020 from the national county table, each
 * fitted to its province (Mercator, like the Gansu county map), with heavier prefecture
 * edges. The national county map was too heavy for one page (see the extent above).
 */
export function provinceCountyMaps(provinces: readonly Province[]): MapSpec[] {
  return provinces
    .filter((province) => existingCountyMaps[province.code] === undefined)
    .map((province) => {
      const area = { area: t('maps.extent.provinceCounties', { province: province.name }) };
      return {
        id: provinceCountyMapId(province.code),
        title: t('maps.spec.share.title', area),
        description: t('maps.spec.shareByCounty.description', area),
        dataset: PROVINCE_COUNTY_DATASET,
        layer: 'county',
        level: 'county',
        prefix: province.code.slice(0, 2),
        projection: 'mercator',
        measure: minorityShareMeasure('minorityShare'),
        classes: 5,
        width: 800,
        // Coarser than the Gansu map (1): Sichuan's 186 and Hebei's 190 regions stay under 150 KB of HTML.
        detail: 2,
        step: 0.5,
        edgesBy: 'prefecture',
        rankScope: t('maps.scope.provinceCounties', { province: province.name }),
        provinceName: province.name,
      };
    });
}

/** Datasets whose every numeric column gets a map, and the extent it is drawn on. */
const columnExtents: Readonly<Record<string, string>> = {
  'lanzhou-population-2010-2020': 'lanzhou',
  'lanzhou-education-2020': 'lanzhou',
  'lanzhou-industry-2020': 'lanzhou',
  'gansu-population-2010-2020': 'gansu-counties',
  'china-provinces-population-2010-2020': 'china-provinces',
};

const numericTypes = new Set(measureColumnTypes);
/** Columns that already have a curated map. */
const curatedColumns = new Set(['population2020', 'minorityShare2020', 'population', 'minorityShare']);

function kebab(key: string): string {
  return key.replace(/([a-z])([A-Z0-9])/g, '$1-$2').replace(/([0-9])([A-Za-z])/g, '$1-$2').toLowerCase();
}

/**
 * One map per numeric column of each dataset in `columnExtents` (the datasets that
 * have a geography the site draws): `/maps/<dataset>--<column>/`.
 */
export function columnMaps(datasets: readonly { id: string; title: string; columns: readonly ColumnMeta[]; keep?: readonly string[] | undefined }[]): MapSpec[] {
  return datasets.flatMap((dataset) => {
    const extent = extents.find((candidate) => candidate.key === columnExtents[dataset.id]);
    if (!extent) return [];
    const keep = dataset.keep ? new Set(dataset.keep) : undefined;
    return dataset.columns
      .filter((column) => numericTypes.has(column.type) && !curatedColumns.has(column.key) && (!keep || keep.has(column.key)))
      .map((column) => {
        const label = columnLabel(column);
        const title = t('maps.spec.column.title', { area: extent.name, label });
        const description = t('maps.spec.column.description', { area: extent.name, label, meaning: column.meaning, dataset: dataset.title });
        return spec(extent, `${dataset.id}--${kebab(column.key)}`, title, description, columnMeasure(column), dataset.id);
      });
  });
}
