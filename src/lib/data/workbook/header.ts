import type { CellObject, Range } from '@e965/xlsx';
import type { MeasureSpec, WorkbookSpec } from '../../../schemas/workbook.ts';
import { columnIndex, columnLetters, foldLabel } from './labels.ts';

/**
 * The column headers of a census table, from the rows the metadata declares: each column's
 * series (汉族, 小学, 合计) and measure (小计/男/女, 户数). A merged cell names every column it
 * spans in its own row and counts once down the rows, so `合    计` over B4:D4 names B, C and D,
 * and `户数` merged over C5:C6 is the measure of C once.
 */

/** A column of figures: its series and measure as printed and as the site keys them. */
export interface WorkbookColumn {
  /** 0-based column index in the sheet. */
  index: number;
  /** Column letters (E, AX). */
  letters: string;
  /** The header cell naming the column, for problems (the series cell, or the measure cell). */
  headerRef: string;
  seriesLabel: string;
  /** GB/T 3304 code (01 … 56, 97, 98), category key, or `total`. */
  series: string;
  measureLabel: string;
  measure: MeasureSpec;
}

export interface HeaderProblem {
  ref: string;
  row: number;
  column: number;
  message: string;
  found?: string;
  hint: string;
}

export interface Header {
  /** Rows of the header, 1-based, top to bottom. */
  rows: number[];
  labelIndex: number;
  /** The label column's header, folded (地区, 民族). */
  labelHeader: string;
  /** Columns that repeat the label column (CNKI prints a 地区 column on every page across). */
  repeatLabels: number[];
  columns: WorkbookColumn[];
  /** Columns whose header could not be resolved (each reported once, here, not per cell). */
  unresolved: number[];
  /** Folded text of each header cell as printed (no merge filling), by header row then column. */
  cells: string[][];
  problems: HeaderProblem[];
}

export type SeriesResolver = (label: string) => string | undefined;

/** Text of a cell as printed: strings as they are, numbers as digits; no formatting applied. */
export function cellText(cell: CellObject | undefined): string {
  if (cell === undefined || cell.v === undefined || cell.v === null) return '';
  return typeof cell.v === 'string' ? cell.v : String(cell.v);
}

/** For header rows: the merge each spanned cell belongs to, keyed `row:column` (0-based). */
function mergeIndex(merges: readonly Range[], rows: ReadonlySet<number>): Map<string, Range> {
  const index = new Map<string, Range>();
  for (const merge of merges) {
    for (let r = merge.s.r; r <= merge.e.r; r++) {
      if (!rows.has(r)) continue;
      for (let c = merge.s.c; c <= merge.e.c; c++) index.set(`${r}:${c}`, merge);
    }
  }
  return index;
}

export function readHeader(
  sheetRows: readonly ((CellObject | undefined)[] | undefined)[],
  merges: readonly Range[],
  spec: WorkbookSpec,
  resolveSeries: SeriesResolver,
  seriesHint: string,
): Header {
  const seriesRows = spec.header.seriesRows.map((row) => row - 1);
  const measureRows = spec.header.measureRows.map((row) => row - 1);
  const headerRows = [...new Set([...seriesRows, ...measureRows])].sort((a, b) => a - b);
  const merged = mergeIndex(merges, new Set(headerRows));
  const width = headerRows.reduce((most, r) => Math.max(most, sheetRows[r]?.length ?? 0), 0);
  const problems: HeaderProblem[] = [];

  /** The text a header cell shows, a merge's text filled across its own row only. */
  const shown = (r: number, c: number): { text: string; ref: string } => {
    const merge = merged.get(`${r}:${c}`);
    if (merge && merge.s.r !== r) return { text: '', ref: '' };
    const source = merge ? { r, c: merge.s.c } : { r, c };
    return { text: cellText(sheetRows[source.r]?.[source.c]), ref: `${columnLetters(source.c)}${source.r + 1}` };
  };
  const joined = (rows: readonly number[], c: number): { label: string; ref: string } => {
    let text = '';
    let ref = '';
    for (const r of rows) {
      const cell = shown(r, c);
      text += cell.text;
      if (ref === '' && cell.text.trim() !== '') ref = cell.ref;
    }
    return { label: foldLabel(text), ref };
  };

  const labelIndex = columnIndex(spec.labelColumn);
  const labelHeader = joined(headerRows, labelIndex).label;
  const measuresByLabel = new Map<string, MeasureSpec>();
  for (const measure of spec.measures) for (const label of measure.labels) measuresByLabel.set(foldLabel(label), measure);

  const columns: WorkbookColumn[] = [];
  const repeatLabels: number[] = [];
  const unresolved: number[] = [];
  const seen = new Map<string, string>();
  for (let c = 0; c < width; c++) {
    if (c === labelIndex) continue;
    const series = joined(seriesRows, c);
    const measure = joined(measureRows, c);
    const whole = joined(headerRows, c);
    if (whole.label === '') continue;
    if (labelHeader !== '' && whole.label === labelHeader) {
      repeatLabels.push(c);
      continue;
    }
    const ref = series.ref || measure.ref || whole.ref;
    const at = { ref, row: Number(ref.replace(/^[A-Z]+/, '')), column: c + 1 };
    const seriesKey = resolveSeries(series.label);
    const measureSpec = measuresByLabel.get(measure.label);
    if (seriesKey === undefined) {
      problems.push({ ...at, message: `column ${columnLetters(c)}: series ${JSON.stringify(series.label)} is not known`, found: series.label, hint: seriesHint });
      unresolved.push(c);
      continue;
    }
    if (measureSpec === undefined) {
      problems.push({
        ...at,
        ref: measure.ref || ref,
        message: `column ${columnLetters(c)}: measure ${JSON.stringify(measure.label)} is not declared`,
        found: measure.label,
        hint: `add it to the labels of one of measures: (${spec.measures.map((m) => m.key).join(', ')}) if that is what it means`,
      });
      unresolved.push(c);
      continue;
    }
    const identity = `${seriesKey}\u0000${measureSpec.key}`;
    const earlier = seen.get(identity);
    if (earlier !== undefined) {
      problems.push({ ...at, message: `column ${columnLetters(c)} repeats column ${earlier}: ${series.label} ${measure.label}`, hint: 'two columns name the same series and measure; check the header rows declared' });
      unresolved.push(c);
      continue;
    }
    seen.set(identity, columnLetters(c));
    columns.push({ index: c, letters: columnLetters(c), headerRef: ref, seriesLabel: series.label, series: seriesKey, measureLabel: measure.label, measure: measureSpec });
  }
  const cells = headerRows.map((r) => Array.from({ length: width }, (_, c) => foldLabel(cellText(sheetRows[r]?.[c]))));
  return { rows: headerRows.map((r) => r + 1), labelIndex, labelHeader, repeatLabels, columns, unresolved, cells, problems };
}
