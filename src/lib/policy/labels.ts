import { t } from '../../i18n/ui.ts';
import type { PolicyEntry, PolicyLevel } from '../../schemas/policy.ts';

/** 全国 / 省级 / 市级. */
export function levelLabel(level: PolicyLevel): string {
  return t(`policy.level.${level}`);
}

/** The type as shown and filtered on; entries without a stated type share one label. */
export function typeLabel(entry: PolicyEntry): string {
  return entry.kind === 'text' && entry.type ? entry.type : t('policy.type.unknown');
}

/** Heading levels of a text's parts: chapters under the h1, sections under chapters, articles last. */
export function headingLevels(entry: { chapters: readonly { sections: readonly unknown[] }[] }): { chapter: 2; section: 3; article: (inSection: boolean) => 2 | 3 | 4 } {
  const hasChapters = entry.chapters.length > 0;
  return {
    chapter: 2,
    section: 3,
    article: (inSection) => (inSection ? 4 : hasChapters ? 3 : 2),
  };
}

/** Order of the policy list: national first, then provincial, then municipal; by title within. */
export function comparePolicies(a: PolicyEntry, b: PolicyEntry): number {
  const order: PolicyLevel[] = ['national', 'provincial', 'municipal'];
  return order.indexOf(a.level) - order.indexOf(b.level);
}
