/**
 * The previous release a new one is compared with (`release --previous`):
 * its folder, or its archive (.tar.gz or .tar). Nothing of it is trusted.
 *
 * - A folder: events.jsonl, datapackage.json and schema/<kind>.schema.json are
 *   opened without following links and without blocking on a FIFO, each up to
 *   a limit (core/regular-file.ts). The path given on the command line is
 *   taken as the person wrote it (a link to a release folder is followed, as
 *   `tar -C` or `find -H` would); nothing inside it is.
 * - An archive: read as a stream, never unpacked as a whole. Only those same
 *   entries are written out, into a scratch folder the caller owns; the
 *   unpacked stream is capped (at 100 times the archive's size, at least
 *   64 MiB: a release compresses some 6 to 12 times, a gzip bomb a thousand);
 *   symbolic links, hard links, devices, FIFOs, paths with `..` or a leading
 *   `/`, an entry twice, and more than one top folder refuse the archive (a
 *   second top folder once made every event look "added"). Any error of the
 *   tar or gzip reader becomes a message naming the archive.
 */
import { closeSync, constants, createReadStream, fstatSync, lstatSync, mkdirSync, openSync, readSync, writeSync } from "node:fs";
import path from "node:path";
import { createGunzip } from "node:zlib";
import * as tar from "tar";
import { RECORD_KINDS, type RecordKind } from "../../schema/versions.ts";
import { fsUsageError } from "../core/fs-errors.ts";
import { isUsageError, UsageError } from "../core/io.ts";
import { existsOrLink, openRegular, readRegular } from "../core/regular-file.ts";

/** A previous release, opened: what CHANGELOG.md and changes.csv need of it. */
export interface PreviousRelease {
  /** The version CHANGELOG.md names ("Changes since ..."). */
  version: string;
  /** Its events.jsonl, open (a regular file, checked), and the name messages give it. */
  events: { fd: number; name: string };
  /** Its JSON Schema texts by record kind (absent when it has none). */
  schemas: Partial<Record<RecordKind, string>>;
  /** Closes its events.jsonl. */
  close(): void;
}

const LABEL = "--previous";
/** datapackage.json and each schema are small files: a release's are some kilobytes. */
const SMALL_FILE_BYTES = 16 << 20;
/** Bytes the archive itself may have. */
const MAX_ARCHIVE_BYTES = 64 * 2 ** 30;
/** Bytes of unpacked stream an archive may give: this many times its own size ... */
export const UNPACKED_RATIO = 100;
/** ... and at least this many. */
export const UNPACKED_FLOOR = 64 << 20;
/** The entry types an archive of a release holds. */
const PLAIN_TYPES = new Set(["File", "OldFile", "ContiguousFile", "Directory"]);

/** Text from the previous release that goes into CHANGELOG.md: one short line of plain characters, or nothing. */
const SAFE_VERSION = /^[0-9A-Za-z][0-9A-Za-z.+_-]{0,63}$/;

/** Reads what is needed of a release folder (the real folder or the scratch copy of an archive's entries). */
function fromFolder(folder: string, name: string, shown: string): PreviousRelease {
  const opened = openRegular(folder, "events.jsonl", Number.MAX_SAFE_INTEGER, LABEL, true);
  if (!opened) throw new UsageError(`${LABEL}: \`${shown}\` is not a release folder or archive (it holds no events.jsonl)`);
  try {
    const schemas: Partial<Record<RecordKind, string>> = {};
    for (const kind of RECORD_KINDS) {
      const text = readRegular(folder, `schema/${kind}.schema.json`, SMALL_FILE_BYTES, LABEL, true);
      if (text !== undefined) schemas[kind] = text;
    }
    let version: unknown;
    const descriptor = readRegular(folder, "datapackage.json", SMALL_FILE_BYTES, LABEL, true);
    try {
      version = descriptor === undefined ? undefined : (JSON.parse(descriptor) as { version?: unknown } | null)?.version;
    } catch {
      version = undefined;
    }
    const fallback = name.replace(/^eventwire-/, "");
    const chosen = typeof version === "string" && SAFE_VERSION.test(version) ? version : SAFE_VERSION.test(fallback) ? fallback : "the previous release";
    return { version: chosen, events: { fd: opened.fd, name: `${shown} events.jsonl` }, schemas, close: () => closeSync(opened.fd) };
  } catch (error) {
    closeSync(opened.fd);
    throw error;
  }
}

/** The parts of an entry's path, or a reason it is refused. */
function entryParts(raw: string): string[] | string {
  if (raw.includes("\\") || raw.includes("\0")) return "has a backslash or NUL in its path";
  if (raw.startsWith("/")) return "has an absolute path";
  const parts = raw.replace(/\/+$/, "").split("/");
  if (parts.some((p) => p === "" || p === "." || p === "..")) return "has an empty, `.` or `..` part in its path";
  return parts;
}

/** The entries of a release wanted from its archive: their path under the top folder, and the name they get in the scratch folder. */
const WANTED = new Map<string, { as: string; limit: number }>([
  ["events.jsonl", { as: "events.jsonl", limit: Number.MAX_SAFE_INTEGER }],
  ["datapackage.json", { as: "datapackage.json", limit: SMALL_FILE_BYTES }],
  ...RECORD_KINDS.map((k): [string, { as: string; limit: number }] => [`schema/${k}.schema.json`, { as: `schema/${k}.schema.json`, limit: SMALL_FILE_BYTES }]),
]);

/**
 * Streams an archive and writes the wanted entries into `scratch` (a new,
 * empty folder). Returns the name of the archive's one top folder. Takes
 * `fd` over: it is closed when this returns or throws.
 */
async function unpackWanted(fd: number, size: number, scratch: string, shown: string): Promise<string> {
  const cap = Math.max(UNPACKED_FLOOR, size * UNPACKED_RATIO);
  const refuse = (why: string) => new UsageError(`${LABEL}: \`${shown}\` is not a release archive: ${why}`);
  mkdirSync(path.join(scratch, "schema"), { recursive: true });
  let top: string | undefined;
  let failure: Error | undefined;
  const fail = (error: Error): false => {
    failure ??= error;
    return false;
  };
  const written = new Set<string>();
  const parser = new tar.Parser({
    strict: true,
    onReadEntry: (entry) => {
      // An entry not read is drained (the parser waits for each entry to end before the next).
      if (!take(entry)) entry.resume();
    },
  });
  const take = (entry: tar.ReadEntry): boolean => {
    if (failure) return false;
    const parts = entryParts(entry.path);
    const where = `entry \`${entry.path.slice(0, 200)}\``;
    if (typeof parts === "string") return fail(refuse(`${where} ${parts}`));
    if (entry.type === "SymbolicLink" || entry.type === "Link") return fail(refuse(`${where} is a ${entry.type === "Link" ? "hard" : "symbolic"} link; a release holds none`));
    if (!PLAIN_TYPES.has(entry.type)) return fail(refuse(`${where} is a ${entry.type} entry; a release holds only files and folders`));
    if (top === undefined) top = parts[0];
    else if (parts[0] !== top) return fail(refuse(`it has more than one top folder (\`${top.slice(0, 100)}\` and \`${parts[0]!.slice(0, 100)}\`); a release archive holds one`));
    if (parts.length === 1 && entry.type !== "Directory") return fail(refuse(`${where} is a file at the top; a release archive holds one folder`));
    const rel = parts.slice(1).join("/");
    const wanted = entry.type === "Directory" ? undefined : WANTED.get(rel);
    if (!wanted) return false;
    if (written.has(rel)) return fail(refuse(`${where} appears twice`));
    written.add(rel);
    if (entry.size > wanted.limit) return fail(refuse(`${where} is ${entry.size} bytes, more than the ${wanted.limit} read at most`));
    // A new file (O_EXCL, O_NOFOLLOW) in the scratch folder: nothing in it is replaced or followed.
    const out = openSync(path.join(scratch, wanted.as), constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o600);
    let closed = false;
    const close = () => {
      if (!closed) closeSync(out);
      closed = true;
    };
    entry.on("data", (chunk: Buffer) => {
      if (failure) return;
      try {
        for (let done = 0; done < chunk.length; ) done += writeSync(out, chunk, done);
      } catch (error) {
        fail(fsUsageError(error, path.join(scratch, wanted.as)) ?? (error as Error));
      }
    });
    entry.on("end", close);
    entry.on("error", (error: unknown) => {
      close();
      fail(error as Error);
    });
    return true;
  };
  parser.on("error", (error: Error) => fail(error));
  parser.on("warn", (_code: string, message: string | Error) => fail(typeof message === "string" ? new Error(message) : message));

  // gzip (its magic bytes) or a plain tar stream.
  const magic = Buffer.alloc(2);
  try {
    readSync(fd, magic, 0, 2, 0);
  } catch (error) {
    closeSync(fd);
    throw refuse(`it cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  // The stream owns the descriptor from here, and closes it (waited for below).
  const source = createReadStream("", { fd, start: 0, autoClose: true, highWaterMark: 1 << 20 });
  const stream = magic[0] === 0x1f && magic[1] === 0x8b ? source.pipe(createGunzip({ chunkSize: 1 << 20 })) : source;
  source.on("error", (error) => stream.destroy(error));
  let unpacked = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      unpacked += chunk.length;
      if (unpacked > cap) throw refuse(`it unpacks to more than ${cap} bytes (${UNPACKED_RATIO} times its size, at least ${UNPACKED_FLOOR}); read no further`);
      parser.write(chunk);
      if (failure) throw failure;
    }
    const ended = new Promise<void>((resolve) => {
      parser.once("end", resolve);
      parser.once("close", resolve);
      parser.once("error", () => resolve());
    });
    parser.end();
    await ended;
    if (failure) throw failure;
  } catch (error) {
    if (isUsageError(error)) throw error;
    throw refuse(`${(error as Error).message ?? String(error)}`);
  } finally {
    // The descriptor is closed, and no read is pending, once this returns.
    if (stream !== source) stream.destroy();
    if (!source.closed) {
      const closed = new Promise<void>((resolve) => source.once("close", () => resolve()));
      source.destroy();
      await closed;
    }
  }
  if (top === undefined) throw refuse("it holds no entry");
  return top;
}

/**
 * Opens `given` (resolved against `cwd`) as a previous release. An archive's
 * wanted entries are written into `scratch`, which the caller removes.
 */
export async function openPrevious(given: string, cwd: string, scratch: string): Promise<PreviousRelease> {
  const resolved = path.resolve(cwd, given);
  let stat;
  try {
    stat = lstatSync(resolved);
    // The path given is followed once (a link named on the command line is the person's choice).
    if (stat.isSymbolicLink()) stat = fstatOf(resolved);
  } catch (error) {
    if (isUsageError(error)) throw error;
    throw new UsageError(`${LABEL}: \`${given}\` does not exist or cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  if (stat.isDirectory()) {
    // A release set (dist/eventwire-<v>/) holds the release folder of the same name: that is the one read.
    const inner = path.join(resolved, path.basename(resolved));
    if (!existsOrLink(path.join(resolved, "events.jsonl")) && isRealFolder(inner)) return fromFolder(inner, path.basename(inner), path.join(given, path.basename(inner)));
    return fromFolder(resolved, path.basename(resolved), given);
  }
  const opened = openRegular(path.dirname(resolved), path.basename(resolved), MAX_ARCHIVE_BYTES, LABEL, false, true)!;
  const top = await unpackWanted(opened.fd, opened.size, scratch, given);
  return fromFolder(scratch, top, given);
}

function isRealFolder(file: string): boolean {
  try {
    return lstatSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** The stat of what a link named on the command line points to. */
function fstatOf(file: string) {
  const fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    return fstatSync(fd);
  } finally {
    closeSync(fd);
  }
}
