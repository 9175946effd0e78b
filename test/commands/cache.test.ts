/**
 * `validate --cache`: a cached run reports exactly what an uncached one does;
 * a file is checked again when it or anything its outcome depends on changed
 * (rule settings, registries, kept texts, schemas, the toolkit, today); a
 * cache that is not one eventwire wrote is ignored with a warning and written
 * anew. The timing line (EVENTWIRE_TIMING) says how many files came from the cache.
 */
import { execFileSync } from "node:child_process";
import { cpSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { cacheFile, cacheKey, decodeOutcome, encodeOutcome, folderHash, isPathsLine, RACY_MS, signature, startSignatures } from "../../scripts/check/cache.ts";
import type { FileOutcome } from "../../scripts/check/file.ts";
import { TOOLKIT_ROOT } from "../../scripts/core/paths.ts";
import { editEvent, EVENT_PATH, EVENT_YAML, REGISTRY, withSchemaError, writeDataset } from "../helpers/dataset.ts";
import { git, GIT_ENV } from "../helpers/git.ts";
import { run } from "../helpers/run.ts";

const SECOND = "data/events/2023/02/ev-2eqrxyd2.yaml";
const TEXT_URL = "https://p.dw.com/p/4O4UG";
const QUOTE = "Antony Blinken met with foreign ministers from the five former Soviet republics of Central Asia";

/** Every file under data/ modified long ago: the metadata strategy keeps a file only when its time is not too close to the run's. */
function age(root: string, when = new Date("2020-01-01T00:00:00Z")): void {
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else utimesSync(p, when, when);
    }
  };
  walk(path.join(root, "data"));
}

function manifest(text: string): string {
  const sha256 = createHash("sha256").update(text).digest("hex");
  return JSON.stringify({ texts: [{ file: "dw.txt", url: TEXT_URL, sha256, captured: "2023-02-28", note: "test" }] }, null, 2) + "\n";
}

/** A small dataset: two events (one with a schema error, so that findings and code frames come from the cache too) and a kept text. */
function dataset(): string {
  // The page credits the record's agencies (via-credited), shows its headline (title-shown) and its date (published-shown),
  // after the quote: its position stays.
  const text = `${"x".repeat(558)}${QUOTE}\n(AFP, Reuters) Antony Blinken on Tuesday was visiting Kazakhstan\nTop US diplomat visits Central Asia with eye on Russia\n28 February 2023\n`;
  const root = writeDataset({
    ...REGISTRY,
    [EVENT_PATH]: EVENT_YAML,
    [SECOND]: withSchemaError(editEvent("id: ev-p6w7bxbz", "id: ev-2eqrxyd2", editEvent("2023-02-28", "2023-02-27"))),
    "data/texts/dw.txt": text,
    "data/texts/manifest.json": manifest(text),
  });
  age(root);
  return root;
}

const TODAY = "2026-11-27";

async function validate(root: string, args: string[] = [], env: Record<string, string> = {}) {
  const r = await run(["validate", "--root", root, "--format", "json", ...args], { env: { EVENTWIRE_TODAY: TODAY, EVENTWIRE_TIMING: "1", ...env } });
  const m = /^cache: (\d+) of (\d+) files unchanged/m.exec(r.stderr);
  // Without the timing rows, what the run said of itself (warnings).
  const said = r.stderr
    .split("\n")
    .filter((line) => line !== "" && !/\s\d+ (ms|MB)$/.test(line))
    .join("\n");
  return { ...r, unchanged: m ? Number(m[1]) : undefined, of: m ? Number(m[2]) : undefined, said };
}

/** A run with --cache, checked against the same run without it: the same report, byte for byte, and the same exit code. */
async function cached(root: string, args: string[] = [], env: Record<string, string> = {}) {
  const plain = await validate(root, args, env);
  const r = await validate(root, ["--cache", ...args], env);
  assert.is(r.stdout, plain.stdout, "the cached run's report differs from the uncached one");
  assert.is(r.code, plain.code);
  return r;
}

const files = (root: string) => readdirSync(path.join(root, "data"), { recursive: true }).filter((p) => statSync(path.join(root, "data", String(p))).isFile()).length;

test("a second run takes every file from the cache, and reports byte for byte what a run without it does, in every format", async () => {
  const root = dataset();
  try {
    const n = files(root);
    const first = await cached(root);
    assert.is(first.code, 1);
    assert.is(first.unchanged, 0);
    assert.is(first.of, n);
    assert.is(first.said, "");
    assert.ok(statSync(path.join(root, ".eventwire-cache")).isFile(), "the cache is at the dataset's root by default");
    const second = await cached(root);
    assert.is(second.unchanged, n);
    assert.is(second.said, "");
    assert.ok(JSON.parse(second.stdout).findings.some((f: { file: string }) => f.file === SECOND));
    for (const format of ["pretty", "sarif", "github"]) {
      const plain = await run(["validate", "--root", root, "--format", format], { env: { EVENTWIRE_TODAY: TODAY } });
      const warm = await run(["validate", "--root", root, "--format", format, "--cache"], { env: { EVENTWIRE_TODAY: TODAY } });
      assert.is(warm.stdout, plain.stdout, format);
      assert.is(warm.code, plain.code, format);
    }
    // With a path: the cache serves the targets, and keeps the entries of the other files.
    const one = await cached(root, [path.join(root, EVENT_PATH)]);
    assert.is(one.unchanged, 1);
    assert.is((await cached(root)).unchanged, n);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("a changed file is checked again; a deleted file leaves the cache; a new file is checked", async () => {
  const root = dataset();
  try {
    const n = files(root);
    await cached(root);
    writeFileSync(path.join(root, EVENT_PATH), editEvent("event_type: CONSULT", "event_type: CONSULTING"));
    age(root);
    const changed = await cached(root);
    assert.is(changed.unchanged, n - 1);
    assert.ok(JSON.parse(changed.stdout).findings.some((f: { file: string; rule: string; pointer: string }) => f.file === EVENT_PATH && f.pointer === "/event_type"), changed.stdout);
    unlinkSync(path.join(root, SECOND));
    const deleted = await cached(root);
    assert.is(deleted.of, n - 1);
    assert.is(deleted.unchanged, n - 1);
    assert.not.ok(readFileSync(path.join(root, ".eventwire-cache"), "utf8").includes(SECOND), "the deleted file's entry is gone");
    writeFileSync(path.join(root, "data/events/2023/02/notes.txt"), "a stray file\n");
    age(root);
    const added = await cached(root);
    assert.is(added.of, n);
    assert.is(added.unchanged, n - 1);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("the cache is dropped when a rule setting, a registry entry, a kept text, its manifest or today's date changes", async () => {
  const root = dataset();
  try {
    const n = files(root);
    await cached(root);
    assert.is((await cached(root)).unchanged, n);
    // A rule setting: every file again, and once more from the cache under the new setting.
    const off = await cached(root, ["--rule", "schema=off"]);
    assert.is(off.unchanged, 0);
    assert.not.ok(JSON.parse(off.stdout).findings.some((f: { rule: string }) => f.rule === "schema"));
    assert.is((await cached(root, ["--rule", "schema=off"])).unchanged, n);
    assert.is((await cached(root)).unchanged, 0);
    // A registry entry.
    writeFileSync(path.join(root, "data/actors/kazakhstan.yaml"), REGISTRY["data/actors/kazakhstan.yaml"]!.replace("name: Kazakhstan", "name: Republic of Kazakhstan"));
    age(root);
    assert.is((await cached(root)).unchanged, 0);
    assert.is((await cached(root)).unchanged, n);
    // A kept text (and its manifest, which names its hash).
    const text = `${"y".repeat(558)}${QUOTE}\n`;
    writeFileSync(path.join(root, "data/texts/dw.txt"), text);
    writeFileSync(path.join(root, "data/texts/manifest.json"), manifest(text));
    age(root);
    assert.is((await cached(root)).unchanged, 0);
    assert.is((await cached(root)).unchanged, n);
    // A kept text that no longer matches its manifest: quotes are no longer checked against it.
    writeFileSync(path.join(root, "data/texts/dw.txt"), text.replace(QUOTE, QUOTE.toUpperCase()));
    age(root);
    const stale = await cached(root);
    assert.is(stale.unchanged, 0);
    assert.is(JSON.parse(stale.stdout).summary.evidence.checked, 0);
    // Today's date: an event in the future on one day is not on the next.
    const future = await cached(root, [], { EVENTWIRE_TODAY: "2023-02-27" });
    assert.is(future.unchanged, 0);
    assert.ok(JSON.parse(future.stdout).findings.some((f: { rule: string }) => f.rule === "date-future"));
    const later = await cached(root);
    assert.is(later.unchanged, 0);
    assert.not.ok(JSON.parse(later.stdout).findings.some((f: { rule: string }) => f.rule === "date-future"));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

/** The cache file's header (its second line), edited. */
function editHeader(root: string, edit: (header: Record<string, unknown> & { key: Record<string, string> }) => void): void {
  const file = path.join(root, ".eventwire-cache");
  const lines = readFileSync(file, "utf8").split("\n");
  const header = JSON.parse(lines[1]!);
  edit(header);
  lines[1] = JSON.stringify(header);
  writeFileSync(file, lines.join("\n"));
}

test("the schemas and the toolkit are in the key: another schema fingerprint drops the cache quietly, another toolkit version with a warning", async () => {
  const root = dataset();
  try {
    const n = files(root);
    await cached(root);
    editHeader(root, (h) => (h.key.schema = "another"));
    const schema = await cached(root);
    assert.is(schema.unchanged, 0);
    assert.is(schema.said, "");
    assert.is((await cached(root)).unchanged, n);
    editHeader(root, (h) => (h.code = "another build"));
    assert.is((await cached(root)).unchanged, 0);
    editHeader(root, (h) => (h.toolkit = "0.0.1"));
    const version = await cached(root);
    assert.is(version.unchanged, 0);
    assert.match(version.said, /The cache .*\.eventwire-cache is not used: it was written by eventwire 0\.0\.1, not \d+\.\d+\.\d+\. It is written anew at the end of this run\./);
    assert.is((await cached(root)).unchanged, n);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("the schema fingerprint follows every byte of the schema folder", () => {
  const folder = mkdtempSync(path.join(tmpdir(), "eventwire-schema-"));
  try {
    cpSync(path.join(TOOLKIT_ROOT, "schema"), folder, { recursive: true });
    const inputs = { settings: new Map(), today: TODAY, registryLoads: [], unlistedRegistry: [], texts: new Map() };
    const before = cacheKey(inputs, folder);
    assert.is(before.schema, folderHash(path.join(TOOLKIT_ROOT, "schema")));
    const file = path.join(folder, "v1.2.0", "event.schema.json");
    writeFileSync(file, readFileSync(file, "utf8").replace('"minLength": 5', '"minLength": 4'));
    const after = cacheKey(inputs, folder);
    assert.is.not(after.schema, before.schema);
    assert.is(after.settings, before.settings);
    assert.is.not(cacheKey({ ...inputs, settings: new Map([["file-bom", "off" as const]]) }, folder).settings, before.settings);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test("a file that is no cache (it does not begin as one) is left as it is, with a warning, and the run is not cached; an empty one is taken", async () => {
  const root = dataset();
  try {
    const notes = path.join(root, "NOTES.md");
    for (const text of ["# Notes\n\nKeep this.\n", "hello\n", "eventwire\n", "{}"]) {
      writeFileSync(notes, text);
      const r = await cached(root, ["--cache-location", notes]);
      assert.is(readFileSync(notes, "utf8"), text, "the file was replaced");
      assert.is(r.unchanged, undefined, "the run was cached");
      assert.is(r.said, `${notes} is not an eventwire cache: left as it is; the run is not cached; choose another --cache-location.`);
    }
    // An empty file holds nothing to lose: it becomes the cache, quietly.
    writeFileSync(notes, "");
    const taken = await cached(root, ["--cache-location", notes]);
    assert.is(taken.said, "");
    assert.match(readFileSync(notes, "utf8"), /^eventwire-cache 4\n/);
    assert.is((await cached(root, ["--cache-location", notes])).unchanged, files(root));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

/** A cache's text with `from` replaced, and its third line (the length of the part before the summaries) made right again. */
function edited(text: string, from: string | RegExp, to: string): string {
  const lines = text.split("\n");
  const head = `${lines[0]}\n${lines[1]}\n`;
  const rest = text.slice(head.length + lines[2]!.length + 1);
  const at = rest.indexOf("\nsummaries\n") + 1;
  const front = rest.slice(0, at).replace(from, to);
  assert.ok(front !== rest.slice(0, at), `${String(from)} is in the cache`);
  return `${head}${Buffer.byteLength(front)}\n${front}${rest.slice(at)}`;
}

test("a corrupt cache (it begins as one) is ignored with a warning, never trusted, and written anew", async () => {
  const root = dataset();
  const file = path.join(root, ".eventwire-cache");
  try {
    const n = files(root);
    await cached(root);
    const good = readFileSync(file, "utf8");
    const kinds: [string, () => void, RegExp][] = [
      ["no line of its format", () => writeFileSync(file, "eventwire-cache \n"), /it is of another format \(eventwire-cache \)/],
      ["empty", () => writeFileSync(file, ""), /^$/],
      ["another format", () => writeFileSync(file, good.replace("eventwire-cache 4", "eventwire-cache 9")), /it is of another format \(eventwire-cache 9\)/],
      ["a header that is not JSON", () => writeFileSync(file, good.replace('{"toolkit"', '{toolkit"')), /its header is not JSON/],
      ["a header of another shape", () => writeFileSync(file, good.replace(/^\{.*\}$/m, '{"toolkit":"0.1.0","key":{}}')), /its header is not one eventwire writes/],
      ["truncated", () => writeFileSync(file, good.slice(0, Math.floor(good.length / 2))), /it is truncated/],
      ["truncated by a line", () => writeFileSync(file, good.slice(0, good.lastIndexOf("end "))), /it is truncated/],
      // Still one JSON array, but not one outcome a line: used this once (every outcome is whole), not kept as it was.
      ["outcomes not one a line", () => writeFileSync(file, good.replace(/\],\n\[/, "],[")), /^$/],
      ["an outcome that is not JSON", () => writeFileSync(file, edited(good, '{"record":', '{"record"')), /an outcome is not JSON/],
      ["an outcome of another shape", () => writeFileSync(file, edited(good, '{"record":true', '{"record":"yes"')), /an outcome is not one eventwire writes/],
      ["a light outcome of another shape", () => writeFileSync(file, edited(good, "\n1,\n", "\n7,\n")), /an outcome is not one eventwire writes/],
      ["an evidence count that is no number", () => writeFileSync(file, edited(good, /\n\[1,(\d+),(\d+)\],\n/, "\n[1,$1,x$2],\n")), /an outcome is not JSON/],
      ["a path that is not a string", () => writeFileSync(file, edited(good, /^\["([^"]*)"/m, '[5,"$1"')), /its entries are not what eventwire writes/],
      ["a part edited without its length", () => writeFileSync(file, good.replace('{"record":', '{"record" :')), /its parts are not where its third line says/],
      ["entries out of order", () => writeFileSync(file, good.replace(/^\["data\/actors\/antony-blinken\.yaml","data\/actors\/kazakhstan\.yaml"/m, '["data/actors/kazakhstan.yaml","data/actors/antony-blinken.yaml"')), /out of order/],
      // The default location as a folder is a folder to put the cache in (ESLint's rule): a folder where that file should be.
      ["a folder", () => (rmSync(file), mkdirSync(file), mkdirSync(cacheFile(root, root, undefined))), /it is a folder, not a file/],
    ];
    for (const [kind, spoil, reason] of kinds) {
      spoil();
      const r = await cached(root);
      if (kind === "outcomes not one a line") {
        assert.is(r.said, "");
        assert.is(r.unchanged, n);
        // Written again (a file changed), it keeps none of them as they were: they are checked the time after.
        const kept = readFileSync(path.join(root, EVENT_PATH));
        writeFileSync(path.join(root, EVENT_PATH), `${kept}\n`);
        age(root);
        assert.is((await cached(root)).unchanged, n - 1);
        assert.is((await cached(root)).unchanged, 1);
        assert.is((await cached(root)).unchanged, n);
        writeFileSync(path.join(root, EVENT_PATH), kept);
        age(root);
        await cached(root);
        continue;
      }
      assert.is(r.unchanged, 0, kind);
      assert.match(r.said, reason, `${kind}: ${r.said}`);
      if (kind !== "empty") assert.match(r.said, /It is written anew at the end of this run\./, kind);
      if (kind === "a folder") {
        // A folder is never removed: the cache cannot be written there, and the run says so (its report is whole).
        assert.match(r.said, /could not be written/);
        rmSync(file, { recursive: true });
        assert.is((await cached(root)).said, "");
      }
      const again = await cached(root);
      assert.is(again.unchanged, n, `after ${kind}`);
      assert.is(again.said, "", `after ${kind}`);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("a FIFO at the cache's place is never opened nor replaced: a warning, the run not cached, its report whole", async () => {
  const root = dataset();
  try {
    const fifo = path.join(root, "pipe");
    execFileSync("mkfifo", [fifo]);
    const r = await cached(root, ["--cache-location", fifo]);
    assert.is(r.code, 1);
    assert.match(r.said, /pipe is not an eventwire cache: left as it is; the run is not cached/);
    assert.ok(lstatSync(fifo).isFIFO(), "still a FIFO");
    assert.not.ok(r.unchanged, "nothing came from a cache");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("a cache that cannot be read or written is a warning; the report is whole and the exit code its own", async () => {
  const root = dataset();
  try {
    writeFileSync(path.join(root, "a-file"), "");
    const r = await cached(root, ["--cache-location", path.join(root, "a-file", "cache")]);
    assert.is(r.code, 1);
    assert.match(r.said, /is not used: it cannot be read \(ENOTDIR\)/);
    assert.match(r.said, /could not be written/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("metadata trusts size, time and inode; content looks at the bytes", async () => {
  const root = dataset();
  try {
    const n = files(root);
    const target = path.join(root, EVENT_PATH);
    for (const strategy of ["metadata", "content"]) {
      const args = ["--cache-strategy", strategy];
      await cached(root, args);
      assert.is((await cached(root, args)).unchanged, n, strategy);
      // The same size, written in place (same inode), its time put back: only the bytes tell.
      const before = statSync(target);
      const original = readFileSync(target, "utf8");
      writeFileSync(target, original.replace("event_type: CONSULT", "event_type: CONSULX"));
      utimesSync(target, before.atime, before.mtime);
      const plain = await validate(root, args);
      const r = await validate(root, ["--cache", ...args]);
      if (strategy === "metadata") {
        assert.is(r.unchanged, n);
        assert.is.not(r.stdout, plain.stdout, "metadata: the cached outcome of the file is used");
      } else {
        assert.is(r.unchanged, n - 1);
        assert.is(r.stdout, plain.stdout);
      }
      writeFileSync(target, original);
      age(root);
    }
    // A file modified just now is checked, not kept: a change within the same tick of its clock could not be told.
    writeFileSync(target, readFileSync(target));
    const fresh = await cached(root);
    assert.is(fresh.unchanged, 0, "another strategy: nothing is used");
    assert.is((await cached(root)).unchanged, n - 1);
    utimesSync(target, new Date(Date.now() - 2 * RACY_MS), new Date(Date.now() - 2 * RACY_MS));
    await cached(root);
    assert.is((await cached(root)).unchanged, n);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("--cache-location: a file, or a folder (a trailing / or one that exists) holding a file a dataset; usage errors exit 2", async () => {
  const root = dataset();
  const elsewhere = mkdtempSync(path.join(tmpdir(), "eventwire-cache-"));
  try {
    const n = files(root);
    await cached(root, ["--cache-location", path.join(elsewhere, "my-cache")]);
    assert.ok(statSync(path.join(elsewhere, "my-cache")).isFile());
    await cached(root, ["--cache-location", path.join(elsewhere, "folder") + "/"]);
    const inFolder = cacheFile(root, root, path.join(elsewhere, "folder") + "/");
    assert.is(path.dirname(inFolder), path.join(elsewhere, "folder"));
    assert.match(path.basename(inFolder), /^\.eventwire-cache_[0-9a-z]+$/);
    assert.ok(statSync(inFolder).isFile());
    // An existing folder, named without the slash, is a folder too.
    assert.is((await cached(root, ["--cache-location", path.join(elsewhere, "folder")])).unchanged, n);
    // The default location, when it is a folder, is one too (ESLint's rule).
    mkdirSync(path.join(root, ".eventwire-cache"));
    await cached(root);
    assert.ok(statSync(cacheFile(root, root, undefined)).isFile());
    assert.is((await cached(root)).unchanged, n);
    const usage: [string[], RegExp][] = [
      [["--cache", "--cache-strategy", "mtime"], /--cache-strategy must be one of metadata, content, got `mtime`/],
      [["--cache-strategy", "mtime"], /--cache-strategy must be one of metadata, content/],
      [["--cache", "--cache-location", ""], /--cache-location needs a path/],
      [["--cache", "--cache-location", path.join(root, "data", "cache")], /--cache-location may not be under data\//],
      // Through a folder that links to data/ (or to a folder in it), and under a folder not there yet: on real paths.
      [["--cache", "--cache-location", path.join(root, "dl", "x")], /--cache-location may not be under data\/ \(validate would check the cache as a file of the dataset\)/],
      [["--cache", "--cache-location", path.join(root, "dl", "new", "deeper", "x")], /--cache-location may not be under data\//],
      [["--cache", "--cache-location", path.join(root, "el") + "/"], /--cache-location may not be under data\//],
    ];
    symlinkSync("data", path.join(root, "dl"));
    symlinkSync("data/events", path.join(root, "el"));
    for (const [args, message] of usage) {
      const r = await run(["validate", "--root", root, ...args]);
      assert.is(r.code, 2, args.join(" "));
      assert.match(r.stderr, message);
    }
    assert.is(files(root), n, "nothing was written under data/");
    rmSync(path.join(root, "dl"));
    rmSync(path.join(root, "el"));
    // Without --cache, the other two do nothing (as ESLint's).
    rmSync(path.join(elsewhere, "unused"), { force: true });
    await run(["validate", "--root", root, "--cache-location", path.join(elsewhere, "unused")]);
    assert.not.ok(readdirSync(elsewhere).includes("unused"));
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(elsewhere, { recursive: true, force: true });
  }
});

test("--changed with --cache: the changed files are the targets, and come from the cache while they do not change", async () => {
  const root = dataset();
  try {
    git(root, "init", "-q", "-b", "main");
    git(root, "add", "-A");
    git(root, "commit", "-q", "-m", "records");
    writeFileSync(path.join(root, EVENT_PATH), editEvent("event_type: CONSULT", "event_type: CONSULTING"));
    age(root);
    const env = { ...(GIT_ENV as Record<string, string>) };
    const first = await cached(root, ["--changed=HEAD"], env);
    assert.is(first.code, 1);
    assert.is(first.of, 1);
    assert.is(first.unchanged, 0);
    const second = await cached(root, ["--changed=HEAD"], env);
    assert.is(second.unchanged, 1);
    // A full run afterwards: the other files are checked, the changed one is not.
    assert.is((await cached(root, [], env)).unchanged, 1);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("a run over some paths: the other events give their summaries from the cache while they are unchanged", async () => {
  const root = dataset();
  try {
    const metadata = ["--cache-strategy", "metadata", "--cache-location", path.join(root, "metadata-cache")];
    const content = ["--cache-strategy", "content", "--cache-location", path.join(root, "content-cache")];
    await cached(root, metadata);
    await cached(root, content);
    const only = [path.join(root, EVENT_PATH)];
    const idUnique = (r: { stdout: string }) => JSON.parse(r.stdout).findings.some((f: { rule: string }) => f.rule === "id-unique");
    assert.not.ok(idUnique(await cached(root, [...only, ...metadata])));
    // The other event takes the target's id: same size, in place, its time put back.
    const other = path.join(root, SECOND);
    const before = statSync(other);
    writeFileSync(other, readFileSync(other, "utf8").replace("id: ev-2eqrxyd2", "id: ev-p6w7bxbz"));
    utimesSync(other, before.atime, before.mtime);
    const plain = await validate(root, only);
    assert.ok(idUnique(plain));
    // metadata: the other event's summary comes from the cache (it is not read).
    const stale = await validate(root, ["--cache", ...only, ...metadata]);
    assert.not.ok(idUnique(stale));
    // content: its bytes changed, so it is read.
    assert.ok(idUnique(await cached(root, [...only, ...content])));
    // A new time of modification: read under metadata too.
    utimesSync(other, new Date("2020-06-01T00:00:00Z"), new Date("2020-06-01T00:00:00Z"));
    assert.ok(idUnique(await cached(root, [...only, ...metadata])));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("a content signature is the hash of every byte, whatever the size; a folder or a missing file has none", () => {
  const root = mkdtempSync(path.join(tmpdir(), "eventwire-sign-"));
  try {
    const now = Date.now();
    for (const size of [0, 1, 65535, 65536, 65537, 300_000]) {
      const bytes = Buffer.alloc(size, "ab");
      const file = path.join(root, `f${size}`);
      writeFileSync(file, bytes);
      assert.is(signature(file, "content", now), createHash("sha1").update(bytes).digest("base64"), String(size));
    }
    assert.is(signature(root, "content", now), "");
    assert.is(signature(path.join(root, "missing"), "content", now), "");
    assert.is(signature(root, "metadata", now), "");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("outcomes come back from the cache as they went in: the short form of most, any other as it is", () => {
  const outcomes: FileOutcome[] = [
    { record: true },
    { record: false },
    { record: true, event: { id: "ev-p6w7bxbz", status: "active", start: "2023-02-28", type: "CONSULT", mode: "visit", countries: ["KAZ"], actors: ["a", "b"] } },
    { record: true, event: { id: "ev-p6w7bxbz", duplicate_of: "ev-2eqrxyd2" }, evidence: [2, 1] },
    { record: true, event: { id: "ev-p6w7bxbz", partial: true } },
    { record: true, findings: [{ file: "f", line: 1, column: 2, rule: "schema", severity: "error", message: "m", pointer: "" }], excerpt: { lineCount: 3, numbers: [1], text: "x" } },
    { record: true, directives: [{ kind: "next-line", line: 1, column: 1, endColumn: 40, word: "eventwire-disable-next-line", rules: [{ id: "schema", column: 31, endColumn: 37 }], reason: "kept" }] },
  ];
  const roundTrip = (o: FileOutcome) => {
    const { light, summary } = encodeOutcome(o);
    return decodeOutcome(JSON.parse(light), JSON.parse(summary));
  };
  for (const o of outcomes) assert.equal(roundTrip(o), o, JSON.stringify(o));
  assert.is(encodeOutcome(outcomes[0]!).light, "1", "a record without evidence: one digit");
  assert.is(encodeOutcome(outcomes[3]!).light, "[1,2,1]", "with its evidence counts");
  assert.is(encodeOutcome(outcomes[0]!).summary, "0", "no event");
  assert.ok(encodeOutcome(outcomes[2]!).summary.startsWith('["ev-p6w7bxbz","active",'), "the short form");
  assert.ok(encodeOutcome(outcomes[4]!).summary.startsWith("{"), "a key the short form has no place for");
  assert.ok(encodeOutcome(outcomes[5]!).light.startsWith('{"record":true,"findings":'), "findings: the outcome as it is");
  for (const bad of [null, 2, "x", [], [2, 0, 0], [1, 0], [1, 0, "x"], { record: "yes" }, { record: true, event: { id: "x" } }]) assert.is(decodeOutcome(bad, 0), undefined, JSON.stringify(bad));
  for (const bad of [null, 1, "x", [], [5, 0, 0, 0, 0, 0, 0, 0], { status: "active" }]) assert.is(decodeOutcome(1, bad), undefined, JSON.stringify(bad));
});

test("signatures taken in worker threads are those taken in this thread, in order, for both strategies", async () => {
  const root = dataset();
  try {
    const all = readdirSync(path.join(root, "data"), { recursive: true }).map((p) => path.join(root, "data", String(p)));
    // Some paths are not to be signed (""), one is a folder (no signature), one is gone.
    const list = [...all, "", path.join(root, "gone.yaml"), ...all];
    for (const strategy of ["metadata", "content"] as const) {
      const now = Date.now();
      const here = list.map((f) => (f === "" ? "" : signature(f, strategy, now)));
      assert.ok(here.filter((s) => s !== "").length >= all.length, strategy);
      const got: string[] = new Array(list.length);
      await startSignatures(list, strategy, now, 1)((from, chunk) => chunk.forEach((s, k) => (got[from + k] = s)));
      assert.equal(got, here, strategy);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});


const THIRD = "data/events/2023/02/ev-3bcdfghj.yaml";
const MEMO_USED = /^dataset rules: their findings from the cache/m;

test("the rules across records: their findings come from the cache while no event's summary changes; a change that matters runs them again", async () => {
  const root = dataset();
  // Each change is dated anew: the metadata strategy tells a change by its size, time and inode.
  let day = 1;
  const change = (file: string, from: string, to: string) => {
    const text = readFileSync(path.join(root, file), "utf8");
    assert.ok(text.includes(from), from);
    writeFileSync(path.join(root, file), text.replace(from, to));
    const when = new Date(Date.UTC(2021, 0, day++));
    utimesSync(path.join(root, file), when, when);
  };
  try {
    // A third event, alike to the first: a probable duplicate.
    writeFileSync(path.join(root, THIRD), editEvent("id: ev-p6w7bxbz", "id: ev-3bcdfghj").replace(/\nevidence:[\s\S]*$/, "\n"));
    age(root);
    const n = files(root);
    const first = await cached(root);
    assert.not.match(first.stderr, MEMO_USED);
    const across = (r: { stdout: string }) => JSON.parse(r.stdout).findings.filter((f: { rule: string }) => f.rule === "probable-duplicate");
    assert.ok(across(first).length > 0, first.stdout);
    const second = await cached(root);
    assert.is(second.unchanged, n, second.stderr);
    assert.match(second.stderr, MEMO_USED);

    // A title is no part of what the rules compare: checked again, and the rules' findings (on other files) still come from the cache.
    change(SECOND, "title: Blinken meets", "title: Blinken met");
    const title = await cached(root);
    assert.is(title.unchanged, n - 1);
    assert.match(title.stderr, MEMO_USED);

    // A file with a finding of theirs changed by a line only (no summary changed): the finding moves with it, so the rules run again.
    const before = across(title).map((f: { file: string; line: number }) => `${f.file}:${f.line}`);
    change(EVENT_PATH, "schema_version:", "# a comment that moves every line down\nschema_version:");
    change(THIRD, "schema_version:", "# a comment that moves every line down\nschema_version:");
    const shifted = await cached(root);
    assert.not.match(shifted.stderr, MEMO_USED);
    assert.not.equal(across(shifted).map((f: { file: string; line: number }) => `${f.file}:${f.line}`), before);
    assert.match((await cached(root)).stderr, MEMO_USED);

    // Its date moved away from the other's: a summary changed, the rules run again, and find no duplicate.
    change(THIRD, 'start: "2023-02-28"', 'start: "2023-02-20"');
    const date = await cached(root);
    assert.not.match(date.stderr, MEMO_USED);
    assert.is(across(date).length, 0, date.stdout);
    assert.match((await cached(root)).stderr, MEMO_USED);

    // A file gone: the rules run again.
    unlinkSync(path.join(root, THIRD));
    const gone = await cached(root);
    assert.is(gone.of, n - 1);
    assert.not.match(gone.stderr, MEMO_USED);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("a memo is kept only for the entries it was made of: a file too recent to keep, then deleted, leaves no stale finding behind", async () => {
  const root = dataset();
  try {
    // The second event names the first as its original: the rules across records find nothing while both are there.
    const duplicate = editEvent("id: ev-p6w7bxbz", "id: ev-3bcdfghj", editEvent("status: active", "status: duplicate\nduplicate_of: ev-p6w7bxbz")).replace(/\nevidence:[\s\S]*$/, "\n");
    writeFileSync(path.join(root, THIRD), duplicate);
    age(root);
    const first = await cached(root);
    assert.not.ok(JSON.parse(first.stdout).findings.some((f: { rule: string }) => f.rule === "duplicate-of"), first.stdout);
    assert.match((await cached(root)).stderr, MEMO_USED);
    // The original written again just now (same bytes, a new time): checked, not kept (too recent); the memo still serves this run.
    writeFileSync(path.join(root, EVENT_PATH), readFileSync(path.join(root, EVENT_PATH)));
    assert.match((await cached(root)).stderr, MEMO_USED);
    // Then deleted: the memo, made while it was there, must not serve (cached() compares with a run without the cache).
    unlinkSync(path.join(root, EVENT_PATH));
    const gone = await cached(root);
    assert.not.match(gone.stderr, MEMO_USED);
    assert.ok(JSON.parse(gone.stdout).findings.some((f: { rule: string; file: string }) => f.rule === "duplicate-of" && f.file === THIRD), gone.stdout);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("summaries the cache cannot give (found spoilt only when the rules across records need them) are read again, with a warning", async () => {
  const root = dataset();
  const file = path.join(root, ".eventwire-cache");
  try {
    const n = files(root);
    await cached(root);
    // The summaries' section comes after the light one: spoil every summary there (an id that is a number).
    const text = readFileSync(file, "utf8");
    assert.match(text, /\n\["ev-/, "short summaries");
    writeFileSync(file, text.replace(/\n\["ev-[^"]*"/g, "\n[5").replace(/\n\{"id":"ev-[^"]*"/g, '\n{"id":5'));
    // Nothing changed: the rules' findings come from the cache, and the summaries are not needed.
    const quiet = await cached(root);
    assert.is(quiet.said, "");
    assert.is(quiet.unchanged, n);
    // An event's date changed: the summaries are needed, found spoilt, and the events read again.
    writeFileSync(path.join(root, EVENT_PATH), editEvent('start: "2023-02-28"', 'start: "2023-02-26"'));
    utimesSync(path.join(root, EVENT_PATH), new Date("2021-01-01T00:00:00Z"), new Date("2021-01-01T00:00:00Z"));
    const r = await cached(root);
    assert.match(r.said, /an outcome is not one eventwire writes/);
    assert.is(r.unchanged, n - 1);
    // Written anew: the next runs are whole again.
    assert.is((await cached(root)).unchanged, 1);
    assert.is((await cached(root)).unchanged, n);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("source-consistent under --cache: the summaries kept hold each source's url and a hash of its description, never its values; the findings name the values as a run without the cache does, in one thread or more", async () => {
  // Three events citing the example's DW page: the second without its `published`, the third with another title.
  const cite = (id: string, start: string, edit: (text: string) => string) =>
    edit(editEvent("id: ev-p6w7bxbz", `id: ${id}`).replace('start: "2023-02-28"', `start: "${start}"`).replace("event_type: CONSULT\nmode: multilateral\n", "event_type: PROTEST\n"));
  const second = "data/events/2023/02/ev-src11111.yaml";
  const third = "data/events/2023/02/ev-src22222.yaml";
  const root = writeDataset({
    ...REGISTRY,
    [EVENT_PATH]: EVENT_YAML,
    [second]: cite("ev-src11111", "2023-02-10", (t) => t.replace('    published: "2023-02-28"\n', "")),
    [third]: cite("ev-src22222", "2023-02-20", (t) => t.replace("title: Top US diplomat visits Central Asia with eye on Russia", "title: Top US diplomat visits Central Asia")),
  });
  age(root);
  const consistent = (stdout: string) =>
    JSON.parse(stdout)
      .findings.filter((f: { rule: string }) => f.rule === "source-consistent")
      .map((f: { file: string; line: number; column: number; message: string }) => `${f.file}@${f.line}:${f.column} ${f.message}`);
  try {
    for (const threads of ["1", "2"]) {
      rmSync(path.join(root, ".eventwire-cache"), { force: true });
      const env = { EVENTWIRE_THREADS: threads };
      await cached(root, [], env);
      const summaries = readFileSync(path.join(root, ".eventwire-cache"), "utf8").split("\nsummaries\n")[1]!;
      assert.ok(summaries.includes('"https://p.dw.com/p/4O4UG"'), "the summaries keep the urls");
      assert.not.ok(summaries.includes("Top US diplomat"), "the summaries keep no title");
      // Every file from the cache.
      const all = await cached(root, [], env);
      assert.is(all.unchanged, files(root));
      assert.equal(consistent(all.stdout), [
        `${EVENT_PATH}@25:16 This event describes \`https://p.dw.com/p/4O4UG\` otherwise than \`data/events/2023/02/ev-src11111.yaml\`, \`data/events/2023/02/ev-src22222.yaml\` do; against the first: published left out there, "2023-02-28" here.`,
        `${second}@23:10 This event describes \`https://p.dw.com/p/4O4UG\` otherwise than \`${EVENT_PATH}\`, \`data/events/2023/02/ev-src22222.yaml\` do; against the first: published "2023-02-28" there, left out here.`,
        `${third}@22:12 This event describes \`https://p.dw.com/p/4O4UG\` otherwise than \`${EVENT_PATH}\`, \`data/events/2023/02/ev-src11111.yaml\` do; against the first: title "Top US diplomat visits Central Asia with eye on Russia" there, "Top US diplomat visits Central Asia" here.`,
      ]);
      // One file changed (the third now describes the page as the example does): the others' summaries come from the cache.
      writeFileSync(path.join(root, third), cite("ev-src22222", "2023-02-20", (t) => t));
      age(root);
      const one = await cached(root, [], env);
      assert.is(one.unchanged, files(root) - 1);
      assert.equal(consistent(one.stdout), [
        `${EVENT_PATH}@25:16 This event describes \`https://p.dw.com/p/4O4UG\` otherwise than \`data/events/2023/02/ev-src11111.yaml\` does: published left out there, "2023-02-28" here.`,
        `${second}@23:10 This event describes \`https://p.dw.com/p/4O4UG\` otherwise than \`${EVENT_PATH}\`, \`data/events/2023/02/ev-src22222.yaml\` do; against the first: published "2023-02-28" there, left out here.`,
        `${third}@24:16 This event describes \`https://p.dw.com/p/4O4UG\` otherwise than \`data/events/2023/02/ev-src11111.yaml\` does: published left out there, "2023-02-28" here.`,
      ]);
      // Back as it was, for the next round.
      writeFileSync(path.join(root, third), cite("ev-src22222", "2023-02-20", (t) => t.replace("title: Top US diplomat visits Central Asia with eye on Russia", "title: Top US diplomat visits Central Asia")));
      age(root);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("isPathsLine (the fast path) says what comparing with JSON.parse says, for paths JSON escapes too", () => {
  const lists: string[][] = [
    [],
    ["data/a.yaml"],
    ["data/a.yaml", "data/b.yaml"],
    ["data/é.yaml", "data/日本.json"],
    ['data/a","b.yaml'],
    ["data/a", "b.yaml"],
    ["data/a\\nb.yaml"],
    ["data/a\nb.yaml"],
    ["data/tab\t.yaml", "data/quote\".yaml"],
    ["data/\ud800.yaml"],
  ];
  for (const paths of lists) {
    const line = JSON.stringify(paths);
    for (const other of lists) {
      const same = JSON.stringify(JSON.parse(line)) === JSON.stringify(other);
      // The fast path may say "not the same" where JSON.parse says the same (the line is then parsed), never the other way.
      if (isPathsLine(line, other)) assert.ok(same, `${line} ~ ${JSON.stringify(other)}`);
    }
    if (!paths.some((p) => p.includes('"') || p.includes("\\") || /[\u0000-\u001f]|[\ud800-\udfff]/.test(p))) assert.ok(isPathsLine(line, paths), line);
  }
  assert.not.ok(isPathsLine('["data/a.yaml"', ["data/a.yaml"]), "cut short");
  assert.not.ok(isPathsLine('["data/a.yaml","data/b.yaml"]', ["data/a.yaml"]), "more paths");
  assert.not.ok(isPathsLine('["data/a.yaml"]', ["data/a.yaml", "data/b.yaml"]), "fewer paths");
});

test.run();
