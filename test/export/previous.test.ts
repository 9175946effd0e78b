/** `release --previous`: a previous release is read without trusting it (export/previous.ts). */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { EVENT_PATH, EVENT_YAML, REGISTRY, writeDataset } from "../helpers/dataset.ts";
import { run } from "../helpers/run.ts";
import { tarEntry, tarGz, type RawEntry } from "../helpers/tar.ts";

/** previous.ts's floor of the unpacked cap (64 MiB). Not imported: the command under test loads its own copy of the modules, and a second copy of core/io.ts would make its UsageError another class. */
const UNPACKED_FLOOR = 64 << 20;

let root = "";
let out = "";
/** The release folder built first: the model of a good previous release. */
let good = "";

test.before(async () => {
  root = writeDataset({ ...REGISTRY, [EVENT_PATH]: EVENT_YAML });
  out = path.join(root, "dist");
  const r = await run(["release", "--version", "1.0.0", "--out", out], { cwd: root });
  assert.is(r.code, 0, r.stderr);
  good = path.join(out, "eventwire-1.0.0", "eventwire-1.0.0");
});

test.after(() => rmSync(root, { recursive: true, force: true }));

/** Runs a release against `previous` and checks it is refused cleanly: exit 2, the message, nothing left in dist/. */
async function refused(previous: string, message: RegExp): Promise<void> {
  const r = await run(["release", "--version", "1.1.0", "--out", out, "--previous", previous], { cwd: root });
  assert.is(r.code, 2, `${previous}: ${r.stderr}`);
  assert.match(r.stderr, message, r.stderr);
  assert.not.match(r.stderr, /internal error/, r.stderr);
  assert.equal(readdirSync(out).sort(), ["eventwire-1.0.0"], "no scratch folder, no release is left behind");
}

const events = () => readFileSync(path.join(good, "events.jsonl"), "utf8");

test("archives a release never holds are refused: links, devices, odd paths, two top folders, an entry twice", async () => {
  const top = (name: string, extra: Partial<RawEntry> = {}): RawEntry => ({ name: `eventwire-1.0.0/${name}`, ...extra });
  const cases: [string, RawEntry[], RegExp][] = [
    ["symlink", [top("", { type: "5" }), top("events.jsonl", { type: "2", linkname: "/etc/passwd" })], /is a symbolic link/],
    ["hardlink", [top("", { type: "5" }), top("a", { body: "x" }), top("events.jsonl", { type: "1", linkname: "eventwire-1.0.0/a" })], /is a hard link/],
    ["fifo", [top("", { type: "5" }), top("events.jsonl", { type: "6" })], /FIFO entry/],
    ["two-tops", [top("events.jsonl", { body: events() }), { name: "other/events.jsonl", body: events() }], /more than one top folder/],
    ["dotdot", [top("../events.jsonl", { body: events() })], /`\.\.` part/],
    ["absolute", [{ name: "/tmp/events.jsonl", body: events() }], /absolute path/],
    ["file-at-top", [{ name: "events.jsonl", body: events() }], /a file at the top/],
    ["twice", [top("events.jsonl", { body: events() }), top("events.jsonl", { body: events() })], /appears twice/],
    ["base256", [top("events.jsonl", { body: events(), sizeField: Buffer.from([0x81, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]) })], /not a release archive/],
  ];
  for (const [name, entries, message] of cases) {
    const file = path.join(root, `${name}.tar.gz`);
    writeFileSync(file, tarGz(entries));
    await refused(file, message);
  }
});

test("bytes that are no archive, or half of one: a message naming the file, exit 2", async () => {
  const whole = readFileSync(path.join(out, "eventwire-1.0.0", "eventwire-1.0.0.tar.gz"));
  const cases: [string, Buffer][] = [
    ["garbage.tar.gz", Buffer.from("this is not an archive at all, not even close ".repeat(40))],
    ["empty.tar.gz", Buffer.alloc(0)],
    ["cut.tar.gz", whole.subarray(0, Math.floor(whole.length / 2))],
    ["bad-gzip.tar.gz", Buffer.concat([Buffer.from([0x1f, 0x8b]), Buffer.alloc(200, 7)])],
  ];
  for (const [name, bytes] of cases) {
    const file = path.join(root, name);
    writeFileSync(file, bytes);
    await refused(file, new RegExp(`--previous: \`${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\` is not a release`));
  }
});

test("a gzip bomb: the unpacked stream is capped, read no further, nothing kept", async () => {
  // 80 MiB of one byte: about 80 KB gzipped, far more than 100 times that unpacked, and more than the 64 MiB floor.
  const big = Buffer.alloc(UNPACKED_FLOOR + (16 << 20), 0x61);
  const file = path.join(root, "bomb.tar.gz");
  const tar = Buffer.concat([tarBlock("eventwire-1.0.0/events.jsonl", big.length), big, Buffer.alloc(1024)]);
  writeFileSync(file, gzipSync(tar, { level: 1 }));
  await refused(file, /unpacks to more than 67108864 bytes/);
});

/** A file header for `size` bytes (the body is given apart: no copy of a large buffer). */
function tarBlock(name: string, size: number): Buffer {
  const header = Buffer.from(tarEntry({ name }).subarray(0, 512));
  header.write(size.toString(8).padStart(11, "0") + "\0", 124, 12);
  header.fill(0x20, 148, 156);
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(sum.toString(8).padStart(6, "0") + "\0 ", 148, 8);
  return header;
}

test("a previous folder: links inside it are not followed, a FIFO does not block, a large file is not read", async () => {
  const copy = (name: string) => {
    const dir = path.join(root, name);
    rmSync(dir, { recursive: true, force: true });
    cpSync(good, dir, { recursive: true });
    return dir;
  };
  const secret = path.join(root, "secret.json");
  writeFileSync(secret, '{"$id":"secret"}');

  const schemaLink = copy("schema-link");
  rmSync(path.join(schemaLink, "schema", "event.schema.json"));
  symlinkSync(secret, path.join(schemaLink, "schema", "event.schema.json"));
  await refused(schemaLink, /schema\/event\.schema\.json` is a symbolic link; links are not followed/);

  const folderLink = copy("folder-link");
  rmSync(path.join(folderLink, "schema"), { recursive: true });
  symlinkSync(path.join(good, "schema"), path.join(folderLink, "schema"));
  await refused(folderLink, /schema` is a symbolic link, not a folder/);

  const eventsLink = copy("events-link");
  rmSync(path.join(eventsLink, "events.jsonl"));
  symlinkSync(path.join(good, "events.jsonl"), path.join(eventsLink, "events.jsonl"));
  await refused(eventsLink, /events\.jsonl` is a symbolic link/);

  const fifo = copy("fifo");
  rmSync(path.join(fifo, "events.jsonl"));
  execFileSync("mkfifo", [path.join(fifo, "events.jsonl")]);
  await refused(fifo, /events\.jsonl` is a FIFO \(named pipe\), not a regular file; only regular files of at most \d+ bytes are read/);

  const large = copy("large");
  writeFileSync(path.join(large, "datapackage.json"), Buffer.alloc((16 << 20) + 1, 0x20));
  await refused(large, /datapackage\.json` is 16777217 bytes; the limit is 16777216/);

  // A FIFO named as the archive: refused at once, not waited on.
  execFileSync("mkfifo", [path.join(root, "named-pipe.tar.gz")]);
  await refused(path.join(root, "named-pipe.tar.gz"), /named-pipe\.tar\.gz` is a FIFO \(named pipe\), not a regular file/);
  await refused(path.join(root, "no-such-release"), /does not exist/);
  // Into an --out that did not exist: it is not left behind either.
  const r = await run(["release", "--version", "1.1.0", "--out", path.join(root, "new-dist"), "--previous", fifo], { cwd: root });
  assert.is(r.code, 2);
  assert.not.ok(existsSync(path.join(root, "new-dist")));
  mkdirSync(path.join(root, "empty-folder"), { recursive: true });
  await refused(path.join(root, "empty-folder"), /holds no events\.jsonl/);
});

test("a previous events.jsonl with lines that are no events: file and line named, exit 2", async () => {
  for (const [name, text, message] of [
    ["null-line", "null\n", /line 1 is not an event with a string `id` and `status`/],
    ["not-json", events() + "{oops\n", /line 2 is not JSON/],
    ["no-id", '{"status":"active"}\n', /line 1 is not an event/],
  ] as const) {
    const dir = path.join(root, name);
    cpSync(good, dir, { recursive: true });
    writeFileSync(path.join(dir, "events.jsonl"), text);
    await refused(dir, message);
  }
});

test("the version CHANGELOG.md names comes from datapackage.json only when it is a plain version", async () => {
  const dir = path.join(root, "odd-version");
  cpSync(good, dir, { recursive: true });
  const descriptor = JSON.parse(readFileSync(path.join(dir, "datapackage.json"), "utf8"));
  writeFileSync(path.join(dir, "datapackage.json"), JSON.stringify({ ...descriptor, version: "1.0.0\n## injected" }));
  const r = await run(["release", "--version", "1.1.0", "--out", out, "--previous", dir], { cwd: root });
  assert.is(r.code, 0, r.stderr);
  const log = readFileSync(path.join(out, "eventwire-1.1.0", "eventwire-1.1.0", "CHANGELOG.md"), "utf8");
  assert.match(log, /Changes since odd-version\./);
  assert.not.match(log, /injected/);
  assert.not.ok(existsSync(path.join(out, ".eventwire-1.1.0.previous-" + process.pid)));
  rmSync(path.join(out, "eventwire-1.1.0"), { recursive: true });
});

test("a plain .tar, a link named on the command line, and the set folder are read like the .tar.gz and the release folder", async () => {
  const plain = path.join(root, "plain.tar");
  execFileSync("tar", ["-cf", plain, "-C", path.dirname(good), path.basename(good)]);
  symlinkSync(good, path.join(root, "latest"));
  for (const previous of [plain, path.join(root, "latest"), path.join(out, "eventwire-1.0.0")]) {
    const r = await run(["release", "--version", "1.1.0", "--out", out, "--previous", previous], { cwd: root });
    assert.is(r.code, 0, r.stderr);
    assert.match(readFileSync(path.join(out, "eventwire-1.1.0", "eventwire-1.1.0", "CHANGELOG.md"), "utf8"), /Changes since 1\.0\.0\.\n[\s\S]*No event changed\./);
    rmSync(path.join(out, "eventwire-1.1.0"), { recursive: true });
  }
});

test.run();
