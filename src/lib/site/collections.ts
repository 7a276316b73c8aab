import { getCollection } from 'astro:content';
import type { RowSchemaName } from '../../schemas/rows.ts';

/** Which collection holds the rows of each row schema (see src/content.config.ts). */
const collectionOf = {
  population: 'populationRows',
  'county-census': 'countyCensusRows',
  'ethnic-groups': 'ethnicGroupRows',
  'report-figures': 'reportFigureRows',
} as const satisfies Partial<Record<RowSchemaName, string>>;

/** A dataset's rows in file order, as plain records for tables and downloads. */
export async function rowsOfDataset(id: string, rowSchema: string): Promise<{ sourceLine: number; geoLevel: string; isSubtotal: boolean; values: Record<string, unknown> }[]> {
  if (!(rowSchema in collectionOf)) throw new Error(`dataset ${id}: no collection for row schema ${rowSchema}`);
  const collection = collectionOf[rowSchema as keyof typeof collectionOf];
  const entries = await getCollection(collection, (entry) => entry.data.dataset === id);
  return entries
    .map((entry) => ({ sourceLine: entry.data.sourceLine, geoLevel: entry.data.geoLevel, isSubtotal: entry.data.isSubtotal, values: entry.data.row as Record<string, unknown> }))
    .sort((a, b) => a.sourceLine - b.sourceLine);
}
