import { t } from '../../i18n/ui.ts';
import { buildLocator, type LocatorModel } from '../../maps/locator.ts';
import { boundaryChanged } from '../../maps/measures.ts';
import { numberOf } from '../../schemas/cell.ts';
import type { DatasetEntryData } from '../../schemas/dataset.ts';
import { GANSU, LANZHOU } from '../../schemas/geo.ts';
import type { CountyCensusRow, PopulationRow, SourcedRow } from '../../schemas/rows.ts';
import { boundaryDir } from '../data/paths.ts';
import { placeComposition, type PlaceGroups } from './groups/composition.ts';
import { censusTables } from './groups/tables.ts';
import { keyAreaReport, type ReportQuote } from './place/key-areas.ts';
import { collegeShare, educationParts, industryParts, rankAmong, type Part } from './place/parts.ts';
import { datasetMeta, rowsOfShape } from './rows.ts';

/** The dataset whose rows have profile pages: Gansu's prefectures and county-level units. */
export const PLACES_DATASET = 'gansu-population-2010-2020';
/** The 2020 county tables: education and industry of every place. */
export const CENSUS = 'china-counties-2020';
/** The national row for comparisons. */
export const PROVINCES = 'china-provinces-population-2010-2020';
/** The 2017 work report, which names key communities. */
export const WORK_REPORT = 'lanzhou-work-report-2017';

type PlaceRow = SourcedRow<PopulationRow>;
type CensusRow = SourcedRow<CountyCensusRow>;

/** One row of the comparison table: the place, its prefecture, Lanzhou, Gansu, the nation. */
export interface Comparison {
  label: string;
  /** Profile page, for places other than this one that have one. */
  href: string | undefined;
  population: number | undefined;
  share2020: number | undefined;
  /** Undefined also where boundaries changed (`comparable` false). */
  share2010: number | undefined;
  comparable: boolean;
  urbanShare: number | undefined;
  meanYears: number | undefined;
  collegeShare: number | undefined;
  row: PlaceRow;
  census: CensusRow | undefined;
  /** Which dataset the row is from: the Gansu table or the national row of the provinces table. */
  from: 'gansu' | 'provinces';
}

/** Everything a place's profile page shows, each figure with the row it comes from. */
export interface PlaceProfile {
  adcode: string;
  name: string;
  isCounty: boolean;
  inLanzhou: boolean;
  row: PlaceRow;
  /** Prefecture of a county, for the breadcrumb. */
  parent: { href: string; name: string } | undefined;
  population: number | undefined;
  share2020: number | undefined;
  share2010: number | undefined;
  /** Why 2010 and 2020 are not comparable (boundaries changed), if so. */
  changeReason: string | undefined;
  /** Change in percentage points, computed by the site from the two published shares. */
  change: number | undefined;
  urban: number | undefined;
  rural: number | undefined;
  urbanShare: number | undefined;
  /** Rank of the 2020 share among its peers, highest first. */
  ranks: { scope: string; rank: number; of: number }[];
  comparisons: Comparison[];
  census: CensusRow | undefined;
  education: Part[] | undefined;
  industries: Part[] | undefined;
  meanYears: number | undefined;
  illiteracy: number | undefined;
  locator: LocatorModel;
  keyAreas: { names: string[]; quotes: ReportQuote[] };
  /** 民族构成（2010年）: groups by size and mixed households, or why there are none (兰州新区). */
  groups: PlaceGroups;
  /** County-level units of a prefecture. */
  counties: { adcode: string; name: string }[];
  meta: { gansu: DatasetEntryData; provinces: DatasetEntryData; census: DatasetEntryData; report: DatasetEntryData };
}

export const placeHref = (adcode: string): string => `/places/${adcode}/`;

interface PlaceData {
  places: PlaceRow[];
  byCode: Map<string, PlaceRow>;
  nation: PlaceRow;
  census: Map<string, CensusRow>;
  meta: PlaceProfile['meta'];
}

let loaded: Promise<PlaceData> | undefined;

function placeData(): Promise<PlaceData> {
  loaded ??= (async () => {
    const gansu = await rowsOfShape('population', PLACES_DATASET);
    const nation = (await rowsOfShape('population', PROVINCES)).find((row) => row.geoLevel === 'nation');
    if (!nation) throw new Error(`${PROVINCES}: no national row`);
    const census = new Map(
      (await rowsOfShape('county-census', CENSUS))
        .filter((row) => row.geoLevel === 'nation' || (typeof row.values.adcode === 'string' && row.values.adcode.startsWith(GANSU.slice(0, 2))))
        .map((row) => [typeof row.values.adcode === 'string' ? row.values.adcode : 'nation', row] as const),
    );
    const byCode = new Map(gansu.flatMap((row) => (typeof row.values.adcode === 'string' ? [[row.values.adcode, row] as const] : [])));
    const places = gansu.filter((row) => (row.geoLevel === 'county' || row.geoLevel === 'prefecture') && typeof row.values.adcode === 'string');
    const meta = { gansu: await datasetMeta(PLACES_DATASET), provinces: await datasetMeta(PROVINCES), census: await datasetMeta(CENSUS), report: await datasetMeta(WORK_REPORT) };
    return { places, byCode, nation, census, meta };
  })();
  return loaded;
}

/** Adcodes of every place with a profile page, in file order. */
export async function placeAdcodes(): Promise<string[]> {
  return (await placeData()).places.map((row) => String(row.values.adcode));
}

/** Every prefecture with its county-level units, for the places index. */
export async function placeIndex(): Promise<{ adcode: string; name: string; counties: { adcode: string; name: string }[] }[]> {
  const { places } = await placeData();
  const countiesOf = (prefix: string) =>
    places.filter((row) => row.geoLevel === 'county' && String(row.values.adcode).startsWith(prefix)).map((row) => ({ adcode: String(row.values.adcode), name: row.values.county }));
  return places
    .filter((row) => row.geoLevel === 'prefecture')
    .map((row) => ({ adcode: String(row.values.adcode), name: row.values.prefecture, counties: countiesOf(String(row.values.adcode).slice(0, 4)) }));
}

function urbanShareOf(row: PopulationRow): number | undefined {
  const urban = numberOf(row.urbanPopulation2020);
  const rural = numberOf(row.ruralPopulation2020);
  return urban === undefined || rural === undefined || urban + rural === 0 ? undefined : urban / (urban + rural);
}

function comparison(label: string, href: string | undefined, row: PlaceRow, census: CensusRow | undefined, from: Comparison['from']): Comparison {
  const comparable = boundaryChanged[String(row.values.adcode)] === undefined;
  return {
    label,
    href,
    population: numberOf(row.values.population2020),
    share2020: numberOf(row.values.minorityShare2020),
    share2010: comparable ? numberOf(row.values.minorityShare2010) : undefined,
    comparable,
    urbanShare: urbanShareOf(row.values),
    meanYears: census ? numberOf(census.values['meanYearsOfSchooling']) : undefined,
    collegeShare: census ? collegeShare(educationParts(census.values)) : undefined,
    row,
    census,
    from,
  };
}

/** Where a place's 2020 share ranks: among Gansu's counties (and Lanzhou's), or Gansu's prefectures. */
function ranksOf(place: PlaceRow, share: number | undefined, places: readonly PlaceRow[]): PlaceProfile['ranks'] {
  if (share === undefined) return [];
  const shares = (keep: (row: PlaceRow) => boolean) => places.filter(keep).flatMap((row) => numberOf(row.values.minorityShare2020) ?? []);
  const rank = (scope: (count: number) => string, peers: number[]) => ({ scope: scope(peers.length), rank: rankAmong(share, peers), of: peers.length });
  if (place.geoLevel !== 'county') return [rank((count) => t('place.scope.gansuPrefectures', { count }), shares((row) => row.geoLevel === 'prefecture'))];
  const ranks = [rank((count) => t('place.scope.gansuCounties', { count }), shares((row) => row.geoLevel === 'county'))];
  if (String(place.values.adcode).startsWith(LANZHOU.slice(0, 4))) {
    ranks.push(rank((count) => t('place.scope.lanzhouCounties', { count }), shares((row) => row.geoLevel === 'county' && String(row.values.adcode).startsWith(LANZHOU.slice(0, 4)))));
  }
  return ranks;
}

/** The profile of one Gansu place: its figures, ranks, comparisons, education, industry and key areas. */
export async function placeProfile(adcode: string): Promise<PlaceProfile> {
  const { places, byCode, nation, census, meta } = await placeData();
  const row = byCode.get(adcode);
  const lanzhou = byCode.get(LANZHOU);
  const gansu = byCode.get(GANSU);
  if (!row) throw new Error(`${PLACES_DATASET}: no place ${adcode}`);
  if (!lanzhou || !gansu) throw new Error(`${PLACES_DATASET}: Lanzhou or Gansu row missing`);
  const isCounty = row.geoLevel === 'county';
  const name = isCounty ? row.values.county : row.values.prefecture;
  const prefectureCode = `${adcode.slice(0, 4)}00`;
  const prefecture = isCounty ? byCode.get(prefectureCode) : undefined;
  const share2020 = numberOf(row.values.minorityShare2020);
  const share2010 = numberOf(row.values.minorityShare2010);
  const changeReason = boundaryChanged[adcode];
  const censusRow = census.get(adcode);
  const comparisons = [
    comparison(name, undefined, row, censusRow, 'gansu'),
    ...(prefecture && prefectureCode !== LANZHOU ? [comparison(prefecture.values.prefecture, placeHref(prefectureCode), prefecture, census.get(prefectureCode), 'gansu')] : []),
    ...(adcode !== LANZHOU ? [comparison('兰州市', placeHref(LANZHOU), lanzhou, census.get(LANZHOU), 'gansu')] : []),
    comparison('甘肃省', undefined, gansu, census.get(GANSU), 'gansu'),
    comparison('全国', undefined, nation, census.get('nation'), 'provinces'),
  ];
  return {
    adcode,
    name,
    isCounty,
    inLanzhou: adcode.startsWith(LANZHOU.slice(0, 4)),
    row,
    parent: prefecture ? { href: placeHref(prefectureCode), name: prefecture.values.prefecture } : undefined,
    population: numberOf(row.values.population2020),
    share2020,
    share2010,
    changeReason,
    change: changeReason === undefined && share2020 !== undefined && share2010 !== undefined ? Math.round((share2020 - share2010) * 10000) / 100 : undefined,
    urban: numberOf(row.values.urbanPopulation2020),
    rural: numberOf(row.values.ruralPopulation2020),
    urbanShare: urbanShareOf(row.values),
    ranks: ranksOf(row, share2020, places),
    comparisons,
    census: censusRow,
    education: censusRow ? educationParts(censusRow.values) : undefined,
    industries: censusRow ? industryParts(censusRow.values, meta.census.columns) : undefined,
    meanYears: censusRow ? numberOf(censusRow.values['meanYearsOfSchooling']) : undefined,
    illiteracy: censusRow ? numberOf(censusRow.values['illiteracyRate']) : undefined,
    locator: buildLocator(adcode, boundaryDir()),
    keyAreas: keyAreaReport(adcode),
    groups: placeComposition(await censusTables(), adcode),
    counties: isCounty
      ? []
      : places.filter((other) => other.geoLevel === 'county' && String(other.values.adcode).startsWith(adcode.slice(0, 4))).map((other) => ({ adcode: String(other.values.adcode), name: other.values.county })),
    meta,
  };
}
