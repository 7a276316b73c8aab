import type { DatasetMeta } from '../../schemas/dataset.ts';
import { fileStem } from './columns.ts';

/**
 * URL scheme of downloads. Every file lives under its dataset's version:
 * `/data/<id>/v<version>/<file>`, so a published URL keeps serving what it served; a new
 * version of the data gets new URLs. The original file is stored once, under the dataset
 * that owns it (a view links its base's).
 */
export type VersionedMeta = Pick<DatasetMeta, 'id' | 'status' | 'version'>;

/** The files a dataset publishes as they were published: the one it reads, and a workbook's parts (城市, 镇, 乡村). */
export function publishedFiles(meta: Pick<DatasetMeta, 'file' | 'workbook'>): { file: string; label: string | undefined }[] {
  return [{ file: meta.file, label: undefined }, ...(meta.workbook?.parts ?? []).map((part) => ({ file: part.file, label: part.label }))];
}

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
  /** A workbook's part files (城市, 镇, 乡村), byte for byte. */
  parts: { label: string; file: string; path: string }[];
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

/** A file the site makes for every version of a dataset (all but the published file). */
export type GeneratedDownload = Exclude<keyof DownloadPaths, 'dir' | 'original' | 'parts'>;

/** Names of the generated files of a version, in its folder: `<id>.csv`, `<id>-columns.csv`, … */
export function generatedFileNames(meta: Pick<DatasetMeta, 'id' | 'status'>): Record<GeneratedDownload, string> {
  const stem = fileStem(meta);
  return { csv: `${stem}.csv`, columns: `${stem}-columns.csv`, json: `${stem}.json`, zip: `${stem}.zip` };
}

/**
 * The generated download whose URL the published file of `meta` would take: both are served
 * from the version's folder, so a file named `<id>.csv` (served as `<id>-sample.csv` for
 * sample data) would replace the cleaned CSV without a word. Names are compared ignoring
 * case, as a host on a case-insensitive file system serves them.
 */
export function clashingDownload(meta: Pick<DatasetMeta, 'id' | 'status' | 'file' | 'workbook'>): { kind: GeneratedDownload; name: string } | undefined {
  const served = new Set(publishedFiles(meta).map(({ file }) => originalFileName(file, meta.status).toLowerCase()));
  const names = Object.entries(generatedFileNames(meta)) as [GeneratedDownload, string][];
  const clash = names.find(([, name]) => served.has(name.toLowerCase()));
  return clash && { kind: clash[0], name: clash[1] };
}

/**
 * Download paths of `meta`; `owner` is the dataset whose published file it reads (itself,
 * or the base of a view), with that file's name.
 */
export function downloadPaths(meta: VersionedMeta, owner: VersionedMeta & Pick<DatasetMeta, 'file' | 'workbook'>): DownloadPaths {
  const dir = versionDir(meta);
  const names = generatedFileNames(meta);
  return {
    dir,
    csv: `${dir}${names.csv}`,
    columns: `${dir}${names.columns}`,
    json: `${dir}${names.json}`,
    zip: `${dir}${names.zip}`,
    // Published names may hold spaces and Chinese (1-6 各地区分性别、民族的人口.xls): the URL encodes them.
    original: `${versionDir(owner)}${encodeURIComponent(originalFileName(owner.file, owner.status))}`,
    parts: publishedFiles(owner).flatMap(({ file, label }) => (label === undefined ? [] : [{ label, file: originalFileName(file, owner.status), path: `${versionDir(owner)}${encodeURIComponent(originalFileName(file, owner.status))}` }])),
  };
}
