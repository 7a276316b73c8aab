import type { APIRoute } from 'astro';
import { allDatasets, filesOf } from '../../lib/site/downloads.ts';
import { absoluteUrl } from '../../lib/site/url.ts';

/**
 * `/data/index.json`: every dataset with its metadata, columns, page and download URLs, so
 * that scripts can find and fetch the data without reading HTML.
 */
export const GET: APIRoute = async ({ site }) => {
  const all = await allDatasets();
  const datasets = await Promise.all(all.map(async (entry) => (await filesOf(entry, all, site)).record));
  const index = { site: absoluteUrl('/', site), count: datasets.length, datasets };
  return new Response(`${JSON.stringify(index, null, 2)}\n`);
};
