import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { missingReasons, type Cell } from '../../schemas/cell.ts';
import type { DatasetMeta, RowAccount } from '../../schemas/dataset.ts';
import type { SourcedRow } from '../../schemas/rows.ts';
import type { AdcodeIndex } from './boundaries.ts';
import { matchColumns } from './columns.ts';
import type { Encoding } from './decode.ts';
import { checkSums, staleEntries, type Table } from './dataset-checks.ts';
import { readMeta } from './meta.ts';
import type { Problem } from './problems.ts';
import { readRows } from './read-rows.ts';
import { readCsvSource } from './source.ts';
import { readWorkbookDataset } from './workbook/dataset.ts';

/** One dataset as the data check read it. */
export interface DatasetResult {
  id: string;
  meta?: DatasetMeta;
  /** The published file, relative to the project root. */
  file?: string;
  /** The text encoding of a CSV, or the format of a workbook (xls, xlsx). */
  encoding?: Encoding | 'xls' | 'xlsx';
  table: Table;
  account: RowAccount;
  problems: Problem[];
  milliseconds: number;
}

export interface ReadOptions {
  /** Adcodes with a boundary polygon; when given, every row's adcode is checked against it. */
  adcodes?: AdcodeIndex;
  /** How paths are shown in problems (default `data`). */
  displayRoot?: string;
}

function emptyAccount(): RowAccount {
  const missingCells = Object.fromEntries(missingReasons.map((reason) => [reason, 0])) as RowAccount['missingCells'];
  return { read: 0, kept: 0, rejected: 0, filteredOut: 0, blankLines: 0, subtotals: 0, missingCells };
}

/**
 * The kept rows as objects keyed by column key. The check stores rows by field (building
 * 3,358 objects of 153 keys was most of its time); pages receive objects.
 */
export function rowsOf(result: DatasetResult): SourcedRow[] {
  const { keys, rows } = result.table;
  return rows.map(({ cells, refs, sourceLine, sourceFile, geoLevel, isSubtotal }, index) => {
    const values: Record<string, Cell> = {};
    keys.forEach((key, field) => {
      const cell = cells[field];
      if (key !== undefined && cell !== undefined) values[key] = cell;
    });
    const row: SourcedRow = { dataset: result.id, index, sourceLine, geoLevel, isSubtotal, values };
    if (sourceFile !== undefined) row.sourceFile = sourceFile;
    if (refs) {
      const sourceCells: Record<string, string> = {};
      keys.forEach((key, field) => {
        const ref = refs[field];
        if (key !== undefined && ref !== undefined) sourceCells[key] = ref;
      });
      row.sourceCells = sourceCells;
    }
    return row;
  });
}

/**
 * Reads one dataset folder: metadata, then the published file through decode → parse →
 * normalise → validate, then the checks over all rows. Returns the rows that passed and a
 * problem for everything else; every published row is accounted for.
 */
export function readDataset(dataRoot: string, id: string, options: ReadOptions = {}): DatasetResult {
  const started = performance.now();
  const displayRoot = options.displayRoot ?? 'data';
  const account = emptyAccount();
  const { meta, fileDir, problems, locate } = readMeta(dataRoot, id, displayRoot);
  const done = (extra: Partial<DatasetResult> = {}): DatasetResult => ({
    id,
    table: { keys: [], rows: [] },
    account,
    problems,
    milliseconds: performance.now() - started,
    ...extra,
  });
  if (!meta) return done();

  const file = `${displayRoot}/${relative(dataRoot, fileDir).replaceAll('\\', '/')}/${meta.file}`.replace('//', '/');
  const inFile = (problem: Omit<Problem, 'file'>): Problem => ({ file, ...problem });

  // A workbook has its own reader (it reads its parts too), which reports a missing file itself.
  if (meta.workbook) {
    const read = readWorkbookDataset({ meta, spec: meta.workbook, dataRoot, fileDir, displayDir: file.slice(0, file.lastIndexOf('/')), columns: meta.columns, account });
    problems.push(...read.problems);
    return done({ meta, file, table: read.table, ...(read.format === undefined ? {} : { encoding: read.format }) });
  }

  let bytes: Uint8Array;
  try {
    bytes = readFileSync(join(fileDir, meta.file));
  } catch (cause) {
    problems.push({ ...locate(['file']), severity: 'error', message: `published file not found: ${meta.file}`, hint: `put the file in ${displayRoot}/${id}/ exactly as published`, found: String((cause as Error).message) });
    return done({ meta, file });
  }

  const source = readCsvSource(bytes, meta.encoding);
  problems.push(...source.problems.map(inFile));
  const encoding = source.encoding === undefined ? {} : { encoding: source.encoding };
  if (!source.header) return done({ meta, file, ...encoding });
  account.blankLines = source.blankLines;

  const columns = matchColumns(source.header, meta, locate);
  problems.push(...columns.fileProblems.map(inFile), ...columns.metaProblems);
  if (problems.some((p) => p.severity === 'error')) return done({ meta, file, ...encoding });

  const { fieldColumns } = columns;
  const read = readRows(source.records, fieldColumns, meta, account, options.adcodes);
  problems.push(...read.problems.map(inFile));
  const keep = meta.keep ? new Set(meta.keep) : undefined;
  const table: Table = { keys: fieldColumns.map((column) => (column && (!keep || keep.has(column.key)) ? column.key : undefined)), rows: read.rows };
  const adcodeField = fieldColumns.findIndex((column) => column?.type === 'adcode');
  problems.push(
    ...staleEntries(meta, table, read.usedSourceErrors, { field: adcodeField, checked: options.adcodes !== undefined }, locate),
    ...checkSums(meta, table, adcodeField, locate),
  );
  return done({ meta, file, ...encoding, table });
}
