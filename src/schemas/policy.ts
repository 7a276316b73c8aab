import { z } from 'astro/zod';

/**
 * Policies: laws and regulations shipped as full text (data/policies/*.md, parsed by
 * src/lib/policy/parse.ts) and the work report's own policies, known only from what the
 * report says about them. The hand-written part is data/policies/policies.yaml.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'an ASCII slug such as chengshi-minzu-gongzuo-tiaoli');

/**
 * Jurisdiction of the issuing body: 全国, 省级 (provinces and 直辖市, 宪法 第三十条), 市级, 县级 (counties,
 * autonomous counties among them: a 自治条例 is made by the 自治县's people's congress).
 */
export const policyLevels = ['national', 'provincial', 'municipal', 'county'] as const;
export const policyLevelSchema = z.enum(policyLevels);
export type PolicyLevel = z.infer<typeof policyLevelSchema>;

/** Kind of instrument, as Chinese legislation names them (自治条例: 宪法第一百一十六条). */
export const policyTypes = ['宪法', '法律', '行政法规', '部门规章', '地方性法规', '自治条例'] as const;
export const policyTypeSchema = z.enum(policyTypes);
export type PolicyType = z.infer<typeof policyTypeSchema>;

/** What happened on a date in the text's history, classified from the event's own words. */
export const policyEventKinds = ['adopted', 'approved', 'promulgated', 'amended', 'revised', 'in-force', 'other'] as const;
export const policyEventSchema = z.object({
  /** Date of the event, from the line's `YYYY年M月D日` (full-width digits read as digits). */
  date: isoDate,
  /**
   * The words after the date, verbatim except for stray joining words (`根据`) and an unmatched `）`;
   * a line wrapped onto the next is joined. Empty when the line holds the date alone.
   */
  text: z.string(),
  /** adopted 通过, approved 批准, promulgated 公布/发布, amended 修正, revised 修订, in-force 施行; other, also for a date alone. */
  kind: z.enum(policyEventKinds),
});
export type PolicyEvent = z.infer<typeof policyEventSchema>;

/** The three forms a text takes: 第X条 articles, 一、（一）1.（1） numbered items, or paragraphs under headings. */
export const policyForms = ['articles', 'numbered', 'unnumbered'] as const;
export const policyFormSchema = z.enum(policyForms);
export type PolicyForm = z.infer<typeof policyFormSchema>;

/**
 * Kinds of unit: part 编, subpart 分编, chapter 章, section 节, article 条; item, a numbered
 * paragraph (一、 （一） 1. （1）); annex 附件/附表/附录; heading, any other heading (序言, 附则, a
 * numbered heading such as `## 一、管辖` above articles, or a line listed in `unnumberedHeadings`).
 */
export const policyUnitKinds = ['part', 'subpart', 'chapter', 'section', 'article', 'item', 'annex', 'heading'] as const;

/**
 * An anchor id: unique on the page, no white space and none of `#%"'<>`, so that it is a valid
 * fragment both raw and percent-encoded. The scheme is documented in src/lib/policy/anchors.ts.
 */
export const policyAnchorSchema = z.string().regex(/^[^\s#%"'<>]+$/, 'an anchor without spaces or #%"\'<>');

/** One unit of a text and the units inside it: the document model's tree. */
export const policyUnitSchema = z.object({
  kind: z.enum(policyUnitKinds),
  /** Anchor id on the page: 第九条, 第三章第六节, 一-三-2, 附件一 (src/lib/policy/anchors.ts). */
  id: policyAnchorSchema,
  /** Label as printed, spaces removed: 第一章, 第九条, 一、, （三）, 2., 附件一; absent for a plain heading. */
  label: z.string().min(1).optional(),
  /** Value of the label's numeral: 143 for 第一百四十三条, 3 for （三）; absent where there is none or it cannot be read. */
  number: z.number().int().nonnegative().optional(),
  /** Items only: 1 for 一、, 2 for （一）, 3 for 1., 4 for （1）. */
  level: z.number().int().min(1).max(4).optional(),
  /** Heading text after the label, spaces removed (总则); for a plain heading, the heading. */
  title: z.string().min(1).optional(),
  /** Paragraphs directly under the unit, verbatim and in order; for an article or item the first is the text after its label. */
  paragraphs: z.array(z.string()),
  /** True for a heading the editor listed in `unnumberedHeadings`: the collected text does not mark it as one. */
  unmarked: z.literal(true).optional(),
  /** Units inside this one, in order. */
  get children() {
    return z.array(policyUnitSchema);
  },
});
export type PolicyUnit = z.infer<typeof policyUnitSchema>;
export type PolicyUnitKind = PolicyUnit['kind'];

/** What the parser reads from one Markdown file. */
export const parsedPolicySchema = z.object({
  /** The `# ` line. */
  title: z.string().min(1),
  /** Dated lines before `<!-- INFO END -->`, in file order (a line may hold several events). */
  events: z.array(policyEventSchema),
  /** Undated lines before `<!-- INFO END -->` that continue no dated line (an issuing body, a document number), verbatim. */
  notes: z.array(z.string()),
  /** Which form the body takes: articles if it has any 第X条, else numbered if it has any numbered item, else unnumbered. */
  form: policyFormSchema,
  /** Paragraphs before the first unit: the preamble of a 决定, a 为了…… paragraph. */
  intro: z.array(z.string()),
  /** Top-level units in order. */
  units: z.array(policyUnitSchema),
});
export type ParsedPolicy = z.infer<typeof parsedPolicySchema>;

/**
 * What the policy check reports, by kind. Errors refuse a file (not UTF-8, empty, no `# title`)
 * or an entry of policies.yaml (a required field missing, a file that is not there); the check
 * reports every problem of every file in one run and the build then stops. Warnings are reported
 * the same way and the text is published as read.
 */
export const policyErrorKinds = ['not-utf8', 'empty', 'no-title', 'table-entry', 'missing-file', 'duplicate-slug', 'duplicate-file', 'report-quote'] as const;
export const policyWarningKinds = [
  /** No `<!-- INFO END -->` line: dated lines right after the title are read as its history. */
  'no-info-end',
  /** An undated line before INFO END that continues no dated line; kept as a note. */
  'front-matter-line',
  /** No text after INFO END. */
  'empty-body',
  /** 第X条 numbers that do not run 1, 2, 3 … (a gap, a repeat, a first article other than 第一条). */
  'article-numbering',
  /** 编, 章, 节 or numbered headings that skip or repeat a number. */
  'heading-numbering',
  /** Numbered items (一、 （一） 1. （1）) that skip or repeat a number. */
  'item-numbering',
  /** A label whose Chinese numeral cannot be read (第一十条). */
  'bad-numeral',
  /** Two units would have the same anchor; the later gets `_2`, `_3` …. */
  'duplicate-anchor',
  /** A “ opened and never closed: its lines are read as ordinary lines. */
  'unclosed-quote',
  /** A heading broken over two lines, joined. */
  'joined-heading',
  /** Empty 编/章/节 headings repeated later: the text's own table of contents, kept as text. */
  'contents-list',
  /** A Markdown table, kept as lines of text. */
  'table',
  /** A Markdown file in data/policies/ that policies.yaml does not list: it is not published. */
  'unlisted-file',
] as const;
export const policyProblemKindSchema = z.enum([...policyErrorKinds, ...policyWarningKinds]);
export type PolicyProblemKind = z.infer<typeof policyProblemKindSchema>;

const topics = z.array(z.string().min(1)).min(1);

/**
 * What policies.yaml says about a text shipped in full. Only facts from the text or SOURCES.md.
 * The editor's contract (README "Adding a policy text"): five fields are required — slug, file,
 * shortTitle, level, topics; type, issuer, status and basis are written only when proven.
 */
export const policyTextMetaSchema = z.strictObject({
  /** URL segment under /policies/, ASCII words joined by hyphens; never changes once published. */
  slug,
  /** File name under data/policies/, exactly as collected. */
  file: z.string().regex(/\.md$/, 'a Markdown file name under data/policies/, ending in .md'),
  /** Short title for lists, e.g. 城市民族工作条例 (the `#` line may carry 中华人民共和国). */
  shortTitle: z.string().min(1),
  /** national 全国, provincial 省级, municipal 市级, county 县级: the issuing body's jurisdiction, from the text's date lines. */
  level: policyLevelSchema,
  /** Omitted where neither the text nor SOURCES.md settles it. */
  type: policyTypeSchema.optional(),
  /** Body that adopted or issued it, as the text's own date lines name it; omitted if they do not. */
  issuer: z.string().min(1).optional(),
  /** 有效 only where a source says so (SOURCES.md: 宪法 "current text"); otherwise omitted. */
  status: z.enum(['有效']).optional(),
  /** Site topics for search facets (主题), e.g. 教育. */
  topics,
  /** Why level, type and issuer are what they are: the line or article that says so; optional. */
  basis: z.string().min(1).optional(),
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
    notes: z.array(z.string()),
    form: policyFormSchema,
    intro: z.array(z.string()),
    units: z.array(policyUnitSchema),
    /** Number of articles (条) in the whole text; 0 for the other forms. */
    articleCount: z.number().int().nonnegative(),
    /** Number of numbered items at the outermost item level (一、 where there are any); 0 where there are none. */
    itemCount: z.number().int().nonnegative(),
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
