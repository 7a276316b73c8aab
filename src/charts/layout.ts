import type { ChartSpec } from '../schemas/chart.ts';
import type { ChartDatum } from './data.ts';

/** A drawing instruction; the renderer turns each into one SVG element. */
export type Mark =
  | { kind: 'rect'; x: number; y: number; width: number; height: number; className: string; title?: string }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; className: string }
  | { kind: 'circle'; cx: number; cy: number; r: number; className: string; title?: string }
  | { kind: 'path'; d: string; className: string }
  | { kind: 'text'; x: number; y: number; text: string; anchor: 'start' | 'middle' | 'end'; className: string };

export interface Tick {
  value: number;
  label: string;
}

export interface LegendItem {
  label: string;
  className: string;
  /** A square swatch unless the chart's marks are dots (slope). */
  shape?: 'rect' | 'hollow' | 'dot';
}

/** What a layout computes: the drawing's size, its ticks and legend, and every mark. */
export interface Layout {
  width: number;
  height: number;
  ticks: Tick[];
  legend: LegendItem[];
  marks: Mark[];
}

/** One chart type: its rows laid out `width` user units wide. */
export type LayoutFunction = (spec: ChartSpec, data: ChartDatum[], width: number) => Layout;
