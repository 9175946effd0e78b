/**
 * issue-to-pr.yml's pull-request job, its steps run as GitHub runs them (bash -eo pipefail, values through
 * env, later steps by their `if:`), against a local bare repository as origin and a stand-in for `gh` that
 * answers from files: who added the label, the body's hash in the check comment, a maintainer's commits on
 * the branch, a pull request that cannot be opened.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "yaml";
import { TOOLKIT_ROOT } from "../../scripts/core/paths.ts";
import { ISSUE_COMMENT_MARKER } from "../../scripts/report/issue-comment.ts";
import { REGISTRY, writeDataset } from "../helpers/dataset.ts";
import { git, GIT_ENV } from "../helpers/git.ts";

interface Step {
  name?: string;
  run?: string;
  if?: string;
  id?: string;
  env?: Record<string, string>;
}

const workflow = parse(readFileSync(path.join(TOOLKIT_ROOT, ".github/workflows/issue-to-pr.yml"), "utf8"));
// The job's own scripts (checkout, Node and npm ci are the runner's part here: the toolkit is this one).
const steps = (workflow.jobs["pull-request"].steps as Step[]).filter((s) => s.run !== undefined && s.run !== "npm ci");
const [permissionStep, recordStep, prStep, commentStep] = steps as [Step, Step, Step, Step];
assert.equal([permissionStep.name, recordStep.id, commentStep.if], ["Check that a maintainer added the label", "record", "always() && steps.record.outputs.status != ''"]);
const VALID = readFileSync(path.join(TOOLKIT_ROOT, "test/fixtures/issue-form/valid.md"), "utf8");
const BRANCH = "event-from-issue-21";

/** A stand-in for gh: records its calls, answers from files in $FAKE_GH. */
const FAKE_GH = `#!/bin/bash
printf '%s\\n' "$*" >> "$FAKE_GH/calls"
case "$*" in
  *"/permission --jq .role_name") if [ -f "$FAKE_GH/role" ]; then cat "$FAKE_GH/role"; else echo "gh: Not Found (HTTP 404)" >&2; exit 1; fi ;;
  *"| .body") [ -f "$FAKE_GH/check-comment" ] && cat "$FAKE_GH/check-comment"; exit 0 ;;
  *"| .id") exit 0 ;;
  "api --method POST "*)
    n=$(ls "$FAKE_GH" | grep -c '^posted-' || true)
    for a in "$@"; do case "$a" in body=@*) cp "\${a#body=@}" "$FAKE_GH/posted-$n" ;; esac; done ;;
  "pr list "*) [ -f "$FAKE_GH/pr-url" ] && cat "$FAKE_GH/pr-url"; exit 0 ;;
  "pr create "*)
    prev=""; for a in "$@"; do [ "$prev" = --body-file ] && cp "$a" "$FAKE_GH/pr-body"; prev=$a; done
    if [ -f "$FAKE_GH/pr-create-fails" ]; then echo "pull request create failed: GitHub Actions is not permitted to create or approve pull requests" >&2; exit 1; fi
    echo "https://github.com/o/r/pull/99" > "$FAKE_GH/pr-url"; cat "$FAKE_GH/pr-url" ;;
  "pr edit "*) ;;
  *) echo "fake gh: unexpected $*" >&2; exit 1 ;;
esac
`;

interface Setup {
  dir: string;
  origin: string;
  gh: string;
  stub: string;
}

function setup(): Setup {
  const dir = mkdtempSync(path.join(tmpdir(), "eventwire-issue-to-pr-"));
  const origin = path.join(dir, "origin.git");
  const seed = writeDataset({ ...REGISTRY });
  git(seed, "init", "-q", "-b", "main");
  git(seed, "add", "-A");
  git(seed, "commit", "-q", "-m", "dataset");
  git(dir, "clone", "-q", "--bare", seed, origin);
  rmSync(seed, { recursive: true, force: true });
  const gh = path.join(dir, "gh-state");
  const stub = path.join(dir, "stub");
  mkdirSync(gh);
  mkdirSync(stub);
  writeFileSync(path.join(stub, "gh"), FAKE_GH);
  chmodSync(path.join(stub, "gh"), 0o755);
  return { dir, origin, gh, stub };
}

/** The check comment as the check job left it, for the body given. */
function checked(s: Setup, body: string): void {
  const hash = createHash("sha256").update(body).digest("hex").slice(0, 16);
  writeFileSync(path.join(s.gh, "check-comment"), `${ISSUE_COMMENT_MARKER}\n<!-- eventwire-issue-body: ${hash} -->\n\n## The record from this issue\n`);
}

interface JobRun {
  codes: (number | undefined)[];
  outputs: Record<string, string>;
  log: string;
  posted: string[];
}

/** The pull-request job in a fresh checkout of origin's main, as a runner has it. */
function runJob(s: Setup, body: string, sender = "maint"): JobRun {
  const work = mkdtempSync(path.join(s.dir, "runner-"));
  const checkout = path.join(work, "checkout");
  const temp = path.join(work, "temp");
  mkdirSync(temp);
  git(work, "clone", "-q", s.origin, checkout);
  // The toolkit beside the dataset, as in the repository (kept out of git's view).
  symlinkSync(path.join(TOOLKIT_ROOT, "bin"), path.join(checkout, "bin"));
  writeFileSync(path.join(checkout, ".git/info/exclude"), "/bin\n");
  for (const f of readdirSync(s.gh)) if (f.startsWith("posted-")) rmSync(path.join(s.gh, f));
  const outputFile = path.join(temp, "output");
  writeFileSync(outputFile, "");
  const outputs = (): Record<string, string> =>
    Object.fromEntries(
      readFileSync(outputFile, "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
    );
  const outcomes: Record<string, string> = {};
  const values = (expression: string): string => {
    const map: Record<string, string> = {
      "${{ github.token }}": "t0ken",
      "${{ github.repository }}": "o/r",
      "${{ github.event.issue.body }}": body,
      "${{ github.event.issue.user.login }}": "octo",
      "${{ github.event.issue.number }}": "21",
      "${{ github.event.sender.login }}": sender,
      "${{ github.event.repository.default_branch }}": "main",
      "${{ steps.record.outcome }}": outcomes.record ?? "",
    };
    const out = /^\$\{\{ steps\.record\.outputs\.([a-z]+) \}\}$/.exec(expression);
    if (out) return outputs()[out[1]!] ?? "";
    assert.ok(expression in map, expression);
    return map[expression]!;
  };
  let log = "";
  const codes: (number | undefined)[] = [];
  let failed = false;
  for (const step of [permissionStep, recordStep, prStep, commentStep]) {
    const o = outputs();
    // The steps' conditions, as GitHub reads them (a step without `if:` runs while nothing has failed).
    const runs =
      step === prStep ? !failed && (o.status === "0" || o.status === "1") : step === commentStep ? o.status !== undefined && o.status !== "" : !failed;
    if (!runs) {
      codes.push(undefined);
      continue;
    }
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, values(v)]));
    const r = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", step.run!], {
      cwd: checkout,
      encoding: "utf8",
      env: { ...GIT_ENV, PATH: `${s.stub}:${process.env.PATH}`, FAKE_GH: s.gh, RUNNER_TEMP: temp, GITHUB_OUTPUT: outputFile, ...env },
    });
    log += `## ${step.name}\n${r.stdout}${r.stderr}`;
    codes.push(r.status ?? -1);
    if (step.id) outcomes[step.id] = r.status === 0 ? "success" : "failure";
    if (r.status !== 0) failed = true;
  }
  const posted = readdirSync(s.gh)
    .filter((f) => f.startsWith("posted-"))
    .sort()
    .map((f) => readFileSync(path.join(s.gh, f), "utf8"));
  return { codes, outputs: outputs(), log, posted };
}

const originHead = (s: Setup) => spawnSync("git", ["rev-parse", "--verify", "-q", `refs/heads/${BRANCH}`], { cwd: s.origin, encoding: "utf8", env: GIT_ENV }).stdout.trim();

test("the label's sender: triage rights or more by role_name; another role, or no collaborator (404, an app), refused with a message", () => {
  const s = setup();
  try {
    checked(s, VALID);
    writeFileSync(path.join(s.gh, "role"), "read\n");
    const read = runJob(s, VALID);
    assert.equal(read.codes, [1, undefined, undefined, undefined]);
    assert.match(read.log, /whose role is read \(triage or more is needed\): nothing is done/);
    rmSync(path.join(s.gh, "role"));
    const app = runJob(s, VALID, "some-app[bot]");
    assert.equal(app.codes, [1, undefined, undefined, undefined]);
    assert.match(app.log, /some-app\[bot\], who is not a collaborator of o\/r \(an app or an outside account\)/);
    assert.is(originHead(s), "", "nothing pushed");
    assert.match(readFileSync(path.join(s.gh, "calls"), "utf8"), /collaborators\/maint\/permission --jq \.role_name/);
  } finally {
    rmSync(s.dir, { recursive: true, force: true });
  }
});

test("a maintainer's label: the branch is pushed, the pull request opened, the comment posted; a second run updates the branch, same record file", () => {
  const s = setup();
  try {
    writeFileSync(path.join(s.gh, "role"), "triage\n");
    checked(s, VALID);
    const first = runJob(s, VALID);
    assert.equal(first.codes, [0, 0, 0, 0], first.log);
    const file = first.outputs.file!;
    assert.match(file, /^data\/events\/2023\/02\/ev-[0-9a-z]{8}\.yaml$/);
    const head1 = originHead(s);
    assert.ok(head1);
    assert.is(git(s.origin, "log", "--format=%ae", `main..${BRANCH}`).trim(), "41898282+github-actions[bot]@users.noreply.github.com");
    assert.is(first.posted.length, 1);
    assert.ok(first.posted[0]!.startsWith(ISSUE_COMMENT_MARKER));
    assert.match(first.posted[0]!, /### Pull request\n\nhttps:\/\/github\.com\/o\/r\/pull\/99 \(branch `event-from-issue-21`\)/);
    // The pull request's body is its own text: what it holds, how to run CI; not the issue comment's next steps.
    const calls = readFileSync(path.join(s.gh, "calls"), "utf8");
    assert.match(calls, /pr create --repo o\/r --base main --head event-from-issue-21/);
    const prBody = readFileSync(path.join(s.gh, "pr-body"), "utf8");
    assert.ok(prBody.startsWith(`Adds one event record, \`${file}\`, made from the answers of issue #21`), prBody);
    assert.match(prBody, /^Closes #21$/m);
    assert.match(prBody, /close and reopen this pull request, or push to it/);
    assert.not.match(prBody, /What happens next|edit the issue \(the `\.\.\.` menu/, "not the issue comment's next steps");

    const edited = VALID.replace("Blinken visits Kazakhstan", "Blinken visits Astana");
    checked(s, edited);
    const again = runJob(s, edited);
    assert.equal(again.codes, [0, 0, 0, 0], again.log);
    assert.is(again.outputs.file, file, "the same record, by the issue's number");
    assert.not.equal(originHead(s), head1);
    assert.is(git(s.origin, "rev-list", "--count", `main..${BRANCH}`).trim(), "1");
    assert.match(git(s.origin, "show", `${BRANCH}:${file}`), /title: Blinken visits Astana/);
  } finally {
    rmSync(s.dir, { recursive: true, force: true });
  }
});

test("a body changed since the last check: refused with a comment of its own, nothing pushed", () => {
  const s = setup();
  try {
    writeFileSync(path.join(s.gh, "role"), "admin\n");
    checked(s, VALID);
    const r = runJob(s, VALID.replace("Blinken visits Kazakhstan", "Something else entirely"));
    assert.equal(r.codes, [0, 0, undefined, 0], r.log);
    assert.is(r.outputs.status, "refused");
    assert.is(originHead(s), "");
    assert.is(r.posted.length, 1);
    assert.not.ok(r.posted[0]!.startsWith(ISSUE_COMMENT_MARKER), "the check's comment is left as it is");
    assert.match(r.posted[0]!, /the issue changed after its last check/);
  } finally {
    rmSync(s.dir, { recursive: true, force: true });
  }
});

test("a maintainer's commit on the branch: never overwritten; the job refuses and says so", () => {
  const s = setup();
  try {
    writeFileSync(path.join(s.gh, "role"), "write\n");
    checked(s, VALID);
    assert.equal(runJob(s, VALID).codes, [0, 0, 0, 0]);
    // A maintainer adds a commit to the branch.
    const work = mkdtempSync(path.join(s.dir, "maintainer-"));
    git(work, "clone", "-q", "-b", BRANCH, s.origin, "c");
    writeFileSync(path.join(work, "c/NOTE.md"), "a maintainer's fix\n");
    git(path.join(work, "c"), "add", "NOTE.md");
    git(path.join(work, "c"), "commit", "-q", "-m", "fix");
    git(path.join(work, "c"), "push", "-q", "origin", BRANCH);
    const before = originHead(s);
    const r = runJob(s, VALID);
    assert.equal(r.codes, [0, 0, undefined, 0], r.log);
    assert.is(r.outputs.status, "refused");
    assert.is(originHead(s), before, "the branch is as the maintainer left it");
    assert.match(r.posted[0]!, /holds commits this workflow did not make, which are kept/);
  } finally {
    rmSync(s.dir, { recursive: true, force: true });
  }
});

test("a pull request that cannot be opened (Actions may not create pull requests): the job fails, and the issue comment still says so", () => {
  const s = setup();
  try {
    writeFileSync(path.join(s.gh, "role"), "maintain\n");
    writeFileSync(path.join(s.gh, "pr-create-fails"), "");
    checked(s, VALID);
    const r = runJob(s, VALID);
    assert.equal(r.codes, [0, 0, 1, 0], r.log);
    assert.is(r.posted.length, 1);
    assert.ok(r.posted[0]!.startsWith(ISSUE_COMMENT_MARKER));
    assert.match(r.posted[0]!, /the pull request could not be opened/);
    assert.match(r.posted[0]!, /Actions may create pull requests, the labels exist/);
    assert.ok(existsSync(s.origin));
  } finally {
    rmSync(s.dir, { recursive: true, force: true });
  }
});

test.run();
