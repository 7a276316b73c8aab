import { countOf, isMissing, type MissingReason } from '../schemas/cell.ts';
import type { ChartPart, ChartSeries, ChartSpec } from '../schemas/chart.ts';
import { chartRows, rowsFor, type ChartRows } from './select.ts';

/** One drawn row: its label, a value per series (undefined where missing) and its source line. */
export interface ChartDatum {
  label: string;
  adcode: string | undefined;
  sourceLine: number;
  values: (number | undefined)[];
  /** Why a value is missing, per series. */
  missing: (MissingReason | 'not-computable' | undefined)[];
  /** The published cells each series' value was read or computed from (`K7`, `file!K7`); empty where rows carry no cells. */
  cells: string[][];
}

/** The column keys a part of a ratio names. */
const partKeys = (part: ChartPart): string[] => (typeof part === 'string' ? [part] : part);

/** Column keys a series reads. */
export function seriesKeys(series: ChartSeries): string[] {
  if (series.key !== undefined) return [series.key];
  if (series.ratio) return [...partKeys(series.ratio[0]), series.ratio[1]];
  return series.sum ?? series.difference ?? series.change ?? [];
}

/** A series the site computes (sum, ratio, difference, change) rather than reads. */
export function isDerived(series: ChartSeries): boolean {
  return series.key === undefined;
}

function seriesValue(series: ChartSeries, values: Record<string, unknown>): { value?: number; missing?: ChartDatum['missing'][number] } {
  // A census volume's blank is 'none reported': nobody counted, so it counts as 0.
  const parts = seriesKeys(series).map((key) => countOf(values[key]) ?? values[key]);
  const reason = parts.find(isMissing);
  if (reason) return { missing: reason.missing };
  if (parts.some((part) => typeof part !== 'number')) return { missing: 'not-computable' };
  const numbers = parts as number[];
  const total = (list: number[]) => list.reduce((a, b) => a + b, 0);
  if (series.key !== undefined) return { value: numbers[0] ?? 0 };
  if (series.sum) return { value: total(numbers) };
  if (series.ratio) {
    const denominator = numbers[numbers.length - 1] ?? 0;
    return denominator === 0 ? { missing: 'not-computable' } : { value: total(numbers.slice(0, -1)) / denominator };
  }
  const [first = 0, second = 0] = numbers;
  if (series.change) return first === 0 ? { missing: 'not-computable' } : { value: second / first - 1 };
  return { value: second - first };
}

/**
 * The rows a chart draws, in drawing order, with each series' value: the chart's rows
 * (chosen, and pivoted for a tidy table), each holding, under `<as>.<key>`, the values of
 * the joined datasets' rows with the same label.
 */
export function chartData(spec: ChartSpec, input: ChartRows): ChartDatum[] {
  const own = chartRows(spec, rowsFor(input, spec.dataset, spec.dataset));
  const joined = spec.join.map(({ dataset, as }) => ({ as, byLabel: new Map(chartRows(spec, rowsFor(input, dataset, spec.dataset)).map((row) => [row.label, row])) }));
  const data = own.map((row) => {
    const values = { ...row.values };
    const cells = { ...row.cells };
    for (const { as, byLabel } of joined) {
      const other = byLabel.get(row.label);
      for (const [key, value] of Object.entries(other?.values ?? {})) values[`${as}.${key}`] = value;
      for (const [key, cell] of Object.entries(other?.cells ?? {})) cells[`${as}.${key}`] = cell;
    }
    const computed = spec.series.map((series) => ({
      ...seriesValue(series, values),
      cells: seriesKeys(series).flatMap((key) => (cells[key] === undefined ? [] : [cells[key]])),
    }));
    return {
      label: row.label,
      adcode: row.adcode,
      sourceLine: row.sourceLine,
      values: computed.map((entry) => entry.value),
      missing: computed.map((entry) => entry.missing),
      cells: computed.map((entry) => entry.cells),
    };
  });
  const { only } = spec.rows;
  if (only !== undefined) return only.flatMap((label) => data.filter((datum) => datum.label === label));
  if (spec.sort === 'none') return data;
  // Sort by the last series (the latest year, or the only one); missing values go last.
  const sortIndex = spec.type === 'slope' ? -1 : spec.series.length - 1;
  const key = (datum: ChartDatum) => (sortIndex === -1 ? changeOf(datum) : datum.values[sortIndex]);
  return [...data].sort((a, b) => {
    const left = key(a);
    const right = key(b);
    if (left === undefined) return right === undefined ? 0 : 1;
    if (right === undefined) return -1;
    return spec.sort === 'descending' ? right - left : left - right;
  });
}

/** Last value minus first, or undefined when either is missing. */
export function changeOf(datum: ChartDatum): number | undefined {
  const first = datum.values[0];
  const last = datum.values[datum.values.length - 1];
  return first === undefined || last === undefined ? undefined : last - first;
}

/** Every value drawn, missing ones left out: what a scale's domain is computed from. */
export function knownValues(data: readonly ChartDatum[]): number[] {
  return data.flatMap((datum) => datum.values.filter((value): value is number => value !== undefined));
}

/** Shares of each row's total, per series: the stacked 100 % bar's values. */
export function rowShares(datum: ChartDatum): (number | undefined)[] {
  if (datum.values.some((value) => value === undefined)) return datum.values.map(() => undefined);
  const total = (datum.values as number[]).reduce((a, b) => a + b, 0);
  return (datum.values as number[]).map((value) => (total === 0 ? undefined : value / total));
}
