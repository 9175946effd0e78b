/**
 * Reading a file that came from elsewhere (a previous release): never through
 * a symbolic link, never blocking on a FIFO or a device, never more than a
 * limit. The file is opened with O_NOFOLLOW (a link in its last component
 * fails with ELOOP) and O_NONBLOCK (opening a FIFO does not wait for a
 * writer), then checked with fstat on the open descriptor, so what is read is
 * what was checked. Folders on the way are checked with lstat.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from "node:fs";
import path from "node:path";
import { UsageError } from "./io.ts";

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** What a file is, in words, from its stat. */
function kindOf(stat: { isDirectory(): boolean; isSymbolicLink(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (stat.isDirectory()) return "a folder";
  if (stat.isSymbolicLink()) return "a symbolic link";
  if (stat.isFIFO()) return "a FIFO";
  if (stat.isSocket()) return "a socket";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "a device";
  return "not a regular file";
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
    if (!stat.isDirectory()) throw new UsageError(`${label}: \`${shown(i)}\` is ${kindOf(stat)}, not a folder; links are not followed`);
  }
  const file = shown(parts.length);
  let fd: number;
  try {
    fd = openSync(file, followLast ? OPEN_FLAGS & ~(constants.O_NOFOLLOW ?? 0) : OPEN_FLAGS);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" && optional) return undefined;
    if (code === "ELOOP") throw new UsageError(`${label}: \`${file}\` is a symbolic link; links are not followed`);
    throw new UsageError(`${label}: \`${file}\` cannot be read (${code ?? String(error)})`);
  }
  const stat = fstatSync(fd);
  if (!stat.isFile()) {
    closeSync(fd);
    throw new UsageError(`${label}: \`${file}\` is ${kindOf(stat)}; only regular files are read`);
  }
  if (stat.size > limit) {
    closeSync(fd);
    throw new UsageError(`${label}: \`${file}\` is ${stat.size} bytes, more than the ${limit} read at most`);
  }
  return { fd, size: stat.size };
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
