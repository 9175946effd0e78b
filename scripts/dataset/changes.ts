/**
 * What changed against a git ref, for `validate --changed`: the files added
 * or modified since the base (committed, staged, unstaged and untracked), and
 * the files deleted. git runs without a shell, with arguments as given.
 */
import { execFile, execFileSync } from "node:child_process";
import { lstatSync, realpathSync } from "node:fs";
import path from "node:path";
import { UsageError } from "../core/io.ts";
import { TOOLKIT_ROOT } from "../core/paths.ts";
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

/**
 * What records depend on besides their own file: a change to any of these can
 * break records that did not change, so `validate --changed` then checks more.
 * The one list of such paths (a configuration file's own entries can join it).
 */
export interface Dependency {
  /** Relative to the dataset root: a folder when it ends in "/", else one file. */
  path: string;
  /** What it holds, for the summary line. */
  what: string;
  /** The folders whose every file is then checked: "data/" is the whole dataset. */
  widens: readonly string[];
  /** Only when the dataset is the toolkit's own repository (its schemas, vocabularies and code). */
  toolkit?: true;
}

export const DEPENDENCIES: readonly Dependency[] = [
  // An actor or outlet that changes or goes away can break any event that names it.
  { path: "data/actors/", what: "registry entries", widens: ["data/events/"] },
  { path: "data/outlets/", what: "registry entries", widens: ["data/events/"] },
  // Evidence quotes are checked against the kept texts, found by source URL through the manifest;
  // the manifest's own findings (a hash that no longer matches, a text left out) fall on the texts.
  { path: "data/texts/", what: "kept texts", widens: ["data/events/", "data/texts/"] },
  { path: "eventwire.config.yaml", what: "the configuration", widens: ["data/"] },
  // In the toolkit's repository: the schemas (with the vocabularies), and the code that checks.
  { path: "schema/", what: "the schemas and vocabularies", widens: ["data/"], toolkit: true },
  { path: "scripts/", what: "the toolkit's code", widens: ["data/"], toolkit: true },
  { path: "bin/", what: "the toolkit's code", widens: ["data/"], toolkit: true },
  // Anywhere: in a dataset's own repository they pin the toolkit's version (and in the toolkit's, its libraries).
  { path: "package.json", what: "the installed packages", widens: ["data/"] },
  { path: "package-lock.json", what: "the installed packages", widens: ["data/"] },
];

export interface Widening {
  /** The folders whose every file is checked, none inside another ("data/" alone when it is everything). */
  folders: string[];
  /** Why, in words: "registry entries changed (data/actors/kazakhstan.yaml)". */
  because: string[];
}

/** The configuration --config names, as a dependency like eventwire.config.yaml: `file` relative to the root (undefined when outside it). */
export function configDependency(file: string | undefined): Dependency[] {
  if (file === undefined || file === "" || file === ".." || file.startsWith("../") || path.isAbsolute(file)) return [];
  return [{ path: file, what: "the configuration", widens: ["data/"] }];
}

/**
 * How far changes to `paths` (changed or deleted) widen the check; undefined when they widen nothing.
 * `extra`: dependencies of this run beside DEPENDENCIES (the file --config names, configDependency).
 */
export function widening(paths: readonly string[], toolkit: boolean, extra: readonly Dependency[] = []): Widening | undefined {
  const folders = new Set<string>();
  const because = new Map<string, string[]>();
  for (const dep of [...DEPENDENCIES, ...extra]) {
    if (dep.toolkit && !toolkit) continue;
    const hits = paths.filter((p) => (dep.path.endsWith("/") ? p.startsWith(dep.path) : p === dep.path));
    if (hits.length === 0) continue;
    for (const f of dep.widens) folders.add(f);
    because.set(dep.what, [...(because.get(dep.what) ?? []), ...hits]);
  }
  if (folders.size === 0) return undefined;
  const all = [...folders].sort();
  return {
    folders: all.filter((f) => !all.some((g) => g !== f && f.startsWith(g))),
    because: [...because].map(([what, hits]) => {
      const sorted = [...new Set(hits)].sort();
      return `${what} changed (${sorted[0]!}${sorted.length > 1 ? ` and ${sorted.length - 1} more` : ""})`;
    }),
  };
}

/** Whether `root` is the toolkit's own repository, whose schema/ and code the check runs on. */
export function isToolkitRoot(root: string): boolean {
  try {
    return realpathSync(root) === realpathSync(TOOLKIT_ROOT);
  } catch {
    return path.resolve(root) === path.resolve(TOOLKIT_ROOT);
  }
}

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

export const SHALLOW_HINT =
  "This clone is shallow. In GitHub Actions give actions/checkout `fetch-depth: 0`; elsewhere run `git fetch --unshallow` " +
  "(or fetch the base branch), or name the base yourself: `--changed=<ref>`.";

function isShallow(git: Git): boolean {
  return git(["rev-parse", "--is-shallow-repository"])?.trim() === "true";
}

function commitOf(git: Git, ref: string): string | undefined {
  return git(["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`])?.trim() || undefined;
}

/** What to say of a ref that names no commit here: how to get the history, when the clone is shallow ("" when it is not). */
export function shallowHint(root: string): string {
  return isShallow(gitIn(root)) ? SHALLOW_HINT : "";
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

/** The full ref of `name` (refs/heads/main, refs/remotes/origin/main), or undefined when it names no ref. */
function fullRef(git: Git, name: string): string | undefined {
  return git(["rev-parse", "--symbolic-full-name", "--verify", "--quiet", "--end-of-options", name])?.trim() || undefined;
}

/**
 * HEAD's own branch, under every name a default-branch candidate can give it:
 * refs/heads/<branch> and <remote>/<branch> of any remote. Comparing with
 * either compares a branch with itself (the merge base is HEAD). The upstream
 * is not one of them by itself: `git checkout -b topic origin/main` makes
 * origin/main the upstream of topic, and the base topic is meant to be compared with.
 */
function ownBranch(git: Git): { name: string; isOwn: (full: string) => boolean } | undefined {
  const head = git(["symbolic-ref", "--quiet", "HEAD"])?.trim();
  if (!head?.startsWith("refs/heads/")) return undefined; // detached: no branch of its own
  const name = head.slice("refs/heads/".length);
  return {
    name,
    isOwn: (full) => full === head || (full.startsWith("refs/remotes/") && full.slice("refs/remotes/".length).split("/").slice(1).join("/") === name),
  };
}

/** Resolves the base: `ref` when given, else the merge base of HEAD with the default branch (never HEAD's own branch). */
function resolveBase(git: Git, ref: string | undefined, env: Readonly<Record<string, string | undefined>>): { base: string; describe: string } {
  if (git(["rev-parse", "--git-dir"]) === undefined) throw new UsageError("--changed needs a git repository, and this folder is not in one");
  if (ref !== undefined) {
    const base = commitOf(git, ref);
    if (!base) throw new UsageError(`--changed: \`${ref}\` is not a commit in this repository.${isShallow(git) ? " " + SHALLOW_HINT : ""}`);
    return { base, describe: ref };
  }
  if (!commitOf(git, "HEAD")) throw new UsageError("--changed: the repository has no commits yet; run validate without --changed");
  const candidates = defaultBranches(git, env);
  const own = ownBranch(git);
  const skipped: string[] = [];
  const branch = candidates.find((c) => {
    if (!commitOf(git, c)) return false;
    const full = fullRef(git, c);
    if (own && full && own.isOwn(full)) {
      skipped.push(c);
      return false;
    }
    return true;
  });
  const nameIt = " Name the base yourself: `--changed=<ref>` (`--changed=HEAD` checks only the uncommitted changes).";
  if (!branch) {
    if (skipped.length > 0)
      throw new UsageError(
        `--changed: HEAD is on \`${own!.name}\`, and the default branch found (${skipped.join(", ")}) is that branch itself, ` +
          `so there is nothing to compare with.${nameIt}`,
      );
    throw new UsageError(`--changed: cannot find the default branch (tried ${candidates.join(", ")}).${isShallow(git) ? " " + SHALLOW_HINT : nameIt}`);
  }
  const base = git(["merge-base", "HEAD", branch])?.trim();
  if (!base)
    throw new UsageError(`--changed: HEAD and ${branch} have no common commit in this clone.${isShallow(git) ? " " + SHALLOW_HINT : nameIt}`);
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
 * Files under data/events/ that mention any of `ids` (git grep, fixed
 * strings), tracked and untracked as git lists the events: the events that
 * may name them in `duplicate_of`. Ids go in groups (a command line has a
 * limit); git grep's exit 1 is "none", any other failure is said, never read
 * as "none" (that would check fewer files without a word).
 */
export async function filesMentioning(root: string, ids: readonly string[]): Promise<string[]> {
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += 500) {
    const group = ids.slice(i, i + 500);
    const args = ["-c", "core.quotepath=off", "grep", "--untracked", "-l", "-z", "-F", ...group.flatMap((id) => ["-e", id]), "--", RECORD_FOLDERS.event];
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile("git", args, { cwd: root, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 }, (error, out, err) => {
        if (!error) resolve(out);
        else if ((error as { code?: unknown }).code === 1) resolve("");
        else reject(new UsageError(`--changed: git grep for the events that name ${group.length === 1 ? "an event" : "events"} no longer active failed: ${String(err || error.message).trim().split("\n")[0]}`));
      }),
    );
    for (const p of nulList(stdout)) found.add(p);
  }
  return [...found].sort();
}
