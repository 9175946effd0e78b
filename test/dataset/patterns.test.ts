/**
 * Brace expansion on the command line is counted before fast-glob makes it:
 * `{1..100000}` gave "internal error", a product of 16 pairs 65,536 patterns
 * and 640 MB. Too many is a usage error (exit 2) naming the pattern and the limit.
 */
import { createRequire } from "node:module";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { UsageError } from "../../scripts/core/io.ts";
import { discover, pathSelector } from "../../scripts/dataset/discover.ts";
import { braceExpansions, limitPatterns, MAX_BRACE_NESTING, MAX_PATTERN_EXPANSION, MAX_PATTERN_LENGTH } from "../../scripts/dataset/patterns.ts";
import { EVENT_PATH, EVENT_YAML, REGISTRY, writeDataset } from "../helpers/dataset.ts";
import { run } from "../helpers/run.ts";

// What fast-glob expands with (micromatch's braces, its options).
const micromatch = createRequire(import.meta.url)("micromatch") as { braces(p: string, o: object): string[] };
const expanded = (p: string) => micromatch.braces(p, { expand: true, nodupes: true, keepEscaping: true }).length;

test("braceExpansions: the count is what fast-glob's expansion makes, never less", () => {
  const exact = [
    "data/events",
    "data/*.yaml",
    "data/{a,b}",
    "data/{a,b,c}/{x,y}",
    "data/{a,{b,c}}",
    "data/{a{b,c}}",
    "data/{1..10}",
    "data/{01..12}",
    "data/{1..10..3}",
    "data/{-2..2}",
    "data/{a..z}",
    "data/{z..a}",
    "data/{a..c..2}",
    "data/{a..5}",
    "data/{1..3}{a,b}",
    "data/events/{2020..2025}/{01..12}/*.yaml",
    "data/\\{a,b}",
    "data/{a,b\\,c}",
    "data/{a}",
    "data/{a,b}{",
    "data/{a,b}}",
    "data/a{b..}c",
    "data/{a,b..c}",
    "data/{1..3..0}",
    "data/{1..0}",
  ];
  for (const p of exact) assert.is(braceExpansions(p), expanded(p), p);
  // Repeated or quoted alternatives count, where the library drops or keeps them whole: more, never fewer.
  for (const p of ["data/x{,}y", "data/{a,a}", 'data/"{a,b}"']) assert.ok(braceExpansions(p) >= expanded(p), p);
});

test("braceExpansions: a range is read as the `braces` package reads it (Number's numbers, quotes, parentheses), or larger", () => {
  // Ends the package reads as numbers, which a pattern of digits did not: its RangeError ("internal error") before.
  assert.is(braceExpansions("data/{1..2e3}"), 2000);
  assert.is(braceExpansions("data/{1..1e9}"), 1e9);
  assert.is(braceExpansions("data/{-9e15..9e15}", 1001), 1001);
  assert.is(braceExpansions("data/{1..0x10}"), 16);
  assert.is(braceExpansions("data/{1..1e400}"), Number.MAX_SAFE_INTEGER);
  // A product of ranges the package does not refuse one by one (each under its 1,000), and a step it never checks.
  assert.is(braceExpansions("data/{1..9e2}{1..9e2}"), 810000);
  assert.is(braceExpansions("data/{1..1e9..2}"), 5e8);
  assert.is(braceExpansions("data/{a,{1..1e9}}", 1001), 1001);
  assert.is(braceExpansions("data/{1..10}{1..1e9}", 1001), 1001);
  // What the package leaves out of a range's ends: quotes, parentheses, nested groups, U+00A0.
  assert.is(braceExpansions('data/{"1".."1e9"}'), 1e9);
  assert.is(braceExpansions("data/{1..1e9(,)}"), 1e9);
  assert.is(braceExpansions("data/{1..1e9{}}"), 1e9);
  assert.is(braceExpansions("data/{1..1\u00a0e9}"), 1e9);
  assert.is(braceExpansions("data/{ ..5}"), 6);
  // Random patterns of braces, ranges and the characters the package treats apart: never fewer than it makes.
  let seed = 16;
  const pick = <T>(xs: readonly T[]) => xs[(seed = (seed * 1103515245 + 12345) & 0x7fffffff) % xs.length]!;
  const parts = ["{", "{", "}", "}", ",", "..", "..", ".", "1", "2e3", "9", "-", "a", "z", '"', "\\", "(", ")", "[", "]", " ", "1e2", "0", "$", "\u00a0"];
  for (let k = 0; k < 20000; k++) {
    const p = Array.from({ length: 3 + (k % 10) }, () => pick(parts)).join("");
    const counted = braceExpansions(p, 100001);
    if (counted > MAX_PATTERN_EXPANSION) continue;
    let made: number;
    try {
      // Under the limit, the package's own limit is never reached.
      made = expanded(p);
    } catch (error) {
      // Its TypeError on some parentheses (`{(a)`) is not a range: discover turns it into a usage error (below).
      assert.instance(error, TypeError, p);
      continue;
    }
    assert.ok(made <= counted, `${p}: ${made} made, ${counted} counted`);
  }
});

test("braceExpansions: huge counts are never made, only counted up to the cap", () => {
  assert.is(braceExpansions("data/{1..100000}"), 100000);
  assert.is(braceExpansions("data/" + "{a,b}".repeat(16)), 65536);
  assert.is(braceExpansions("data/" + "{a,b}".repeat(1000), 1001), 1001);
  assert.is(braceExpansions("data/{1..99999999999999999999999999999}", 1001), 1001);
  assert.is(braceExpansions("data/{" + ",".repeat(9000) + "}", 1001), 1001);
});

/** The usage error a call throws (fails when it throws none). */
function usageError(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    assert.instance(error, UsageError);
    return (error as Error).message;
  }
  assert.unreachable("no usage error");
  return "";
}

test("limitPatterns: too many paths, too long, too deep: a usage error naming the pattern and the limit", () => {
  limitPatterns(["data/events/{2020..2025}/{01..12}/*.yaml", "data/{a,b}"]);
  limitPatterns([`data/{1..${MAX_PATTERN_EXPANSION}}`]);
  assert.match(usageError(() => limitPatterns(["data/{1..100000}"])), /^`data\/\{1\.\.100000\}` expands to more than 1000 paths/);
  assert.match(usageError(() => limitPatterns([`data/{1..${MAX_PATTERN_EXPANSION + 1}}`])), /more than 1000 paths/);
  assert.match(usageError(() => limitPatterns(["data/" + "{a,b}".repeat(16)])), /^`data\/\{a,b\}.*\.\.\.` expands to more than 1000 paths/);
  // Together: two patterns of 600 each.
  assert.match(usageError(() => limitPatterns(["data/{1..600}", "data/x{1..600}"])), /^the braces of the paths and globs given expand to more than 1000 paths/);
  // Plain paths are not counted, however many: a list from git can be long.
  limitPatterns(Array.from({ length: 5000 }, (_, i) => `data/events/2023/02/ev-${i}.yaml`));
  limitPatterns([...Array.from({ length: 5000 }, (_, i) => `data/x${i}/*.yaml`), "data/{1..1000}"]);
  assert.match(usageError(() => limitPatterns(["data/" + "a".repeat(MAX_PATTERN_LENGTH)])), /is 4101 characters long; a path or glob may have 4096 at most/);
  limitPatterns(["{" + "a".repeat(MAX_PATTERN_LENGTH - 4) + ",b}"]);
  const deep = "data/" + "{".repeat(MAX_BRACE_NESTING + 1) + "a,b" + "}".repeat(MAX_BRACE_NESTING + 1);
  assert.match(usageError(() => limitPatterns([deep])), /nests braces more than 32 deep/);
  const deepest = "data/" + "{".repeat(2000) + "a,b" + "}".repeat(2000);
  assert.match(usageError(() => limitPatterns([deepest])), /nests braces more than 32 deep/);
});

test("discover and pathSelector refuse a pattern that expands too far, before expanding it", async () => {
  const root = writeDataset({ ...REGISTRY, [EVENT_PATH]: EVENT_YAML });
  try {
    let thrown: unknown;
    await discover(root, ["data/{1..100000}"]).catch((error: unknown) => (thrown = error));
    assert.instance(thrown, UsageError);
    assert.match(usageError(() => pathSelector(root, ["data/{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}{a,b}"])), /more than 1000 paths/);
    // Within the limit, braces still select.
    assert.equal((await discover(root, ["data/events/{2022..2024}/{01..12}/*.yaml"])).map((f) => f.path), [EVENT_PATH]);
    // pathSelector (validate --changed) expands ranges as fast-glob does: picomatch alone read `{2022..2024}` as `[2022-2024]`.
    const select = pathSelector(root, ["data/events/{2022..2024}/{01..12}/*.yaml"]);
    assert.ok(select(EVENT_PATH));
    assert.not.ok(select("data/events/2025/02/ev-aaaaaaaa.yaml"));
    assert.not.ok(select("data/events/4/02/ev-aaaaaaaa.yaml"));
    assert.not.ok(select("data/events/2023/13/ev-aaaaaaaa.yaml"));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("validate, format, migrate, agreement: a brace bomb is exit 2 with the pattern and the limit, never an internal error", async () => {
  const root = writeDataset({ ...REGISTRY, [EVENT_PATH]: EVENT_YAML });
  try {
    for (const args of [["validate", "data/{1..100000}"], ["format", "--check", "data/{1..100000}"], ["migrate", "--dry-run", "data/{1..100000}"], ["validate", "data/" + "{a,b}".repeat(16)], ["agreement", "data/{1..100000}", "data/events"]]) {
      const r = await run(args, { cwd: root });
      assert.is(r.code, 2, args.join(" "));
      assert.match(r.stderr, /^eventwire \w+: `data\/\{.*` expands to more than 1000 paths/, `${args.join(" ")}: ${r.stderr}`);
      assert.not.match(r.stderr, /internal error/);
    }
    // The longest pattern, from a folder 3000 characters deep in the dataset: still under what the `braces` package takes.
    const deep = path.join(root, ...Array.from({ length: 12 }, (_, i) => `${i}`.padEnd(250, "d")));
    mkdirSync(deep, { recursive: true });
    const longest = "{" + "a".repeat(MAX_PATTERN_LENGTH - 4) + ",b}";
    const r = await run(["validate", "--root", root, longest], { cwd: deep });
    assert.is(r.code, 2);
    assert.match(r.stderr, /^eventwire validate: no file can match `\{a+\.\.\.`: a name in it is longer than the system allows/, r.stderr.slice(0, 300));
    // A plain path with a name over 255 characters: the same.
    const named = await run(["validate", `data/${"a".repeat(300)}.yaml`], { cwd: root });
    assert.is(named.code, 2);
    assert.match(named.stderr, /^eventwire validate: no file can match `data\/a+\.\.\.`: a name in it is longer than the system allows/);
    // Ranges the package reads as numbers, and what it throws of its own on a pattern: usage errors naming it.
    for (const p of ["data/{1..2e3}", "data/{1..1e9}", "data/{-9e15..9e15}", "data/{a,{1..1e9}}", "data/{1..10}{1..1e9}", "data/{1..9e2}{1..9e2}"])
      for (const args of [["validate", p], ["format", p], ["format", "--check", p], ["migrate", p], ["migrate", "--dry-run", p], ["agreement", p, "data/events"]]) {
        const ranged = await run(args, { cwd: root });
        assert.is(ranged.code, 2, `${args.join(" ")}: ${ranged.stderr}`);
        assert.match(ranged.stderr, /^eventwire \w+: `data\/\{.*` expands to more than 1000 paths/, `${args.join(" ")}: ${ranged.stderr}`);
      }
    for (const args of [["validate", "data/{(a)1e2 9{}.."], ["format", "data/{(a)1e2 9{}.."], ["migrate", "--dry-run", "data/{(a)1e2 9{}.."]]) {
      const unread = await run(args, { cwd: root });
      assert.is(unread.code, 2, `${args.join(" ")}: ${unread.stderr}`);
      assert.match(unread.stderr, /^eventwire \w+: `data\/\{\(a\)1e2 9\{\}\.\.` cannot be read as a glob \(/, unread.stderr);
      assert.not.match(unread.stderr, /internal error/);
    }
    const coding = await run(["agreement", "a".repeat(300), "data/events"], { cwd: root });
    assert.is(coding.code, 2);
    assert.match(coding.stderr, /^eventwire agreement: no file can match `a+\.\.\.`: a name in it is longer than the system allows/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test.run();
