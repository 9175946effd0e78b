/** `eventwire new` in flags mode: the file lands in its folder, passes once filled, and nothing is overwritten. */
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "yaml";
import { REGISTRY, writeDataset } from "../helpers/dataset.ts";
import { run } from "../helpers/run.ts";

const FULL = [
  "new", "event", "--date", "2023-02-28", "--type", "CONSULT", "--mode", "multilateral",
  "--actor", "antony-blinken", "--actor", "kazakhstan:recipient", "--country", "KAZ",
  "--outlet", "dw", "--via", "afp", "--via", "reuters", "--url", "https://p.dw.com/p/4O4UG",
  "--headline", "Top US diplomat visits Central Asia with eye on Russia", "--published", "2023-02-28", "--language", "en",
  "--title", "Blinken meets Central Asian foreign ministers", "--summary", "Antony Blinken met the foreign ministers of the five Central Asian states.",
  "--coder", "eventwire",
];

function created(stdout: string): string {
  const m = /^Created (\S+)$/m.exec(stdout);
  assert.ok(m, stdout);
  return m![1]!;
}

test("new event with every flag: a record that validates and is formatted", async () => {
  const root = writeDataset({ ...REGISTRY });
  try {
    const r = await run(FULL, { cwd: root });
    assert.is(r.code, 0, r.stderr);
    const file = created(r.stdout);
    assert.match(file, /^data\/events\/2023\/02\/ev-[0-9a-hjkmnp-tv-z]{8}\.yaml$/);
    assert.match(r.stdout, /Next: check it against the source, then run: npm run validate -- data\/events/);
    const record = parse(readFileSync(path.join(root, file), "utf8"));
    assert.equal(record.actors, [{ actor: "antony-blinken", role: "initiator" }, { actor: "kazakhstan", role: "recipient" }]);
    assert.equal(record.locations, [{ name: "Kazakhstan", country: "KAZ", precision: "country" }]);
    assert.is(record.id, path.basename(file, ".yaml"));
    assert.is((await run(["validate", file], { cwd: root })).code, 0);
    assert.is((await run(["format", "--check", file], { cwd: root })).code, 0);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("new event with a few flags: each missing field is marked, and validate points at each", async () => {
  const root = writeDataset({ ...REGISTRY });
  try {
    const r = await run(["new", "event", "--date", "2023-02", "--type", "AID", "--no-input"], { cwd: root });
    assert.is(r.code, 0, r.stderr);
    const file = created(r.stdout);
    assert.match(file, /^data\/events\/2023\/02\//);
    const text = readFileSync(path.join(root, file), "utf8");
    const marked = text.split("\n").flatMap((line, i) => (line.includes("# required:") ? [i + 1] : []));
    assert.match(r.stdout, new RegExp(`fill in the ${marked.length} fields marked "required"`));
    const report = JSON.parse((await run(["validate", "--format", "json", file], { cwd: root })).stdout);
    const lines = new Set(report.findings.map((f: { line: number }) => f.line));
    for (const line of marked) assert.ok(lines.has(line), `line ${line} has a finding`);
    assert.match(text, /^  precision: month$/m);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("new actor and outlet: ids from names; an existing record is never overwritten", async () => {
  const root = writeDataset({ ...REGISTRY });
  try {
    const actor = await run(["new", "actor", "--name", "Mukhtar Tileuberdi", "--kind", "person", "--country", "KAZ", "--alias", "Mukhtar Tleuberdi"], { cwd: root });
    assert.is(actor.code, 0, actor.stderr);
    assert.is(created(actor.stdout), "data/actors/mukhtar-tileuberdi.yaml");
    assert.is((await run(["validate", "data/actors/mukhtar-tileuberdi.yaml"], { cwd: root })).code, 0);
    const before = readFileSync(path.join(root, "data/outlets/dw.yaml"), "utf8");
    const again = await run(["new", "outlet", "--id", "dw", "--name", "Other", "--kind", "online", "--country", "DEU", "--domain", "x.example"], { cwd: root });
    assert.is(again.code, 2);
    assert.match(again.stderr, /exists already; a record is never overwritten/);
    assert.is(readFileSync(path.join(root, "data/outlets/dw.yaml"), "utf8"), before);
    assert.equal(readdirSync(path.join(root, "data/outlets")).filter((f) => f.endsWith(".tmp")), [], "no temporary file left");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("new: mistakes in flags are usage errors (exit 2) with a suggestion", async () => {
  const root = writeDataset({ ...REGISTRY });
  try {
    const cases: [string[], RegExp][] = [
      [["new", "event", "--date", "2023-02-30"], /--date `2023-02-30` is not on the calendar: February 2023 has 28 days/],
      [["new", "event", "--date", "2024-13"], /--date `2024-13` is not on the calendar: there is no month 13/],
      [["new", "event", "--date", "28.02.2023"], /--date expects a date written YYYY, YYYY-MM or YYYY-MM-DD/],
      [["new", "event", "--date", "2023-02-28", "--published", "2023-02-28 14:05"], /--published expects YYYY-MM-DD, or a date-time with its offset/],
      [["new", "event", "--date", "2023-02-28", "--type", "CONSLUT"], /did you mean `CONSULT`/i],
      [["new", "event", "--date", "2023-02-28", "--country", "KZA"], /not an ISO 3166-1 alpha-3 code/],
      [["new", "event", "--type", "AID", "--no-input"], /needs --date/],
      [["new", "event", "--date", "2023-02-28", "--actor", "Antony Blinken", "--no-input"], /--actor `Antony Blinken` is a name, not an id: write its id, `antony-blinken`/],
      [["new", "event", "--date", "2023-02-28", "--actor", "Mukhtar Tileuberdi:recipient", "--no-input"], /--actor `Mukhtar Tileuberdi` is not an id \(lower-case words joined by -\): write `mukhtar-tileuberdi`, and add the actor with `eventwire new actor --id mukhtar-tileuberdi --name 'Mukhtar Tileuberdi'`/],
      [["new", "event", "--date", "2023-02-28", "--actor", "Kazakh_Khan", "--no-input"], /--actor `Kazakh_Khan` is not an id \(lower-case words joined by -\): write `kazakh-khan`, and add the actor/],
      [["new", "thing"], /event\|actor\|outlet/],
      [["new", "actor", "--id", "Not An Id"], /lower-case words joined by -/],
      [["new", "actor", "--name", "Владимир Путин"], /no id can be made from the name/],
    ];
    for (const [argv, message] of cases) {
      const r = await run(argv, { cwd: root });
      assert.is(r.code, 2, argv.join(" "));
      assert.match(r.stderr, message, argv.join(" "));
    }
    assert.equal(readdirSync(path.join(root, "data")).sort(), ["actors", "outlets"], "nothing written");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("new event --no-input without --headline, --published, --url or --via: those optional fields are left out, not marked required", async () => {
  const root = writeDataset({ ...REGISTRY });
  try {
    const r = await run(["new", "event", "--date", "2023-02-28", "--type", "CONSULT", "--outlet", "dw", "--no-input"], { cwd: root });
    assert.is(r.code, 0, r.stderr);
    const file = created(r.stdout);
    const text = readFileSync(path.join(root, file), "utf8");
    const source = parse(text).sources[0];
    assert.equal(Object.keys(source).sort(), ["language", "outlet"]);
    assert.is(source.outlet, "dw");
    assert.match(text, /^ {4}language: # required: /m);
    assert.not.match(text, /^ {4}(title|published|url|via):/m);
    // validate finds nothing about the optional fields: only what the contributor still has to give.
    const report = JSON.parse((await run(["validate", "--format", "json", file], { cwd: root })).stdout);
    for (const f of report.findings as { pointer?: string }[])
      assert.not.match(String(f.pointer ?? ""), /^\/sources\/0\/(title|published|url|via)/, JSON.stringify(f));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test.run();
