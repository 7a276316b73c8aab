import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COUNTY_BOUNDARIES, PREFECTURE_BOUNDARIES } from '../../schemas/geo.ts';

/** The adcodes that have a polygon in the boundary files, by administrative level. */
export interface AdcodeIndex {
  county: ReadonlySet<string>;
  prefecture: ReadonlySet<string>;
  province: ReadonlySet<string>;
}


interface TopologyFile {
  objects: Record<string, { geometries: { properties?: Record<string, unknown> }[] }>;
}

function codes(topology: TopologyFile, object: string, property: string): Set<string> {
  const layer = topology.objects[object];
  if (!layer) throw new Error(`boundary file has no layer "${object}"`);
  return new Set(layer.geometries.map((geometry) => String(geometry.properties?.[property] ?? '')));
}

/** Reads the adcodes of `data/boundaries/`: counties (2021), prefectures and provinces (2023). */
export function loadAdcodeIndex(boundaryDir: string): AdcodeIndex {
  const read = (file: string) => JSON.parse(readFileSync(join(boundaryDir, file), 'utf8')) as TopologyFile;
  const counties = read(COUNTY_BOUNDARIES);
  const prefectures = read(PREFECTURE_BOUNDARIES);
  return {
    county: codes(counties, 'county', 'CODE'),
    prefecture: codes(prefectures, 'prefectures', '区划码'),
    province: codes(prefectures, 'provinces', '区划码'),
  };
}
