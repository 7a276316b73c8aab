import { citationText, licenceText, toReadme } from './readme.ts';
import { fileStem, shippedColumns, type DownloadMeta, type DownloadRow } from './columns.ts';
import { columnDictionary, toCleanCsv, toColumnsCsv, BOM } from './csv.ts';
import { gbt7714Citation, plainCitation } from './citation.ts';
import { datasetRecord, rowRecord, toDatasetJson, type DatasetRecord } from './json.ts';
import type { DownloadPaths } from './paths.ts';
import { toZip } from './zip.ts';
import { t } from '../../i18n/ui.ts';

export interface BundleInput {
  meta: DownloadMeta;
  rows: readonly DownloadRow[];
  paths: DownloadPaths;
  /** Path of the dataset page, `/data/<id>/`. */
  pagePath: string;
  /** The site's address (Astro `site`). */
  site: URL | string;
  siteName: string;
}

/** Every file made from one version of a dataset, and what the page needs to link and cite them. */
export interface DatasetDownloads {
  record: DatasetRecord;
  citation: { gbt7714: string; plain: string };
  csv: string;
  columnsCsv: string;
  json: string;
  readme: string;
  licence: string;
  citationFile: string;
  zip: Uint8Array;
  /** Names of the files inside the zip. */
  zipEntries: string[];
}

export const README_NAME = t('download.name.readme');
export const LICENCE_NAME = t('download.name.licence');
export const CITATION_NAME = t('download.name.citation');

/** Builds every download of a dataset version; pure, so two calls give identical bytes. */
export function datasetDownloads(input: BundleInput): DatasetDownloads {
  const { meta, rows, paths } = input;
  const columns = shippedColumns(meta);
  const record = datasetRecord(meta, { paths, pagePath: input.pagePath, site: input.site, rowCount: rows.length });
  const citationContext = { siteName: input.siteName, url: record.page };
  const citation = { gbt7714: gbt7714Citation(meta, citationContext), plain: plainCitation(meta, citationContext) };
  const csv = toCleanCsv(columns, rows, meta.sourceErrors);
  const columnsCsv = toColumnsCsv(columns, rows);
  const json = toDatasetJson(record, { summary: meta.summary, caveats: meta.caveats, citation }, rows.map((row) => rowRecord(meta, row)));
  const stem = fileStem(meta);
  const folder = `${stem}-v${meta.version}/`;
  const csvName = `${stem}.csv`;
  const columnsName = `${stem}-columns.csv`;
  const files = [
    { name: csvName, about: t('download.file.csv') },
    { name: columnsName, about: t('download.file.columns') },
    { name: README_NAME, about: t('download.file.readme') },
    { name: LICENCE_NAME, about: t('download.file.licence') },
    { name: CITATION_NAME, about: t('download.file.citation') },
  ];
  const readme = toReadme(meta, {
    siteName: input.siteName,
    page: record.page,
    original: record.downloads.original,
    files,
    dictionary: columnDictionary(columns, rows),
    rowCount: rows.length,
    citation,
  });
  const licence = licenceText(meta);
  const citationFile = citationText(meta, citation);
  // Text files carry a BOM too, so that older Windows editors read them as UTF-8.
  const contents: Record<string, string> = {
    [csvName]: csv,
    [columnsName]: columnsCsv,
    [README_NAME]: `${BOM}${readme}`,
    [LICENCE_NAME]: `${BOM}${licence}`,
    [CITATION_NAME]: `${BOM}${citationFile}`,
  };
  const entries = files.map((file) => ({ name: `${folder}${file.name}`, data: contents[file.name] ?? '' }));
  const zip = toZip(entries, meta.updated);
  return { record, citation, csv, columnsCsv, json, readme, licence, citationFile, zip, zipEntries: entries.map((entry) => entry.name) };
}
