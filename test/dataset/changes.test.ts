/** What a change widens `validate --changed` to: the one list of what records depend on. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DEPENDENCIES, configDependency, filesMentioning, isToolkitRoot, widening } from "../../scripts/dataset/changes.ts";
import { TOOLKIT_ROOT } from "../../scripts/core/paths.ts";
import { formatGithub } from "../../scripts/report/github.ts";
import { formatPretty } from "../../scripts/report/pretty.ts";

test("changed records alone widen nothing", () => {
  assert.is(widening(["data/events/2023/02/ev-p6w7bxbz.yaml", "README.md", "data/notes.txt"], true), undefined);
});

test("a registry entry widens to every event; a kept text or the manifest to every event and every kept text", () => {
  assert.equal(widening(["data/actors/kazakhstan.yaml"], false), { folders: ["data/events/"], because: ["registry entries changed (data/actors/kazakhstan.yaml)"] });
  assert.equal(widening(["data/texts/manifest.json"], false), { folders: ["data/events/", "data/texts/"], because: ["kept texts changed (data/texts/manifest.json)"] });
  assert.equal(widening(["data/outlets/dw.yaml", "data/actors/a.yaml", "data/actors/b.yaml"], false)!.because, ["registry entries changed (data/actors/a.yaml and 2 more)"]);
});

test("a file name with a newline stays on the summary line: escaped where the reports print it", () => {
  const because = widening(["data/actors/a\n::error file=x::forged.yaml"], false)!.because[0]!;
  assert.is(because, "registry entries changed (data/actors/a\n::error file=x::forged.yaml)");
  const summary = { files: 1, records: 1, errors: 0, warnings: 0, infos: 0, evidence: { checked: 0, notChecked: 0 }, scope: because };
  for (const out of [formatPretty([], summary, { color: false, source: () => undefined }), formatGithub([], summary)]) {
    assert.ok(out.includes("Scope: registry entries changed (data/actors/a\\n::error file=x::forged.yaml)."), out);
    assert.not.ok(out.split("\n").some((line) => line.trimStart().startsWith("::error file=x")), out);
  }
});

test("the configuration widens to all of data/, whatever else changed", () => {
  assert.equal(widening(["data/actors/a.yaml", "eventwire.config.yaml"], false), {
    folders: ["data/"],
    because: ["registry entries changed (data/actors/a.yaml)", "the configuration changed (eventwire.config.yaml)"],
  });
  // Only the file at the root: a folder of that name elsewhere is not it.
  assert.is(widening(["data/eventwire.config.yaml/x"], false), undefined);
});

test("schemas, vocabularies and the toolkit's code widen to all of data/ only in the toolkit's own repository", () => {
  for (const p of ["schema/vocabularies/event-types.yaml", "schema/v1.2.0/event.schema.json", "scripts/rules/record/actor-known.ts", "bin/eventwire.js"]) {
    assert.equal(widening([p], true)?.folders, ["data/"], p);
    assert.is(widening([p], false), undefined, p);
  }
  assert.ok(isToolkitRoot(TOOLKIT_ROOT));
  assert.ok(isToolkitRoot(TOOLKIT_ROOT + "scripts/.."));
  assert.not.ok(isToolkitRoot(TOOLKIT_ROOT + "data"));
});

test("package.json and package-lock.json (which pin the toolkit's version in a dataset's repository) widen to all of data/ anywhere", () => {
  for (const p of ["package.json", "package-lock.json"]) assert.equal(widening([p], false), { folders: ["data/"], because: [`the installed packages changed (${p})`] });
  assert.is(widening(["node_modules/x/package.json"], false), undefined);
});

test("every dependency names a folder (trailing /) or a file, relative to the root, and widens inside data/", () => {
  for (const d of DEPENDENCIES) {
    assert.not.ok(d.path.startsWith("/") || d.path.includes(".."), d.path);
    assert.ok(d.widens.length > 0 && d.widens.every((w) => w.startsWith("data/") && w.endsWith("/")), d.path);
  }
});


test("filesMentioning finds untracked events too, and a failing git grep is said, never read as none", async () => {
  const root = mkdtempSync(path.join(tmpdir(), "eventwire-mentions-"));
  try {
    const git = (...args: string[]) => execFileSync("git", args, { cwd: root, stdio: "ignore" });
    git("init", "-q");
    mkdirSync(path.join(root, "data/events/2023/02"), { recursive: true });
    writeFileSync(path.join(root, "data/events/2023/02/ev-tracked1.yaml"), "duplicate_of: ev-gone0001\n");
    git("add", "-A");
    writeFileSync(path.join(root, "data/events/2023/02/ev-untrack1.yaml"), "duplicate_of: ev-gone0001\n");
    writeFileSync(path.join(root, "data/events/2023/02/ev-other001.yaml"), "id: ev-other001\n");
    assert.equal(await filesMentioning(root, ["ev-gone0001"]), ["data/events/2023/02/ev-tracked1.yaml", "data/events/2023/02/ev-untrack1.yaml"]);
    assert.equal(await filesMentioning(root, ["ev-nowhere1"]), []);
    // Many ids go in groups: one command line each.
    const many = Array.from({ length: 1200 }, (_, i) => `ev-x${String(i).padStart(7, "0")}`);
    assert.equal(await filesMentioning(root, [...many, "ev-other001"]), ["data/events/2023/02/ev-other001.yaml"]);
    rmSync(path.join(root, ".git"), { recursive: true, force: true });
    let refused: unknown;
    await filesMentioning(root, ["ev-gone0001"]).catch((error: unknown) => (refused = error));
    assert.match(String((refused as Error | undefined)?.message), /git grep .* failed/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});


test("configDependency: the file --config names widens like eventwire.config.yaml, when it is inside the root", () => {
  assert.equal(widening(["conf/a.yaml"], false, configDependency("conf/a.yaml")), { folders: ["data/"], because: ["the configuration changed (conf/a.yaml)"] });
  assert.is(widening(["conf/b.yaml"], false, configDependency("conf/a.yaml")), undefined);
  for (const outside of [undefined, "", "..", "../x.yaml", "/etc/x.yaml"]) assert.equal(configDependency(outside), [], String(outside));
});

test.run();
