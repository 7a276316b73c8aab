import { decode, DecodeError, type Encoding } from './decode.ts';
import { parseCsv } from './parse.ts';
import type { Problem } from '../../schemas/problem.ts';
import { LineIndex } from './line-index.ts';

/** Where in the published file a value stands, as a problem names it. */
export type Place = Pick<Problem, 'line' | 'column'>;

/**
 * One record of a published file, whatever its format: the fields as published and the
 * way to name where each stands. Positions are computed only when a problem asks.
 */
export interface SourceRecord {
  fields: string[];
  /** Line (or sheet row) the record starts on: the row's `sourceLine`. */
  line: number;
  /** Where field `index` starts. */
  place(index: number): Place;
}

/** What reading a published file found besides its records: its encoding, header, blank lines and problems. */
export interface SourceTable {
  encoding?: Encoding;
  header?: SourceRecord;
  /** Blank lines between data records (the empty record after a final line break is not one). */
  blankLines: number;
  problems: Omit<Problem, 'file'>[];
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

const isBlank = (fields: readonly string[]) => fields.length === 1 && (fields[0] ?? '').trim() === '';

/**
 * Receives the header and the most records that can follow (the lines after it), and
 * returns what takes each data record, or undefined to read no rows.
 */
export type OpenRows = (header: SourceRecord, atMost: number) => ((record: SourceRecord) => void) | undefined;

/**
 * A published CSV: bytes → text (decode) → records (PapaParse), each with its line. The
 * header goes to `open`, then each data record to what it returned, as it is parsed.
 */
export function readCsvSource(bytes: Uint8Array, encoding: Parameters<typeof decode>[1], open: OpenRows): SourceTable {
  let text: string;
  let detected: Encoding;
  try {
    ({ text, encoding: detected } = decode(bytes, encoding));
  } catch (error) {
    if (!(error instanceof DecodeError)) throw error;
    return { blankLines: 0, problems: [{ line: error.line, column: error.column, severity: 'error', message: error.message, hint: error.hint }] };
  }
  const lines = new LineIndex(text);
  let header: SourceRecord | undefined;
  let take: ((record: SourceRecord) => void) | undefined;
  let blankLines = 0;
  const errors = parseCsv(text, (fields, start) => {
    const blank = isBlank(fields);
    if (blank && header === undefined) return;
    if (blank) {
      if (start < text.length) blankLines++;
      return;
    }
    const record: SourceRecord = { fields, line: lines.lineOf(start), place: (index) => lines.position(fieldOffset(text, start, index)) };
    if (header === undefined) {
      header = record;
      take = open(record, lines.count - record.line);
    } else {
      take?.(record);
    }
  });
  const problems: SourceTable['problems'] = errors.map((error) => ({
    ...lines.position(error.offset),
    severity: 'error',
    message: `CSV: ${error.message}`,
    hint: 'a field that contains a comma, quote or line break must be wrapped in double quotes',
  }));
  if (!header) problems.push({ line: 1, column: 1, severity: 'error', message: 'file has no header row', hint: 'the first line must name the columns' });
  return { encoding: detected, ...(header ? { header } : {}), blankLines, problems };
}
