/**
 * pr-comment.yml: the workflow that comments a pull request's dataset changes holds a write token, so its
 * safety properties are asserted here: what triggers it, what it may write, that it never runs the pull
 * request's code, that no event value is interpolated into a script, and how it treats the artifact.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "yaml";
import { TOOLKIT_ROOT } from "../../scripts/core/paths.ts";
import { DIFF_MARKER } from "../../scripts/report/dataset-diff.ts";
import { git, GIT_ENV } from "../helpers/git.ts";

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}

const read = (name: string) => readFileSync(path.join(TOOLKIT_ROOT, ".github/workflows", name), "utf8");
const TEXT = read("pr-comment.yml");
const WORKFLOW = parse(TEXT, { uniqueKeys: true });
const JOBS = Object.values(WORKFLOW.jobs) as { permissions?: unknown; steps: Step[]; if?: string }[];
const STEPS = JOBS.flatMap((j) => j.steps);

test("pr-comment.yml: runs on validate's completion (workflow_run), never pull_request_target; of pull requests only", () => {
  assert.equal(WORKFLOW.on, { workflow_run: { workflows: ["validate"], types: ["completed"] } });
  // The workflow it follows is validate.yml, by its name.
  assert.is(parse(read("validate.yml")).name, "validate");
  assert.not.match(TEXT.replace(/^\s*#.*$/gm, ""), /pull_request_target/);
  assert.match(JOBS[0]!.if!, /^github\.event\.workflow_run\.event == 'pull_request'/);
});

test("pr-comment.yml: nothing by default; the job may read contents and artifacts and write pull requests, nothing else", () => {
  assert.equal(WORKFLOW.permissions, {});
  assert.is(JOBS.length, 1);
  assert.equal(JOBS[0]!.permissions, { contents: "read", actions: "read", "pull-requests": "write" });
});

test("pr-comment.yml: checks out the default branch without credentials, and never the pull request's code", () => {
  const checkouts = STEPS.filter((s) => s.uses?.startsWith("actions/checkout@"));
  assert.is(checkouts.length, 1);
  assert.is(checkouts[0]!.uses, "actions/checkout@v4");
  assert.is(checkouts[0]!.with?.ref, "${{ github.event.repository.default_branch }}");
  assert.is(checkouts[0]!.with?.["persist-credentials"], false);
  for (const step of STEPS) {
    const run = step.run ?? "";
    // The pull request's commits are fetched as objects: never checked out, switched to or put in a work tree.
    assert.not.match(run, /\bgit\s+(?:-c\s+\S+\s+)*(?:checkout|switch|worktree|reset|restore|merge|pull)(?=\s|$)/m, step.name);
    // What runs is the default branch's toolkit (installed from its lockfile) and git and gh.
    for (const command of run.split("\n").map((l) => l.trim().split(/\s+/)[0]!).filter((w) => /^(?:npm|npx|node|yarn|pnpm|bash|sh|source|\.)$/.test(w)))
      assert.ok(["npm", "node"].includes(command), `${step.name}: ${command}`);
  }
  const diff = STEPS.find((s) => s.run?.includes("eventwire.js diff"))!;
  assert.match(diff.run!, /^node bin\/eventwire\.js diff "\$BASE" "\$HEAD_SHA" /);
  assert.ok(STEPS.indexOf(diff) > STEPS.indexOf(checkouts[0]!));
});

test("pr-comment.yml: no ${{ }} expression inside a script: event values reach the shell through env only", () => {
  for (const step of STEPS) if (step.run) assert.not.match(step.run, /\$\{\{/, step.name);
  for (const step of STEPS)
    for (const [name, value] of Object.entries(step.env ?? {})) assert.match(value, /^\$\{\{ [^}]+ \}\}$/, `${step.name}: ${name} is one expression`);
});

test("pr-comment.yml: the artifact is untrusted: a number of digits, for a pull request whose head is the run's commit", () => {
  const download = STEPS.find((s) => s.uses?.startsWith("actions/download-artifact@"))!;
  assert.is(download.uses, "actions/download-artifact@v4");
  assert.is(download.with?.name, "pr-comment");
  assert.is(download.with?.["run-id"], "${{ github.event.workflow_run.id }}");
  // What validate.yml uploads under that name: the number alone.
  const upload = (parse(read("validate.yml")).jobs.validate.steps as Step[]).find((s) => s.uses?.startsWith("actions/upload-artifact@"))!;
  assert.equal(upload.with, { name: "pr-comment", path: "pr-comment/number", "retention-days": 1, overwrite: true });
  const check = STEPS.find((s) => s.id === "pr")!;
  assert.match(check.run!, /file="\$RUNNER_TEMP\/pr-comment\/number"\n[\s\S]*\n.*\[ "\$\(wc -c < "\$file"\)" -le \d+ \] \|\| \{[^}]*exit 1; \}/);
  assert.match(check.run!, /number=\$\(head -c \d+ "\$file"\)\n/);
  assert.match(check.run!, /'' \| \*\[!0-9\]\*\) .*exit 1/);
  assert.match(check.run!, /\.head\.sha/);
  assert.match(check.run!, /\[ "\$pr_head" != "\$HEAD_SHA" \]/);
  assert.is(check.env?.HEAD_SHA, "${{ github.event.workflow_run.head_sha }}");
  // The fetched commit is the one validate ran on (else skipped: a push came between).
  assert.match(check.run!, /if \[ "\$\(git rev-parse FETCH_HEAD\)" != "\$HEAD_SHA" \]; then\n[^\n]*\n\s*echo "skip=true"/);
  assert.match(check.run!, /git check-ref-format --branch "\$base_ref"/);
});

test("pr-comment.yml: one comment per pull request, found by the marker among the bot's, updated in place; the body goes as a file", () => {
  const post = STEPS.find((s) => s.run?.includes("--method POST"))!;
  const run = post.run!;
  assert.ok(run.includes(`marker='${DIFF_MARKER}'`), "the marker is the one diff writes");
  assert.match(run, /\[ "\$\(head -n 1 "\$body"\)" = "\$marker" \]/);
  assert.match(run, /\[ "\$\(wc -c < "\$body"\)" -le \d+ \]/);
  assert.match(run, /select\(\.user\.login == \\"github-actions\[bot\]\\" and \(\.body \| startswith\(\\"\$marker\\"\)\)\)/);
  assert.match(run, /gh api --method PATCH "repos\/\$REPO\/issues\/comments\/\$existing" -F "body=@\$body"/);
  assert.match(run, /gh api --method POST "repos\/\$REPO\/issues\/\$NUMBER\/comments" -F "body=@\$body"/);
  assert.not.match(run, /-f body=|--field body=[^@]|body=\$\(/);
});

/** pr-comment.yml's check step, run as GitHub runs it, with a stand-in gh and a local origin holding refs/pull/7/head. */
function runCheck(options: { artifact: string; number?: string; apiHead: "c1" | "c2"; pushedHead: "c1" | "c2" }): { code: number | null; out: string; log: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "eventwire-pr-comment-"));
  try {
    const origin = path.join(dir, "origin");
    mkdirSync(origin);
    git(origin, "init", "-q", "-b", "main");
    writeFileSync(path.join(origin, "a.txt"), "a\n");
    git(origin, "add", "a.txt");
    git(origin, "commit", "-q", "-m", "a");
    const c1 = git(origin, "rev-parse", "HEAD").trim();
    writeFileSync(path.join(origin, "a.txt"), "b\n");
    git(origin, "commit", "-q", "-am", "b");
    const c2 = git(origin, "rev-parse", "HEAD").trim();
    git(origin, "reset", "-q", "--hard", c1);
    const sha = (name: string) => (name === "c1" ? c1 : c2);
    git(origin, "update-ref", "refs/pull/7/head", sha(options.pushedHead));
    git(dir, "clone", "-q", origin, "checkout");
    const temp = path.join(dir, "temp");
    mkdirSync(path.join(temp, "pr-comment"), { recursive: true });
    if (options.number !== undefined) writeFileSync(path.join(temp, "pr-comment/number"), options.number);
    const stub = path.join(dir, "stub");
    mkdirSync(stub);
    writeFileSync(path.join(stub, "gh"), `#!/bin/bash\ncase "$*" in *"--jq .head.sha") echo "${sha(options.apiHead)}" ;; *"--jq .base.ref") echo main ;; *) exit 1 ;; esac\n`);
    chmodSync(path.join(stub, "gh"), 0o755);
    const step = STEPS.find((s) => s.id === "pr")!;
    const output = path.join(temp, "output");
    writeFileSync(output, "");
    const r = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", step.run!], {
      cwd: path.join(dir, "checkout"),
      encoding: "utf8",
      env: { ...GIT_ENV, PATH: `${stub}:${process.env.PATH}`, GH_TOKEN: "t", REPO: "o/r", HEAD_SHA: sha(options.apiHead), ARTIFACT: options.artifact, RUNNER_TEMP: temp, GITHUB_OUTPUT: output },
    });
    return { code: r.status, out: readFileSync(output, "utf8"), log: r.stdout + r.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("pr-comment.yml: no artifact (validate ended early) or a push between the API check and the fetch: skipped cleanly, not failed", () => {
  const download = STEPS.find((s) => s.id === "artifact")! as Step & { "continue-on-error"?: boolean };
  assert.is(download["continue-on-error"], true);
  assert.is(STEPS.find((s) => s.id === "pr")!.env?.ARTIFACT, "${{ steps.artifact.outcome }}");
  const missing = runCheck({ artifact: "failure", apiHead: "c1", pushedHead: "c1" });
  assert.is(missing.code, 0, missing.log);
  assert.match(missing.out, /^skip=true$/m);
  assert.match(missing.log, /No pull request number from the validate run/);
  const same = runCheck({ artifact: "success", number: "7\n", apiHead: "c1", pushedHead: "c1" });
  assert.is(same.code, 0, same.log);
  assert.match(same.out, /^number=7$/m);
  assert.not.match(same.out, /skip=true/);
  // The API named the run's commit, but the pull request moved on before the fetch.
  const moved = runCheck({ artifact: "success", number: "7\n", apiHead: "c1", pushedHead: "c2" });
  assert.is(moved.code, 0, moved.log);
  assert.match(moved.out, /^skip=true$/m);
  assert.match(moved.log, /moved past/);
});

test("pr-comment.yml: a cut comment links the validate run's job summary (its address through env)", () => {
  const diff = STEPS.find((s) => s.run?.includes("eventwire.js diff"))!;
  assert.match(diff.run!, /--summary-link "\$VALIDATE_RUN_URL"/);
  assert.is(diff.env?.VALIDATE_RUN_URL, "${{ github.event.workflow_run.html_url }}");
});

test.run();
