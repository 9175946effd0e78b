/** Event summaries for dataset rules: checked and unchecked records give the same summary; ill-typed fields are left out; no id, no summary. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "yaml";
import type { Event } from "../../schema/index.ts";
import { sourceDescribed, summarizeEvent, summarizeUnchecked } from "../../scripts/rules/dataset/summary.ts";
import { EVENT_YAML, editEvent } from "../helpers/dataset.ts";

test("an unchecked record that is a valid event summarizes as a checked one", () => {
  const event = parse(EVENT_YAML) as Event;
  assert.equal(summarizeUnchecked(event), summarizeEvent(event));
  const duplicate = parse(editEvent("status: active", "status: duplicate\nduplicate_of: ev-aaaaaaaa")) as Event;
  assert.equal(summarizeUnchecked(duplicate), summarizeEvent(duplicate));
});

test("a value with no string id gives no summary, and no exception", () => {
  for (const value of [null, 1, "x", [], {}, { ...parse(EVENT_YAML), id: 5 }, { ...parse(EVENT_YAML), id: null }])
    assert.is(summarizeUnchecked(value), undefined, JSON.stringify(value));
});

test("an event with ill-typed fields is summarized by the others: each ill-typed field is left out, never read as empty", () => {
  const whole = summarizeEvent(parse(EVENT_YAML) as Event);
  const without = (...keys: (keyof typeof whole)[]) => Object.fromEntries(Object.entries(whole).filter(([k]) => !keys.includes(k as keyof typeof whole)));
  const cases: [Record<string, unknown>, object][] = [
    [{ date: "2023" }, without("start")],
    [{ date: { start: 2023 } }, without("start")],
    [{ actors: [{ actor: 1 }] }, without("actors")],
    [{ locations: null }, without("countries")],
    [{ duplicate_of: 5 }, whole],
    [{ status: ["active"], event_type: 7, mode: {} }, without("status", "type", "mode")],
    [{ mode: 5 }, without("type", "mode")],
  ];
  for (const [change, expected] of cases) assert.equal(summarizeUnchecked({ ...parse(EVENT_YAML), ...change }), expected, JSON.stringify(change));
});

test("an event without locations (schema 1.3.0) is summarized without countries: unknown, not none", () => {
  const { locations: _, ...event } = parse(EVENT_YAML) as Record<string, unknown>;
  const whole = summarizeEvent(parse(EVENT_YAML) as Event);
  const { countries: __, ...rest } = whole;
  assert.equal(summarizeUnchecked(event), rest);
  assert.equal(summarizeEvent(event as unknown as Event), rest);
});

test("each source with a string url is summarized by its page's description: via a sorted set, ill-typed fields named unknown, never read as left out", () => {
  const via = ["reuters", "afp"];
  const sources = [
    { outlet: "dw", via, title: "A title", url: "https://example.org/a", published: "2023-02-28", language: "en" },
    { outlet: "dw", language: "en" },
    { outlet: "dw", url: 5, language: "en" },
    "https://example.org/x",
    { outlet: 7, via: ["afp", 1], title: null, url: "https://example.org/b", published: 2023, language: "en" },
    { url: "https://example.org/c", via: [] },
  ];
  assert.equal(summarizeUnchecked({ ...parse(EVENT_YAML), sources })?.sources, [
    { index: 0, url: "https://example.org/a", outlet: "dw", title: "A title", published: "2023-02-28", language: "en", via: ["afp", "reuters"] },
    { index: 4, url: "https://example.org/b", language: "en", unknown: ["outlet", "title", "published", "via"] },
    { index: 5, url: "https://example.org/c", via: [] },
  ]);
  // The record's own list is not reordered.
  assert.equal(via, ["reuters", "afp"]);
  for (const value of [undefined, null, "x", { url: "https://example.org/a" }])
    assert.is(summarizeUnchecked({ ...parse(EVENT_YAML), sources: value })?.sources, undefined, JSON.stringify(value));
  assert.equal(summarizeUnchecked({ ...parse(EVENT_YAML), sources: [] })?.sources, []);
  // The light form (out of the workers, in the cache): each of those sources' url, and a hash of its description.
  const light = summarizeUnchecked({ ...parse(EVENT_YAML), sources }, undefined, "light")!;
  const full = summarizeUnchecked({ ...parse(EVENT_YAML), sources })!;
  assert.is(light.sources, undefined);
  assert.equal(light.pages, ["https://example.org/a", "https://example.org/b", "https://example.org/c"]);
  assert.equal(light.described, full.sources!.map(sourceDescribed));
  const { pages: _p, described: _d, ...lightRest } = light;
  const { sources: _s, ...fullRest } = full;
  assert.equal(lightRest, fullRest);
  // Alike for a source that describes its page alike (via a set), otherwise for one field changed, left out, or ill typed.
  const describedAs = (source: Record<string, unknown>) => summarizeUnchecked({ ...parse(EVENT_YAML), sources: [source] }, undefined, "light")!.described![0];
  const a = { outlet: "dw", via: ["afp", "reuters"], title: "A title", url: "https://example.org/a", published: "2023-02-28", language: "en" };
  assert.is(describedAs({ ...a, via: ["reuters", "afp", "afp"] }), describedAs(a));
  assert.is(describedAs({ ...a, url: "https://example.org/z" }), describedAs(a));
  const others = [{ ...a, title: "A title." }, { ...a, published: undefined }, { ...a, published: 2023 }, { ...a, via: [] }, { ...a, language: "de" }].map(describedAs);
  assert.is(new Set([describedAs(a), ...others]).size, 6);
  assert.equal(summarizeUnchecked({ ...parse(EVENT_YAML), sources: "x" }, undefined, "light")?.pages, undefined);
});

test.run();
