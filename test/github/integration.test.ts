/** The GitHub files: the workflow does what maintainers expect, and the opt-in pre-commit hook blocks what CI would. */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "yaml";
import { TOOLKIT_ROOT } from "../../scripts/core/paths.ts";
import { git, GIT_ENV } from "../helpers/git.ts";
import { canonicalText } from "../../scripts/dataset/canonical.ts";
import { SHALLOW_HINT } from "../../scripts/dataset/changes.ts";
import { EVENT_PATH, EVENT_YAML, REGISTRY, editEvent, writeDataset } from "../helpers/dataset.ts";

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}

test("validate.yml: pull_request (never pull_request_target), read-only, full history, the checks in order", () => {
  const workflow = parse(readFileSync(path.join(TOOLKIT_ROOT, ".github/workflows/validate.yml"), "utf8"), { uniqueKeys: true });
  const on = workflow.on as Record<string, unknown>;
  assert.ok("pull_request" in on);
  assert.not.ok("pull_request_target" in on);
  assert.equal(workflow.permissions, { contents: "read" });
  const steps = workflow.jobs.validate.steps as Step[];
  const checkout = steps.find((s) => s.uses?.startsWith("actions/checkout@"))!;
  assert.is(checkout.with?.["fetch-depth"], 0);
  // What validate --changed tells a shallow clone to do is what the workflow does.
  assert.match(SHALLOW_HINT, /actions\/checkout `fetch-depth: 0`/);
  assert.is(checkout.with?.["persist-credentials"], false);
  const runs = steps.filter((s) => s.run).map((s) => s.run!);
  assert.equal(runs, [
    "npm ci",
    'node bin/eventwire.js diff "origin/$BASE_REF" HEAD --summary-file "$GITHUB_STEP_SUMMARY"',
    `mkdir -p pr-comment && printf '%s\\n' "$PR_NUMBER" > pr-comment/number`,
    "npm run validate -- --changed --format github --cache --cache-strategy content",
    "npm run -s validate -- --changed --fix-dry-run -o /dev/null || true",
    "npm run validate -- --format github --cache --cache-strategy content",
    "npm run format -- --check",
    "npm run -s schema:check",
    "npm run -s migrate -- --dry-run",
    "npm test",
  ]);
  assert.is(steps.find((s) => s.run?.includes("--changed"))!.if, "github.event_name == 'pull_request'");
  // The dataset's changes (eventwire diff) on pull requests only, with the base branch passed through env; a failure of
  // diff does not stop the checks. The artifact pr-comment.yml reads holds the pull request's number, and only that.
  const diff = steps.find((s) => s.run?.includes(" diff "))! as Step & { env?: Record<string, string>; "continue-on-error"?: boolean };
  assert.is(diff.if, "github.event_name == 'pull_request'");
  assert.equal(diff.env, { BASE_REF: "${{ github.base_ref }}" });
  assert.is(diff["continue-on-error"], true);
  const upload = steps.find((s) => s.uses?.startsWith("actions/upload-artifact@"))!;
  assert.is(upload.uses, "actions/upload-artifact@v4");
  assert.is(upload.if, "github.event_name == 'pull_request'");
  assert.equal(upload.with, { name: "pr-comment", path: "pr-comment/number", "retention-days": 1, overwrite: true });
  assert.ok(steps.indexOf(upload) < steps.findIndex((s) => s.run?.includes("--changed")), "uploaded before validate can fail");
  // When the pull request's records fail, the log shows what --fix would change (the diff alone: the report goes nowhere).
  const changed = steps.find((s) => s.run?.includes("--changed"))!;
  assert.is(steps.find((s) => s.run?.includes("--fix-dry-run"))!.if, `failure() && steps.${(changed as { id?: string }).id}.outcome == 'failure'`);
  // validate's cache is kept between runs (a fresh checkout: compared by content), restored before validate runs.
  const cache = steps.findIndex((s) => s.uses?.startsWith("actions/cache@"));
  assert.ok(cache >= 0 && cache < steps.findIndex((s) => s.run?.startsWith("npm run validate")));
  assert.is(steps[cache]!.with?.path, ".eventwire-cache");
  assert.match(String(steps[cache]!.with?.key), /^eventwire-cache-.*\$\{\{ github\.sha \}\}$/);
  // The scripts the workflow runs exist.
  const scripts = JSON.parse(readFileSync(path.join(TOOLKIT_ROOT, "package.json"), "utf8")).scripts;
  for (const name of ["validate", "format", "test"]) assert.ok(scripts[name], name);
});

test("validate.yml: on pushes to main only, a job of its own writes SARIF and uploads it to code scanning", () => {
  const workflow = parse(readFileSync(path.join(TOOLKIT_ROOT, ".github/workflows/validate.yml"), "utf8"), { uniqueKeys: true });
  const job = workflow.jobs["code-scanning"];
  assert.is(job.if, "github.event_name == 'push'");
  // The only place with write access to security events; the workflow's token stays read-only.
  assert.equal(job.permissions, { contents: "read", "security-events": "write" });
  const steps = job.steps as Step[];
  const write = steps.findIndex((s) => s.run?.includes("--format sarif -o eventwire.sarif"));
  const upload = steps.findIndex((s) => s.uses?.startsWith("github/codeql-action/upload-sarif@"));
  assert.ok(write >= 0 && upload > write, "the report is written, then uploaded");
  assert.is(steps[upload]!.with?.sarif_file, "eventwire.sarif");
  const cache = steps.findIndex((s) => s.uses?.startsWith("actions/cache/restore@") && s.with?.path === ".eventwire-cache");
  assert.ok(cache >= 0 && cache < write, "validate's cache is restored first");
});

test("release.yml: on version tags, builds the release, checks the sums, attaches the files", () => {
  const workflow = parse(readFileSync(path.join(TOOLKIT_ROOT, ".github/workflows/release.yml"), "utf8"), { uniqueKeys: true });
  assert.equal(workflow.on, { push: { tags: ["v*"] } });
  assert.equal(workflow.permissions, { contents: "write" });
  const runs = (workflow.jobs.release.steps as Step[]).filter((s) => s.run).map((s) => s.run!);
  assert.is(runs[0], "npm ci");
  assert.match(runs[1]!, /gh release download "\$previous" --pattern 'eventwire-\*\.tar\.gz'/);
  assert.match(runs[2]!, /npm run release -- --version "\$\{GITHUB_REF_NAME#v\}" --previous "\$1"/);
  assert.match(runs[3]!, /sha256sum -c SHA256SUMS/);
  // The release folder is inside its set: dist/eventwire-<v>/eventwire-<v>/, the archive beside it.
  const folder = "dist/eventwire-${GITHUB_REF_NAME#v}/eventwire-${GITHUB_REF_NAME#v}";
  assert.ok(runs[3]!.includes(`cd "${folder}"`), runs[3]);
  assert.ok(runs[4]!.includes(`folder="${folder}"`), runs[4]);
  assert.match(runs[4]!, /gh release create "\$GITHUB_REF_NAME"/);
  assert.match(runs[4]!, /"\$folder\.tar\.gz"/, "the archive is attached");
  const node = (workflow.jobs.release.steps as Step[]).find((s) => s.uses?.startsWith("actions/setup-node@"))!;
  assert.match(String(node.with?.["node-version"]), /^\d+\.\d+\.\d+$/, "an exact Node version");
  const scripts = JSON.parse(readFileSync(path.join(TOOLKIT_ROOT, "package.json"), "utf8")).scripts;
  assert.ok(scripts.release);
});

test("the pull request template asks for the source and for nothing invented", () => {
  const template = readFileSync(path.join(TOOLKIT_ROOT, ".github/PULL_REQUEST_TEMPLATE.md"), "utf8");
  for (const phrase of ["cites the outlet", "only what the source says", "No invented identifiers", "Nothing was deleted"]) assert.match(template, phrase);
});


test("pre-commit hook: passes a good record, stops an invalid or unformatted one", () => {
  const root = writeDataset({ ...REGISTRY });
  const hook = path.join(TOOLKIT_ROOT, ".githooks", "pre-commit");
  const runHook = () =>
    spawnSync("sh", [hook], { cwd: root, encoding: "utf8", env: { ...GIT_ENV, EVENTWIRE_BIN: path.join(TOOLKIT_ROOT, "bin", "eventwire.js") } });
  try {
    git(root, "init", "-q", "-b", "main");
    git(root, "add", "-A");
    git(root, "commit", "-q", "-m", "registry");
    assert.is(runHook().status, 0, "nothing staged under data/events");

    mkdirSync(path.dirname(path.join(root, EVENT_PATH)), { recursive: true });
    const formatted = canonicalText(EVENT_YAML, "yaml", "event", "1.3.0");
    assert.ok(formatted.ok);
    writeFileSync(path.join(root, EVENT_PATH), formatted.ok ? formatted.text : "");
    git(root, "add", "-A");
    const good = runHook();
    assert.is(good.status, 0, good.stdout + good.stderr);

    writeFileSync(path.join(root, EVENT_PATH), editEvent("precision: day", "precision: days"));
    git(root, "add", "-A");
    const invalid = runHook();
    assert.is(invalid.status, 1);
    assert.match(invalid.stdout, /ev-p6w7bxbz\.yaml:\d+:\d+  error  schema/);

    writeFileSync(path.join(root, EVENT_PATH), editEvent('schema_version: "1.3.0"\nid: ev-p6w7bxbz', 'id: ev-p6w7bxbz\nschema_version: "1.3.0"'));
    git(root, "add", "-A");
    const unformatted = runHook();
    assert.is(unformatted.status, 1);
    assert.match(unformatted.stdout, /not formatted/);

    // A staged mistake fixed only in the working tree: the hook refuses rather than check the wrong version.
    writeFileSync(path.join(root, EVENT_PATH), editEvent("precision: day", "precision: days"));
    git(root, "add", "-A");
    writeFileSync(path.join(root, EVENT_PATH), formatted.ok ? formatted.text : "");
    const partly = runHook();
    assert.is(partly.status, 1);
    assert.match(partly.stderr, /not staged/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test.run();
