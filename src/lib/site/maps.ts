import { getCollection } from 'astro:content';
import { columnMaps, curatedMaps, PROVINCE_COUNTY_DATASET, provinceCountyMapId, provinceCountyMaps, type Province } from '../../maps/catalogue.ts';
import { groupMapPages } from '../../maps/group-maps.ts';
import { buildMapModel, type MapModel, type MapRow } from '../../maps/model.ts';
import type { MapSpec } from '../../schemas/map.ts';
import { boundaryDir } from '../data/paths.ts';
import { ethnicGroups } from './groups/catalogue.ts';
import { groupMapRows } from './groups/map-rows.ts';
import { groupTable } from './groups/tables.ts';
import { placeAdcodes, placeHref } from './places.ts';
import { datasetMeta, datasetRows, rowsOfShape } from './rows.ts';


let provinceList: Province[] | undefined;

/** The 31 provinces, from the province rows of the national county table, in adcode order. */
export async function provinces(): Promise<Province[]> {
  provinceList ??= (await rowsOfShape('county-census', PROVINCE_COUNTY_DATASET))
    .filter((row) => row.geoLevel === 'province')
    .flatMap((row) => {
      const { adcode, province } = row.values;
      return typeof adcode === 'string' && typeof province === 'string' ? [{ code: adcode, name: province }] : [];
    })
    .sort((a, b) => a.code.localeCompare(b.code));
  return provinceList;
}

/** One county map per province (see `provinceCountyMaps`). */
export async function provinceCountyMapSpecs(): Promise<MapSpec[]> {
  return provinceCountyMaps(await provinces());
}

/** Every province with the address of its county map, for the list on the national map. */
export async function provinceCountyMapLinks(): Promise<{ name: string; href: string }[]> {
  return (await provinces()).map((province) => ({ name: province.name, href: `/maps/${provinceCountyMapId(province.code)}/` }));
}

/** Every map the site publishes: the curated ones, one county map per province, one per numeric column of the mapped datasets, then the ethnic groups' maps. */
export async function allMapSpecs(): Promise<MapSpec[]> {
  const datasets = (await getCollection('datasets')).map((entry) => entry.data);
  return [...curatedMaps, ...(await provinceCountyMapSpecs()), ...columnMaps(datasets), ...groupMapPages(ethnicGroups())];
}

/** The rows a map is drawn from: the dataset's, or for a map of one ethnic group, that group's rows with each place's total. */
async function mapRows(spec: MapSpec): Promise<readonly MapRow[]> {
  return spec.group === undefined ? datasetRows(spec.dataset) : groupMapRows(await groupTable(spec.dataset), spec.group, spec.level);
}

const models = new Map<string, Promise<MapModel>>();

/**
 * The model of one map, ready for src/components/map/ChoroplethMap.astro. Built once per
 * build (a map id names one spec): the map page, its table page and both its embeds share it.
 */
export function mapModel(spec: MapSpec): Promise<MapModel> {
  let model = models.get(spec.id);
  if (!model) {
    model = buildModel(spec);
    models.set(spec.id, model);
  }
  return model;
}

async function buildModel(spec: MapSpec): Promise<MapModel> {
  const meta = await datasetMeta(spec.dataset);
  const rows = await mapRows(spec);
  const places = new Set(await placeAdcodes());
  try {
    return buildMapModel(
      spec,
      rows,
      {
        dataset: meta.id,
        title: meta.title,
        publisher: meta.publisher,
        date: meta.source.date,
        file: meta.publishedFile,
        unmatchedAdcodes: meta.unmatchedAdcodes.map((entry) => entry.adcode),
        status: meta.status,
      },
      { boundaryDir: boundaryDir(), profileOf: (code) => (places.has(code) ? placeHref(code) : undefined), groupNames: ethnicGroups().map((group) => group.name) },
    );
  } catch (cause) {
    throw new Error(`map ${spec.id} could not be built`, { cause });
  }
}

/** The model of the map with `id`; throws when there is none. */
export async function mapModelById(id: string): Promise<MapModel> {
  const spec = (await allMapSpecs()).find((candidate) => candidate.id === id);
  if (!spec) throw new Error(`no map with id ${id}`);
  return mapModel(spec);
}

/** Id of the data table on a map's page. */
export const MAP_TABLE_ID = 'map-table';

/** Where a map's data table is: on the map page, or on a page of its own for maps with thousands of regions. */
export function mapTableHref(model: Pick<MapModel, 'id' | 'tableOnOwnPage'>): string {
  return model.tableOnOwnPage ? `/maps/${model.id}/table/` : `#${MAP_TABLE_ID}`;
}
