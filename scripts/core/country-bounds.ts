/**
 * Bounding boxes of countries, computed from the borders that the maintained
 * @rapideditor/country-coder package ships. Loading the borders takes about
 * 100 ms, so `npm run build` writes every box to build/country-bounds.json;
 * that file is used when it was made from the installed version of the
 * package, and the borders are loaded otherwise (only when a record has
 * coordinates).
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { TOOLKIT_ROOT } from "./paths.ts";

interface Geometry {
  type: string;
  coordinates: unknown;
}
interface CountryCoder {
  aggregateFeature(query: string): { geometry: Geometry | null } | null;
}

export interface Bounds {
  south: number;
  north: number;
  /** West and east edges; when `wraps`, longitudes are counted 0..360 (the box crosses the antimeridian). */
  west: number;
  east: number;
  wraps: boolean;
}

const require = createRequire(import.meta.url);
const PACKAGE = "@rapideditor/country-coder";
let coder: CountryCoder | undefined;
const cache = new Map<string, Bounds | undefined>();

export const BOUNDS_FILE = path.join(TOOLKIT_ROOT, "build", "country-bounds.json");

/** The installed version of the borders package. */
export function bordersVersion(): string {
  // The package's exports hide package.json; it sits two folders above the entry point.
  const entry = require.resolve(PACKAGE);
  return (JSON.parse(readFileSync(path.join(path.dirname(entry), "..", "package.json"), "utf8")) as { version: string }).version;
}

let precomputed: Record<string, Bounds | null> | undefined | false;

function fromBuild(alpha3: string): Bounds | null | undefined {
  if (precomputed === undefined) {
    precomputed = false;
    try {
      if (existsSync(BOUNDS_FILE)) {
        const file = JSON.parse(readFileSync(BOUNDS_FILE, "utf8")) as { version: string; bounds: Record<string, Bounds | null> };
        if (file.version === bordersVersion()) precomputed = file.bounds;
      }
    } catch {
      precomputed = false;
    }
  }
  return precomputed === false ? undefined : precomputed[alpha3];
}

function points(coordinates: unknown, out: [number, number][]): void {
  if (!Array.isArray(coordinates)) return;
  if (typeof coordinates[0] === "number") out.push([coordinates[0], coordinates[1] as number]);
  else for (const c of coordinates) points(c, out);
}

/** The country's box, or undefined when the package has no borders for it. */
export function countryBounds(alpha3: string): Bounds | undefined {
  if (cache.has(alpha3)) return cache.get(alpha3);
  const built = fromBuild(alpha3);
  if (built !== undefined) {
    cache.set(alpha3, built ?? undefined);
    return built ?? undefined;
  }
  return computeBounds(alpha3);
}

/** The box from the borders themselves (what the build writes down). */
export function computeBounds(alpha3: string): Bounds | undefined {
  coder ??= require(PACKAGE) as CountryCoder;
  const geometry = coder.aggregateFeature(alpha3)?.geometry;
  let bounds: Bounds | undefined;
  if (geometry) {
    const pts: [number, number][] = [];
    points(geometry.coordinates, pts);
    if (pts.length > 0) {
      const lats = pts.map((p) => p[1]);
      const lons = pts.map((p) => p[0]);
      const shifted = lons.map((x) => (x < 0 ? x + 360 : x));
      const span = Math.max(...lons) - Math.min(...lons);
      const wraps = Math.max(...shifted) - Math.min(...shifted) < span;
      const chosen = wraps ? shifted : lons;
      bounds = { south: Math.min(...lats), north: Math.max(...lats), west: Math.min(...chosen), east: Math.max(...chosen), wraps };
    }
  }
  cache.set(alpha3, bounds);
  return bounds;
}

/** Whether a point lies in the box, widened by `margin` degrees (borders are simplified). */
export function inBounds(b: Bounds, lat: number, lon: number, margin: number): boolean {
  const x = b.wraps && lon < 0 ? lon + 360 : lon;
  return lat >= b.south - margin && lat <= b.north + margin && x >= b.west - margin && x <= b.east + margin;
}

/** The box as people read it: latitudes, then longitudes in -180..180. */
export function describeBounds(b: Bounds): string {
  const lon = (x: number) => (x > 180 ? x - 360 : x).toFixed(1);
  return `lat ${b.south.toFixed(1)} to ${b.north.toFixed(1)}, lon ${lon(b.west)} to ${lon(b.east)}`;
}
