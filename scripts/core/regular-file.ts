/**
 * Reading a file the toolkit did not write (records and the rest of data/ through
 * dataset/read.ts, a previous release here): never through
 * a symbolic link, never blocking on a FIFO or a device, never more than a
 * limit. The file is opened with O_NOFOLLOW (a link in its last component
 * fails with ELOOP) and O_NONBLOCK (opening a FIFO does not wait for a
 * writer), then checked with fstat on the open descriptor, so what is read is
 * what was checked. Folders on the way are checked with lstat.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from "node:fs";
import path from "node:path";
import { fsReason } from "./fs-errors.ts";
import { UsageError } from "./io.ts";

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

type StatsLike = { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isBlockDevice(): boolean; isCharacterDevice(): boolean; isSymbolicLink(): boolean };

/** What a path is, for a message: "a FIFO (named pipe)", "a folder"... */
export function kindOfStats(stats: StatsLike): string {
  if (stats.isDirectory()) return "a folder";
  if (stats.isFIFO()) return "a FIFO (named pipe)";
  if (stats.isSocket()) return "a socket";
  if (stats.isBlockDevice()) return "a block device";
  if (stats.isCharacterDevice()) return "a character device";
  if (stats.isSymbolicLink()) return "a symbolic link";
  return "not a regular file";
}

/** What a listing or a read says of a path that is no regular file (never read): "a FIFO (named pipe), not a regular file". */
export function notRegular(stats: StatsLike): { problem: "not-regular"; detail: string } {
  return { problem: "not-regular", detail: `${kindOfStats(stats)}, not a regular file` };
}

/** An error of the file system as a short message: its code and what it means ("EACCES: permission denied"), in fs-errors.ts's words. */
export function describeError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  const reason = fsReason(e);
  if (e.code !== undefined && reason !== undefined) return `${e.code}: ${reason}`;
  const message = String(e.message ?? e);
  // Node's messages end with the syscall and the path ("EACCES: permission denied, open '/x'"): the path is the caller's.
  const comma = message.indexOf(", ");
  return comma > 0 && e.code !== undefined ? message.slice(0, comma) : message;
}

/** Why a file was not opened: a link (never followed), not a regular file (never read), over the limit, or an error (`code`). */
export type OpenRefusal = { problem: "symlink" | "not-regular" | "too-large" | "unreadable"; detail: string; code?: string };

/**
 * The one way the toolkit opens a file it did not write (records, registries,
 * kept texts, the manifest, a previous release): O_NOFOLLOW (a link as the
 * last part of the path fails with ELOOP, or EMLINK on FreeBSD, rather than
 * being followed), O_NONBLOCK (opening a FIFO does not wait for a writer),
 * then fstat on the descriptor (no race with the path): anything but a
 * regular file of at most `limit` bytes is closed unread. `followLast`: a
 * link as the file itself is followed (a path a person typed).
 */
export function openNoFollow(absolute: string, limit: number, followLast = false): { fd: number; size: number } | OpenRefusal {
  const fd = openOnly(absolute, followLast);
  if (typeof fd !== "number") return fd;
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return refuse(fd, notRegular(stats));
    if (stats.size > limit) return refuse(fd, { problem: "too-large", detail: `${stats.size} bytes; the limit is ${limit}` });
    return { fd, size: stats.size };
  } catch (error) {
    return refuse(fd, { problem: "unreadable", detail: describeError(error), code: (error as NodeJS.ErrnoException).code });
  }
}

/**
 * Opens a file that a listing of its folder just found to be a regular file
 * (readdir's entry type), without the fstat: O_NOFOLLOW and O_NONBLOCK as
 * openNoFollow, so that even a file swapped for something else since the
 * listing cannot make the open follow a link or wait on a FIFO; the caller
 * reads at most its limit + 1 bytes, which bounds a device, and a folder
 * fails to read (EISDIR). Measured: the fstat cost about 0.9 s of CPU a 100k
 * records (one system call of four a file).
 */
export function openListedRegular(absolute: string): { fd: number } | OpenRefusal {
  const fd = openOnly(absolute, false);
  return typeof fd === "number" ? { fd } : fd;
}

function openOnly(absolute: string, followLast: boolean): number | OpenRefusal {
  try {
    return openSync(absolute, followLast ? OPEN_FLAGS & ~(constants.O_NOFOLLOW ?? 0) : OPEN_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ELOOP" || code === "EMLINK") return { problem: "symlink", detail: "a symbolic link (not followed)", code };
    return { problem: "unreadable", detail: describeError(error), code };
  }
}

function refuse(fd: number, refusal: OpenRefusal): OpenRefusal {
  closeSync(fd);
  return refusal;
}

/**
 * Opens `rel` under `root` for reading: each folder on the way must be a real
 * folder (not a link), the file a regular file of at most `limit` bytes.
 * Returns undefined when it does not exist (and `optional`); any other problem
 * is a UsageError naming `label` and the path. With `followLast`, a link as
 * the file itself is followed (a path a person named on the command line).
 */
export function openRegular(root: string, rel: string, limit: number, label: string, optional = false, followLast = false): { fd: number; size: number } | undefined {
  const parts = rel.split("/");
  const shown = (upTo: number) => path.join(root, ...parts.slice(0, upTo));
  for (let i = 1; i < parts.length; i++) {
    let stat;
    try {
      stat = lstatSync(shown(i));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT" && optional) return undefined;
      throw new UsageError(`${label}: \`${shown(i)}\` cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    if (!stat.isDirectory()) throw new UsageError(`${label}: \`${shown(i)}\` is ${kindOfStats(stat)}, not a folder; links are not followed`);
  }
  const file = shown(parts.length);
  const opened = openNoFollow(file, limit, followLast);
  if ("fd" in opened) return opened;
  if (opened.code === "ENOENT" && optional) return undefined;
  if (opened.problem === "symlink") throw new UsageError(`${label}: \`${file}\` is a symbolic link; links are not followed`);
  if (opened.problem === "not-regular" || opened.problem === "too-large") throw new UsageError(`${label}: \`${file}\` is ${opened.detail}; only regular files of at most ${limit} bytes are read`);
  throw new UsageError(`${label}: \`${file}\` cannot be read (${opened.code ?? opened.detail})`);
}

/** The text of a file opened as `openRegular` does (undefined when absent and `optional`), read up to its limit. */
export function readRegular(root: string, rel: string, limit: number, label: string, optional = false): string | undefined {
  const opened = openRegular(root, rel, limit, label, optional);
  if (!opened) return undefined;
  try {
    // Read to the end, but never past the limit: a file that grew after the check is caught too.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.max(1, Math.min(1 << 20, limit + 1 - total)));
      const got = readSync(opened.fd, chunk, 0, chunk.length, null);
      if (got === 0) break;
      chunks.push(chunk.subarray(0, got));
      total += got;
      if (total > limit) throw new UsageError(`${label}: \`${path.join(root, rel)}\` is more than the ${limit} bytes read at most`);
    }
    return Buffer.concat(chunks, total).toString("utf8");
  } finally {
    closeSync(opened.fd);
  }
}

/** Whether something is at `file`, a link (even a broken one) included: lstat, never followed. */
export function existsOrLink(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}
