import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Cell, MissingReason } from '../../schemas/cell.ts';
import type { ColumnMeta, DatasetMeta } from '../../schemas/dataset.ts';
import { isRowSchemaName, rowSchemas } from '../../schemas/rows.ts';
import type { AdcodeIndex } from './boundaries.ts';
import { decode, DecodeError, type Encoding } from './decode.ts';
import { geoLevelOf, type GeoLevel } from './geo-level.ts';
import { readMeta } from './meta.ts';
import { cellReader, CellError, normaliseHeader, standardMissingMarkers } from './normalise.ts';
import { LineIndex, type Problem } from './problems.ts';
import { compileRowSchema } from './validate.ts';
import { parseCsv } from './parse.ts';

/** Where a row came from and what kind of row it is. */
interface RowContext {
  /** 1-based line in the published file where the row starts. */
  sourceLine: number;
  /** Administrative level, from the adcode. */
  geoLevel: GeoLevel;
  /** A subtotal row (e.g. 市辖区): shown, never summed. */
  isSubtotal: boolean;
}

/** One row of a dataset as pages receive it, with the way back to the published file. */
export interface DatasetRow extends RowContext {
  /** Normalised values by column key. */
  values: Record<string, Cell>;
}

/** A kept row as the check holds it: cells in the published file's field order. */
interface RowRecord extends RowContext {
  cells: Cell[];
}

/**
 * The kept rows, stored by field rather than as objects: the check never needs an
 * object per row, and building 3,358 objects of 153 keys was most of its time.
 */
interface Table {
  /** Key of each field, or undefined for a field that is not shipped (see `keep`). */
  keys: (string | undefined)[];
  rows: RowRecord[];
}

/** The kept rows as objects keyed by column key. */
export function rowsOf(result: DatasetResult): DatasetRow[] {
  const { keys, rows } = result.table;
  return rows.map(({ cells, ...context }) => {
    const values: Record<string, Cell> = {};
    keys.forEach((key, field) => {
      const cell = cells[field];
      if (key !== undefined && cell !== undefined) values[key] = cell;
    });
    return { ...context, values };
  });
}

/** Every published data row is counted in exactly one of kept, rejected or filteredOut. */
export interface RowAccount {
  /** Data rows in the file (header and blank lines excluded). */
  read: number;
  kept: number;
  /** Rows with an error; each is named in a problem. */
  rejected: number;
  /** Rows outside a view's `adcodePrefix`. */
  filteredOut: number;
  blankLines: number;
  subtotals: number;
  missingCells: Record<MissingReason, number>;
}

export interface DatasetResult {
  id: string;
  meta?: DatasetMeta;
  /** The published file, relative to the project root. */
  file?: string;
  encoding?: Encoding;
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
  return {
    read: 0,
    kept: 0,
    rejected: 0,
    filteredOut: 0,
    blankLines: 0,
    subtotals: 0,
    missingCells: { blank: 0, 'not-available': 0, 'not-applicable': 0, 'too-small': 0, suppressed: 0, 'source-error': 0 },
  };
}

/** Character offset where field `index` of the row starting at `rowStart` begins. */
function fieldOffset(text: string, rowStart: number, index: number): number {
  let offset = rowStart;
  let field = 0;
  let quoted = false;
  while (field < index && offset < text.length) {
    const char = text[offset];
    if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) field++;
    else if ((char === '\n' || char === '\r') && !quoted) break;
    offset++;
  }
  return offset;
}

/**
 * Reads one dataset folder: metadata, then the published file through decode → parse →
 * normalise → validate. Returns the rows that passed and a problem for everything else.
 */
export function readDataset(dataRoot: string, id: string, options: ReadOptions = {}): DatasetResult {
  const started = performance.now();
  const displayRoot = options.displayRoot ?? 'data';
  const account = emptyAccount();
  const metaResult = readMeta(dataRoot, id, displayRoot);
  const problems = [...metaResult.problems];
  const done = (extra: Partial<DatasetResult> = {}): DatasetResult => ({
    id,
    table: { keys: [], rows: [] },
    account,
    problems,
    milliseconds: performance.now() - started,
    ...extra,
  });
  const meta = metaResult.meta;
  if (!meta) return done();

  const fileDir = metaResult.fileDir;
  const file = `${displayRoot}/${relative(dataRoot, fileDir).replaceAll('\\', '/')}/${meta.file}`.replace('//', '/');
  const problem = (line: number, column: number, message: string, details: Partial<Problem> = {}): void => {
    problems.push({ file, line, column, severity: 'error', message, ...details });
  };

  if (!isRowSchemaName(meta.rowSchema)) {
    problems.push({ ...metaResult.locate(['rowSchema']), severity: 'error', message: 'unknown row schema', found: meta.rowSchema, expected: Object.keys(rowSchemas).join(', ') });
    return done({ meta, file });
  }
  const rowSchema = compileRowSchema(rowSchemas[meta.rowSchema]);

  let bytes: Uint8Array;
  try {
    bytes = readFileSync(join(fileDir, meta.file));
  } catch (cause) {
    problems.push({ ...metaResult.locate(['file']), severity: 'error', message: `published file not found: ${meta.file}`, hint: `put the file in ${displayRoot}/${id}/ exactly as published`, found: String((cause as Error).message) });
    return done({ meta, file });
  }

  let text: string;
  let encoding: Encoding;
  try {
    ({ text, encoding } = decode(bytes, meta.encoding));
  } catch (error) {
    if (!(error instanceof DecodeError)) throw error;
    problem(error.line, error.column, error.message, { hint: error.hint });
    return done({ meta, file });
  }

  const lines = new LineIndex(text);
  const { records, errors } = parseCsv(text, lines);
  for (const error of errors) {
    const at = lines.position(error.offset);
    problem(at.line, at.column, `CSV: ${error.message}`, { hint: 'a field that contains a comma, quote or line break must be wrapped in double quotes' });
  }

  const isBlank = (fields: string[]) => fields.length === 1 && (fields[0] ?? '').trim() === '';
  const headerIndex = records.findIndex((record) => !isBlank(record.fields));
  const header = records[headerIndex];
  if (!header) {
    problem(1, 1, 'file has no header row', { hint: 'the first line must name the columns' });
    return done({ meta, file, encoding });
  }

  // Match published headers to metadata columns.
  const columnsByHeader = new Map<string, { column: ColumnMeta; metaIndex: number }>();
  meta.columns.forEach((column, metaIndex) => columnsByHeader.set(normaliseHeader(column.source), { column, metaIndex }));
  const fieldColumns: (ColumnMeta | undefined)[] = [];
  const seenHeaders = new Map<string, number>();
  header.fields.forEach((rawHeader, index) => {
    const key = normaliseHeader(rawHeader);
    const at = lines.position(fieldOffset(text, header.start, index));
    const earlier = seenHeaders.get(key);
    if (earlier !== undefined) problem(at.line, at.column, `duplicate column header (also field ${earlier + 1})`, { found: rawHeader });
    seenHeaders.set(key, index);
    const match = columnsByHeader.get(key);
    if (!match) {
      problem(at.line, at.column, `column ${index + 1} is not described in ${META_FILE_NAME}`, { found: rawHeader, hint: 'add it to columns: with source, key, type and meaning' });
    }
    fieldColumns.push(match?.column);
  });
  for (const [key, { column, metaIndex }] of columnsByHeader) {
    if (!seenHeaders.has(key)) {
      problems.push({ ...metaResult.locate(['columns', metaIndex, 'source']), severity: 'error', message: 'column not found in the published file', found: column.source, hint: `headers are matched ignoring spaces and line breaks; the file has: ${header.fields.slice(0, 6).map((h) => normaliseHeader(h)).join(', ')}…` });
    }
  }
  const keys = new Set<string>();
  meta.columns.forEach((column, index) => {
    if (keys.has(column.key)) problems.push({ ...metaResult.locate(['columns', index, 'key']), severity: 'error', message: 'duplicate column key', found: column.key });
    keys.add(column.key);
  });
  const keep = meta.keep ? new Set(meta.keep) : undefined;
  meta.keep?.forEach((key, index) => {
    if (!keys.has(key)) problems.push({ ...metaResult.locate(['keep', index]), severity: 'error', message: 'keep names a key no column has', found: key });
  });
  if (problems.some((p) => p.severity === 'error')) return done({ meta, file, encoding });

  const markers: Record<string, MissingReason> = { ...standardMissingMarkers, ...meta.missingMarkers };
  const readers = fieldColumns.map((column) => (column ? cellReader(column, markers) : undefined));
  const fieldOf = (key: string) => fieldColumns.findIndex((column) => column?.key === key);
  const subtotalRules = meta.subtotals.map((rule) => ({
    field: fieldColumns.findIndex((column) => column?.source === rule.column || column?.key === rule.column),
    values: new Set(rule.values),
  }));
  const adcodeField = fieldColumns.findIndex((column) => column?.type === 'adcode');
  const nameField = Math.max(fieldOf('county'), fieldOf('name'));
  const prefix = meta.geography.adcodePrefix;
  const unmatched = new Set(meta.unmatchedAdcodes.map((entry) => entry.adcode));
  const sourceErrors = new Map(meta.sourceErrors.map((entry, index) => [`${entry.line}:${entry.key}`, { ...entry, index, used: false }]));
  // zod checks these keys; with a catch-all schema only the declared ones (see validateRow).
  const checkedFields = fieldColumns.flatMap((column, field) => (column && (!rowSchema.catchallOnly || rowSchema.declared.has(column.key)) ? [[column.key, field] as const] : []));
  const rows: RowRecord[] = [];

  for (let r = headerIndex + 1; r < records.length; r++) {
    const record = records[r];
    if (!record) continue;
    if (isBlank(record.fields)) {
      // The empty "record" after the file's final line break is not a blank line.
      if (record.start < text.length) account.blankLines++;
      continue;
    }
    account.read++;
    const rowAt = lines.position(record.start);
    const fields = record.fields;
    if (fields.length !== header.fields.length) {
      problem(rowAt.line, rowAt.column, `row has ${fields.length} fields, the header has ${header.fields.length}`, { hint: 'a missing or extra comma, or an unquoted comma inside a value' });
      account.rejected++;
      continue;
    }
    // Cells replace the raw strings in place: one array per row instead of two.
    const cells = fields as unknown as Cell[];
    let rowOk = true;
    let missingCount = 0;
    for (let f = 0; f < fields.length; f++) {
      const read = readers[f];
      const column = fieldColumns[f];
      if (read === undefined || column === undefined) continue;
      const raw = fields[f] ?? '';
      let value = read(raw);
      if (typeof value === 'object') {
        if (value instanceof CellError) {
          const known = sourceErrors.get(`${rowAt.line}:${column.key}`);
          if (known && known.found === raw) {
            known.used = true;
            value = { missing: 'source-error', marker: raw };
          } else {
            rowOk = false;
            const at = lines.position(fieldOffset(text, record.start, f));
            problem(at.line, at.column, `${value.message} in column "${column.source}" (${column.key})`, {
              expected: value.expected,
              found: raw,
              ...(value.hint === undefined ? {} : { hint: value.hint }),
            });
            continue;
          }
        }
        missingCount++;
      }
      cells[f] = value;
    }
    if (!rowOk) {
      account.rejected++;
      continue;
    }
    const adcode = adcodeField >= 0 ? cells[adcodeField] : undefined;
    const adcodeText = typeof adcode === 'string' ? adcode : undefined;
    if (prefix !== undefined && !(adcodeText?.startsWith(prefix) ?? false)) {
      account.filteredOut++;
      continue;
    }

    const checked: Record<string, Cell | undefined> = {};
    for (const [key, field] of checkedFields) checked[key] = cells[field];
    const parsed = rowSchema.schema.safeParse(checked);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? '');
        const field = fieldOf(key);
        const at = field >= 0 ? lines.position(fieldOffset(text, record.start, field)) : rowAt;
        problem(at.line, at.column, `${key || 'row'}: ${issue.message} (row schema "${meta.rowSchema}")`, field >= 0 ? { found: JSON.stringify(cells[field] ?? '') } : {});
      }
      account.rejected++;
      continue;
    }

    const name = nameField >= 0 ? cells[nameField] : undefined;
    const geoLevel: GeoLevel = adcodeField < 0 ? 'none' : geoLevelOf(adcodeText, typeof name === 'string' ? name : undefined);
    if (options.adcodes && adcodeText !== undefined && !unmatched.has(adcodeText)) {
      const known = geoLevel === 'province' ? options.adcodes.province : geoLevel === 'prefecture' ? options.adcodes.prefecture : options.adcodes.county;
      if (!known.has(adcodeText)) {
        const at = lines.position(fieldOffset(text, record.start, adcodeField));
        problem(at.line, at.column, `adcode ${adcodeText} has no ${geoLevel} in the boundary files`, {
          found: adcodeText,
          hint: `if the code is right, list it under unmatchedAdcodes in ${META_FILE_NAME} with the reason`,
        });
        account.rejected++;
        continue;
      }
    }

    const isSubtotal = subtotalRules.some((rule) => {
      const value = cells[rule.field];
      return typeof value === 'string' && rule.values.has(value);
    });
    if (missingCount > 0) for (const cell of cells) if (typeof cell === 'object') account.missingCells[cell.missing]++;
    if (isSubtotal) account.subtotals++;
    account.kept++;
    rows.push({ sourceLine: rowAt.line, geoLevel, isSubtotal, cells });
  }

  const table: Table = { keys: fieldColumns.map((column) => (column && (!keep || keep.has(column.key)) ? column.key : undefined)), rows };
  if (options.adcodes && prefix === undefined) {
    const present = new Set(rows.map((row) => (adcodeField >= 0 ? row.cells[adcodeField] : undefined)).filter((code): code is string => typeof code === 'string'));
    meta.unmatchedAdcodes.forEach((entry, index) => {
      if (!present.has(entry.adcode)) {
        problems.push({ ...metaResult.locate(['unmatchedAdcodes', index, 'adcode']), severity: 'warning', message: 'unmatchedAdcodes lists a code that no row has', found: entry.adcode });
      }
    });
  }

  for (const entry of sourceErrors.values()) {
    if (!entry.used) {
      problems.push({ ...metaResult.locate(['sourceErrors', entry.index]), severity: 'warning', message: `sourceErrors: line ${entry.line} column ${entry.key} does not hold an invalid ${JSON.stringify(entry.found)}; remove the entry` });
    }
  }
  checkSums(meta, table, metaResult.locate, problems);
  return done({ meta, file, encoding, table });
}

const META_FILE_NAME = 'dataset.yaml';

function checkSums(
  meta: DatasetMeta,
  table: Table,
  locate: (path: readonly PropertyKey[]) => { file: string; line: number; column: number },
  problems: Problem[],
): void {
  const adcodeField = meta.columns.length === 0 ? -1 : table.keys.findIndex((key) => meta.columns.some((column) => column.key === key && column.type === 'adcode'));
  meta.sums.forEach((sum, index) => {
    const where = locate(['sums', index]);
    const field = table.keys.indexOf(sum.column);
    if (field < 0) {
      problems.push({ ...where, severity: 'error', message: `sum check names column ${sum.column}, which no shipped column has` });
      return;
    }
    const codeOf = (row: RowRecord) => row.cells[adcodeField];
    const total = table.rows.find((row) => codeOf(row) === sum.equals.adcode);
    if (!total) {
      problems.push({ ...where, severity: 'error', message: `sum check: no row with adcode ${sum.equals.adcode}` });
      return;
    }
    const parts = table.rows.filter((row) => {
      const code = codeOf(row);
      return typeof code === 'string' && code !== sum.equals.adcode && code.startsWith(sum.of.adcodePrefix) && row.geoLevel === sum.of.level && !row.isSubtotal;
    });
    const expected = total.cells[field];
    const values = parts.map((row) => row.cells[field]);
    if (typeof expected !== 'number' || values.some((value) => typeof value !== 'number')) {
      problems.push({ ...where, severity: 'error', message: `sum check on ${sum.column}: a value is missing or not a number, so the sum cannot be checked` });
      return;
    }
    const found = (values as number[]).reduce((a, b) => a + b, 0);
    if (Math.abs(found - expected) > 1e-9 * Math.max(1, Math.abs(expected))) {
      problems.push({ ...where, severity: 'error', message: `sum check on ${sum.column}: ${parts.length} ${sum.of.level} rows under ${sum.of.adcodePrefix} add up to ${found}, the row ${sum.equals.adcode} says ${expected}` });
    }
  });
}
