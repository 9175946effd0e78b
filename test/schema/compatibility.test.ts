/** `schema diff`: each kind of change classified; the lock of released versions; `schema check` on the repository. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { bumpSuffices, declaredBump, diffSchemas, requiredBump, type ChangeClass } from "../../schema/compatibility.ts";
import { LOCK_FILE, lockProblems } from "../../schema/lock.ts";
import { SCHEMA_VERSIONS, jsonSchemaPath } from "../../schema/versions.ts";
import { TOOLKIT_ROOT } from "../../scripts/core/paths.ts";
import { run } from "../helpers/run.ts";

type Node = Record<string, unknown>;

/** A small record schema in the shape zod publishes. */
const base = (): Node => ({
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "urn:eventwire:schema:1.0.0:event",
  type: "object",
  properties: {
    schema_version: { type: "string", const: "1.0.0" },
    id: { type: "string", pattern: "^ev-[a-z0-9]{8}$" },
    status: { type: "string", enum: ["active", "retracted"] },
    title: { type: "string", minLength: 5, maxLength: 120, description: "A headline." },
    count: { type: "integer", minimum: 0 },
    tags: { type: "array", items: { type: "string" }, uniqueItems: true },
    place: { type: "object", properties: { lat: { type: "number" }, lon: { type: "number" } }, additionalProperties: false, dependentRequired: { lat: ["lon"] } },
  },
  required: ["schema_version", "id", "status", "title"],
  additionalProperties: false,
  allOf: [{ if: { properties: { status: { const: "retracted" } } }, then: { description: "a retracted event says why", required: ["title"] } }],
});

const edit = (f: (s: Node) => void): Node => {
  const s = base();
  f(s);
  return s;
};
const props = (s: Node) => s.properties as Record<string, Node>;

const CASES: [string, Node, ChangeClass][] = [
  ["an optional property added", edit((s) => (props(s).note = { type: "string" })), "additive"],
  ["a required property added", edit((s) => ((props(s).note = { type: "string" }), (s.required as string[]).push("note"))), "breaking"],
  ["a property removed", edit((s) => delete props(s).count), "breaking"],
  ["a property renamed", edit((s) => ((props(s).heading = props(s).title!), delete props(s).title, (s.required as string[])[3] = "heading")), "breaking"],
  ["a property retyped", edit((s) => (props(s).count = { type: "string" })), "breaking"],
  ["integer widened to number", edit((s) => (props(s).count!.type = "number")), "additive"],
  ["an optional property made required", edit((s) => (s.required as string[]).push("count")), "breaking"],
  ["a required property made optional", edit((s) => (s.required = ["schema_version", "id", "status"])), "additive"],
  ["an enum value added", edit((s) => (props(s).status!.enum = ["active", "retracted", "duplicate"])), "additive"],
  ["an enum value removed", edit((s) => (props(s).status!.enum = ["active"])), "breaking"],
  ["a pattern changed", edit((s) => (props(s).id!.pattern = "^ev-[a-z0-9]{10}$")), "breaking"],
  ["a pattern added", edit((s) => (props(s).title!.pattern = "^[A-Z]")), "breaking"],
  ["a pattern removed", edit((s) => delete props(s).id!.pattern), "additive"],
  ["maxLength lowered", edit((s) => (props(s).title!.maxLength = 100)), "breaking"],
  ["maxLength raised", edit((s) => (props(s).title!.maxLength = 200)), "additive"],
  ["minLength raised", edit((s) => (props(s).title!.minLength = 10)), "breaking"],
  ["minimum removed", edit((s) => delete props(s).count!.minimum), "additive"],
  ["maximum added", edit((s) => (props(s).count!.maximum = 10)), "breaking"],
  ["uniqueItems dropped", edit((s) => delete props(s).tags!.uniqueItems), "additive"],
  ["an item type changed", edit((s) => (props(s).tags!.items = { type: "integer" })), "breaking"],
  ["additionalProperties: false removed (other properties allowed)", edit((s) => delete s.additionalProperties), "additive"],
  ["nested object: another property allowed", edit((s) => delete props(s).place!.additionalProperties), "additive"],
  ["additionalProperties: false added", edit((s) => (props(s).tags!.additionalProperties = false)), "breaking"],
  ["a dependency added", edit((s) => (props(s).place!.dependentRequired = { lat: ["lon"], lon: ["lat"] })), "breaking"],
  ["a rule between fields removed", edit((s) => (s.allOf = [])), "additive"],
  ["a rule between fields added", edit((s) => (s.allOf as Node[]).push({ if: { properties: { status: { const: "active" } } }, then: { description: "x", required: ["count"] } })), "breaking"],
  [
    "a property added with a rule that forbids it for some records (the old schema allowed no such property)",
    edit((s) => ((props(s).origin = { type: "string" }), (s.allOf as Node[]).push({ if: { properties: { status: { const: "active" } } }, then: { description: "no origin", properties: { origin: false } } }))),
    "additive",
  ],
  ["a rule added that forbids a property old records may have", edit((s) => (s.allOf as Node[]).push({ if: { properties: { status: { const: "active" } } }, then: { description: "no count", properties: { count: false } } })), "breaking"],
  ["a description changed", edit((s) => (props(s).title!.description = "A short headline.")), "documentation"],
  ["an unknown keyword changed", edit((s) => (props(s).title!.contentMediaType = "text/plain")), "breaking"],
];

for (const [name, changed, expected] of CASES)
  test(`schema diff: ${name} is ${expected}`, () => {
    const changes = diffSchemas(base(), changed);
    assert.ok(changes.length > 0, "a change is found");
    assert.is(changes[0]!.class, expected, JSON.stringify(changes));
    assert.is(requiredBump(changes), expected === "breaking" ? "major" : expected === "additive" ? "minor" : "patch");
  });

test("schema diff: no change, and the version marker's const, need no more than a patch", () => {
  assert.equal(diffSchemas(base(), base()), []);
  assert.is(requiredBump([]), "none");
  const next = edit((s) => ((props(s).schema_version!.const = "1.1.0"), (s.$id = "urn:eventwire:schema:1.1.0:event")));
  assert.is(requiredBump(diffSchemas(base(), next)), "patch");
});

test("schema diff: a rule that forbids a property new to an object that was open to any property is breaking (an old record may have it)", () => {
  const open = edit((s) => delete s.additionalProperties);
  const next = edit((s) => (delete s.additionalProperties, (props(s).origin = { type: "string" }), (s.allOf as Node[]).push({ if: { properties: { status: { const: "active" } } }, then: { description: "no origin", properties: { origin: false } } })));
  assert.is(requiredBump(diffSchemas(open, next)), "major");
});

test("declared bumps, and whether they suffice", () => {
  assert.is(declaredBump("1.0.0", "2.0.0"), "major");
  assert.is(declaredBump("1.0.0", "1.1.0"), "minor");
  assert.is(declaredBump("1.1.0", "1.1.1"), "patch");
  assert.is(declaredBump("1.1.0", "1.0.0"), "none");
  assert.ok(bumpSuffices("major", "minor"));
  assert.ok(bumpSuffices("minor", "minor"));
  assert.not.ok(bumpSuffices("minor", "major"));
  assert.not.ok(bumpSuffices("none", "patch"));
});

test("schema diff on the CLI: 1.0.0 -> 1.1.0 is additive and declared minor (exit 0); two files whose bump is too small exit 1", async () => {
  const ok = await run(["schema", "diff", "1.0.0", "1.1.0"]);
  assert.is(ok.code, 0, ok.stdout);
  assert.match(ok.stdout, /additive\s+\/properties\/evidence\s+optional property `evidence` added/);
  assert.match(ok.stdout, /Needed bump: minor\.\nDeclared bump: minor\. OK\./);
  // 1.3.0: optional locations, outlet country and domains, an origin that only imported records have.
  const imports = await run(["schema", "diff", "1.2.0", "1.3.0"]);
  assert.is(imports.code, 0, imports.stdout);
  assert.not.match(imports.stdout, /breaking/);
  assert.match(imports.stdout, /additive\s+\/properties\/provenance\/allOf\s+rule added that only limits where new properties may appear/);
  assert.match(imports.stdout, /additive\s+\/\s+property `locations` is no longer required/);
  assert.match(imports.stdout, /additive\s+\/\s+property `domains` is no longer required/);
  assert.match(imports.stdout, /Needed bump: minor\.\nDeclared bump: minor\. OK\./);
  const dir = mkdtempSync(path.join(tmpdir(), "eventwire-diff-"));
  try {
    const next = edit((s) => ((s.$id = "urn:eventwire:schema:1.1.0:event"), delete props(s).count));
    writeFileSync(path.join(dir, "old.json"), JSON.stringify(base()));
    writeFileSync(path.join(dir, "new.json"), JSON.stringify(next));
    const bad = await run(["schema", "diff", "old.json", "new.json"], { cwd: dir });
    assert.is(bad.code, 1);
    assert.match(bad.stdout, /breaking\s+\/properties\/count\s+property `count` removed/);
    assert.match(bad.stdout, /Declared bump: minor, smaller than the changes need \(major\)/);
    assert.is((await run(["schema", "diff", "1.0.0", "nothing.json"], { cwd: dir })).code, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the lock: every released version is locked and unchanged; changing a locked file is reported", () => {
  assert.equal(lockProblems(TOOLKIT_ROOT), []);
  const root = mkdtempSync(path.join(tmpdir(), "eventwire-lock-"));
  try {
    cpSync(path.join(TOOLKIT_ROOT, "schema"), path.join(root, "schema"), { recursive: true });
    assert.equal(lockProblems(root), []);
    const file = jsonSchemaPath(SCHEMA_VERSIONS[0]!, "event");
    const edited = JSON.parse(readFileSync(path.join(root, file), "utf8"));
    edited.properties.title.maxLength = 200;
    writeFileSync(path.join(root, file), JSON.stringify(edited, null, 2) + "\n");
    assert.equal(lockProblems(root), [`${file} is locked (schema ${SCHEMA_VERSIONS[0]} is released) but has changed: restore it, and make the change in a new version`]);
    const lock = JSON.parse(readFileSync(path.join(root, LOCK_FILE), "utf8"));
    delete lock.versions[SCHEMA_VERSIONS.at(-1)!];
    writeFileSync(path.join(root, LOCK_FILE), JSON.stringify(lock));
    assert.ok(lockProblems(root).some((p) => p.startsWith(`schema ${SCHEMA_VERSIONS.at(-1)} is not locked`)));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("schema check passes on the repository", async () => {
  const r = await run(["schema", "check"]);
  assert.is(r.code, 0, r.stdout);
});

test("schema lock: a version locked already with the same hashes is said so (exit 0), and the lock file is not rewritten", async () => {
  const before = readFileSync(path.join(TOOLKIT_ROOT, LOCK_FILE), "utf8");
  const r = await run(["schema", "lock", "1.0.0"]);
  assert.is(r.code, 0, r.stderr);
  assert.match(r.stdout, /locked already/);
  assert.is(readFileSync(path.join(TOOLKIT_ROOT, LOCK_FILE), "utf8"), before);
});

test.run();
