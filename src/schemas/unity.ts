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
  sources: z.array(materialSourceSchema).min(1),
  /** Dataset whose rows the page shows as a table under the text (rendered from the data, not typed). */
  dataset: z.string().optional(),
  /** Policy articles the page quotes in full from the policy library, e.g. { policy: xianfa, article: 第四条 }. */
  articles: z.array(z.strictObject({ policy: z.string(), article: z.string().regex(/^第[零〇一二三四五六七八九十百千]+条$/) })).default([]),
});
export type UnityMaterial = z.infer<typeof unityMaterialSchema>;
