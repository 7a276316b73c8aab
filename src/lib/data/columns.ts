import type { ColumnMeta, DatasetMeta } from '../../schemas/dataset.ts';
import { META_FILE } from './paths.ts';
import { normaliseHeader } from './normalise.ts';
import type { Problem } from '../../schemas/problem.ts';
import type { SourceRecord } from './source.ts';

type Locate = (path: readonly PropertyKey[]) => Pick<Problem, 'file' | 'line' | 'column'>;

/** The metadata column of each published field (undefined where none describes it), and what does not match. */
export interface ColumnMatch {
  fieldColumns: (ColumnMeta | undefined)[];
  /** Problems in the published file (its header). */
  fileProblems: Omit<Problem, 'file'>[];
  /** Problems in the metadata. */
  metaProblems: Problem[];
}

/**
 * Matches the published header to the metadata's columns, ignoring spaces, line breaks
 * and full-width forms. Every published column must be described, every described column
 * must be published, and keys and `keep` must agree.
 */
export function matchColumns(header: SourceRecord, meta: DatasetMeta, locate: Locate): ColumnMatch {
  const fileProblems: ColumnMatch['fileProblems'] = [];
  const metaProblems: Problem[] = [];
  const columnsByHeader = new Map<string, { column: ColumnMeta; metaIndex: number }>();
  meta.columns.forEach((column, metaIndex) => columnsByHeader.set(normaliseHeader(column.source), { column, metaIndex }));
  const fieldColumns: (ColumnMeta | undefined)[] = [];
  const seenHeaders = new Map<string, number>();
  header.fields.forEach((rawHeader, index) => {
    const key = normaliseHeader(rawHeader);
    const earlier = seenHeaders.get(key);
    if (earlier !== undefined) fileProblems.push({ ...header.place(index), severity: 'error', message: `duplicate column header (also field ${earlier + 1})`, found: rawHeader });
    seenHeaders.set(key, index);
    const match = columnsByHeader.get(key);
    if (!match) {
      fileProblems.push({ ...header.place(index), severity: 'error', message: `column ${index + 1} is not described in ${META_FILE}`, found: rawHeader, hint: 'add it to columns: with source, key, type and meaning' });
    }
    fieldColumns.push(match?.column);
  });
  for (const [key, { column, metaIndex }] of columnsByHeader) {
    if (!seenHeaders.has(key)) {
      metaProblems.push({ ...locate(['columns', metaIndex, 'source']), severity: 'error', message: 'column not found in the published file', found: column.source, hint: `headers are matched ignoring spaces and line breaks; the file has: ${header.fields.slice(0, 6).map((h) => normaliseHeader(h)).join(', ')}…` });
    }
  }
  const keys = new Set<string>();
  meta.columns.forEach((column, index) => {
    if (keys.has(column.key)) metaProblems.push({ ...locate(['columns', index, 'key']), severity: 'error', message: 'duplicate column key', found: column.key });
    keys.add(column.key);
  });
  meta.keep?.forEach((key, index) => {
    if (!keys.has(key)) metaProblems.push({ ...locate(['keep', index]), severity: 'error', message: 'keep names a key no column has', found: key });
  });
  return { fieldColumns, fileProblems, metaProblems };
}
