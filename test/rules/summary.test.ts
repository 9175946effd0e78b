/** Event summaries for dataset rules: checked and unchecked records give the same summary; misshapen ones none. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "yaml";
import type { Event } from "../../schema/index.ts";
import { summarizeEvent, summarizeUnchecked } from "../../scripts/rules/dataset/summary.ts";
import { EVENT_YAML, editEvent } from "../helpers/dataset.ts";

test("an unchecked record that is a valid event summarizes as a checked one", () => {
  const event = parse(EVENT_YAML) as Event;
  assert.equal(summarizeUnchecked(event), summarizeEvent(event));
  const duplicate = parse(editEvent("status: active", "status: duplicate\nduplicate_of: ev-aaaaaaaa")) as Event;
  assert.equal(summarizeUnchecked(duplicate), summarizeEvent(duplicate));
});

test("a record without the shape of an event gives no summary, and no exception", () => {
  for (const value of [null, 1, "x", [], {}, { ...parse(EVENT_YAML), date: "2023" }, { ...parse(EVENT_YAML), actors: [{ actor: 1 }] }, { ...parse(EVENT_YAML), locations: null }, { ...parse(EVENT_YAML), duplicate_of: 5 }])
    assert.is(summarizeUnchecked(value), undefined, JSON.stringify(value));
});

test.run();
