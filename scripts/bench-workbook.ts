/**
 * npm run bench:workbook — what the data check of the census workbooks costs over a bare
 * SheetJS read of the same files (target ≤ 2×), measured in one process, the sides
 * alternated so that machine noise falls on all alike. The check is `readDataset`, all of
 * it, as `npm run data:check` runs it for a dataset whose dataset.yaml has a `workbook:`
 * block: metadata, every file of the folder (the 城市/镇/乡村 parts too) read with its
 * declaration, labels folded, every figure read through the cell readers, the declared
 * sums checked, places matched to adcodes, and the tidy rows (place × group, each figure
 * with its cell) stored. Two bare reads are timed: SheetJS with its defaults (`XLSX.read`,
 * the bare read) and with the reader's options (dense, no formatted text or HTML), a
 * stricter comparison.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { readDataset } from '../src/lib/data/dataset.ts';
import { META_FILE } from '../src/lib/data/paths.ts';
import { SHEETJS_OPTIONS } from '../src/lib/data/workbook/open.ts';

const DATA_ROOT = 'data';
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

const folders = readdirSync(DATA_ROOT)
  .filter((id) => existsSync(`${DATA_ROOT}/${id}/${META_FILE}`) && /^workbook:/m.test(readFileSync(`${DATA_ROOT}/${id}/${META_FILE}`, 'utf8')))
  .map((id) => ({ id, files: readdirSync(`${DATA_ROOT}/${id}`).filter((name) => /\.xlsx?$/.test(name)) }));

const bareRead = (folder: (typeof folders)[number], options?: XLSX.ParsingOptions) => {
  for (const name of folder.files) XLSX.read(readFileSync(`${DATA_ROOT}/${folder.id}/${name}`), options);
};
let rows = 0;
let warnings = 0;
const check = (folder: (typeof folders)[number], count: boolean) => {
  const result = readDataset(DATA_ROOT, folder.id);
  if (result.problems.some((problem) => problem.severity === 'error')) throw new Error(`${folder.id} has errors`);
  if (count) {
    rows += result.table.rows.length;
    warnings += result.problems.length;
  }
};

// One untimed pass, so that no side pays for the first compilation of its code.
for (const folder of folders) {
  bareRead(folder);
  bareRead(folder, SHEETJS_OPTIONS);
  check(folder, true);
}

const lines: string[] = [];
const totals = { bare: Array<number>(RUNS).fill(0), lean: Array<number>(RUNS).fill(0), check: Array<number>(RUNS).fill(0) };
for (const folder of folders) {
  const bare: number[] = [];
  const lean: number[] = [];
  const checked: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    bare.push(time(() => bareRead(folder)));
    lean.push(time(() => bareRead(folder, SHEETJS_OPTIONS)));
    checked.push(time(() => check(folder, false)));
    totals.bare[i] = (totals.bare[i] ?? 0) + (bare[i] ?? 0);
    totals.lean[i] = (totals.lean[i] ?? 0) + (lean[i] ?? 0);
    totals.check[i] = (totals.check[i] ?? 0) + (checked[i] ?? 0);
  }
  const [bareMs, leanMs, checkMs] = [median(bare), median(lean), median(checked)];
  lines.push(`| ${folder.id} (${folder.files.length} file${folder.files.length > 1 ? 's' : ''}) | ${bareMs.toFixed(1)} ms | ${leanMs.toFixed(1)} ms | ${checkMs.toFixed(1)} ms | ${(checkMs / bareMs).toFixed(2)}× | ${(checkMs / leanMs).toFixed(2)}× |`);
}

const [bareAll, leanAll, checkAll] = [median(totals.bare), median(totals.lean), median(totals.check)];
const ratio = checkAll / bareAll;
console.log(`| dataset folder | bare SheetJS read (defaults) | SheetJS read, reader's options | data check (readDataset) | ratio to the bare read | ratio to the reader's options |`);
console.log('| --- | --- | --- | --- | --- | --- |');
for (const line of lines) console.log(line);
console.log(
  `| **all ${folders.length} folders, ${folders.reduce((n, folder) => n + folder.files.length, 0)} files, ${rows.toLocaleString('en-US')} tidy rows, ${warnings} warnings** | ${bareAll.toFixed(1)} ms | ${leanAll.toFixed(1)} ms | ${checkAll.toFixed(1)} ms | **${ratio.toFixed(2)}×** (target ≤ 2×) | ${(checkAll / leanAll).toFixed(2)}× |`,
);
console.log(`\nMedians of ${RUNS} runs in one process after one untimed pass; the three alternate within each run.`);
process.exitCode = ratio <= 2 ? 0 : 1;
