import { z } from 'astro/zod';
import { siteHrefSchema } from './link.ts';

/** School stages a material is written for (学段); 教师 for background reading. */
export const gradeBands = ['小学', '初中', '高中', '教师'] as const;

/** A source a material is written from: a dataset, a policy article, or the work report. */
export const materialSourceSchema = z.strictObject({
  /** Title as published. */
  title: z.string().min(1),
  /** Publisher and date as the site cites them. */
  publisher: z.string().min(1),
  /** Link on this site to the source (dataset, policy or news page), e.g. /policies/xianfa/. */
  href: siteHrefSchema,
});

/**
 * A page elsewhere that a material takes facts from (a newspaper report): the material says
 * the facts in its own words and links the original, never copying the article.
 */
export const materialReferenceSchema = z.strictObject({
  /** The article's title as printed (原标题 where the page gives one); where the stored page lost it, a description that the note says is the site's. */
  title: z.string().min(1),
  /** The publisher as printed, and who reprinted it: 甘肃日报（国际在线转载）. */
  publisher: z.string().min(1),
  /** The date as printed (2024-01-26, 2022/12/30 15:49). */
  date: z.string().min(1),
  /** The page's address: http(s) only, as stored with the excerpt. */
  url: z.httpUrl({ error: 'an http:// or https:// address' }),
  /** What a reader should know of the page: a reprint, a re-hosted copy, a slip as printed. */
  note: z.string().min(1).optional(),
});

/** Tables a material can show that the site builds from its datasets, by name: `ethnic-groups-2010` — every group, its 2010 population and the provinces where most of its people live (census table 1-6). */
export const unityTables = ['ethnic-groups-2010'] as const;

/** Frontmatter of a 民族团结进步 material (src/content/unity/*.md). */
export const unityMaterialSchema = z.strictObject({
  title: z.string().min(1),
  /** One sentence for lists and search engines, written by the site. */
  description: z.string().min(1),
  /** 学段 the material suits. */
  gradeBands: z.array(z.enum(gradeBands)).min(1),
  /** School subjects it serves, e.g. 道德与法治. */
  subjects: z.array(z.string().min(1)).min(1),
  /** 阅读材料 (text), 数据表 (a table from a dataset), 法条摘编 (articles quoted in full). */
  format: z.enum(['阅读材料', '数据表', '法条摘编']),
  /** One topic, e.g. 民族团结进步创建. */
  topic: z.string().min(1),
  /** Year the material's facts refer to (the census year, the report's year). */
  year: z.number().int(),
  /** Every material is written by the site from its sources; the page says so. */
  writtenBy: z.literal('本站'),
  /** Pages of this site the material is written from. */
  sources: z.array(materialSourceSchema).default([]),
  /** Reports elsewhere it takes facts from, each linked; a material has sources, references or both. */
  references: z.array(materialReferenceSchema).default([]),
  /** Dataset whose rows the page shows as a table under the text (rendered from the data, not typed). */
  dataset: z.string().optional(),
  /** A table the site builds from its datasets, shown under the text (see `unityTables`). */
  table: z.enum(unityTables).optional(),
  /** Policy articles the page quotes in full from the policy library, e.g. { policy: xianfa, article: 第四条 }. */
  articles: z.array(z.strictObject({ policy: z.string(), article: z.string().regex(/^第[零〇一二三四五六七八九十百千]+条$/) })).default([]),
}).refine((material) => material.sources.length + material.references.length > 0, { message: 'a material names its sources (pages of this site), its references (reports elsewhere), or both', path: ['sources'] });
export type UnityMaterial = z.infer<typeof unityMaterialSchema>;
