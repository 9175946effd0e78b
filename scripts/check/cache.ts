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
 * unchanged when its signature is: its size, time of modification and inode
 * (strategy `metadata`, ESLint's default), or a hash of its bytes (`content`,
 * for CI, where a fresh checkout changes every time of modification). A file
 * whose time of modification is within RACY_MS of the run is not kept: a
 * change in the same tick of the file system's clock could not be told.
 *
 * The file is text: a line naming the format, a line of JSON (the toolkit,
 * the strategy, the key), then a line a file in path order (signature, path,
 * outcome as JSON), then `end <count>`. A cache that is not one (another
 * format or version, truncated, not parseable, a folder, unreadable) is
 * ignored with a warning, never trusted, and written anew. It is written
 * atomically at the end of a run that completed, and only when it changed.
 */
import { createHash } from "node:crypto";
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readFileSync, readSync, statSync } from "node:fs";
import path from "node:path";
import { sourcesHash } from "../../bin/sources-hash.js";
import { inlineValue, visible } from "../core/escape.ts";
import { UsageError, type CommandIO } from "../core/io.ts";
import { hash53 } from "../core/hash.ts";
import { RUNNING_FROM_BUNDLE, TOOLKIT_ROOT, toolkitVersion } from "../core/paths.ts";
import { writeFileAtomic } from "../core/write.ts";
import { absolutePath, formatOf, kindOf, type DatasetFile } from "../dataset/discover.ts";
import type { Files } from "../dataset/listing.ts";
import type { KeptText } from "../dataset/texts.ts";
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

/** A file modified this close to the run (or later) is checked, not kept: file systems' clocks tick by up to 2 s (FAT), 1 s (HFS+, some network file systems). */
export const RACY_MS = 2000;

/** Files larger than this are checked every time (records are at most 1 MiB, kept texts 16 MiB). */
const MAX_HASHED_BYTES = 16 * 1024 * 1024;

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
  const inData = path.relative(path.join(root, "data"), file);
  if (!inData.startsWith("..") && !path.isAbsolute(inData))
    throw new UsageError(`--cache-location may not be under data/ (validate would check the cache as a record file): ${inlineValue(file)}`);
  return { file, strategy: strategy as CacheStrategy, warn: (message) => void io.stderr.write(`${message}\n`) };
}

function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
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

const sha1 = () => createHash("sha1");

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
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      hash.update(`!${rel}: ${(error as NodeJS.ErrnoException).code}\n`);
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(path.join(dir, entry.name), child);
      else if (entry.isFile()) hash.update(`${child}\0`).update(readFileSync(path.join(dir, entry.name))).update("\0");
    }
  };
  walk(folder, "");
  return hash.digest("base64");
}

let codeFingerprint: string | undefined;

function code(): string {
  if (codeFingerprint === undefined) {
    // The bundle runs only while the sources still have the fingerprint it was built from (bin/eventwire.js).
    const built = path.join(TOOLKIT_ROOT, "build", "sources.sha256");
    codeFingerprint = RUNNING_FROM_BUNDLE ? readFileSync(built, "utf8").trim() : `sources ${sourcesHash(TOOLKIT_ROOT)}`;
  }
  return codeFingerprint;
}

/** The cache of a run: which targets need checking, and what the others gave. */
export interface CachedRun {
  /** The targets that are checked (their outcome is not in the cache), as work items of their own. */
  pending(items: WorkItems): WorkItems;
  /** Keeps the outcome of the k-th pending target; returns that target's place among the targets. */
  checked(k: number, outcome: FileOutcome): number;
  /** Hands on each cached outcome, with its target's place. */
  replay(each: (index: number, outcome: FileOutcome) => void): void;
  /** Targets whose outcome came from the cache. */
  readonly hits: number;
  /** Writes the cache, atomically, if it changed. Never throws: a cache that cannot be written is a warning. */
  save(): void;
}

interface Entry {
  path: string;
  signature: string;
  /** The line as read, written back as it is when the file is unchanged. */
  line: string;
  outcome: string;
}

/** A path as a line holds it: as it is, unless it could be mistaken for JSON or holds a tab or line break. */
function pathField(p: string): string {
  return p.startsWith('"') || /[\t\n\r\\]/.test(p) ? JSON.stringify(p) : p;
}

class CorruptCache extends Error {}

/** Reads a cache file; undefined (after a warning, unless there is none) when it cannot be used at all. */
function readCache(file: string, warn: (reason: string) => void): { header: Header; entries: Entry[] } | undefined {
  let text: string;
  try {
    if (statSync(file).isDirectory()) {
      warn("it is a folder, not a file");
      return undefined;
    }
    text = readFileSync(file, "utf8");
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code !== "ENOENT") warn(`it cannot be read (${e.code ?? e.message})`);
    return undefined;
  }
  try {
    const lines = text.split("\n");
    if (lines[0] !== MAGIC) throw new CorruptCache(lines[0]?.startsWith("eventwire-cache ") ? `it is of another format (${lines[0]})` : "it is not an eventwire cache");
    let header: Header;
    try {
      header = JSON.parse(lines[1] ?? "") as Header;
    } catch {
      throw new CorruptCache("its header is not JSON");
    }
    if (header === null || typeof header !== "object" || typeof header.toolkit !== "string" || typeof header.key !== "object" || header.key === null)
      throw new CorruptCache("its header is not one eventwire writes");
    if (header.toolkit !== toolkitVersion()) throw new CorruptCache(`it was written by eventwire ${header.toolkit}, not ${toolkitVersion()}`);
    // A whole cache ends with its count of entries and a line break: anything shorter was cut off.
    const count = lines.length - 4;
    if (lines[lines.length - 1] !== "" || lines[lines.length - 2] !== `end ${count}`) throw new CorruptCache("it is truncated");
    const entries: Entry[] = new Array(count);
    let last = "";
    for (let i = 0; i < count; i++) {
      const line = lines[i + 2]!;
      const a = line.indexOf("\t");
      const b = a < 0 ? -1 : line.indexOf("\t", a + 1);
      if (a <= 0 || b < 0 || line.charCodeAt(b + 1) !== 0x7b /* { */) throw new CorruptCache(`line ${i + 3} is not an entry`);
      let p = line.slice(a + 1, b);
      if (p.startsWith('"')) {
        try {
          p = JSON.parse(p) as string;
        } catch {
          throw new CorruptCache(`line ${i + 3} is not an entry`);
        }
      }
      // In path order, each path once: the order the targets are walked in.
      if (typeof p !== "string" || (i > 0 && !(last < p))) throw new CorruptCache(`line ${i + 3} is out of order`);
      last = p;
      entries[i] = { path: p, signature: line.slice(0, a), line, outcome: line.slice(b + 1) };
    }
    return { header, entries };
  } catch (error) {
    if (!(error instanceof CorruptCache)) throw error;
    warn(error.message);
    return undefined;
  }
}

/** Whether a target's outcome can be kept: a plain regular file as the listing makes it of its path (a link or what the listing could not read is checked every time: it costs no read). */
function cacheable(file: DatasetFile): boolean {
  return !file.symlink && !file.unread && file.kind === kindOf(file.path) && file.format === formatOf(file.path);
}

/** A buffer for hashing, grown as needed. */
let buffer = Buffer.allocUnsafe(64 * 1024);

/**
 * A file's signature under a strategy, or undefined when it cannot be kept:
 * it is not a regular file, is too large to hash, or (metadata) was modified
 * too close to `now` for its time of modification to tell a later change.
 */
export function signature(file: string, strategy: CacheStrategy, now: number): string | undefined {
  if (strategy === "metadata") {
    const s = lstatSync(file, { throwIfNoEntry: false });
    if (!s || !s.isFile() || s.mtimeMs > now - RACY_MS) return undefined;
    return `${s.size}:${s.mtimeMs}:${s.ino}`;
  }
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch {
    return undefined;
  }
  try {
    const s = fstatSync(fd);
    if (!s.isFile() || s.size > MAX_HASHED_BYTES) return undefined;
    if (s.size + 1 > buffer.length) buffer = Buffer.allocUnsafe(Math.max(s.size + 1, buffer.length * 2));
    // Read to the end (one byte more than the size, to see a file that grew meanwhile).
    let n = 0;
    for (let r; n < buffer.length && (r = readSync(fd, buffer, n, buffer.length - n, null)) > 0; ) n += r;
    if (n === buffer.length) return undefined;
    return createHash("sha1").update(buffer.subarray(0, n)).digest("base64");
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/**
 * Opens the cache for a run over `targets` (sorted by path): reads it, keeps
 * it only if it was written under the same key, and tells each target's
 * outcome from it when the target's signature is the same.
 */
export function openCache(options: CacheOptions, targets: Files, inputs: CacheInputs): CachedRun {
  const { file, strategy } = options;
  const now = Date.now();
  let warned = false;
  const read = readCache(file, (reason) => {
    warned = true;
    options.warn(`The cache ${visible(file)} is not used: ${reason}. It is written anew at the end of this run.`);
  });
  const header: Header = { toolkit: toolkitVersion(), code: code(), node: process.version, strategy, key: cacheKey(inputs) };
  const same =
    read !== undefined &&
    read.header.code === header.code &&
    read.header.node === header.node &&
    read.header.strategy === header.strategy &&
    JSON.stringify(read.header.key) === JSON.stringify(header.key);
  let entries = same ? read.entries : [];
  // A cache that was read but is not used (another key, strategy or toolkit) is replaced, as one that was not there.
  let dirty = !same;

  // Each target's signature (taken before the check reads it: a change after is seen next time) and its entry, if any.
  const n = targets.length;
  const signatures: (string | undefined)[] = new Array(n);
  const entryOf = new Int32Array(n).fill(-1);
  let hitCount = 0;
  let j = 0;
  for (let i = 0; i < n; i++) {
    const target = targets.at(i)!;
    if (!cacheable(target)) continue;
    const sig = signature(absolutePath(target), strategy, now);
    signatures[i] = sig;
    const p = target.path;
    while (j < entries.length && entries[j]!.path < p) j++;
    if (j < entries.length && entries[j]!.path === p) {
      entryOf[i] = j;
      if (sig !== undefined && entries[j]!.signature === sig) hitCount++;
    }
  }
  // The outcomes of the hits, parsed at once (one JSON text is parsed faster than many small ones).
  const hitIndex = new Uint32Array(hitCount);
  let outcomes: FileOutcome[] = [];
  if (hitCount > 0) {
    const texts: string[] = new Array(hitCount);
    let h = 0;
    for (let i = 0; i < n; i++) {
      const e = entryOf[i]!;
      if (e >= 0 && signatures[i] !== undefined && entries[e]!.signature === signatures[i]) {
        hitIndex[h] = i;
        texts[h++] = entries[e]!.outcome;
      }
    }
    try {
      const parsed = JSON.parse(`[${texts.join(",")}]`) as unknown[];
      if (parsed.length !== hitCount || !parsed.every((o) => o !== null && typeof o === "object" && typeof (o as FileOutcome).record === "boolean")) throw new SyntaxError("not outcomes");
      outcomes = parsed as FileOutcome[];
    } catch {
      options.warn(`The cache ${visible(file)} is not used: an entry is not one eventwire writes. It is written anew at the end of this run.`);
      warned = true;
      entries = [];
      entryOf.fill(-1);
      hitCount = 0;
      dirty = true;
    }
  }
  const misses = new Uint32Array(n - hitCount);
  {
    let m = 0;
    let h = 0;
    for (let i = 0; i < n; i++) {
      if (h < hitCount && hitIndex[h] === i) h++;
      else misses[m++] = i;
    }
  }
  const checkedLines: (string | undefined)[] = new Array(n);
  const matched = new Uint8Array(entries.length);
  for (let i = 0; i < n; i++) if (entryOf[i]! >= 0) matched[entryOf[i]!] = 1;
  // Under the whole listing, an entry no target has is a file that is gone.
  if (inputs.whole && matched.some((m) => m === 0)) dirty = true;

  return {
    hits: hitCount,
    pending: (items) => ({ length: misses.length, at: (k) => items.at(misses[k]!) }),
    checked(k, outcome) {
      const i = misses[k]!;
      const sig = signatures[i];
      if (entryOf[i]! >= 0) dirty = true;
      if (sig !== undefined) {
        // Made into text now: what the stages after the check do to the findings is none of the cache's business.
        try {
          checkedLines[i] = `${sig}\t${pathField(targets.at(i)!.path)}\t${JSON.stringify(outcome)}`;
          dirty = true;
        } catch {
          // An outcome that is no JSON data is checked again next time.
        }
      }
      return i;
    },
    replay(each) {
      for (let h = 0; h < hitCount; h++) each(hitIndex[h]!, outcomes[h]!);
    },
    save() {
      if (!dirty && !warned) return;
      const out: string[] = [MAGIC, JSON.stringify(header)];
      // The targets' lines and, unless the targets are the whole listing, the other entries, merged in path order.
      let e = 0;
      const keepOthersUpTo = (p: string | undefined) => {
        for (; e < entries.length && (p === undefined || entries[e]!.path < p); e++) if (!inputs.whole && !matched[e]) out.push(entries[e]!.line);
      };
      let h = 0;
      for (let i = 0; i < n; i++) {
        const isHit = h < hitCount && hitIndex[h] === i;
        const line = isHit ? entries[entryOf[i]!]!.line : checkedLines[i];
        if (isHit) h++;
        if (line === undefined) continue;
        keepOthersUpTo(targets.at(i)!.path);
        if (e < entries.length && entries[e]!.path === targets.at(i)!.path) e++;
        out.push(line);
      }
      keepOthersUpTo(undefined);
      out.push(`end ${out.length - 2}`, "");
      try {
        writeFileAtomic(file, out.join("\n"));
      } catch (error) {
        options.warn(`The cache ${visible(file)} could not be written: ${visible((error as Error).message)}.`);
      }
    },
  };
}
