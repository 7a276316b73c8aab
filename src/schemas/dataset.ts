import { z } from 'astro/zod';
import { missingReasonSchema, missingReasons } from './cell.ts';
import { geoLevelSchema, placeLevelSchema } from './geo.ts';
import { rowSchemaNames } from './rows.ts';
import { workbookSpecSchema } from './workbook.ts';

/**
 * How a published column is read. `percent` and `permille` are stored as fractions 0–1;
 * `adcode` is a six-digit 区划代码 kept as text.
 */
export const columnTypes = ['adcode', 'text', 'integer', 'number', 'percent', 'permille', 'fraction', 'year'] as const;
export const columnTypeSchema = z.enum(columnTypes);
export type ColumnType = z.infer<typeof columnTypeSchema>;
/** Column types that hold a quantity: mapped, charted, summed. */
export const measureColumnTypes: readonly ColumnType[] = ['integer', 'number', 'percent', 'permille', 'fraction'];
/** Column types read as numbers: the quantities and `year`, which is right-aligned but never mapped. */
export const numericColumnTypes: readonly ColumnType[] = [...measureColumnTypes, 'year'];

const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date as YYYY, YYYY-MM or YYYY-MM-DD');

/** One column of the published file, and how the site reads it. */
export const columnSchema = z.strictObject({
  /** The header exactly as published (line breaks and spaces are ignored when matching). */
  source: z.string().min(1),
  /** The key the site uses for this column: lowerCamelCase English. */
  key: z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'a lowerCamelCase key such as minorityShare2020'),
  /** How cells are read and validated. */
  type: columnTypeSchema,
  /** Unit shown to readers, e.g. 人, %, 万元. Omitted for codes and names. */
  unit: z.string().optional(),
  /** What the column means, in Chinese, as the publisher defines it. */
  meaning: z.string().min(1),
  /**
   * Cells may carry 万 or 亿 after the number (`12.5万`); they are multiplied out.
   * Off by default so that a stray unit is reported rather than guessed.
   */
  allowScaleSuffix: z.boolean().default(false),
  /** The column is published in 万 or 亿 without a suffix; values are multiplied out. */
  scale: z.enum(['万', '亿']).optional(),
  /** A missing value in this column is an error (e.g. a place name). */
  required: z.boolean().default(false),
});
export type ColumnMeta = z.infer<typeof columnSchema>;

/** Where the figures were first published, and how to cite them. */
export const sourceSchema = z.strictObject({
  /** Title of the publication, e.g. 中国人口普查分县资料-2020. */
  title: z.string().min(1),
  /** Who published it, e.g. 国家统计局. */
  publisher: z.string().min(1),
  /** When it was published (YYYY, YYYY-MM or YYYY-MM-DD). */
  date: isoDate,
  /**
   * Where it can be found, if online: an http(s) address only. Downloads and the JSON index
   * hand it to readers to follow, so `javascript:`, `data:` and other schemes are refused.
   */
  url: z.httpUrl({ error: 'an http:// or https:// address (javascript:, data: and other schemes are refused)' }).optional(),
  /** Who digitised or transcribed it, and from which file and revision. */
  via: z.string().optional(),
});

/** The dataset's metadata file `data/<id>/dataset.yaml`: the publisher's interface. */
export const datasetMetaSchema = z.strictObject({
  /** Equals the folder name; used in URLs, so never changes once published. */
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case words joined by hyphens'),
  /** A view: the id of the dataset whose metadata and published file this one reuses. */
  basedOn: z.string().optional(),
  /** `real` for published statistics; `sample` for illustration only, labelled 示例数据 everywhere. */
  status: z.enum(['real', 'sample']),
  /** Whole-number version; a new version of the data gets new URLs. */
  version: z.number().int().positive(),
  /** When the site last changed this dataset (YYYY-MM-DD). */
  updated: isoDate,
  /** Chinese title. */
  title: z.string().min(1),
  /** English title, for the English edition. */
  titleEn: z.string().min(1),
  /** One paragraph: what the data is and what it covers. */
  summary: z.string().min(1),
  /** The organisation that published the figures. */
  publisher: z.string().min(1),
  /** The publication the figures come from. */
  source: sourceSchema,
  /** Licence and the attribution it asks for. */
  licence: z.strictObject({
    name: z.string().min(1),
    attribution: z.string().min(1),
  }),
  /** Geography covered. */
  geography: z.strictObject({
    /** Area, e.g. 兰州市, 甘肃省, 全国. */
    area: z.string().min(1),
    /** Administrative levels present in the rows. */
    levels: z.array(geoLevelSchema).min(1),
    /** Row filter: keep only rows whose adcode starts with this (a view on a larger file). */
    adcodePrefix: z.string().regex(/^\d{2,6}$/).optional(),
  }),
  /** Period covered, e.g. "2010、2020". */
  period: z.string().min(1),
  /** The published file in the folder: a CSV, or a workbook (.xls, .xlsx) read as `workbook` declares. */
  file: z.string().min(1),
  /**
   * For a published workbook: which sheet, which rows are headers, what the rows and columns
   * name (src/schemas/workbook.ts). Its tidy `columns` are derived from this, not written.
   */
  workbook: workbookSpecSchema.optional(),
  /**
   * `auto` detects UTF-8 (with or without BOM), UTF-16 with BOM and GB18030/GBK;
   * naming an encoding reads it strictly as that.
   */
  encoding: z.enum(['auto', 'utf-8', 'gb18030', 'utf-16le', 'utf-16be']).default('auto'),
  /**
   * The row shape in src/schemas/rows.ts the rows must satisfy. `generic` (the default)
   * takes any columns: the dataset gets its page, table, downloads and search entry
   * without code; a named shape is for datasets that pages read by key.
   */
  rowSchema: z.enum(rowSchemaNames).default('generic'),
  /** Every column of the published file, in any order; unlisted columns are an error. (Derived for a workbook.) */
  columns: z.array(columnSchema).min(1),
  /** Only these columns are kept (by key); the rest are checked but not shipped. Default: all. */
  keep: z.array(z.string()).optional(),
  /** Markers that mean "missing" in this file, beyond the standard ones. */
  missingMarkers: z.record(z.string(), missingReasonSchema).default({}),
  /** Rows whose `column` equals one of `values` are subtotals (e.g. 市辖区), never summed. */
  subtotals: z.array(z.strictObject({ column: z.string(), values: z.array(z.string()).min(1) })).default([]),
  /** Adcodes known to be absent from the boundary files, each with the reason. */
  unmatchedAdcodes: z.array(z.strictObject({ adcode: z.string().regex(/^\d{6}$/), note: z.string().min(1) })).default([]),
  /**
   * Published cells that are impossible for their column (a share in a count column, say).
   * Each is shown as missing with this note instead of failing the check; `found` must
   * match the cell exactly, so the entry cannot drift onto another value.
   */
  sourceErrors: z.array(z.strictObject({
    /** Line of the published file, as the data check reports it. */
    line: z.number().int().positive(),
    /** Column key. */
    key: z.string(),
    /** The cell exactly as published. */
    found: z.string(),
    /** Why the value cannot be right, in Chinese; shown to readers. */
    note: z.string().min(1),
  })).default([]),
  /** Sums the publisher guarantees: `sum` of `column` over the rows `of` equals the row `equals`. */
  sums: z.array(z.strictObject({
    column: z.string(),
    of: z.strictObject({ adcodePrefix: z.string().regex(/^\d{2,6}$/), level: placeLevelSchema.exclude(['province']) }),
    equals: z.strictObject({ adcode: z.string().regex(/^\d{6}$/) }),
  })).default([]),
  /** 需要了解的事项: what a reader must know before using the figures. */
  caveats: z.array(z.string().min(1)).default([]),
});
export type DatasetMeta = z.infer<typeof datasetMetaSchema>;
export type DatasetMetaInput = z.input<typeof datasetMetaSchema>;

/** Every published data row is counted in exactly one of kept, rejected or filteredOut. */
export const rowAccountSchema = z.object({
  /** Data rows in the file (header and blank lines excluded). */
  read: z.number().int(),
  kept: z.number().int(),
  /** Rows with an error; each is named in a problem. */
  rejected: z.number().int(),
  /** Rows outside a view's `adcodePrefix`. */
  filteredOut: z.number().int(),
  blankLines: z.number().int(),
  subtotals: z.number().int(),
  /** Missing cells of the kept rows, by reason. */
  missingCells: z.record(z.enum(missingReasons), z.number().int()),
});
export type RowAccount = z.infer<typeof rowAccountSchema>;

/** A dataset as the site holds it: the metadata, where its file is, and how its rows were counted. */
export const datasetEntrySchema = datasetMetaSchema.extend({
  /** The published file, relative to the project root. */
  publishedFile: z.string(),
  /** Encoding the file was read in. */
  encoding: z.string(),
  /** How the rows were counted by the data check. */
  account: rowAccountSchema,
});
export type DatasetEntryData = z.infer<typeof datasetEntrySchema>;
