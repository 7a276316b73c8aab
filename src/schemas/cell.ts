import { z } from 'astro/zod';

/**
 * Why a cell holds no number. Each reason is shown on the site with its own symbol and
 * legend entry, never as 0 and never as NaN.
 * - `blank`: the published cell is empty.
 * - `not-available`: the publisher marked it `NA` (数据不详).
 * - `not-applicable`: marked `—` or `-` (无此项).
 * - `too-small`: marked `…` (数据不足最小单位).
 * - `suppressed`: marked `x` (为保密未公布).
 * - `source-error`: the published value is impossible (listed in the metadata's
 *   `sourceErrors` with the reason) and the site does not use it.
 * - `none-reported`: a census volume printed nothing because nobody was counted there
 *   (workbooks only). Not missing data: the figure is known to be none; sums count it as 0.
 */
export const missingReasons = ['blank', 'not-available', 'not-applicable', 'too-small', 'suppressed', 'source-error', 'none-reported'] as const;
export const missingReasonSchema = z.enum(missingReasons);
export type MissingReason = z.infer<typeof missingReasonSchema>;

/** An explicit missing value: the reason plus the marker exactly as published. */
export const missingSchema = z.object({
  /** Why the value is missing. */
  missing: missingReasonSchema,
  /** The marker as it stood in the published file (`""`, `NA`, `—`, …). */
  marker: z.string(),
});
export type Missing = z.infer<typeof missingSchema>;

/** A numeric cell: a finite number (zod 4 numbers exclude ±Infinity), or an explicit missing value. */
export const measureSchema = z.union([z.number(), missingSchema]);
export type Measure = z.infer<typeof measureSchema>;

/** A non-negative whole-number count (people, households), or missing. */
export const countSchema = z.union([z.number().int().nonnegative(), missingSchema]);

/** A share as a fraction 0–1 (published as % and divided by 100), or missing. */
export const shareSchema = z.union([z.number().min(0).max(1), missingSchema]);

/** 区划代码: six digits; missing where the publisher gives none (national row, zones). */
export const adcodeSchema = z.union([z.string().regex(/^\d{6}$/), missingSchema]);

/** A text cell, or missing. */
export const textCellSchema = z.union([z.string(), missingSchema]);

/** Any normalised cell value. */
export const cellSchema = z.union([z.number(), z.string(), missingSchema]);
export type Cell = z.infer<typeof cellSchema>;

export function isMissing(value: unknown): value is Missing {
  return typeof value === 'object' && value !== null && 'missing' in value;
}

/** The number in a cell, or undefined when it is missing (or not a number). */
export function numberOf(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

/** A count in a census cell: its number, 0 where the volume reported none, undefined where it is unknown. */
export function countOf(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  return isMissing(value) && value.missing === 'none-reported' ? 0 : undefined;
}
