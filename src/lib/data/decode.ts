import { LineIndex } from './line-index.ts';

/**
 * Turns the bytes of a published file into text. Detects, never guesses silently:
 * a file that is not cleanly one of the supported encodings, or that decodes to
 * mojibake, is an error with the byte or character where it went wrong.
 */

export type Encoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface Decoded {
  text: string;
  encoding: Encoding;
  bom: boolean;
}

export class DecodeError extends Error {
  readonly line: number;
  readonly column: number;
  readonly hint: string;

  constructor(message: string, where: { line: number; column: number }, hint: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DecodeError';
    this.line = where.line;
    this.column = where.column;
    this.hint = hint;
  }
}

/** Line and column (in characters) of a byte offset, reading the bytes before it leniently. */
function bytePosition(bytes: Uint8Array, offset: number, encoding: Encoding = 'utf-8'): { line: number; column: number } {
  const before = new TextDecoder(encoding).decode(bytes.subarray(0, offset));
  return new LineIndex(before).position(before.length);
}

/**
 * Text that shows a file was mis-decoded somewhere upstream: U+FFFD, the classic GBK
 * round-trip 锟斤拷, and UTF-8 bytes read as Latin-1/Windows-1252 (å…°, Ã©, ï»¿).
 */
const MOJIBAKE = /\uFFFD|锟斤拷|烫烫烫|ï»¿|[ÃÂ][\u0080-\u00BF]|[åæçèéä][\u0080-\u00BF\u2018-\u203A\u0152-\u0192]/u;

export function findMojibake(text: string): { index: number; sample: string } | undefined {
  const match = MOJIBAKE.exec(text);
  if (!match) return undefined;
  return { index: match.index, sample: text.slice(match.index, match.index + 8) };
}

function strictDecode(bytes: Uint8Array, encoding: Encoding): string {
  return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
}

/** Offset of the first byte at which strict UTF-8 decoding fails. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.length;
  while (high - low > 4) {
    const mid = (low + high) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      low = mid;
    } catch {
      high = mid;
    }
  }
  while (low < high) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, low + 1), { stream: true });
      low++;
    } catch {
      break;
    }
  }
  // A character cut short fails only at the byte after it (or at the end): name its lead byte.
  for (let back = 1; back <= 3 && back <= low; back++) {
    const byte = bytes[low - back] ?? 0;
    if (byte < 0x80) break;
    if (byte >= 0xc0) return (byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2) > back ? low - back : low;
  }
  return low;
}

function countNonAscii(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) count++;
  return count;
}

function hasBom(bytes: Uint8Array, ...prefix: number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

function looksLikeUtf16WithoutBom(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 512);
  let zeros = 0;
  for (const byte of sample) if (byte === 0) zeros++;
  return sample.length > 0 && zeros / sample.length > 0.2;
}

/** Decodes `bytes` as the declared encoding, or detects it when `declared` is `auto`. */
export function decode(bytes: Uint8Array, declared: Encoding | 'auto' = 'auto'): Decoded {
  const result = declared === 'auto' ? detectAndDecode(bytes) : decodeAs(bytes, declared);
  const bad = findMojibake(result.text);
  if (bad) {
    throw new DecodeError(
      `text contains mojibake ${JSON.stringify(bad.sample)}: the file was mis-encoded before it reached us`,
      new LineIndex(result.text).position(bad.index),
      're-export the file from the original spreadsheet as UTF-8 (or GB18030) instead of converting the text again',
    );
  }
  return result;
}

function decodeAs(bytes: Uint8Array, encoding: Encoding): Decoded {
  const boms: Record<Encoding, number[]> = {
    'utf-8': [0xef, 0xbb, 0xbf],
    'utf-16le': [0xff, 0xfe],
    'utf-16be': [0xfe, 0xff],
    gb18030: [],
  };
  const bom = boms[encoding].length > 0 && hasBom(bytes, ...boms[encoding]);
  const body = bom ? bytes.subarray(boms[encoding].length) : bytes;
  try {
    return { text: strictDecode(body, encoding), encoding, bom };
  } catch (cause) {
    const where = encoding === 'utf-8' ? bytePosition(body, firstInvalidUtf8(body)) : { line: 1, column: 1 };
    throw new DecodeError(
      `file is not valid ${encoding}`,
      where,
      'check the encoding named in dataset.yaml, or set encoding: auto',
      { cause },
    );
  }
}

function detectAndDecode(bytes: Uint8Array): Decoded {
  if (hasBom(bytes, 0xef, 0xbb, 0xbf)) return decodeAs(bytes, 'utf-8');
  if (hasBom(bytes, 0xff, 0xfe)) return decodeAs(bytes, 'utf-16le');
  if (hasBom(bytes, 0xfe, 0xff)) return decodeAs(bytes, 'utf-16be');
  if (looksLikeUtf16WithoutBom(bytes)) {
    throw new DecodeError(
      'file looks like UTF-16 without a byte-order mark',
      { line: 1, column: 1 },
      'save it as "CSV UTF-8", or as Unicode text with a BOM, or name the encoding in dataset.yaml',
    );
  }
  try {
    return { text: strictDecode(bytes, 'utf-8'), encoding: 'utf-8', bom: false };
  } catch {
    // Not UTF-8: Chinese spreadsheets export GB18030/GBK, which is tried next, strictly.
  }
  const invalidAt = firstInvalidUtf8(bytes);
  if (countNonAscii(new TextDecoder('utf-8').decode(bytes.subarray(0, invalidAt))) >= 3) {
    // Chinese text before the bad byte decoded as UTF-8: a damaged UTF-8 file, not GBK.
    throw new DecodeError(
      'invalid UTF-8 byte in a file that is otherwise UTF-8',
      bytePosition(bytes, invalidAt),
      'the file was damaged or partly re-encoded; export it again from the original',
    );
  }
  try {
    return { text: strictDecode(bytes, 'gb18030'), encoding: 'gb18030', bom: false };
  } catch (cause) {
    throw new DecodeError(
      'file is neither valid UTF-8 nor valid GB18030/GBK',
      bytePosition(bytes, invalidAt),
      'save it from the spreadsheet as "CSV UTF-8", or name its encoding in dataset.yaml',
      { cause },
    );
  }
}
