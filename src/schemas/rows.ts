import { z } from 'astro/zod';
import { adcodeSchema, cellSchema, countSchema, measureSchema, shareSchema, textCellSchema } from './cell.ts';
import { geoLevelSchema } from './geo.ts';

/**
 * Row shapes. A dataset's metadata names one of these in `rowSchema`; the data check
 * validates every normalised row against it, and pages get the inferred types.
 * Keys are the `key`s of the metadata columns. Adding a shape is one schema here and one
 * entry in `rowSchemas`: pages read every dataset's rows the same way (src/lib/site/rows.ts).
 */

/** Census population and minority share, 2020 joined to 2010 on adcode (Gansu, provinces). */
export const populationRowSchema = z.object({
  /** 区划代码; missing for the national row. */
  adcode: adcodeSchema,
  /** 省. */
  province: z.string(),
  /** 市 (地级): the prefecture, or the province's own name on province rows. */
  prefecture: z.string(),
  /** 区县: the county-level unit, or the parent's name on aggregate rows. */
  county: z.string(),
  /** 常住人口 2020, persons. */
  population2020: countSchema,
  /** 少数民族人口比重 2020 as a fraction 0–1 (published in %, to 0.01 %). */
  minorityShare2020: shareSchema,
  /** 城镇人口 2020, persons. */
  urbanPopulation2020: countSchema,
  /** 乡村人口 2020, persons. */
  ruralPopulation2020: countSchema,
  /** Name of the unit in the 2010 tabulation; blank where it did not exist then. */
  name2010: textCellSchema,
  /** 常住人口 2010, persons. */
  population2010: countSchema,
  /** 少数民族人口比重 2010 as a fraction 0–1. */
  minorityShare2010: shareSchema,
  /** 户籍人口 2010, persons. */
  registeredPopulation2010: countSchema,
});
export type PopulationRow = z.infer<typeof populationRowSchema>;

/**
 * The 2020 county tabulation: a typed core that pages rely on, plus every other published
 * column (education, industry, occupation, …) as normalised cells under its metadata key.
 * The data check validates the core keys with zod; the catch-all cells were already typed
 * by the normaliser from their metadata column (checking 147 columns twice tripled the
 * check's time), see `validateRow`.
 */
export const countyCensusRowSchema = z
  .object({
    adcode: adcodeSchema,
    province: z.string(),
    prefecture: z.string(),
    county: z.string(),
    /** 人口数_合计, persons. */
    population: countSchema,
    /** 少数民族人口比重 as a fraction 0–1. */
    minorityShare: shareSchema,
  })
  .catchall(cellSchema);
export type CountyCensusRow = z.infer<typeof countyCensusRowSchema>;

/** Lanzhou's largest minority groups (2010 census, as published by the city). */
export const ethnicGroupRowSchema = z.object({
  /** 位次 by population, 1 = largest. */
  rank: z.number().int().positive(),
  /** 民族, e.g. 回族. */
  ethnicGroup: z.string().regex(/族$/, 'a group name ending in 族'),
  /** 人口, persons. */
  population: z.number().int().positive(),
});
export type EthnicGroupRow = z.infer<typeof ethnicGroupRowSchema>;

/** One figure from a published report, with the sentence it comes from. */
export const reportFigureRowSchema = z.object({
  /** Stable id of the figure, used in links from the news article. */
  figure: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  /** 指标: what is counted, in Chinese. */
  label: z.string().min(1),
  /** The number as published. */
  value: measureSchema,
  /** Unit as published: 万元, 人, 人次, 天, 名. */
  unit: z.string().min(1),
  /** Year the figure refers to. */
  year: z.number().int(),
  /** Section of the report (e.g. 二、立足民生发展，落实补贴扶持). */
  section: z.string().min(1),
  /** The sentence of the report that states the figure, verbatim. */
  quote: z.string().min(1),
});
export type ReportFigureRow = z.infer<typeof reportFigureRowSchema>;

/**
 * A census table read from a workbook, one row per place (or group) and group (or
 * category): its identity columns where the table has them, then its measures (total,
 * male, female; households, share …) as cells. Columns: src/lib/data/workbook/columns.ts.
 */
export const censusTableRowSchema = z
  .object({
    /** 合计, or the part the row comes from: 城市, 镇, 乡村. */
    residence: z.string().optional(),
    /** 区划代码 of the place, joined by name; missing for the nation and rows without a code. */
    adcode: adcodeSchema.optional(),
    /** The place as printed, spaces removed. */
    place: z.string().optional(),
    /** GB/T 3304 code (01–56), 97/98 for the two census categories, `total` for 合计. */
    groupCode: z.string().regex(/^(\d{2}|total)$/).optional(),
    /** The group's standard name (回族), or the table's total label. */
    group: z.string().optional(),
    /** Key of the category (an education level, an industry), `total` for 合计. */
    category: z.string().optional(),
    /** The category's header as printed, spaces removed. */
    categoryLabel: z.string().optional(),
  })
  .catchall(cellSchema);
export type CensusTableRow = z.infer<typeof censusTableRowSchema>;

/** Any dataset without a dedicated shape: every key is a normalised cell. */
export const genericRowSchema = z.record(z.string(), cellSchema);
export type GenericRow = z.infer<typeof genericRowSchema>;

/** The registry of row shapes, by the name `rowSchema` gives in dataset.yaml. */
export const rowSchemas = {
  population: populationRowSchema,
  'county-census': countyCensusRowSchema,
  'ethnic-groups': ethnicGroupRowSchema,
  'report-figures': reportFigureRowSchema,
  'census-table': censusTableRowSchema,
  generic: genericRowSchema,
} as const;
export type RowSchemaName = keyof typeof rowSchemas;
export const rowSchemaNames = Object.keys(rowSchemas) as [RowSchemaName, ...RowSchemaName[]];
/** The values of a row of shape `S`. */
export type RowOf<S extends RowSchemaName> = z.infer<(typeof rowSchemas)[S]>;

/** A row with the way back to the published file: what the data check keeps and pages receive. */
export function sourcedRowSchema<T extends z.ZodType>(values: T) {
  return z.object({
    /** Dataset id (folder under data/). */
    dataset: z.string(),
    /** Position of the row in the dataset, in file order (0 first). */
    index: z.number().int().nonnegative(),
    /** Line of the published file (or row of the sheet) the row starts on. */
    sourceLine: z.number().int().positive(),
    /** Administrative level from the adcode; `none` for rows that are not places. */
    geoLevel: geoLevelSchema,
    /** A subtotal row (e.g. 市辖区): shown, never summed. */
    isSubtotal: z.boolean(),
    /** Normalised values by column key. */
    values,
    /** For a workbook's part (城市, 镇, 乡村): its file, when not the dataset's main file. */
    sourceFile: z.string().optional(),
    /** For a workbook: the cell (A1) of each figure, by column key. */
    sourceCells: z.record(z.string(), z.string()).optional(),
  });
}
/** Any dataset's row, as the data check keeps it and src/lib/site/rows.ts gives it to pages. */
export const datasetRowSchema = sourcedRowSchema(genericRowSchema);
/** A row whose values have the shape `V` (default: any cells). */
export type SourcedRow<V = GenericRow> = { [K in keyof z.infer<typeof datasetRowSchema>]: K extends 'values' ? V : z.infer<typeof datasetRowSchema>[K] };
