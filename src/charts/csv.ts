import Papa from 'papaparse';
import { t } from '../i18n/ui.ts';
import type { ChartState } from './state.ts';
import { isDerived } from './data.ts';

/**
 * The data behind a chart as CSV (UTF-8 with BOM, so spreadsheets open the Chinese):
 * one row per drawn row, a column per series, empty where a value is missing, the line of
 * the published file each row comes from, and, where the rows come from a workbook, the
 * cells each series was read or computed from (`K7 B7`). Text that starts like a formula
 * (= + - @) gets a leading `'`, as in the dataset downloads; numbers stay numbers.
 */
export function chartCsv(state: ChartState): string {
  const { spec } = state;
  const cited = spec.series.flatMap((series, index) => (state.data.some((datum) => (datum.cells[index]?.length ?? 0) > 0) ? [{ series, index }] : []));
  const header = [
    spec.label,
    ...spec.series.map((series) => (isDerived(series) ? t('chart.csv.derived', { series: series.label }) : series.label)),
    'source_line',
    ...cited.map(({ series }) => t('chart.csv.cells', { series: series.label })),
  ];
  const rows = state.data.map((datum) => [datum.label, ...datum.values.map((value) => value ?? ''), datum.sourceLine, ...cited.map(({ index }) => (datum.cells[index] ?? []).join(' '))]);
  return `\uFEFF${Papa.unparse([header, ...rows], { newline: '\r\n', escapeFormulae: true })}\r\n`;
}
