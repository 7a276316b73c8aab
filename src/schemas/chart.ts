import { z } from 'astro/zod';
import { geoLevelSchema } from './geo.ts';

export const chartTypes = ['bar', 'grouped-bar', 'stacked-bar', 'slope', 'small-multiples', 'line'] as const;

/** One series of a chart: a column of the dataset, or a value the site computes from columns. */
export const chartSeriesSchema = z
  .strictObject({
    /** Legend and table label, e.g. 2020 年. */
    label: z.string().min(1),
    /** A column key of the dataset. */
    key: z.string().optional(),
    /** Computed: the sum of these columns (e.g. male + female), labelled 计算 on the site. */
    sum: z.array(z.string()).min(2).optional(),
    /** Computed: the first column divided by the second, labelled 计算 on the site. */
    ratio: z.tuple([z.string(), z.string()]).optional(),
    /** Computed: the second column minus the first (change between two years). */
    difference: z.tuple([z.string(), z.string()]).optional(),
  })
  .refine((series) => [series.key, series.sum, series.ratio, series.difference].filter((part) => part !== undefined).length === 1, {
    message: 'a series needs exactly one of key, sum, ratio or difference',
  });
export type ChartSeries = z.infer<typeof chartSeriesSchema>;

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
    })
    .default({ exclude: [] }),
  /** Column key that names each row (county, ethnicGroup, label). */
  label: z.string().min(1),
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
