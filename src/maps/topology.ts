import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, GeoJsonProperties, MultiPolygon, Polygon } from 'geojson';
import { geoArea } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import { presimplify, simplify } from 'topojson-simplify';
import type { GeometryCollection, GeometryObject, Objects, Topology } from 'topojson-specification';
import { COUNTY_BOUNDARIES, PREFECTURE_BOUNDARIES } from '../schemas/geo.ts';
import type { BoundaryLayerName } from '../schemas/map.ts';

/** The boundary layers maps are drawn from: which file, which object, which properties. */
export const boundaryLayers = {
  /** County-level units, 2021 (tudigong / CTAmap); 620171 兰州新区 has its own polygon. */
  county: { file: COUNTY_BOUNDARIES, object: 'county', code: 'CODE', name: 'NAME' },
  /** Prefecture-level units, 2023 (cn-atlas / CTAmap). */
  prefecture: { file: PREFECTURE_BOUNDARIES, object: 'prefectures', code: '区划码', name: '地名' },
  /** Provinces, 2023 (cn-atlas / CTAmap), including 香港、澳门、台湾 which have no census rows. */
  province: { file: PREFECTURE_BOUNDARIES, object: 'provinces', code: '区划码', name: '地名' },
} as const satisfies Record<BoundaryLayerName, unknown>;

/** One boundary polygon with the adcode and name the boundary file gives it. */
export interface BoundaryFeature {
  /** 区划代码, six digits. */
  code: string;
  /** Name in the boundary file (the census name may differ, e.g. after a county became a city). */
  name: string;
  geometry: Polygon | MultiPolygon;
}

type Properties = GeoJsonProperties;
/** A topology as read from a boundary file: any objects, any properties. */
export type AnyTopology = Topology<Objects>;

/** A property of a boundary geometry as text ('' when absent). */
function propertyOf(geometry: GeometryObject, key: string): string {
  return String((geometry.properties as Record<string, unknown> | undefined)?.[key] ?? '');
}

/** A topology whose points carry their Visvalingam weight, ready to be simplified at any threshold. */
export interface PreparedTopology {
  topology: AnyTopology;
  /** Number of points before simplification, for reports. */
  points: number;
}

function collection(topology: AnyTopology, object: string): GeometryCollection {
  const layer = topology.objects[object];
  if (!layer || layer.type !== 'GeometryCollection') throw new Error(`boundary file has no geometry collection "${object}"`);
  return layer;
}

/** The rings of a polygon geometry as lists of arc indexes (negative = reversed). */
function ringsOf(geometry: GeometryObject): number[][] {
  if (geometry.type === 'Polygon') return geometry.arcs;
  if (geometry.type === 'MultiPolygon') return geometry.arcs.flat();
  return [];
}

/** Index of an arc as stored, whatever direction a ring uses it in. */
function arcIndex(reference: number): number {
  return reference < 0 ? ~reference : reference;
}

/**
 * Visvalingam weights for every point (planar triangle area in square degrees), so that
 * one file is prepared once and simplified per map. Simplification keeps arc endpoints,
 * so a ring of three or more arcs always keeps a shape; a ring of one or two arcs (an
 * island, a unit with a single neighbour) could shrink to a line and its unit vanish.
 * For those, the two weightiest inner points of each arc are kept at any threshold.
 */
export function prepareTopology(topology: AnyTopology, objects: readonly string[]): PreparedTopology {
  const points = topology.arcs.reduce((sum, arc) => sum + arc.length, 0);
  const prepared = presimplify(topology) as unknown as AnyTopology;
  const arcs = prepared.arcs as unknown as [number, number, number][][];
  const protect = new Set<number>();
  for (const object of objects) {
    for (const geometry of collection(prepared, object).geometries) {
      for (const ring of ringsOf(geometry)) {
        if (new Set(ring.map(arcIndex)).size < 3) for (const reference of ring) protect.add(arcIndex(reference));
      }
    }
  }
  for (const index of protect) {
    const arc = arcs[index] ?? [];
    const inner = arc.slice(1, -1).sort((a, b) => b[2] - a[2]);
    for (const point of inner.slice(0, 2)) point[2] = Infinity;
  }
  return { topology: prepared, points };
}

/** Drops every point lighter than `minWeight` (square degrees); endpoints and protected points stay. */
export function simplifyPrepared(prepared: PreparedTopology, minWeight: number): AnyTopology {
  return simplify(prepared.topology, minWeight) as unknown as AnyTopology;
}

/** Number of points left in a topology. */
export function pointCount(topology: AnyTopology): number {
  return topology.arcs.reduce((sum, arc) => sum + arc.length, 0);
}

/**
 * d3-geo reads rings on the sphere: a ring that simplification (or a tiny island's
 * rounding) turned the other way round encloses the rest of the world, and the map fills
 * the whole frame with it. Such polygons are turned back; nothing a county can cover is
 * larger than a hemisphere.
 */
export function rewound(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const fix = (rings: Polygon['coordinates']) =>
    geoArea({ type: 'Polygon', coordinates: rings }) > 2 * Math.PI ? rings.map((ring) => [...ring].reverse()) : rings;
  return geometry.type === 'Polygon' ? { type: 'Polygon', coordinates: fix(geometry.coordinates) } : { type: 'MultiPolygon', coordinates: geometry.coordinates.map(fix) };
}

/** The polygons of one layer whose code passes `include`, with code and name as text. */
export function layerFeatures(
  topology: AnyTopology,
  layer: BoundaryLayerName,
  include: (code: string) => boolean = () => true,
): BoundaryFeature[] {
  const spec = boundaryLayers[layer];
  const source = collection(topology, spec.object);
  const geometries = source.geometries.filter((geometry) => include(propertyOf(geometry, spec.code)));
  const features = feature(topology, { type: 'GeometryCollection', geometries }).features as Feature<Polygon | MultiPolygon | null, Properties>[];
  return features.flatMap((item) => {
    if (!item.geometry) return [];
    return [{ code: String(item.properties?.[spec.code] ?? ''), name: String(item.properties?.[spec.name] ?? ''), geometry: rewound(item.geometry) }];
  });
}

/**
 * The outer edge of the selected polygons (arcs used by exactly one of them), drawn
 * dark so that light classes stay distinct from the page background.
 */
export function outlineOf(topology: AnyTopology, layer: BoundaryLayerName, include: (code: string) => boolean): ReturnType<typeof mesh> {
  const spec = boundaryLayers[layer];
  const source = collection(topology, spec.object);
  const geometries = source.geometries.filter((geometry) => include(propertyOf(geometry, spec.code)));
  return mesh(topology, { type: 'GeometryCollection', geometries }, (a, b) => a === b);
}

/**
 * Lines between groups of polygons (e.g. prefecture edges on a county map): arcs shared
 * by two selected polygons whose `groupOf` differs.
 */
export function groupEdgesOf(
  topology: AnyTopology,
  layer: BoundaryLayerName,
  include: (code: string) => boolean,
  groupOf: (code: string) => string,
): ReturnType<typeof mesh> {
  const spec = boundaryLayers[layer];
  const source = collection(topology, spec.object);
  const geometries = source.geometries.filter((geometry) => include(propertyOf(geometry, spec.code)));
  const codeOf = (geometry: GeometryObject) => propertyOf(geometry, spec.code);
  return mesh(topology, { type: 'GeometryCollection', geometries }, (a, b) => a !== b && groupOf(codeOf(a)) !== groupOf(codeOf(b)));
}

const cache = new Map<string, PreparedTopology>();

/** Reads and prepares a boundary file once per build. */
export function preparedBoundaries(boundaryDir: string, layer: BoundaryLayerName): PreparedTopology {
  const spec = boundaryLayers[layer];
  const objects = Object.values(boundaryLayers).filter((other) => other.file === spec.file).map((other) => other.object);
  const path = join(boundaryDir, spec.file);
  let prepared = cache.get(path);
  if (!prepared) {
    const topology = JSON.parse(readFileSync(path, 'utf8')) as AnyTopology;
    prepared = prepareTopology(topology, objects);
    cache.set(path, prepared);
  }
  return prepared;
}
