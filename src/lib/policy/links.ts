import { policyDatasetLinkSchema, type PolicyDatasetLink } from '../../schemas/policy.ts';

/**
 * Policy articles that concern a dataset, read from the article text. The policy page links
 * each article to its dataset; the dataset page links back with `linksToDataset(id)`.
 * Add a link only after reading the article: it must be about what the dataset measures.
 */
export const policyDatasetLinks: readonly PolicyDatasetLink[] = [
  {
    policy: 'chengshi-minzu-gongzuo-tiaoli',
    article: '第九条',
    dataset: 'lanzhou-education-2020',
    relation:
      '第九条要求城市人民政府重视发展少数民族教育事业。这个数据集是兰州市各县区全体常住人口的受教育程度（2020 年人口普查），可作为当地教育状况的背景；它不是少数民族学生或民族学校的统计。',
  },
].map((link) => policyDatasetLinkSchema.parse(link));

/** The datasets an article links to. */
export function linksFromArticle(policy: string, article: string): PolicyDatasetLink[] {
  return policyDatasetLinks.filter((link) => link.policy === policy && link.article === article);
}

/** The policy articles that link to a dataset, for the dataset page's "相关政策法规". */
export function linksToDataset(dataset: string): PolicyDatasetLink[] {
  return policyDatasetLinks.filter((link) => link.dataset === dataset);
}

/** The URL of a unit on its policy page, by its anchor: `/policies/<slug>/#第九条`, `/policies/<slug>/#一-三`. */
export function unitHref(policy: string, anchor: string): string {
  return `/policies/${policy}/#${anchor}`;
}
