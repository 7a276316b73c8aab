import { getCollection, type CollectionEntry } from 'astro:content';
import { t } from '../../i18n/ui.ts';
import { datasetDownloads, type DatasetDownloads } from '../download/bundle.ts';
import { downloadPaths, originalFileName, pagePath, type DownloadPaths } from '../download/paths.ts';
import { datasetRows } from './rows.ts';

export type DatasetEntry = CollectionEntry<'datasets'>;

export interface DatasetFiles extends DatasetDownloads {
  paths: DownloadPaths;
  /** The dataset whose published file this one reads (itself, or a view's base). */
  owner: DatasetEntry['data'];
  /** Name the published file is served under. */
  originalName: string;
}

const cache = new Map<string, Promise<DatasetFiles>>();

/** The dataset that owns the published file `entry` reads. */
export function ownerOf(entry: DatasetEntry, all: readonly DatasetEntry[]): DatasetEntry['data'] {
  if (entry.data.basedOn === undefined) return entry.data;
  const base = all.find((other) => other.id === entry.data.basedOn);
  if (!base) throw new Error(`dataset ${entry.id}: basedOn ${entry.data.basedOn} is not a dataset`);
  return base.data;
}

/**
 * Every download of a dataset's current version, built once per build (pages and the
 * download endpoints share it).
 */
export function filesOf(entry: DatasetEntry, all: readonly DatasetEntry[], site: URL | string | undefined): Promise<DatasetFiles> {
  const cached = cache.get(entry.id);
  if (cached) return cached;
  const made = (async () => {
    if (!site) throw new Error('astro.config: `site` must be set for absolute download URLs');
    const meta = entry.data;
    const owner = ownerOf(entry, all);
    const paths = downloadPaths(meta, owner);
    const rows = await datasetRows(meta.id);
    const downloads = datasetDownloads({ meta, rows, paths, pagePath: pagePath(meta.id), site, siteName: t('site.name') });
    return { ...downloads, paths, owner, originalName: originalFileName(owner.file, owner.status) };
  })();
  cache.set(entry.id, made);
  return made;
}

/** Every dataset entry, in a stable order (by id). */
export async function allDatasets(): Promise<DatasetEntry[]> {
  return (await getCollection('datasets')).sort((a, b) => a.id.localeCompare(b.id));
}
