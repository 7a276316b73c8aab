import type { ChartSpec } from '../schemas/chart.ts';

/** A dataset row as charts receive it (from the content collections or the data check). */
export interface ChartSourceRow {
  values: Record<string, unknown>;
  sourceLine: number;
  geoLevel: string;
  isSubtotal: boolean;
  /** For a workbook: the cell (A1) of each figure, by column key. */
  sourceCells?: Record<string, string> | undefined;
  /** The file the row comes from, when it is not its dataset's main file (a part, or another dataset). */
  sourceFile?: string | undefined;
}

/**
 * What a chart reads: the rows of its dataset, or the rows of each dataset it names (its
 * own and those of series with `dataset:`), by dataset id.
 */
export type ChartRows = readonly ChartSourceRow[] | ReadonlyMap<string, readonly ChartSourceRow[]>;

/** One row as the chart draws it: a label, values by key, and where each value stands in the published file. */
export interface ChartRow {
  label: string;
  adcode: string | undefined;
  /** Line (or sheet row) of the published file; the first one's, for a row pivoted from several. */
  sourceLine: number;
  values: Record<string, unknown>;
  /** The cell each value was read from: `K7`, or `file!K7` when it is not in the dataset's main file. */
  cells: Record<string, string>;
}

/** The rows of dataset `id` in `input` (an array stands for the chart's own dataset). */
export function rowsFor(input: ChartRows, id: string, own: string): readonly ChartSourceRow[] {
  if (Array.isArray(input)) return id === own ? input : [];
  return (input as ReadonlyMap<string, readonly ChartSourceRow[]>).get(id) ?? [];
}

/** Rows of another dataset, each naming the file it comes from (its dataset's `file`) unless it names a part. */
export function fromFile(rows: readonly ChartSourceRow[], file: string): ChartSourceRow[] {
  return rows.map((row) => (row.sourceFile === undefined ? { ...row, sourceFile: file } : row));
}

const adcodeOf = (row: Pick<ChartSourceRow, 'values'>) => (typeof row.values.adcode === 'string' ? row.values.adcode : undefined);

function matchesWhere(values: Record<string, unknown>, where: NonNullable<ChartSpec['rows']['where']>): boolean {
  for (const [column, wanted] of Object.entries(where)) {
    const value = values[column];
    if (typeof value !== 'string' || !(Array.isArray(wanted) ? wanted.includes(value) : value === wanted)) return false;
  }
  return true;
}

function cellsOf(row: ChartSourceRow): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const [key, ref] of Object.entries(row.sourceCells ?? {})) cells[key] = row.sourceFile === undefined ? ref : `${row.sourceFile}!${ref}`;
  return cells;
}

/** The dataset rows the chart's `rows:` choose, in file order: not subtotals, then level, prefix, where, exclude, only. */
export function chosenRows(spec: ChartSpec, rows: readonly ChartSourceRow[]): ChartSourceRow[] {
  const { level, adcodePrefix, exclude, only, where } = spec.rows;
  const excluded = new Set(exclude);
  return rows.filter((row) => {
    if (row.isSubtotal) return false;
    if (level !== undefined && row.geoLevel !== level) return false;
    const adcode = adcodeOf(row);
    if (adcodePrefix !== undefined && !(adcode?.startsWith(adcodePrefix) ?? false)) return false;
    if (where !== undefined && !matchesWhere(row.values, where)) return false;
    const label = String(row.values[spec.label] ?? '');
    if (excluded.has(label) || (adcode !== undefined && excluded.has(adcode))) return false;
    return only === undefined || only.includes(label);
  });
}

/**
 * The chart rows of one dataset: the chosen rows as they are, or, with `pivot`, one row per
 * label holding the pivot column's values as keys (`'03'`, `total`) with their cells.
 */
export function chartRows(spec: ChartSpec, rows: readonly ChartSourceRow[]): ChartRow[] {
  const chosen = chosenRows(spec, rows);
  const { pivot } = spec;
  if (!pivot) return chosen.map((row) => ({ label: String(row.values[spec.label] ?? ''), adcode: adcodeOf(row), sourceLine: row.sourceLine, values: row.values, cells: cellsOf(row) }));
  const byLabel = new Map<string, ChartRow>();
  for (const row of chosen) {
    const label = String(row.values[spec.label] ?? '');
    let target = byLabel.get(label);
    if (!target) {
      target = { label, adcode: adcodeOf(row), sourceLine: row.sourceLine, values: { [spec.label]: label }, cells: {} };
      byLabel.set(label, target);
    }
    const key = String(row.values[pivot.column] ?? '');
    target.values[key] = row.values[pivot.value];
    const cell = cellsOf(row)[pivot.value];
    if (cell !== undefined) target.cells[key] = cell;
  }
  return [...byLabel.values()];
}
