/**
 * Labels as the volumes print them, folded to the names the site matches: `甘    肃`,
 * `蒙 古 族`, `  积石山保安族东乡\r\n  族撒拉族自治县`, `小计、`, `女 \t`.
 */

const SPACES = /[\s\u3000\u00a0]+/gu;
const EDGE_PUNCTUATION = /^[、，,；;：:。.]+|[、，,；;：:。.]+$/gu;

/**
 * A printed name folded for matching: full-width forms folded (NFKC), every space, tab and
 * line break removed (the volumes pad names to a width and wrap long ones inside the cell).
 */
export function foldName(text: string): string {
  return text.normalize('NFKC').replace(SPACES, '');
}

/** A header text folded for matching: as `foldName`, and stray punctuation at either end dropped (`小计、`, `户数\r\n；`). */
export function foldLabel(text: string): string {
  return foldName(text).replace(EDGE_PUNCTUATION, '');
}

/**
 * How far a row label is indented: the spaces before its first character (a full-width
 * space counts two). County names stand indented under their prefecture's.
 */
export function indentOf(text: string): number {
  let indent = 0;
  for (const char of text) {
    if (char === ' ' || char === '\u00a0') indent++;
    else if (char === '\u3000') indent += 2;
    else if (char !== '\t') break;
  }
  return indent;
}

/** Excel column letters for a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** 0-based column index of Excel column letters: A → 0, AA → 26. */
export function columnIndex(letters: string): number {
  let index = 0;
  for (const char of letters.toUpperCase()) index = index * 26 + (char.charCodeAt(0) - 64);
  return index - 1;
}

const COUNT_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

/** A number as the site writes it in messages: 1,234,567. */
export function formatCount(value: number): string {
  return COUNT_FORMAT.format(value);
}
