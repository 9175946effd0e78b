/**
 * A revision's dataset on disk, for `eventwire diff`: what validation reads of
 * a commit (data/, the configuration, the suppressions file) written to a
 * folder of its own, without touching the user's index or work tree. git
 * reads the commit's tree into a temporary index (GIT_INDEX_FILE) and writes
 * its files out with checkout-index under a prefix; git runs without a shell,
 * with arguments as given.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { UsageError } from "../core/io.ts";
import { inlineValue } from "../core/escape.ts";

/** What validation reads of a dataset besides data/: the configuration and the suppressions file (at the dataset's root). */
export const REVISION_FILES = ["data/", "eventwire.config.yaml", "eventwire-suppressions.json"] as const;

const MAX_BUFFER = 256 * 1024 * 1024;

function git(cwd: string, args: string[], options: { env?: NodeJS.ProcessEnv; input?: string } = {}): string {
  try {
    return execFileSync("git", args, {
      cwd,
      encoding: "utf8",
      stdio: [options.input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
      maxBuffer: MAX_BUFFER,
      ...(options.env ? { env: options.env } : {}),
      ...(options.input !== undefined ? { input: options.input } : {}),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new UsageError("diff needs git, and git is not installed (or not on PATH)");
    const stderr = String((error as { stderr?: unknown }).stderr ?? "").trim().split("\n")[0];
    throw new Error(`git ${args[0]} failed${stderr ? `: ${stderr}` : ""}`);
  }
}

/** The repository of a dataset's root: its top folder, and the root's path from there ("" or "sub/dir/"). */
export function repositoryOf(root: string): { top: string; prefix: string } {
  let top: string;
  try {
    top = git(root, ["rev-parse", "--show-toplevel"]).trim();
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`diff needs a git repository, and ${inlineValue(root)} is not in one`);
  }
  const prefix = git(root, ["rev-parse", "--show-prefix"]).trim();
  return { top, prefix };
}

/** The commit `rev` names (full hash); a usage error naming it when it names none. */
export function commitOf(top: string, rev: string): string {
  if (rev === "" || rev.startsWith("-")) throw new UsageError(`${inlineValue(rev)} is not a revision (a commit, branch or tag) of this repository`);
  try {
    return git(top, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${rev}^{commit}`]).trim();
  } catch {
    throw new UsageError(`${inlineValue(rev)} is not a commit in this repository (a branch, tag or hash; a shallow clone may lack it: fetch it first)`);
  }
}

/**
 * Writes the dataset of `commit` (REVISION_FILES under the dataset's `prefix`) into `folder`, through a
 * temporary index in `folder`: the user's index and work tree are never read or written. Returns the
 * dataset's root in `folder`. Symbolic links are written as links (the check never follows one).
 */
export function writeRevision(repo: { top: string; prefix: string }, commit: string, folder: string): string {
  mkdirSync(folder, { recursive: true });
  const env = { ...process.env, GIT_INDEX_FILE: path.join(folder, "index") };
  git(repo.top, ["read-tree", commit], { env });
  const specs = REVISION_FILES.map((p) => `:(literal)${repo.prefix}${p}`);
  const listed = git(repo.top, ["ls-files", "-z", "--", ...specs], { env });
  const tree = path.join(folder, "tree");
  // data/ is there even when the revision has none (a dataset not started yet): no record, not an unreadable folder.
  mkdirSync(path.join(tree, repo.prefix, "data"), { recursive: true });
  if (listed !== "") git(repo.top, ["checkout-index", "-z", "--stdin", `--prefix=${tree}/`], { env, input: listed });
  return path.join(tree, repo.prefix);
}
