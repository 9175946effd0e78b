/** Point in country, by country-coder's borders, with the tolerance near borders and coasts that coordinates-country allows. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { countriesAt, hasBorders, inOrNear } from "../../scripts/core/country-borders.ts";
import { BORDER_TOLERANCE_KM, coordinatesCountry as rule } from "../../scripts/rules/record/coordinates-country.ts";
import type { RuleIssue } from "../../scripts/rules/types.ts";
import { formatMessage, messageOf } from "../../scripts/check/file.ts";

const near = (alpha3: string, lat: number, lon: number) => inOrNear(alpha3, lat, lon, BORDER_TOLERANCE_KM);

test("the point in the country: Astana, Suva east of the antimeridian, a ship a few km off a coast", () => {
  assert.ok(near("KAZ", 51.13, 71.43));
  assert.ok(near("FJI", -16.8, -179.9));
  assert.ok(near("FJI", -18.14, 178.44));
  assert.ok(near("FRA", 43.65, 7.27)); // 5 km off Nice
  assert.ok(near("GRC", 36.3, 28.35)); // 5 km off Rhodes' east coast
});

test("where boxes were wrong: Toronto is not in the USA, Rhodes not in Turkey, the Atlantic not in France", () => {
  assert.not.ok(near("USA", 43.65, -79.38));
  assert.equal(countriesAt(43.65, -79.38), ["CAN"]);
  assert.not.ok(near("TUR", 36.43, 28.22));
  assert.not.ok(near("FRA", 30, -40));
  assert.not.ok(near("KAZ", 71.43, 51.13)); // Astana swapped
});

test("just across a border, within the tolerance: Kehl as FRA, Strasbourg as DEU, Windsor as USA, Geneva as FRA", () => {
  assert.ok(near("FRA", 48.57, 7.81));
  assert.ok(near("DEU", 48.58, 7.75));
  assert.ok(near("USA", 42.31, -83.03));
  assert.ok(near("FRA", 46.2, 6.14));
  // Further than the tolerance: Calais is 23 km from England.
  assert.not.ok(near("GBR", 50.95, 1.85));
});

test("a territory counts for its own code and its country's: French Guiana, Puerto Rico, Greenland", () => {
  assert.ok(near("FRA", 4.92, -52.33));
  assert.ok(near("GUF", 4.92, -52.33));
  assert.ok(near("USA", 18.46, -66.1));
  assert.ok(near("PRI", 18.46, -66.1));
  assert.ok(near("DNK", 64.18, -51.72));
  assert.not.ok(near("GUF", 48.85, 2.35)); // Paris is France, not French Guiana
});

test("disputed areas drawn de facto count for the other claimant too: Crimea as UKR or RUS, Northern Cyprus as CYP", () => {
  assert.ok(near("UKR", 44.95, 34.1)); // Simferopol, 100 km from the rest of Ukraine
  assert.ok(near("RUS", 44.95, 34.1));
  assert.equal(countriesAt(44.95, 34.1).sort(), ["RUS", "UKR"]);
  assert.ok(near("CYP", 35.19, 33.36)); // North Nicosia
  assert.not.ok(near("UKR", 55.75, 37.62)); // Moscow is not
});

test("codes country-coder draws; a code it does not know is not checked", () => {
  assert.ok(hasBorders("KAZ"));
  assert.ok(hasBorders("GUF"));
  assert.not.ok(hasBorders("ZZZ"));
});

test("the finding names where the point lies, and swapped numbers", () => {
  const run = (country: string, lat: number, lon: number) =>
    rule.check({ record: { locations: [{ name: "x", country, precision: "city", lat, lon }] } } as never) as RuleIssue[];
  assert.equal(run("USA", 43.65, -79.38).map((i) => messageOf(rule, i)), ["lat 43.65, lon -79.38 is not in USA, nor within 10 km of it: it lies in CAN."]);
  const swapped = run("KAZ", 71.43, 51.13);
  assert.match(messageOf(rule, swapped[0]!), /not in KAZ/);
  assert.match(formatMessage(rule, swapped[0]!.helpId!, swapped[0]!.data), /look swapped: lat 51.13, lon 71.43 lies in KAZ/);
  assert.match(messageOf(rule, run("FRA", 30, -40)[0]!), /outside every country/);
  assert.equal(run("FRA", 4.92, -52.33), []);
});

test.run();
