import { getEntry } from 'astro:content';
import { curatedMaps } from '../../maps/catalogue.ts';
import type { MapModel } from '../../maps/model.ts';
import type { MapSpec } from '../../schemas/map.ts';
import { versionKey } from './charts.ts';

/** Map specs have no version of their own yet: 1. */
const MAP_VERSION = 1;

/** The curated maps (not the one-per-column ones) are offered for embedding, with their pinned version key. */
export async function embeddableMaps(): Promise<{ spec: MapSpec; version: string }[]> {
  return Promise.all(
    curatedMaps.map(async (spec) => {
      const dataset = await getEntry('datasets', spec.dataset);
      if (!dataset) throw new Error(`map ${spec.id}: no dataset ${spec.dataset}`);
      return { spec, version: versionKey(MAP_VERSION, dataset.data.version) };
    }),
  );
}

export function mapEmbedPaths(id: string, version: string) {
  return { latest: `/embed/maps/${id}/`, pinned: `/embed/maps/${id}/${version}/` };
}

/**
 * Default iframe heights for a map embed, before the resizer sets the exact one: the map
 * scales with the frame (336 px of map on a phone, 640 on a wide column), the legend,
 * notes and source below it do not.
 */
export function mapEmbedHeights(model: Pick<MapModel, 'width' | 'height'>): { narrow: number; wide: number } {
  return { narrow: Math.round((model.height * 336) / model.width + 420), wide: Math.round((model.height * 640) / model.width + 320) };
}
