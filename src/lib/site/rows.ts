import { getCollection, getEntry } from 'astro:content';
import type { DatasetEntryData } from '../../schemas/dataset.ts';
import type { RowOf, RowSchemaName, SourcedRow } from '../../schemas/rows.ts';

let byDataset: Promise<Map<string, SourcedRow[]>> | undefined;

/** Every row of every dataset, grouped by dataset in file order; read once per build. */
function rowsByDataset(): Promise<Map<string, SourcedRow[]>> {
  byDataset ??= (async () => {
    const grouped = new Map<string, SourcedRow[]>();
    for (const { data } of await getCollection('rows')) {
      const rows = grouped.get(data.dataset);
      if (rows) rows.push(data);
      else grouped.set(data.dataset, [data]);
    }
    for (const rows of grouped.values()) rows.sort((a, b) => a.index - b.index);
    return grouped;
  })();
  return byDataset;
}

/** A dataset's metadata as the data check passed it; throws when there is no such dataset. */
export async function datasetMeta(id: string): Promise<DatasetEntryData> {
  const entry = await getEntry('datasets', id);
  if (!entry) throw new Error(`no dataset ${id}`);
  return entry.data;
}

/** A dataset's rows in file order, whatever their shape: for tables, downloads and charts. */
export async function datasetRows(id: string): Promise<SourcedRow[]> {
  return (await rowsByDataset()).get(id) ?? [];
}

/**
 * A dataset's rows typed by their row schema. The data check validated every row against
 * it; this asserts that the dataset declares `shape`, so a page can rely on the keys.
 */
export async function rowsOfShape<S extends RowSchemaName>(shape: S, id: string): Promise<SourcedRow<RowOf<S>>[]> {
  const meta = await datasetMeta(id);
  if (meta.rowSchema !== shape) throw new Error(`dataset ${id} has row schema ${meta.rowSchema}, not ${shape}`);
  return (await datasetRows(id)) as SourcedRow<RowOf<S>>[];
}
