import { describe, expect, test } from 'vitest';
import { decode, DecodeError, findMojibake, type Encoding } from '../../src/lib/data/decode.ts';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const bytes = (...parts: (Uint8Array | number[])[]): Uint8Array => new Uint8Array(parts.flatMap((part) => [...part]));
const utf16le = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf16le'));
const utf16be = (text: string): Uint8Array => {
  const buffer = Buffer.from(text, 'utf16le');
  buffer.swap16();
  return new Uint8Array(buffer);
};

/** 兰州 in GB18030/GBK. */
const LANZHOU_GBK = [0xc0, 0xbc, 0xd6, 0xdd];

/** The DecodeError that `decode` throws; fails the test when it does not throw one. */
function decodeError(input: Uint8Array, declared: Encoding | 'auto' = 'auto'): DecodeError {
  try {
    decode(input, declared);
  } catch (error) {
    if (error instanceof DecodeError) return error;
    throw error;
  }
  throw new Error('decode did not throw');
}

describe('decode: detection (encoding: auto)', () => {
  test('UTF-8 without BOM is read as utf-8, bom false', () => {
    expect(decode(utf8('区划代码,名称\n620102,城关区\n'))).toEqual({ text: '区划代码,名称\n620102,城关区\n', encoding: 'utf-8', bom: false });
  });

  test('UTF-8 with BOM is read as utf-8, bom true, BOM removed from the text', () => {
    expect(decode(bytes([0xef, 0xbb, 0xbf], utf8('名称\n兰州\n')))).toEqual({ text: '名称\n兰州\n', encoding: 'utf-8', bom: true });
  });

  test('GB18030/GBK bytes c0 bc d6 dd are detected as gb18030 and read as 兰州', () => {
    expect(decode(bytes(LANZHOU_GBK))).toEqual({ text: '兰州', encoding: 'gb18030', bom: false });
  });

  test('a GBK CSV line (兰州,1 CRLF) is read as gb18030 with ASCII intact', () => {
    expect(decode(bytes(LANZHOU_GBK, utf8(',1\r\n')))).toEqual({ text: '兰州,1\r\n', encoding: 'gb18030', bom: false });
  });

  test('UTF-16LE with BOM ff fe is read as utf-16le, bom true', () => {
    expect(decode(bytes([0xff, 0xfe], utf16le('兰州,1\n')))).toEqual({ text: '兰州,1\n', encoding: 'utf-16le', bom: true });
  });

  test('UTF-16BE with BOM fe ff is read as utf-16be, bom true', () => {
    expect(decode(bytes([0xfe, 0xff], utf16be('兰州,1\n')))).toEqual({ text: '兰州,1\n', encoding: 'utf-16be', bom: true });
  });

  test('UTF-16LE without BOM is rejected at 1:1 with a hint to save as CSV UTF-8', () => {
    const error = decodeError(utf16le('a,b\n1,2\n'));
    expect(error.message).toBe('file looks like UTF-16 without a byte-order mark');
    expect([error.line, error.column]).toEqual([1, 1]);
    expect(error.hint).toBe('save it as "CSV UTF-8", or as Unicode text with a BOM, or name the encoding in dataset.yaml');
  });

  test('UTF-16BE without BOM is rejected as UTF-16 without a byte-order mark', () => {
    expect(decodeError(utf16be('名称,人口\n兰州,1\n')).message).toBe('file looks like UTF-16 without a byte-order mark');
  });

  test('damaged UTF-8 (Chinese text, then byte ff) is rejected at the bad byte, not decoded as GBK', () => {
    const error = decodeError(bytes(utf8('名称,人口\n兰州市,1\n城关'), [0xff], utf8('区,2\n')));
    expect(error.message).toBe('invalid UTF-8 byte in a file that is otherwise UTF-8');
    expect([error.line, error.column]).toEqual([3, 3]);
    expect(error.hint).toBe('the file was damaged or partly re-encoded; export it again from the original');
  });

  test('damaged UTF-8 with a truncated character (e5 85 without its last byte) names the line and column', () => {
    const error = decodeError(bytes(utf8('名称\n兰州,'), [0xe5, 0x85], utf8(',2\n')));
    expect(error.message).toBe('invalid UTF-8 byte in a file that is otherwise UTF-8');
    expect([error.line, error.column]).toEqual([2, 4]);
  });

  test('damaged UTF-8 cut off inside its last character names that character', () => {
    const error = decodeError(bytes(utf8('名称\n兰州'), [0xe5, 0x85]));
    expect(error.message).toBe('invalid UTF-8 byte in a file that is otherwise UTF-8');
    expect([error.line, error.column]).toEqual([2, 3]);
  });

  test('ASCII followed by a byte invalid in both UTF-8 and GB18030 is rejected at that byte', () => {
    const error = decodeError(bytes(utf8('a,b\n1,'), [0xff], utf8('\n')));
    expect(error.message).toBe('file is neither valid UTF-8 nor valid GB18030/GBK');
    expect([error.line, error.column]).toEqual([2, 3]);
  });

  test('a DecodeError is an Error named DecodeError', () => {
    const error = decodeError(utf16le('a,b\n'));
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('DecodeError');
  });
});

describe('decode: mojibake', () => {
  test('UTF-8 read as Windows-1252 ("å…°å·ž") is rejected at its line and column', () => {
    const error = decodeError(utf8('名称,人口\nx,å…°å·ž\n'));
    expect(error.message).toBe('text contains mojibake "å…°å·ž\\n": the file was mis-encoded before it reached us');
    expect([error.line, error.column]).toEqual([2, 3]);
    expect(error.hint).toBe('re-export the file from the original spreadsheet as UTF-8 (or GB18030) instead of converting the text again');
  });

  test('the GBK round-trip 锟斤拷 is rejected at its line and column', () => {
    const error = decodeError(utf8('名称\n兰州\n城关锟斤拷\n'));
    expect(error.message).toBe('text contains mojibake "锟斤拷\\n": the file was mis-encoded before it reached us');
    expect([error.line, error.column]).toEqual([3, 3]);
  });

  test('U+FFFD (replacement character) is rejected at its line and column', () => {
    const error = decodeError(utf8('a,b\n1,\uFFFD\n'));
    expect([error.line, error.column]).toEqual([2, 3]);
    expect(error.message).toBe('text contains mojibake "\uFFFD\\n": the file was mis-encoded before it reached us');
  });

  test('a BOM read as Latin-1 (ï»¿) is rejected at 1:1', () => {
    const error = decodeError(utf8('ï»¿名称\n'));
    expect([error.line, error.column]).toEqual([1, 1]);
  });

  test('mojibake in a UTF-16LE file is rejected too', () => {
    const error = decodeError(bytes([0xff, 0xfe], utf16le('a\n锟斤拷\n')));
    expect([error.line, error.column]).toEqual([2, 1]);
  });

  test('findMojibake returns undefined for clean Chinese text with full-width punctuation', () => {
    expect(findMojibake('兰州市，城关区（女=100）…—％')).toBeUndefined();
  });

  test('findMojibake("abcÃ©") finds index 3 and the sample', () => {
    expect(findMojibake('abcÃ©')).toEqual({ index: 3, sample: 'Ã©' });
  });
});

describe('decode: declared encoding', () => {
  test('declared utf-8 reads UTF-8 text', () => {
    expect(decode(utf8('兰州\n'), 'utf-8')).toEqual({ text: '兰州\n', encoding: 'utf-8', bom: false });
  });

  test('declared utf-8 strips a BOM and reports bom true', () => {
    expect(decode(bytes([0xef, 0xbb, 0xbf], utf8('兰州')), 'utf-8')).toEqual({ text: '兰州', encoding: 'utf-8', bom: true });
  });

  test('declared utf-8 on GBK bytes is an error at 1:1, not a fallback to GB18030', () => {
    const error = decodeError(bytes(LANZHOU_GBK), 'utf-8');
    expect(error.message).toBe('file is not valid utf-8');
    expect([error.line, error.column]).toEqual([1, 1]);
    expect(error.hint).toBe('check the encoding named in dataset.yaml, or set encoding: auto');
  });

  test('declared utf-8 names the line and column of the first invalid byte', () => {
    const error = decodeError(bytes(utf8('a,b\n兰州,'), [0xc0], utf8('\n')), 'utf-8');
    expect([error.line, error.column]).toEqual([2, 4]);
  });

  test('declared utf-8 counts columns after a BOM from the first character', () => {
    const error = decodeError(bytes([0xef, 0xbb, 0xbf], utf8('ab'), [0xff]), 'utf-8');
    expect([error.line, error.column]).toEqual([1, 3]);
  });

  test('declared gb18030 reads GBK bytes', () => {
    expect(decode(bytes(LANZHOU_GBK, utf8('\n')), 'gb18030')).toEqual({ text: '兰州\n', encoding: 'gb18030', bom: false });
  });

  test('declared gb18030 is not second-guessed: UTF-8 bytes of 兰州 read as 鍏板窞', () => {
    expect(decode(utf8('兰州'), 'gb18030').text).toBe('鍏板窞');
  });

  test('declared utf-16le reads BOM-less UTF-16LE (no detection heuristics)', () => {
    expect(decode(utf16le('a,b\n'), 'utf-16le')).toEqual({ text: 'a,b\n', encoding: 'utf-16le', bom: false });
  });

  test('declared utf-16be reads UTF-16BE with BOM', () => {
    expect(decode(bytes([0xfe, 0xff], utf16be('兰州')), 'utf-16be')).toEqual({ text: '兰州', encoding: 'utf-16be', bom: true });
  });

  test('declared utf-16le on an odd number of bytes is an error', () => {
    const error = decodeError(bytes([0xff, 0xfe], utf16le('ab'), [0x41]), 'utf-16le');
    expect(error.message).toBe('file is not valid utf-16le');
    expect([error.line, error.column]).toEqual([1, 1]);
  });

  test('declared utf-8 still rejects mojibake', () => {
    expect(decodeError(utf8('x锟斤拷'), 'utf-8').message).toBe('text contains mojibake "锟斤拷": the file was mis-encoded before it reached us');
  });
});
