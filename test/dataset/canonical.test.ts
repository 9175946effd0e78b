/** The canonical layout: idempotent, value-preserving on every record in the repository, comment-preserving. */
import fg from "fast-glob";
import { readFileSync } from "node:fs";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "yaml";
import { TOOLKIT_ROOT } from "../../scripts/core/paths.ts";
import { canonicalText, inSchemaOrder, orderValue, type SchemaNode } from "../../scripts/dataset/canonical.ts";
import { loadJsonSchema } from "../../schema/published.ts";
import { formatOf, kindOf } from "../../scripts/dataset/discover.ts";
import { readYamlSubset } from "../../scripts/dataset/yaml-subset.ts";
import { EVENT_YAML } from "../helpers/dataset.ts";

const format = (text: string, as: "yaml" | "json" = "yaml") => {
  const r = canonicalText(text, as, "event", "1.0.0");
  if (!r.ok) throw new Error(r.reason);
  return r.text;
};

test("every record in the repository: formatting twice changes nothing more, and no value", () => {
  const files = fg.sync(["data/**/*.{yaml,yml,json}", "test/fixtures/**/data/**/*.{yaml,yml,json}"], { cwd: TOOLKIT_ROOT });
  let formatted = 0;
  for (const rel of files) {
    const kind = kindOf(rel.replace(/^test\/fixtures\/datasets\/[^/]+\//, ""));
    if (!kind) continue;
    const text = readFileSync(`${TOOLKIT_ROOT}/${rel}`, "utf8");
    const once = canonicalText(text, formatOf(rel)!, kind, "1.0.0");
    if (!once.ok) continue; // the broken fixtures do not parse: format leaves them to validate
    const twice = canonicalText(once.text, formatOf(rel)!, kind, "1.0.0");
    assert.ok(twice.ok && twice.text === once.text, rel);
    formatted++;
    if (rel.startsWith("data/")) {
      assert.is(once.text, text, `${rel} is committed formatted`);
      if (formatOf(rel) === "yaml") assert.ok(readYamlSubset(once.text) !== undefined, `${rel}: the fast reader takes the canonical layout`);
    }
  }
  assert.ok(formatted >= 34);
});

test("keys go into schema order, and their comments go with them", () => {
  const messy = `# The visit, coded from the DW report.
title: Blinken meets the five Central Asian foreign ministers
schema_version: "1.0.0"   # the version it was written for
id: ev-p6w7bxbz
# status comment
status: active
summary: Antony Blinken met the foreign ministers of the five Central Asian states.
date: {precision: day, start: "2023-02-28"}
event_type: CONSULT
mode: multilateral
actors:
- role: initiator
  actor: antony-blinken   # the initiator
- {actor: kazakhstan, role: recipient}
locations:
  - name: Kazakhstan
    country: KAZ
    precision: country
sources:
  - outlet: dw
    via: [afp, reuters]
    title: Top US diplomat visits Central Asia with eye on Russia
    url: https://p.dw.com/p/4O4UG
    published: '2023-02-28'
    language: en
provenance:
  coded_by: [eventwire]
  coded_at: "2026-11-27"
  method: manual
`;
  const out = format(messy);
  assert.equal(parse(out), parse(messy));
  const lines = out.split("\n");
  assert.is(lines[0], "# The visit, coded from the DW report.");
  assert.match(out, /^schema_version: "1\.0\.0" # the version it was written for\nid: ev-p6w7bxbz\n# status comment\nstatus: active\ntitle: /m);
  assert.match(out, /  - actor: antony-blinken # the initiator\n    role: initiator\n/);
  assert.match(out, /date:\n  start: "2023-02-28"\n  precision: day\n/);
  assert.match(out, /    via:\n      - afp\n      - reuters\n/);
  assert.match(out, /published: "2023-02-28"/);
  assert.is(format(out), out);
});

test("a header comment, with or without a document marker or blank lines, comes out one way", () => {
  for (const head of ["# header\n---\n# about\n", "# header\n\n\n# about\n\n", "---\n# header\n# about\n"]) {
    const once = format(head + EVENT_YAML);
    assert.ok(once.startsWith("# header\n# about\n\nschema_version:"), JSON.stringify(once.slice(0, 50)));
    assert.is(format(once), once, JSON.stringify(head));
  }
});

test("strings another YAML reader could take for something else are quoted; others are not", () => {
  const out = format(EVENT_YAML.replace("title: Blinken meets the five Central Asian foreign ministers", "title: 'yes'").replace("language: en", "language: 'no'"));
  assert.match(out, /^title: "yes"$/m);
  assert.match(out, /language: "no"/);
  assert.match(out, /^event_type: CONSULT$/m);
});

test("CRLF line ends, a BOM and a missing final newline come out as LF, no BOM, one final newline", () => {
  const out = format("\ufeff" + EVENT_YAML.replace(/\n/g, "\r\n").trimEnd());
  assert.not.match(out, /\r/);
  assert.not.ok(out.startsWith("\ufeff"));
  assert.ok(out.endsWith("\n") && !out.endsWith("\n\n"));
  assert.equal(parse(out), parse(EVENT_YAML));
});

test("JSON records: schema order, two spaces, a final newline", () => {
  const json = JSON.stringify({ id: "ev-p6w7bxbz", schema_version: "1.0.0", title: "x" });
  assert.is(format(json, "json"), '{\n  "schema_version": "1.0.0",\n  "id": "ev-p6w7bxbz",\n  "title": "x"\n}\n');
});

test("schema 1.3.0: `origin` goes last in provenance, and last in an actor or outlet; its keys as the schema orders them", () => {
  const canonical = (text: string, kind: "event" | "actor" | "outlet") => {
    const r = canonicalText(text, "yaml", kind, "1.3.0");
    if (!r.ok) throw new Error(r.reason);
    return r.text;
  };
  const origin = '  origin:\n    id: BGD1\n    dataset: acled\n    version: "2025"\n';
  assert.is(
    canonical(`provenance:\n${origin}  method: imported\n  coded_at: "2026-12-06"\n  coded_by: [eventwire]\nid: ev-1mp0rt3d\nschema_version: "1.3.0"\n`, "event"),
    'schema_version: "1.3.0"\nid: ev-1mp0rt3d\nprovenance:\n  coded_by:\n    - eventwire\n  coded_at: "2026-12-06"\n  method: imported\n  origin:\n    dataset: acled\n    version: "2025"\n    id: BGD1\n',
  );
  const entry = 'origin:\n  id: x\n  version: "1"\n  dataset: acled\nwikidata: Q1\nschema_version: "1.3.0"\nkind: KIND\nid: ds\nname: DS\n';
  const expected = 'schema_version: "1.3.0"\nid: ds\nname: DS\nkind: KIND\nwikidata: Q1\norigin:\n  dataset: acled\n  version: "1"\n  id: x\n';
  assert.is(canonical(entry.replace("KIND", "newspaper"), "outlet"), expected.replace("KIND", "newspaper"));
  assert.is(canonical(entry.replace("KIND", "group"), "actor"), expected.replace("KIND", "group"));
});

test("inSchemaOrder: the record itself when it is in order, an ordered copy when any level is not", () => {
  const schema = loadJsonSchema("1.0.0", "event") as SchemaNode;
  const record = parse(EVENT_YAML) as Record<string, unknown>;
  const ordered = orderValue(record, schema) as Record<string, unknown>;
  assert.ok(inSchemaOrder(ordered, schema) === ordered, "no copy of an ordered record");
  // Out of order at the top, and only deep inside (a source's keys reversed).
  const top = Object.fromEntries(Object.entries(ordered).reverse());
  const sources = (ordered.sources as Record<string, unknown>[]).map((s) => Object.fromEntries(Object.entries(s).reverse()));
  for (const shuffled of [top, { ...ordered, sources }]) {
    const result = inSchemaOrder(shuffled, schema);
    assert.ok(result !== shuffled);
    assert.is(JSON.stringify(result), JSON.stringify(ordered));
  }
});

test("every layout format writes is one the fast reader takes, to yaml's values: long, spaced, multi-line and edge-spaced strings", () => {
  const long = "a report that runs well past the eighty columns of a line, as summaries and quotes do";
  const strings = [
    long,
    long.replace("runs well", "runs  well"), // two spaces: folding would change it
    ` ${long}`, // white space at either end
    `${long} `,
    `${long}\nand a second line`,
    "short\nbreak",
    " short",
    "tab\tinside",
    `"quoted" it's: # not a comment ${long}`,
    "é".repeat(90),
  ];
  for (const text of strings) {
    const record = parse(EVENT_YAML);
    record.title = text;
    record.summary = text;
    record.tags = [text, "plain"];
    record.sources[0].title = text;
    record.evidence[0].quote.exact = text;
    const out = format(JSON.stringify(record), "yaml");
    const fast = readYamlSubset(out);
    assert.ok(fast !== undefined, `the fast reader declines:\n${out}`);
    assert.equal(fast, parse(out, { version: "1.2", schema: "core" }), out);
    assert.is(fast!.title, text);
    assert.equal((fast!.tags as string[])[0], text);
    assert.is(format(out), out, "formatting twice changes nothing");
  }
  // The long spaced text is one double-quoted line, not a plain or quoted scalar wrapped over lines.
  const spaced = parse(EVENT_YAML);
  spaced.summary = strings[1];
  assert.match(format(JSON.stringify(spaced), "yaml"), /^summary: "a report that runs  well past[^\n]*"$/m);
});

test("what cannot be formatted is said, not guessed", () => {
  assert.equal(canonicalText("a: [\n", "yaml", "event", "1.0.0").ok, false);
  assert.equal(canonicalText("a: &x 1\nb: *x\n", "yaml", "event", "1.0.0").ok, false);
  assert.equal(canonicalText("- 1\n", "yaml", "event", "1.0.0").ok, false);
});

test.run();
