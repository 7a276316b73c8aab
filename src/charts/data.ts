import { isMissing, type MissingReason } from '../schemas/cell.ts';
import type { ChartSeries, ChartSpec } from '../schemas/chart.ts';

/** A dataset row as charts receive it (from the content collections or the data check). */
export interface ChartSourceRow {
  values: Record<string, unknown>;
  sourceLine: number;
  geoLevel: string;
  isSubtotal: boolean;
}

/** One drawn row: its label, a value per series (undefined where missing) and its source line. */
export interface ChartDatum {
  label: string;
  adcode: string | undefined;
  sourceLine: number;
  values: (number | undefined)[];
  /** Why a value is missing, per series. */
  missing: (MissingReason | 'not-computable' | undefined)[];
}

/** Column keys a series reads. */
export function seriesKeys(series: ChartSeries): string[] {
  return series.key !== undefined ? [series.key] : (series.sum ?? series.ratio ?? series.difference ?? []);
}

/** A series the site computes (sum, ratio, difference) rather than reads. */
export function isDerived(series: ChartSeries): boolean {
  return series.key === undefined;
}

function seriesValue(series: ChartSeries, values: Record<string, unknown>): { value?: number; missing?: ChartDatum['missing'][number] } {
  const parts = seriesKeys(series).map((key) => values[key]);
  const reason = parts.find(isMissing);
  if (reason) return { missing: reason.missing };
  if (parts.some((part) => typeof part !== 'number')) return { missing: 'not-computable' };
  const numbers = parts as number[];
  if (series.key !== undefined) return { value: numbers[0] ?? 0 };
  if (series.sum) return { value: numbers.reduce((a, b) => a + b, 0) };
  const [first = 0, second = 0] = numbers;
  if (series.ratio) return second === 0 ? { missing: 'not-computable' } : { value: first / second };
  return { value: second - first };
}

/** The rows a chart draws, in drawing order, with each series' value. */
export function chartData(spec: ChartSpec, rows: readonly ChartSourceRow[]): ChartDatum[] {
  const { level, adcodePrefix, exclude, only } = spec.rows;
  const excluded = new Set(exclude);
  const selected = rows.filter((row) => {
    if (row.isSubtotal) return false;
    if (level !== undefined && row.geoLevel !== level) return false;
    const adcode = typeof row.values.adcode === 'string' ? row.values.adcode : undefined;
    if (adcodePrefix !== undefined && !(adcode?.startsWith(adcodePrefix) ?? false)) return false;
    const label = String(row.values[spec.label] ?? '');
    if (excluded.has(label) || (adcode !== undefined && excluded.has(adcode))) return false;
    return only === undefined || only.includes(label);
  });
  const data = selected.map((row) => {
    const computed = spec.series.map((series) => seriesValue(series, row.values));
    return {
      label: String(row.values[spec.label] ?? ''),
      adcode: typeof row.values.adcode === 'string' ? row.values.adcode : undefined,
      sourceLine: row.sourceLine,
      values: computed.map((entry) => entry.value),
      missing: computed.map((entry) => entry.missing),
    };
  });
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
