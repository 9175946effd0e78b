/**
 * `validate --cache`: what checking each file gave (its FileOutcome: findings,
 * record flag, the summary rules across records compare, evidence counts, the
 * lines code frames show, and whatever else an outcome holds) kept from one
 * run to the next, so that a file that has not changed is neither read nor
 * checked again; and what the rules across records found (the memo), so that
 * a run in which no event's summary changed does not compare them again.
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
 * The rules across records are given the events' summaries and the inputs of
 * the key only (and the kept texts' problems, hashed into the memo): when every
 * target has its entry, every entry its target, and each file checked again
 * gave the summary its entry holds, they would find what the memo holds, but
 * a finding on a file checked again may have moved within it, so then they run.
 *
 * The file is text, made to be read fast, and only as far as a run needs:
 *   eventwire-cache 4                      its format (4: summaries hold the sources light)
 *   {"toolkit":...,"key":{...}}            the toolkit, the strategy, the key
 *   <bytes>                                the length of the next four parts
 *   ["data/...", ...]                      the paths, in path order
 *   ["<signature>", ...]                   their signatures
 *   [ one line an entry ]                  their outcomes without summaries (`1`, `[1,2,0]`, or JSON)
 *   {"problems":...,"findings":[...]}      the memo (`null`: none)
 *   summaries
 *   [ one line an entry ]                  their events' summaries (`0` for none)
 *   end <count>
 * A run whose summaries are not needed reads the parts before `summaries`
 * only. A cache that is not whole (another format or version, truncated, not
 * parseable, a folder, unreadable) is ignored with a warning, never trusted,
 * and written anew; but a file that does not begin as every cache does
 * (`eventwire-cache `), and is not empty, is no cache at all: it is left as it
 * is, and the run is not cached. It is written atomically at the end of a run
 * that completed, and only when it changed.
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
import type { Finding } from "../core/finding.ts";
import { RULES } from "../rules/index.ts";
import { severityOf, type FileOutcome, type RuleSettings } from "./file.ts";
import type { Loaded } from "./load.ts";
import type { WorkItems } from "./pool.ts";

export const CACHE_STRATEGIES = ["metadata", "content"] as const;
export type CacheStrategy = (typeof CACHE_STRATEGIES)[number];

/** The cache's default name, at the dataset's root (git-ignored). */
export const DEFAULT_CACHE_LOCATION = ".eventwire-cache";

/** The first line of a cache file: its format and the format's version. */
const MAGIC = "eventwire-cache 4";

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

/** The cache of a run: which targets need checking. Those that need none have been handed on already (openCache's `onHit`), without their events. */
export interface CachedRun {
  /** The targets that are checked (their outcome is not in the cache), as work items of their own. */
  pending(items: WorkItems): WorkItems;
  /** Keeps the outcome of the k-th pending target; returns that target's place among the targets. */
  checked(k: number, outcome: FileOutcome): number;
  /** Targets whose outcome came from the cache. */
  readonly hits: number;
  /**
   * What the rules across records found when they last ran, when they would find it again (after every pending
   * target was checked): the targets are the whole listing, each with its entry, every event's summary is as
   * the cache holds it, the kept texts' problems (`problems`, problemsHash) are the same, and no finding is on
   * a file checked again (its position may have moved). Undefined: the rules run (hitEvents), and keepMemo.
   */
  memo(problems: string): Finding[] | undefined;
  /** Keeps what the rules across records found in a run over the whole listing, for the next (see memo). */
  keepMemo(problems: string, findings: readonly Finding[]): void;
  /**
   * The unchanged targets' events, for the rules across records (`onEvent(i, summary)`, i the target's place).
   * Returns the places of those whose summary could not be had (the cache was found not whole): they are read.
   */
  hitEvents(onEvent: (index: number, event: EventSummary) => void): Promise<Uint32Array>;
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
  paths: readonly string[];
  /** The paths' line as read. */
  pathsText: string;
  /** Each path is in that line as itself between quotes (no escape): told by isPathsLine. */
  verbatim: boolean;
  signatures: Signatures;
  /** The outcomes without their events' summaries: a JSON array, one line an entry (each but the last ending in a comma). */
  light: string;
  /** What the rules across records found when they last ran over these entries' summaries (a line of JSON, `null` for nothing kept). */
  memo: string;
  /** The events' summaries, as `light` (0 for a file that holds no event): their section's bytes, read only when the rules across records run, or the cache is written; made text only to be parsed. */
  summaries(): Buffer;
}

const EMPTY_SECTION = "[\n\n]";
/**
 * The entries' signatures: their line of JSON as read, and where each one's text is in it (never made into a
 * hundred thousand strings: a target's signature is compared where it is). A signature is written without
 * escapes (digits, `:`, `.`; base64).
 */
interface Signatures {
  text: string;
  start: Uint32Array;
  end: Uint32Array;
}

function signatureIs(s: Signatures, e: number, sig: string): boolean {
  return s.end[e]! - s.start[e]! === sig.length && s.text.startsWith(sig, s.start[e]);
}

/** The signatures of a line of JSON as eventwire writes it (an array of strings without escapes, none empty), or undefined when it is not one. */
function parseSignatures(text: string, count: number): Signatures | undefined {
  const start = new Uint32Array(count);
  const end = new Uint32Array(count);
  if (text.charCodeAt(0) !== 0x5b /* [ */) return undefined;
  let pos = 1;
  for (let e = 0; e < count; e++) {
    if (e > 0 && text.charCodeAt(pos++) !== 0x2c /* , */) return undefined;
    if (text.charCodeAt(pos) !== 0x22 /* " */) return undefined;
    const close = text.indexOf('"', pos + 1);
    if (close <= pos + 1) return undefined;
    start[e] = pos + 1;
    end[e] = close;
    pos = close + 1;
  }
  if (pos !== text.length - 1 || text.charCodeAt(pos) !== 0x5d /* ] */ || text.includes("\\")) return undefined;
  return { text, start, end };
}

/**
 * Whether a line of JSON is the list of `paths` (each a string of the array, in order): told without parsing
 * it. A path holding `"` or `\\` (which JSON escapes) makes it false: the line is then parsed.
 */
export function isPathsLine(text: string, paths: readonly string[]): boolean {
  if (text.charCodeAt(0) !== 0x5b /* [ */) return false;
  let pos = 1;
  for (let i = 0; i < paths.length; i++) {
    const p = paths[i]!;
    if (i > 0 && text.charCodeAt(pos++) !== 0x2c /* , */) return false;
    if (text.charCodeAt(pos) !== 0x22 || !text.startsWith(p, pos + 1) || text.charCodeAt(pos + 1 + p.length) !== 0x22) return false;
    if (p.includes('"') || p.includes("\\")) return false;
    pos += p.length + 2;
  }
  return pos === text.length - 1 && text.charCodeAt(pos) === 0x5d /* ] */;
}

const NO_ENTRIES: Entries = {
  paths: [],
  pathsText: "[]",
  verbatim: true,
  signatures: { text: "[]", start: new Uint32Array(0), end: new Uint32Array(0) },
  light: EMPTY_SECTION,
  memo: "null",
  summaries: () => Buffer.from(EMPTY_SECTION),
};

/** The line before the summaries' section: the part of the file before it is all a run whose summaries are not needed reads as text. */
const SUMMARIES_LINE = "\nsummaries\n";

class CorruptCache extends Error {}

/** A cache file as read: its header, the text of what follows up to the summaries' line, and a way to the bytes after it. */
interface ReadCache {
  header: Header;
  body: string;
  /** The summaries' part, read when it is needed (from the same file: one replaced since is not whole). */
  summaries(): Buffer;
}

/** Reads a cache file; undefined (after a warning, unless there is none) when it cannot be used at all. */
function readCache(file: string, warn: (reason: string) => void): ReadCache | undefined {
  let fd: number | undefined;
  try {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
      // (A FIFO would never end the read.)
      if (!stat.isFile()) {
        warn(stat.isDirectory() ? "it is a folder, not a file" : "it is not a regular file");
        return undefined;
      }
      fd = fs.openSync(file, "r");
      stat = fs.fstatSync(fd);
    } catch (error) {
      const e = error as NodeJS.ErrnoException;
      if (e.code !== "ENOENT") warn(`it cannot be read (${e.code ?? e.message})`);
      return undefined;
    }
    // An empty file (made to hold the cache's place) is taken as no cache, quietly.
    if (stat.size === 0) return undefined;
    const readAt = (from: number, length: number): Buffer => {
      const buffer = Buffer.allocUnsafe(Math.max(0, Math.min(length, stat.size - from)));
      let got = 0;
      while (got < buffer.length) {
        const r = fs.readSync(fd!, buffer, got, buffer.length - got, from + got);
        if (r === 0) break;
        got += r;
      }
      return buffer.subarray(0, got);
    };
    const head = readAt(0, 4096).toString("utf8");
    const first = head.indexOf("\n");
    const magic = first < 0 ? head.slice(0, 60) : head.slice(0, first);
    if (magic !== MAGIC) throw new CorruptCache(magic.startsWith(CACHE_PREFIX) ? `it is of another format (${visible(magic.slice(0, 40))})` : "it is not an eventwire cache");
    const second = head.indexOf("\n", first + 1);
    let header: Header;
    try {
      header = JSON.parse(head.slice(first + 1, second < 0 ? undefined : second)) as Header;
    } catch {
      throw new CorruptCache("its header is not JSON");
    }
    const strings = (o: unknown, keys: readonly string[]) => o !== null && typeof o === "object" && keys.every((k) => typeof (o as Record<string, unknown>)[k] === "string");
    if (!strings(header, ["toolkit", "code", "node", "strategy"]) || !strings(header.key, ["settings", "schema", "registries", "texts", "today"]))
      throw new CorruptCache("its header is not one eventwire writes");
    if (header.toolkit !== toolkitVersion()) throw new CorruptCache(`it was written by eventwire ${visible(header.toolkit.slice(0, 40))}, not ${toolkitVersion()}`);
    // The third line: how many bytes the paths, signatures, light outcomes and memo take (the summaries' line follows them).
    const third = second < 0 ? -1 : head.indexOf("\n", second + 1);
    const front = third < 0 ? NaN : Number(head.slice(second + 1, third));
    // A whole cache ends with its count of entries and a line break: anything shorter was cut off.
    const tail = readAt(Math.max(0, stat.size - 24), 24).toString("latin1");
    if (!Number.isSafeInteger(front) || !/\nend \d+\n$/.test(tail)) throw new CorruptCache("it is truncated");
    const bodyStart = Buffer.byteLength(head.slice(0, third + 1));
    const marker = bodyStart + front;
    if (marker + SUMMARIES_LINE.length > stat.size || readAt(marker - 1, SUMMARIES_LINE.length).toString("latin1") !== SUMMARIES_LINE) throw new CorruptCache("its parts are not where its third line says (cut short, or edited)");
    const body = readAt(bodyStart, front).toString("utf8");
    const identity = `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
    return {
      header,
      body,
      summaries() {
        // Read again by its path when it is needed (no descriptor is held): a file replaced since is not the one read.
        let again: Buffer;
        try {
          const s = fs.statSync(file);
          if (`${s.ino}:${s.size}:${s.mtimeMs}` !== identity) throw new CorruptCache("it was replaced while the run read it");
          again = fs.readFileSync(file);
        } catch (error) {
          if (error instanceof CorruptCache) throw error;
          throw new CorruptCache(`it cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
        }
        if (again.length !== stat.size) throw new CorruptCache("it was replaced while the run read it");
        return again.subarray(marker - 1 + SUMMARIES_LINE.length);
      },
    };
  } catch (error) {
    if (!(error instanceof CorruptCache)) throw error;
    warn(error.message);
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * The entries of a cache (what follows its header), checked for form and order (not the outcomes': they are
 * checked as they are parsed); throws CorruptCache. `targets`: the run's paths (when they are the entries'
 * paths, as in most runs, the paths' line is not parsed).
 */
function parseEntries(read: ReadCache, targets: readonly string[]): Entries {
  const { body } = read;
  const a = body.indexOf("\n");
  const b = body.indexOf("\n", a + 1);
  // The light section, then the memo's line (the body ends with it).
  const close = body.indexOf("\n]\n", b + 1);
  if (a < 0 || b < 0 || close < 0 || !body.startsWith("[\n", b + 1) || !body.endsWith("\n")) throw new CorruptCache("it is truncated");
  const memo = body.slice(close + 3, -1);
  if (memo.includes("\n")) throw new CorruptCache("its outcomes are not one a file");
  const pathsText = body.slice(0, a);
  const samePaths = isPathsLine(pathsText, targets);
  let paths: unknown;
  try {
    paths = samePaths ? targets : JSON.parse(pathsText);
  } catch {
    throw new CorruptCache("its list of files is not JSON");
  }
  const strings = (x: unknown): x is string[] => Array.isArray(x) && x.every((v) => typeof v === "string" && v !== "");
  if (!strings(paths)) throw new CorruptCache("its entries are not what eventwire writes");
  const count = paths.length;
  const signatures = parseSignatures(body.slice(a + 1, b), count);
  if (!signatures) throw new CorruptCache("its entries are not what eventwire writes");
  // In path order, each path once: the order the targets are walked in (the targets' own order is checked by the run).
  if (!samePaths) for (let i = 1; i < count; i++) if (!(paths[i - 1]! < paths[i]!)) throw new CorruptCache("its entries are out of order");
  let summaries: Buffer | undefined;
  return {
    paths,
    pathsText,
    verbatim: samePaths,
    signatures,
    light: body.slice(b + 1, close + 2),
    memo,
    summaries() {
      if (summaries === undefined) {
        const bytes = read.summaries();
        const end = bytes.lastIndexOf("\nend ");
        if (end < 0 || Number(bytes.toString("latin1", end + 5, bytes.length - 1)) !== count) throw new CorruptCache("its entries are not what eventwire writes");
        const section = bytes.subarray(0, end);
        if (section.toString("latin1", 0, 2) !== "[\n" || section.toString("latin1", section.length - 2) !== "\n]") throw new CorruptCache("its outcomes are not one a file");
        summaries = section;
      }
      return summaries;
    },
  };
}

/** Where each entry's text starts and ends (its comma left out) in a section of a cache: no string made a line. */
interface LineOffsets {
  start: Uint32Array;
  end: Uint32Array;
}

function lineOffsets(section: string | Buffer, count: number): LineOffsets {
  const start = new Uint32Array(count);
  const end = new Uint32Array(count);
  const bytes = typeof section !== "string";
  let pos = 2;
  for (let e = 0; e < count; e++) {
    const nl = bytes ? section.indexOf(0x0a, pos) : section.indexOf("\n", pos);
    const last = e === count - 1;
    const before = bytes ? section[nl - 1] : section.charCodeAt(nl - 1);
    if (nl < 0 || (last ? nl !== section.length - 2 : before !== 0x2c /* , */)) throw new CorruptCache("its outcomes are not one a file");
    start[e] = pos;
    end[e] = last ? nl : nl - 1;
    pos = nl + 1;
  }
  return { start, end };
}

/** The keys of an event's summary that the short form holds (in this order): the summary of most events. */
const SHORT_EVENT = ["id", "status", "start", "type", "mode", "countries", "actors", "duplicate_of", "sources", "pages", "described"] as const;
const SHORT_EVENT_KEYS = new Set<string>(SHORT_EVENT);

/** An outcome as the cache holds it: without its event's summary (`light`), and that summary (`summary`). */
export interface EncodedOutcome {
  light: string;
  summary: string;
}

/**
 * An outcome as the cache holds it. Its light part: most outcomes (a record or not, its evidence counts, no
 * finding) as `1`, `0` or `[1,checked,notChecked]`; any other as it is, without its event. Its summary: `0` for
 * none; most as an array of values in SHORT_EVENT's order, 0 for one left out (half the size of the object,
 * parsed in half the time); any other as it is.
 */
export function encodeOutcome(o: FileOutcome): EncodedOutcome {
  const { event, ...rest } = o;
  let light: string;
  if (Object.keys(rest).every((k) => k === "record" || k === "evidence")) light = rest.evidence ? JSON.stringify([rest.record ? 1 : 0, rest.evidence[0], rest.evidence[1]]) : rest.record ? "1" : "0";
  else light = JSON.stringify(rest);
  let summary = "0";
  if (event) summary = Object.keys(event).every((k) => SHORT_EVENT_KEYS.has(k)) ? JSON.stringify(SHORT_EVENT.map((k) => event[k] ?? 0)) : JSON.stringify(event);
  return { light, summary };
}

/** The light part of an outcome as encodeOutcome wrote it (parsed), or undefined when it is none. */
function decodeLight(x: unknown): FileOutcome | undefined {
  if (x === 0 || x === 1) return { record: x === 1 };
  if (Array.isArray(x)) {
    if (x.length !== 3 || (x[0] !== 0 && x[0] !== 1) || !Number.isInteger(x[1]) || !Number.isInteger(x[2])) return undefined;
    return { record: x[0] === 1, evidence: [x[1] as number, x[2] as number] };
  }
  if (x === null || typeof x !== "object" || typeof (x as FileOutcome).record !== "boolean" || "event" in x) return undefined;
  return x as FileOutcome;
}

const RECORD: FileOutcome = Object.freeze({ record: true }) as FileOutcome;
const NOT_RECORD: FileOutcome = Object.freeze({ record: false }) as FileOutcome;

/** A light line `[r,checked,notChecked]` (r 0 or 1, the counts whole numbers of up to 9 digits) read by hand, or undefined when it is not one. */
function evidenceLine(line: string): FileOutcome | undefined {
  if (line.length < 7 || line.charCodeAt(0) !== 0x5b || line.charCodeAt(2) !== 0x2c || line.charCodeAt(line.length - 1) !== 0x5d) return undefined;
  const r = line.charCodeAt(1);
  if (r !== 0x30 && r !== 0x31) return undefined;
  const counts = [0, 0];
  let k = 0;
  let digits = 0;
  for (let i = 3; i < line.length - 1; i++) {
    const c = line.charCodeAt(i);
    if (c === 0x2c && k === 0 && digits > 0) (k = 1), (digits = 0);
    else if (c >= 0x30 && c <= 0x39 && digits < 9 && !(digits === 1 && counts[k] === 0)) (counts[k] = counts[k]! * 10 + (c - 0x30)), digits++;
    else return undefined;
  }
  if (k !== 1 || digits === 0) return undefined;
  return { record: r === 0x31, evidence: [counts[0]!, counts[1]!] };
}

/**
 * The light parts of the entries in `entryOf` (by entry), each checked before any is used, and where every
 * entry's line is. Most lines (`1`, `0`, `[1,2,0]`) are read as they are, without JSON.parse (a hundred
 * thousand small arrays made the collector's work); any other line is parsed. Throws CorruptCache.
 */
function parseLight(section: string, count: number, entryOf: Int32Array): { values: (FileOutcome | undefined)[]; lines: LineOffsets } {
  const lines = lineOffsets(section, count);
  const values: (FileOutcome | undefined)[] = new Array(count);
  // The last short line read, and its outcome: most neighbours' lines are the same (`1`, `[1,0,1]`), and share it, frozen.
  let last = "";
  let lastValue: FileOutcome | undefined;
  for (const e of entryOf) {
    if (e < 0) continue;
    const start = lines.start[e]!;
    const length = lines.end[e]! - start;
    if (length === last.length && lastValue && section.startsWith(last, start)) {
      values[e] = lastValue;
      continue;
    }
    const line = section.slice(start, start + length);
    let value: FileOutcome | undefined;
    if (line === "1") value = RECORD;
    else if (line === "0") value = NOT_RECORD;
    else if ((value = evidenceLine(line))) {
      Object.freeze(value.evidence);
      Object.freeze(value);
      last = line;
      lastValue = value;
    } else {
      let x: unknown;
      try {
        x = JSON.parse(line);
      } catch {
        throw new CorruptCache("an outcome is not JSON");
      }
      value = decodeLight(x);
    }
    if (value === undefined) throw new CorruptCache("an outcome is not one eventwire writes");
    values[e] = value;
  }
  return { values, lines };
}

/** An event's summary as encodeOutcome wrote it (parsed): null for none (0), undefined when it is no summary. */
function decodeSummary(x: unknown): EventSummary | null | undefined {
  if (x === 0) return null;
  if (Array.isArray(x)) {
    if (x.length !== SHORT_EVENT.length || typeof x[0] !== "string") return undefined;
    const event: Record<string, unknown> = { id: x[0] };
    for (let k = 1; k < SHORT_EVENT.length; k++) if (x[k] !== 0) event[SHORT_EVENT[k]!] = x[k];
    return event as unknown as EventSummary;
  }
  if (x === null || typeof x !== "object" || typeof (x as EventSummary).id !== "string") return undefined;
  return x as EventSummary;
}

/** An outcome as encodeOutcome wrote it (its two parts, parsed), or undefined when it is none. */
export function decodeOutcome(light: unknown, summary: unknown): FileOutcome | undefined {
  const o = decodeLight(light);
  const event = decodeSummary(summary);
  if (!o || event === undefined) return undefined;
  return event ? { ...o, event } : o;
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

/**
 * The share of the signatures this thread takes itself (after reading the cache) while the worker takes the
 * rest: a second worker's start, and three threads on two cores, cost more than they gave (bench/cache.ts).
 */
const METADATA_SHARE = 0.5;
const CONTENT_SHARE = 0.45;

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
 * on a chunk at a time as `each(from, signatures)`. A large run takes the
 * first part of them in a worker thread, started by this call, while this
 * thread reads the cache; this thread takes the last part (`share` of them)
 * when the function the call returns is called, and then hands on the
 * worker's as they come. The promise that function gives ends when every
 * chunk has been handed on.
 */
export function startSignatures(
  files: string[],
  strategy: CacheStrategy,
  now: number,
  workerMin = WORKER_MIN,
  share = strategy === "metadata" ? METADATA_SHARE : CONTENT_SHARE,
): (each: (from: number, signatures: string[]) => void) => Promise<void> {
  const here = (from: number, to: number) => files.slice(from, to).map((f) => (f === "" ? "" : signature(f, strategy, now)));
  if (files.length < workerMin) return async (each) => each(0, here(0, files.length));
  // The worker's part, then this thread's.
  const split = Math.ceil(files.length * (1 - share));
  const queue: { from: number; signatures: string }[] = [];
  let wake: (() => void) | undefined;
  let failed = false;
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { paths: files.slice(0, split).join("\0"), offset: 0, strategy, now, racyMs: RACY_MS, chunk: CHUNK },
  });
  worker.on("message", (m: { from: number; signatures: string }) => {
    queue.push(m);
    wake?.();
  });
  worker.once("error", () => {
    failed = true;
    wake?.();
  });
  return async (each) => {
    for (let from = split; from < files.length; from += CHUNK) each(from, here(from, Math.min(files.length, from + CHUNK)));
    const got = new Uint8Array(split);
    let done = 0;
    while (done < split && !failed) {
      if (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      for (let m; (m = queue.shift()); ) {
        const signatures = m.signatures.split("\0");
        each(m.from, signatures);
        got.fill(1, m.from, m.from + signatures.length);
        done += signatures.length;
      }
    }
    void worker.terminate();
    // A worker that failed: what it did not sign is signed here.
    if (failed) for (let i = 0; i < split; i++) if (!got[i]) each(i, here(i, i + 1));
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
 * The values of the entries in `entryOf` (by entry) of a section, each checked by `decode` before any is used
 * (a section that is not whole is not used at all): with most entries wanted (a run over the whole dataset),
 * the section is parsed at once; with a few, one line at a time. `lines`: where the section's lines are, when
 * they were looked for. Throws CorruptCache.
 */
function parseSection<T>(section: Buffer, count: number, entryOf: Int32Array, decode: (x: unknown) => T | undefined): { values: (T | undefined)[]; lines?: LineOffsets } {
  let matches = 0;
  for (const e of entryOf) if (e >= 0) matches++;
  const values: (T | undefined)[] = new Array(count);
  if (matches === 0) return { values };
  let lines: LineOffsets | undefined;
  const check = (e: number, x: unknown) => {
    const v = decode(x);
    if (v === undefined) throw new CorruptCache("an outcome is not one eventwire writes");
    values[e] = v;
  };
  if (matches * 4 >= count) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(section.toString("utf8"));
    } catch {
      throw new CorruptCache("an outcome is not JSON");
    }
    if (!Array.isArray(parsed) || parsed.length !== count) throw new CorruptCache("its outcomes are not one a file");
    for (const e of entryOf) if (e >= 0) check(e, parsed[e]);
  } else {
    lines = lineOffsets(section, count);
    for (const e of entryOf) {
      if (e < 0) continue;
      let x: unknown;
      try {
        x = JSON.parse(section.toString("utf8", lines.start[e], lines.end[e]));
      } catch {
        throw new CorruptCache("an outcome is not JSON");
      }
      check(e, x);
    }
  }
  return lines ? { values, lines } : { values };
}

/** What the rules across records found, as the cache keeps it: with a hash of the kept texts' problems (which they report), and their findings. */
interface Memo {
  problems: string;
  findings: Finding[];
}

function decodeMemo(text: string): Memo | undefined {
  let x: unknown;
  try {
    x = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (x === null || typeof x !== "object" || typeof (x as Memo).problems !== "string" || !Array.isArray((x as Memo).findings)) return undefined;
  const isFinding = (f: unknown) =>
    f !== null &&
    typeof f === "object" &&
    typeof (f as Finding).file === "string" &&
    typeof (f as Finding).rule === "string" &&
    typeof (f as Finding).message === "string" &&
    Number.isInteger((f as Finding).line) &&
    Number.isInteger((f as Finding).column) &&
    ((f as Finding).related === undefined || Array.isArray((f as Finding).related));
  return (x as Memo).findings.every(isFinding) ? (x as Memo) : undefined;
}

/** A hash of the kept texts' problems, which the rules across records report (text-manifest): a memo holds the one it was made under. */
export function problemsHash(problems: unknown): string {
  return sha1().update(JSON.stringify(problems)).digest("base64");
}

/**
 * Opens the cache for a run over `targets` (sorted by path): reads it, keeps
 * it only if it was written under the same key, and hands each target whose
 * signature is the same as its entry's on to `onHit` with the outcome the
 * entry holds (as the check would have: the target's place, and its outcome),
 * without its event's summary: those are read only when the rules across
 * records have to run again (`memo`, `hitEvents`).
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
  let lights: (FileOutcome | undefined)[] = [];
  let lightLines: LineOffsets | undefined;
  if (same) {
    try {
      entries = parseEntries(read, paths);
      matchEntries(entries, paths, files, entryOf);
      const parsed = parseLight(entries.light, entries.paths.length, entryOf);
      lights = parsed.values;
      lightLines = parsed.lines;
    } catch (error) {
      if (!(error instanceof CorruptCache)) throw error;
      warn(error.message);
      entries = NO_ENTRIES;
      entryOf.fill(-1);
      lights = [];
      lightLines = undefined;
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
      if (e >= 0 && sig !== "" && signatureIs(entries.signatures, e, sig)) {
        hit[i] = 1;
        hits++;
        onHit(i, lights[e]!);
      }
    }
  });
  lights = [];
  const misses = new Uint32Array(n - hits);
  for (let i = 0, m = 0; i < n; i++) if (!hit[i]) misses[m++] = i;
  const matched = new Uint8Array(entries.paths.length);
  let matchedCount = 0;
  for (let i = 0; i < n; i++) if (entryOf[i]! >= 0) (matched[entryOf[i]!] = 1), matchedCount++;
  // Under the whole listing, an entry no target has is a file that is gone.
  if (inputs.whole && matchedCount < entries.paths.length) dirty = true;
  const checkedLines: (EncodedOutcome | undefined)[] = new Array(n);
  // The entries of files that are not targets are kept, unless the targets are the whole listing (they are files that are gone).
  let keepOthers = !inputs.whole;
  // Whether every event's summary is what the cache's entries hold (then the memo is still what the rules across records find),
  // and the paths of the targets checked (a finding the memo holds on one of them may have moved within its file).
  let summariesSame = true;
  const checkedPaths = new Set<string>();
  // The summaries' section was found not whole: no entry is kept as it was.
  let summariesBad = false;
  let summaryLines: LineOffsets | undefined;
  /** Whether the e-th entry's summary is `text` (false when the summaries cannot be read). */
  const summaryIs = (e: number, text: string): boolean => {
    if (summariesBad) return false;
    try {
      summaryLines ??= lineOffsets(entries.summaries(), entries.paths.length);
    } catch (error) {
      if (!(error instanceof CorruptCache)) throw error;
      summariesBad = true;
      return false;
    }
    return Buffer.from(text).equals(entries.summaries().subarray(summaryLines.start[e], summaryLines.end[e]));
  };
  /**
   * The summaries of the entries in `wanted` (by entry), or undefined when the cache is found not whole only
   * now (said in a warning): then no entry is kept as it was, and what wanted them reads their files.
   */
  const summariesOf = (wanted: Int32Array): (EventSummary | null | undefined)[] | undefined => {
    try {
      const parsed = parseSection(entries.summaries(), entries.paths.length, wanted, decodeSummary);
      summaryLines ??= parsed.lines;
      return parsed.values;
    } catch (error) {
      if (!(error instanceof CorruptCache)) throw error;
      warn(error.message);
      summariesBad = true;
      keepOthers = false;
      return undefined;
    }
  };
  /** The memo made by this run (the rules across records ran over every target). */
  let memoOut: string | undefined;

  return {
    hits,
    pending: (items) => ({ length: misses.length, at: (k) => items.at(misses[k]!) }),
    checked(k, outcome) {
      const i = misses[k]!;
      const e = entryOf[i]!;
      if (e >= 0) dirty = true;
      checkedPaths.add(paths[i]!);
      let encoded: EncodedOutcome | undefined;
      try {
        // Made into text now: what the stages after the check do to the findings is none of the cache's business.
        encoded = encodeOutcome(outcome);
      } catch {
        // An outcome that is no JSON data is checked again next time.
      }
      if (!encoded || e < 0 || !summaryIs(e, encoded.summary)) summariesSame = false;
      if (signed[i] !== "" && encoded) {
        checkedLines[i] = encoded;
        dirty = true;
      }
      return i;
    },
    memo(problems) {
      // Every target has its entry, every entry its target, and no event's summary changed: the rules across records
      // would find what they found when the memo was made.
      if (!inputs.whole || !summariesSame || matchedCount !== n || matchedCount !== entries.paths.length || entries.memo === "null") return undefined;
      const memo = decodeMemo(entries.memo);
      if (!memo || memo.problems !== problems) return undefined;
      const moved = (f: Finding) => checkedPaths.has(f.file) || (f.related ?? []).some((r) => checkedPaths.has(r.file));
      if (checkedPaths.size > 0 && memo.findings.some(moved)) return undefined;
      return memo.findings;
    },
    keepMemo(problems, findings) {
      if (!inputs.whole) return;
      try {
        memoOut = JSON.stringify({ problems, findings });
      } catch {
        memoOut = undefined;
      }
      if (memoOut !== entries.memo) dirty = true;
    },
    async hitEvents(onEvent) {
      if (hits === 0) return new Uint32Array(0);
      const wanted = new Int32Array(n).fill(-1);
      for (let i = 0; i < n; i++) if (hit[i]) wanted[i] = entryOf[i]!;
      const values = summariesOf(wanted);
      if (!values) {
        // The unchanged targets are read for their summaries.
        const pending = new Uint32Array(hits);
        for (let i = 0, j = 0; i < n; i++) if (hit[i]) pending[j++] = i;
        return pending;
      }
      for (let i = 0; i < n; i++)
        if (hit[i]) {
          const event = values[entryOf[i]!];
          if (event) onEvent(i, event);
        }
      return new Uint32Array(0);
    },
    async others(list, onEvent) {
      const m = list.length;
      if (m === 0) return new Uint32Array(0);
      const otherPaths = list.map((f) => f.path);
      const otherFiles = list.map((f) => (cacheable(f) ? absolutePath(f) : ""));
      const sign = startSignatures(otherFiles, strategy, now);
      const entryOfOther = new Int32Array(m).fill(-1);
      matchEntries(entries, otherPaths, otherFiles, entryOfOther);
      const summaries = summariesOf(entryOfOther);
      // The other events are read.
      if (!summaries) entryOfOther.fill(-1);
      const parsed = summaries ?? [];
      const used = new Uint8Array(m);
      let count = 0;
      await sign((from, chunk) => {
        for (let k = 0; k < chunk.length; k++) {
          const i = from + k;
          const e = entryOfOther[i]!;
          if (e >= 0 && chunk[k] !== "" && signatureIs(entries.signatures, e, chunk[k]!)) {
            used[i] = 1;
            count++;
            const event = parsed[e];
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
      let kept: { light: LineOffsets; summary: LineOffsets } | undefined;
      try {
        if (entries.paths.length > 0 && !summariesBad) {
          const light = lightLines ?? lineOffsets(entries.light, entries.paths.length);
          summaryLines ??= lineOffsets(entries.summaries(), entries.paths.length);
          kept = { light, summary: summaryLines };
        }
      } catch (error) {
        if (!(error instanceof CorruptCache)) throw error;
        // Outcomes that parsed as a whole but are not one a line: none is kept as it was (those files are checked next time).
        keepOthers = false;
      }
      const outPaths: string[] = [];
      // Where each path's text (its quotes included) begins in the paths' line, when each is there as itself.
      let pathAt: Uint32Array | undefined;
      if (entries.verbatim) {
        pathAt = new Uint32Array(entries.paths.length + 1);
        pathAt[0] = 1;
        for (let k = 0; k < entries.paths.length; k++) pathAt[k + 1] = pathAt[k]! + entries.paths[k]!.length + 3;
      }
      const pathPieces: string[] = [];
      // The signatures' line, the light outcomes and the summaries: those kept as they were go as slices of what
      // was read (the summaries as bytes, never made text), a run of neighbours as one.
      const signaturePieces: string[] = [];
      const lightPieces: string[] = [];
      const summaryPieces: Buffer[] = [];
      let runFrom = -1;
      let runTo = -1;
      const flush = () => {
        if (runFrom >= 0) {
          // From the opening quote of the first signature to the closing one of the last: `"a","b"`.
          signaturePieces.push(entries.signatures.text.slice(entries.signatures.start[runFrom]! - 1, entries.signatures.end[runTo]! + 1));
          pathPieces.push(pathAt ? entries.pathsText.slice(pathAt[runFrom], pathAt[runTo + 1]! - 1) : JSON.stringify(entries.paths.slice(runFrom, runTo + 1)).slice(1, -1));
          lightPieces.push(entries.light.slice(kept!.light.start[runFrom], kept!.light.end[runTo]));
          summaryPieces.push(entries.summaries().subarray(kept!.summary.start[runFrom], kept!.summary.end[runTo]));
        }
        runFrom = -1;
      };
      const keep = (e: number) => {
        if (!kept) return;
        outPaths.push(entries.paths[e]!);
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
          pathPieces.push(JSON.stringify(paths[i]!));
          signaturePieces.push(JSON.stringify(signed[i]!));
          lightPieces.push(checkedLines[i]!.light);
          summaryPieces.push(Buffer.from(checkedLines[i]!.summary));
        }
      }
      othersBefore(undefined);
      flush();
      // The same files as before (only contents changed): their list is written as it was read.
      const samePaths = outPaths.length === entries.paths.length && outPaths.every((p, k) => p === entries.paths[k]);
      // The memo made by this run; else the one read, while it is still of these entries' summaries.
      // The memo is of the summaries of exactly the entries written: the one this run made, when every target is
      // written (a file modified too recently is not: were it deleted later, the memo would still hold what it
      // was compared with); else the one read, while the entries and their summaries are those it was made of.
      const memo = memoOut !== undefined && outPaths.length === n && !keepOthers ? memoOut : samePaths && summariesSame && !summariesBad ? entries.memo : "null";
      const front = `${samePaths ? entries.pathsText : `[${pathPieces.join(",")}]`}\n[${signaturePieces.join(",")}]\n[\n${lightPieces.join(",\n")}\n]\n${memo}\n`;
      const separator = Buffer.from(",\n");
      const parts: Buffer[] = [Buffer.from(`${MAGIC}\n${JSON.stringify(header)}\n${Buffer.byteLength(front)}\n${front}summaries\n[\n`)];
      summaryPieces.forEach((piece, k) => (k > 0 ? parts.push(separator, piece) : parts.push(piece)));
      parts.push(Buffer.from(`\n]\nend ${outPaths.length}\n`));
      const text = parts;
      try {
        writeFileAtomic(file, text);
      } catch (error) {
        options.warn(`The cache ${visible(file)} could not be written: ${visible((error as Error).message)}.`);
      }
    },
  };
}
