import type { DatasetMeta } from '../../schemas/dataset.ts';
import { fileStem } from './columns.ts';

/**
 * URL scheme of downloads. Every file lives under its dataset's version:
 * `/data/<id>/v<version>/<file>`, so a published URL keeps serving what it served; a new
 * version of the data gets new URLs. The original file is stored once, under the dataset
 * that owns it (a view links its base's).
 */
export type VersionedMeta = Pick<DatasetMeta, 'id' | 'status' | 'version'>;

export interface DownloadPaths {
  /** The folder of this version: `/data/<id>/v<version>/`. */
  dir: string;
  /** Cleaned CSV, UTF-8 with BOM, header of column keys. */
  csv: string;
  /** The column dictionary as CSV (字段说明), Chinese header row. */
  columns: string;
  /** Metadata and rows as JSON. */
  json: string;
  /** Zip of the cleaned CSV, column dictionary, 使用说明, licence and citation. */
  zip: string;
  /** The published file, byte for byte. */
  original: string;
}

/** The dataset page (latest version). */
export function pagePath(id: string): string {
  return `/data/${id}/`;
}

export function versionDir(meta: Pick<DatasetMeta, 'id' | 'version'>): string {
  return `/data/${meta.id}/v${meta.version}/`;
}

/**
 * The name the published file is served under: as published, with `-sample` before the
 * extension for sample data (its bytes cannot carry the notice, so its name does).
 */
export function originalFileName(file: string, status: DatasetMeta['status']): string {
  if (status !== 'sample') return file;
  const dot = file.lastIndexOf('.');
  return dot > 0 ? `${file.slice(0, dot)}-sample${file.slice(dot)}` : `${file}-sample`;
}

/**
 * Download paths of `meta`; `owner` is the dataset whose published file it reads (itself,
 * or the base of a view), with that file's name.
 */
export function downloadPaths(meta: VersionedMeta, owner: VersionedMeta & { file: string }): DownloadPaths {
  const dir = versionDir(meta);
  const stem = fileStem(meta);
  return {
    dir,
    csv: `${dir}${stem}.csv`,
    columns: `${dir}${stem}-columns.csv`,
    json: `${dir}${stem}.json`,
    zip: `${dir}${stem}.zip`,
    original: `${versionDir(owner)}${originalFileName(owner.file, owner.status)}`,
  };
}
