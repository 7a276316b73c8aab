import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seriesKeys } from '../../charts/data.ts';
import { chosenRows, fromFile, type ChartSourceRow } from '../../charts/select.ts';
import { chartState } from '../../charts/state.ts';
import { chartSpecSchema, type ChartSpec } from '../../schemas/chart.ts';
import { rowsOf, type DatasetResult } from '../data/dataset.ts';
import { YamlSource } from '../data/meta.ts';
import type { Problem } from '../../schemas/problem.ts';

export const CHART_DIR = 'charts';

export interface ChartCheck {
  specs: ChartSpec[];
  problems: Problem[];
}

/**
 * Reads `data/charts/*.yaml` and checks each chart against the datasets: the dataset
 * exists, every column it names is shipped, and at least one row is drawn.
 */
export function checkCharts(dataRoot: string, datasets: readonly DatasetResult[], chartDir = CHART_DIR, displayRoot = dataRoot): ChartCheck {
  const dir = join(dataRoot, chartDir);
  if (!existsSync(dir)) return { specs: [], problems: [] };
  const specs: ChartSpec[] = [];
  const problems: Problem[] = [];
  const byId = new Map(datasets.map((result) => [result.id, result]));
  // Rows as objects, built once per dataset however many charts read it.
  const built = new Map<string, ChartSourceRow[]>();
  const rowsOfDataset = (result: DatasetResult, joined: boolean): ChartSourceRow[] => {
    const key = `${result.id}:${joined}`;
    let rows = built.get(key);
    if (!rows) {
      rows = joined && result.meta ? fromFile(rowsOf(result), result.meta.file) : rowsOf(result);
      built.set(key, rows);
    }
    return rows;
  };
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.yaml')).sort()) {
    const source = new YamlSource(`${displayRoot}/${chartDir}/${name}`, readFileSync(join(dir, name), 'utf8'));
    // A column named as a mapping key (rows.where) is located at the key itself.
    const at = (path: readonly PropertyKey[], key = false) => ({ file: source.file, ...(key ? source.locateKey(path) : source.locate(path)), severity: 'error' as const });
    if (source.syntaxProblem) {
      problems.push(source.syntaxProblem);
      continue;
    }
    const parsed = chartSpecSchema.safeParse(source.value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ ...at(issue.path), message: `${issue.path.join('.') || '(top level)'}: ${issue.message}` });
      continue;
    }
    const spec = parsed.data;
    const before = problems.length;
    if (`${spec.id}.yaml` !== name) problems.push({ ...at(['id']), message: 'id differs from the file name', expected: name.replace(/\.yaml$/, ''), found: spec.id });
    const dataset = byId.get(spec.dataset);
    if (!dataset?.meta) {
      problems.push({ ...at(['dataset']), message: 'chart names a dataset that does not exist or did not load', found: spec.dataset, hint: `datasets: ${datasets.map((result) => result.id).join(', ')}` });
      continue;
    }
    const rows = new Map<string, ChartSourceRow[]>([[spec.dataset, rowsOfDataset(dataset, false)]]);
    spec.join.forEach((join, index) => {
      const other = byId.get(join.dataset);
      if (other?.meta) rows.set(join.dataset, rowsOfDataset(other, true));
      else problems.push({ ...at(['join', index, 'dataset']), message: 'join names a dataset that does not exist or did not load', found: join.dataset });
    });
    if (problems.length > before) continue;
    const prefixes = new Map([['', spec.dataset], ...spec.join.map((join): [string, string] => [`${join.as}.`, join.dataset])]);
    for (const [prefix, id] of prefixes) problems.push(...columnProblems(spec, { id, prefix, prefixes }, byId.get(id)?.table.keys ?? [], rows.get(id) ?? [], at));
    if (problems.length > before) continue;
    try {
      chartState(spec, rows);
      specs.push(spec);
    } catch (error) {
      problems.push({ ...at(['rows']), message: (error as Error).message });
    }
  }
  return { specs, problems };
}

/**
 * Every column the chart names in one dataset it reads: the label, the columns of `where`
 * and `pivot`, and the series keys that read this dataset (its own plain keys, or a joined
 * one's `<as>.<key>`). With `pivot`, a series key must be a value of the pivot column
 * among the chosen rows (a group, a category).
 */
function columnProblems(
  spec: ChartSpec,
  dataset: { id: string; prefix: string; prefixes: ReadonlyMap<string, string> },
  keys: readonly (string | undefined)[],
  rows: readonly ChartSourceRow[],
  at: (path: readonly PropertyKey[], key?: boolean) => Omit<Problem, 'message'>,
): Problem[] {
  const { id, prefix } = dataset;
  const shipped = new Set(keys.filter((key): key is string => key !== undefined));
  const named: { key: string; path: PropertyKey[]; isKey?: boolean }[] = [
    { key: spec.label, path: ['label'] },
    ...Object.keys(spec.rows.where ?? {}).map((key) => ({ key, path: ['rows', 'where', key], isKey: true })),
    ...(spec.pivot ? [{ key: spec.pivot.column, path: ['pivot', 'column'] }, { key: spec.pivot.value, path: ['pivot', 'value'] }] : []),
  ];
  const problems: Problem[] = [];
  for (const { key, path, isKey } of named) {
    if (!shipped.has(key)) problems.push({ ...at(path, isKey), message: `column ${key} is not in dataset ${id}`, found: key, hint: `its columns: ${[...shipped].slice(0, 12).join(', ')}…` });
  }
  if (problems.length > 0) return problems;
  const pivot = spec.pivot;
  const available = pivot ? new Set(chosenRows(spec, rows).map((row) => String(row.values[pivot.column] ?? ''))) : shipped;
  // A key reads the joined dataset whose `<as>.` it starts with, else the chart's own.
  const readsHere = (key: string) => [...dataset.prefixes.keys()].filter((p) => p !== '' && key.startsWith(p)).at(0) ?? '';
  spec.series.forEach((series, index) => {
    for (const qualified of seriesKeys(series)) {
      if (readsHere(qualified) !== prefix) continue;
      const key = qualified.slice(prefix.length);
      if (available.has(key)) continue;
      problems.push(
        pivot
          ? { ...at(['series', index]), message: `${pivot.column} ${key} is not among the chosen rows of dataset ${id}`, found: qualified, hint: `values of ${pivot.column} there: ${[...available].slice(0, 12).join(', ')}…` }
          : { ...at(['series', index]), message: `column ${key} is not in dataset ${id}`, found: qualified, hint: `its columns: ${[...shipped].slice(0, 12).join(', ')}…` },
      );
    }
  });
  return problems;
}
