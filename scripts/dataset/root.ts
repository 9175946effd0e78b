/**
 * The dataset root a command works on, checked once before anything is read:
 * it exists and is a folder, it holds data/, and data/ is a folder of its own,
 * not a symbolic link (the toolkit follows no link, data/ included: a linked
 * data/ would have validate, release and format read and rewrite files
 * outside the repository). Any of these is a usage error (exit 2) that names
 * the path: a run on the wrong folder never says "no problems".
 */
import { lstatSync, readdirSync, readlinkSync, statSync } from "node:fs";
import path from "node:path";
import { UsageError } from "../core/io.ts";
import { describeError } from "../core/regular-file.ts";

/** The absolute root of `--root` (default: the working folder), or a UsageError saying what is wrong with it. */
export function datasetRoot(cwd: string, option: string | undefined): string {
  const root = path.resolve(cwd, option ?? ".");
  const named = option === undefined ? `the current folder (${root})` : `--root \`${option}\` (${root})`;
  let stats;
  try {
    stats = statSync(root);
  } catch (error) {
    throw new UsageError(`${named} ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "does not exist" : `cannot be read (${describeError(error)})`}`);
  }
  if (!stats.isDirectory()) throw new UsageError(`${named} is not a folder`);
  const data = path.join(root, "data");
  let dataStats;
  try {
    dataStats = lstatSync(data);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new UsageError(`${named} holds no data/ folder: is it the dataset's repository?`);
    throw new UsageError(`cannot read ${data} (${describeError(error)})`);
  }
  if (dataStats.isSymbolicLink()) {
    let target = "?";
    try {
      target = readlinkSync(data);
    } catch {
      // the link's target is only for the message
    }
    throw new UsageError(`${data} is a symbolic link (to \`${target}\`): the toolkit follows no link, data/ included; make data/ a folder of the repository`);
  }
  if (!dataStats.isDirectory()) throw new UsageError(`${data} is not a folder`);
  try {
    readdirSync(data);
  } catch (error) {
    throw new UsageError(`cannot list ${data} (${describeError(error)})`);
  }
  return root;
}

/**
 * Refuses to write `rel` (a path under `root`) through a symbolic link: each
 * folder on the way, data/ down, is a folder of the repository or not there
 * yet. A record is never written outside the repository by a linked folder.
 */
export function assertNoLinkOnPath(root: string, rel: string): void {
  const parts = rel.split("/");
  for (let i = 1; i < parts.length; i++) {
    const folder = path.join(root, ...parts.slice(0, i));
    let stats;
    try {
      stats = lstatSync(folder);
    } catch {
      return; // not there yet: it is made as a folder
    }
    if (stats.isSymbolicLink()) throw new UsageError(`${folder} is a symbolic link: the toolkit writes nothing through a link; make it a folder of the repository`);
    if (!stats.isDirectory()) throw new UsageError(`${folder} is not a folder`);
  }
}

/**
 * The path of `root` inside the git work tree that holds it, with `/`
 * separators and a final `/` ("" when root is the work tree's top, or is in
 * none). Found as git finds it: the nearest folder, root or above, with a
 * `.git` entry (a folder, or a file for a linked work tree or a submodule).
 * Only entries are looked at, nothing is read. Code scanning resolves a
 * SARIF location against the checkout's top, not the dataset's root.
 */
export function pathInWorkTree(root: string): string {
  let dir = path.resolve(root);
  const parts: string[] = [];
  for (;;) {
    try {
      lstatSync(path.join(dir, ".git"));
      return parts.length === 0 ? "" : parts.reverse().join("/") + "/";
    } catch {
      // no .git here: one folder up
    }
    const parent = path.dirname(dir);
    if (parent === dir) return "";
    parts.push(path.basename(dir));
    dir = parent;
  }
}
