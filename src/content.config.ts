import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { chartSpecSchema } from './schemas/chart.ts';
import { datasetEntrySchema } from './schemas/dataset.ts';
import { newsSchema } from './schemas/news.ts';
import { policyEntrySchema } from './schemas/policy.ts';
import { unityMaterialSchema } from './schemas/unity.ts';
import { chartsLoader, datasetsLoader } from './lib/data/loader.ts';
import { policiesLoader } from './lib/policy/loader.ts';

/** Every dataset that passed the data check: metadata, published file, row account. */
const datasets = defineCollection({ loader: datasetsLoader(), schema: datasetEntrySchema });
// The datasets' rows are not a collection: pages read them from the data check's result
// (src/lib/site/rows.ts), which has validated each against its row schema. As 28,000 store
// entries they were validated again, written to the content cache and read back on every build.
/** Laws and regulations (full text, parsed) and the work report's own policies (quoted). */
const policies = defineCollection({ loader: policiesLoader(), schema: policyEntrySchema });
/** News and work reports, in MDX. */
const news = defineCollection({ loader: glob({ pattern: '**/*.mdx', base: './src/content/news' }), schema: newsSchema });
/** 民族团结进步 materials for schools. */
const unity = defineCollection({ loader: glob({ pattern: '**/*.md', base: './src/content/unity' }), schema: unityMaterialSchema });
/** Charts declared in data/charts/*.yaml that passed the data check. */
const charts = defineCollection({ loader: chartsLoader(), schema: chartSpecSchema });

export const collections = { charts, datasets, policies, news, unity };
