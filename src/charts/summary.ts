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
  const missingNote = missingCount > 0 ? `另有 ${missingCount} 项数据缺失。` : '';
  switch (spec.type) {
    case 'bar':
    case 'grouped-bar': {
      const index = spec.series.length - 1;
      const entries = known(data, index);
      const { highest, lowest } = extremes(entries);
      if (!highest || !lowest) return `图中没有可用数值。${missingNote}`;
      const series = spec.series.length > 1 ? `${spec.series[index]?.label ?? ''}，` : '';
      return `${series}在 ${data.length} 项中，${tied(entries, highest.value)}最高，为 ${show(highest.value)}；${tied(entries, lowest.value)}最低，为 ${show(lowest.value)}。${missingNote}`;
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
      if (!last?.highest || !first?.highest) return `图中没有可用数值。${missingNote}`;
      return `“${last.series.label}”所占比例以${last.highest.datum.label}最高（${(last.highest.value * 100).toFixed(1)}%）；“${first.series.label}”所占比例以${first.highest.datum.label}最高（${(first.highest.value * 100).toFixed(1)}%）。${missingNote}`;
    }
    case 'slope': {
      const changes = data.flatMap((datum) => {
        const change = changeOf(datum);
        return change === undefined ? [] : [{ datum, value: change }];
      });
      const up = changes.filter((entry) => entry.value > 0).length;
      const down = changes.filter((entry) => entry.value < 0).length;
      const { highest, lowest } = extremes(changes);
      if (!highest || !lowest) return `图中没有可比的数值。${missingNote}`;
      const from = spec.series[0]?.label ?? '';
      const to = spec.series[spec.series.length - 1]?.label ?? '';
      return `从 ${from} 到 ${to}，${changes.length} 项中 ${up} 项上升、${down} 项下降；${highest.datum.label}变化最大（${formatChange(spec, highest.value)}），${lowest.datum.label}最小（${formatChange(spec, lowest.value)}）。${missingNote}`;
    }
    case 'small-multiples': {
      const tops = data.flatMap((datum) => {
        const best = extremes(datum.values.flatMap((value, index) => (value === undefined ? [] : [{ value, index }]))).highest;
        return best ? [`${datum.label}为“${spec.series[best.index]?.label ?? ''}”（${show(best.value)}）`] : [];
      });
      return `各${data.length > 1 ? '单位' : '项'}中数值最大的一项：${tops.join('；')}。${missingNote}`;
    }
    case 'line': {
      const from = spec.series[0]?.label ?? '';
      const to = spec.series[spec.series.length - 1]?.label ?? '';
      const parts = data.map((datum) => {
        const first = datum.values[0];
        const last = datum.values[datum.values.length - 1];
        return first === undefined || last === undefined ? `${datum.label}数据不全` : `${datum.label}从 ${show(first)} 变为 ${show(last)}`;
      });
      return `从 ${from} 到 ${to}，${parts.join('；')}。`;
    }
  }
}
