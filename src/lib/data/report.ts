import type { CheckReport } from './check.ts';
import type { DatasetResult } from './dataset.ts';
import { countErrors, formatProblem } from '../../schemas/problem.ts';

const number = new Intl.NumberFormat('en');

function seconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(2)} s`;
}

/** `[2/8] gansu-population-2010-2020: 101 rows read → 101 kept, 0 rejected, … (0.05 s)` */
function progress(result: DatasetResult, index: number, total: number): string {
  const a = result.account;
  const missing = Object.entries(a.missingCells)
    .filter(([, count]) => count > 0)
    .map(([reason, count]) => `${number.format(count)} ${reason}`)
    .join(', ');
  const errors = countErrors(result.problems);
  const parts = [
    `${number.format(a.read)} rows read → ${number.format(a.kept)} kept, ${number.format(a.rejected)} rejected`,
    a.filteredOut > 0 ? `${number.format(a.filteredOut)} outside the view` : '',
    a.subtotals > 0 ? `${a.subtotals} subtotal rows` : '',
    missing ? `missing cells: ${missing}` : '',
    result.encoding ? result.encoding : '',
    errors > 0 ? `${errors} errors` : '',
  ].filter(Boolean);
  return `[${index + 1}/${total}] ${result.id}: ${parts.join('; ')} (${seconds(result.milliseconds)})`;
}

/** Problem lines (errors first), the summary line, and whether the check failed. */
function finish(report: CheckReport): { problemLines: string[]; summary: string; failed: boolean } {
  const all = [...report.problems, ...report.datasets.flatMap((dataset) => dataset.problems)];
  const ordered = [...all.filter((p) => p.severity === 'error'), ...all.filter((p) => p.severity === 'warning')];
  const errors = countErrors(all);
  const rows = report.datasets.reduce((sum, dataset) => sum + dataset.account.kept, 0);
  const rejected = report.datasets.reduce((sum, dataset) => sum + dataset.account.rejected, 0);
  const charts = report.charts.length > 0 ? `${report.charts.length} charts, ` : '';
  const summary = `${report.datasets.length} datasets, ${charts}${number.format(rows)} rows kept, ${number.format(rejected)} rejected, ${errors} errors, ${all.length - errors} warnings, ${seconds(report.milliseconds)}`;
  return { problemLines: ordered.map(formatProblem), summary, failed: errors > 0 };
}

export const reportLines = { progress, finish };
