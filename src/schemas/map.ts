import { z } from 'astro/zod';
import { placeLevelSchema } from './geo.ts';

/** A row's published values by column key, as a measure reads them. */
export type RowValues = Readonly<Record<string, unknown>>;

/**
 * `quantile`: each class holds about the same number of regions, which suits skewed measures
 * such as minority share. `quantile-diverging`: quantiles on each side of zero, for change maps.
 */
export const classMethodSchema = z.enum(['quantile', 'quantile-diverging']);
export type ClassMethod = z.infer<typeof classMethodSchema>;

/**
 * `mercator` for a city or a province (it lines up with Web Mercator tiles, should a
 * deployment add them); `albers-china` for national maps: equal-area.
 */
export const projectionNameSchema = z.enum(['mercator', 'albers-china']);
export type ProjectionName = z.infer<typeof projectionNameSchema>;

/** The boundary layers maps are drawn from (see src/maps/topology.ts for their files). */
export const boundaryLayerNameSchema = z.enum(['county', 'prefecture', 'province']);
export type BoundaryLayerName = z.infer<typeof boundaryLayerNameSchema>;

const fn = <T extends (...args: never[]) => unknown>() => z.custom<T>((value) => typeof value === 'function', 'a function');

/** What a map shows for each region, how it is classed, and how its values read. */
export const measureSchema = z.object({
  /** Stable key, used in map ids. */
  key: z.string().min(1),
  /** What is measured, as a legend title: 少数民族人口比重（2020年）. */
  label: z.string().min(1),
  /** Short form for accessible names and table headers. */
  shortLabel: z.string().min(1),
  /** Unit as shown after numbers; '' when the formatted value carries it (%). */
  unit: z.string(),
  classMethod: classMethodSchema,
  /** The number for a row, or the reason it has none. */
  value: fn<(row: RowValues, adcode: string) => number | { reason: string }>(),
  format: fn<(value: number) => string>(),
  /** Set when the site computed the value rather than reading it: says how. */
  derivation: z.string().optional(),
  /** How regions are ranked, in words: 按比重从高到低. */
  rankLabel: z.string().min(1),
});
export type Measure = z.infer<typeof measureSchema>;

/** Which map: the regions, the data, the measure and the drawing. */
export const mapSpecSchema = z.object({
  /** Stable id: the URL /maps/<id>/ and /embed/maps/<id>/. */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  title: z.string().min(1),
  /** One sentence for the page description and the figure caption. */
  description: z.string().min(1),
  /** Dataset the values come from. */
  dataset: z.string().min(1),
  layer: boundaryLayerNameSchema,
  /** Administrative level of the rows joined to the layer. */
  level: placeLevelSchema,
  /** Regions shown: adcodes starting with this ('' for the whole country). */
  prefix: z.string().regex(/^\d{0,6}$/),
  projection: projectionNameSchema,
  measure: measureSchema,
  /** Number of classes in the legend (fewer when values tie). */
  classes: z.number().int().min(2),
  /** Width of the viewBox in SVG units; the height follows the map's shape. */
  width: z.number().positive(),
  /** Detail smaller than this many square SVG units is simplified away. */
  detail: z.number().nonnegative(),
  /** Coordinates are rounded to this many SVG units. */
  step: z.number().positive(),
  /** Draw heavier lines between regions of different prefectures or provinces. */
  edgesBy: z.enum(['prefecture', 'province']).optional(),
  /** The set regions are ranked in, for accessible names: 兰州市 9 个县级单位. */
  rankScope: z.string().min(1),
  /** Prefix the province to region names (national county maps, where names repeat). */
  nameWithProvince: z.boolean().optional(),
  /** The data table is a page of its own (maps with thousands of regions). */
  tableOnOwnPage: z.boolean().optional(),
  /** Short accessible names (place, value, rank only), for maps with thousands of regions. */
  compactLabels: z.boolean().optional(),
  /**
   * The province a map covers, as the rows' `province` column names it (甘肃省): its rows
   * that cannot be drawn are listed in the notes, and on a county map a prefecture row
   * whose adcode is itself a county polygon (东莞市 441900) is drawn as that polygon.
   */
  provinceName: z.string().optional(),
  /**
   * An ethnic group's code (03 回族): the map is of that group, and its rows are the group's
   * rows of `dataset` (a census table by place × group), each with its place's total
   * (src/lib/site/groups/map-rows.ts), rather than the dataset's rows as they are.
   */
  group: z.string().regex(/^\d{2}$/).optional(),
});
export type MapSpec = z.infer<typeof mapSpecSchema>;
