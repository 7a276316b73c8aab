import Papa from 'papaparse';
import { t } from '../i18n/ui.ts';
import type { ChartState } from './state.ts';
import { isDerived } from './data.ts';

/**
 * The data behind a chart as CSV (UTF-8 with BOM, so spreadsheets open the Chinese):
 * one row per drawn row, a column per series, empty where a value is missing, and the
 * line of the published file each row comes from. Text that starts like a formula
 * (= + - @) gets a leading `'`, as in the dataset downloads; numbers stay numbers.
 */
export function chartCsv(state: ChartState): string {
  const { spec } = state;
  const header = [spec.label, ...spec.series.map((series) => (isDerived(series) ? t('chart.csv.derived', { series: series.label }) : series.label)), 'source_line'];
  const rows = state.data.map((datum) => [datum.label, ...datum.values.map((value) => value ?? ''), datum.sourceLine]);
  return `\uFEFF${Papa.unparse([header, ...rows], { newline: '\r\n', escapeFormulae: true })}\r\n`;
}
