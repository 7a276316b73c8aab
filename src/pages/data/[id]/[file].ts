import { readFileSync } from 'node:fs';
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';

/** The published file of each dataset, byte for byte as published (views link their base's). */
export const getStaticPaths = (async () => {
  const datasets = await getCollection('datasets', (entry) => entry.data.basedOn === undefined);
  return datasets.map((entry) => ({
    params: { id: entry.id, file: entry.data.file },
    props: { path: entry.data.publishedFile },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const bytes = readFileSync(String(props.path));
  return new Response(bytes);
};
