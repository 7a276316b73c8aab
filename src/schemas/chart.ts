import { z } from 'astro/zod';
import { geoLevelSchema } from './geo.ts';

export const chartTypes = ['bar', 'grouped-bar', 'stacked-bar', 'slope', 'small-multiples', 'line'] as const;

/** A column key, or a list of column keys whose values are added (e.g. the three kinds of mixed household). */
export const chartPartSchema = z.union([z.string().min(1), z.array(z.string().min(1)).min(2)]);
export type ChartPart = z.infer<typeof chartPartSchema>;

/** One series of a chart: a column of the dataset, or a value the site computes from columns. */
export const chartSeriesSchema = z
  .strictObject({
    /** Legend and table label, e.g. 2020 年. */
    label: z.string().min(1),
    /** A column key of the dataset (with `pivot`: a value of the pivot column, e.g. 回族; with `join`: `<as>.<key>` for the joined dataset's). */
    key: z.string().optional(),
    /** Computed: the sum of these columns (e.g. male + female), labelled 计算 on the site. */
    sum: z.array(z.string()).min(2).optional(),
    /** Computed: the first part (a column, or the sum of a list of columns) divided by the second, labelled 计算 on the site. */
    ratio: z.tuple([chartPartSchema, z.string().min(1)]).optional(),
    /** Computed: the second column minus the first (change between two years). */
    difference: z.tuple([z.string(), z.string()]).optional(),
    /** Computed: the relative change from the first column to the second (second ÷ first − 1), labelled 计算 on the site. */
    change: z.tuple([z.string(), z.string()]).optional(),
  })
  .refine((series) => [series.key, series.sum, series.ratio, series.difference, series.change].filter((part) => part !== undefined).length === 1, {
    message: 'a series needs exactly one of key, sum, ratio, difference or change',
  });
export type ChartSeries = z.infer<typeof chartSeriesSchema>;

/**
 * Turns tidy rows (one per place × group, or group × category) into one chart row per
 * label: the values of `column` become the row's keys, each holding that row's `value`.
 * So `{ column: groupCode, value: total }` makes 兰州市's row `{ '03': 109515, '26': 22134, total: 3616163, … }`.
 */
export const chartPivotSchema = z.strictObject({
  /** Column whose values name the new keys: groupCode, category, residence. */
  column: z.string().min(1),
  /** Measure each new key holds: total, male, female, households, share. */
  value: z.string().min(1),
});
export type ChartPivot = z.infer<typeof chartPivotSchema>;

/**
 * Another dataset read beside the chart's own: its rows are chosen and pivoted as the
 * chart's, matched to them by the label column, and their keys read as `<as>.<key>`
 * (`y2000.合计` beside `合计`), so that a series can compare 2000 with 2010.
 */
export const chartJoinSchema = z.strictObject({
  /** Dataset id (a folder of data/). */
  dataset: z.string().min(1),
  /** The prefix of its keys in series: letters and digits, no dot. */
  as: z.string().regex(/^[\p{L}\p{N}_]+$/u, 'letters, digits or _ (no dot)'),
});
export type ChartJoin = z.infer<typeof chartJoinSchema>;

/**
 * A chart, declared as content in `data/charts/<id>.yaml`: an editor adds a chart without
 * touching TypeScript, and the data check fails a chart that names a missing dataset or column.
 */
export const chartSpecSchema = z.strictObject({
  /** Equals the file name; used in URLs (/charts/<id>/), never changes once published. */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by hyphens'),
  /** Whole-number version of the chart itself; pinned URLs carry it with the dataset's version. */
  version: z.number().int().positive(),
  type: z.enum(chartTypes),
  /** The finding, stated as a sentence: what the reader should see. */
  title: z.string().min(1),
  /** What is measured, the unit and the period. */
  subtitle: z.string().min(1),
  /** Dataset id (a folder of data/). */
  dataset: z.string().min(1),
  /** Which rows to draw. */
  rows: z
    .strictObject({
      /** Administrative level of the rows (county, prefecture, province, …). */
      level: geoLevelSchema.optional(),
      /** Only rows whose adcode starts with this. */
      adcodePrefix: z.string().regex(/^\d{2,6}$/).optional(),
      /** Leave out rows whose label or adcode is listed, e.g. units whose boundaries changed. */
      exclude: z.array(z.string()).default([]),
      /** Only rows whose label is listed, in this order. */
      only: z.array(z.string()).optional(),
      /**
       * Only rows whose column holds this text (or one of these texts), e.g.
       * `{ residence: 合计, groupCode: ['03', '26'] }`: how a chart picks from a tidy table.
       */
      where: z.record(z.string(), z.union([z.string(), z.array(z.string()).min(1)])).optional(),
    })
    .default({ exclude: [] }),
  /** Column key that names each row (county, ethnicGroup, label; place or group in a tidy table). */
  label: z.string().min(1),
  /** For a tidy table: how its rows with the same label become one chart row (see chartPivotSchema). */
  pivot: chartPivotSchema.optional(),
  /** Other datasets whose rows (chosen and pivoted alike) are matched by label; see chartJoinSchema. */
  join: z.array(chartJoinSchema).default([]),
  series: z.array(chartSeriesSchema).min(1),
  /** How values are printed: shares as %, counts with separators, or plain numbers. */
  format: z.enum(['percent', 'points', 'integer', 'number']),
  /** Unit as shown after numbers and in the table header (人, 万元, 个百分点); not for percent. */
  unit: z.string().default(''),
  sort: z.enum(['descending', 'ascending', 'none']).default('descending'),
  /** Notes shown under the chart: caveats, definitions, why rows are left out. */
  notes: z.array(z.string().min(1)).default([]),
  /** Search facets: topics of the chart. */
  topics: z.array(z.string()).default([]),
});
export type ChartSpec = z.infer<typeof chartSpecSchema>;
