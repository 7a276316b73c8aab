import { z } from 'astro/zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/** Where a published text comes from, as its page cites it. */
export const publishedSourceSchema = z.strictObject({
  /** Title as published. */
  title: z.string().min(1),
  /** Who published it; a descriptive name where the page names none (see the dataset's caveats). */
  publisher: z.string().min(1),
  /** Publication date as printed on the source. */
  date: isoDate,
  /** Dataset under data/ that ships the source file, if any. */
  dataset: z.string().optional(),
});

/** Frontmatter of a news article (src/content/news/*.mdx). */
export const newsSchema = z.strictObject({
  /** Headline; for a published document, its own title. */
  title: z.string().min(1),
  /** Publication date of the article (for a reproduced document, the document's own date). */
  date: isoDate,
  /** Kind of article: 工作报告 reproduces a report verbatim. */
  category: z.enum(['工作报告', '动态']),
  /** One sentence for lists, feeds and search engines, written by the site. */
  description: z.string().min(1),
  /** Site topics for the 主题 search facet. */
  topics: z.array(z.string().min(1)).min(1),
  source: publishedSourceSchema,
  /** What the site left out or changed when reproducing the source, shown under the article. */
  editorialNote: z.string().min(1),
});
export type NewsMeta = z.infer<typeof newsSchema>;
