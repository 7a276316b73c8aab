import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { generatedFileNames, originalFileName, publishedFiles, type GeneratedDownload } from '../../../../lib/download/paths.ts';
import { allDatasets, filesOf, type DatasetEntry } from '../../../../lib/site/downloads.ts';

/**
 * Downloads of one version of a dataset, `/data/<id>/v<version>/<file>`: the cleaned CSV,
 * the column dictionary, JSON, the zip, and (for datasets that own one) the published file.
 * URL scheme: src/lib/download/paths.ts.
 */
type Kind = GeneratedDownload | { published: string };

export const getStaticPaths = (async () => {
  const all = await allDatasets();
  return all.flatMap((entry) => {
    const { id, version, status } = entry.data;
    const files = (Object.entries(generatedFileNames(entry.data)) as [GeneratedDownload, string][]).map(([kind, file]): [string, Kind] => [file, kind]);
    // The data check refuses a published file named like a generated one (clashingDownload).
    if (entry.data.basedOn === undefined) {
      for (const { file } of publishedFiles(entry.data)) files.push([originalFileName(file, status), { published: file }]);
    }
    return files.map(([file, kind]) => ({ params: { id, version: String(version), file }, props: { entry, all, kind } }));
  });
}) satisfies GetStaticPaths;

interface Props {
  entry: DatasetEntry;
  all: DatasetEntry[];
  kind: Kind;
}

export const GET: APIRoute<Props> = async ({ props, site }) => {
  const { entry, all, kind } = props;
  if (typeof kind === 'object') return new Response(readFileSync(join(dirname(entry.data.publishedFile), kind.published)));
  const files = await filesOf(entry, all, site);
  if (kind === 'zip') return new Response(new Uint8Array(files.zip));
  return new Response({ csv: files.csv, columns: files.columnsCsv, json: files.json }[kind]);
};
