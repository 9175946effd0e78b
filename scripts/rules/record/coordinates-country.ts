import { countryBounds, describeBounds, inBounds } from "../../core/country-bounds.ts";
import type { RecordRule, RuleIssue } from "../types.ts";

/** Degrees the box is widened by: borders are simplified, and coasts have waters. */
export const BOUNDS_MARGIN = 0.5;

export const coordinatesCountry: RecordRule = {
  id: "coordinates-country",
  family: "record",
  severity: "warning",
  scope: "record",
  kinds: ["event"],
  needsValid: true,
  description: "A location's `lat`/`lon` lie inside the bounding box of its `country` (borders from @rapideditor/country-coder), which catches swapped or mistyped coordinates.",
  fix: "Check the coordinates against the source or a gazetteer: `lat` is north-south (-90..90), `lon` east-west (-180..180), both in decimal degrees WGS84.",
  check: ({ record }) => {
    const issues: RuleIssue[] = [];
    const locations = (record.locations ?? []) as { country: string; lat?: number; lon?: number }[];
    locations.forEach((l, i) => {
      if (l.lat === undefined || l.lon === undefined) return;
      const bounds = countryBounds(l.country);
      if (!bounds || inBounds(bounds, l.lat, l.lon, BOUNDS_MARGIN)) return;
      const swapped = Math.abs(l.lon) <= 90 && inBounds(bounds, l.lon, l.lat, BOUNDS_MARGIN);
      issues.push({
        pointer: `/locations/${i}/lat`,
        message: `lat ${l.lat}, lon ${l.lon} lies outside ${l.country} (${describeBounds(bounds)}).`,
        hint: swapped
          ? `The numbers look swapped: lat ${l.lon}, lon ${l.lat} lies inside ${l.country}. Exchange \`lat\` and \`lon\`.`
          : undefined,
      });
    });
    return issues;
  },
};
