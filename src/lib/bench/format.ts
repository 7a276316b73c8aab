/**
 * Shared by the build benchmarks: repeated runs, the best of them, and the units their tables
 * print in.
 */

/** Runs `build` `runs` times one after another, logging each run as `describe` words it. */
export async function repeat<T>(runs: number, build: () => Promise<T>, describe: (run: T) => string, log: (line: string) => void): Promise<T[]> {
  const results: T[] = [];
  for (let index = 1; index <= runs; index++) {
    const run = await build();
    log(`  run ${index}: ${describe(run)}`);
    results.push(run);
  }
  return results;
}

/** Each timing's best over the runs: on a shared machine, a slower run measures the other work too. */
export function fastest(values: readonly (number | undefined)[]): number | undefined {
  const known = values.filter((value) => value !== undefined);
  return known.length > 0 ? Math.min(...known) : undefined;
}
export const fastestKnown = (values: readonly number[]) => Math.min(...values);

export const seconds = (value: number | undefined) => (value === undefined ? '—' : `${value.toFixed(1)} s`);
export const perPage = (value: number | undefined) => (value === undefined ? '—' : `${(value * 1000).toFixed(1)} ms`);
export const fileSize = (bytes: number) => (bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(0)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
export const count = (value: number) => value.toLocaleString('en');

/** A ratio of marginal costs; a marginal cost at or below zero means the added pages were lost in the noise. */
export function ratio(site: number | undefined, bare: number | undefined, digits = 1): string {
  if (site === undefined || bare === undefined) return '—';
  return site > 0 && bare > 0 ? `${(site / bare).toFixed(digits)}×` : 'within noise';
}
