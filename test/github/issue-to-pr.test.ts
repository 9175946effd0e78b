/** A record without git: the issue form is generated from the schema, and the workflow that reads it runs no untrusted code. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parse } from "yaml";
import { generateIssueForm, issueFormFields, ISSUE_FORM_LABEL, ISSUE_FORM_PATH } from "../../schema/issue-form.ts";
import { DATE_PRECISIONS, LOCATION_PRECISIONS } from "../../schema/index.ts";
import { EVENT_TYPES } from "../../schema/vocabularies/plover.ts";
import { loadJsonSchema } from "../../schema/published.ts";
import { TOOLKIT_ROOT } from "../../scripts/core/paths.ts";
import { CREATE_PR_LABEL, ISSUE_COMMENT_MARKER } from "../../scripts/report/issue-comment.ts";
import { REGISTRY, writeDataset } from "../helpers/dataset.ts";
import { GIT_ENV } from "../helpers/git.ts";

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  id?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}

const WORKFLOW_PATH = ".github/workflows/issue-to-pr.yml";
const workflowText = readFileSync(path.join(TOOLKIT_ROOT, WORKFLOW_PATH), "utf8");
const workflow = parse(workflowText, { uniqueKeys: true });

test("the committed issue form is the one schema:build generates (like the codebook, it cannot drift)", () => {
  assert.is(readFileSync(path.join(TOOLKIT_ROOT, ISSUE_FORM_PATH), "utf8"), generateIssueForm(), "run `npm run schema:build`");
});

test("the issue form: GitHub's syntax, what eventwire new asks, help from the codebook, dropdowns from the vocabularies", () => {
  const form = parse(readFileSync(path.join(TOOLKIT_ROOT, ISSUE_FORM_PATH), "utf8"), { uniqueKeys: true });
  assert.type(form.name, "string");
  assert.type(form.description, "string");
  assert.equal(form.labels, [ISSUE_FORM_LABEL]);
  const body = form.body as { type: string; id?: string; attributes: Record<string, unknown>; validations?: { required: boolean } }[];
  assert.is(body[0]!.type, "markdown");
  const fields = body.filter((b) => b.type !== "markdown");
  // Ids and labels unique (GitHub refuses a form otherwise; the reader finds answers by label).
  assert.is(new Set(fields.map((f) => f.id)).size, fields.length);
  assert.is(new Set(fields.map((f) => f.attributes.label)).size, fields.length);
  for (const f of fields) {
    assert.match(String(f.id), /^[A-Za-z0-9_-]+$/);
    assert.ok(String(f.attributes.description).length > 0, `${f.id} has help text`);
  }
  const byId = new Map(fields.map((f) => [f.id, f]));
  for (const id of ["date", "end", "precision", "event_type", "mode", "actors", "country", "place", "place_precision", "outlet", "url", "headline", "published", "language", "title", "summary", "confirm"])
    assert.ok(byId.has(id), id);
  // The help text is the codebook's (the published schema's descriptions).
  const schema = loadJsonSchema("1.3.0", "event") as { properties: Record<string, { description: string }> };
  assert.ok(String(byId.get("summary")!.attributes.description).startsWith(schema.properties.summary!.description));
  assert.ok(String(byId.get("title")!.attributes.description).startsWith(schema.properties.title!.description));
  // Dropdowns are the enums and the PLOVER vocabulary, with the definitions.
  assert.equal(byId.get("precision")!.attributes.options, [...DATE_PRECISIONS]);
  assert.equal(byId.get("place_precision")!.attributes.options, [...LOCATION_PRECISIONS]);
  assert.equal(byId.get("event_type")!.attributes.options, EVENT_TYPES.map((t) => `${t.code}: ${t.definition}`));
  assert.is((byId.get("mode")!.attributes.options as string[]).length, EVENT_TYPES.reduce((n, t) => n + t.modes.length, 0));
  assert.is(byId.get("event_type")!.type, "dropdown");
  assert.is(byId.get("actors")!.type, "textarea");
  assert.is(byId.get("summary")!.type, "textarea");
  for (const id of ["date", "event_type", "actors", "title", "summary"]) assert.is(byId.get(id)!.validations?.required, true, id);
  const confirm = byId.get("confirm")!;
  assert.is(confirm.type, "checkboxes");
  for (const option of confirm.attributes.options as { label: string; required: boolean }[]) assert.is(option.required, true);
  // The reader uses the same list: labels and order.
  assert.equal(issueFormFields().map((f) => f.label), fields.map((f) => f.attributes.label));
});

test("issue-to-pr.yml: on issues only, never pull_request_target, read-only by default, one run a job and an issue at a time, in separate groups", () => {
  assert.equal(workflow.on, { issues: { types: ["opened", "edited", "labeled"] } });
  assert.not.match(workflowText, /^\s*pull_request_target\s*:/m);
  assert.equal(workflow.permissions, { contents: "read" });
  // No workflow-level group: a run whose jobs are all skipped (an unrelated label) would join it and cancel a pending create-pr run.
  assert.is(workflow.concurrency, undefined);
  assert.equal(workflow.jobs.check.concurrency, { group: "issue-to-pr-check-${{ github.event.issue.number }}", "cancel-in-progress": false });
  assert.equal(workflow.jobs["pull-request"].concurrency, { group: "issue-to-pr-pr-${{ github.event.issue.number }}", "cancel-in-progress": false });
  // The header says why it is safe, and what a maintainer does about CI on the pull request.
  const header = workflowText.slice(0, workflowText.indexOf("\nname:"));
  for (const phrase of ["No untrusted code runs", "pull_request_target", "env", "GITHUB_TOKEN do not start `pull_request` workflows", "closes and reopens", "triage rights", "Concurrency per job", "cancels\n#   a PENDING run", "Allow GitHub Actions to create and approve pull requests"])
    assert.ok(header.includes(phrase), phrase);
});

test("issue-to-pr.yml: no event value is interpolated into a shell; actions pinned by major version; the default branch is checked out", () => {
  for (const [name, job] of Object.entries(workflow.jobs as Record<string, { steps: Step[] }>)) {
    for (const step of job.steps) {
      if (step.run) assert.not.ok(step.run.includes("${{"), `${name}: ${step.name}: an expression inside run:`);
      if (step.uses) assert.match(step.uses, /^[\w-]+\/[\w-]+(\/[\w-]+)?@v\d+$/);
    }
    const checkout = job.steps.find((s) => s.uses?.startsWith("actions/checkout@"))!;
    assert.is(checkout.with?.ref, "${{ github.event.repository.default_branch }}", name);
    assert.ok(job.steps.some((s) => s.run === "npm ci"), name);
  }
});

test("issue-to-pr.yml check job: on the form's issues, opened or edited; reads code, writes comments; the body through env and a file; one comment found by its marker", () => {
  const job = workflow.jobs.check;
  assert.is(job.if, `(github.event.action == 'opened' || github.event.action == 'edited') && contains(github.event.issue.labels.*.name, '${ISSUE_FORM_LABEL}')`);
  assert.equal(job.permissions, { contents: "read", issues: "write", "pull-requests": "read" });
  const steps = job.steps as Step[];
  assert.is(steps.find((s) => s.uses?.startsWith("actions/checkout@"))!.with?.["persist-credentials"], false);
  const record = steps.find((s) => s.id === "record")!;
  assert.is(record.env?.ISSUE_BODY, "${{ github.event.issue.body }}");
  assert.is(record.env?.ISSUE_AUTHOR, "${{ github.event.issue.user.login }}");
  assert.match(record.run!, /printf '%s' "\$ISSUE_BODY" > "\$RUNNER_TEMP\/issue-body\.md"/);
  assert.match(record.run!, /new event --from-issue "\$RUNNER_TEMP\/issue-body\.md" --coder "\$ISSUE_AUTHOR"/);
  assert.match(record.run!, /--report "\$RUNNER_TEMP\/comment\.md"/);
  assert.match(record.run!, /--issue-number "\$NUMBER"/);
  assert.not.match(record.run!, /git (push|commit)/, "the check job writes nothing back");
  const comment = steps[steps.indexOf(record) + 1]!;
  assert.ok(comment.run!.includes(ISSUE_COMMENT_MARKER));
  assert.match(comment.run!, /select\(\.user\.login == "github-actions\[bot\]"/);
  assert.match(comment.run!, /--method PATCH "repos\/\$REPO\/issues\/comments\/\$id" -F body=@"\$RUNNER_TEMP\/comment\.md"/);
  assert.match(comment.run!, /--method POST "repos\/\$REPO\/issues\/\$NUMBER\/comments" -F body=@"\$RUNNER_TEMP\/comment\.md"/);
});

test("issue-to-pr.yml pull-request job: on a maintainer's label; pushes its own branch with a lease; opens or finds the pull request that closes the issue", () => {
  const job = workflow.jobs["pull-request"];
  assert.is(job.if, `github.event.action == 'labeled' && github.event.label.name == '${CREATE_PR_LABEL}' && contains(github.event.issue.labels.*.name, '${ISSUE_FORM_LABEL}')`);
  assert.equal(job.permissions, { contents: "write", "pull-requests": "write", issues: "write" });
  const steps = job.steps as Step[];
  // Who added the label is checked first, before any checkout.
  assert.match(steps[0]!.run!, /collaborators\/\$SENDER\/permission/);
  assert.is(steps[0]!.env?.SENDER, "${{ github.event.sender.login }}");
  const checkout = steps.findIndex((s) => s.uses?.startsWith("actions/checkout@"));
  assert.ok(checkout > 0);
  // It pushes, yet no credentials stay in the checkout: the token is given to the fetch and the push only, through git's environment.
  assert.is(steps[checkout]!.with?.["persist-credentials"], false);
  assert.is(steps[checkout]!.with?.["fetch-depth"], 0);
  const record = steps.find((s) => s.id === "record")!;
  assert.is(record.env?.ISSUE_BODY, "${{ github.event.issue.body }}");
  assert.match(record.run!, /branch="event-from-issue-\$NUMBER"/);
  assert.match(record.run!, /new event --from-issue "\$RUNNER_TEMP\/issue-body\.md" --coder "\$ISSUE_AUTHOR"/);
  assert.match(record.run!, /Co-authored-by: \$ISSUE_AUTHOR/);
  assert.match(record.run!, /with_token git push --quiet --force-with-lease="refs\/heads\/\$branch:\$seen" origin "HEAD:refs\/heads\/\$branch"/);
  assert.match(record.run!, /GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=http\.https:\/\/github\.com\/\.extraheader/);
  const pr = steps[steps.indexOf(record) + 1]!;
  assert.match(pr.run!, /Closes #%s/);
  assert.match(pr.run!, /gh pr list --repo "\$REPO" --head "\$BRANCH" --state open/);
  assert.match(pr.run!, /gh pr create .*--body-file "\$RUNNER_TEMP\/pr-body\.md"/s);
  assert.match(pr.run!, /close and reopen this pull request/);
  // The comment is posted by a last step that always runs: also when the pull request could not be opened.
  const last = steps[steps.length - 1]!;
  assert.is(last.if, "always() && steps.record.outputs.status != ''");
  assert.ok(last.run!.includes(ISSUE_COMMENT_MARKER), "the link goes into the issue's one comment");
});

test("issue-to-pr.yml check job: its script, run as GitHub runs it, treats shell syntax in the issue as text", () => {
  const step = (workflow.jobs.check.steps as Step[]).find((s) => s.id === "record")!;
  const valid = readFileSync(path.join(TOOLKIT_ROOT, "test/fixtures/issue-form/valid.md"), "utf8");
  const title = `$(touch pwned1) \`touch pwned2\` '; touch pwned3; ' "$HOME" && touch pwned4`;
  const body = valid.replace("### Title\r\n\r\nBlinken visits Kazakhstan", `### Title\r\n\r\n${title}`);
  assert.ok(body.includes(title));
  const root = writeDataset({ ...REGISTRY });
  const temp = path.join(root, ".runner-temp");
  mkdirSync(temp);
  // The job's checkout: the dataset, and the toolkit's bin/ (Node follows the link to the toolkit it belongs to).
  symlinkSync(path.join(TOOLKIT_ROOT, "bin"), path.join(root, "bin"));
  try {
    const r = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", step.run!], {
      cwd: root,
      encoding: "utf8",
      env: { ...GIT_ENV, ISSUE_BODY: body, ISSUE_AUTHOR: "octo", NUMBER: "21", RUNNER_TEMP: temp, GITHUB_OUTPUT: path.join(temp, "output") },
    });
    assert.is(r.status, 0, r.stderr);
    for (const n of [1, 2, 3, 4]) assert.not.ok(existsSync(path.join(root, `pwned${n}`)) || existsSync(path.join(temp, `pwned${n}`)), `pwned${n}`);
    assert.is(readFileSync(path.join(temp, "issue-body.md"), "utf8"), body, "the body, byte for byte");
    assert.match(readFileSync(path.join(temp, "output"), "utf8"), /^status=[01]$/m);
    const records = readdirSync(path.join(root, "data/events/2023/02"));
    assert.is(records.length, 1);
    const record = parse(readFileSync(path.join(root, "data/events/2023/02", records[0]!), "utf8"));
    assert.is(record.title, title);
    assert.ok(readFileSync(path.join(temp, "comment.md"), "utf8").startsWith(ISSUE_COMMENT_MARKER));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("the one-time setup the workflow needs is documented where a maintainer looks: README and CONTRIBUTING's maintainer notes", () => {
  for (const file of ["README.md", "CONTRIBUTING.md"]) {
    const text = readFileSync(path.join(TOOLKIT_ROOT, file), "utf8").replace(/\s+/g, " ");
    assert.ok(text.includes('"Allow GitHub Actions to create and approve pull requests"'), file);
    assert.ok(text.includes(`\`${ISSUE_FORM_LABEL}\``) && text.includes(`\`${CREATE_PR_LABEL}\``), file);
  }
});

test.run();
