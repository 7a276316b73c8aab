import { describe, expect, test } from 'vitest';
import { parseCsv } from '../../src/lib/data/parse.ts';
import { LineIndex } from '../../src/lib/data/line-index.ts';

/** Each record's fields and the 1-based line:column where it starts. */
function parse(text: string): { records: { fields: string[]; at: string }[]; errors: { message: string; at: string }[] } {
  const lines = new LineIndex(text);
  const where = (offset: number) => {
    const { line, column } = lines.position(offset);
    return `${line}:${column}`;
  };
  const records: { fields: string[]; start: number }[] = [];
  const errors = parseCsv(text, (fields, start) => records.push({ fields, start }));
  return {
    records: records.map((record) => ({ fields: record.fields, at: where(record.start) })),
    errors: errors.map((error) => ({ message: error.message, at: where(error.offset) })),
  };
}

describe('parseCsv', () => {
  test('parseCsv hands records over one at a time, in order, before it returns', () => {
    const seen: string[] = [];
    const errors = parseCsv('a\nb\nc', (fields) => seen.push(fields.join()));
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(errors).toEqual([]);
  });

  test('plain rows: one record per line, starting at column 1 of each line', () => {
    expect(parse('a,b\n1,2\n3,4')).toEqual({
      records: [
        { fields: ['a', 'b'], at: '1:1' },
        { fields: ['1', '2'], at: '2:1' },
        { fields: ['3', '4'], at: '3:1' },
      ],
      errors: [],
    });
  });

  test('record start offsets are character offsets of the line starts', () => {
    const text = '名称,人口\n兰州,1\n';
    const starts: number[] = [];
    parseCsv(text, (_fields, start) => starts.push(start));
    expect(starts).toEqual([0, 6, 11]);
  });

  test('a final line break yields one trailing empty record at the end of the text', () => {
    expect(parse('a,b\n1,2\n').records).toEqual([
      { fields: ['a', 'b'], at: '1:1' },
      { fields: ['1', '2'], at: '2:1' },
      { fields: [''], at: '3:1' },
    ]);
  });

  test('quoted fields keep commas, and "" is an escaped quote', () => {
    expect(parse('"a,1","b ""q"""\n"1,234",x\n').records.slice(0, 2)).toEqual([
      { fields: ['a,1', 'b "q"'], at: '1:1' },
      { fields: ['1,234', 'x'], at: '2:1' },
    ]);
  });

  test('a line break inside a quoted header cell: the next record starts on line 3', () => {
    expect(parse('名称,"性别比\n（女=100）"\n兰州,104.5\n').records).toEqual([
      { fields: ['名称', '性别比\n（女=100）'], at: '1:1' },
      { fields: ['兰州', '104.5'], at: '3:1' },
      { fields: [''], at: '4:1' },
    ]);
  });

  test('line breaks inside a header cell and a data cell: every record start names its line', () => {
    expect(parse('名称,"性别比\n（女=100）"\n兰州,"1\n2"\n城关,3\n').records).toEqual([
      { fields: ['名称', '性别比\n（女=100）'], at: '1:1' },
      { fields: ['兰州', '1\n2'], at: '3:1' },
      { fields: ['城关', '3'], at: '5:1' },
      { fields: [''], at: '6:1' },
    ]);
  });

  test('CRLF line endings: fields carry no \\r', () => {
    expect(parse('a,b\r\n1,2\r\n3,4\r\n').records).toEqual([
      { fields: ['a', 'b'], at: '1:1' },
      { fields: ['1', '2'], at: '2:1' },
      { fields: ['3', '4'], at: '3:1' },
      { fields: [''], at: '4:1' },
    ]);
  });

  test('CRLF inside a quoted cell is kept, and the next record starts two lines later', () => {
    expect(parse('a,b\r\n"x\r\ny",2\r\n3,4\r\n').records).toEqual([
      { fields: ['a', 'b'], at: '1:1' },
      { fields: ['x\r\ny', '2'], at: '2:1' },
      { fields: ['3', '4'], at: '4:1' },
      { fields: [''], at: '5:1' },
    ]);
  });

  test('a blank line is a record with one empty field', () => {
    expect(parse('a,b\n\n1,2\n').records).toEqual([
      { fields: ['a', 'b'], at: '1:1' },
      { fields: [''], at: '2:1' },
      { fields: ['1', '2'], at: '3:1' },
      { fields: [''], at: '4:1' },
    ]);
  });

  test('a blank line after a multi-line cell keeps the following lines right', () => {
    expect(parse('a,b\n"1\n2",3\n\n4,5').records).toEqual([
      { fields: ['a', 'b'], at: '1:1' },
      { fields: ['1\n2', '3'], at: '2:1' },
      { fields: [''], at: '4:1' },
      { fields: ['4', '5'], at: '5:1' },
    ]);
  });

  test('ragged rows are returned with their own field counts and no CSV error (the dataset reports them)', () => {
    expect(parse('a,b\n1,2,3\n4\n')).toEqual({
      records: [
        { fields: ['a', 'b'], at: '1:1' },
        { fields: ['1', '2', '3'], at: '2:1' },
        { fields: ['4'], at: '3:1' },
        { fields: [''], at: '4:1' },
      ],
      errors: [],
    });
  });

  test('an unterminated quote is an error at the start of its record, and swallows the rest of the file', () => {
    expect(parse('a,b\n1,"2\n3,4\n')).toEqual({
      records: [
        { fields: ['a', 'b'], at: '1:1' },
        { fields: ['1', '2\n3,4\n'], at: '2:1' },
      ],
      errors: [{ message: 'Quoted field unterminated', at: '2:1' }],
    });
  });

  test('an unterminated quote after a multi-line cell names the right line', () => {
    expect(parse('a,b\n"x\ny",1\n2,"3\n').errors).toEqual([{ message: 'Quoted field unterminated', at: '4:1' }]);
  });

  test('a lone CR line ending is a line break for both records and lines', () => {
    expect(parse('a,b\r1,2\r3,4').records).toEqual([
      { fields: ['a', 'b'], at: '1:1' },
      { fields: ['1', '2'], at: '2:1' },
      { fields: ['3', '4'], at: '3:1' },
    ]);
  });
});

describe('LineIndex', () => {
  test('position counts columns in characters, not bytes', () => {
    expect(new LineIndex('兰州市\n城关区,1').position(8)).toEqual({ line: 2, column: 5 });
  });

  test('count includes the empty line after a final line break', () => {
    expect(new LineIndex('a\nb\n').count).toBe(3);
  });

  test('CRLF counts as one line break', () => {
    const lines = new LineIndex('a\r\nb\r\nc');
    expect(lines.count).toBe(3);
    expect(lines.startOf(3)).toBe(6);
  });
});
