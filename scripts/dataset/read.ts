/**
 * Reads a file's bytes safely, the one way every reader of the project does
 * (records, registries, the manifest, kept texts, format and migrate): a
 * symbolic link is refused, not followed; anything but a regular file (a FIFO,
 * a device, a socket) is refused, judged on the opened descriptor; a size
 * limit; strict UTF-8. A file a listing of its folder has just seen as regular
 * is opened without that fstat (see openListedRegular): what is swapped in
 * since the listing cannot make the read follow a link, wait or run past the
 * limit, and what then reads as empty or too large is looked at; but a FIFO
 * swapped in whose writer has already written is read as a file would be (a
 * process that can swap files in the repository during a run can give it any
 * bytes anyway).
 */
import { closeSync, fstatSync, readSync } from "node:fs";
import { describeError, notRegular, openListedRegular, openNoFollow } from "../core/regular-file.ts";

/** Records are a few kilobytes; anything past this is refused unread. */
export const MAX_FILE_BYTES = 1024 * 1024;

/**
 * Why a file was not read: `unreadable` (it could not be opened or read: permissions, gone),
 * `not-regular` (a FIFO, device, socket or folder: never read), `symlink` (never followed).
 */
export type ReadProblem = "too-large" | "not-utf8" | "binary" | "unreadable" | "symlink" | "not-regular";

export type ReadResult =
  | { ok: true; text: string; bytes: number; bom: boolean }
  | { ok: false; problem: ReadProblem; detail: string; offset?: number };

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** One buffer a thread, reused for every file: records are read without an allocation each (the fstat openNoFollow makes, or the listing's entry type, is what refuses a FIFO or device before any read). */
let shared = Buffer.allocUnsafe(64 * 1024);

/**
 * `listedRegular`: a listing of the file's folder found a regular file there
 * (readdir's entry type), so the fstat that refuses anything else is skipped
 * (see openListedRegular: what was swapped since cannot make the read wait
 * or run past the limit).
 */
export function readText(absolute: string, maxBytes = MAX_FILE_BYTES, listedRegular = false): ReadResult {
  const opened = listedRegular ? openListedRegular(absolute) : openNoFollow(absolute, maxBytes);
  if (!("fd" in opened)) {
    // readdir gives a name that is not UTF-8 with U+FFFD in its place: no file has the name it gives.
    if (opened.code === "ENOENT" && absolute.includes("\ufffd")) return { ok: false, problem: "unreadable", detail: "its name is not valid UTF-8" };
    return { ok: false, problem: opened.problem, detail: opened.detail };
  }
  const { fd } = opened;
  try {
    // Read until the end of the file, or until one byte past the limit: a huge file is refused unread.
    // A read that fills less than the room it was given has met the end of a regular file (Linux and
    // the BSDs return short only there), which spares most records a second read that would return 0:
    // one system call in four (measured: about 4 µs a file here, 5 % of validate's CPU).
    let read = 0;
    for (;;) {
      if (read === shared.length) {
        if (shared.length > maxBytes) break;
        const bigger = Buffer.allocUnsafe(Math.min(shared.length * 4, maxBytes + 1));
        shared.copy(bigger, 0, 0, read);
        shared = bigger;
      }
      const room = shared.length - read;
      const n = readSync(fd, shared, read, room, null);
      read += n;
      if (n < room) break;
    }
    // Without the open's fstat (a file the listing saw as regular), what reads as empty or as too large is
    // looked at: a FIFO with no writer, /dev/null, /dev/zero swapped in since the listing are named as such.
    if (listedRegular && (read === 0 || read > maxBytes)) {
      const stats = fstatSync(fd);
      if (!stats.isFile()) return { ok: false, ...notRegular(stats) };
    }
    if (read > maxBytes) return { ok: false, problem: "too-large", detail: `${fstatSync(fd).size} bytes; the limit is ${maxBytes}` };
    const bytes = shared.subarray(0, read);
    const nul = bytes.indexOf(0);
    if (nul !== -1) return { ok: false, problem: "binary", detail: "the file contains NUL bytes", offset: nul };
    let text: string;
    try {
      text = decoder.decode(bytes);
    } catch {
      return { ok: false, problem: "not-utf8", detail: "the file is not valid UTF-8", offset: firstInvalidUtf8(bytes) };
    }
    const bom = text.charCodeAt(0) === 0xfeff;
    return { ok: true, text: bom ? text.slice(1) : text, bytes: read, bom };
  } catch (error) {
    return { ok: false, problem: "unreadable", detail: describeError(error) };
  } finally {
    closeSync(fd);
  }
}

/** Byte offset of the first invalid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    try {
      decoder.decode(bytes.subarray(i, i + len));
    } catch {
      return i;
    }
    i += len;
  }
  return i;
}

/**
 * A file's text exactly as on disk (a BOM kept), for a command that rewrites
 * it; or why it cannot be read. `unread` (what the listing found: a folder it
 * could not list, a FIFO) and `symlink` (a link, never followed) are refused
 * without opening anything.
 */
export function readOriginal(
  absolute: string,
  listed: { unread?: { detail: string }; symlink?: { target: string } } = {},
): { ok: true; text: string } | { ok: false; problem: string } {
  if (listed.unread) return { ok: false, problem: `not read: ${listed.unread.detail}` };
  if (listed.symlink) return { ok: false, problem: `not read: a symbolic link (to ${listed.symlink.target}), never followed; replace it with the record itself` };
  const read = readText(absolute);
  return read.ok ? { ok: true, text: read.bom ? "\ufeff" + read.text : read.text } : { ok: false, problem: `cannot be read (${read.detail})` };
}
