import { max, min } from 'd3-array';
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import type { ChartSpec } from '../schemas/chart.ts';
import { CHART } from './constants.ts';
import { knownValues, type ChartDatum } from './data.ts';
import { formatTick } from './format.ts';
import type { Mark, Tick } from './layout.ts';
import { widest } from './measure.ts';

/** A scale over `values` that always includes zero, with round ends. */
export function linearScale(values: number[], range: [number, number]): ScaleLinear<number, number> {
  const low = Math.min(0, min(values) ?? 0);
  const high = Math.max(0, max(values) ?? 1);
  return scaleLinear()
    .domain([low, high === low ? low + 1 : high])
    .range(range)
    .nice(CHART.ticks);
}

export function ticksOf(scale: ScaleLinear<number, number>, spec: ChartSpec): Tick[] {
  return scale.ticks(CHART.ticks).map((value) => ({ value, label: formatTick(value, spec.format) }));
}

/**
 * Ticks along a horizontal axis: as many as CHART.ticks asks for, fewer where their labels
 * (at the small font size) would run into each other, as on a narrow plot.
 */
export function horizontalTicksOf(scale: ScaleLinear<number, number>, spec: ChartSpec): Tick[] {
  const fits = (ticks: Tick[]) => {
    const room = Math.min(...ticks.slice(1).map((tick, index) => scale(tick.value) - scale(ticks[index]?.value ?? 0)));
    return room >= (widest(ticks.map((tick) => tick.label)) * CHART.smallFontSize) / CHART.fontSize + CHART.labelPadding / 2;
  };
  for (let count = CHART.ticks; count > 1; count--) {
    const ticks = scale.ticks(count).map((value) => ({ value, label: formatTick(value, spec.format) }));
    if (ticks.length < 3 || fits(ticks)) return ticks;
  }
  return scale.domain().map((value) => ({ value, label: formatTick(value, spec.format) }));
}

/** The left edge of a horizontal chart's plot: right of its widest row label. */
export function plotLeftOf(labels: string[]): number {
  return CHART.marginLeft + (widest(labels) + CHART.labelPadding);
}

/**
 * The x scale of a horizontal chart over every value drawn: from the right of the widest row
 * label to the left of the widest value printed after a bar.
 */
export function valueScale(spec: ChartSpec, data: ChartDatum[], width: number, texts: { labels: string[]; values: string[] }) {
  const plotLeft = plotLeftOf(texts.labels);
  const valueWidth = widest(texts.values) + CHART.valuePadding;
  const scale = linearScale(knownValues(data), [plotLeft, width - valueWidth]);
  return { plotLeft, scale, ticks: horizontalTicksOf(scale, spec) };
}

/** The zero line is drawn darker than the other gridlines. */
export function gridClass(tick: Tick): string {
  return tick.value === 0 ? 'axis-zero' : 'grid';
}

/** A vertical gridline at a tick. */
export function gridline(x: number, tick: Tick, top: number, bottom: number): Mark {
  return { kind: 'line', x1: x, y1: top, x2: x, y2: bottom, className: gridClass(tick) };
}

/** A tick's label, above a plot whose top is `top`. */
export function tickLabel(x: number, tick: Tick, top: number): Mark {
  return { kind: 'text', x, y: top - 8, text: tick.label, anchor: 'middle', className: 'tick' };
}

/** Gridlines and tick labels along the top of a horizontal chart. */
export function axisMarks(scale: ScaleLinear<number, number>, ticks: Tick[], top: number, bottom: number): Mark[] {
  return ticks.flatMap((tick) => [gridline(scale(tick.value), tick, top - 4, bottom), tickLabel(scale(tick.value), tick, top)]);
}
