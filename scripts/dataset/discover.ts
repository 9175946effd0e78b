/** Finds the files of a dataset and says what kind of record each one holds. */
import { inlineValue } from "../core/escape.ts";
import { lstatSync, readdirSync, readlinkSync, realpathSync, statSync, type Dirent } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { UsageError } from "../core/io.ts";
import type { RecordKind } from "../../schema/index.ts";
import { CODINGS_FOLDER, coderOf, filesOfKind, PackedListing, pathAt, type DatasetFile, type Files, type PackedListingBuilder } from "./listing.ts";
import { globFailure, limitPatterns } from "./patterns.ts";
import { describeError, notRegular } from "../core/regular-file.ts";

// picomatch (the matcher fast-glob itself uses) ships no types; these are the calls made of it.
const picomatch = createRequire(import.meta.url)("picomatch") as ((glob: string | string[], options?: { dot?: boolean; flags?: string }) => (path: string) => boolean) & {
  scan(glob: string): { base: string; isGlob: boolean };
};
// braces: bash's brace expansion, as fast-glob makes it (through micromatch) before it matches; picomatch alone reads `{2022..2024}` as `[2022-2024]`.
const braces = createRequire(import.meta.url)("braces") as (glob: string, options: { expand: true; nodupes: true; keepEscaping: true }) => string[];

/**
 * A matcher of a glob as bash and fast-glob read it: braces expanded first
 * (limitPatterns has counted them); `s`: a `*` matches a name holding a
 * newline too. What the libraries throw on the pattern (`pattern`: as given)
 * is a usage error naming it (globFailure).
 */
function globMatcher(posix: string, pattern: string): (rel: string) => boolean {
  try {
    return picomatch(braces(posix, { expand: true, nodupes: true, keepEscaping: true }), { dot: true, flags: "s" });
  } catch (error) {
    globFailure([pattern], error);
  }
}

// Defined beside the listing that holds them; said here too, where most callers look for it.
export type { DatasetFile } from "./listing.ts";
export { CODINGS_FOLDER, coderOf } from "./listing.ts";

export const RECORD_FOLDERS: Readonly<Record<RecordKind, string>> = {
  event: "data/events",
  actor: "data/actors",
  outlet: "data/outlets",
};

/**
 * The folder of an event, from its start date: data/events/YYYY/MM (January
 * for a date of year precision); with `coder`, the same months under
 * data/codings/<coder>/. The file-name rule holds every event and coding to it.
 */
export function eventFolder(start: string, coder?: string): string {
  const base = coder === undefined ? RECORD_FOLDERS.event : `${CODINGS_FOLDER}/${coder}`;
  return `${base}/${start.slice(0, 4)}/${start.length >= 7 ? start.slice(5, 7) : "01"}`;
}

/** The id a record's file name gives (`data/events/YYYY/MM/<id>.yaml` -> `<id>`). */
export function idFromPath(file: string): string {
  const name = file.slice(file.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(0, dot) : name;
}

/** Where a dataset file is on disk. */
export function absolutePath(file: DatasetFile): string {
  // The listings' own paths are plain relative ones: joined without path.resolve's work (it runs once a file read).
  return path.sep === "/" && !file.path.startsWith("/") && !file.path.startsWith("../") ? `${file.root}/${file.path}` : path.resolve(file.root, file.path);
}

/** Orders dataset files (or anything with a path) by path, code unit by code unit: how every listing is sorted. */
export function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/**
 * The places of `files` in the order of the ids their names give (a release
 * writes records in id order): numbers, not objects, at a million files.
 */
export function idOrder(files: Files): Uint32Array {
  const places = new Uint32Array(files.length).map((_, i) => i);
  // Ids of up to 14 ASCII characters (every minted id) sort as two numbers, 7 characters of 7 bits each:
  // no string is held for each file while the places are sorted. Any other id (a registry's long slug,
  // which are few) is compared as its string with any id.
  const high = new Float64Array(files.length);
  const low = new Float64Array(files.length);
  const unpacked = new Uint8Array(files.length);
  for (let i = 0; i < files.length; i++) if (!packId(idFromPath(pathAt(files, i)), high, low, i)) unpacked[i] = 1;
  return places.sort((a, b) => {
    if ((unpacked[a]! | unpacked[b]!) === 0) return high[a]! - high[b]! || low[a]! - low[b]! || a - b;
    const x = idFromPath(pathAt(files, a));
    const y = idFromPath(pathAt(files, b));
    return x < y ? -1 : x > y ? 1 : a - b;
  });
}

/**
 * Writes an id as two numbers that sort as the id does, code unit by code
 * unit (a shorter id first, as no character is 0); false when it does not fit.
 */
function packId(id: string, high: Float64Array, low: Float64Array, at: number): boolean {
  if (id.length > 14) return false;
  let h = 0;
  let l = 0;
  for (let i = 0; i < 14; i++) {
    const c = i < id.length ? id.charCodeAt(i) : 0;
    if (c >= 128 || (c === 0 && i < id.length)) return false;
    if (i < 7) h = h * 128 + c;
    else l = l * 128 + c;
  }
  high[at] = h;
  low[at] = l;
  return true;
}

/** Items in the order of the ids their files' names give. */
export function sortedById<T>(items: readonly T[], fileOf: (item: T) => DatasetFile): T[] {
  return Array.from(idOrder(items.map(fileOf)), (i) => items[i]!);
}

/** A character code in ASCII lower case (a letter's; what `/i` matches for these letters, and nothing else). */
const lower = (code: number) => code | 0x20;

/**
 * The record format a file name's extension gives: `.json`, `.yaml` or `.yml`
 * in any case (as /\.(?:(ya?ml)|json)$/i), else null. Read from the last
 * characters' codes: it runs three times a file in a run (the listing, a
 * batch's packing, the worker's entry), and the regex scanned each path from
 * its start (100k paths: 6.5 ms -> 2.1 ms warm, 103 -> 24 ms cold; the same
 * answer on every string of up to five characters of `.jJsSoOnNyYaAmMlLx`,
 * U+017F, U+212A, U+0130, U+0131, U+00A0 and `z` after six prefixes).
 */
export function formatOf(file: string): "yaml" | "json" | null {
  const n = file.length;
  if (n >= 5 && file.charCodeAt(n - 5) === 0x2e) {
    const a = lower(file.charCodeAt(n - 4));
    const b = lower(file.charCodeAt(n - 3));
    const c = lower(file.charCodeAt(n - 2));
    const d = lower(file.charCodeAt(n - 1));
    if (a === 0x6a && b === 0x73 && c === 0x6f && d === 0x6e) return "json";
    if (a === 0x79 && b === 0x61 && c === 0x6d && d === 0x6c) return "yaml";
  }
  if (n >= 4 && file.charCodeAt(n - 4) === 0x2e && lower(file.charCodeAt(n - 3)) === 0x79 && lower(file.charCodeAt(n - 2)) === 0x6d && lower(file.charCodeAt(n - 1)) === 0x6c) return "yaml";
  return null;
}

/** The record kind a path holds, judged by its folder under `data/` (a coder's folder under data/codings/ holds events). */
export function kindOf(relative: string): RecordKind | null {
  for (const [prefix, kind] of PREFIXES) if (relative.startsWith(prefix)) return formatOf(relative) !== null ? kind : null;
  if (coderOf(relative) !== undefined) return formatOf(relative) !== null ? "event" : null;
  return null;
}

const PREFIXES = (Object.entries(RECORD_FOLDERS) as [RecordKind, string][]).map(([kind, folder]) => [`${folder}/`, kind] as const);

/** The listing entry of a path under `root` (its kind and format judged by its folder and extension). */
export function toDatasetFile(root: string, relative: string): DatasetFile {
  const rel = relative.split(path.sep).join("/");
  return { path: rel, root, kind: kindOf(rel), format: formatOf(rel) };
}

/**
 * Lists files under `root`. With no patterns, every file under `data/`.
 * Patterns are globs or plain paths, relative to `cwd`; a folder stands for
 * everything under it. Every pattern is walked as the whole of data/ is
 * (listData): the same entries for the same files, whatever the mode (a name
 * holding a newline included), each folder that cannot be listed and each
 * path that is no regular file an entry of its own. Sorted by path.
 */
export async function discover(root: string, patterns: readonly string[] = [], cwd = root): Promise<DatasetFile[]> {
  if (patterns.length === 0) return [...listData(root)];
  // Brace expansion is counted before any is made (see patterns.ts).
  limitPatterns(patterns);
  const linkedAncestor = linkedAncestors(root);
  const found = new Map<string, DatasetFile>();
  const keep = (file: DatasetFile) => {
    if (!found.has(file.path)) found.set(file.path, file);
  };
  for (const p of patterns) {
    const posix = path.relative(root, path.resolve(cwd, p)).split(path.sep).join("/");
    if (posix === ".." || posix.startsWith("../") || path.isAbsolute(posix)) throw new UsageError(`${inlineValue(p)} is outside the dataset (${root})`);
    // A path that exists is taken as it is written (a file may be named `a[1].yaml`); else a glob is a glob.
    const stats = lstatOrUndefined(path.join(root, posix), p);
    const scan = picomatch.scan(posix);
    if (stats === undefined && scan.isGlob) {
      // A glob under a linked folder stands for that folder's link: the walk never goes through it.
      const link = linkedAncestor(`${scan.base}/x`);
      if (link !== undefined) {
        keep(entriesAt(root, [link])[0] ?? toDatasetFile(root, link));
        continue;
      }
      const isMatch = globMatcher(posix, p);
      for (const f of listFrom(root, scan.base)) if (isMatch(f.path)) keep(f);
      continue;
    }
    // Not there (nothing to list), or there but out of reach (an entry that says so).
    if (stats === undefined) {
      for (const f of entriesAt(root, [posix])) keep(f);
      continue;
    }
    // A path through a linked folder (`data/linked/x.yaml`) stands for that folder's link: never followed.
    const link = linkedAncestor(posix);
    if (link !== undefined) {
      keep(entriesAt(root, [link])[0] ?? toDatasetFile(root, link));
      continue;
    }
    // lstat: a symbolic link given by name is listed as the link itself, never followed.
    if (stats.isDirectory()) for (const f of listFrom(root, posix)) keep(f);
    else for (const f of entriesAt(root, [posix])) keep(f);
  }
  return [...found.values()].sort(byPath);
}

function lstatOrUndefined(absolute: string, pattern: string): ReturnType<typeof lstatSync> | undefined {
  try {
    return lstatSync(absolute);
  } catch (error) {
    // A name no file system allows is a mistake on the command line (exit 2), not a file out of reach.
    if ((error as NodeJS.ErrnoException).code === "ENAMETOOLONG") globFailure([pattern], error);
    return undefined;
  }
}

/**
 * The entries under a folder given on the command line, walked as listData
 * walks data/: the root itself, or a folder above data/, stands for data/.
 */
function listFrom(root: string, rel: string): DatasetFile[] {
  if (rel === "" || rel === ".") return [...listData(root)];
  const listing = PackedListing.builder(root);
  walkInto(listing, root, rel);
  return [...listing.done()];
}

/**
 * The record files a command that rewrites records works on (`format`,
 * `migrate`): all of data/ without patterns; a pattern that matches no record
 * is a usage error. A file or folder that could not be listed or reached
 * (marked `unread`) and a record that is a symbolic link are among them:
 * readOriginal refuses them, so the command says so rather than pass over them.
 */
export async function discoverRecords(root: string, patterns: readonly string[], cwd: string): Promise<DatasetFile[]> {
  // A folder that cannot be listed stays in: the command says it was not done, rather than passing over it.
  const files = (await discover(root, patterns, cwd)).filter((f) => (f.kind !== null && f.format !== null) || f.unread?.problem === "unreadable");
  if (patterns.length > 0 && files.length === 0) throw new UsageError(`no records match ${patterns.map(inlineValue).join(", ")}`);
  return files;
}

/**
 * Whether a dataset path is selected by the paths and globs given on the
 * command line (as discover reads them): for files that no longer exist, such
 * as those `--changed` finds deleted.
 */
export function pathSelector(root: string, patterns: readonly string[], cwd = root): (rel: string) => boolean {
  limitPatterns(patterns);
  const matchers = patterns.map((p) => {
    const posix = path.relative(root, path.resolve(cwd, p)).split(path.sep).join("/");
    if (/[*?[\]{}()!]/.test(p)) {
      const isMatch = globMatcher(posix, p);
      return (rel: string) => isMatch(rel);
    }
    return (rel: string) => rel === posix || posix === "" || rel.startsWith(`${posix}/`);
  });
  return (rel) => matchers.some((m) => m(rel));
}

/**
 * Every file and symbolic link under data/, sorted by path: the listing every
 * run needs, walked with readdir (about three times faster than a glob here)
 * and packed (see listing.ts). `skip`: a folder left out, with everything under it.
 */
export function listData(root: string, skip?: string): PackedListing {
  const listing = PackedListing.builder(root);
  const failed = walkInto(listing, root, "data", skip);
  if (failed) throw new UsageError(`cannot list ${path.join(root, "data")}: ${describeError(failed.error)}`);
  return listing.done();
}

/**
 * Adds every entry under the folder `start` to `listing`, in path order: files
 * and symbolic links (never followed); a folder that cannot be listed, and
 * anything that is no regular file or folder (a FIFO, a device, a socket), as
 * an entry marked `unread`, so that nothing is left out without a word. The
 * error when `data` itself cannot be listed (a folder below it is an entry).
 */
function walkInto(listing: PackedListingBuilder, root: string, start: string, skip?: string): { error: unknown } | undefined {
  const unlisted = (name: string, error: unknown): NonNullable<DatasetFile["unread"]> => ({ problem: "unreadable", detail: `the folder cannot be listed (${whyUnlisted(name, error)})` });
  const walk = (rel: string): { error: unknown } | undefined => {
    if (rel === skip) return undefined;
    let entries: Dirent[];
    try {
      entries = readdirSync(path.join(root, rel), { withFileTypes: true });
    } catch (error) {
      return { error };
    }
    // Walked in path order: a folder sorts as its name and a `/` (its files' paths go on so), a file as its name.
    const keyed = entries.map((entry) => ({ entry, key: entry.isDirectory() ? `${entry.name}/` : entry.name }));
    keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    // The folder decides the kind: work it out once, not once a file.
    let folder: number | undefined;
    for (const { entry } of keyed) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) {
        const failed = walk(child);
        // The folder itself stands for what it holds: a finding, not a silent gap.
        if (failed) listing.add(listing.folder(rel, kindOf(`${rel}/x.json`)), entry.name, null, undefined, unlisted(entry.name, failed.error));
        // The files after a subfolder's come under this folder's number again.
        folder = undefined;
      } else {
        folder ??= listing.folder(rel, kindOf(`${rel}/x.json`));
        const format = formatOf(entry.name);
        if (entry.isFile()) listing.add(folder, entry.name, format);
        else if (entry.isSymbolicLink()) listing.add(folder, entry.name, format, linkTarget(root, `${root}/${child}`));
        else listing.add(folder, entry.name, format, undefined, notRegular(entry));
      }
    }
    return undefined;
  };
  const failed = walk(start);
  if (!failed || start === "data" || !start.includes("/")) return failed;
  // A folder given on the command line that cannot be listed: its entry, as a walk of data/ makes it.
  const parent = path.posix.dirname(start);
  listing.add(listing.folder(parent, kindOf(`${parent}/x.json`)), path.posix.basename(start), null, undefined, unlisted(start, failed.error));
  return undefined;
}

/** Why a folder could not be listed; a name that is not UTF-8 comes back from readdir changed (U+FFFD), and cannot be opened by it. */
function whyUnlisted(name: string, error: unknown): string {
  return (error as NodeJS.ErrnoException).code === "ENOENT" && name.includes("\ufffd") ? "its name is not valid UTF-8" : describeError(error);
}

/**
 * Every file under data/ but the events: what `validate --changed` lists
 * whole (registries, kept texts). Its events are found by an EventLocator.
 */
export function listDataWithoutEvents(root: string): DatasetFile[] {
  return [...listData(root, RECORD_FOLDERS.event)];
}

/**
 * A function that gives the first folder on a dataset path that is a symbolic
 * link (`data/linked` for `data/linked/x.yaml`), or undefined; each folder is
 * looked at once.
 */
function linkedAncestors(root: string): (rel: string) => string | undefined {
  const ancestors = new Map<string, boolean>();
  return (rel) => {
    const parts = rel.split("/");
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join("/");
      let linked = ancestors.get(dir);
      if (linked === undefined) {
        try {
          linked = lstatSync(path.join(root, dir)).isSymbolicLink();
        } catch {
          linked = false;
        }
        ancestors.set(dir, linked);
      }
      if (linked) return dir;
    }
    return undefined;
  };
}

/**
 * The entries of dataset paths that exist, as discover makes them (a symbolic
 * link is marked, never followed, and a path through a linked folder stands
 * for that folder's link); a path that is gone, or a folder, has none.
 */
export function entriesAt(root: string, paths: Iterable<string>): DatasetFile[] {
  const linkedAncestor = linkedAncestors(root);
  const found = new Map<string, DatasetFile>();
  for (const rel of paths) {
    const link = linkedAncestor(rel);
    const at = link ?? rel;
    if (found.has(at)) continue;
    let stats;
    try {
      stats = lstatSync(path.join(root, at));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT" || code === "ENOTDIR") continue;
      // There, but out of reach (a folder on its way may not be searched): said, not taken for gone.
      found.set(at, { ...toDatasetFile(root, at), unread: { problem: "unreadable", detail: describeError(error) } });
      continue;
    }
    if (stats.isDirectory()) continue;
    const file = toDatasetFile(root, at);
    if (stats.isSymbolicLink()) file.symlink = linkTarget(root, absolutePath(file));
    else if (!stats.isFile()) file.unread = notRegular(stats);
    found.set(at, file);
  }
  return [...found.values()].sort(byPath);
}

/**
 * Finds events without a listing of every one: `validate --changed` reads
 * only the events a change can collide with (see check/run.ts).
 */
export interface EventLocator {
  /** The files of one folder of events (data/events/YYYY/MM), sorted; none when it does not exist. */
  inFolder(folder: string): DatasetFile[];
  /** The event files whose file name gives one of `ids`, wherever they are, sorted. */
  withIds(ids: ReadonlySet<string>): DatasetFile[];
}

/** A locator over a listing made already (its events grouped by folder once, when first asked). */
export function locatorOfListing(listing: Files): EventLocator {
  const events = filesOfKind(listing, "event");
  let byFolder: Map<string, DatasetFile[]> | undefined;
  return {
    inFolder: (folder) => {
      if (!byFolder) {
        byFolder = new Map();
        for (const f of events) {
          const at = f.path.slice(0, f.path.lastIndexOf("/"));
          const list = byFolder.get(at);
          if (list) list.push(f);
          else byFolder.set(at, [f]);
        }
      }
      return byFolder.get(folder) ?? [];
    },
    withIds: (ids) => events.filter((f) => ids.has(idFromPath(f.path))),
  };
}

/**
 * A locator over the paths of the event files (as git lists them, tracked and
 * untracked): a folder is read when asked for, and a path found by its id is
 * checked on disk (it may be gone since git listed it).
 */
export function locatorOfPaths(root: string, listed: readonly string[]): EventLocator {
  // git lists a path once a stage while a merge is in conflict: once each here.
  const eventPaths = [...new Set(listed)];
  const linkedAncestor = linkedAncestors(root);
  // A few ids are looked for, among many paths: a substring test first, the exact id only for the paths it lets through.
  const pathsOf = (ids: ReadonlySet<string>): string[] => {
    if (ids.size === 0) return [];
    const needles = [...ids].map((id) => `/${id}.`);
    return eventPaths.filter((p) => needles.some((n) => p.includes(n)) && ids.has(idFromPath(p)));
  };
  return {
    inFolder: (folder) => {
      // A folder reached through a symbolic link is not read (a link is never followed): its link is what the dataset holds.
      if (linkedAncestor(`${folder}/x`) !== undefined) return [];
      let entries: Dirent[];
      try {
        entries = readdirSync(path.join(root, folder), { withFileTypes: true });
      } catch (error) {
        // A month with no folder has no events; one that cannot be listed is said (file-unreadable), not taken for empty.
        if ((error as NodeJS.ErrnoException).code === "ENOENT" || (error as NodeJS.ErrnoException).code === "ENOTDIR") return [];
        return [{ ...toDatasetFile(root, folder), unread: { problem: "unreadable", detail: `the folder cannot be listed (${describeError(error)})` } }];
      }
      const files: DatasetFile[] = [];
      for (const e of entries) {
        if (e.isDirectory()) continue;
        const file = toDatasetFile(root, `${folder}/${e.name}`);
        if (file.kind !== "event") continue;
        if (e.isSymbolicLink()) file.symlink = linkTarget(root, absolutePath(file));
        else if (!e.isFile()) file.unread = notRegular(e);
        files.push(file);
      }
      return files.sort(byPath);
    },
    withIds: (ids) => entriesAt(root, pathsOf(ids)).filter((f) => f.kind === "event"),
  };
}

/** Where a link points, and whether that place is inside the dataset's repository. */
function linkTarget(root: string, absolute: string): { target: string; insideRoot: boolean } {
  let target = "";
  try {
    target = readlinkSync(absolute);
  } catch {
    return { target: "(unreadable)", insideRoot: false };
  }
  let real: string;
  try {
    real = realpathSync(absolute);
  } catch {
    real = path.resolve(path.dirname(absolute), target);
  }
  let rootReal = root;
  try {
    rootReal = realpathSync(root);
  } catch {
    rootReal = root;
  }
  const rel = path.relative(rootReal, real);
  return { target, insideRoot: rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel) };
}
