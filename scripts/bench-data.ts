/**
 * npm run bench:data — how much the data check costs over a bare PapaParse parse of the
 * same file, measured in one run (timings on shared machines are noisy; the ratio is what
 * is compared). Also times the whole check of every dataset, as `npm run data:check` does.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { checkDatasets } from '../src/lib/data/check.ts';
import { readDataset } from '../src/lib/data/dataset.ts';

const DATA_ROOT = 'data';
const DATASET = 'china-counties-2020';
const RUNS = 15;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function time(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

const file = `${DATA_ROOT}/${DATASET}/china_counties_2020.csv`;
const bare: number[] = [];
const checked: number[] = [];
let rows = 0;
for (let i = 0; i < RUNS; i++) {
  // Alternate the two so that machine noise falls on both alike.
  bare.push(time(() => {
    const parsed = Papa.parse<string[]>(readFileSync(file, 'utf8'), { delimiter: ',' });
    rows = parsed.data.length;
  }));
  checked.push(time(() => {
    const result = readDataset(DATA_ROOT, DATASET);
    if (result.problems.some((problem) => problem.severity === 'error')) throw new Error('bench dataset has errors');
  }));
}
const whole = time(() => checkDatasets(DATA_ROOT));

const bareMs = median(bare);
const checkMs = median(checked);
const ratio = checkMs / bareMs;
console.log(`| measure | value |`);
console.log(`| --- | --- |`);
console.log(`| file | ${file} (${rows.toLocaleString('en')} CSV records) |`);
console.log(`| bare PapaParse parse (median of ${RUNS}) | ${bareMs.toFixed(1)} ms |`);
console.log(`| data check of that dataset (median of ${RUNS}) | ${checkMs.toFixed(1)} ms |`);
console.log(`| ratio (target ≤ 2×) | ${ratio.toFixed(2)}× |`);
console.log(`| whole data check, all datasets + boundaries (one run) | ${whole.toFixed(0)} ms (target < 3000 ms) |`);
