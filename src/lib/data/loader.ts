import type { Loader } from 'astro/loaders';
import { checkedData } from './checked.ts';

/** One entry per dataset: its metadata, where its file is, and how its rows were counted. */
export function datasetsLoader(): Loader {
  return {
    name: 'datasets-loader',
    load: async ({ store, parseData, generateDigest, logger }) => {
      const { datasets } = checkedData();
      store.clear();
      for (const dataset of datasets) {
        if (!dataset.meta || !dataset.file) continue;
        const data = await parseData({
          id: dataset.id,
          data: { ...dataset.meta, publishedFile: dataset.file, encoding: dataset.encoding ?? 'utf-8', account: dataset.account },
        });
        store.set({ id: dataset.id, data, digest: generateDigest(data) });
      }
      logger.info(`${datasets.length} datasets`);
    },
  };
}

/** One entry per chart declared in data/charts/, after the data check has passed it. */
export function chartsLoader(): Loader {
  return {
    name: 'charts-loader',
    load: async ({ store, parseData, generateDigest, logger }) => {
      const { charts } = checkedData();
      store.clear();
      for (const spec of charts) {
        const data = await parseData({ id: spec.id, data: { ...spec } });
        store.set({ id: spec.id, data, digest: generateDigest(data) });
      }
      logger.info(`${charts.length} charts`);
    },
  };
}
