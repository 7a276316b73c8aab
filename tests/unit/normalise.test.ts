import { describe, expect, test } from 'vitest';
import type { Cell, MissingReason } from '../../src/schemas/cell.ts';
import type { ColumnMeta } from '../../src/schemas/dataset.ts';
import { cellReader, CellError, foldWidth, normaliseCell, normaliseHeader, QUICK, quickNumber, shiftDecimal, standardMissingMarkers } from '../../src/lib/data/normalise.ts';

function column(type: ColumnMeta['type'], extra: Partial<ColumnMeta> = {}): ColumnMeta {
  return { source: '测试列', key: 'test', type, meaning: '测试', allowScaleSuffix: false, required: false, ...extra };
}

const read = (raw: string, col: ColumnMeta, markers: Readonly<Record<string, MissingReason>> = standardMissingMarkers): Cell | CellError =>
  normaliseCell(raw, col, markers);

/** The CellError for a cell; fails the test when the cell was read. */
function cellError(raw: string, col: ColumnMeta): CellError {
  const value = read(raw, col);
  if (!(value instanceof CellError)) throw new Error(`expected a CellError, got ${JSON.stringify(value)}`);
  return value;
}

const integer = column('integer');
const number = column('number');
const percent = column('percent');
const permille = column('permille');

describe('foldWidth', () => {
  test('foldWidth("１２３，４５６．７％") returns "123,456.7%"', () => {
    expect(foldWidth('１２３，４５６．７％')).toBe('123,456.7%');
  });

  test('foldWidth trims ideographic and no-break spaces', () => {
    expect(foldWidth('\u3000１２\u00a0')).toBe('12');
  });

  test('foldWidth turns U+2212 minus and full-width hyphen into "-"', () => {
    expect(foldWidth('\u22123')).toBe('-3');
    expect(foldWidth('－３')).toBe('-3');
  });

  test('foldWidth leaves Chinese characters alone', () => {
    expect(foldWidth('兰州（市）')).toBe('兰州(市)');
  });
});

describe('normaliseCell: numbers', () => {
  test('normaliseCell("1234") in an integer column returns 1234', () => {
    expect(read('1234', integer)).toBe(1234);
  });

  test('normaliseCell("1,234") returns 1234', () => {
    expect(read('1,234', integer)).toBe(1234);
  });

  test('normaliseCell("4,359,446") returns 4359446', () => {
    expect(read('4,359,446', integer)).toBe(4359446);
  });

  test('normaliseCell("1,234.5") in a number column returns 1234.5', () => {
    expect(read('1,234.5', number)).toBe(1234.5);
  });

  test('normaliseCell("１２３，４５６．７") (full-width) returns 123456.7', () => {
    expect(read('１２３，４５６．７', number)).toBe(123456.7);
  });

  test('normaliseCell("１２３，４５６") in an integer column returns 123456', () => {
    expect(read('１２３，４５６', integer)).toBe(123456);
  });

  test('normaliseCell(" 12 ") trims spaces and returns 12', () => {
    expect(read(' 12 ', integer)).toBe(12);
  });

  test('normaliseCell("-3.5") returns -3.5', () => {
    expect(read('-3.5', number)).toBe(-3.5);
  });

  test('normaliseCell("－３") (full-width minus) returns -3', () => {
    expect(read('－３', number)).toBe(-3);
  });

  test('normaliseCell("12,34") (misplaced separator) is "not a number"', () => {
    expect(cellError('12,34', number).message).toBe('not a number');
  });

  test('normaliseCell("abc") is "not a number" expecting a number or a marker', () => {
    const error = cellError('abc', number);
    expect(error.message).toBe('not a number');
    expect(error.expected).toBe('a number or a missing-value marker (blank, NA, —, …, x)');
    expect(error.hint).toBeUndefined();
  });

  test('normaliseCell("1.2.3") hints at two decimal points', () => {
    expect(cellError('1.2.3', number).hint).toBe('two decimal points: a date or a typing error?');
  });

  test('normaliseCell("1.234,5") hints at European separators', () => {
    expect(cellError('1.234,5', number).hint).toBe('European separators (1.234,5) are not read; use 1234.5');
  });

  test('normaliseCell("约100") hints that Chinese text belongs in the caveats', () => {
    expect(cellError('约100', number).hint).toBe('Chinese text in a numeric column: a note belongs in the metadata caveats');
  });

  test('normaliseCell("1.5") in an integer column is "not a whole number"', () => {
    expect(cellError('1.5', integer).message).toBe('not a whole number');
  });

  test('normaliseCell("2020") in a year column returns 2020', () => {
    expect(read('2020', column('year'))).toBe(2020);
  });

  test('normaliseCell("1850") in a year column is "not a year"', () => {
    expect(cellError('1850', column('year')).message).toBe('not a year');
  });

  test('normaliseCell("0.35") in a fraction column returns 0.35', () => {
    expect(read('0.35', column('fraction'))).toBe(0.35);
  });

  test('normaliseCell("35") in a fraction column is a share outside 0–1 with a hint to use percent', () => {
    const error = cellError('35', column('fraction'));
    expect(error.message).toBe('share outside 0–1');
    expect(error.hint).toBe('if the column is in %, declare it as type: percent');
  });
});

describe('normaliseCell: percent and permille', () => {
  test('normaliseCell("5.22%") in a percent column returns exactly 0.0522', () => {
    expect(read('5.22%', percent)).toBe(0.0522);
  });

  test('normaliseCell("5.22") in a percent column (no sign) returns exactly 0.0522', () => {
    expect(read('5.22', percent)).toBe(0.0522);
  });

  test('normaliseCell("５．２２％") (full-width) in a percent column returns exactly 0.0522', () => {
    expect(read('５．２２％', percent)).toBe(0.0522);
  });

  test('normaliseCell("5.22 %") (space before %) returns exactly 0.0522', () => {
    expect(read('5.22 %', percent)).toBe(0.0522);
  });

  test('normaliseCell("1.1%") returns exactly 0.011, not 1.1 / 100 = 0.011000000000000001', () => {
    expect(1.1 / 100).not.toBe(0.011);
    expect(read('1.1%', percent)).toBe(0.011);
  });

  test('normaliseCell("1.1") in a percent column returns exactly 0.011', () => {
    expect(read('1.1', percent)).toBe(0.011);
  });

  test('normaliseCell("100%") returns 1', () => {
    expect(read('100%', percent)).toBe(1);
  });

  test('normaliseCell("120%") is a percentage outside 0–100', () => {
    expect(cellError('120%', percent).message).toBe('percentage outside 0–100');
  });

  test('normaliseCell("3‰") in a permille column returns exactly 0.003', () => {
    expect(read('3‰', permille)).toBe(0.003);
  });

  test('normaliseCell("12.5") in a permille column returns exactly 0.0125', () => {
    expect(read('12.5', permille)).toBe(0.0125);
  });

  test('normaliseCell("5%") in an integer column is an error naming percent', () => {
    const error = cellError('5%', integer);
    expect(error.message).toBe('a percentage in a column that is not one');
    expect(error.hint).toBe('declare the column as type: percent');
  });

  test('normaliseCell("5%") in a number column is an error', () => {
    expect(cellError('5%', number).message).toBe('a percentage in a column that is not one');
  });

  test('normaliseCell("3‰") in a percent column is an error naming permille', () => {
    const error = cellError('3‰', percent);
    expect(error.message).toBe('a permille value in a column that is not one');
    expect(error.hint).toBe('declare the column as type: permille');
  });
});

describe('normaliseCell: 万 and 亿', () => {
  test('normaliseCell("112.524万") with allowScaleSuffix returns exactly 1125240', () => {
    expect(read('112.524万', column('integer', { allowScaleSuffix: true }))).toBe(1125240);
  });

  test('normaliseCell("0.07万") returns exactly 700, not 0.07 * 10000 = 700.0000000000001', () => {
    expect(0.07 * 10000).not.toBe(700);
    expect(read('0.07万', column('number', { allowScaleSuffix: true }))).toBe(700);
  });

  test('normaliseCell("2.3亿") in an integer column returns exactly 230000000', () => {
    expect(2.3 * 1e8).not.toBe(230000000);
    expect(read('2.3亿', column('integer', { allowScaleSuffix: true }))).toBe(230000000);
  });

  test('normaliseCell("1.5亿") with allowScaleSuffix returns 150000000', () => {
    expect(read('1.5亿', column('number', { allowScaleSuffix: true }))).toBe(150000000);
  });

  test('normaliseCell("112.524万") without allowScaleSuffix is an error with a hint naming the column', () => {
    const error = cellError('112.524万', integer);
    expect(error.message).toBe('unit 万 inside a number');
    expect(error.hint).toBe('set allowScaleSuffix: true on column "测试列" if 万 is meant, or remove it');
  });

  test('normaliseCell("112.524") in a scale: 万 column returns exactly 1125240', () => {
    expect(read('112.524', column('integer', { scale: '万' }))).toBe(1125240);
  });

  test('normaliseCell("0.07") in a scale: 亿 column returns exactly 7000000', () => {
    expect(0.07 * 1e8).not.toBe(7000000);
    expect(read('0.07', column('number', { scale: '亿' }))).toBe(7000000);
  });

  test('normaliseCell("1,234.5") in a scale: 万 column returns 12345000', () => {
    expect(read('1,234.5', column('number', { scale: '万' }))).toBe(12345000);
  });

  test('normaliseCell("3万") in a scale: 万 column with allowScaleSuffix multiplies both: 300000000', () => {
    expect(read('3万', column('number', { scale: '万', allowScaleSuffix: true }))).toBe(300000000);
  });

  test('normaliseCell("NA") in a scale: 万 column is still a missing value', () => {
    expect(read('NA', column('number', { scale: '万' }))).toEqual({ missing: 'not-available', marker: 'NA' });
  });
});

describe('normaliseCell: missing values', () => {
  const cases: [string, MissingReason][] = [
    ['', 'blank'],
    ['NA', 'not-available'],
    ['N/A', 'not-available'],
    ['—', 'not-applicable'],
    ['——', 'not-applicable'],
    ['-', 'not-applicable'],
    ['－', 'not-applicable'],
    ['…', 'too-small'],
    ['...', 'too-small'],
    ['……', 'too-small'],
    ['x', 'suppressed'],
    ['X', 'suppressed'],
  ];
  for (const [marker, reason] of cases) {
    test(`normaliseCell(${JSON.stringify(marker)}) in a number column returns { missing: "${reason}", marker: ${JSON.stringify(marker)} }`, () => {
      expect(read(marker, number)).toEqual({ missing: reason, marker });
    });
  }

  test('the standard markers are exactly the documented ones', () => {
    expect(Object.keys(standardMissingMarkers).sort()).toEqual(['', '-', '...', 'N/A', 'NA', 'X', 'x', '…', '……', '—', '——', '－'].sort());
  });

  test('a blank cell in an integer column is never 0 or NaN', () => {
    const value = read('', integer);
    expect(value).not.toBe(0);
    expect(Number.isNaN(value)).toBe(false);
    expect(value).toEqual({ missing: 'blank', marker: '' });
  });

  test('the marker keeps the cell as published (" NA " with spaces)', () => {
    expect(read(' NA ', number)).toEqual({ missing: 'not-available', marker: ' NA ' });
  });

  test('a full-width marker "ＮＡ" is read as not-available', () => {
    expect(read('ＮＡ', percent)).toEqual({ missing: 'not-available', marker: 'ＮＡ' });
  });

  test('a dataset marker ("不详": not-available) is read when passed in the markers', () => {
    expect(read('不详', number, { ...standardMissingMarkers, 不详: 'not-available' })).toEqual({ missing: 'not-available', marker: '不详' });
  });

  test('"不详" without a dataset marker is "not a number"', () => {
    expect(cellError('不详', number).message).toBe('not a number');
  });

  test('a marker in a required number column is an error expecting a number (no marker allowed)', () => {
    const error = cellError('NA', column('number', { required: true }));
    expect(error.message).toBe('missing value in a required column');
    expect(error.expected).toBe('a number');
  });

  test('a blank cell in a required text column is an error', () => {
    const error = cellError('', column('text', { required: true }));
    expect(error.message).toBe('missing value in a required column');
    expect(error.expected).toBe('text');
  });

  test('"—" in an optional text column is not-applicable', () => {
    expect(read('—', column('text'))).toEqual({ missing: 'not-applicable', marker: '—' });
  });

  test('a blank adcode is a missing value, not an error', () => {
    expect(read('', column('adcode'))).toEqual({ missing: 'blank', marker: '' });
  });
});

describe('normaliseCell: adcode and text', () => {
  const adcode = column('adcode');

  test('normaliseCell("620102") in an adcode column returns the string "620102"', () => {
    expect(read('620102', adcode)).toBe('620102');
  });

  test('a 12-digit adcode "620102000000" is shortened to "620102"', () => {
    expect(read('620102000000', adcode)).toBe('620102');
  });

  test('a 12-digit code not ending in six zeros ("620102001001") is not an adcode', () => {
    expect(cellError('620102001001', adcode).message).toBe('not an adcode');
  });

  test('a full-width adcode "６２０１０２" returns "620102"', () => {
    expect(read('６２０１０２', adcode)).toBe('620102');
  });

  test('a five-digit adcode (leading zeros lost) is an error hinting at the lost zeros', () => {
    const error = cellError('62010', adcode);
    expect(error.message).toBe('not an adcode');
    expect(error.expected).toBe('six digits (区划代码)');
    expect(error.hint).toBe('leading zeros may have been lost in a spreadsheet; format the column as text');
  });

  test('"62a102" is not an adcode and has no hint', () => {
    expect(cellError('62a102', adcode).hint).toBeUndefined();
  });

  test('text is trimmed', () => {
    expect(read('  城关区 ', column('text'))).toBe('城关区');
  });

  test('text is NFC-normalised (e + combining acute → é)', () => {
    expect(read('Cafe\u0301', column('text'))).toBe('Caf\u00e9');
  });

  test('text keeps full-width punctuation (not folded)', () => {
    expect(read('性别比（女=100）', column('text'))).toBe('性别比（女=100）');
  });
});

describe('normaliseHeader', () => {
  test('normaliseHeader("性别比\\n（女=100）") equals normaliseHeader("性别比(女=100)")', () => {
    expect(normaliseHeader('性别比\n（女=100）')).toBe('性别比(女=100)');
    expect(normaliseHeader('性别比(女=100)')).toBe('性别比(女=100)');
  });

  test('normaliseHeader removes CRLF, spaces and ideographic spaces', () => {
    expect(normaliseHeader(' 少数民族\r\n人口\u3000比重 (%) ')).toBe('少数民族人口比重(%)');
  });

  test('normaliseHeader folds full-width letters and digits', () => {
    expect(normaliseHeader('ＧＤＰ２０２０')).toBe('GDP2020');
  });
});

describe('shiftDecimal', () => {
  test('shiftDecimal("5.22", -2) returns exactly 0.0522', () => {
    expect(shiftDecimal('5.22', -2)).toBe(0.0522);
  });

  test('shiftDecimal("112.524", 4) returns exactly 1125240', () => {
    expect(shiftDecimal('112.524', 4)).toBe(1125240);
  });

  test('shiftDecimal("0.1", -3) returns 0.0001', () => {
    expect(shiftDecimal('0.1', -3)).toBe(0.0001);
  });

  test('shiftDecimal("123", -5) pads with zeros: 0.00123', () => {
    expect(shiftDecimal('123', -5)).toBe(0.00123);
  });

  test('shiftDecimal("1.2", 8) pads with zeros: 120000000', () => {
    expect(shiftDecimal('1.2', 8)).toBe(120000000);
  });

  test('shiftDecimal("-1.5", 2) keeps the sign: -150', () => {
    expect(shiftDecimal('-1.5', 2)).toBe(-150);
  });

  test('shiftDecimal(".5", 1) returns 5', () => {
    expect(shiftDecimal('.5', 1)).toBe(5);
  });

  test('shiftDecimal("0.07", 2) returns exactly 7 (0.07 * 100 is 7.000000000000001)', () => {
    expect(0.07 * 100).not.toBe(7);
    expect(shiftDecimal('0.07', 2)).toBe(7);
  });

  test('shiftDecimal("42", 0) returns 42', () => {
    expect(shiftDecimal('42', 0)).toBe(42);
  });
});

describe('quickNumber: the fast path takes plain cells only', () => {
  test('quickNumber("4359446", integer) returns 4359446', () => {
    expect(quickNumber('4359446', QUICK.integer, 0)).toBe(4359446);
  });

  test('quickNumber("5.22", share, 2) returns exactly 0.0522', () => {
    expect(quickNumber('5.22', QUICK.share, 2)).toBe(0.0522);
  });

  test('quickNumber("104.51", number) returns 104.51', () => {
    expect(quickNumber('104.51', QUICK.number, 0)).toBe(104.51);
  });

  test.each(['', ' ', '0x1F', ' 0x1F', 'Infinity', '1e3', '1,234', '１２', 'NA', '+5', '1.5'])('quickNumber(%j, integer) is NaN: left to normaliseCell', (raw) => {
    expect(quickNumber(raw, QUICK.integer, 0)).toBeNaN();
  });

  test('quickNumber("120", share, 2) is NaN: a percentage outside 0–100 gets its error from normaliseCell', () => {
    expect(quickNumber('120', QUICK.share, 2)).toBeNaN();
  });
});

describe('cellReader agrees with normaliseCell', () => {
  const cases = ['0', '007', '-0', '12', ' 12 ', '12.0', '1e3', '0x1F', ' 0x1F', 'Infinity', '', 'NA', '—', '1,234', '１２', '+5', '5.', '.5', '1.5', '12345678901234567', 'constructor'];
  test.each(cases.flatMap((raw) => [integer, number, percent].map((col) => [raw, col.type, col] as const)))('cellReader(%j) in a %s column equals normaliseCell', (raw, _type, col) => {
    expect(cellReader(col, standardMissingMarkers)(raw)).toEqual(read(raw, col));
  });

  test.each([' NA ', 'NA', '', ' 城关区 ', 'x', '—'])('cellReader(%j) in a text column equals normaliseCell', (raw) => {
    const text = column('text');
    expect(cellReader(text, standardMissingMarkers)(raw)).toEqual(read(raw, text));
  });

  test('normaliseCell("constructor") in a number column is not a number, not a missing value named after Object.prototype', () => {
    expect(read('constructor', number)).toBeInstanceOf(CellError);
  });
});
