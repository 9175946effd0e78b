/**
 * What changed against a git ref, for `validate --changed`: the files added
 * or modified since the base (committed, staged, unstaged and untracked), and
 * the files deleted. git runs without a shell, with arguments as given.
 */
import { execFile, execFileSync } from "node:child_process";
import { lstatSync } from "node:fs";
import path from "node:path";
import { UsageError } from "../core/io.ts";
import { RECORD_FOLDERS } from "./discover.ts";

export interface Changes {
  /** The commit compared against. */
  base: string;
  /** How the base was chosen, for the report (e.g. "merge base with origin/main"). */
  describe: string;
  /** Added, modified, renamed-to or untracked paths, relative to the dataset root, sorted. */
  changed: string[];
  /** Paths that existed at the base and exist no more. */
  deleted: string[];
  /**
   * The event files under data/events/ that git knows of, tracked or untracked
   * (not ignored): where `validate --changed` looks for the other events, without
   * listing data/events/ itself. A path may be gone from the disk; callers check.
   */
  eventPaths: string[];
}

type Git = (args: string[]) => string | undefined;

function gitIn(root: string): Git {
  return (args) => {
    try {
      return execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 256 * 1024 * 1024 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new UsageError("--changed needs git, and git is not installed (or not on PATH)");
      return undefined;
    }
  };
}

function gitAsync(root: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) =>
    execFile("git", args, { cwd: root, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 }, (error, stdout) => resolve(error ? undefined : stdout)),
  );
}

const SHALLOW_HINT =
  "This clone is shallow. In GitHub Actions give actions/checkout `fetch-depth: 0`; elsewhere run `git fetch --unshallow` " +
  "(or fetch the base branch), or name the base yourself: `--changed <ref>`.";

function isShallow(git: Git): boolean {
  return git(["rev-parse", "--is-shallow-repository"])?.trim() === "true";
}

function commitOf(git: Git, ref: string): string | undefined {
  return git(["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`])?.trim() || undefined;
}

/** Whether `ref` names a commit here: lets `--changed <ref>` take an optional value. */
export function isCommit(root: string, ref: string): boolean {
  return !ref.startsWith("-") && commitOf(gitIn(root), ref) !== undefined;
}

/** The default branch's candidates, most specific first. */
function defaultBranches(git: Git, env: Readonly<Record<string, string | undefined>>): string[] {
  const out: string[] = [];
  // In a pull_request workflow, GitHub names the branch the PR targets.
  if (env.GITHUB_BASE_REF) out.push(`origin/${env.GITHUB_BASE_REF}`);
  const head = git(["symbolic-ref", "--quiet", "refs/remotes/origin/HEAD"])?.trim();
  if (head) out.push(head.replace(/^refs\/remotes\//, ""));
  out.push("origin/main", "origin/master", "main", "master");
  return [...new Set(out)];
}

/** Resolves the base: `ref` when given, else the merge base of HEAD with the default branch. */
function resolveBase(git: Git, ref: string | undefined, env: Readonly<Record<string, string | undefined>>): { base: string; describe: string } {
  if (git(["rev-parse", "--git-dir"]) === undefined) throw new UsageError("--changed needs a git repository, and this folder is not in one");
  if (ref !== undefined) {
    const base = commitOf(git, ref);
    if (!base) throw new UsageError(`--changed: \`${ref}\` is not a commit in this repository.${isShallow(git) ? " " + SHALLOW_HINT : ""}`);
    return { base, describe: ref };
  }
  if (!commitOf(git, "HEAD")) throw new UsageError("--changed: the repository has no commits yet; run validate without --changed");
  const candidates = defaultBranches(git, env);
  const branch = candidates.find((c) => commitOf(git, c));
  if (!branch)
    throw new UsageError(
      `--changed: cannot find the default branch (tried ${candidates.join(", ")}).${isShallow(git) ? " " + SHALLOW_HINT : " Name the base yourself: `--changed <ref>`."}`,
    );
  const base = git(["merge-base", "HEAD", branch])?.trim();
  if (!base)
    throw new UsageError(
      `--changed: HEAD and ${branch} have no common commit in this clone.${isShallow(git) ? " " + SHALLOW_HINT : " Name the base yourself: `--changed <ref>`."}`,
    );
  return { base, describe: `merge base with ${branch}` };
}

function nulList(text: string | undefined): string[] {
  return (text ?? "").split("\0").filter((s) => s !== "");
}

/** Whether a path is gone from the working tree (not merely out of reach). */
function isGone(root: string, file: string): boolean {
  try {
    lstatSync(path.join(root, file));
    return false;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ENOENT" || code === "ENOTDIR";
  }
}

/** Files changed under the dataset root since the base. */
export async function changesSince(root: string, ref: string | undefined, env: Readonly<Record<string, string | undefined>>): Promise<Changes> {
  const git = gitIn(root);
  // The listings need no base: they start first, and run while the base is worked out.
  const listings = Promise.all([gitAsync(root, ["ls-files", "-z", "--others", "--exclude-standard"]), gitAsync(root, ["ls-files", "-z", "--cached", "--", RECORD_FOLDERS.event])]);
  let resolved: { base: string; describe: string };
  try {
    resolved = resolveBase(git, ref, env);
  } catch (error) {
    await listings;
    throw error;
  }
  const { base, describe } = resolved;
  // Working tree against the base (committed, staged and unstaged changes alike), and untracked files: all at once.
  const [diff, [untracked, tracked]] = await Promise.all([
    gitAsync(root, ["-c", "core.quotepath=off", "diff", "--name-status", "-z", "--no-renames", "--relative", base, "--"]),
    listings,
  ]);
  if (diff === undefined) throw new UsageError(`--changed: git could not compare the working tree with ${describe}`);
  if (untracked === undefined) throw new UsageError("--changed: git could not list the untracked files");
  if (tracked === undefined) throw new UsageError("--changed: git could not list the tracked files");
  const changed = new Set<string>();
  const deleted = new Set<string>();
  const fields = nulList(diff);
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const status = fields[i]!;
    const file = fields[i + 1]!;
    // git says deleted what it could not see: a file in a folder it may not read is there still, and unreadable.
    if (status === "D" && isGone(root, file)) deleted.add(file);
    else changed.add(file);
  }
  const eventPaths = nulList(tracked);
  for (const file of nulList(untracked)) {
    changed.add(file);
    if (file.startsWith(`${RECORD_FOLDERS.event}/`)) eventPaths.push(file);
  }
  return { base, describe, changed: [...changed].sort(), deleted: [...deleted].sort(), eventPaths };
}

/**
 * Tracked files under data/events/ that mention any of `ids` (git grep,
 * fixed strings): the events that may name them in `duplicate_of`.
 */
export function filesMentioning(root: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return Promise.resolve([]);
  // git grep exits 1 when nothing matches: no answer is an empty one.
  return gitAsync(root, ["-c", "core.quotepath=off", "grep", "-l", "-z", "-F", ...ids.flatMap((id) => ["-e", id]), "--", RECORD_FOLDERS.event]).then(nulList);
}
