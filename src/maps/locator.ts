import { merge } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { fitProjection, fittedHeight, minWeightFor, pathOf, unitsPerDegree } from './projection.ts';
import { groupEdgesOf, layerFeatures, outlineOf, preparedBoundaries, simplifyPrepared } from './topology.ts';

/** A small map that shows where a place lies in its province. */
export interface LocatorModel {
  width: number;
  height: number;
  /** The province's outline and its prefecture edges. */
  context: string;
  /** The place itself. */
  self: string;
}

const WIDTH = 240;
const PADDING = 4;
const DETAIL = 1;
const STEP = 0.5;

let base: { topology: Topology; projection: ReturnType<typeof fitProjection>; height: number; context: string } | undefined;

/**
 * Locator for a county-level unit or a prefecture of the province `62` (Gansu), from the
 * county boundary file only, so that the place and its context line up exactly; a
 * prefecture is the union of its counties.
 */
export function buildLocator(adcode: string, boundaryDir: string, province = '62'): LocatorModel {
  if (!base) {
    const prepared = preparedBoundaries(boundaryDir, 'county');
    const inProvince = (code: string) => code.startsWith(province);
    const full = layerFeatures(prepared.topology, 'county', inProvince);
    const height = fittedHeight('mercator', full, WIDTH, PADDING);
    const projection = fitProjection('mercator', full, { width: WIDTH, height, padding: PADDING });
    const topology = simplifyPrepared(prepared, minWeightFor(unitsPerDegree(projection, full), DETAIL)) as unknown as Topology;
    const edges = groupEdgesOf(topology as never, 'county', inProvince, (code) => code.slice(0, 4));
    const outline = outlineOf(topology as never, 'county', inProvince);
    base = { topology, projection, height, context: `${pathOf(projection, outline, STEP)}${pathOf(projection, edges, STEP)}` };
  }
  const county = adcode.endsWith('00') ? undefined : adcode;
  const collection = base.topology.objects['county'] as GeometryCollection;
  const members = collection.geometries.filter((geometry) => {
    const code = String((geometry.properties as Record<string, unknown> | undefined)?.['CODE'] ?? '');
    return county ? code === county : code.startsWith(adcode.slice(0, 4));
  });
  if (members.length === 0) throw new Error(`locator: no polygon for adcode ${adcode}`);
  const shape = merge(base.topology, members as never);
  return { width: WIDTH, height: base.height, context: base.context, self: pathOf(base.projection, shape, STEP) };
}
