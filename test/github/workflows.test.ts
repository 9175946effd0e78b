/**
 * Every workflow under .github/workflows/ is what GitHub accepts and keeps the
 * rules that make it safe with untrusted input. GitHub's own parser
 * (@actions/workflow-parser, the one its Actions language server uses) checks
 * the syntax, keys, values and expressions; the rules below are ours.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "yaml";
import { TOOLKIT_ROOT } from "../../scripts/core/paths.ts";

const FOLDER = path.join(TOOLKIT_ROOT, ".github/workflows");
const FILES = readdirSync(FOLDER).filter((f) => /\.ya?ml$/.test(f)).sort();

/** GitHub's parser's errors for a workflow's text (empty when it accepts it). */
async function githubErrors(name: string, content: string): Promise<string[]> {
  // An ES module only (its exports have no require condition), and uvu loads tests with require.
  const { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } = await import("@actions/workflow-parser");
  const result = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const errors = result.context.errors.getErrors().map((e) => e.message);
  if (errors.length > 0 || !result.value) return errors;
  const template = await convertWorkflowTemplate(result.context, result.value);
  return (template.errors ?? []).map((e) => e.Message);
}

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  permissions?: string | Record<string, string>;
  steps?: Step[];
}

test("the parser finds what GitHub refuses (its own cases, so a pass below means something)", async () => {
  const bad = [
    "on: pushh",
    "jobs:",
    "  a:",
    "    runs-on: ubuntu-latest",
    "    permissions: { contents: wrte }",
    "    steps:",
    "      - run: echo ${{ github.event.issue.title }",
    "      - uses: actions/checkout@v4",
    "        runs: x",
  ].join("\n");
  const errors = await githubErrors("bad.yml", bad);
  assert.equal(
    errors.map((e) => e.replace(/^bad\.yml /, "")),
    [
      "(Line: 1, Col: 5): Unexpected value 'pushh'",
      "(Line: 5, Col: 30): Unexpected value 'wrte'",
      "(Line: 7, Col: 14): The expression is not closed. An unescaped ${{ sequence was found, but the closing }} sequence was not found.",
      "(Line: 9, Col: 9): Unexpected value 'runs'",
    ],
  );
  assert.equal(await githubErrors("good.yml", "on: push\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n"), []);
});

test("there are workflows to check", () => {
  for (const name of ["validate.yml", "release.yml"]) assert.ok(FILES.includes(name), name);
});

for (const file of FILES) {
  const text = readFileSync(path.join(FOLDER, file), "utf8");
  const workflow = parse(text, { uniqueKeys: true }) as { on: Record<string, unknown> | string | string[]; permissions?: unknown; jobs: Record<string, Job> };
  const triggers = typeof workflow.on === "string" ? [workflow.on] : Array.isArray(workflow.on) ? workflow.on : Object.keys(workflow.on);

  test(`${file}: GitHub's workflow parser accepts it`, async () => {
    assert.equal(await githubErrors(file, text), []);
  });

  test(`${file}: no pull_request_target, and permissions stated at the top (least privilege)`, () => {
    assert.not.ok(triggers.includes("pull_request_target"), "pull_request_target runs with a write token on a fork's event");
    assert.ok(workflow.permissions !== undefined, "a top-level permissions block (the default token may be read-write)");
    assert.not.equal(workflow.permissions, "write-all");
    for (const [id, job] of Object.entries(workflow.jobs)) assert.not.equal(job.permissions, "write-all", id);
  });

  test(`${file}: no expression is interpolated into a shell or a script (values reach steps through env)`, () => {
    for (const [id, job] of Object.entries(workflow.jobs))
      for (const step of job.steps ?? []) {
        if (step.run !== undefined) assert.not.match(step.run, /\$\{\{/, `${id}: ${step.run.split("\n")[0]}`);
        if (step.uses?.startsWith("actions/github-script@")) assert.not.match(String(step.with?.script ?? ""), /\$\{\{/, `${id}: github-script`);
      }
  });

  test(`${file}: a checkout never takes a pull request's or a run's head where the token can write`, () => {
    for (const [id, job] of Object.entries(workflow.jobs)) {
      const permissions = job.permissions ?? workflow.permissions;
      const writes = typeof permissions === "object" && permissions !== null && Object.values(permissions).includes("write");
      for (const step of job.steps ?? []) {
        if (!step.uses?.startsWith("actions/checkout@")) continue;
        const ref = String(step.with?.ref ?? "") + String(step.with?.repository ?? "");
        if (writes) assert.not.match(ref, /pull_request\.head|head_ref|workflow_run\.head|issue/, `${id}: checks out untrusted code with a write token`);
        if (!writes) assert.is(step.with?.["persist-credentials"], false, `${id}: a read-only job does not keep the token in .git/config`);
      }
    }
  });
}

test.run();
