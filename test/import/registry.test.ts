/** The registries an import resolves against: what is found, what is created, and that nothing is invented. */
import { rmSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { slug } from "../../scripts/dataset/mint-id.ts";
import { nameKey, Registries } from "../../scripts/import/registry.ts";
import { importedEventId } from "../../scripts/import/ids.ts";
import { REGISTRY, writeDataset } from "../helpers/dataset.ts";

function registries(extra: Record<string, string> = {}) {
  const root = writeDataset({
    ...REGISTRY,
    "data/actors/tokayev.yaml": 'schema_version: "1.2.0"\nid: tokayev\nname: Kassym-Jomart Tokayev\nkind: person\ncountry: KAZ\naliases: [Tokaev]\n',
    "data/outlets/bbc.yaml": 'schema_version: "1.2.0"\nid: bbc\nname: BBC News\nkind: broadcaster\ncountry: GBR\ndomains: [bbc.co.uk, bbc.com]\n',
    ...extra,
  });
  return { root, r: new Registries([path.join(root, "data")], "test-set", "1") };
}

test("actors: the state of a country, a name or alias (accents and case aside), a registry id from the table; else created with origin and nothing invented", () => {
  const { root, r } = registries();
  try {
    assert.is(r.actor({ name: "Kazakh government", code: "KAZ", country: "KAZ", kind: "state" }), "kazakhstan");
    assert.is(r.actor({ name: "tokaev", kind: "person" }), "tokayev");
    assert.is(r.actor({ name: "Kassym-Jomart TOKAYEV", kind: "person", country: "KAZ" }), "tokayev");
    assert.is(r.actor({ name: "Someone", kind: "person", registry: "antony-blinken" }), "antony-blinken");
    // Same name, another country: not the same actor.
    const other = r.actor({ name: "Kassym-Jomart Tokayev", kind: "person", country: "RUS" });
    assert.is(other, "kassym-jomart-tokayev");
    assert.equal(r.actorCounts.created[0]!.record, {
      schema_version: "1.3.0",
      id: "kassym-jomart-tokayev",
      name: "Kassym-Jomart Tokayev",
      kind: "person",
      country: "RUS",
      origin: { dataset: "test-set", version: "1", id: "Kassym-Jomart Tokayev" },
    });
    // Named again by the same code: found, not created twice; counted neither as found nor as created again.
    assert.is(r.actor({ name: "Kassym-Jomart Tokayev", kind: "person", country: "RUS" }), "kassym-jomart-tokayev");
    assert.is(r.actorCounts.created.length, 1);
    assert.equal([...r.actorCounts.matched.keys()].sort(), ["antony-blinken", "kazakhstan", "tokayev"]);
    // A name whose slug is taken (by an actor of another country) gets a number.
    assert.is(r.actor({ name: "Kazakhstan", code: "X1", country: "RUS", kind: "group" }), "kazakhstan-2");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("outlets: by the host of the report's address (sub-domains too), by name; else created from the registrable domain, or from the name alone without a domain", () => {
  const { root, r } = registries();
  try {
    assert.is(r.outlet({ url: "https://www.bbc.co.uk/news/world-123" }), "bbc");
    assert.is(r.outlet({ url: "https://news.bbc.com/x" }), "bbc");
    assert.is(r.outlet({ name: "Deutsche Welle" }), "dw");
    assert.is(r.outlet({ name: "Reuters", url: "https://www.reuters.com/world/" }), "reuters");
    assert.is(r.outlet({ url: "https://edition.example-news.co.uk/story?id=1" }), "example-news-co-uk");
    assert.equal(r.outletCounts.created.at(-1)!.record, {
      schema_version: "1.3.0",
      id: "example-news-co-uk",
      name: "example-news.co.uk",
      kind: "other",
      domains: ["example-news.co.uk"],
      origin: { dataset: "test-set", version: "1", id: "example-news.co.uk" },
    });
    // The same site again, another page: the outlet just created.
    assert.is(r.outlet({ url: "http://example-news.co.uk/other" }), "example-news-co-uk");
    assert.is(r.outlet({ name: "Daily Star (Bangladesh)" }), "daily-star-bangladesh");
    assert.equal(r.outletCounts.created.at(-1)!.record, {
      schema_version: "1.3.0",
      id: "daily-star-bangladesh",
      name: "Daily Star (Bangladesh)",
      kind: "other",
      origin: { dataset: "test-set", version: "1", id: "Daily Star (Bangladesh)" },
    });
    assert.is(r.outletCounts.created.length, 2);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("an entry an earlier import created is found again by its origin, whatever name a row gives", () => {
  const { root, r } = registries({
    "data/actors/hungary-gov.yaml": 'schema_version: "1.3.0"\nid: hungary-gov\nname: Hungarian government\nkind: organization\norigin:\n  dataset: test-set\n  version: "1"\n  id: HUN GOV\n',
  });
  try {
    assert.is(r.actor({ name: "Budapest", code: "HUN GOV", kind: "organization" }), "hungary-gov");
    assert.is(r.actorCounts.created.length, 0);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("a row that makes no record takes back what it created and matched; a row that does keeps it", () => {
  const { root, r } = registries();
  try {
    assert.is(r.actor({ name: "Vienna Group", code: "VG", kind: "organization" }), "vienna-group");
    assert.is(r.outlet({ url: "https://news.example.org/a" }), "example-org");
    assert.is(r.actor({ name: "Kazakh government", code: "KAZ", country: "KAZ", kind: "state" }), "kazakhstan");
    r.rollbackRow();
    assert.equal(r.actorCounts.created, []);
    assert.equal(r.outletCounts.created, []);
    assert.equal([...r.actorCounts.matched.keys()], []);
    // Named again by a later row: created afresh, under the same id, and kept once committed.
    assert.is(r.actor({ name: "Vienna Group", code: "VG", kind: "organization" }), "vienna-group");
    assert.is(r.outlet({ url: "https://news.example.org/b" }), "example-org");
    r.commitRow();
    r.rollbackRow();
    assert.equal(r.actorCounts.created.map((c) => c.id), ["vienna-group"]);
    assert.equal(r.outletCounts.created.map((c) => c.id), ["example-org"]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("names and slugs; derived event ids are stable, well-formed and differ by dataset", () => {
  assert.is(nameKey("  Kassym-Jomart  TOKAYEV "), "kassym jomart tokayev");
  assert.is(nameKey("Türkiye"), "turkiye");
  assert.is(slug("U.N. Security Council"), "u-n-security-council");
  assert.is(slug("北京"), "");
  assert.is(slug("a".repeat(70)).length, 64);
  const id = importedEventId("plover-gsr", "PLOVER-GSR01-AGREE-0001");
  assert.match(id, /^ev-[0123456789abcdefghjkmnpqrstvwxyz]{8}$/);
  assert.is(importedEventId("plover-gsr", "PLOVER-GSR01-AGREE-0001"), id);
  assert.is.not(importedEventId("gdelt", "PLOVER-GSR01-AGREE-0001"), id);
});

test.run();
