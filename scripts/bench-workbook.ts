/**
 * npm run bench:workbook — what reading and checking the census workbooks costs over a bare
 * SheetJS read of the same files (target ≤ 2×), measured in one process, the two alternated
 * so that machine noise falls on both alike. The check reads each dataset folder's files
 * with its declaration (the workbook: block of dataset.yaml), folds the labels, reads every figure through the
 * cell readers and runs the declared checks, parts across files included. Two bare reads are
 * timed: SheetJS with its defaults, and SheetJS with the reader's own options (dense, no
 * formatted text or HTML), the stricter comparison.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { META_FILE } from '../src/lib/data/paths.ts';
import * as XLSX from '@e965/xlsx';
import { parse as parseYaml } from 'yaml';
import { readWorkbookFolder } from '../src/lib/data/workbook/folder.ts';
import { SHEETJS_OPTIONS } from '../src/lib/data/workbook/open.ts';
import { groupMatcher, loadGroupTables } from '../src/lib/data/workbook/groups.ts';
import { workbookSpecSchema } from '../src/schemas/workbook.ts';

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

const groups = groupMatcher(loadGroupTables(`${DATA_ROOT}/reference`));
const folders = readdirSync(DATA_ROOT)
  .filter((id) => existsSync(`${DATA_ROOT}/${id}/${META_FILE}`) && 'workbook' in (parseYaml(readFileSync(`${DATA_ROOT}/${id}/${META_FILE}`, 'utf8')) as object))
  .map((id) => {
    const spec = workbookSpecSchema.parse((parseYaml(readFileSync(`${DATA_ROOT}/${id}/${META_FILE}`, 'utf8')) as { workbook: unknown }).workbook);
    const files = readdirSync(`${DATA_ROOT}/${id}`).filter((name) => /\.xlsx?$/.test(name));
    const main = files.find((name) => !spec.parts.some((part) => part.file === name));
    if (main === undefined) throw new Error(`${id}: no main workbook`);
    return { id, spec, files, main };
  });

// One untimed pass, so that neither side pays for the first compilation of its code.
for (const folder of folders) {
  for (const name of folder.files) XLSX.read(readFileSync(`${DATA_ROOT}/${folder.id}/${name}`));
  readWorkbookFolder(`${DATA_ROOT}/${folder.id}`, `${DATA_ROOT}/${folder.id}`, folder.main, folder.spec, groups);
}

const rows: string[] = [];
let bareTotal: number[] = Array.from({ length: RUNS }, () => 0);
let leanTotal: number[] = Array.from({ length: RUNS }, () => 0);
let checkTotal: number[] = Array.from({ length: RUNS }, () => 0);
let cells = 0;
let warnings = 0;
for (const folder of folders) {
  const bare: number[] = [];
  const lean: number[] = [];
  const checked: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    bare.push(time(() => {
      for (const name of folder.files) XLSX.read(readFileSync(`${DATA_ROOT}/${folder.id}/${name}`));
    }));
    lean.push(time(() => {
      for (const name of folder.files) XLSX.read(readFileSync(`${DATA_ROOT}/${folder.id}/${name}`), SHEETJS_OPTIONS);
    }));
    checked.push(time(() => {
      const result = readWorkbookFolder(`${DATA_ROOT}/${folder.id}`, `${DATA_ROOT}/${folder.id}`, folder.main, folder.spec, groups);
      if (result.problems.some((problem) => problem.severity === 'error')) throw new Error(`${folder.id} has errors`);
      if (i === 0) {
        for (const table of [result.table, ...result.parts]) cells += (table?.account.numbers ?? 0) + (table?.account.noneReported ?? 0) + (table?.account.missing ?? 0);
        warnings += result.problems.length;
      }
    }));
  }
  bareTotal = bareTotal.map((total, i) => total + (bare[i] ?? 0));
  leanTotal = leanTotal.map((total, i) => total + (lean[i] ?? 0));
  checkTotal = checkTotal.map((total, i) => total + (checked[i] ?? 0));
  const [bareMs, leanMs, checkMs] = [median(bare), median(lean), median(checked)];
  rows.push(`| ${folder.id} (${folder.files.length} file${folder.files.length > 1 ? 's' : ''}) | ${bareMs.toFixed(1)} ms | ${leanMs.toFixed(1)} ms | ${checkMs.toFixed(1)} ms | ${(checkMs / bareMs).toFixed(2)}× | ${(checkMs / leanMs).toFixed(2)}× |`);
}

const [bareAll, leanAll, checkAll] = [median(bareTotal), median(leanTotal), median(checkTotal)];
console.log(`| dataset folder | bare SheetJS read, defaults | bare SheetJS read, reader's options | read + check | ratio to defaults | ratio to reader's options |`);
console.log('| --- | --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
console.log(`| **all ${folders.length} folders, ${folders.reduce((n, f) => n + f.files.length, 0)} files, ${cells.toLocaleString('en-US')} figures, ${warnings} warnings** | ${bareAll.toFixed(1)} ms | ${leanAll.toFixed(1)} ms | ${checkAll.toFixed(1)} ms | **${(checkAll / bareAll).toFixed(2)}×** | **${(checkAll / leanAll).toFixed(2)}×** (target ≤ 2×) |`);
console.log(`\nMedians of ${RUNS} runs in one process after one untimed pass; the three alternate within each run.`);
process.exitCode = checkAll / leanAll <= 2 ? 0 : 1;
