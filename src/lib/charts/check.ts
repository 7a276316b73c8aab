import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seriesKeys } from '../../charts/data.ts';
import { chartState } from '../../charts/state.ts';
import { chartSpecSchema, type ChartSpec } from '../../schemas/chart.ts';
import { rowsOf, type DatasetResult } from '../data/dataset.ts';
import { YamlSource } from '../data/meta.ts';
import type { Problem } from '../data/problems.ts';

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
  for (const name of readdirSync(dir).filter((file) => file.endsWith('.yaml')).sort()) {
    const source = new YamlSource(`${displayRoot}/${chartDir}/${name}`, readFileSync(join(dir, name), 'utf8'));
    const at = (path: readonly PropertyKey[]) => ({ file: source.file, ...source.locate(path), severity: 'error' as const });
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
    const dataset = datasets.find((result) => result.id === spec.dataset);
    if (!dataset?.meta) {
      problems.push({ ...at(['dataset']), message: 'chart names a dataset that does not exist or did not load', found: spec.dataset, hint: `datasets: ${datasets.map((result) => result.id).join(', ')}` });
      continue;
    }
    const shipped = new Set(dataset.table.keys.filter((key): key is string => key !== undefined));
    const named: { key: string; path: PropertyKey[] }[] = [
      { key: spec.label, path: ['label'] },
      ...spec.series.flatMap((series, index) => seriesKeys(series).map((key) => ({ key, path: ['series', index] as PropertyKey[] }))),
    ];
    for (const { key, path } of named) {
      if (!shipped.has(key)) problems.push({ ...at(path), message: `column ${key} is not in dataset ${spec.dataset}`, found: key, hint: `its columns: ${[...shipped].slice(0, 12).join(', ')}…` });
    }
    if (problems.length > before) continue;
    try {
      chartState(spec, rowsOf(dataset));
      specs.push(spec);
    } catch (error) {
      problems.push({ ...at(['rows']), message: (error as Error).message });
    }
  }
  return { specs, problems };
}
