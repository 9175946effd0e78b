/** check/suppress.ts in memory: the file's format, and what each mode writes (end to end: test/commands/suppressions.test.ts). */
import { existsSync, lstatSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { Finding, Severity } from "../../scripts/core/finding.ts";
import { applySuppressions, formatSuppressions, readSuppressions, type SuppressMode } from "../../scripts/check/suppress.ts";
import "../../scripts/rules/index.ts";
import { suppressionLines } from "../../scripts/report/summary.ts";

const finding = (file: string, rule: string, line: number, severity: Severity = "error"): Finding => ({ file, line, column: 1, rule, severity, message: "m", pointer: "" });

function withFile(content: string | undefined, fn: (location: string) => void): void {
  const dir = mkdtempSync(path.join(tmpdir(), "eventwire-suppress-"));
  try {
    const location = path.join(dir, "eventwire-suppressions.json");
    if (content !== undefined) writeFileSync(location, content);
    fn(location);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const apply = (findings: Finding[], location: string, mode?: SuppressMode, checked = (_: string) => true) =>
  applySuppressions(findings, { directives: new Map(), location, name: "eventwire-suppressions.json", ...(mode ? { mode } : {}), checked });

test("the file: keys sorted at both levels (code unit order), two spaces, a final newline, entries without rules dropped", () => {
  assert.is(
    formatSuppressions({ "data/b.yaml": { schema: { count: 2 }, "file-bom": { count: 1 } }, "data/a.yaml": {}, "data/B.yaml": { syntax: { count: 1 } } }),
    '{\n  "data/B.yaml": {\n    "syntax": {\n      "count": 1\n    }\n  },\n  "data/b.yaml": {\n    "file-bom": {\n      "count": 1\n    },\n    "schema": {\n      "count": 2\n    }\n  }\n}\n',
  );
  assert.is(formatSuppressions({}), "{}\n");
});

test("--suppress-all records errors and warnings, not infos; an info rule recorded before keeps what is left of it", () => {
  withFile(JSON.stringify({ "data/a.yaml": { "evidence-event-type": { count: 3 } } }), (location) => {
    const findings = [finding("data/a.yaml", "schema", 1), finding("data/a.yaml", "url-domain", 2, "warning"), finding("data/a.yaml", "evidence-event-type", 3, "info"), finding("data/b.yaml", "evidence-event-type", 1, "info")];
    const r = apply(findings, location, { kind: "all" });
    assert.equal(JSON.parse(readFileSync(location, "utf8")), { "data/a.yaml": { "evidence-event-type": { count: 1 }, schema: { count: 1 }, "url-domain": { count: 1 } } });
    assert.equal(r.findings.map((f) => `${f.file}|${f.rule}`), ["data/b.yaml|evidence-event-type"]);
    assert.equal(r.counts, { inline: 0, file: 3 });
    assert.match(r.wrote!, /^--suppress-all: wrote eventwire-suppressions\.json: 3 suppressed findings in 1 file \(3 before\)\.$/);
  });
});

test("up to the count, per file and rule: more reports them all; fewer hides them and says so; only checked files are compared or written", () => {
  const recorded = { "data/a.yaml": { schema: { count: 1 } }, "data/b.yaml": { schema: { count: 3 } }, "data/c.yaml": { schema: { count: 2 } } };
  withFile(JSON.stringify(recorded), (location) => {
    const findings = [finding("data/a.yaml", "schema", 1), finding("data/a.yaml", "schema", 2), finding("data/b.yaml", "schema", 1)];
    const r = apply(findings, location, undefined, (f) => f !== "data/c.yaml");
    assert.equal(r.findings.map((f) => `${f.file}:${f.line}`), ["data/a.yaml:1", "data/a.yaml:2"]);
    assert.equal(r.more, [{ file: "data/a.yaml", rule: "schema", recorded: 1, found: 2 }]);
    assert.equal(r.fewer, [{ file: "data/b.yaml", rule: "schema", recorded: 3, found: 1 }]);
    apply(findings, location, { kind: "prune" }, (f) => f !== "data/c.yaml");
    // a.yaml over its count keeps it; b.yaml goes down to 1; c.yaml, not checked, stays.
    assert.equal(JSON.parse(readFileSync(location, "utf8")), { "data/a.yaml": { schema: { count: 1 } }, "data/b.yaml": { schema: { count: 1 } }, "data/c.yaml": { schema: { count: 2 } } });
  });
});

test("the usual run (no directive, no file) hands the findings through as they are", () => {
  withFile(undefined, (location) => {
    const findings = [finding("data/a.yaml", "schema", 1)];
    const r = apply(findings, location);
    assert.is(r.findings, findings);
    assert.equal(r.counts, { inline: 0, file: 0 });
  });
});

test("--prune-suppressions without a file writes none; a symbolic link is neither read nor written through (a usage error); a file over the limit is one too", () => {
  withFile(undefined, (location) => {
    const r = apply([finding("data/a.yaml", "schema", 1)], location, { kind: "prune" });
    assert.is(r.wrote, "--prune-suppressions: there is no eventwire-suppressions.json; nothing to prune.");
    assert.not.ok(existsSync(location));
    const target = path.join(path.dirname(location), "kept.json");
    writeFileSync(target, "{}\n");
    symlinkSync("kept.json", location);
    for (const mode of [undefined, { kind: "all" } as const])
      assert.throws(() => apply([finding("data/a.yaml", "schema", 1)], location, mode), /the suppressions file eventwire-suppressions\.json is a symbolic link, which is not followed/);
    assert.ok(lstatSync(location).isSymbolicLink());
    assert.is(readFileSync(target, "utf8"), "{}\n");
    rmSync(location);
    writeFileSync(location, "{}\n" + " ".repeat(100));
    assert.throws(() => readSuppressions(location, "s.json", 64), /the suppressions file s\.json is too large \(103 bytes; the limit is 64\)/);
    assert.equal(Object.keys(readSuppressions(location, "s.json", 103)), []);
  });
});

test("a file or rule named like a property of Object.prototype is an entry like any other (it goes stale, and prune drops it)", () => {
  withFile('{ "__proto__": { "schema": { "count": 1 } }, "data/a.yaml": { "__proto__": { "count": 2 }, "constructor": { "count": 1 } } }', (location) => {
    const r = apply([finding("data/a.yaml", "schema", 1)], location);
    assert.equal(r.findings.length, 1);
    assert.equal(
      r.fewer.map((c) => `${c.file}|${c.rule}|${c.found}`),
      ["__proto__|schema|0", "data/a.yaml|__proto__|0", "data/a.yaml|constructor|0"],
    );
    apply([], location, { kind: "prune" });
    assert.is(readFileSync(location, "utf8"), "{}\n");
  });
  assert.is(formatSuppressions(JSON.parse('{ "__proto__": { "constructor": { "count": 1 } } }')), '{\n  "__proto__": {\n    "constructor": {\n      "count": 1\n    }\n  }\n}\n');
});

test("reports for people list at most 10 entries of each kind by name, and count the rest", () => {
  const changes = Array.from({ length: 12 }, (_, i) => ({ file: `data/${String(i).padStart(2, "0")}.yaml`, rule: "schema", recorded: 2, found: 1 }));
  const lines = suppressionLines({ files: 12, records: 12, errors: 0, warnings: 0, infos: 0, evidence: { checked: 0, notChecked: 0 }, suppressions: { file: "eventwire-suppressions.json", fewer: changes, more: [] } });
  assert.is(lines.length, 12);
  assert.is(lines[0], "eventwire-suppressions.json: fewer findings than recorded in 12 entries; run with --prune-suppressions to lower the counts:");
  assert.is(lines[10], "  data/09.yaml: schema, 1 found, 2 recorded");
  assert.is(lines[11], "  and 2 more");
});

test.run();
