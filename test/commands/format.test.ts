/** `eventwire format` end to end: --check lists and exits 1, a run rewrites, a second run changes nothing. */
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { EVENT_PATH, EVENT_YAML, REGISTRY, editEvent, writeDataset } from "../helpers/dataset.ts";
import { run } from "../helpers/run.ts";

test("format --check, format, format --check", async () => {
  const messy = editEvent("schema_version: \"1.2.0\"\nid: ev-p6w7bxbz", "id: ev-p6w7bxbz # minted\nschema_version: \"1.2.0\"");
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
    assert.match(formatted, /^schema_version: "1\.2\.0"\nid: ev-p6w7bxbz # minted\n/);

    const again = await run(["format", "--check", EVENT_PATH], { cwd: root });
    assert.is(again.code, 0);
    assert.match(again.stdout, /The record is formatted\./);
    const validate = await run(["validate", EVENT_PATH], { cwd: root });
    assert.is(validate.code, 0, validate.stdout);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("format: usage errors exit 2", async () => {
  for (const argv of [["format", "--frobnicate"], ["format", "no/such/file.yaml"]]) {
    const r = await run(argv);
    assert.is(r.code, 2, argv.join(" "));
  }
});

test.run();
