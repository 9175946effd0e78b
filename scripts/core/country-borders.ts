/**
 * Which countries a point lies in, from the borders that the maintained
 * @rapideditor/country-coder package ships (offline: the borders are in the
 * package). Loading them takes about 150 ms, so they are loaded on the first
 * question only (a dataset without coordinates never loads them).
 *
 * A point is in every country whose feature contains it: a territory's own
 * code and the code of the country it belongs to (a point in French Guiana is
 * in GUF and in FRA, one in Puerto Rico in PRI and in USA). The borders are
 * those country-coder draws: simplified, extended over coastal waters, and
 * de facto where a border is disputed (Crimea lies in RUS there). Where
 * event datasets commonly code the other claimant (ACLED and UCDP code Crimea
 * as Ukraine), a point in that area counts for both: see CLAIMED.
 */
import { createRequire } from "node:module";

interface CountryCoder {
  featuresContaining(loc: [number, number]): { properties: { id: string; iso1A3?: string } }[];
  feature(query: string): { properties: { iso1A3?: string } } | null;
}

const require = createRequire(import.meta.url);
let coder: CountryCoder | undefined;
const load = () => (coder ??= require("@rapideditor/country-coder") as CountryCoder);

/**
 * Disputed areas that country-coder draws as features of their own, by
 * feature id, with the codes a point there also counts for: Crimea (drawn in
 * RUS) for UKR, Northern Cyprus (drawn with no code) for CYP. A false alarm
 * on a record coded by another convention costs a contributor's time.
 */
export const CLAIMED: Readonly<Record<string, readonly string[]>> = { Q7835: ["UKR"], Q23681: ["CYP"] };

/** The ISO 3166-1 alpha-3 codes of the countries and territories at a point (none at sea far from any coast). */
export function countriesAt(lat: number, lon: number): string[] {
  return load()
    .featuresContaining([lon, lat])
    .flatMap((f) => [...(f.properties.iso1A3 ? [f.properties.iso1A3] : []), ...(CLAIMED[f.properties.id] ?? [])]);
}

/**
 * Whether the package draws borders for a country code (checking a point against a country it does not know says nothing).
 * Kept by code: country-coder's feature() normalizes its query each call (measured: 0.45 s of a 100k-record run, one call a location).
 */
export function hasBorders(alpha3: string): boolean {
  let answer = bordered.get(alpha3);
  if (answer === undefined) {
    answer = load().feature(alpha3)?.properties.iso1A3 === alpha3;
    // Codes come from records: any string can be asked, so the map is bounded as the answers of inOrNear are.
    if (bordered.size >= MAX_ANSWERS) bordered.clear();
    bordered.set(alpha3, answer);
  }
  return answer;
}

const bordered = new Map<string, boolean>();

const EARTH_RADIUS_KM = 6371.0088;

/** The point `km` away from lat/lon in the direction `bearing` (degrees clockwise from north), on a sphere. */
function destination(lat: number, lon: number, km: number, bearing: number): [number, number] {
  const d = km / EARTH_RADIUS_KM;
  const b = (bearing * Math.PI) / 180;
  const p1 = (lat * Math.PI) / 180;
  const l1 = (lon * Math.PI) / 180;
  const p2 = Math.asin(Math.sin(p1) * Math.cos(d) + Math.cos(p1) * Math.sin(d) * Math.cos(b));
  const l2 = l1 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(p1), Math.cos(d) - Math.sin(p1) * Math.sin(p2));
  return [(p2 * 180) / Math.PI, ((((l2 * 180) / Math.PI + 540) % 360) + 360) % 360 - 180];
}

/** Directions sampled on each circle: every 15 degrees, points 2.6 km apart at 10 km. */
const BEARINGS = Array.from({ length: 24 }, (_, i) => i * 15);

/**
 * Whether the point lies in the country, or within about `km` of it: the
 * point itself is tested, then points on circles of radius km/2 and km
 * around it (24 directions each). A sliver of the country narrower than the
 * gaps between sampled points can be missed: the answer errs towards a finding.
 */
export function inOrNear(alpha3: string, lat: number, lon: number, km: number): boolean {
  // Datasets name the same places again and again (a capital, a town in the news): each answer is kept, up to a bound.
  const key = `${alpha3} ${lat} ${lon} ${km}`;
  let answer = answers.get(key);
  if (answer === undefined) {
    if (answers.size >= MAX_ANSWERS) answers.clear();
    answer = computeInOrNear(alpha3, lat, lon, km);
    answers.set(key, answer);
  }
  return answer;
}

/** Answers of inOrNear kept in a thread (about 100 bytes each). */
const MAX_ANSWERS = 100_000;
const answers = new Map<string, boolean>();

function computeInOrNear(alpha3: string, lat: number, lon: number, km: number): boolean {
  if (countriesAt(lat, lon).includes(alpha3)) return true;
  for (const radius of [km / 2, km])
    for (const bearing of BEARINGS) {
      const [la, lo] = destination(lat, lon, radius, bearing);
      if (countriesAt(la, lo).includes(alpha3)) return true;
    }
  return false;
}
