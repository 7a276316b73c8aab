import Papa from 'papaparse';
import type { LineIndex } from './problems.ts';

/** A CSV record: its fields as published, and the offset in the text where it starts. */
export interface CsvRecord {
  fields: string[];
  start: number;
}

export interface CsvError {
  message: string;
  offset: number;
}

/**
 * Splits decoded text into records with PapaParse (quotes, embedded line breaks, CRLF).
 * Every record keeps its start offset so that problems name a line and column. When no
 * field spans lines (records and lines agree one to one) the starts are the line starts,
 * and one whole-text parse suffices; otherwise the text is parsed again row by row,
 * reading each row's end from PapaParse's cursor.
 */
export function parseCsv(text: string, lines: LineIndex): { records: CsvRecord[]; errors: CsvError[] } {
  const whole = Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: false });
  if (whole.data.length === lines.count && whole.errors.length === 0) {
    return { records: whole.data.map((fields, index) => ({ fields, start: lines.startOf(index + 1) })), errors: [] };
  }
  const records: CsvRecord[] = [];
  const errors: CsvError[] = [];
  let cursor = 0;
  Papa.parse<string[]>(text, {
    delimiter: ',',
    skipEmptyLines: false,
    step: (result) => {
      for (const error of result.errors) errors.push({ message: error.message, offset: cursor });
      records.push({ fields: result.data, start: cursor });
      // PapaParse's cursor stands just past the row's line break: the next row's start.
      cursor = result.meta.cursor;
    },
  });
  return { records, errors };
}
