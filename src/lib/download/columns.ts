import type { ColumnMeta, ColumnType, DatasetMeta } from '../../schemas/dataset.ts';
import { isMissing, type Missing } from '../../schemas/cell.ts';
import { t } from '../../i18n/ui.ts';
import { describeMissing } from '../../i18n/format.ts';

/** The metadata a download is made from: a dataset's own fields (views carry their base's). */
export type DownloadMeta = Pick<
  DatasetMeta,
  | 'id'
  | 'basedOn'
  | 'status'
  | 'version'
  | 'updated'
  | 'title'
  | 'titleEn'
  | 'summary'
  | 'publisher'
  | 'source'
  | 'licence'
  | 'geography'
  | 'period'
  | 'file'
  | 'columns'
  | 'keep'
  | 'caveats'
  | 'sourceErrors'
>;

/** A column as downloads describe it. */
export type DownloadColumn = Pick<ColumnMeta, 'key' | 'source' | 'type' | 'unit' | 'meaning'>;

/** A row of a dataset in file order: the line it starts on in the published file, and its cells by key. */
export interface DownloadRow {
  sourceLine: number;
  values: Readonly<Record<string, unknown>>;
  /** For a workbook's part (城市, 镇, 乡村): the file the row comes from. */
  sourceFile?: string | undefined;
  /** For a workbook: the cell (A1) of each figure, by column key. */
  sourceCells?: Readonly<Record<string, string>> | undefined;
}

/**
 * Where a workbook row's figures stand, beyond its row number: the part file (when the
 * dataset has parts) and the cells. CSV datasets have neither, and their downloads keep
 * exactly the columns they had.
 */
export function sourceColumns(rows: readonly DownloadRow[]): { file: boolean; cells: boolean } {
  return { file: rows.some((row) => row.sourceFile !== undefined), cells: rows.some((row) => row.sourceCells !== undefined) };
}

/** A row's cells as one CSV field: `K7 L7 M7`, in the order of the row's figures. */
export function sourceCellsText(row: DownloadRow): string {
  return Object.values(row.sourceCells ?? {}).join(' ');
}

/** The columns a dataset ships, in metadata order: all of them, or those in `keep` for a view. */
export function shippedColumns(meta: Pick<DatasetMeta, 'columns' | 'keep'>): ColumnMeta[] {
  const keep = meta.keep ? new Set(meta.keep) : undefined;
  return meta.columns.filter((column) => !keep || keep.has(column.key));
}

/**
 * How many times a stored value is multiplied to give the figure as published: shares are
 * stored as fractions 0–1 but published (and downloaded) in % or ‰.
 */
const publishedFactor: Partial<Record<ColumnType, number>> = { percent: 100, permille: 1000 };

/**
 * A number in the unit the publisher used: 0.0522 in a `percent` column → 5.22. Rounded to
 * 12 significant digits so that the float error of ×100 (5.220000000000001) never reaches
 * a download; published figures have far fewer digits than that.
 */
export function inPublishedUnit(value: number, type: ColumnType): number {
  const factor = publishedFactor[type];
  return factor === undefined ? value : Number((value * factor).toPrecision(12));
}

/** The unit a download states for a column: the metadata unit, or % / ‰ for shares without one. */
export function downloadUnit(column: Pick<ColumnMeta, 'type' | 'unit'>): string | undefined {
  if (column.unit !== undefined) return column.unit;
  if (column.type === 'percent') return '%';
  if (column.type === 'permille') return '‰';
  return undefined;
}

/** A cell as a download writes it: a number (published unit), text, or null when missing. */
export function downloadValue(value: unknown, type: ColumnType): number | string | null {
  if (typeof value === 'number') return inPublishedUnit(value, type);
  if (typeof value === 'string') return value;
  return null;
}

/**
 * Why a cell is empty, in words a reader can use: the legend entry for the marker, and for a
 * published value the site rejects (`sourceErrors`), the value as published and the reason.
 */
export function missingNote(missing: Missing, sourceLine: number, key: string, sourceErrors: DatasetMeta['sourceErrors']): string {
  const label = describeMissing(missing);
  if (missing.missing === 'source-error') {
    const error = sourceErrors.find((entry) => entry.line === sourceLine && entry.key === key);
    if (error) return t('download.sourceError', { label, found: error.found, note: error.note });
  }
  return label;
}

/** Keys of the columns that hold at least one missing value in `rows`, in column order. */
export function columnsWithMissing(columns: readonly Pick<ColumnMeta, 'key'>[], rows: readonly DownloadRow[]): Set<string> {
  const keys = new Set<string>();
  for (const column of columns) {
    if (rows.some((row) => isMissing(row.values[column.key]))) keys.add(column.key);
  }
  return keys;
}

/** The file name stem of every derived download: the id, with `-sample` for sample data. */
export function fileStem(meta: Pick<DatasetMeta, 'id' | 'status'>): string {
  return meta.status === 'sample' ? `${meta.id}-sample` : meta.id;
}
