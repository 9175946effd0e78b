/** `eventwire format` end to end: --check lists and exits 1, a run rewrites, a second run changes nothing. */
import { readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import { parse as parseYaml } from "yaml";
import * as assert from "uvu/assert";
import { EVENT_PATH, EVENT_YAML, REGISTRY, editEvent, writeDataset } from "../helpers/dataset.ts";
import { run } from "../helpers/run.ts";

test("format --check, format, format --check", async () => {
  const messy = editEvent("schema_version: \"1.3.0\"\nid: ev-p6w7bxbz", "id: ev-p6w7bxbz # minted\nschema_version: \"1.3.0\"");
  const root = writeDataset({ ...REGISTRY, [EVENT_PATH]: messy, "data/events/2023/02/broken.yaml": "title: [\n" });
  try {
    const check = await run(["format", "--check"], { cwd: root });
    assert.is(check.code, 1);
    assert.match(check.stdout, new RegExp(`^${EVENT_PATH}$`, "m"));
    assert.match(check.stderr, /broken\.yaml: not formatted: it does not parse/);
    assert.is(readFileSync(path.join(root, EVENT_PATH), "utf8"), messy, "--check changes nothing");

    const write = await run(["format", EVENT_PATH], { cwd: root });
    assert.is(write.code, 0, write.stderr);
    const formatted = readFileSync(path.join(root, EVENT_PATH), "utf8");
    assert.match(formatted, /^schema_version: "1\.3\.0"\nid: ev-p6w7bxbz # minted\n/);

    const again = await run(["format", "--check", EVENT_PATH], { cwd: root });
    assert.is(again.code, 0);
    assert.match(again.stdout, /The record is formatted\./);
    const validate = await run(["validate", EVENT_PATH], { cwd: root });
    assert.is(validate.code, 0, validate.stdout);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("format never changes a value: 2^53+1, 1e-400 and a lone surrogate refuse the file, which stays as it was", async () => {
  // Messy layout (keys out of order), so that format would otherwise rewrite each file.
  const messy = editEvent('schema_version: "1.3.0"\nid: ev-p6w7bxbz', 'id: ev-p6w7bxbz\nschema_version: "1.3.0"');
  const big = messy.replace("start: 558,", "start: 9007199254740993,");
  const tiny = messy.replace("    precision: country", "    precision: country\n    lat: 1e-400\n    lon: 67.5").replace("id: ev-p6w7bxbz", "id: ev-aaaaaaaa");
  const lone = messy.replace("title: Blinken meets the five Central Asian foreign ministers", 'title: "Blinken \\ud83d meets"').replace("id: ev-p6w7bxbz", "id: ev-bbbbbbbb");
  const files = { [EVENT_PATH]: big, "data/events/2023/02/ev-aaaaaaaa.yaml": tiny, "data/events/2023/02/ev-bbbbbbbb.yaml": lone };
  const root = writeDataset({ ...REGISTRY, ...files });
  try {
    for (const argv of [["format", "--check"], ["format"]]) {
      const r = await run(argv, { cwd: root });
      assert.is(r.code, 1, argv.join(" "));
      assert.ok(r.stderr.includes(`${EVENT_PATH}: not formatted: line 36, column 24: the number \`9007199254740993\` would be read as 9007199254740992`), r.stderr);
      assert.ok(r.stderr.includes("ev-aaaaaaaa.yaml: not formatted: line 20, column 10: the number `1e-400` would be read as 0"), r.stderr);
      assert.ok(r.stderr.includes('ev-bbbbbbbb.yaml: not formatted: line 4, column 8: the text "Blinken \\ud83d meets" holds a lone surrogate (U+D83D)'), r.stderr);
      for (const [file, text] of Object.entries(files)) assert.is(readFileSync(path.join(root, file), "utf8"), text, `${file} is left as it was`);
    }
    const checked = await run(["validate", "--format", "json"], { cwd: root });
    const found = (JSON.parse(checked.stdout).findings as { file: string; rule: string; line: number; column: number }[]).filter((f) => ["number-exact", "text-unicode"].includes(f.rule));
    assert.equal(found.map((f) => `${f.file}|${f.rule}@${f.line}:${f.column}`), [
      `${EVENT_PATH}|number-exact@36:24`,
      "data/events/2023/02/ev-aaaaaaaa.yaml|number-exact@20:10",
      "data/events/2023/02/ev-bbbbbbbb.yaml|text-unicode@4:8",
    ].sort());
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("number-exact on a record of 5,000 inexact numbers under one key: one pass over the nodes, the first 100 reported", async () => {
  const many = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, 424242]));
  const json = JSON.stringify({ ...(parseYaml(EVENT_YAML) as object), extra: many }, null, 2).replace(/": 424242(,?)$/gm, '": 9007199254740993$1') + "\n";
  const file = "data/events/2023/02/ev-p6w7bxbz.json";
  const root = writeDataset({ ...REGISTRY, [file]: json });
  try {
    const r = await run(["validate", "--format", "json"], { cwd: root });
    const found = (JSON.parse(r.stdout).findings as { rule: string; line: number; pointer: string }[]).filter((f) => f.rule === "number-exact");
    assert.is(found.length, 100);
    assert.is(found[0]!.pointer, "/extra/k0");
    assert.is(found[99]!.pointer, "/extra/k99");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("a record that is a symbolic link is named by format --check and format, never followed or passed over", async () => {
  const root = writeDataset({ ...REGISTRY, [EVENT_PATH]: EVENT_YAML });
  const outside = path.join(tmpdir(), `eventwire-outside-${process.pid}.yaml`);
  writeFileSync(outside, "id: ev-abcdefgh\n");
  const link = path.join(root, "data/events/2023/02/ev-abcdefgh.yaml");
  symlinkSync(outside, link);
  try {
    for (const args of [["format", "--check"], ["format"], ["migrate", "--dry-run"]]) {
      const r = await run(args, { cwd: root });
      assert.is(r.code, 1, `${args.join(" ")}: ${r.stdout}${r.stderr}`);
      assert.match(r.stdout + r.stderr, /ev-abcdefgh\.yaml.*symbolic link/);
      assert.is(readlinkSync(link), outside);
      assert.is(readFileSync(outside, "utf8"), "id: ev-abcdefgh\n");
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { force: true });
  }
});

test("format: usage errors exit 2", async () => {
  for (const argv of [["format", "--frobnicate"], ["format", "no/such/file.yaml"]]) {
    const r = await run(argv);
    assert.is(r.code, 2, argv.join(" "));
  }
});

test.run();
