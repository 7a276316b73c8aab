import type { Cell, MissingReason } from '../../schemas/cell.ts';
import type { ColumnMeta, DatasetMeta, RowAccount } from '../../schemas/dataset.ts';
import type { GeoLevel } from '../../schemas/geo.ts';
import { rowSchemas } from '../../schemas/rows.ts';
import type { AdcodeIndex } from './boundaries.ts';
import { geoLevelOf } from './geo-level.ts';
import { CellError, markerMap, QUICK, quickKind, quickNumber, slowCell, standardMissingMarkers } from './normalise.ts';
import { META_FILE } from './paths.ts';
import type { Problem } from './problems.ts';
import type { SourceRecord } from './source.ts';
import { compileRowSchema } from './validate.ts';

/** A kept row as the check holds it: cells in the published file's field order. */
export interface RowRecord {
  /** Line of the published file (or sheet row) where the row starts. */
  sourceLine: number;
  geoLevel: GeoLevel;
  /** A subtotal row (e.g. 市辖区): shown, never summed. */
  isSubtotal: boolean;
  cells: Cell[];
  /** For a workbook: the cell (A1) of each figure, parallel to `cells`. */
  refs?: (string | undefined)[];
  /** For a workbook's part (城市, 镇, 乡村): the file the row comes from, when not the main one. */
  sourceFile?: string;
}

export interface RowsRead {
  rows: RowRecord[];
  /** Problems in the published file's rows. */
  problems: Omit<Problem, 'file'>[];
  /** `sourceErrors` entries (by index) that matched a published cell. */
  usedSourceErrors: Set<number>;
}

/** Problems are named by the field's place in the published file, found only when needed. */
type Emit = (record: SourceRecord, field: number | undefined, message: string, details?: Partial<Problem>) => void;

/** Marks a field that no metadata column describes: it is not read. */
const UNREAD = 255;

/** How every field of a row is read: its column, its quick test, and the row-level rules. */
function rowRules(meta: DatasetMeta, fieldColumns: readonly (ColumnMeta | undefined)[]) {
  const markers: Record<string, MissingReason> = { ...standardMissingMarkers, ...meta.missingMarkers };
  const fieldOf = (key: string) => fieldColumns.findIndex((column) => column?.key === key);
  const rowSchema = compileRowSchema(rowSchemas[meta.rowSchema]);
  const quick = fieldColumns.map((column) => (column ? quickKind(column) : { kind: UNREAD, shift: 0 }));
  return {
    markers,
    exactMarkers: markerMap(markers),
    // Plain arrays of small integers, read in the inner loop without a call through a closure.
    kinds: Uint8Array.from(quick, (entry) => entry.kind),
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
 * Reads every data record: cells normalised by their column's type (a cell listed in
 * `sourceErrors` becomes a typed missing value), rows outside a view left out, each row
 * validated against its row schema, adcodes checked against the boundary files, subtotal
 * rows marked. Every record ends in exactly one of kept, rejected or filtered out.
 */
export function readRows(records: readonly SourceRecord[], fieldColumns: readonly (ColumnMeta | undefined)[], meta: DatasetMeta, account: RowAccount, adcodes?: AdcodeIndex): RowsRead {
  const rules = rowRules(meta, fieldColumns);
  const problems: RowsRead['problems'] = [];
  const usedSourceErrors = new Set<number>();
  const emit: Emit = (record, field, message, details = {}) => {
    problems.push({ ...(field === undefined || field < 0 ? { line: record.line, column: 1 } : record.place(field)), severity: 'error', message, ...details });
  };
  const prefix = meta.geography.adcodePrefix;
  const unmatched = new Set(meta.unmatchedAdcodes.map((entry) => entry.adcode));
  const width = fieldColumns.length;
  const rows: RowRecord[] = [];

  for (const record of records) {
    account.read++;
    const fields = record.fields;
    if (fields.length !== width) {
      emit(record, undefined, `row has ${fields.length} fields, the header has ${width}`, { hint: 'a missing or extra comma, or an unquoted comma inside a value' });
      account.rejected++;
      continue;
    }
    // Cells replace the raw strings in place: one array per row instead of two.
    const cells = fields as unknown as Cell[];
    let rowOk = true;
    let missingCount = 0;
    for (let f = 0; f < width; f++) {
      const kind = rules.kinds[f] ?? UNREAD;
      if (kind === UNREAD) continue;
      const raw = fields[f] ?? '';
      const quick = quickNumber(raw, kind as (typeof QUICK)[keyof typeof QUICK], rules.shifts[f] ?? 0);
      if (quick === quick) {
        cells[f] = quick;
        continue;
      }
      const column = fieldColumns[f] as ColumnMeta;
      let value = slowCell(raw, column, rules.markers, rules.exactMarkers);
      if (typeof value === 'object') {
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
        missingCount++;
      }
      cells[f] = value;
    }
    if (!rowOk) {
      account.rejected++;
      continue;
    }
    const adcode = rules.adcodeField >= 0 ? cells[rules.adcodeField] : undefined;
    const adcodeText = typeof adcode === 'string' ? adcode : undefined;
    if (prefix !== undefined && !(adcodeText?.startsWith(prefix) ?? false)) {
      account.filteredOut++;
      continue;
    }

    const checked: Record<string, Cell | undefined> = {};
    for (const [key, field] of rules.checkedFields) checked[key] = cells[field];
    const parsed = rules.rowSchema.schema.safeParse(checked);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? '');
        const field = rules.fieldOf(key);
        emit(record, field, `${key || 'row'}: ${issue.message} (row schema "${meta.rowSchema}")`, field >= 0 ? { found: JSON.stringify(cells[field] ?? '') } : {});
      }
      account.rejected++;
      continue;
    }

    const name = rules.nameField >= 0 ? cells[rules.nameField] : undefined;
    const geoLevel: GeoLevel = rules.adcodeField < 0 ? 'none' : geoLevelOf(adcodeText, typeof name === 'string' ? name : undefined);
    if (adcodes && adcodeText !== undefined && !unmatched.has(adcodeText)) {
      const known = geoLevel === 'province' ? adcodes.province : geoLevel === 'prefecture' ? adcodes.prefecture : adcodes.county;
      if (!known.has(adcodeText)) {
        emit(record, rules.adcodeField, `adcode ${adcodeText} has no ${geoLevel} in the boundary files`, {
          found: adcodeText,
          hint: `if the code is right, list it under unmatchedAdcodes in ${META_FILE} with the reason`,
        });
        account.rejected++;
        continue;
      }
    }

    const isSubtotal = rules.subtotalRules.some((rule) => {
      const value = cells[rule.field];
      return typeof value === 'string' && rule.values.has(value);
    });
    if (missingCount > 0) for (const cell of cells) if (typeof cell === 'object') account.missingCells[cell.missing]++;
    if (isSubtotal) account.subtotals++;
    account.kept++;
    rows.push({ sourceLine: record.line, geoLevel, isSubtotal, cells });
  }
  return { rows, problems, usedSourceErrors };
}
