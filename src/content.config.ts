import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { chartSpecSchema } from './schemas/chart.ts';
import { datasetEntrySchema } from './schemas/dataset.ts';
import { newsSchema } from './schemas/news.ts';
import { policyEntrySchema } from './schemas/policy.ts';
import { datasetRowSchema } from './schemas/rows.ts';
import { unityMaterialSchema } from './schemas/unity.ts';
import { chartsLoader, datasetsLoader, rowsLoader } from './lib/data/loader.ts';
import { policiesLoader } from './lib/policy/loader.ts';

/** Every dataset that passed the data check: metadata, published file, row account. */
const datasets = defineCollection({ loader: datasetsLoader(), schema: datasetEntrySchema });
/**
 * Every kept row of every dataset, whatever its shape, with its source line. Pages read
 * them through src/lib/site/rows.ts, typed by the dataset's row schema.
 */
const rows = defineCollection({ loader: rowsLoader(), schema: datasetRowSchema });
/** Laws and regulations (full text, parsed) and the work report's own policies (quoted). */
const policies = defineCollection({ loader: policiesLoader(), schema: policyEntrySchema });
/** News and work reports, in MDX. */
const news = defineCollection({ loader: glob({ pattern: '**/*.mdx', base: './src/content/news' }), schema: newsSchema });
/** 民族团结进步 materials for schools. */
const unity = defineCollection({ loader: glob({ pattern: '**/*.md', base: './src/content/unity' }), schema: unityMaterialSchema });
/** Charts declared in data/charts/*.yaml that passed the data check. */
const charts = defineCollection({ loader: chartsLoader(), schema: chartSpecSchema });

export const collections = { charts, datasets, rows, policies, news, unity };
