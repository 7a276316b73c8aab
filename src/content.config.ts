import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { datasetMetaSchema } from './schemas/dataset.ts';
import { countyCensusRowSchema, ethnicGroupRowSchema, populationRowSchema, reportFigureRowSchema } from './schemas/rows.ts';
import { chartsLoader, datasetsLoader, rowsLoader } from './lib/data/loader.ts';
import { chartSpecSchema } from './schemas/chart.ts';
import { missingReasons } from './schemas/cell.ts';
import { glob } from 'astro/loaders';
import { policyEntrySchema } from './schemas/policy.ts';
import { newsSchema } from './schemas/news.ts';
import { unityMaterialSchema } from './schemas/unity.ts';
import { policiesLoader } from './lib/policy/loader.ts';

/** What every row entry carries besides its values: the way back to the published file. */
function rowEntry<T extends z.ZodType>(row: T) {
  return z.object({
    /** Dataset id (folder under data/). */
    dataset: z.string(),
    /** Line of the published file the row starts on. */
    sourceLine: z.number().int().positive(),
    /** Administrative level from the adcode; `none` for non-geographic rows. */
    geoLevel: z.enum(['nation', 'province', 'prefecture', 'county', 'none']),
    /** A subtotal row (e.g. 市辖区): shown, never summed. */
    isSubtotal: z.boolean(),
    row,
  });
}

const datasets = defineCollection({
  loader: datasetsLoader(),
  schema: datasetMetaSchema.extend({
    /** The published file, relative to the project root. */
    publishedFile: z.string(),
    /** Encoding the file was read in. */
    encoding: z.string(),
    /** How the rows were counted by the data check. */
    account: z.object({
      read: z.number().int(),
      kept: z.number().int(),
      rejected: z.number().int(),
      filteredOut: z.number().int(),
      blankLines: z.number().int(),
      subtotals: z.number().int(),
      missingCells: z.record(z.enum(missingReasons), z.number().int()),
    }),
  }),
});

const populationRows = defineCollection({ loader: rowsLoader('population'), schema: rowEntry(populationRowSchema) });
const countyCensusRows = defineCollection({ loader: rowsLoader('county-census'), schema: rowEntry(countyCensusRowSchema) });
const ethnicGroupRows = defineCollection({ loader: rowsLoader('ethnic-groups'), schema: rowEntry(ethnicGroupRowSchema) });
const reportFigureRows = defineCollection({ loader: rowsLoader('report-figures'), schema: rowEntry(reportFigureRowSchema) });

/** Laws and regulations (full text, parsed) and the work report's own policies (quoted). */
const policies = defineCollection({ loader: policiesLoader(), schema: policyEntrySchema });
/** News and work reports, in MDX. */
const news = defineCollection({ loader: glob({ pattern: '**/*.mdx', base: './src/content/news' }), schema: newsSchema });
/** 民族团结进步 materials for schools. */
const unity = defineCollection({ loader: glob({ pattern: '**/*.md', base: './src/content/unity' }), schema: unityMaterialSchema });

/** Charts declared in data/charts/*.yaml that passed the data check. */
const charts = defineCollection({ loader: chartsLoader(), schema: chartSpecSchema });

export const collections = { charts, datasets, populationRows, countyCensusRows, ethnicGroupRows, reportFigureRows, policies, news, unity };
