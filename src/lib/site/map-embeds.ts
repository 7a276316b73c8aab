import { getEntry } from 'astro:content';
import { curatedMaps } from '../../maps/catalogue.ts';
import type { MapSpec } from '../../maps/model.ts';
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
