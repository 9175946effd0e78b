/** Articles of the agreement report: what events are compared with each other. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "yaml";
import type { Event } from "../../schema/index.ts";
import { agreementReport, NO_LOCATIONS } from "../../scripts/agreement/fields.ts";
import { matchUnits } from "../../scripts/agreement/units.ts";
import { EVENT_YAML } from "../helpers/dataset.ts";

test("events whose source names no address, headline or date are not taken for one article", () => {
  const bare = (id: string): Event => ({ ...(parse(EVENT_YAML) as Event), id, sources: [{ outlet: "dw", language: "en" }] as Event["sources"] });
  const codings = [
    { label: "a", events: [{ file: "a.yaml", event: bare("ev-aaaaaaaa") }] },
    { label: "b", events: [{ file: "b.yaml", event: bare("ev-bbbbbbbb") }] },
  ];
  assert.equal(matchUnits(codings), []);
});

test("an event without locations (schema 1.3.0) gives the country field a value of its own: it agrees with another without, differs from one with", () => {
  const event = (id: string, withLocations: boolean): Event => {
    const e = { ...(parse(EVENT_YAML) as Event), id };
    if (!withLocations) delete e.locations;
    return e;
  };
  const codings = (b: boolean) => [
    { label: "a", events: [{ file: "a.yaml", event: event("ev-aaaaaaaa", false) }] },
    { label: "b", events: [{ file: "b.yaml", event: event("ev-bbbbbbbb", b) }] },
  ];
  const country = (b: boolean) => agreementReport(codings(b), matchUnits(codings(b))).fields.find((f) => f.field === "country")!;
  assert.equal(country(false).disagreements, []);
  assert.is(country(false).percent, 1);
  assert.equal(country(true).disagreements.map((d) => d.values), [[NO_LOCATIONS, "KAZ"]]);
});

test.run();
