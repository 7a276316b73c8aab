import 'leaflet/dist/leaflet.css';
import { CRS, DomEvent, control, latLngBounds, map as leafletMap, point, svgOverlay, tileLayer, type LatLngBounds, type Map as LeafletMap } from 'leaflet';
import { tileLayer as tileConfig } from './config.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * `<lz-map>`: takes the map drawn at build time (an inline SVG that already works without
 * JavaScript: focusable regions, links to profiles, legend, table) and hands it to Leaflet
 * for pan and zoom. Hover and focus highlight a region and show its value; a click selects
 * it (keyboard Enter still follows the region's link to its profile). Its words come from the
 * markup (`data-zoom-in`, `data-zoom-out`, `data-pan-help`, `data-profile-link`).
 */
class MapElement extends HTMLElement {
  #map: LeafletMap | undefined;
  #bounds: LatLngBounds | undefined;
  #highlight: SVGGElement | null = null;
  #info: HTMLElement | null = null;
  #selected: Element | undefined;

  connectedCallback(): void {
    if (this.#map) return;
    const canvas = this.querySelector<HTMLElement>('.map-canvas');
    const svg = canvas?.querySelector<SVGSVGElement>('svg.map-svg');
    if (!canvas || !svg) return;
    const width = Number(this.dataset['width']);
    const height = Number(this.dataset['height']);
    this.#highlight = svg.querySelector('.map-highlight');
    this.#info = this.querySelector('.map-info');

    const geoBounds = this.dataset['geoBounds'] ? (JSON.parse(this.dataset['geoBounds']) as [[number, number], [number, number]]) : undefined;
    const tiled = tileConfig !== null && geoBounds !== undefined;
    const bounds = tiled && geoBounds ? latLngBounds(geoBounds) : latLngBounds([-height, 0], [0, width]);
    this.#bounds = bounds;

    const holder = document.createElement('div');
    holder.className = 'map-leaflet';
    holder.style.aspectRatio = `${width} / ${height}`;
    canvas.append(holder);
    // The reader's system asks for less motion, or 适老模式 is on (public/reading.js sets data-motion): zoom without animating.
    const still = document.documentElement.dataset['motion'] === 'reduce';
    const map = leafletMap(holder, {
      crs: tiled ? CRS.EPSG3857 : CRS.Simple,
      zoomAnimation: !still,
      fadeAnimation: !still,
      markerZoomAnimation: !still,
      zoomControl: false,
      attributionControl: tiled,
      scrollWheelZoom: false,
      zoomSnap: 0.25,
      maxBoundsViscosity: 1,
    });
    control.zoom({ zoomInTitle: this.dataset['zoomIn'] ?? '', zoomOutTitle: this.dataset['zoomOut'] ?? '', position: 'topright' }).addTo(map);
    if (tiled && tileConfig) tileLayer(tileConfig.url, { attribution: tileConfig.attribution, maxZoom: tileConfig.maxZoom }).addTo(map);
    svgOverlay(svg, bounds, { interactive: true }).addTo(map);
    map.fitBounds(bounds);
    map.setMinZoom(map.getZoom());
    map.setMaxZoom(map.getZoom() + 5);
    map.setMaxBounds(bounds.pad(0.1));
    holder.setAttribute('aria-label', this.dataset['panHelp'] ?? '');
    holder.setAttribute('role', 'region');
    this.#map = map;
    canvas.classList.add('map-canvas--enhanced');

    svg.addEventListener('pointerover', (event) => this.#show(this.#regionOf(event.target)));
    svg.addEventListener('pointerout', () => this.#show(this.#selected));
    svg.addEventListener('focusin', (event) => {
      const region = this.#regionOf(event.target);
      holder.scrollTop = 0;
      holder.scrollLeft = 0;
      this.#reveal(region);
      this.#show(region);
    });
    svg.addEventListener('click', (event) => {
      const region = this.#regionOf(event.target);
      if (!region) return;
      // A mouse click selects; Enter on a focused region (a click with detail 0) opens its profile.
      if ((event as MouseEvent).detail > 0) event.preventDefault();
      this.#select(region);
    });
    svg.addEventListener('keydown', (event) => {
      const region = this.#regionOf(event.target);
      if (region && event.key === 'Enter' && !region.matches('a')) this.#select(region);
    });
    DomEvent.disableClickPropagation(this.#info ?? holder);
  }

  disconnectedCallback(): void {
    this.#map?.remove();
    this.#map = undefined;
  }

  #regionOf(target: EventTarget | null): Element | undefined {
    return target instanceof Element ? (target.closest('.map-regions > *') ?? undefined) : undefined;
  }

  #pathOf(region: Element): SVGPathElement | null {
    return region instanceof SVGPathElement ? region : region.querySelector('path');
  }

  #show(region: Element | undefined): void {
    const highlight = this.#highlight;
    if (!highlight || !this.#info) return;
    highlight.replaceChildren();
    for (const which of new Set([this.#selected, region])) {
      const path = which ? this.#pathOf(which) : null;
      if (!path) continue;
      const copy = document.createElementNS(SVG_NS, 'path');
      copy.setAttribute('d', path.getAttribute('d') ?? '');
      copy.setAttribute('class', which === this.#selected ? 'map-highlight__selected' : 'map-highlight__hover');
      highlight.append(copy);
    }
    const shown = region ?? this.#selected;
    if (!shown) {
      this.#info.hidden = true;
      return;
    }
    this.#info.hidden = false;
    this.#info.replaceChildren(shown.getAttribute('aria-label') ?? '');
    const href = shown.getAttribute('href');
    if (href && shown === this.#selected) {
      const link = document.createElement('a');
      link.href = href;
      link.textContent = this.dataset['profileLink'] ?? '';
      this.#info.append(' ', link);
    }
  }

  #select(region: Element): void {
    this.#selected = this.#selected === region ? undefined : region;
    this.#show(region);
  }

  /** Pans so that a region reached with Tab is in view when the map is zoomed in. */
  #reveal(region: Element | undefined): void {
    const map = this.#map;
    const bounds = this.#bounds;
    const path = region ? this.#pathOf(region) : null;
    if (!map || !bounds || !path || map.getZoom() <= map.getMinZoom()) return;
    const box = path.getBBox();
    const width = Number(this.dataset['width']);
    const height = Number(this.dataset['height']);
    const northWest = map.latLngToLayerPoint(bounds.getNorthWest());
    const southEast = map.latLngToLayerPoint(bounds.getSouthEast());
    const fraction = { x: (box.x + box.width / 2) / width, y: (box.y + box.height / 2) / height };
    const centre = northWest.add(southEast.subtract(northWest).scaleBy(point(fraction.x, fraction.y)));
    map.panTo(map.layerPointToLatLng(centre));
  }
}

if (!customElements.get('lz-map')) customElements.define('lz-map', MapElement);
