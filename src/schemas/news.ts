import { z } from 'astro/zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/** Where a published text comes from, as its page cites it. */
export const publishedSourceSchema = z.strictObject({
  /** Title as published; omitted for a brief whose source shows none. */
  title: z.string().min(1).optional(),
  /** Who published it; a descriptive name where the page names none (see the dataset's caveats). */
  publisher: z.string().min(1),
  /** Publication date as printed on the source, as YYYY-MM-DD (the year from the page's address where only month and day are printed). */
  date: isoDate,
  /** The date exactly as the source prints it (`2024-01-26 17:57:46`, `4月5日`); omitted where the page prints none. */
  printedDate: z.string().min(1).optional(),
  /** Address of the page read: the publisher's own, or a reprint that `via` names. */
  url: z.httpUrl({ error: 'an http:// or https:// address' }).optional(),
  /** The site that reprints the publisher's report at `url` (国际在线 for a 甘肃日报 report), if it is not the publisher's. */
  via: z.string().min(1).optional(),
  /** Why there is no `url` for a brief (only a copy on an unrelated site was found), shown where the link would be. */
  noLink: z.string().min(1).optional(),
  /** Dataset under data/ that ships the source file, if any. */
  dataset: z.string().optional(),
});

/** Frontmatter of a news article (src/content/news/*.mdx). */
export const newsSchema = z
  .strictObject({
    /** Headline; for a published document, its own title; for a brief, written by the site. */
    title: z.string().min(1),
    /** Publication date of the article (for a reproduced document or a brief, the source's date). */
    date: isoDate,
    /**
     * Kind of article: 工作报告 reproduces a report verbatim; 简讯 is a brief written by the site
     * from one news report, stating only what the report states, linking to it; 动态 other news.
     */
    category: z.enum(['工作报告', '动态', '简讯']),
    /** One sentence for lists, feeds and search engines, written by the site. */
    description: z.string().min(1),
    /** Site topics for the 主题 search facet. */
    topics: z.array(z.string().min(1)).min(1),
    source: publishedSourceSchema,
    /** What the site left out or changed when reproducing the source, shown under the article. */
    editorialNote: z.string().min(1),
  })
  .superRefine((news, context) => {
    if (news.category !== '简讯' || news.source.url || news.source.noLink) return;
    context.addIssue({ code: 'custom', path: ['source', 'url'], message: 'a brief (简讯) links to the report it is written from: give source.url, or source.noLink saying why there is none' });
  });
export type NewsMeta = z.infer<typeof newsSchema>;
