import { getEntry } from 'astro:content';
import { checkedData } from '../data/checked.ts';
import { rowsOf } from '../data/dataset.ts';
import type { DatasetEntryData } from '../../schemas/dataset.ts';
import type { RowOf, RowSchemaName, SourcedRow } from '../../schemas/rows.ts';

let byDataset: Map<string, SourcedRow[]> | undefined;

/**
 * Every kept row of every dataset, by dataset in file order, from the data check's result
 * (src/lib/data/checked.ts: handed over by the build, not checked again); read once per build.
 */
function rowsByDataset(): Map<string, SourcedRow[]> {
  byDataset ??= new Map(checkedData().datasets.map((dataset) => [dataset.id, rowsOf(dataset)]));
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
  return rowsByDataset().get(id) ?? [];
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
