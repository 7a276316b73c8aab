import type { Loader } from 'astro/loaders';
import { checkedPolicies } from '../data/checked.ts';

/**
 * One entry per policy, keyed by its slug: full texts parsed from data/policies/, and the
 * report's own policies, as the build's policy check read them (src/lib/data/checked.ts).
 */
export function policiesLoader(): Loader {
  return {
    name: 'policies-loader',
    load: async ({ store, parseData, generateDigest, logger }) => {
      const started = performance.now();
      const entries = checkedPolicies();
      store.clear();
      for (const entry of entries) {
        const data = await parseData({ id: entry.slug, data: entry });
        store.set({ id: entry.slug, data, digest: generateDigest(data) });
      }
      const articles = entries.reduce((sum, entry) => sum + (entry.kind === 'text' ? entry.articleCount : 0), 0);
      const items = entries.reduce((sum, entry) => sum + (entry.kind === 'text' ? entry.itemCount : 0), 0);
      logger.info(`${entries.length} policies, ${articles} articles, ${items} numbered items, ${((performance.now() - started) / 1000).toFixed(2)} s`);
    },
  };
}
