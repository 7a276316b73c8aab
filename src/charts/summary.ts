import { t } from '../i18n/ui.ts';
import type { ChartSpec } from '../schemas/chart.ts';
import { changeOf, type ChartDatum } from './data.ts';
import { formatChange, formatValue } from './format.ts';

function known(data: ChartDatum[], index: number): { datum: ChartDatum; value: number }[] {
  return data.flatMap((datum) => {
    const value = datum.values[index];
    return value === undefined ? [] : [{ datum, value }];
  });
}

function extremes<T extends { value: number }>(entries: T[]) {
  const sorted = [...entries].sort((a, b) => b.value - a.value);
  return { highest: sorted[0], lowest: sorted[sorted.length - 1] };
}

/** Labels of every entry that shares the value `value` (ties are named together). */
function tied(entries: { datum: ChartDatum; value: number }[], value: number): string {
  return entries.filter((entry) => entry.value === value).map((entry) => entry.datum.label).join('、');
}

/**
 * One or two sentences, generated from the drawn data, that say what the chart shows:
 * for screen readers (SVG <desc>), for the page and for the embed.
 */
export function summarise(spec: ChartSpec, data: ChartDatum[]): string {
  const show = (value: number) => formatValue(value, spec.format, spec.unit);
  const missingCount = data.filter((datum) => datum.values.some((value) => value === undefined)).length;
  const missing = missingCount > 0 ? t('chart.summary.missing', { count: missingCount }) : '';
  switch (spec.type) {
    case 'bar':
    case 'grouped-bar': {
      const index = spec.series.length - 1;
      const entries = known(data, index);
      const { highest, lowest } = extremes(entries);
      if (!highest || !lowest) return t('chart.summary.empty', { missing });
      const series = spec.series.length > 1 ? t('chart.summary.series', { series: spec.series[index]?.label ?? '' }) : '';
      return t('chart.summary.bar', {
        series,
        count: data.length,
        highest: tied(entries, highest.value),
        high: show(highest.value),
        lowest: tied(entries, lowest.value),
        low: show(lowest.value),
        missing,
      });
    }
    case 'stacked-bar': {
      const leaders = spec.series.map((series, index) => {
        const shares = data.flatMap((datum) => {
          const total = datum.values.every((value) => value !== undefined) ? (datum.values as number[]).reduce((a, b) => a + b, 0) : 0;
          const value = datum.values[index];
          return total > 0 && value !== undefined ? [{ datum, value: value / total }] : [];
        });
        return { series, ...extremes(shares) };
      });
      const last = leaders[leaders.length - 1];
      const first = leaders[0];
      if (!last?.highest || !first?.highest) return t('chart.summary.empty', { missing });
      return t('chart.summary.stacked', {
        last: last.series.label,
        lastLeader: last.highest.datum.label,
        lastShare: `${(last.highest.value * 100).toFixed(1)}%`,
        first: first.series.label,
        firstLeader: first.highest.datum.label,
        firstShare: `${(first.highest.value * 100).toFixed(1)}%`,
        missing,
      });
    }
    case 'slope': {
      const changes = data.flatMap((datum) => {
        const change = changeOf(datum);
        return change === undefined ? [] : [{ datum, value: change }];
      });
      const up = changes.filter((entry) => entry.value > 0).length;
      const down = changes.filter((entry) => entry.value < 0).length;
      const { highest, lowest } = extremes(changes);
      if (!highest || !lowest) return t('chart.summary.noComparable', { missing });
      return t('chart.summary.slope', {
        from: spec.series[0]?.label ?? '',
        to: spec.series[spec.series.length - 1]?.label ?? '',
        count: changes.length,
        up,
        down,
        largest: highest.datum.label,
        largestChange: formatChange(spec, highest.value),
        smallest: lowest.datum.label,
        smallestChange: formatChange(spec, lowest.value),
        missing,
      });
    }
    case 'small-multiples': {
      const tops = data.flatMap((datum) => {
        const best = extremes(datum.values.flatMap((value, index) => (value === undefined ? [] : [{ value, index }]))).highest;
        return best ? [t('chart.summary.multiplesTop', { label: datum.label, series: spec.series[best.index]?.label ?? '', value: show(best.value) })] : [];
      });
      return t(data.length > 1 ? 'chart.summary.multiplesUnits' : 'chart.summary.multiplesItems', { tops: tops.join('；'), missing });
    }
    case 'line': {
      const parts = data.map((datum) => {
        const first = datum.values[0];
        const last = datum.values[datum.values.length - 1];
        return first === undefined || last === undefined
          ? t('chart.summary.lineIncomplete', { label: datum.label })
          : t('chart.summary.lineChange', { label: datum.label, first: show(first), last: show(last) });
      });
      return t('chart.summary.line', { from: spec.series[0]?.label ?? '', to: spec.series[spec.series.length - 1]?.label ?? '', parts: parts.join('；') });
    }
  }
}
