import { z } from 'astro/zod';

/**
 * Administrative level of a row, read from its adcode (区划代码): `620000` a province,
 * `620100` a prefecture, `620102` a county-level unit; `nation` the national row; `none`
 * a row that is not a place (a figure of a report, an ethnic group).
 */
export const geoLevels = ['nation', 'province', 'prefecture', 'county', 'none'] as const;
export const geoLevelSchema = z.enum(geoLevels);
export type GeoLevel = z.infer<typeof geoLevelSchema>;

/** Levels a map or a sum check can be drawn at: places with polygons. */
export const placeLevels = ['province', 'prefecture', 'county'] as const;
export const placeLevelSchema = z.enum(placeLevels);
export type PlaceLevel = z.infer<typeof placeLevelSchema>;

/** Lanzhou (兰州市) and Gansu (甘肃省): the places the site is about. */
export const LANZHOU = '620100';
export const GANSU = '620000';

/** The boundary files in `data/boundaries/`: counties as of 2021, prefectures and provinces as of 2023. */
export const COUNTY_BOUNDARIES = 'china_counties_2021_wgs84.topojson';
export const PREFECTURE_BOUNDARIES = 'china_provinces_prefectures_2023.topojson';
