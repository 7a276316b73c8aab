import { geoConicEqualArea, geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { ProjectionName } from '../schemas/map.ts';
import type { BoundaryFeature } from './topology.ts';


/** The drawing area in SVG units (the viewBox), with room kept free on every side. */
export interface Frame {
  width: number;
  height: number;
  padding: number;
}

function collectionOf(features: readonly BoundaryFeature[]): FeatureCollection<Polygon | MultiPolygon> {
  return { type: 'FeatureCollection', features: features.map((item) => ({ type: 'Feature', properties: {}, geometry: item.geometry })) };
}

/** A projection fitted so that `features` fill the frame inside its padding. */
export function fitProjection(name: ProjectionName, features: readonly BoundaryFeature[], frame: Frame): GeoProjection {
  const projection = name === 'mercator' ? geoMercator() : geoConicEqualArea().parallels([25, 47]).rotate([-105, 0]);
  return projection.fitExtent(
    [
      [frame.padding, frame.padding],
      [frame.width - frame.padding, frame.height - frame.padding],
    ],
    collectionOf(features),
  );
}

/**
 * The frame height that fits `features` at `width` without empty bands: the map's own
 * aspect ratio, rounded to whole units.
 */
export function fittedHeight(name: ProjectionName, features: readonly BoundaryFeature[], width: number, padding: number): number {
  const probe = fitProjection(name, features, { width, height: width * 4, padding });
  const [[, top], [, bottom]] = geoPath(probe).bounds(collectionOf(features));
  return Math.ceil(bottom - top + 2 * padding);
}

/**
 * SVG units per degree near the middle of `features`: the scale at which the map is drawn,
 * used to choose how far to simplify (see `minWeightFor`).
 */
export function unitsPerDegree(projection: GeoProjection, features: readonly BoundaryFeature[]): number {
  const [[west, south], [east, north]] = geoPath().bounds(collectionOf(features));
  const centre: [number, number] = [(west + east) / 2, (south + north) / 2];
  const a = projection(centre);
  const b = projection([centre[0] + 1, centre[1]]);
  const c = projection([centre[0], centre[1] + 1]);
  if (!a || !b || !c) throw new Error('projection cannot place the centre of the map');
  return Math.sqrt(Math.hypot(b[0] - a[0], b[1] - a[1]) * Math.hypot(c[0] - a[0], c[1] - a[1]));
}

/**
 * Visvalingam threshold in square degrees: points whose triangle covers less than
 * `unitArea` square SVG units at this scale are invisible and are dropped.
 */
export function minWeightFor(scale: number, unitArea: number): number {
  return unitArea / (scale * scale);
}

/**
 * A d3-geo path context that writes the shortest SVG path it can: coordinates rounded to
 * `step` units, relative moves after the first point of each ring, repeated points left out.
 * A national county map is about 2.5 times smaller than with absolute coordinates.
 */
class CompactPath {
  readonly #step: number;
  readonly #digits: number;
  #parts: string[] = [];
  #x = 0;
  #y = 0;
  #ringPoints = 0;

  constructor(step: number) {
    this.#step = step;
    this.#digits = Math.max(0, -Math.floor(Math.log10(step)));
  }

  #round(value: number): number {
    return Math.round(value / this.#step) * this.#step;
  }

  #number(value: number): string {
    const fixed = value.toFixed(this.#digits);
    const text = fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
    return text === '-0' || text === '' ? '0' : text;
  }

  #pair(x: number, y: number): string {
    const b = this.#number(y);
    return `${this.#number(x)}${b.startsWith('-') ? '' : ' '}${b}`;
  }

  moveTo(x: number, y: number): void {
    const rx = this.#round(x);
    const ry = this.#round(y);
    this.#parts.push(`M${this.#pair(rx, ry)}`);
    this.#x = rx;
    this.#y = ry;
    this.#ringPoints = 0;
  }

  lineTo(x: number, y: number): void {
    const rx = this.#round(x);
    const ry = this.#round(y);
    const dx = rx - this.#x;
    const dy = ry - this.#y;
    if (Math.abs(dx) < this.#step / 2 && Math.abs(dy) < this.#step / 2) return;
    const pair = this.#pair(dx, dy);
    this.#parts.push(this.#ringPoints === 0 ? `l${pair}` : pair.startsWith('-') ? pair : ` ${pair}`);
    this.#x = rx;
    this.#y = ry;
    this.#ringPoints++;
  }

  closePath(): void {
    this.#parts.push('z');
  }

  arc(): void {
    throw new Error('map paths have no circles');
  }

  result(): string {
    const text = this.#parts.join('');
    this.#parts = [];
    return text;
  }
}

/** An SVG path string for `geometry`, coordinates rounded to `step` SVG units. */
export function pathOf(projection: GeoProjection, geometry: Parameters<ReturnType<typeof geoPath>>[0], step = 0.5): string {
  const context = new CompactPath(step);
  geoPath(projection, context as unknown as CanvasRenderingContext2D)(geometry);
  return context.result();
}
