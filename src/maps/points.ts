import type { GeoProjection } from 'd3-geo';
import type { Problem } from '../schemas/problem.ts';
import type { ColumnMeta } from '../schemas/dataset.ts';

/**
 * Point datasets: a dataset whose columns include `longitude` and `latitude` (type
 * `number`, WGS84 degrees) and a `name` is drawn as a marker layer with a list and filters.
 * No such dataset is published yet (a register of halal food businesses would be one);
 * the layer appears when a real one is added. Other text columns become filters.
 */
export interface PointColumns {
  name: string;
  longitude: string;
  latitude: string;
  /** Text columns offered as filters, e.g. district or category. */
  facets: { key: string; label: string }[];
}

/** The columns that make a dataset a point dataset, or undefined when it is not one. */
export function pointColumnsOf(columns: readonly ColumnMeta[]): PointColumns | undefined {
  const byKey = new Map(columns.map((column) => [column.key, column]));
  const longitude = byKey.get('longitude');
  const latitude = byKey.get('latitude');
  const name = byKey.get('name');
  if (!longitude || !latitude || !name || longitude.type !== 'number' || latitude.type !== 'number') return undefined;
  const facets = columns
    .filter((column) => column.type === 'text' && column.key !== 'name')
    .map((column) => ({ key: column.key, label: column.source.replace(/\s+/g, '') }));
  return { name: 'name', longitude: 'longitude', latitude: 'latitude', facets };
}

/** Datasets that carry coordinates. */
export function pointDatasets<T extends { columns: readonly ColumnMeta[] }>(datasets: readonly T[]): T[] {
  return datasets.filter((dataset) => pointColumnsOf(dataset.columns) !== undefined);
}

export interface MapPoint {
  /** Stable id within the dataset: the published line. */
  id: string;
  name: string;
  longitude: number;
  latitude: number;
  /** Facet values by column key ('' when the cell is empty). */
  facets: Record<string, string>;
  sourceLine: number;
}

/** Longitude and latitude that can be a place in China (with a margin): anything else is a typo. */
const CHINA = { west: 73, east: 136, south: 3, north: 54 };

/**
 * The points of a dataset's rows. A row without coordinates is listed as a problem
 * (warning) and kept off the map; coordinates outside China are an error, never guessed.
 */
export function pointsOf(rows: readonly { sourceLine: number; values: Readonly<Record<string, unknown>> }[], columns: PointColumns, file: string): { points: MapPoint[]; problems: Problem[] } {
  const points: MapPoint[] = [];
  const problems: Problem[] = [];
  for (const row of rows) {
    const longitude = row.values[columns.longitude];
    const latitude = row.values[columns.latitude];
    const where = { file, line: row.sourceLine, column: 1 };
    if (typeof longitude !== 'number' || typeof latitude !== 'number') {
      problems.push({ ...where, severity: 'warning', message: 'row has no coordinates; listed, not mapped' });
      continue;
    }
    if (longitude < CHINA.west || longitude > CHINA.east || latitude < CHINA.south || latitude > CHINA.north) {
      problems.push({ ...where, severity: 'error', message: 'coordinates outside China', expected: `longitude ${CHINA.west}–${CHINA.east}, latitude ${CHINA.south}–${CHINA.north}`, found: `${longitude}, ${latitude}`, hint: 'longitude and latitude swapped?' });
      continue;
    }
    const facets = Object.fromEntries(columns.facets.map((facet) => [facet.key, typeof row.values[facet.key] === 'string' ? String(row.values[facet.key]) : '']));
    points.push({ id: String(row.sourceLine), name: String(row.values[columns.name] ?? ''), longitude, latitude, facets, sourceLine: row.sourceLine });
  }
  return { points, problems };
}

/** The distinct values of a facet, sorted, for a filter's options. */
export function facetValues(points: readonly MapPoint[], facet: string): string[] {
  return [...new Set(points.map((point) => point.facets[facet] ?? '').filter((value) => value !== ''))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

/** Points matching every chosen facet value ('' or absent = any). */
export function filterPoints(points: readonly MapPoint[], chosen: Readonly<Record<string, string>>): MapPoint[] {
  return points.filter((point) => Object.entries(chosen).every(([facet, value]) => value === '' || point.facets[facet] === value));
}

/** SVG position of each point under `projection`, rounded to 0.1 unit. */
export function placePoints(points: readonly MapPoint[], projection: GeoProjection): (MapPoint & { x: number; y: number })[] {
  return points.flatMap((point) => {
    const position = projection([point.longitude, point.latitude]);
    if (!position) return [];
    return [{ ...point, x: Math.round(position[0] * 10) / 10, y: Math.round(position[1] * 10) / 10 }];
  });
}
