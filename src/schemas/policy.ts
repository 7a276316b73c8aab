import { z } from 'astro/zod';

/**
 * Policies: laws and regulations shipped as full text (data/policies/*.md, parsed by
 * src/lib/policy/parse.ts) and the work report's own policies, known only from what the
 * report says about them. The hand-written part is data/policies/policies.yaml.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'an ASCII slug such as chengshi-minzu-gongzuo-tiaoli');

/** Jurisdiction of the issuing body: 全国, 省级 (provinces and 直辖市, 宪法 第三十条), 市级. */
export const policyLevels = ['national', 'provincial', 'municipal'] as const;
export const policyLevelSchema = z.enum(policyLevels);
export type PolicyLevel = z.infer<typeof policyLevelSchema>;

/** Kind of instrument, as Chinese legislation names them. */
export const policyTypes = ['宪法', '法律', '行政法规', '部门规章', '地方性法规'] as const;
export const policyTypeSchema = z.enum(policyTypes);
export type PolicyType = z.infer<typeof policyTypeSchema>;

/** What happened on a date in the text's history, classified from the event's own words. */
export const policyEventKinds = ['adopted', 'approved', 'promulgated', 'amended', 'revised', 'in-force', 'other'] as const;
export const policyEventSchema = z.object({
  /** Date of the event, from the line's `YYYY年M月D日`. */
  date: isoDate,
  /** The words after the date, verbatim except for stray joining words (`根据`) and an unmatched `）`. */
  text: z.string().min(1),
  /** adopted 通过, approved 批准, promulgated 公布/发布, amended 修正, revised 修订, in-force 施行. */
  kind: z.enum(policyEventKinds),
});
export type PolicyEvent = z.infer<typeof policyEventSchema>;

/** One article (条): its number and its paragraphs, list items included, verbatim. */
export const policyArticleSchema = z.object({
  /** The article's number, e.g. 143 for 第一百四十三条. */
  number: z.number().int().positive(),
  /** The article's label as printed, e.g. 第九条; also its anchor id on the page. */
  label: z.string().regex(/^第[零〇一二三四五六七八九十百千]+条$/),
  /** Paragraphs in order; the first is the text after the label. */
  paragraphs: z.array(z.string()),
});
export type PolicyArticle = z.infer<typeof policyArticleSchema>;

/** A section (节) inside a chapter. */
export const policySectionSchema = z.object({
  /** Anchor id, e.g. 第三章第一节. */
  id: z.string().min(1),
  /** Label as printed, e.g. 第一节. */
  label: z.string().min(1),
  /** Heading text after the label, spaces removed, e.g. 全国人民代表大会. */
  title: z.string().min(1),
  articles: z.array(policyArticleSchema),
});
export type PolicySection = z.infer<typeof policySectionSchema>;

/**
 * A chapter (章), the preamble (序言), or a heading the text carries without a chapter
 * number (`unnumbered`, named in policies.yaml), each with what follows it.
 */
export const policyChapterSchema = z.object({
  kind: z.enum(['preamble', 'chapter', 'unnumbered']),
  /** Anchor id: the label (第一章), 序言, or the heading text. */
  id: z.string().min(1),
  /** Label as printed (第一章, 序言); absent for an unnumbered heading. */
  label: z.string().optional(),
  /** Heading text after the label, spaces removed; for 序言 the same as the label. */
  title: z.string().min(1),
  /** Paragraphs before the first article (the preamble's text). */
  paragraphs: z.array(z.string()),
  articles: z.array(policyArticleSchema),
  sections: z.array(policySectionSchema),
});
export type PolicyChapter = z.infer<typeof policyChapterSchema>;

/** What the parser reads from one Markdown file. */
export const parsedPolicySchema = z.object({
  /** The `# ` line. */
  title: z.string().min(1),
  /** Dated lines before `<!-- INFO END -->`, in file order (a line may hold several events). */
  events: z.array(policyEventSchema),
  /** Chapters in order; empty when the text has none. */
  chapters: z.array(policyChapterSchema),
  /** Articles outside any chapter (texts without chapters). */
  articles: z.array(policyArticleSchema),
});
export type ParsedPolicy = z.infer<typeof parsedPolicySchema>;

const topics = z.array(z.string().min(1)).min(1);

/** What policies.yaml says about a text shipped in full. Only facts from the text or SOURCES.md. */
export const policyTextMetaSchema = z.strictObject({
  /** URL segment under /policies/; never changes once published. */
  slug,
  /** File name under data/policies/, exactly as collected. */
  file: z.string().regex(/\.md$/),
  /** Short title for lists, e.g. 城市民族工作条例 (the `#` line may carry 中华人民共和国). */
  shortTitle: z.string().min(1),
  level: policyLevelSchema,
  /** Omitted where neither the text nor SOURCES.md settles it. */
  type: policyTypeSchema.optional(),
  /** Body that adopted or issued it, as the text's own date lines name it; omitted if they do not. */
  issuer: z.string().min(1).optional(),
  /** 有效 only where a source says so (SOURCES.md: 宪法 "current text"); otherwise omitted. */
  status: z.enum(['有效']).optional(),
  /** Site topics for search facets (主题), e.g. 教育. */
  topics,
  /** Why level, type and issuer are what they are: the line or article that says so. */
  basis: z.string().min(1),
  /**
   * Lines of the text that are headings without a chapter number (a gap in the collected
   * text), shown as unnumbered headings instead of as part of the article before them.
   */
  unnumberedHeadings: z.array(z.string().min(1)).default([]),
});
export type PolicyTextMeta = z.infer<typeof policyTextMetaSchema>;

/** A sentence of the work report, quoted verbatim, with the section it stands in. */
export const reportQuoteSchema = z.strictObject({
  /** Section heading as printed, e.g. 一、加强政策导向,出台《实施意见》. */
  section: z.string().min(1),
  /** The sentence, verbatim; the loader checks that the report contains it. */
  text: z.string().min(1),
});
export type ReportQuote = z.infer<typeof reportQuoteSchema>;

/** A policy known only from the 2017 work report; its full text is not published here. */
export const reportedPolicyMetaSchema = z.strictObject({
  slug,
  /** Title as the report writes it, without 《》. */
  title: z.string().min(1),
  shortTitle: z.string().min(1),
  level: policyLevelSchema,
  /** Who made it, as the report says (e.g. 市委、市政府); omitted where it does not. */
  issuer: z.string().min(1).optional(),
  topics,
  /** Every sentence of the report about it. */
  quotes: z.array(reportQuoteSchema).min(1),
  /** Figures of dataset lanzhou-work-report-2017 that the quotes state (its `figure` ids). */
  figures: z.array(slug).default([]),
});
export type ReportedPolicyMeta = z.infer<typeof reportedPolicyMetaSchema>;

/** data/policies/policies.yaml. */
export const policiesFileSchema = z.strictObject({
  texts: z.array(policyTextMetaSchema).min(1),
  reported: z.array(reportedPolicyMetaSchema),
});
export type PoliciesFile = z.infer<typeof policiesFileSchema>;

/** The report the reported policies are quoted from. */
export const reportSourceSchema = z.object({
  /** Title as printed. */
  title: z.string(),
  /** Date on the page (发布日期). */
  date: isoDate,
  /** The dataset that ships the report text and its figures. */
  dataset: z.string(),
  /** The report text, relative to the project root. */
  file: z.string(),
});

/** One entry of the `policies` collection. */
export const policyEntrySchema = z.discriminatedUnion('kind', [
  policyTextMetaSchema.omit({ unnumberedHeadings: true }).extend({
    kind: z.literal('text'),
    title: z.string(),
    events: z.array(policyEventSchema),
    chapters: z.array(policyChapterSchema),
    articles: z.array(policyArticleSchema),
    /** Number of articles in the whole text. */
    articleCount: z.number().int().nonnegative(),
    /** Year of the latest dated event, for the 年份 facet. */
    year: z.number().int().optional(),
  }),
  reportedPolicyMetaSchema.extend({
    kind: z.literal('reported'),
    report: reportSourceSchema,
    year: z.number().int(),
  }),
]);
export type PolicyEntry = z.infer<typeof policyEntrySchema>;
export type PolicyTextEntry = Extract<PolicyEntry, { kind: 'text' }>;
export type ReportedPolicyEntry = Extract<PolicyEntry, { kind: 'reported' }>;

/** A link from a policy article to a dataset it concerns (src/lib/policy/links.ts). */
export const policyDatasetLinkSchema = z.strictObject({
  /** Policy slug. */
  policy: slug,
  /** Article label, e.g. 第九条 (the anchor on the policy page). */
  article: z.string().regex(/^第[零〇一二三四五六七八九十百千]+条$/),
  /** Dataset id under data/. */
  dataset: slug,
  /** How the article and the dataset relate, for readers, written by the site. */
  relation: z.string().min(1),
});
export type PolicyDatasetLink = z.infer<typeof policyDatasetLinkSchema>;
