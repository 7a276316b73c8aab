import Papa from 'papaparse';

export interface CsvError {
  message: string;
  offset: number;
}

/**
 * Splits decoded text into records with PapaParse (quotes, embedded line breaks, CRLF),
 * handing each to `onRecord` as soon as it is read, with the offset where it starts (so
 * that problems name a line and column), and returns the CSV errors. A record is used and
 * dropped at once: the check never holds the whole file's strings, only what it kept.
 * PapaParse's cursor stands just past each record's line break: the next record's start.
 */
export function parseCsv(text: string, onRecord: (fields: string[], start: number) => void): CsvError[] {
  const errors: CsvError[] = [];
  let cursor = 0;
  Papa.parse<string[]>(text, {
    delimiter: ',',
    skipEmptyLines: false,
    step: (result) => {
      for (const error of result.errors) errors.push({ message: error.message, offset: cursor });
      onRecord(result.data, cursor);
      cursor = result.meta.cursor;
    },
  });
  return errors;
}
