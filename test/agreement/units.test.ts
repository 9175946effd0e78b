/** Articles of the agreement report: what events are compared with each other. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "yaml";
import type { Event } from "../../schema/index.ts";
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

test.run();
