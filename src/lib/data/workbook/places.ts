import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { WorkbookSpec } from '../../../schemas/workbook.ts';
import { foldName } from './labels.ts';
import type { WorkbookRow } from './read.ts';

/**
 * Place names → adcodes. The census tables print names only; the 2010 county table
 * (data/reference/china_counties_2010.csv) has every 2010 province, prefecture and county
 * with its code. A county is looked for under the prefecture printed above it, so a name
 * that recurs (城关区 in 兰州市 and in 拉萨市) finds the right one.
 */

export type PlaceLevel = 'nation' | 'province' | 'prefecture' | 'county';

export interface Place {
  adcode: string;
  /** The 2010 name, folded. */
  name: string;
  level: Exclude<PlaceLevel, 'nation'>;
  /** The prefecture (or, where there is none, the province) it belongs to. */
  parent: string | undefined;
}

/** Places of a 2010 county table: its first two columns, 地区 and 区划代码; rows without a code are left out. */
export function parsePlaces(csvText: string): Place[] {
  const parsed = Papa.parse<string[]>(csvText, { skipEmptyLines: true });
  const rows = parsed.data.slice(1).filter((row) => /^\d{6}$/.test((row[1] ?? '').trim()));
  const codes = new Set(rows.map((row) => (row[1] ?? '').trim()));
  return rows.map((row) => {
    const adcode = (row[1] ?? '').trim();
    const level = adcode.endsWith('0000') ? 'province' : adcode.endsWith('00') ? 'prefecture' : 'county';
    const prefecture = `${adcode.slice(0, 4)}00`;
    const parent = level === 'province' ? undefined : level === 'county' && codes.has(prefecture) ? prefecture : `${adcode.slice(0, 2)}0000`;
    return { adcode, name: foldName(row[0] ?? ''), level, parent };
  });
}

export function loadPlaces(path: string): Place[] {
  return parsePlaces(readFileSync(path, 'utf8'));
}

/** What a row's name was joined to, or why it was not. */
export interface PlaceMatch {
  rowNumber: number;
  name: string;
  level: PlaceLevel;
  adcode: string | undefined;
  /** Why there is no code, or a note on how the code was found. */
  note?: string;
}

export interface PlaceMatching {
  matches: PlaceMatch[];
  /** Rows that found no code and are not declared in places.unmatched. */
  unmatched: PlaceMatch[];
  /** Places of the 2010 table under this province (or national) that no row names. */
  absent: Place[];
}

const PROVINCE_SUFFIXES = ['', '省', '市', '自治区', '壮族自治区', '回族自治区', '维吾尔自治区'];

/** A province's 2010 entry for a printed name: full (`内蒙古自治区`) or short (`内 蒙 古`). */
function findProvince(provinces: readonly Place[], name: string): Place | undefined {
  return provinces.find((place) => PROVINCE_SUFFIXES.some((suffix) => place.name === name + suffix));
}

function finish(matches: PlaceMatch[], expected: readonly Place[]): PlaceMatching {
  const found = new Set(matches.map((match) => match.adcode));
  return {
    matches,
    unmatched: matches.filter((match) => match.adcode === undefined && match.level !== 'nation' && match.note === undefined),
    absent: expected.filter((place) => !found.has(place.adcode)),
  };
}

/** Rows naming provinces (and the national row) → province codes. */
export function matchProvinces(rows: readonly WorkbookRow[], places: readonly Place[]): PlaceMatching {
  const provinces = places.filter((place) => place.level === 'province');
  const matches = rows.map((row): PlaceMatch => {
    if (row.isTotal) return { rowNumber: row.rowNumber, name: row.name, level: 'nation', adcode: undefined };
    const place = findProvince(provinces, row.name);
    return { rowNumber: row.rowNumber, name: row.name, level: 'province', adcode: place?.adcode };
  });
  return finish(matches, provinces);
}

/**
 * Rows naming one province's prefectures (unindented) and counties (indented under them)
 * → codes; the total row is the province. Names declared in places.unmatched carry their note.
 */
export function matchPrefecturesAndCounties(rows: readonly WorkbookRow[], places: readonly Place[], spec: NonNullable<WorkbookSpec['places']>): PlaceMatching {
  const province = spec.province ?? '';
  const inProvince = places.filter((place) => place.adcode.slice(0, 2) === province.slice(0, 2));
  const prefectures = inProvince.filter((place) => place.level === 'prefecture');
  const counties = inProvince.filter((place) => place.level === 'county');
  const declared = spec.unmatched;
  let prefecture: Place | undefined;
  let prefectureName = '';
  const matches = rows.map((row): PlaceMatch => {
    const base = { rowNumber: row.rowNumber, name: row.name };
    if (row.isTotal) return { ...base, level: 'province', adcode: inProvince.find((place) => place.level === 'province')?.adcode };
    const acknowledged = (level: PlaceLevel): PlaceMatch => {
      const entry = declared.find((item) => foldName(item.name) === row.name && (item.under === undefined || foldName(item.under) === prefectureName));
      return { ...base, level, adcode: undefined, ...(entry ? { note: entry.note } : {}) };
    };
    if (row.indent === 0) {
      prefecture = prefectures.find((place) => place.name === row.name);
      prefectureName = row.name;
      return prefecture ? { ...base, level: 'prefecture', adcode: prefecture.adcode } : acknowledged('prefecture');
    }
    const under = counties.find((place) => place.parent === prefecture?.adcode && place.name === row.name);
    if (under) return { ...base, level: 'county', adcode: under.adcode };
    const elsewhere = counties.filter((place) => place.name === row.name);
    if (elsewhere.length === 1 && elsewhere[0]) {
      return { ...base, level: 'county', adcode: elsewhere[0].adcode, note: `printed under ${prefectureName}, listed under ${elsewhere[0].parent ?? '?'} in the 2010 table` };
    }
    return acknowledged('county');
  });
  return finish(matches, [...prefectures, ...counties]);
}
