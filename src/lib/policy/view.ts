import { t } from '../../i18n/ui.ts';

type PolicyToolKey = 'policy.link.article' | 'policy.link.item' | 'policy.link.part' | 'policy.cite.article' | 'policy.cite.item' | 'policy.cite.part';
import type { PolicyTextEntry, PolicyUnit } from '../../schemas/policy.ts';
import { citeUnit } from './cite.ts';
import { linksFromArticle, unitHref } from './links.ts';
import { citationName, headingLevel, isCitable, isContainer, unitHeading } from './units.ts';
import { absoluteUrl } from '../site/url.ts';

/**
 * What the policy page shows of each unit, computed apart from the markup: its heading and
 * level, its permalink and citation, and the datasets it links to. The components only place it.
 */
export interface UnitView {
  id: string;
  kind: PolicyUnit['kind'];
  /** A heading, 编/章/节 or annex (rendered as a section), or an article or item. */
  container: boolean;
  heading: string;
  level: 2 | 3 | 4 | 5 | 6;
  paragraphs: readonly string[];
  /** The note shown under a heading the editor declared (policies.yaml `unnumberedHeadings`). */
  unmarked: boolean;
  /** Permalink and citation, for units that get them (src/lib/policy/units.ts isCitable). */
  tools: { url: string; citation: string; name: string; link: string; cite: string } | undefined;
  related: { href: string; title: string; relation: string }[];
  children: UnitView[];
}

function toolWords(unit: PolicyUnit): { link: PolicyToolKey; cite: PolicyToolKey } {
  if (unit.kind === 'article') return { link: 'policy.link.article', cite: 'policy.cite.article' };
  if (unit.kind === 'item') return { link: 'policy.link.item', cite: 'policy.cite.item' };
  return { link: 'policy.link.part', cite: 'policy.cite.part' };
}

export interface ViewOptions {
  /** The site's address, for absolute permalinks in citations. */
  site: URL | undefined;
  siteName: string;
  /** Title of a dataset by id, for links from articles. */
  datasetTitle: (id: string) => string;
}

/** The unit tree of a text as the page renders it. */
export function policyUnitViews(policy: PolicyTextEntry, options: ViewOptions): UnitView[] {
  const view = (unit: PolicyUnit, ancestors: readonly PolicyUnit[]): UnitView => {
    const href = unitHref(policy.slug, unit.id);
    const url = absoluteUrl(href, options.site);
    const name = citationName(unit, ancestors);
    const words = toolWords(unit);
    return {
      id: unit.id,
      kind: unit.kind,
      container: isContainer(unit),
      heading: unitHeading(unit),
      level: headingLevel(ancestors),
      paragraphs: unit.paragraphs,
      unmarked: unit.unmarked === true,
      tools: isCitable(unit) ? { url, name, citation: citeUnit(policy, name, url, options.siteName), link: t(words.link), cite: t(words.cite) } : undefined,
      related:
        unit.kind === 'article'
          ? linksFromArticle(policy.slug, unit.id).map((link) => ({ href: `/data/${link.dataset}/`, title: options.datasetTitle(link.dataset), relation: link.relation }))
          : [],
      children: unit.children.map((child) => view(child, [...ancestors, unit])),
    };
  };
  return policy.units.map((unit) => view(unit, []));
}
