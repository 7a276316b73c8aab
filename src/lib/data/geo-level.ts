import type { GeoLevel } from '../../schemas/geo.ts';

const NATION_NAMES = new Set(['全国', '中国', '中华人民共和国']);

/**
 * `620000` is a province, `620100` a prefecture, `620102` a county-level unit. A row
 * with no adcode is the national row when it is named 全国, else a county-level unit
 * the publisher gave no code (development zones in the 2020 tabulation).
 */
export function geoLevelOf(adcode: string | undefined, name: string | undefined): GeoLevel {
  if (adcode === undefined) return name !== undefined && NATION_NAMES.has(name) ? 'nation' : 'county';
  if (adcode.endsWith('0000')) return 'province';
  if (adcode.endsWith('00')) return 'prefecture';
  return 'county';
}
