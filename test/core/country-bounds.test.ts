/** Country boxes: the table npm run build writes agrees with the borders package; boxes across the antimeridian work. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { computeBounds, countryBounds, inBounds } from "../../scripts/core/country-bounds.ts";
import { countryCodes } from "../../scripts/core/countries.ts";

test("every country's box (from build/ when built) equals the box computed from the borders", () => {
  for (const code of countryCodes()) assert.equal(countryBounds(code), computeBounds(code), code);
});

test("known places fall inside their country, swapped coordinates outside", () => {
  assert.ok(inBounds(countryBounds("KAZ")!, 51.13, 71.43, 0.5)); // Astana
  assert.not.ok(inBounds(countryBounds("KAZ")!, 71.43, 51.13, 0.5));
  assert.ok(inBounds(countryBounds("FJI")!, -18.14, 178.44, 0.5)); // Suva
  assert.ok(inBounds(countryBounds("FJI")!, -16.8, -179.9, 0.5)); // east of the antimeridian
  assert.not.ok(inBounds(countryBounds("FJI")!, -18.14, 0, 0.5));
});

test.run();
