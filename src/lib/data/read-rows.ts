import type { Cell, MissingReason } from '../../schemas/cell.ts';
import type { ColumnMeta, DatasetMeta, RowAccount } from '../../schemas/dataset.ts';
import type { GeoLevel } from '../../schemas/geo.ts';
import { rowSchemas } from '../../schemas/rows.ts';
import type { AdcodeIndex } from './boundaries.ts';
import { geoLevelOf } from './geo-level.ts';
import { CellError, markerMap, quickKind, quickNumber, slowCell, standardMissingMarkers, type QuickKind } from './normalise.ts';
import { META_FILE } from './paths.ts';
import type { Problem } from '../../schemas/problem.ts';
import type { SourceRecord } from './source.ts';
import { Table } from './table.ts';
import { compileRowSchema } from './validate.ts';

export interface RowsRead {
  table: Table;
  /** Problems in the published file's rows. */
  problems: Omit<Problem, 'file'>[];
  /** `sourceErrors` entries (by index) that matched a published cell. */
  usedSourceErrors: Set<number>;
}

/** Marks a field that no metadata column describes: it is not read. */
const UNREAD = 255;

/** How every field of a row is read: its column, its quick test, and the row-level rules. */
function rowRules(meta: DatasetMeta, fieldColumns: readonly (ColumnMeta | undefined)[]) {
  const markers: Record<string, MissingReason> = { ...standardMissingMarkers, ...meta.missingMarkers };
  const fieldOf = (key: string) => fieldColumns.findIndex((column) => column?.key === key);
  const rowSchema = compileRowSchema(rowSchemas[meta.rowSchema]);
  const quick = fieldColumns.map((column) => (column ? quickKind(column) : { kind: UNREAD, shift: 0 }));
  const keep = meta.keep ? new Set(meta.keep) : undefined;
  return {
    markers,
    exactMarkers: markerMap(markers),
    // Plain arrays of small integers, read in the inner loop without a call through a closure.
    kinds: Uint8Array.from(quick, (entry) => entry.kind),
    // The Table keeps a field's values under its key, numbers unboxed where its type is numeric.
    keys: fieldColumns.map((column) => (column && (!keep || keep.has(column.key)) ? column.key : undefined)),
    numeric: quick.map((entry) => entry.kind !== UNREAD && entry.kind !== 0),
    shifts: Uint8Array.from(quick, (entry) => entry.shift),
    fieldOf,
    rowSchema,
    // zod checks these keys; with a catch-all schema only the declared ones (see compileRowSchema).
    checkedFields: fieldColumns.flatMap((column, field) => (column && (!rowSchema.catchallOnly || rowSchema.declared.has(column.key)) ? [[column.key, field] as const] : [])),
    subtotalRules: meta.subtotals.map((rule) => ({
      field: fieldColumns.findIndex((column) => column?.source === rule.column || column?.key === rule.column),
      values: new Set(rule.values),
    })),
    adcodeField: fieldColumns.findIndex((column) => column?.type === 'adcode'),
    nameField: Math.max(fieldOf('county'), fieldOf('name')),
    sourceErrors: new Map(meta.sourceErrors.map((entry, index) => [`${entry.line}:${entry.key}`, { ...entry, index }])),
  };
}

/**
 * Reads the data records one at a time, as the parser hands them over: cells normalised
 * by their column's type (a cell listed in `sourceErrors` becomes a typed missing value)
 * straight into the Table, rows outside a view left out, each row validated against its
 * row schema, adcodes checked against the boundary files, subtotal rows marked. Every
 * record ends in exactly one of kept, rejected or filtered out.
 */
export function rowReader(
  fieldColumns: readonly (ColumnMeta | undefined)[],
  meta: DatasetMeta,
  account: RowAccount,
  options: { atMost?: number; adcodes?: AdcodeIndex } = {},
): { read(record: SourceRecord): void; result(): RowsRead } {
  const { adcodes } = options;
  const rules = rowRules(meta, fieldColumns);
  const table = new Table(rules.keys, { numeric: rules.numeric, ...(options.atMost === undefined ? {} : { capacity: options.atMost }) });
  const problems: RowsRead['problems'] = [];
  const usedSourceErrors = new Set<number>();
  const emit = (record: SourceRecord, field: number | undefined, message: string, details: Partial<Problem> = {}) => {
    problems.push({ ...(field === undefined || field < 0 ? { line: record.line, column: 1 } : record.place(field)), severity: 'error', message, ...details });
  };
  const prefix = meta.geography.adcodePrefix;
  const unmatched = new Set(meta.unmatchedAdcodes.map((entry) => entry.adcode));
  const width = fieldColumns.length;
  const { kinds, shifts } = rules;
  const checkedKeys = rules.checkedFields.map(([key]) => key);
  const checkedFields = rules.checkedFields.map(([, field]) => field);
  /** Missing values of the row being read, counted in the account only if it is kept. */
  const missingReasons: MissingReason[] = [];

  /** Reads the fields of a record into the row being written; false when a cell is bad. */
  function readCells(record: SourceRecord): boolean {
    const fields = record.fields;
    let rowOk = true;
    missingReasons.length = 0;
    for (let f = 0; f < width; f++) {
      const kind = kinds[f] ?? UNREAD;
      if (kind === UNREAD) continue;
      const raw = fields[f] ?? '';
      const quick = quickNumber(raw, kind as QuickKind, shifts[f] ?? 0);
      if (quick === quick) {
        table.setNumber(f, quick);
        continue;
      }
      const column = fieldColumns[f] as ColumnMeta;
      let value = slowCell(raw, column, rules.markers, rules.exactMarkers);
      if (value instanceof CellError) {
        const known = rules.sourceErrors.get(`${record.line}:${column.key}`);
        if (known && known.found === raw) {
          usedSourceErrors.add(known.index);
          value = { missing: 'source-error', marker: raw };
        } else {
          rowOk = false;
          emit(record, f, `${value.message} in column "${column.source}" (${column.key})`, { expected: value.expected, found: raw, ...(value.hint === undefined ? {} : { hint: value.hint }) });
          continue;
        }
      }
      if (typeof value === 'object') missingReasons.push(value.missing);
      table.set(f, value);
    }
    return rowOk;
  }

  function read(record: SourceRecord): void {
    account.read++;
    if (record.fields.length !== width) {
      emit(record, undefined, `row has ${record.fields.length} fields, the header has ${width}`, { hint: 'a missing or extra comma, or an unquoted comma inside a value' });
      account.rejected++;
      return;
    }
    if (!readCells(record)) {
      account.rejected++;
      return;
    }
    const row = table.next;
    const adcode = rules.adcodeField >= 0 ? table.cell(row, rules.adcodeField) : undefined;
    const adcodeText = typeof adcode === 'string' ? adcode : undefined;
    if (prefix !== undefined && !(adcodeText?.startsWith(prefix) ?? false)) {
      account.filteredOut++;
      return;
    }

    const checked: Record<string, Cell | undefined> = {};
    for (let k = 0; k < checkedKeys.length; k++) checked[checkedKeys[k] as string] = table.cell(row, checkedFields[k] as number);
    const parsed = rules.rowSchema.schema.safeParse(checked);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? '');
        const field = rules.fieldOf(key);
        emit(record, field, `${key || 'row'}: ${issue.message} (row schema "${meta.rowSchema}")`, field >= 0 ? { found: JSON.stringify(table.cell(row, field) ?? '') } : {});
      }
      account.rejected++;
      return;
    }

    const name = rules.nameField >= 0 ? table.cell(row, rules.nameField) : undefined;
    const geoLevel: GeoLevel = rules.adcodeField < 0 ? 'none' : geoLevelOf(adcodeText, typeof name === 'string' ? name : undefined);
    if (adcodes && adcodeText !== undefined && !unmatched.has(adcodeText)) {
      const known = geoLevel === 'province' ? adcodes.province : geoLevel === 'prefecture' ? adcodes.prefecture : adcodes.county;
      if (!known.has(adcodeText)) {
        emit(record, rules.adcodeField, `adcode ${adcodeText} has no ${geoLevel} in the boundary files`, {
          found: adcodeText,
          hint: `if the code is right, list it under unmatchedAdcodes in ${META_FILE} with the reason`,
        });
        account.rejected++;
        return;
      }
    }

    let isSubtotal = false;
    for (const rule of rules.subtotalRules) {
      const value = table.cell(row, rule.field);
      if (typeof value === 'string' && rule.values.has(value)) isSubtotal = true;
    }
    for (const reason of missingReasons) account.missingCells[reason]++;
    if (isSubtotal) account.subtotals++;
    account.kept++;
    table.commit({ sourceLine: record.line, geoLevel, isSubtotal });
  }

  return { read, result: () => ({ table, problems, usedSourceErrors }) };
}
