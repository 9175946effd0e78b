/**
 * File system failures as messages a person can act on. An error of the
 * environment (a full disk, a read-only mount, a name taken, a permission
 * missing) is not a bug of the toolkit: the command stops with exit 2 and a
 * message that names the path, never "internal error" (git and tar do the same:
 * "fatal: could not create work tree dir 'x': Read-only file system").
 */
import { isUsageError, UsageError } from "./io.ts";

/** What each error code means, in words. Codes not listed stay internal errors (they point at a bug). */
const REASONS: Readonly<Record<string, string>> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EEXIST: "a file or folder of that name exists already",
  EROFS: "the file system is read-only",
  ENOSPC: "no space left on the device",
  EDQUOT: "the disk quota is used up",
  EFBIG: "the file is too large for the file system",
  ENOTDIR: "a part of the path is not a folder",
  EISDIR: "it is a folder, not a file",
  ENOTEMPTY: "the folder is not empty",
  ENOENT: "no such file or folder",
  ENAMETOOLONG: "the name is too long",
  ELOOP: "a symbolic link where none is followed (or too many levels of links)",
  EMFILE: "too many open files",
  ENFILE: "too many open files on the system",
  EIO: "an input/output error of the device",
  EBUSY: "the file or device is busy",
  EXDEV: "it is on another file system",
};

/** The reason an errno error gives, in words, or undefined when it is not one of the file system's. */
export function fsReason(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === "string" ? REASONS[code] : undefined;
}

/**
 * A UsageError naming the path for a file system error, or undefined when
 * `error` is something else. `where` is the path to name when the error
 * carries none (a write to an open descriptor has no path).
 */
export function fsUsageError(error: unknown, where?: string): UsageError | undefined {
  if (isUsageError(error)) return error;
  const reason = fsReason(error);
  if (!reason) return undefined;
  const e = error as NodeJS.ErrnoException & { dest?: string };
  const target = e.path ?? where;
  if (target === undefined) return undefined;
  const dest = e.dest === undefined ? "" : ` -> \`${e.dest}\``;
  return new UsageError(`\`${target}\`${dest}: ${reason} (${e.code}${e.syscall ? `, ${e.syscall}` : ""})`);
}
