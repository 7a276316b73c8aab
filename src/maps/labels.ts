import { geoPath, type GeoStreamWrapper } from 'd3-geo';
import { polygonArea, polygonContains } from 'd3-polygon';
import type { MultiPolygon, Polygon } from 'geojson';
import polylabel from 'polylabel';
import { textWidth } from '../charts/measure.ts';

/** Maps with at most this many regions name each region on the map itself. */
export const MAX_LABELLED_REGIONS = 30;

/**
 * Label sizes. A map's SVG is drawn `width` units wide and shown 326 px wide on a 360 px
 * phone (the page's padding and the map's border taken off); labels are sized so that they
 * render at 13 px there, 11 px at the least once Leaflet fits the map to its frame (its zoom
 * snaps to quarter steps, up to 16 % smaller). map-labels.css scales them down on wider screens.
 */
export const LABEL = {
  narrowMapPx: 326,
  narrowFontPx: 13,
  /** Room kept free around each label, in font sizes. */
  padding: 0.15,
  /** Rings of points tried around the pole, in font sizes, when the pole's place is taken. */
  offsets: [0.6, 1.2, 1.8, 2.4],
  /** Directions tried on each ring. */
  directions: 12,
  /**
   * A name suits its region when it is at most this many times as wide as the largest
   * circle inside the region: longer names are tried after the short forms that suit.
   */
  suits: 2,
  /** Below this share of regions labelled (Hainan's island beside the South China Sea), the map draws none: a few names would puzzle more than help. */
  minShare: 2 / 3,
} as const;

/** A region's name drawn on the map. `text` may be a short form (城关); the full name stays in the region's accessible name and the table. */
export interface MapLabel {
  code: string;
  x: number;
  y: number;
  text: string;
}

/** A region as labels need it: its code, its name and its projected geometry. */
export interface LabelledRegion {
  code: string;
  name: string;
  geometry: Polygon | MultiPolygon;
}

type Ring = [number, number][];

/** A d3-geo path context that keeps the projected rings of one polygon. */
class RingCollector {
  readonly rings: Ring[] = [];

  moveTo(x: number, y: number): void {
    this.rings.push([[x, y]]);
  }

  lineTo(x: number, y: number): void {
    this.rings.at(-1)?.push([x, y]);
  }

  closePath(): void {
    const ring = this.rings.at(-1);
    const first = ring?.[0];
    if (ring && first) ring.push([first[0], first[1]]);
  }

  arc(): void {
    throw new Error('map regions have no circles');
  }
}

/** The projected rings (outer first, then holes) of the region's largest polygon. */
function largestPolygon(projection: GeoStreamWrapper, geometry: Polygon | MultiPolygon): Ring[] {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best: Ring[] = [];
  let bestArea = 0;
  for (const coordinates of polygons) {
    const collector = new RingCollector();
    geoPath(projection, collector as unknown as CanvasRenderingContext2D)({ type: 'Polygon', coordinates });
    const area = Math.abs(polygonArea(collector.rings[0] ?? []));
    if (area > bestArea) {
      best = collector.rings;
      bestArea = area;
    }
  }
  return best;
}

/**
 * Shorter forms of a name, tried in turn when the full name finds no room: an autonomous
 * prefecture or county by its place name (甘南藏族自治州 → 甘南州, 积石山保安族东乡族撒拉族自治县
 * → 积石山县), then any unit without its last character (城关区 → 城关, 嘉峪关市 → 嘉峪关).
 */
export function shortNames(name: string, groupNames: readonly string[]): string[] {
  const forms: string[] = [];
  const groups = [...groupNames].sort((a, b) => b.length - a.length).join('|');
  const autonomous = groups === '' ? null : new RegExp(`^(.{2,}?)(?:${groups})+自治(州|县|旗)$`, 'u').exec(name);
  if (autonomous) forms.push(`${autonomous[1] ?? ''}${autonomous[2] ?? ''}`);
  const shortest = forms.at(-1) ?? name;
  if ([...shortest].length >= 3 && /[区县市州旗]$/u.test(shortest)) forms.push(shortest.slice(0, -1));
  return forms.filter((form) => form !== name);
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * Labels for a map of at most MAX_LABELLED_REGIONS regions (none for a larger one): each
 * region's name at its pole of inaccessibility (polylabel: the inner point farthest from
 * the edge), the most crowded regions placed first. A name much wider than its region gives
 * way to a short form that suits it; where a name would overlap another or leave the frame,
 * points around the pole inside the region are tried, then the other forms. A region that
 * finds no room keeps no label (it still has its accessible name, its tooltip and its row);
 * a map where a third of the regions find none gets no labels at all.
 */
export function mapLabels(regions: readonly LabelledRegion[], projection: GeoStreamWrapper, frame: { width: number; height: number }, groupNames: readonly string[]): { labels: MapLabel[]; fontSize: number } {
  const fontSize = Math.round(((LABEL.narrowFontPx * frame.width) / LABEL.narrowMapPx) * 10) / 10;
  if (regions.length === 0 || regions.length > MAX_LABELLED_REGIONS) return { labels: [], fontSize };
  const pad = fontSize * LABEL.padding;
  const measured = regions.map((region) => {
    const rings = largestPolygon(projection, region.geometry);
    const pole = polylabel(rings, 0.5);
    return { region, rings, pole: [pole[0], pole[1]] as [number, number], room: pole.distance };
  });
  const placed: Box[] = [];
  const labels: MapLabel[] = [];
  const boxAt = (text: string, x: number, y: number): Box => {
    const half = textWidth(text, fontSize, fontSize * 0.6) / 2 + pad;
    return { left: x - half, right: x + half, top: y - fontSize / 2 - pad, bottom: y + fontSize / 2 + pad };
  };
  const fits = (box: Box) => box.left >= 0 && box.top >= 0 && box.right <= frame.width && box.bottom <= frame.height && !placed.some((other) => overlaps(box, other));
  for (const { region, rings, pole, room } of [...measured].sort((a, b) => a.room - b.room)) {
    const outer = rings[0] ?? [];
    const points: [number, number][] = [pole];
    for (const step of LABEL.offsets) {
      for (let k = 0; k < LABEL.directions; k++) {
        const angle = ((2 * Math.PI) / LABEL.directions) * k;
        const point: [number, number] = [pole[0] + Math.cos(angle) * step * fontSize, pole[1] + Math.sin(angle) * step * fontSize];
        if (polygonContains(outer, point)) points.push(point);
      }
    }
    const forms = [region.name, ...shortNames(region.name, groupNames)];
    const suits = (text: string) => textWidth(text, fontSize, fontSize * 0.6) <= LABEL.suits * 2 * room;
    const texts = [...forms.filter(suits), ...forms.filter((text) => !suits(text))];
    let label: MapLabel | undefined;
    for (const text of texts) {
      const point = points.find(([x, y]) => fits(boxAt(text, x, y)));
      if (point) {
        label = { code: region.code, x: Math.round(point[0] * 10) / 10, y: Math.round(point[1] * 10) / 10, text };
        placed.push(boxAt(text, point[0], point[1]));
        break;
      }
    }
    if (label) labels.push(label);
  }
  if (labels.length < LABEL.minShare * regions.length) return { labels: [], fontSize };
  labels.sort((a, b) => a.code.localeCompare(b.code));
  return { labels, fontSize };
}
