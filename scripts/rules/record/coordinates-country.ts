import { countriesAt, hasBorders, inOrNear } from "../../core/country-borders.ts";
import { eachObject, num, PATTERNS, shaped } from "../fields.ts";
import type { RecordRule, RuleIssue } from "../types.ts";

/**
 * Kilometres from its country within which a point still passes: borders are
 * simplified, and a place on a border river or a coast can sit just across the
 * line. Ten keeps twin towns on a border (Strasbourg and Kehl, Detroit and
 * Windsor, Geneva and France, all 1 to 5 km) and catches a city coded with the
 * neighbour across water (Toronto as USA is 16 km off, Rhodes as TUR 14 km).
 */
export const BORDER_TOLERANCE_KM = 10;

export const coordinatesCountry: RecordRule = {
  meta: {
    id: "coordinates-country",
    family: "record",
    severity: "warning",
    description: `A location's \`lat\`/\`lon\` lie in its \`country\`, or within ${BORDER_TOLERANCE_KM} km of it, by the borders of @rapideditor/country-coder (which cover coastal waters; a point in a territory counts for the territory's code and for its country's: French Guiana as GUF or FRA; disputed borders are drawn as that package draws them, except that a point in Crimea also counts for UKR and one in Northern Cyprus for CYP). This catches swapped or mistyped coordinates and the wrong one of two neighbours.`,
    help: "Check the coordinates against the source or a gazetteer: `lat` is north-south (-90..90), `lon` east-west (-180..180), both in decimal degrees WGS84; or correct `country`.",
    messages: {
      notIn: "lat {{lat}}, lon {{lon}} is not in {{country}}, nor within {{km}} km of it: it lies in {{there}}.",
      atSea: "lat {{lat}}, lon {{lon}} is not in {{country}}, nor within {{km}} km of it: it lies outside every country (at sea, off any coast).",
      swapped: "The numbers look swapped: lat {{lon}}, lon {{lat}} lies in {{country}}. Exchange `lat` and `lon`.",
    },
  },
  scope: "record",
  kinds: ["event"],
  check: ({ record }) => {
    const issues: RuleIssue[] = [];
    eachObject(record.locations, (l, i) => {
      // A number out of range, or a code of the wrong shape, is the schema's finding.
      const lat = num(l.lat);
      const lon = num(l.lon);
      const country = shaped(l.country, PATTERNS.countryCode);
      if (lat === undefined || lon === undefined || country === undefined || Math.abs(lat) > 90 || Math.abs(lon) > 180) return;
      if (!hasBorders(country) || inOrNear(country, lat, lon, BORDER_TOLERANCE_KM)) return;
      const there = countriesAt(lat, lon);
      const swapped = Math.abs(lon) <= 90 && inOrNear(country, lon, lat, BORDER_TOLERANCE_KM);
      issues.push({
        pointer: `/locations/${i}/lat`,
        messageId: there.length > 0 ? "notIn" : "atSea",
        data: { lat, lon, country, km: BORDER_TOLERANCE_KM, there: there.join(", ") },
        ...(swapped ? { helpId: "swapped" } : {}),
      });
    });
    return issues;
  },
};
