import { z } from 'astro/zod';

/**
 * One ethnic group (民族) with its GB/T 3304-1991 code: a row of
 * data/reference/ethnic-groups-gbt3304.csv (sources in data/reference/README.md).
 */
export const ethnicGroupSchema = z.strictObject({
  /** Numeric code, two digits: 01 汉族 … 56 基诺族; 97 and 98 are the site's, for two census categories. */
  code: z.string().regex(/^\d{2}$/),
  /** The standard's name, e.g. 东乡族. */
  name: z.string().min(1),
  /** The standard's romanization, e.g. Dongxiang; lower-cased it is the group's URL segment. */
  romanization: z.string().regex(/^[A-Za-z]+$/),
  /** The standard's two-letter code (DX); empty for 97 and 98. */
  letter_code: z.union([z.string().regex(/^[A-Z]{2}$/), z.literal('')]),
  /** The romanization the standard gives for use abroad (Korean, Tibetan), else empty. */
  romanization_abroad: z.string(),
  /** `GB/T 3304-1991`, or a note for the two census categories outside the standard. */
  source: z.string().min(1),
});
export type EthnicGroup = z.infer<typeof ethnicGroupSchema>;

/** A spelling the published files use for a group: a row of data/reference/ethnic-group-labels.csv. */
export const ethnicGroupLabelSchema = z.strictObject({
  /** The label as printed, spaces removed. */
  label: z.string().min(1),
  /** The group's code in ethnic-groups-gbt3304.csv. */
  code: z.string().regex(/^\d{2}$/),
  /** Files that print it. */
  seen_in: z.string().min(1),
  /** What the label is (an older spelling, an export's recognition error, …). */
  note: z.string().min(1),
});
export type EthnicGroupLabel = z.infer<typeof ethnicGroupLabelSchema>;
