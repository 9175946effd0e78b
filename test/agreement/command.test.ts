/** `eventwire agreement` end to end: the DW page coded twice, the report in each format (golden), --dataset, usage errors. */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { TOOLKIT_ROOT } from "../../scripts/core/paths.ts";
import { EVENT_PATH, EVENT_YAML, REGISTRY, editEvent, writeDataset } from "../helpers/dataset.ts";
import { assertGolden } from "../helpers/golden.ts";
import { run } from "../helpers/run.ts";

const CODER_B = "test/fixtures/agreement/dw-coder-b";
/** The dataset's records coded from the DW page (the article coder B coded too). */
const DW = "data/events/2023/02/ev-{2eqrxyd2,6875ntv9,dwgqbce2,kt5t8ctm,p6w7bxbz,pdg3x4ax}.yaml";
const agreement = (...args: string[]) => run(["agreement", ...args], { cwd: TOOLKIT_ROOT });

test("the DW page, coded for the dataset and again by coder B: units, unmatched events, alpha by field (values worked out independently)", async () => {
  const r = await agreement(DW, CODER_B, "--format", "json");
  assert.is(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.equal(report.coders, [DW, CODER_B]);
  assert.is(report.articles, 1);
  assert.is(report.units, 6);
  assert.is(report.unmatched, 1, "coder B did not code Tokayev's thanks");
  const field = (name: string) => report.fields.find((f: { field: string }) => f.field === name);
  // Worked out by hand (and with a separate script) from the six units.
  assert.is(field("event_type").alpha.toFixed(4), "0.7660");
  assert.is(field("event_type").percentAgreement, 5 / 6);
  assert.is(field("actors").metric, "MASI");
  assert.is(field("actors").alpha.toFixed(4), "0.4558");
  assert.is(field("actors").disagreements.length, 3);
  // Coder B gave the $25 million a month only: the dates are compared at that precision, and agree.
  assert.equal(field("date").disagreements.map((d: { events: string[] }) => d.events), [["ev-kt5t8ctm", "(no event)"]]);
  assertGolden("agreement-dw.json", r.stdout);
  assertGolden("agreement-dw.pretty.txt", (await agreement(DW, CODER_B)).stdout);
  assertGolden("agreement-dw.md", (await agreement(DW, CODER_B, "--format", "markdown")).stdout);
});

test("a coding compared with itself agrees fully; a field with one value only has an undefined alpha, and says why", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "eventwire-agreement-"));
  try {
    cpSync(path.join(TOOLKIT_ROOT, "data/events/2023/02"), path.join(dir, "copy"), { recursive: true });
    const r = await run(["agreement", DW, path.join(dir, "copy", "ev-{2eqrxyd2,6875ntv9,dwgqbce2,kt5t8ctm,p6w7bxbz,pdg3x4ax}.yaml"), "--format", "json"], { cwd: TOOLKIT_ROOT });
    const report = JSON.parse(r.stdout);
    assert.is(report.unmatched, 0);
    for (const f of report.fields) assert.is(f.disagreements.length, 0, f.field);
    const byName = Object.fromEntries(report.fields.map((f: { field: string }) => [f.field, f]));
    assert.is(byName.event_type.alpha, 1);
    assert.is(byName.actors.alpha, 1);
    assert.is(byName.date.alpha, null, "every date is 2023-02-28");
    assert.match(byName.date.undefinedBecause, /every value is the same \(2023-02-28\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("--dataset: records that share a source and differ in coded_by are compared; one coder alone is said to be so", async () => {
  const alone = await agreement("--dataset");
  assert.is(alone.code, 0);
  assert.match(alone.stdout, /Fewer than two coders \(eventwire\): nothing to compare/);
  const second = editEvent("id: ev-p6w7bxbz", "id: ev-dwgqbce2", editEvent("coded_by: [eventwire]", "coded_by: [coder-b]", editEvent("mode: multilateral", "mode: visit")));
  const root = writeDataset({ ...REGISTRY, [EVENT_PATH]: EVENT_YAML, "data/events/2023/02/ev-dwgqbce2.yaml": second });
  try {
    const r = await run(["agreement", "--dataset", "--format", "json"], { cwd: root });
    assert.is(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(report.coders, ["coder-b", "eventwire"]);
    assert.is(report.units, 1);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("usage: one coding, an unknown format or an empty folder exit 2; a file that is not an event is reported (exit 1)", async () => {
  assert.is((await agreement(DW)).code, 2);
  assert.is((await agreement(DW, CODER_B, "--format", "csv")).code, 2);
  assert.is((await agreement("data/events", "docs")).code, 2);
  const r = await agreement("data/events", "data/actors");
  assert.is(r.code, 1);
  assert.match(r.stderr, /data\/actors\/antony-blinken\.yaml: not a valid event record/);
});

test("a coding folder that holds other articles too: only articles both codings cite count (CONTRIBUTING's example)", async () => {
  const folder = JSON.parse((await agreement("data/events/2023/02", CODER_B, "--format", "json")).stdout);
  const six = JSON.parse((await agreement(DW, CODER_B, "--format", "json")).stdout);
  assert.is(folder.articles, 1);
  assert.equal(folder.fields, six.fields);
  assert.is(folder.unmatched, six.unmatched);
});

test("--format json stays JSON with one coder; --root without --dataset is a usage error", async () => {
  const alone = await agreement("--dataset", "--format", "json");
  assert.is(alone.code, 0);
  assert.is(JSON.parse(alone.stdout).units, 0);
  assert.match(alone.stderr, /Fewer than two coders/);
  assert.is((await agreement("--root", ".", DW, CODER_B)).code, 2);
});

test.run();
