import { max } from 'd3-array';
import { CHART } from './constants.ts';

/** Approximate width of a text in user units: CJK characters are square, others narrow. */
export function textWidth(text: string, charWidth: number, digitWidth: number): number {
  let width = 0;
  for (const char of text) width += /[\u3000-\u9fff\uff00-\uffef]/u.test(char) ? charWidth : digitWidth;
  return width;
}

/** Width of a text at the chart's font size (charts are laid out without a DOM). */
export function measure(text: string): number {
  return textWidth(text, CHART.charWidth, CHART.digitWidth);
}

/** Width of the widest of `texts`, 0 for none: the room a column of labels or values needs. */
export function widest(texts: Iterable<string>): number {
  return max(texts, measure) ?? 0;
}

/** `text` broken into lines no wider than `maxWidth` at the chart's font size, between any two characters (Chinese labels have no spaces to break at). */
export function wrapText(text: string, maxWidth: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const char of text) {
    if (line !== '' && measure(line + char) > maxWidth) {
      lines.push(line);
      line = '';
    }
    line += char;
  }
  return line === '' ? lines : [...lines, line];
}
