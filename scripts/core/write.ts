/** Atomic file writes: a reader sees the old file or the new one, never half of one. */
import { chmodSync, closeSync, linkSync, lstatSync, mkdirSync, openSync, readdirSync, realpathSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync, writevSync } from "node:fs";
import path from "node:path";
import { UsageError } from "./io.ts";

/** Writes `pieces` to a new file (O_EXCL), in order, with writev(2) a batch at a time (a call writes what it can: the rest is written again). */
function writePieces(file: string, pieces: readonly Uint8Array[], mode: number | undefined): void {
  const fd = openSync(file, "wx", mode);
  try {
    const BATCH = 512;
    for (let from = 0; from < pieces.length; from += BATCH) {
      let batch = pieces.slice(from, from + BATCH).filter((p) => p.length > 0);
      while (batch.length > 0) {
        let written = writevSync(fd, batch);
        while (batch.length > 0 && written >= batch[0]!.length) written -= batch.shift()!.length;
        if (batch.length > 0 && written > 0) batch[0] = batch[0]!.subarray(written);
      }
    }
  } finally {
    closeSync(fd);
  }
}

/** Temporary files of this process get a number each. */
let counter = 0;

/**
 * Writes `file` through a temporary file renamed over it. The temporary file
 * is beside `file`, or in `tempFolder` (see temporaryFolder) when given: then
 * a kill midway leaves nothing beside `file`. rename(2) needs both on one file
 * system; when they are not (EXDEV), the write goes beside `file` instead.
 * `data` may be a list of pieces, written one after the other (never joined
 * in memory: a large file made of a few slices of another).
 */
export function writeFileAtomic(file: string, data: string | Uint8Array | readonly Uint8Array[], tempFolder?: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  // A file that is replaced keeps its permissions.
  let mode: number | undefined;
  try {
    mode = statSync(file).mode & 0o7777;
  } catch {
    mode = undefined;
  }
  const through = (temp: string) => {
    // O_EXCL: a name someone put there (a link, say) is never written through.
    rmSync(temp, { force: true });
    try {
      if (typeof data === "string" || data instanceof Uint8Array) writeFileSync(temp, data, mode === undefined ? { flag: "wx" } : { mode, flag: "wx" });
      else writePieces(temp, data, mode);
      if (mode !== undefined) chmodSync(temp, mode);
      renameSync(temp, file);
    } catch (error) {
      rmSync(temp, { force: true });
      throw error;
    }
  };
  const beside = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  if (tempFolder === undefined) return through(beside);
  try {
    through(path.join(tempFolder, `${process.pid}.${++counter}.tmp`));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
    through(beside);
  }
}

/**
 * Writes a report where a user pointed `-o`: a regular file (or a new name)
 * atomically; through a symbolic link, to the file it names (the link stays a
 * link); a FIFO, a device or a terminal is written to, as a shell's `>` would,
 * never replaced by a file.
 */
export function writeOutputFile(file: string, data: string): void {
  let entry;
  try {
    entry = lstatSync(file);
  } catch {
    // Nothing there yet: a new file, written whole.
    return writeFileAtomic(file, data);
  }
  if (entry.isFile()) return writeFileAtomic(file, data);
  if (entry.isSymbolicLink()) {
    let target: string;
    try {
      target = realpathSync(file);
    } catch {
      // A link to nothing: the write creates what it names, as `>` does.
      return writeFileSync(file, data);
    }
    if (statSync(target).isFile()) return writeFileAtomic(target, data);
    return writeFileSync(target, data);
  }
  // A FIFO, a device, a terminal: written to. (A folder fails here, with EISDIR.)
  writeFileSync(file, data);
}

/** The folder, in a dataset's repository, that format and migrate write their temporary files in: outside data/, so validate never sees one. */
export const TEMP_FOLDER = ".eventwire.tmp";

const TEMP_FILE = /^(\d+)\.\d+\.tmp$/;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * The temporary folder of a repository (`<root>/.eventwire.tmp`, ignored by
 * git through `*.tmp`), made if needed, with the files that runs now gone
 * left in it (a kill midway) removed. It must be a real folder: a link there
 * is refused, never written through. `done()` removes it when it is empty.
 */
export function temporaryFolder(root: string): { folder: string; done(): void } {
  const folder = path.join(root, TEMP_FOLDER);
  try {
    mkdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  if (!lstatSync(folder).isDirectory()) throw new UsageError(`\`${folder}\` is not a folder (a link or a file); remove it, eventwire keeps its temporary files there`);
  for (const entry of readdirSync(folder)) {
    const m = TEMP_FILE.exec(entry);
    if (m && Number(m[1]) !== process.pid && isRunning(Number(m[1]))) continue;
    // Not ours by name, or left by a run that is gone: removed.
    rmSync(path.join(folder, entry), { recursive: true, force: true });
  }
  return {
    folder,
    done: () => {
      try {
        rmdirSync(folder);
      } catch {
        // Not empty (another run is writing) or gone already: left as it is.
      }
    },
  };
}

/**
 * Writes a new file atomically and never over an existing one: the content
 * goes to a temporary file that is then hard-linked into place (which fails if
 * the name is taken). Returns false when the file exists already.
 */
export function writeFileExclusive(file: string, data: string | Uint8Array): boolean {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, data);
    linkSync(temp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    rmSync(temp, { force: true });
  }
}
