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

test("a coder's events join the other's by the best assignment, not first come first served", () => {
  // Coder b's first event (by id) resembles a2 most, but b's second is a2 exactly and fits a1 poorly:
  // greedily, b1 took a2 and b2 was left with a1 (total resemblance 4.0); the best assignment pairs b1-a1 and b2-a2 (4.67).
  const event = (id: string, actors: string[], start: string): Event => ({
    ...(parse(EVENT_YAML) as Event),
    id,
    date: { start, precision: "day" },
    actors: actors.map((actor, i) => ({ actor, role: i === 0 ? "initiator" : "recipient" })) as Event["actors"],
  });
  const codings = [
    { label: "a", events: [{ file: "a1.yaml", event: event("ev-aaaaaaa1", ["x", "y"], "2023-02-27") }, { file: "a2.yaml", event: event("ev-aaaaaaa2", ["x", "z"], "2023-02-28") }] },
    { label: "b", events: [{ file: "b1.yaml", event: event("ev-bbbbbbb1", ["x", "y", "z"], "2023-02-28") }, { file: "b2.yaml", event: event("ev-bbbbbbb2", ["x", "z"], "2023-02-28") }] },
  ];
  const pairs = matchUnits(codings).map((u) => u.members.map((m) => m?.event.id));
  assert.equal(pairs, [
    ["ev-aaaaaaa1", "ev-bbbbbbb1"],
    ["ev-aaaaaaa2", "ev-bbbbbbb2"],
  ]);
});

test.run();
