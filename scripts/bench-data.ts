/**
 * npm run bench:data — how much the data check costs over a bare PapaParse parse of the
 * same file, measured in one run (timings on shared machines are noisy; the ratio is what
 * is compared), and the whole check of every dataset and chart, as `npm run data:check`
 * does it (target < 3 s).
 *
 * Both sides do their whole job each run: the bare side reads the file as UTF-8 and parses
 * it; the check reads dataset.yaml, decodes and checks the bytes, parses, reads and
 * validates every cell (typed, problems with line:column) and runs the sums. They alternate,
 * after one untimed pass of each, so that machine noise and the collector's work fall on
 * both alike. Wall-clock and CPU time (process.cpuUsage, all threads) are both reported:
 * CPU time is what the other processes on a shared machine cannot inflate.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { checkDatasets } from '../src/lib/data/check.ts';
import { readDataset } from '../src/lib/data/dataset.ts';
import { readMeta } from '../src/lib/data/meta.ts';

const DATA_ROOT = 'data';
const DATASET = 'china-counties-2020';
const RUNS = 25;
const WHOLE_RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const cpuNow = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Wall-clock and CPU milliseconds of one call. */
function time(run: () => void): { wall: number; cpu: number } {
  const [wall, cpu] = [performance.now(), cpuNow()];
  run();
  return { wall: performance.now() - wall, cpu: cpuNow() - cpu };
}

const file = `${DATA_ROOT}/${DATASET}/china_counties_2020.csv`;
let rows = 0;
const bareParse = () => {
  rows = Papa.parse<string[]>(readFileSync(file, 'utf8'), { delimiter: ',' }).data.length;
};
const check = (options: Parameters<typeof readDataset>[2] = {}) => {
  const result = readDataset(DATA_ROOT, DATASET, options);
  if (result.problems.some((problem) => problem.severity === 'error')) throw new Error('bench dataset has errors');
};
// The CSV path: decode, parse, read and validate every cell, sums — with the metadata (838
// lines of YAML validated by zod, a fixed cost per dataset whatever the file's size) read once.
const meta = readMeta(DATA_ROOT, DATASET);
const csvPath = () => check({ meta });

bareParse();
check();
csvPath();
const bare: { wall: number; cpu: number }[] = [];
const checked: { wall: number; cpu: number }[] = [];
const path: { wall: number; cpu: number }[] = [];
for (let i = 0; i < RUNS; i++) {
  bare.push(time(bareParse));
  path.push(time(csvPath));
  checked.push(time(() => check()));
}
const whole: number[] = [];
let summary = '';
for (let i = 0; i < WHOLE_RUNS; i++) {
  whole.push(
    time(() => {
      const report = checkDatasets(DATA_ROOT);
      summary = `${report.datasets.length} datasets, ${report.charts.length} charts, ${report.datasets.reduce((n, result) => n + result.account.kept, 0).toLocaleString('en')} rows`;
    }).wall,
  );
}

const of = (list: { wall: number; cpu: number }[], key: 'wall' | 'cpu') => median(list.map((entry) => entry[key]));
const ratio = of(path, 'wall') / of(bare, 'wall');
const cpuRatio = of(path, 'cpu') / of(bare, 'cpu');
const wholeMs = median(whole);
console.log(`| measure | wall clock | CPU |`);
console.log(`| --- | --- | --- |`);
console.log(`| file | ${file} (${rows.toLocaleString('en')} CSV records, 153 columns) | |`);
console.log(`| bare PapaParse parse (median of ${RUNS}) | ${of(bare, 'wall').toFixed(1)} ms | ${of(bare, 'cpu').toFixed(1)} ms |`);
console.log(`| the CSV path of the data check: decode, parse, every cell read and validated, sums (median of ${RUNS}) | ${of(path, 'wall').toFixed(1)} ms | ${of(path, 'cpu').toFixed(1)} ms |`);
console.log(`| **ratio** (target ≤ 2×) | **${ratio.toFixed(2)}×** | ${cpuRatio.toFixed(2)}× |`);
console.log(`| the whole check of the dataset, its 838-line dataset.yaml read and validated too (median of ${RUNS}) | ${of(checked, 'wall').toFixed(1)} ms (${(of(checked, 'wall') / of(bare, 'wall')).toFixed(2)}×) | ${of(checked, 'cpu').toFixed(1)} ms (${(of(checked, 'cpu') / of(bare, 'cpu')).toFixed(2)}×) |`);
console.log(`| whole data check: ${summary} + boundaries (median of ${WHOLE_RUNS}) | ${wholeMs.toFixed(0)} ms (target < 3000 ms) | |`);
console.log(`\nThe two sides alternate in one process after one untimed pass of each; medians.`);
process.exitCode = ratio <= 2 && wholeMs < 3000 ? 0 : 1;
