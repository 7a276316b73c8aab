import { t } from '../../i18n/ui.ts';
import type { PolicyEntry, PolicyLevel, PolicyTextEntry } from '../../schemas/policy.ts';

/** 全国 / 省级 / 市级. */
export function levelLabel(level: PolicyLevel): string {
  return t(`policy.level.${level}`);
}

/** The type as shown and filtered on; entries without a stated type share one label. */
export function typeLabel(entry: PolicyEntry): string {
  return entry.kind === 'text' && entry.type ? entry.type : t('policy.type.unknown');
}

/** How long a text is, in its own units: `30 条`, `7 项`; undefined for a text of paragraphs under headings. */
export function sizeLabel(entry: PolicyTextEntry): string | undefined {
  if (entry.form === 'articles') return t('policy.articles', { count: entry.articleCount });
  if (entry.form === 'numbered') return t('policy.items', { count: entry.itemCount });
  return undefined;
}

/** Order of the policy list: national first, then provincial, municipal and county. */
export function comparePolicies(a: PolicyEntry, b: PolicyEntry): number {
  const order: PolicyLevel[] = ['national', 'provincial', 'municipal', 'county'];
  return order.indexOf(a.level) - order.indexOf(b.level);
}
