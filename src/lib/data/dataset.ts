import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { missingReasons, type Cell } from '../../schemas/cell.ts';
import type { DatasetMeta, RowAccount } from '../../schemas/dataset.ts';
import type { SourcedRow } from '../../schemas/rows.ts';
import type { AdcodeIndex } from './boundaries.ts';
import { matchColumns } from './columns.ts';
import type { Encoding } from './decode.ts';
import { checkSums, staleEntries } from './dataset-checks.ts';
import { readMeta, type MetaResult } from './meta.ts';
import type { Problem } from '../../schemas/problem.ts';
import { rowReader, type RowsRead } from './read-rows.ts';
import { readCsvSource } from './source.ts';
import { Table } from './table.ts';
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
  /**
   * The dataset's metadata, already read (`readMeta`): the check then reads only the
   * published file. The data-check benchmark times the file's path apart from the YAML.
   */
  meta?: MetaResult;
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
  const { table } = result;
  const fields = table.keys.flatMap((key, field) => (key === undefined ? [] : [[key, field] as const]));
  return table.rows.map(({ sourceLine, sourceFile, geoLevel, isSubtotal }, index) => {
    const values: Record<string, Cell> = {};
    for (const [key, field] of fields) {
      const cell = table.cell(index, field);
      if (cell !== undefined) values[key] = cell;
    }
    const row: SourcedRow = { dataset: result.id, index, sourceLine, geoLevel, isSubtotal, values };
    if (sourceFile !== undefined) row.sourceFile = sourceFile;
    if (table.hasRefs) {
      const sourceCells: Record<string, string> = {};
      for (const [key, field] of fields) {
        const ref = table.ref(index, field);
        if (ref !== undefined) sourceCells[key] = ref;
      }
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
  const metaResult = options.meta ?? readMeta(dataRoot, id, displayRoot);
  const { meta, fileDir, locate } = metaResult;
  const problems = [...metaResult.problems];
  const done = (extra: Partial<DatasetResult> = {}): DatasetResult => ({
    id,
    table: new Table([]),
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

  // Rows are read as the parser hands them over; their problems follow those of the file and the header.
  const header: { problems: Problem[]; fieldColumns: ReturnType<typeof matchColumns>['fieldColumns']; reader?: ReturnType<typeof rowReader> } = { problems: [], fieldColumns: [] };
  const source = readCsvSource(bytes, meta.encoding, (record, atMost) => {
    const columns = matchColumns(record, meta, locate);
    header.problems = [...columns.fileProblems.map(inFile), ...columns.metaProblems];
    header.fieldColumns = columns.fieldColumns;
    if (header.problems.some((p) => p.severity === 'error')) return undefined;
    header.reader = rowReader(columns.fieldColumns, meta, account, { atMost, ...(options.adcodes ? { adcodes: options.adcodes } : {}) });
    return header.reader.read;
  });
  problems.push(...source.problems.map(inFile), ...header.problems);
  const { reader, fieldColumns } = header;
  const encoding = source.encoding === undefined ? {} : { encoding: source.encoding };
  account.blankLines = source.blankLines;
  if (!reader || problems.some((p) => p.severity === 'error')) {
    // A file that does not parse, or a header that does not match, gives no rows at all.
    Object.assign(account, emptyAccount(), { blankLines: source.header ? source.blankLines : 0 });
    return done({ meta, file, ...encoding });
  }
  const read: RowsRead = reader.result();
  problems.push(...read.problems.map(inFile));
  const { table } = read;
  const adcodeField = fieldColumns.findIndex((column) => column?.type === 'adcode');
  problems.push(
    ...staleEntries(meta, table, read.usedSourceErrors, { field: adcodeField, checked: options.adcodes !== undefined }, locate),
    ...checkSums(meta, table, adcodeField, locate),
  );
  return done({ meta, file, ...encoding, table });
}
