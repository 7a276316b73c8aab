/**
 * The one place to switch on a background tile layer, for a deployment that has a licensed
 * tile service (and a Content Security Policy that allows it). Off by default: the maps'
 * base is the boundary layers themselves and no page requests anything from a tile server.
 *
 * Tiles are Web Mercator, so they are drawn only under maps in the Mercator projection
 * (Lanzhou and Gansu); the national maps are equal-area and stay without tiles.
 */
export interface TileLayerConfig {
  /** URL template with {z}, {x}, {y}, e.g. https://tiles.example.org/{z}/{x}/{y}.png */
  url: string;
  /** Attribution the tile licence asks for, shown on the map. */
  attribution: string;
  /** Highest zoom level the service provides. */
  maxZoom: number;
}

export const tileLayer: TileLayerConfig | null = null;
