/**
 * `validate --cache`: what checking each file gave (its FileOutcome: findings,
 * record flag, the summary rules across records compare, evidence counts, the
 * lines code frames show, and whatever else an outcome holds) kept from one
 * run to the next, so that a file that has not changed is neither read nor
 * checked again. Rules across records still run every time, over every
 * event, from the summaries.
 *
 * A file's outcome depends on its bytes and on what every file's check
 * depends on: the rule settings, the schemas, the registries, the kept texts,
 * today's date (date-future) and the toolkit itself. Those make the cache's
 * key: a cache written under another key is dropped whole. A file is
 * unchanged when its signature is: its size, time of modification, inode and
 * mode (strategy `metadata`, ESLint's default), or a hash of its bytes (`content`,
 * for CI, where a fresh checkout changes every time of modification). A file
 * whose time of modification is within RACY_MS of the run is not kept: a
 * change in the same tick of the file system's clock could not be told.
 *
 * The file is text, made to be read fast: a line naming the format, a line
 * of JSON (the toolkit, the strategy, the key), the paths (in path order) as
 * one line of JSON, their signatures as another, then their outcomes as a
 * JSON array of one line an outcome (parsed at once on a full run; one at a
 * time for a few targets), then `end <count>`. A cache that is not whole
 * (another format or version, truncated, not parseable, a folder, unreadable)
 * is ignored with a warning, never trusted, and written anew; but a file that
 * does not begin as every cache does (`eventwire-cache `), and is not empty,
 * is no cache at all: it is left as it is, and the run is not cached. It is written
 * atomically at the end of a run that completed, and only when it changed.
 */
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import { Worker } from "node:worker_threads";
import path from "node:path";
import { sourcesHash } from "../../bin/sources-hash.js";
import { inlineValue, visible } from "../core/escape.ts";
import { refuseUnderData } from "../core/outside-data.ts";
import { UsageError, type CommandIO } from "../core/io.ts";
import { hash53 } from "../core/hash.ts";
import { RUNNING_FROM_BUNDLE, TOOLKIT_ROOT, toolkitVersion } from "../core/paths.ts";
import { writeFileAtomic } from "../core/write.ts";
import { absolutePath, formatOf, kindOf, type DatasetFile } from "../dataset/discover.ts";
import type { Files } from "../dataset/listing.ts";
import type { KeptText } from "../dataset/texts.ts";
import type { EventSummary } from "../rules/types.ts";
import { RULES } from "../rules/index.ts";
import { severityOf, type FileOutcome, type RuleSettings } from "./file.ts";
import type { Loaded } from "./load.ts";
import type { WorkItems } from "./pool.ts";

export const CACHE_STRATEGIES = ["metadata", "content"] as const;
export type CacheStrategy = (typeof CACHE_STRATEGIES)[number];

/** The cache's default name, at the dataset's root (git-ignored). */
export const DEFAULT_CACHE_LOCATION = ".eventwire-cache";

/** The first line of a cache file: its format and the format's version. */
const MAGIC = "eventwire-cache 1";

/** How every cache file begins, whatever the format's version: a file that does not (but an empty one) is no cache, and is never replaced. */
const CACHE_PREFIX = "eventwire-cache ";

/**
 * Whether `file` is something that is no eventwire cache, and is never replaced by one: a regular file that is
 * not empty and does not begin with CACHE_PREFIX (read: its first bytes only), one that cannot be opened to
 * tell, or anything but a regular file or a folder (a FIFO, a socket, a device: never opened). Such a thing
 * (a note, a report, a pipe) is left as it is, and the run is not cached. A folder gets a cache file inside.
 */
export function isForeignFile(file: string): boolean {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return false;
  }
  if (!stat.isFile()) return !stat.isDirectory();
  if (stat.size === 0) return false;
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch {
    return true;
  }
  try {
    const head = Buffer.alloc(CACHE_PREFIX.length);
    const got = fs.readSync(fd, head, 0, head.length, 0);
    return head.subarray(0, got).toString("latin1") !== CACHE_PREFIX;
  } catch {
    return false;
  } finally {
    fs.closeSync(fd);
  }
}

/** A file modified this close to the run (or later) is checked, not kept: file systems' clocks tick by up to 2 s (FAT), 1 s (HFS+, some network file systems). */
export const RACY_MS = 2000;

export interface CacheOptions {
  /** The cache file (see cacheFile). */
  file: string;
  strategy: CacheStrategy;
  /** Told, in a sentence, why a cache was not used or could not be written. */
  warn: (message: string) => void;
}

/** What every file's outcome depends on besides the file: the cache's key is made of it. */
export interface CacheInputs {
  settings: RuleSettings;
  today: string;
  registryLoads: readonly Loaded[];
  unlistedRegistry: readonly DatasetFile[];
  texts: ReadonlyMap<string, KeptText>;
  /** The targets are the whole listing of data/: an entry for any other path is a file that is gone. */
  whole: boolean;
}

/**
 * Where the cache is, as ESLint's --cache-location: the default file at the
 * dataset's root; a path ending in a separator, or naming a folder that
 * exists, is a folder, and the cache is a file in it named after the dataset
 * (`.eventwire-cache_<hash of its root>`), so that one folder can hold the
 * caches of several datasets.
 */
export function cacheFile(root: string, cwd: string, location: string | undefined): string {
  if (location === undefined) {
    const file = path.join(root, DEFAULT_CACHE_LOCATION);
    return isFolder(file) ? inFolder(file, root) : file;
  }
  const resolved = path.resolve(cwd, location);
  return location.endsWith("/") || location.endsWith(path.sep) || isFolder(resolved) ? inFolder(resolved, root) : resolved;
}

/**
 * validate's --cache, --cache-location and --cache-strategy: the options of
 * the cache, or undefined without --cache (the other two are checked, and do
 * nothing, as ESLint's). The cache may not be under data/, where validate
 * would find it.
 */
export function cacheOptions(
  values: { cache?: boolean; "cache-location"?: string; "cache-strategy"?: string },
  root: string,
  io: Pick<CommandIO, "cwd" | "stderr">,
): CacheOptions | undefined {
  const strategy = values["cache-strategy"] ?? "metadata";
  if (!(CACHE_STRATEGIES as readonly string[]).includes(strategy))
    throw new UsageError(`--cache-strategy must be one of ${CACHE_STRATEGIES.join(", ")}, got ${inlineValue(strategy)}`);
  const location = values["cache-location"];
  if (location === "") throw new UsageError("--cache-location needs a path");
  if (!values.cache) return undefined;
  const file = cacheFile(root, io.cwd, location);
  // On real paths: a folder linked to data/ is data/ (core/outside-data.ts).
  refuseUnderData(root, file, "--cache-location", "the cache");
  return { file, strategy: strategy as CacheStrategy, warn: (message) => void io.stderr.write(`${message}\n`) };
}

function isFolder(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function inFolder(folder: string, root: string): string {
  return path.join(folder, `${DEFAULT_CACHE_LOCATION}_${hash53(path.resolve(root)).toString(36)}`);
}

interface Header {
  toolkit: string;
  /** A fingerprint of the toolkit's code: the bundle's (build/sources.sha256), or the sources' when they run through tsx. */
  code: string;
  node: string;
  strategy: CacheStrategy;
  key: CacheKey;
}

export interface CacheKey {
  /** Every rule's severity. */
  settings: string;
  schema: string;
  registries: string;
  texts: string;
  today: string;
}

const sha1 = () => crypto.createHash("sha1");

/** The key of a run: each input hashed (or as it is, for today's date). */
export function cacheKey(inputs: Omit<CacheInputs, "whole">, schemaFolder = path.join(TOOLKIT_ROOT, "schema")): CacheKey {
  const settings = RULES.map((rule) => `${rule.meta.id}=${severityOf(rule, inputs.settings)}`).join("\n");
  const registries = sha1();
  for (const l of inputs.registryLoads) registries.update(JSON.stringify([l.file.path, l.file.symlink ?? null, l.read]) + "\n");
  for (const f of inputs.unlistedRegistry) registries.update(JSON.stringify(["unlisted", f.path]) + "\n");
  const texts = sha1();
  for (const t of [...inputs.texts.values()].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0))) texts.update(JSON.stringify([t.url, t.file, t.sha256]) + "\n");
  return {
    settings: sha1().update(settings).digest("base64"),
    schema: folderHash(schemaFolder),
    registries: registries.digest("base64"),
    texts: texts.digest("base64"),
    today: inputs.today,
  };
}

/** A hash of the paths and bytes of every file under a folder, in sorted order. */
export function folderHash(folder: string): string {
  const hash = sha1();
  const walk = (dir: string, rel: string) => {
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      hash.update(`!${rel}: ${(error as NodeJS.ErrnoException).code}\n`);
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(path.join(dir, entry.name), child);
      else if (entry.isFile()) hash.update(`${child}\0`).update(fs.readFileSync(path.join(dir, entry.name))).update("\0");
    }
  };
  walk(folder, "");
  return hash.digest("base64");
}

let codeFingerprint: string | undefined;

function code(): string {
  if (codeFingerprint === undefined) {
    // The bundle runs only while the sources still have the fingerprint it was built from (bin/eventwire.js).
    let built: string | undefined;
    try {
      if (RUNNING_FROM_BUNDLE) built = fs.readFileSync(path.join(TOOLKIT_ROOT, "build", "sources.sha256"), "utf8").trim();
    } catch {
      // A bundle started without its fingerprint beside it: the sources' own.
    }
    codeFingerprint = built ?? `sources ${sourcesHash(TOOLKIT_ROOT)}`;
  }
  return codeFingerprint;
}

/** The cache of a run: which targets need checking. Those that need none have been handed on already (openCache's `onHit`). */
export interface CachedRun {
  /** The targets that are checked (their outcome is not in the cache), as work items of their own. */
  pending(items: WorkItems): WorkItems;
  /** Keeps the outcome of the k-th pending target; returns that target's place among the targets. */
  checked(k: number, outcome: FileOutcome): number;
  /** Targets whose outcome came from the cache. */
  readonly hits: number;
  /**
   * The events read for rules across records only (a run over some paths, `files` in path order): each one
   * unchanged since its outcome was kept gives its summary from the cache (`onEvent(k, summary)`, k its place
   * in `files`). Returns the places of the others, which are read.
   */
  others(files: readonly DatasetFile[], onEvent: (k: number, event: EventSummary) => void): Promise<Uint32Array>;
  /** Writes the cache, atomically, if it changed. Never throws: a cache that cannot be written is a warning. */
  save(): void;
}

/** A cache file's entries, in path order, as columns. */
interface Entries {
  paths: string[];
  /** The paths' line as read. */
  pathsText: string;
  signatures: string[];
  /** The outcomes' part of the file: a JSON array, one line an outcome (each but the last ending in a comma). */
  outcomes: string;
}

const NO_ENTRIES: Entries = { paths: [], pathsText: "[]", signatures: [], outcomes: "[\n]" };

class CorruptCache extends Error {}

/** Reads a cache file; undefined (after a warning, unless there is none) when it cannot be used at all. */
function readCache(file: string, warn: (reason: string) => void): { header: Header; body: string } | undefined {
  let text: string;
  try {
    const stat = fs.statSync(file);
    // (A FIFO would never end the read.)
    if (!stat.isFile()) {
      warn(stat.isDirectory() ? "it is a folder, not a file" : "it is not a regular file");
      return undefined;
    }
    text = fs.readFileSync(file, "utf8");
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code !== "ENOENT") warn(`it cannot be read (${e.code ?? e.message})`);
    return undefined;
  }
  // An empty file (made to hold the cache's place) is taken as no cache, quietly.
  if (text === "") return undefined;
  try {
    const first = text.indexOf("\n");
    const magic = first < 0 ? text : text.slice(0, first);
    if (magic !== MAGIC) throw new CorruptCache(magic.startsWith(CACHE_PREFIX) ? `it is of another format (${visible(magic.slice(0, 40))})` : "it is not an eventwire cache");
    const second = text.indexOf("\n", first + 1);
    let header: Header;
    try {
      header = JSON.parse(text.slice(first + 1, second < 0 ? undefined : second)) as Header;
    } catch {
      throw new CorruptCache("its header is not JSON");
    }
    const strings = (o: unknown, keys: readonly string[]) => o !== null && typeof o === "object" && keys.every((k) => typeof (o as Record<string, unknown>)[k] === "string");
    if (!strings(header, ["toolkit", "code", "node", "strategy"]) || !strings(header.key, ["settings", "schema", "registries", "texts", "today"]))
      throw new CorruptCache("its header is not one eventwire writes");
    if (header.toolkit !== toolkitVersion()) throw new CorruptCache(`it was written by eventwire ${visible(header.toolkit.slice(0, 40))}, not ${toolkitVersion()}`);
    // A whole cache ends with its count of entries and a line break: anything shorter was cut off.
    if (second < 0 || !/\nend \d+\n$/.test(text.slice(-24))) throw new CorruptCache("it is truncated");
    return { header, body: text.slice(second + 1) };
  } catch (error) {
    if (!(error instanceof CorruptCache)) throw error;
    warn(error.message);
    return undefined;
  }
}

/** The entries of a cache's body (what follows its header), checked for form and order; throws CorruptCache. */
function parseEntries(body: string): Entries {
  const a = body.indexOf("\n");
  const b = body.indexOf("\n", a + 1);
  const end = body.lastIndexOf("\nend ");
  if (a < 0 || b < 0 || end < b) throw new CorruptCache("it is truncated");
  let paths: unknown;
  let signatures: unknown;
  try {
    paths = JSON.parse(body.slice(0, a));
    signatures = JSON.parse(body.slice(a + 1, b));
  } catch {
    throw new CorruptCache("its list of files is not JSON");
  }
  const count = Number(body.slice(end + 5, -1));
  const outcomes = body.slice(b + 1, end);
  const strings = (x: unknown): x is string[] => Array.isArray(x) && x.every((v) => typeof v === "string" && v !== "");
  if (!strings(paths) || !strings(signatures) || paths.length !== count || signatures.length !== count || !outcomes.startsWith("[\n") || !outcomes.endsWith("\n]"))
    throw new CorruptCache("its entries are not what eventwire writes");
  // In path order, each path once: the order the targets are walked in.
  for (let i = 1; i < count; i++) if (!(paths[i - 1]! < paths[i]!)) throw new CorruptCache("its entries are out of order");
  return { paths, pathsText: body.slice(0, a), signatures, outcomes };
}

/** Where each outcome's text starts and ends (its comma left out) in the outcomes' part of a cache: no string made a line. */
interface LineOffsets {
  start: Uint32Array;
  end: Uint32Array;
}

function lineOffsets(outcomes: string, count: number): LineOffsets {
  const start = new Uint32Array(count);
  const end = new Uint32Array(count);
  let pos = 2;
  for (let e = 0; e < count; e++) {
    const nl = outcomes.indexOf("\n", pos);
    const last = e === count - 1;
    if (nl < 0 || (last ? nl !== outcomes.length - 2 : outcomes.charCodeAt(nl - 1) !== 0x2c /* , */)) throw new CorruptCache("its outcomes are not one a file");
    start[e] = pos;
    end[e] = last ? nl : nl - 1;
    pos = nl + 1;
  }
  return { start, end };
}

/** The keys of an outcome, and of its event's summary, that the short form holds: the outcome of most files (no finding). */
const SHORT_OUTCOME = new Set(["record", "event", "evidence"]);
const SHORT_EVENT = ["id", "status", "start", "type", "mode", "countries", "actors", "duplicate_of"] as const;
const SHORT_EVENT_KEYS = new Set<string>(SHORT_EVENT);

/**
 * An outcome as the cache holds it: most (a record, its summary, its evidence counts, no finding) as an
 * array of values, 0 for one left out (half the size of the object, parsed in half the time); any other as it is.
 */
export function encodeOutcome(o: FileOutcome): string {
  const e = o.event;
  if (!Object.keys(o).every((k) => SHORT_OUTCOME.has(k)) || (e && !Object.keys(e).every((k) => SHORT_EVENT_KEYS.has(k)))) return JSON.stringify(o);
  const head = [o.record ? 1 : 0, o.evidence ?? 0];
  return JSON.stringify(e ? [...head, ...SHORT_EVENT.map((k) => e[k] ?? 0)] : head);
}

/** Whether a value (parsed) is an outcome as encodeOutcome writes one. */
function encoded(x: unknown): boolean {
  if (!Array.isArray(x)) return x !== null && typeof x === "object" && typeof (x as FileOutcome).record === "boolean";
  return (x.length === 2 || (x.length === 2 + SHORT_EVENT.length && typeof x[2] === "string")) && (x[0] === 0 || x[0] === 1);
}

/** An outcome as encodeOutcome wrote it (parsed), or undefined when it is no outcome. */
export function decodeOutcome(x: unknown): FileOutcome | undefined {
  if (!encoded(x)) return undefined;
  if (!Array.isArray(x)) return x as FileOutcome;
  const o: FileOutcome = { record: x[0] === 1 };
  if (x.length > 2) {
    const event: Record<string, unknown> = { id: x[2] };
    for (let k = 1; k < SHORT_EVENT.length; k++) if (x[2 + k] !== 0) event[SHORT_EVENT[k]!] = x[2 + k];
    o.event = event as unknown as EventSummary;
  }
  if (x[1] !== 0) o.evidence = x[1] as [number, number];
  return o;
}

/** Whether a target's outcome can be kept: a plain regular file as the listing makes it of its path (a link or what the listing could not read is checked every time: it costs no read). */
function cacheable(file: DatasetFile): boolean {
  return !file.symlink && !file.unread && file.kind === kindOf(file.path) && file.format === formatOf(file.path);
}

/**
 * A file's signature under a strategy, or "" when it cannot be kept: it is
 * not a regular file, is too large to hash (records are at most 1 MiB, kept
 * texts 16 MiB), or (metadata) was modified too close to `now` for its time
 * of modification to tell a later change. Self-contained, as it also runs
 * in a signature worker from its source text: it uses its arguments only.
 */
function signFile(
  nodeFs: typeof fs,
  nodeCrypto: typeof crypto,
  file: string,
  strategy: string,
  now: number,
  racyMs: number,
  state: { buffer: Buffer },
): string {
  if (strategy === "metadata") {
    const s = nodeFs.lstatSync(file, { throwIfNoEntry: false });
    if (!s || !s.isFile() || s.mtimeMs > now - racyMs) return "";
    // The mode too: a file made unreadable is checked again (and reported).
    return `${s.size}:${s.mtimeMs}:${s.ino}:${s.mode}`;
  }
  let fd: number;
  try {
    // Never through a link; O_NONBLOCK: a FIFO swapped in since the listing does not make the open wait (its read fails).
    const { O_RDONLY, O_NOFOLLOW, O_NONBLOCK } = nodeFs.constants;
    fd = nodeFs.openSync(file, O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
  } catch {
    return "";
  }
  try {
    // Read until a read falls short of the room left (the end of a regular file): for a record, one read. No fstat:
    // a folder fails to read, and anything but a regular file was refused by the listing.
    let n = 0;
    for (;;) {
      if (n === state.buffer.length) {
        if (n >= 16 * 1024 * 1024) return "";
        const grown = Buffer.allocUnsafe(n * 2);
        state.buffer.copy(grown, 0, 0, n);
        state.buffer = grown;
      }
      const room = state.buffer.length - n;
      const r = nodeFs.readSync(fd, state.buffer, n, room, null);
      n += r;
      if (r < room) break;
    }
    return nodeCrypto.createHash("sha1").update(state.buffer.subarray(0, n)).digest("base64");
  } catch {
    return "";
  } finally {
    nodeFs.closeSync(fd);
  }
}

/** A file's signature (see signFile), in this thread. */
export function signature(file: string, strategy: CacheStrategy, now: number): string {
  return signFile(fs, crypto, file, strategy, now, RACY_MS, mainState);
}

const mainState = { buffer: Buffer.allocUnsafe(64 * 1024) };

/** Below this many targets, signatures are taken in the main thread: a worker's start costs more. */
const WORKER_MIN = 2000;

/** Signatures a worker sends at a time: the main thread hands on the hits among them while the worker goes on. */
const CHUNK = 4096;

/** The signature worker: signFile over its paths (NUL-separated; "" for a target that is not kept), a chunk a message. */
const WORKER_SOURCE = `"use strict";
const { parentPort, workerData } = require("node:worker_threads");
const fs = require("node:fs");
const crypto = require("node:crypto");
const signFile = ${signFile.toString()};
const { paths, offset, strategy, now, racyMs, chunk } = workerData;
const list = paths.split("\\0");
const state = { buffer: Buffer.allocUnsafe(65536) };
for (let from = 0; from < list.length; from += chunk) {
  const out = [];
  for (let i = from; i < Math.min(list.length, from + chunk); i++) out.push(list[i] === "" ? "" : signFile(fs, crypto, list[i], strategy, now, racyMs, state));
  parentPort.postMessage({ from: offset + from, signatures: out.join("\\0") });
}`;

/**
 * Takes the signatures of `files` (absolute paths, "" for none), handing them
 * on a chunk at a time as `each(from, signatures)`. A large run takes them in
 * worker threads (for `content`, which reads every file, two) while this one
 * reads the cache: the call starts them, and the promise the function it
 * returns gives ends when every chunk has been handed on.
 */
export function startSignatures(
  files: string[],
  strategy: CacheStrategy,
  now: number,
  workerMin = WORKER_MIN,
): (each: (from: number, signatures: string[]) => void) => Promise<void> {
  const here = (from: number, to: number) => files.slice(from, to).map((f) => (f === "" ? "" : signature(f, strategy, now)));
  if (files.length < workerMin) return async (each) => each(0, here(0, files.length));
  const threads = strategy === "content" ? 2 : 1;
  const size = Math.ceil(files.length / threads);
  const queue: { from: number; signatures: string }[] = [];
  let wake: (() => void) | undefined;
  let failed = false;
  const workers = Array.from({ length: threads }, (_, t) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { paths: files.slice(t * size, (t + 1) * size).join("\0"), offset: t * size, strategy, now, racyMs: RACY_MS, chunk: CHUNK },
    });
    worker.on("message", (m: { from: number; signatures: string }) => {
      queue.push(m);
      wake?.();
    });
    worker.once("error", () => {
      failed = true;
      wake?.();
    });
    return worker;
  });
  return async (each) => {
    const got = new Uint8Array(files.length);
    let done = 0;
    while (done < files.length && !failed) {
      if (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      for (let m; (m = queue.shift()); ) {
        const signatures = m.signatures.split("\0");
        each(m.from, signatures);
        got.fill(1, m.from, m.from + signatures.length);
        done += signatures.length;
      }
    }
    for (const worker of workers) void worker.terminate();
    // A worker that failed: what it did not sign is signed here.
    if (failed) for (let i = 0; i < files.length; i++) if (!got[i]) each(i, here(i, i + 1));
  };
}

/** Each path's entry (by path order, in `entryOf`; -1: none), for the paths to sign ("" in `files`: not kept). */
function matchEntries(entries: Entries, paths: readonly string[], files: readonly string[], entryOf: Int32Array): void {
  let j = 0;
  for (let i = 0; i < paths.length; i++) {
    if (files[i] === "") continue;
    const p = paths[i]!;
    while (j < entries.paths.length && entries.paths[j]! < p) j++;
    if (j < entries.paths.length && entries.paths[j] === p) entryOf[i] = j;
  }
}

/**
 * The outcomes of the entries in `entryOf` (by entry), all checked before any
 * is used (a cache that is not whole is not used at all): with most entries
 * wanted (a run over the whole dataset), one JSON text parsed at once; with a
 * few, one line at a time. `lines`: where the outcomes' lines are, when they were looked for.
 */
function parseOutcomes(entries: Entries, entryOf: Int32Array): { outcomes: Outcomes; lines?: LineOffsets } {
  const count = entries.paths.length;
  let matches = 0;
  for (const e of entryOf) if (e >= 0) matches++;
  let raw: unknown[];
  let lines: LineOffsets | undefined;
  if (matches === 0) return { outcomes: NO_OUTCOMES };
  if (matches * 4 >= count) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(entries.outcomes);
    } catch {
      throw new CorruptCache("an outcome is not JSON");
    }
    if (!Array.isArray(parsed) || parsed.length !== count) throw new CorruptCache("its outcomes are not one a file");
    raw = parsed;
  } else {
    lines = lineOffsets(entries.outcomes, count);
    raw = new Array(count);
    for (const e of entryOf) {
      if (e < 0) continue;
      try {
        raw[e] = JSON.parse(entries.outcomes.slice(lines.start[e], lines.end[e]));
      } catch {
        throw new CorruptCache("an outcome is not JSON");
      }
    }
  }
  for (const e of entryOf) if (e >= 0 && !encoded(raw[e])) throw new CorruptCache("an outcome is not one eventwire writes");
  // Made into objects one at a time, as they are handed on: short-lived, they cost the collector little.
  const outcomes: Outcomes = { at: (e) => decodeOutcome(raw[e])! };
  return lines ? { outcomes, lines } : { outcomes };
}

/** The outcomes of a cache's entries, by entry (only those asked for were checked). */
interface Outcomes {
  at(entry: number): FileOutcome;
}

const NO_OUTCOMES: Outcomes = {
  at: () => {
    throw new Error("no outcome");
  },
};

/**
 * Opens the cache for a run over `targets` (sorted by path): reads it, keeps
 * it only if it was written under the same key, and hands each target whose
 * signature is the same as its entry's on to `onHit` with the outcome the
 * entry holds (as the check would have: the target's place, and its outcome).
 */
export async function openCache(options: CacheOptions, targets: Files, inputs: CacheInputs, onHit: (index: number, outcome: FileOutcome) => void): Promise<CachedRun | undefined> {
  const { file, strategy } = options;
  // A file that is no cache (--cache-location NOTES.md) is never overwritten: the run goes on without a cache.
  if (isForeignFile(file)) {
    options.warn(`${visible(file)} is not an eventwire cache: left as it is; the run is not cached; choose another --cache-location.`);
    return undefined;
  }
  const now = Date.now();
  const n = targets.length;
  // Each target's path, and the file to sign ("" for one that is not kept). Signatures are taken before the
  // check reads a file: a change after that is seen next time.
  const paths: string[] = new Array(n);
  const files: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const target = targets.at(i)!;
    paths[i] = target.path;
    files[i] = cacheable(target) ? absolutePath(target) : "";
  }
  const signatures = startSignatures(files, strategy, now);

  let warned = false;
  const warn = (reason: string) => {
    warned = true;
    options.warn(`The cache ${visible(file)} is not used: ${reason}. It is written anew at the end of this run.`);
  };
  const read = readCache(file, warn);
  const header: Header = { toolkit: toolkitVersion(), code: code(), node: process.version, strategy, key: cacheKey(inputs) };
  const same =
    read !== undefined &&
    read.header.code === header.code &&
    read.header.node === header.node &&
    read.header.strategy === header.strategy &&
    JSON.stringify(read.header.key) === JSON.stringify(header.key);
  // A cache that was read but is not used (another key or strategy) is replaced, as one that was not there.
  let dirty = !same;
  let entries = NO_ENTRIES;
  // Each target's entry (-1: none), and the outcomes (parsed before any is handed on: a cache that is not whole is not used at all).
  const entryOf = new Int32Array(n).fill(-1);
  let outcomes = NO_OUTCOMES;
  let lines: LineOffsets | undefined;
  if (same) {
    try {
      entries = parseEntries(read.body);
      matchEntries(entries, paths, files, entryOf);
      const parsed = parseOutcomes(entries, entryOf);
      outcomes = parsed.outcomes;
      lines = parsed.lines;
    } catch (error) {
      if (!(error instanceof CorruptCache)) throw error;
      warn(error.message);
      entries = NO_ENTRIES;
      entryOf.fill(-1);
      outcomes = NO_OUTCOMES;
      lines = undefined;
      dirty = true;
    }
  }
  const signed: string[] = new Array(n);
  const hit = new Uint8Array(n);
  let hits = 0;
  await signatures((from, chunk) => {
    for (let k = 0; k < chunk.length; k++) {
      const i = from + k;
      const sig = chunk[k]!;
      signed[i] = sig;
      const e = entryOf[i]!;
      if (e >= 0 && sig !== "" && entries.signatures[e] === sig) {
        hit[i] = 1;
        hits++;
        onHit(i, outcomes.at(e));
      }
    }
  });
  outcomes = NO_OUTCOMES;
  const misses = new Uint32Array(n - hits);
  for (let i = 0, m = 0; i < n; i++) if (!hit[i]) misses[m++] = i;
  const matched = new Uint8Array(entries.paths.length);
  for (let i = 0; i < n; i++) if (entryOf[i]! >= 0) matched[entryOf[i]!] = 1;
  // Under the whole listing, an entry no target has is a file that is gone.
  if (inputs.whole && matched.some((m) => m === 0)) dirty = true;
  const checkedLines: (string | undefined)[] = new Array(n);
  // The entries of files that are not targets are kept, unless the targets are the whole listing (they are files that are gone).
  let keepOthers = !inputs.whole;

  return {
    hits,
    pending: (items) => ({ length: misses.length, at: (k) => items.at(misses[k]!) }),
    checked(k, outcome) {
      const i = misses[k]!;
      if (entryOf[i]! >= 0) dirty = true;
      if (signed[i] !== "") {
        // Made into text now: what the stages after the check do to the findings is none of the cache's business.
        try {
          checkedLines[i] = encodeOutcome(outcome);
          dirty = true;
        } catch {
          // An outcome that is no JSON data is checked again next time.
        }
      }
      return i;
    },
    async others(list, onEvent) {
      const m = list.length;
      if (m === 0) return new Uint32Array(0);
      const otherPaths = list.map((f) => f.path);
      const otherFiles = list.map((f) => (cacheable(f) ? absolutePath(f) : ""));
      const sign = startSignatures(otherFiles, strategy, now);
      const entryOfOther = new Int32Array(m).fill(-1);
      let parsed = NO_OUTCOMES;
      try {
        matchEntries(entries, otherPaths, otherFiles, entryOfOther);
        parsed = parseOutcomes(entries, entryOfOther).outcomes;
      } catch (error) {
        if (!(error instanceof CorruptCache)) throw error;
        // Found only now: the other events are read, and the entries of no target are not kept.
        warn(error.message);
        entryOfOther.fill(-1);
        keepOthers = false;
      }
      const used = new Uint8Array(m);
      let count = 0;
      await sign((from, chunk) => {
        for (let k = 0; k < chunk.length; k++) {
          const i = from + k;
          const e = entryOfOther[i]!;
          if (e >= 0 && chunk[k] !== "" && entries.signatures[e] === chunk[k]) {
            used[i] = 1;
            count++;
            const event = parsed.at(e).event;
            if (event) onEvent(i, event);
          }
        }
      });
      const pending = new Uint32Array(m - count);
      for (let i = 0, j = 0; i < m; i++) if (!used[i]) pending[j++] = i;
      return pending;
    },
    save() {
      if (!dirty && !warned) return;
      let kept: LineOffsets | undefined;
      try {
        kept = entries.paths.length > 0 ? (lines ?? lineOffsets(entries.outcomes, entries.paths.length)) : undefined;
      } catch (error) {
        if (!(error instanceof CorruptCache)) throw error;
        // Outcomes that parsed as a whole but are not one a line: none is kept as it was (those files are checked next time).
        keepOthers = false;
      }
      const outPaths: string[] = [];
      const outSignatures: string[] = [];
      // The outcomes' texts: those kept as they were go as slices of the text read, a run of neighbours as one.
      const pieces: string[] = [];
      let runFrom = -1;
      let runTo = -1;
      const flush = () => {
        if (runFrom >= 0) pieces.push(entries.outcomes.slice(kept!.start[runFrom], kept!.end[runTo]));
        runFrom = -1;
      };
      const keep = (e: number) => {
        if (!kept) return;
        outPaths.push(entries.paths[e]!);
        outSignatures.push(entries.signatures[e]!);
        if (runFrom >= 0 && runTo === e - 1) runTo = e;
        else {
          flush();
          runFrom = runTo = e;
        }
      };
      // The targets' entries and, unless the targets are the whole listing, the other entries, merged in path order.
      let e = 0;
      const othersBefore = (p: string | undefined) => {
        for (; e < entries.paths.length && (p === undefined || entries.paths[e]! < p); e++) if (keepOthers && !matched[e]) keep(e);
      };
      for (let i = 0; i < n; i++) {
        if (!hit[i] && checkedLines[i] === undefined) continue;
        othersBefore(paths[i]);
        if (hit[i]) keep(entryOf[i]!);
        else {
          flush();
          outPaths.push(paths[i]!);
          outSignatures.push(signed[i]!);
          pieces.push(checkedLines[i]!);
        }
      }
      othersBefore(undefined);
      flush();
      // The same files as before (only contents changed): their list is written as it was read.
      const samePaths = outPaths.length === entries.paths.length && outPaths.every((p, k) => p === entries.paths[k]);
      const text = `${MAGIC}\n${JSON.stringify(header)}\n${samePaths ? entries.pathsText : JSON.stringify(outPaths)}\n${JSON.stringify(outSignatures)}\n[\n${pieces.join(",\n")}\n]\nend ${outPaths.length}\n`;
      try {
        writeFileAtomic(file, text);
      } catch (error) {
        options.warn(`The cache ${visible(file)} could not be written: ${visible((error as Error).message)}.`);
      }
    },
  };
}
