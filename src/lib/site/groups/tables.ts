import { datasetMeta, rowsOfShape } from '../rows.ts';
import { ALL_RESIDENCES, GROUP_DATASETS, TOTAL } from './catalogue.ts';
import { indexGroupTable, type GroupTable } from './table-index.ts';

const cache = new Map<string, Promise<GroupTable>>();

/** A shipped census table by group, read once per build. */
export function groupTable(dataset: string): Promise<GroupTable> {
  let found = cache.get(dataset);
  if (!found) {
    found = Promise.all([datasetMeta(dataset), rowsOfShape('census-table', dataset)]).then(([meta, rows]) => indexGroupTable(meta, rows));
    cache.set(dataset, found);
  }
  return found;
}

/** Every census table by group the site ships, by the keys of `GROUP_DATASETS`. */
export type CensusTables = Record<keyof typeof GROUP_DATASETS, GroupTable>;

/** All of them, read once per build. */
export async function censusTables(): Promise<CensusTables> {
  const entries = await Promise.all(Object.entries(GROUP_DATASETS).map(async ([key, dataset]) => [key, await groupTable(dataset)] as const));
  return Object.fromEntries(entries) as CensusTables;
}

export { ALL_RESIDENCES, TOTAL };
