import { readFileSync } from 'node:fs';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import { dirname, join } from 'node:path';
import { publishedFiles } from '../../../lib/download/paths.ts';

/** The published file of each dataset, byte for byte as published (views link their base's). */
export const getStaticPaths = (async () => {
  const datasets = await getCollection('datasets', (entry) => entry.data.basedOn === undefined);
  return datasets.flatMap((entry) =>
    publishedFiles(entry.data).map(({ file }) => ({
      params: { id: entry.id, file },
      props: { path: join(dirname(entry.data.publishedFile), file) },
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const bytes = readFileSync(String(props.path));
  return new Response(bytes);
};
