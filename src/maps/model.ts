import { t } from '../i18n/ui.ts';
import type { BoundaryLayerName, ClassMethod, MapSpec, ProjectionName, RowValues } from '../schemas/map.ts';
import type { SourcedRow } from '../schemas/rows.ts';
import { classOf, classify, paletteFor } from './classify.ts';
import { joinByAdcode, type MapRecord } from './join.ts';
import { mapLabels, type MapLabel } from './labels.ts';
import { fitProjection, fittedHeight, minWeightFor, pathOf, unitsPerDegree } from './projection.ts';
import { boundaryLayers, groupEdgesOf, layerFeatures, outlineOf, preparedBoundaries, simplifyPrepared } from './topology.ts';

/** Where the boundaries come from, as every map must say (see SOURCES.md, geo/). */
export const boundaryAttribution: Record<(typeof boundaryLayers)[BoundaryLayerName]['file'], string> = {
  'china_counties_2021_wgs84.topojson': t('map.boundary.counties2021'),
  'china_provinces_prefectures_2023.topojson': t('map.boundary.provincesPrefectures2023'),
};
export const SIMPLIFIED_NOTE = t('map.simplified');

/** The dataset facts a map cites. */
export interface MapSource {
  dataset: string;
  title: string;
  publisher: string;
  date: string;
  /** Published file, relative to the project root (for join errors). */
  file: string;
  /** Adcodes the metadata lists as having no polygon. */
  unmatchedAdcodes: readonly string[];
  status: 'real' | 'sample';
}

/** A row as maps take it: any dataset row (the measure reads its values). */
export type MapRow = Pick<SourcedRow<RowValues>, 'sourceLine' | 'geoLevel' | 'isSubtotal' | 'values'>;

export interface MapRegion {
  code: string;
  name: string;
  /** SVG path in viewBox units. */
  d: string;
  /** Class fill, or undefined for "no data" (drawn with the pattern). */
  fill: string | undefined;
  classIndex: number | undefined;
  value: number | undefined;
  /** Value as text, or why there is none. */
  display: string;
  /** 1 = highest; ties share a rank. */
  rank: number | undefined;
  /** Accessible name: place, value, rank. */
  label: string;
  /** Profile page, when the site has one. */
  href: string | undefined;
  /** Line of the published file, when a row was joined. */
  sourceLine: number | undefined;
}

export interface LegendItem {
  fill: string;
  label: string;
  count: number;
}

/** Everything a map component renders; plain data, so an embed page can render the same map. */
export interface MapModel {
  id: string;
  title: string;
  description: string;
  measureLabel: string;
  shortLabel: string;
  derivation: string | undefined;
  classMethod: ClassMethod;
  /** How the classes were made, in words, for the legend. */
  classMethodText: string;
  width: number;
  height: number;
  regions: MapRegion[];
  /** Outer edge of the map, drawn dark. */
  outline: string;
  /** Edges between prefectures or provinces, drawn heavier than region edges. */
  edges: string;
  /** Each region's name drawn on the map, for maps of at most 30 regions (aria-hidden: regions carry their names). */
  labels: MapLabel[];
  /** Font size of the labels, in viewBox units. */
  labelSize: number;
  legend: LegendItem[];
  noData: { label: string; count: number } | undefined;
  /** Notes the reader needs: units without a value and why, units not drawn and why. */
  notes: string[];
  /** Rows of the map's province that are not drawn (no adcode, or no polygon for it). */
  unmapped: number;
  source: Omit<MapSource, 'unmatchedAdcodes' | 'file'>;
  boundaryAttribution: string;
  projection: ProjectionName;
  /** [[south, west], [north, east]] of the viewBox, for Mercator maps only (tile alignment). */
  geoBounds: [[number, number], [number, number]] | undefined;
  rankScope: string;
  tableOnOwnPage: boolean;
}

const PADDING = 8;
/** Why a row without an adcode is not on the map. */
export const UNCODED = t('map.reason.uncoded');

function rowName(row: RowValues, level: MapSpec['level'], withProvince: boolean): string {
  const own = String(row[level] ?? '');
  return withProvince && level !== 'province' ? `${String(row['province'] ?? '')}${own}` : own;
}

/** Competition ranking, highest first: 1, 2, 2, 4. */
export function ranks(values: ReadonlyMap<string, number>): Map<string, number> {
  const sorted = [...values.values()].sort((a, b) => b - a);
  return new Map([...values].map(([code, value]) => [code, sorted.indexOf(value) + 1]));
}

function rangeLabel(format: (value: number) => string, low: number, high: number, last: boolean): string {
  return t(last ? 'map.legend.range' : 'map.legend.rangeBelow', { low: format(low), high: format(high) });
}

const classMethodText: Record<ClassMethod, string> = {
  quantile: t('map.legend.quantile'),
  'quantile-diverging': t('map.legend.quantileDiverging'),
};

const geometryCache = new Map<string, ReturnType<typeof simplifyPrepared>>();

/**
 * What a map's drawing takes from its boundaries alone: the fitted projection, the simplified
 * features, each region's path, the outline and inner edges. Maps that differ only in their data
 * (the 116 maps of the ethnic groups draw two frames) share one, so each region is projected once.
 */
interface MapFrame {
  key: string;
  height: number;
  projection: ReturnType<typeof fitProjection>;
  simplified: ReturnType<typeof simplifyPrepared>;
  features: ReturnType<typeof layerFeatures>;
  pathOf: (code: string, geometry: Parameters<typeof pathOf>[1]) => string;
  outline: string;
  edges: string;
  geoBounds: MapModel['geoBounds'];
  /** Placed labels by the regions' codes and names. */
  labels: Map<string, ReturnType<typeof mapLabels>>;
}

const frames = new Map<string, MapFrame>();

function mapFrame(spec: MapSpec, boundaryDir: string): MapFrame {
  const key = [boundaryDir, spec.layer, spec.prefix, spec.projection, spec.width, spec.detail, spec.step, spec.edgesBy].join('|');
  const cached = frames.get(key);
  if (cached) return cached;
  const inScope = (code: string) => code.startsWith(spec.prefix);
  const prepared = preparedBoundaries(boundaryDir, spec.layer);
  const fullFeatures = layerFeatures(prepared.topology, spec.layer, inScope);
  if (fullFeatures.length === 0) throw new Error(`map ${spec.id}: no polygons with adcode prefix "${spec.prefix}" in layer ${spec.layer}`);
  const height = fittedHeight(spec.projection, fullFeatures, spec.width, PADDING);
  const projection = fitProjection(spec.projection, fullFeatures, { width: spec.width, height, padding: PADDING });
  const minWeight = minWeightFor(unitsPerDegree(projection, fullFeatures), spec.detail);
  const cacheKey = `${spec.layer}:${minWeight}`;
  const simplified = geometryCache.get(cacheKey) ?? simplifyPrepared(prepared, minWeight);
  geometryCache.set(cacheKey, simplified);
  const features = layerFeatures(simplified, spec.layer, inScope);

  const path = (geometry: Parameters<typeof pathOf>[1]) => pathOf(projection, geometry, spec.step);
  const paths = new Map<string, string>();
  const groupLength = spec.edgesBy === 'prefecture' ? 4 : 2;
  const corner = (x: number, y: number) => projection.invert?.([x, y]);
  const northWest = corner(0, 0);
  const southEast = corner(spec.width, height);
  const frame: MapFrame = {
    key,
    height,
    projection,
    simplified,
    features,
    pathOf: (code, geometry) => {
      const known = paths.get(code);
      if (known !== undefined) return known;
      const d = path(geometry);
      paths.set(code, d);
      return d;
    },
    outline: path(outlineOf(simplified, spec.layer, inScope)),
    edges: spec.edgesBy ? path(groupEdgesOf(simplified, spec.layer, inScope, (code) => code.slice(0, groupLength))) : '',
    geoBounds:
      spec.projection === 'mercator' && northWest && southEast
        ? [
            [southEast[1], northWest[0]],
            [northWest[1], southEast[0]],
          ]
        : undefined,
    labels: new Map(),
  };
  frames.set(key, frame);
  return frame;
}

/** Builds a map: joins rows to polygons, classes the values, projects and simplifies. Pure apart from reading the boundary file. */
export function buildMapModel(
  spec: MapSpec,
  rows: readonly MapRow[],
  source: MapSource,
  options: { boundaryDir: string; profileOf?: (code: string) => string | undefined; /** Names of the ethnic groups, to shorten 甘南藏族自治州 to 甘南州 where a label needs it. */ groupNames?: readonly string[] },
): MapModel {
  const inScope = (code: string) => code.startsWith(spec.prefix);
  const frame = mapFrame(spec, options.boundaryDir);
  const { height, projection, features } = frame;
  const featureCodes = new Set(features.map((item) => item.code));
  const ownLevel = rows.filter((entry) => entry.geoLevel === spec.level && !entry.isSubtotal && typeof entry.values['adcode'] === 'string' && inScope(entry.values['adcode']));
  const ownCodes = new Set(ownLevel.map((entry) => String(entry.values['adcode'])));
  const citiesWithoutCounties =
    spec.provinceName !== undefined && spec.level === 'county'
      ? rows.filter((entry) => {
          const code = entry.values['adcode'];
          return entry.geoLevel === 'prefecture' && !entry.isSubtotal && typeof code === 'string' && inScope(code) && featureCodes.has(code) && !ownCodes.has(code);
        })
      : [];
  const records: MapRecord<RowValues>[] = [...ownLevel, ...citiesWithoutCounties].map((entry) => ({ adcode: String(entry.values['adcode']), sourceLine: entry.sourceLine, value: entry.values }));
  const joined = joinByAdcode(features, records, { file: source.file, knownUnmatched: new Set(source.unmatchedAdcodes) });
  joined.sort((a, b) => a.feature.code.localeCompare(b.feature.code));

  const drawn = new Set(records.filter((record) => featureCodes.has(record.adcode)).map((record) => record.sourceLine));
  const unmapped =
    spec.provinceName === undefined
      ? []
      : rows.filter((entry) => entry.geoLevel === spec.level && !entry.isSubtotal && entry.values['province'] === spec.provinceName && !drawn.has(entry.sourceLine));
  /** Why each of those rows is not drawn, by name: also explains a polygon of that name left without data. */
  const unmappedWhy = new Map(
    unmapped.map((entry) => {
      const code = entry.values['adcode'];
      const why = typeof code === 'string' ? t('map.reason.noPolygon', { code }) : UNCODED;
      return [rowName(entry.values, spec.level, false), t('map.reason.line', { reason: why, line: entry.sourceLine })];
    }),
  );

  const values = new Map<string, number>();
  const reasons = new Map<string, string>();
  for (const { feature, record } of joined) {
    if (!record) {
      reasons.set(feature.code, unmappedWhy.get(feature.name) ?? t('map.reason.notInDataset'));
      continue;
    }
    const value = spec.measure.value(record.value, feature.code);
    if (typeof value === 'number') values.set(feature.code, value);
    else reasons.set(feature.code, value.reason);
  }
  const classes = classify([...values.values()], spec.measure.classMethod, spec.classes);
  const palette = paletteFor(classes);
  const rankOf = ranks(values);
  const counted = values.size;

  const regions: MapRegion[] = joined.map(({ feature, record }) => {
    const name = record ? rowName(record.value, spec.level, spec.nameWithProvince ?? false) : feature.name;
    const value = values.get(feature.code);
    const classIndex = value === undefined ? undefined : classOf(value, classes.breaks);
    const rank = rankOf.get(feature.code);
    const display = value === undefined ? t('map.noDataBecause', { reason: reasons.get(feature.code) ?? '' }) : spec.measure.format(value);
    const label =
      value === undefined
        ? t('map.region.noData', { name, measure: spec.measure.shortLabel })
        : spec.compactLabels
          ? t('map.region.compact', { name, value: display, rank: String(rank) })
          : t('map.region.label', { name, measure: spec.measure.shortLabel, value: display, rankLabel: spec.measure.rankLabel, rank: String(rank), count: counted });
    return {
      code: feature.code,
      name,
      d: frame.pathOf(feature.code, feature.geometry),
      fill: classIndex === undefined ? undefined : palette[classIndex],
      classIndex,
      value,
      display,
      rank,
      label,
      href: options.profileOf?.(feature.code),
      sourceLine: record?.sourceLine,
    };
  });

  const geometryOf = new Map(features.map((item) => [item.code, item.geometry]));
  const labelled = regions.flatMap((region) => {
    const geometry = geometryOf.get(region.code);
    return geometry ? [{ code: region.code, name: region.name, geometry }] : [];
  });
  const labelKey = `${frame.key}|${labelled.map((region) => `${region.code}=${region.name}`).join(',')}`;
  const placed = frame.labels.get(labelKey) ?? mapLabels(labelled, projection, { width: spec.width, height }, options.groupNames ?? []);
  frame.labels.set(labelKey, placed);
  const { labels, fontSize: labelSize } = placed;

  const uppers = [...classes.breaks, classes.max];
  const lowers = [classes.min, ...classes.breaks];
  const legend: LegendItem[] = palette.map((fill, index) => ({
    fill,
    label: rangeLabel(spec.measure.format, lowers[index] ?? classes.min, uppers[index] ?? classes.max, index === palette.length - 1),
    count: regions.filter((region) => region.classIndex === index).length,
  }));
  const missing = regions.filter((region) => region.value === undefined);
  const notes = [...new Set(missing.map((region) => t('map.note', { name: region.name, reason: reasons.get(region.code) ?? '' })))];
  // A polygon of the same name may already carry the note.
  for (const [name, why] of unmappedWhy) {
    const note = t('map.note', { name, reason: why });
    if (!notes.includes(note)) notes.push(note);
  }

  const { outline, edges, geoBounds } = frame;

  return {
    id: spec.id,
    title: spec.title,
    description: spec.description,
    measureLabel: spec.measure.label,
    shortLabel: spec.measure.shortLabel,
    derivation: spec.measure.derivation,
    classMethod: classes.method,
    classMethodText: classMethodText[classes.method],
    width: spec.width,
    height,
    regions,
    outline,
    edges,
    labels,
    labelSize,
    legend,
    noData: missing.length > 0 ? { label: t('map.noData'), count: missing.length } : undefined,
    notes,
    unmapped: unmapped.length,
    source: { dataset: source.dataset, title: source.title, publisher: source.publisher, date: source.date, status: source.status },
    boundaryAttribution: boundaryAttribution[boundaryLayers[spec.layer].file],
    projection: spec.projection,
    geoBounds,
    rankScope: spec.rankScope,
    tableOnOwnPage: spec.tableOnOwnPage ?? false,
  };
}
