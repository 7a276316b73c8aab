import { getCollection, getEntry } from 'astro:content';
import { columnMaps, curatedMaps, placeHref, PROVINCE_COUNTY_DATASET, provinceCountyMapId, provinceCountyMaps, type Province } from '../../maps/catalogue.ts';
import { buildMapModel, type MapModel, type MapRow, type MapSpec } from '../../maps/model.ts';
import { BOUNDARY_DIR } from '../data/check.ts';
import { DATA_ROOT } from '../data/loader.ts';

const boundaryDir = `${DATA_ROOT}/${BOUNDARY_DIR}`;
/** The dataset whose rows have profile pages (src/pages/places/[adcode].astro). */
export const PLACES_DATASET = 'gansu-population-2010-2020';

let provinceList: Province[] | undefined;

/** The 31 provinces, from the province rows of the national county table, in adcode order. */
export async function provinces(): Promise<Province[]> {
  provinceList ??= (await getCollection('countyCensusRows', (entry) => entry.data.dataset === PROVINCE_COUNTY_DATASET && entry.data.geoLevel === 'province'))
    .flatMap((entry) => {
      const { adcode, province } = entry.data.row;
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

/** Every map the site publishes: the curated ones, one county map per province, then one per numeric column of the mapped datasets. */
export async function allMapSpecs(): Promise<MapSpec[]> {
  const datasets = (await getCollection('datasets')).map((entry) => entry.data);
  return [...curatedMaps, ...(await provinceCountyMapSpecs()), ...columnMaps(datasets)];
}

/** Rows of one dataset as the map builder takes them. */
export async function mapRows(dataset: string, rowSchema: string): Promise<MapRow[]> {
  const toRow = (entry: { data: { sourceLine: number; geoLevel: string; isSubtotal: boolean; row: object } }): MapRow => ({
    sourceLine: entry.data.sourceLine,
    geoLevel: entry.data.geoLevel,
    isSubtotal: entry.data.isSubtotal,
    row: entry.data.row as MapRow['row'],
  });
  if (rowSchema === 'population') return (await getCollection('populationRows', (entry) => entry.data.dataset === dataset)).map(toRow);
  if (rowSchema === 'county-census') return (await getCollection('countyCensusRows', (entry) => entry.data.dataset === dataset)).map(toRow);
  throw new Error(`dataset ${dataset}: maps cannot read rows of schema ${rowSchema}`);
}

let profiled: Set<string> | undefined;

/** Adcodes that have a profile page: Gansu's prefectures and county-level units. */
export async function profiledAdcodes(): Promise<Set<string>> {
  profiled ??= new Set(
    (await getCollection('populationRows', (entry) => entry.data.dataset === PLACES_DATASET && (entry.data.geoLevel === 'county' || entry.data.geoLevel === 'prefecture')))
      .map((entry) => entry.data.row.adcode)
      .filter((adcode): adcode is string => typeof adcode === 'string'),
  );
  return profiled;
}

/** The model of one map, ready for src/components/map/ChoroplethMap.astro. */
export async function mapModel(spec: MapSpec): Promise<MapModel> {
  const meta = (await getEntry('datasets', spec.dataset))?.data;
  if (!meta) throw new Error(`map ${spec.id}: no dataset ${spec.dataset}`);
  const rows = await mapRows(spec.dataset, meta.rowSchema);
  const places = await profiledAdcodes();
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
      { boundaryDir, profileOf: (code) => (places.has(code) ? placeHref(code) : undefined) },
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

/** Where a map's data table is: on the map page, or on a page of its own for the national county map. */
export function mapTableHref(model: MapModel): string {
  return model.tableOnOwnPage ? `/maps/${model.id}/table/` : `/maps/${model.id}/#map-table`;
}
