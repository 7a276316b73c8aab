import { isMissing, missingReasons, type MissingReason } from '../../schemas/cell.ts';
import { t } from '../../i18n/ui.ts';
import { downloadUnit, downloadValue, missingNote, shippedColumns, type DownloadMeta, type DownloadRow } from './columns.ts';
import type { DownloadPaths } from './paths.ts';
import { absoluteUrl } from '../site/url.ts';

/** A column as the JSON index and the JSON download describe it. */
export interface ColumnRecord {
  key: string;
  /** The header as published. */
  source: string;
  type: string;
  /** Unit of the values in downloads (shares in % or ‰, as published); null for codes and names. */
  unit: string | null;
  meaning: string;
}

/** One dataset in `/data/index.json`: everything needed to find, judge and fetch it. */
export interface DatasetRecord {
  id: string;
  title: string;
  titleEn: string;
  status: 'real' | 'sample';
  /** 示例数据，非真实统计 for sample data; null for real statistics. */
  notice: string | null;
  version: number;
  updated: string;
  publisher: string;
  source: DownloadMeta['source'];
  licence: DownloadMeta['licence'];
  geography: DownloadMeta['geography'];
  period: string;
  /** The dataset this one is a view of, or null. */
  basedOn: string | null;
  /** Rows in the dataset. */
  rowCount: number;
  columns: ColumnRecord[];
  /** Absolute URL of the dataset page (latest version). */
  page: string;
  /** Absolute URLs of this version's downloads (a workbook's part files with their labels). */
  downloads: Record<keyof Omit<DownloadPaths, 'dir' | 'parts'>, string> & { parts: { label: string; url: string }[] };
}

export interface RecordContext {
  paths: DownloadPaths;
  pagePath: string;
  /** The site's address (Astro `site`), for absolute URLs. */
  site: URL | string;
  rowCount: number;
}

export function datasetRecord(meta: DownloadMeta, context: RecordContext): DatasetRecord {
  const absolute = (path: string) => absoluteUrl(path, context.site);
  const { paths } = context;
  return {
    id: meta.id,
    title: meta.title,
    titleEn: meta.titleEn,
    status: meta.status,
    notice: meta.status === 'sample' ? t('data.sample') : null,
    version: meta.version,
    updated: meta.updated,
    publisher: meta.publisher,
    source: meta.source,
    licence: meta.licence,
    geography: meta.geography,
    period: meta.period,
    basedOn: meta.basedOn ?? null,
    rowCount: context.rowCount,
    columns: shippedColumns(meta).map((column) => ({
      key: column.key,
      source: column.source.replace(/\s+/g, ''),
      type: column.type,
      unit: downloadUnit(column) ?? null,
      meaning: column.meaning,
    })),
    page: absolute(context.pagePath),
    downloads: {
      csv: absolute(paths.csv),
      columns: absolute(paths.columns),
      json: absolute(paths.json),
      zip: absolute(paths.zip),
      original: absolute(paths.original),
      parts: paths.parts.map((part) => ({ label: part.label, url: absolute(part.path) })),
    },
  };
}

/** Why a value is null in the JSON download. */
export interface MissingRecord {
  reason: MissingReason;
  /** The marker exactly as published (`NA`, `—`, `x`, or "" for a blank cell). */
  marker: string;
  /** The reason in words (and, for a rejected published value, what was published and why). */
  label: string;
}

export interface RowRecord {
  sourceLine: number;
  /** For a workbook's part: its file. */
  sourceFile?: string;
  /** For a workbook: the cell (A1) of each figure, by column key. */
  sourceCells?: Record<string, string>;
  values: Record<string, number | string | null>;
  /** Present only when the row has missing values: why each null is null. */
  missing?: Record<string, MissingRecord>;
}

export function rowRecord(meta: Pick<DownloadMeta, 'columns' | 'keep' | 'sourceErrors'>, row: DownloadRow): RowRecord {
  const values: Record<string, number | string | null> = {};
  const missing: Record<string, MissingRecord> = {};
  for (const column of shippedColumns(meta)) {
    const value = row.values[column.key];
    values[column.key] = downloadValue(value, column.type);
    if (isMissing(value)) {
      missing[column.key] = { reason: value.missing, marker: value.marker, label: missingNote(value, row.sourceLine, column.key, meta.sourceErrors) };
    }
  }
  const where = {
    sourceLine: row.sourceLine,
    ...(row.sourceFile === undefined ? {} : { sourceFile: row.sourceFile }),
    ...(row.sourceCells === undefined ? {} : { sourceCells: { ...row.sourceCells } }),
  };
  return Object.keys(missing).length > 0 ? { ...where, values, missing } : { ...where, values };
}

/** Conventions of the downloaded values, stated once in the JSON file and the README. */
export const VALUE_CONVENTIONS = [t('download.conventions.units'), t('download.conventions.missing'), t('download.conventions.sourceLine')] as const;

export interface DatasetJsonExtras {
  summary: string;
  caveats: readonly string[];
  citation: { gbt7714: string; plain: string };
}

/**
 * The JSON download: the dataset's index record, its summary, caveats, citation and value
 * conventions, the legend of missing-value reasons, then the rows, one per line so that the
 * file can be read and diffed.
 */
export function toDatasetJson(record: DatasetRecord, extras: DatasetJsonExtras, rows: readonly RowRecord[]): string {
  const missingLegend = Object.fromEntries(missingReasons.map((reason) => [reason, t(`missing.${reason}`)]));
  const head = { ...record, summary: extras.summary, caveats: extras.caveats, citation: extras.citation, conventions: VALUE_CONVENTIONS, missingReasons: missingLegend, rows: [] };
  const body = rows.map((row) => `    ${JSON.stringify(row)}`).join(',\n');
  const text = JSON.stringify(head, null, 2);
  const placeholder = '"rows": []\n}';
  if (!text.endsWith(placeholder)) throw new Error('toDatasetJson: rows must be the last field');
  return `${text.slice(0, -placeholder.length)}"rows": [${rows.length > 0 ? `\n${body}\n  ` : ''}]\n}\n`;
}
