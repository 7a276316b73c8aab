import { z } from 'astro/zod';
import { missingSchema } from './cell.ts';

/**
 * How a published workbook (.xls BIFF or .xlsx) is read: the `workbook:` block of a
 * dataset's metadata. The census volumes print tables, not lists, so the declaration says
 * where the table stands in the sheet and what its rows and column headers name; the reader
 * (src/lib/data/workbook/) does the rest and reports anything that does not fit.
 */

const rowNumber = z.number().int().positive();
/** A census volume's table number: `1-6`, `1-6a`, `2-2`, `5-3c`. */
const tableNumber = z.string().regex(/^\d+-\d+[a-z]?$/, 'a table number as the volume prints it, e.g. 1-6 or 1-6a');
const key = z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'a lowerCamelCase key such as total or noSchooling');
/** Header texts are matched folded: spaces and line breaks removed, full-width forms folded (NFKC), a trailing 、，；: dropped. */
const labels = z.array(z.string()).min(1);

/** What one column holds within its series: 合计/小计 → total, 男 → male, 女 → female, 户数, 占家庭户比重, … */
export const measureSpecSchema = z.strictObject({
  /** Key of the measure in the tidy records, lowerCamelCase (total, male, female, households, share). */
  key,
  /** The header texts that name it, folded; `""` names a column whose measure rows are empty. */
  labels,
  /**
   * How its cells are read, by the same readers as a CSV column of that type: `integer` for
   * counts, `percent` for a share printed 0–100 (stored 0–1). Only integer measures are summed
   * by the checks.
   */
  type: z.enum(['integer', 'number', 'percent']).default('integer'),
  /** Unit shown to readers, e.g. 人, 户, %. */
  unit: z.string().optional(),
  /** What it means, in Chinese, as the volume defines it. */
  meaning: z.string().min(1),
  /**
   * What an empty cell means. `none-reported` (default): nobody was counted. `too-small`: the
   * value rounds to nothing at the printed precision — 5-3 prints no share for 4,097 households
   * of 401,934,196 (0.001 %), so its share columns declare this.
   */
  blank: z.enum(['none-reported', 'too-small']).default('none-reported'),
});
export type MeasureSpec = z.infer<typeof measureSpecSchema>;

/** A category that runs across the columns (an education level, an industry, a household type). */
export const categorySpecSchema = z.strictObject({
  /** Key in the tidy records, lowerCamelCase (noSchooling, primary, agriculture, …). */
  key,
  /** The header texts that name it, folded (a label wrapped over two header rows is joined first). */
  labels,
  /** What it means, in Chinese. */
  meaning: z.string().min(1),
});
export type CategorySpec = z.infer<typeof categorySpecSchema>;

/** A place name in the rows that has no adcode, acknowledged with the reason. */
const unmatchedPlaceSchema = z.strictObject({
  /** The name as printed, folded (`市辖区`). */
  name: z.string().min(1),
  /** The prefecture it stands under, folded, when the same name recurs (`嘉峪关市`). */
  under: z.string().optional(),
  /** Why it has no code, in Chinese; shown to readers. */
  note: z.string().min(1),
});

/** The `workbook:` block of dataset.yaml: where the table stands in the sheet and what it names. */
export const workbookSpecSchema = z.strictObject({
  /** Sheet name as published (CNKI names theirs `1-20`, `1-2`, …). Default: the first sheet. */
  sheet: z.string().min(1).optional(),
  /** 1-based row of the title (`1-6 各地区分性别、民族的人口`); its table number recognises the title repeated on a later page. */
  titleRow: rowNumber.optional(),
  /**
   * The table's number as the volume prints it in the title (`1-6`, `5-3`; not the sheet's
   * name, which CNKI numbers its own way): citations name the table and the cell, 表 1-6，K16.
   */
  tableNumber: tableNumber.optional(),
  /** 1-based row of the unit line (`单位：人`), read and kept with the table. */
  unitRow: rowNumber.optional(),
  /** The column headers: which rows name the series and which the measure within it. */
  header: z.strictObject({
    /**
     * Rows whose text names each column's series: an ethnic group (汉族), a category (小学) or
     * the total (合计). A merged cell names every column it spans; texts of several rows are joined.
     */
    seriesRows: z.array(rowNumber).min(1),
    /** Rows whose text names the measure within the series (合计/小计/男/女; 户数, 占家庭户比重). */
    measureRows: z.array(rowNumber).default([]),
  }),
  /** 1-based row of the first figures. */
  firstDataRow: rowNumber,
  /** 1-based row of the last figures. Default: the last row with content. */
  lastDataRow: rowNumber.optional(),
  /**
   * Column (letters) of the row labels. Other columns whose header repeats this column's header
   * (CNKI pages set side by side) must repeat its labels, row by row; a difference is reported.
   */
  labelColumn: z.string().regex(/^[A-Z]{1,3}$/, 'column letters as Excel shows them, e.g. A').default('A'),
  /** What the row labels name: places (全国, provinces; or a province's prefectures with counties indented under each) or ethnic groups. */
  rows: z.enum(['places', 'groups']),
  /** What the series across name: ethnic groups (matched to GB/T 3304 codes) or declared categories. */
  series: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('groups') }),
    z.strictObject({ kind: z.literal('categories'), categories: z.array(categorySpecSchema).min(1) }),
  ]),
  /** The measures within each series; every data column's measure text must be one of these. */
  measures: z.array(measureSpecSchema).min(1),
  /** Row and series labels that mean "all" (the national, provincial or all-groups total). */
  totalLabels: z.array(z.string()).default(['合计', '总计', '全国']),
  /**
   * The sheet prints its title, unit and header again further down (a page break kept by the
   * export). Such rows are skipped, and compared with the header at the top.
   */
  repeatedHeader: z.boolean().default(false),
  /**
   * Files in the same folder that split this table's figures by where people live (城市, 镇,
   * 乡村), laid out alike. Their rows are read too, each with `residence` set to its label; the
   * main file's rows have `residence: 合计`.
   */
  parts: z.array(z.strictObject({
    /** What the file covers, as its title says: 城市, 镇, 乡村. */
    label: z.string().min(1),
    /** The file's name in the folder, as published. */
    file: z.string().min(1),
    /** Its table number as printed (`1-6a`), for citations. */
    tableNumber: tableNumber.optional(),
  })).default([]),
  /** For rows: places — the level of the rows, to join names to adcodes. */
  places: z.strictObject({
    /** `provinces`: rows are provinces (and the national row); `prefectures`: one province's prefectures, each followed by its counties, indented. */
    level: z.enum(['provinces', 'prefectures']),
    /** For level: prefectures, the province's code (620000 for 甘肃省). */
    province: z.string().regex(/^\d{2}0000$/, 'a province code such as 620000').optional(),
    /** Names known to have no adcode, each with the reason; any other unmatched name is reported. */
    unmatched: z.array(unmatchedPlaceSchema).default([]),
  }).optional(),
  /** Published arithmetic checked as warnings with both cell references; numbers are never corrected. */
  checks: z.strictObject({
    /** The series (groups or categories) add up to the total series, in every row and count measure. */
    seriesSum: z.boolean().default(false),
    /** Male + female = total, in every row and series: the keys of the three measures. */
    sexSum: z.strictObject({ total: key, male: key, female: key }).optional(),
    /** Every parent row equals the sum of the rows under it (counties → prefecture → the total row). */
    rowsSum: z.boolean().default(false),
    /** Each cell equals the sum of the same cell in the `parts` (城市 + 镇 + 乡村 = 合计). */
    partsSum: z.boolean().default(false),
  }).default({ seriesSum: false, rowsSum: false, partsSum: false }),
});
export type WorkbookSpec = z.infer<typeof workbookSpecSchema>;
export type WorkbookSpecInput = z.input<typeof workbookSpecSchema>;

/**
 * A blank cell in a census volume: the volume printed nothing because nobody was counted
 * there. Not missing data (the figure is known) and not an error; the checks count it as 0.
 * Kept apart from `blank` in cell.ts, which means "unknown" in a CSV.
 */
export const noneReportedSchema = z.strictObject({
  missing: z.literal('none-reported'),
  /** The cell as published: `""` for an empty or absent cell, or the spaces it held. */
  marker: z.string(),
});
export type NoneReported = z.infer<typeof noneReportedSchema>;

/** A figure read from a workbook: a number, an explicit missing value (—, …, x), or none reported. */
export const workbookValueSchema = z.union([z.number(), missingSchema, noneReportedSchema]);
export type WorkbookValue = z.infer<typeof workbookValueSchema>;

/** One figure of a tidy record, with the cell it came from. */
export const sourcedValueSchema = z.strictObject({
  value: workbookValueSchema,
  /** The published cell in A1 notation, e.g. `K7`. */
  ref: z.string().regex(/^[A-Z]{1,3}\d+$/),
});
export type SourcedValue = z.infer<typeof sourcedValueSchema>;

/** One row × series of a wide table, unpivoted: a place (or group) × a group (or category). */
export const workbookRecordSchema = z.strictObject({
  /** The row: a folded place name, or a group code, or `total`. */
  row: z.string().min(1),
  /** The row label as printed. */
  rowLabel: z.string(),
  /** 1-based row in the sheet. */
  rowNumber: z.number().int().positive(),
  /** The series: a GB/T 3304 group code, a category key, or `total`. */
  series: z.string().min(1),
  /** The series header as printed, folded. */
  seriesLabel: z.string(),
  /** The figures by measure key (total, male, female, …). */
  values: z.record(z.string(), sourcedValueSchema),
});
export type WorkbookRecord = z.infer<typeof workbookRecordSchema>;

export function isNoneReported(value: unknown): value is NoneReported {
  return typeof value === 'object' && value !== null && (value as { missing?: unknown }).missing === 'none-reported';
}
