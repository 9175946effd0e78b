/**
 * `eventwire sample`: a seeded, repeatable draw of active events for a blind check; tombstones, second codings and
 * excluded ids left out; an event added later never reorders the others.
 */
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { draw, excludedIds } from "../../scripts/commands/sample.ts";
import { EVENT_YAML, REGISTRY, editEvent, writeDataset } from "../helpers/dataset.ts";
import { run } from "../helpers/run.ts";

const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
/** The n-th test id: ev-smpt00 and two characters of the id alphabet (valid ids, sorted as n). */
const idOf = (n: number) => `ev-smpt00${ALPHABET[Math.floor(n / 32)]}${ALPHABET[n % 32]}`;
const eventFile = (id: string) => `data/events/2023/02/${id}.yaml`;
const eventYaml = (id: string) => editEvent("id: ev-p6w7bxbz", `id: ${id}`);

function dataset(n: number, extra: Record<string, string> = {}): string {
  const files: Record<string, string> = { ...REGISTRY };
  for (let i = 0; i < n; i++) files[eventFile(idOf(i))] = eventYaml(idOf(i));
  return writeDataset({ ...files, ...extra });
}

async function withRoot(root: string, body: (root: string) => Promise<void>): Promise<void> {
  try {
    await body(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const lines = (text: string) => text.split("\n").filter(Boolean);

test("test ids are valid event ids", () => {
  for (let i = 0; i < 40; i++) assert.match(idOf(i), /^ev-[0123456789abcdefghjkmnpqrstvwxyz]{8}$/);
});

test("the same seed draws the same sample, another seed another; --count sets its size, in ranking order", async () => {
  await withRoot(dataset(30), async (root) => {
    const a = await run(["sample", "--seed", "20261221", "--count", "10"], { cwd: root });
    const b = await run(["sample", "--seed", "20261221", "--count", "10"], { cwd: root });
    const c = await run(["sample", "--seed", "other", "--count", "10"], { cwd: root });
    assert.is(a.code, 0, a.stderr);
    assert.is(a.stderr, "");
    assert.is(lines(a.stdout).length, 10);
    assert.is(a.stdout, b.stdout);
    assert.is.not(a.stdout, c.stdout);
    for (const l of lines(a.stdout)) assert.match(l, /^data\/events\/2023\/02\/ev-\w+\.yaml$/);
    // The first 5 of a sample of 10 are the sample of 5.
    const five = await run(["sample", "--seed", "20261221", "--count", "5"], { cwd: root });
    assert.equal(lines(five.stdout), lines(a.stdout).slice(0, 5));
  });
});

test("without --seed a seed is drawn and named on stderr; giving it draws the same sample again", async () => {
  await withRoot(dataset(12), async (root) => {
    const first = await run(["sample", "--count", "4", "--format", "ids"], { cwd: root });
    assert.is(first.code, 0);
    const seed = /^seed (\d+) \(give --seed \1 to draw this sample again\)$/m.exec(first.stderr)?.[1];
    assert.ok(seed, first.stderr);
    const again = await run(["sample", "--count", "4", "--format", "ids", "--seed", seed!], { cwd: root });
    assert.is(again.stdout, first.stdout);
  });
});

test("tombstones and second codings are never drawn", async () => {
  const retracted = idOf(40);
  const coding = idOf(41);
  const root = dataset(3, {
    [eventFile(retracted)]: editEvent("status: active", 'status: retracted\nretraction_reason: "withdrawn in a test"', eventYaml(retracted)),
    [`data/codings/coder-b/2023/02/${coding}.yaml`]: editEvent("coded_by: [eventwire]", "coded_by: [coder-b]", eventYaml(coding)),
  });
  await withRoot(root, async (root) => {
    const r = await run(["sample", "--seed", "1", "--count", "10", "--format", "json"], { cwd: root });
    assert.is(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { seed: string; population: number; excluded: number; events: { id: string; path: string }[] };
    assert.is(out.seed, "1");
    assert.is(out.population, 3);
    assert.is(out.excluded, 0);
    assert.equal(out.events.map((e) => e.id).sort(), [idOf(0), idOf(1), idOf(2)]);
    assert.match(r.stderr, "asked for 10 events, the population holds 3: all of them are printed");
  });
});

test("--exclude leaves out the ids a file names (ids or paths, comments and blank lines ignored), from several files", async () => {
  await withRoot(dataset(6), async (root) => {
    writeFileSync(path.join(root, "checked-1.txt"), `# check 1\n${idOf(0)}\n\n${eventFile(idOf(1))}   # by path\n`);
    writeFileSync(path.join(root, "checked-2.txt"), `${idOf(2)} ${idOf(3)}\r\n`);
    const r = await run(["sample", "--seed", "s", "--count", "6", "--format", "json", "--exclude", "checked-1.txt", "--exclude", "checked-2.txt"], { cwd: root });
    assert.is(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { population: number; excluded: number; events: { id: string }[] };
    assert.is(out.excluded, 4);
    assert.is(out.population, 2);
    assert.equal(out.events.map((e) => e.id).sort(), [idOf(4), idOf(5)]);
  });
});

test("an event added later enters the ranking without reordering the others", () => {
  const events = Array.from({ length: 50 }, (_, i) => ({ id: idOf(i), path: eventFile(idOf(i)) }));
  const before = draw(events, "seed", 50).map((e) => e.id);
  const after = draw([...events, { id: "ev-zzzzzzzz", path: eventFile("ev-zzzzzzzz") }], "seed", 51).map((e) => e.id);
  assert.equal(
    after.filter((id) => id !== "ev-zzzzzzzz"),
    before,
  );
});

test("excludedIds: ids and record paths, one or more a line, # comments", () => {
  assert.equal([...excludedIds("ev-aaaaaaaa\n# a comment\n data/events/2023/02/ev-bbbbbbbb.yaml ev-cccccccc # note\nC:\\x\\ev-dddddddd.json\n")], [
    "ev-aaaaaaaa",
    "ev-bbbbbbbb",
    "ev-cccccccc",
    "ev-dddddddd",
  ]);
});

test("a record that is no valid event is named on stderr and left out: exit 1", async () => {
  const broken = idOf(9);
  await withRoot(dataset(2, { [eventFile(broken)]: editEvent("event_type: CONSULT", "event_type: NOPE", eventYaml(broken)) }), async (root) => {
    const r = await run(["sample", "--seed", "x", "--format", "ids"], { cwd: root });
    assert.is(r.code, 1);
    assert.match(r.stderr, `data/events/2023/02/${broken}.yaml: not a valid event record (run \`eventwire validate\` on it)`);
    assert.equal(lines(r.stdout).sort(), [idOf(0), idOf(1)]);
  });
});

test("usage errors exit 2: --count not a whole number of 1 or more, an unknown format, an unreadable exclude file, a file argument", async () => {
  await withRoot(dataset(2), async (root) => {
    for (const [args, message] of [
      [["--count", "0"], "--count expects a whole number of 1 or more, got `0`"],
      [["--count", "2.5"], "--count expects a whole number of 1 or more, got `2.5`"],
      [["--format", "csv"], "--format expects paths, ids or json, got `csv`"],
      [["--exclude", "missing.txt"], "cannot read the exclude file `missing.txt`"],
      [["data/events"], "sample takes no files"],
      [["--seed", ""], "--seed expects some text"],
    ] as [string[], string][]) {
      const r = await run(["sample", ...args], { cwd: root });
      assert.is(r.code, 2, args.join(" "));
      assert.match(r.stderr, message);
      assert.is(r.stdout, "");
    }
  });
});

test("--help prints the usage and exits 0", async () => {
  const r = await run(["sample", "--help"]);
  assert.is(r.code, 0);
  assert.match(r.stdout, "Usage: eventwire sample");
});

test.run();
