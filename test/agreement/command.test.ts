/** `eventwire agreement` end to end: the DW page coded twice, the report in each format (golden), --dataset (data/events against each coder of data/codings/), usage errors. */
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { TOOLKIT_ROOT } from "../../scripts/core/paths.ts";
import { EVENT_PATH, EVENT_YAML, REGISTRY, editEvent, writeDataset } from "../helpers/dataset.ts";
import { parse } from "yaml";
import { assertGolden } from "../helpers/golden.ts";
import { run } from "../helpers/run.ts";

const CODER_B = "test/fixtures/agreement/dw-coder-b";
/**
 * The dataset's records coded from the DW page (the article coder B coded too), as they stood when the figures below were
 * worked out by hand, with the other events of that month (other articles): a copy of data/events/2023/02 at 72856df, so
 * that a later correction of the dataset's records does not move the figures.
 */
const DW = "test/fixtures/agreement/dw-dataset/ev-{2eqrxyd2,6875ntv9,dwgqbce2,kt5t8ctm,p6w7bxbz,pdg3x4ax}.yaml";
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
    cpSync(path.join(TOOLKIT_ROOT, "test/fixtures/agreement/dw-dataset"), path.join(dir, "copy"), { recursive: true });
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

/** A second coding of the example event's DW article by `coder`, with `edit` made to it (a fresh id, and the coder's own provenance). */
const coding = (id: string, coder: string, edit: (text: string) => string = (t) => t) =>
  edit(editEvent("id: ev-p6w7bxbz", `id: ${id}`, editEvent("coded_by: [eventwire]", `coded_by: [${coder}]`)));

test("--dataset without second codings: nothing to compare, said so (exit 0); JSON stays JSON", async () => {
  // A dataset with events and no data/codings/ (the repository's own holds a second coding now).
  const root = writeDataset({ ...REGISTRY });
  try {
    const none = await agreement("--dataset", "--root", root);
    assert.is(none.code, 0, none.stderr);
    assert.match(none.stdout, /No second codings in data\/codings\/ .*: nothing to compare/);
    const json = await agreement("--dataset", "--format", "json", "--root", root);
    assert.is(json.code, 0);
    assert.equal(JSON.parse(json.stdout), { version: 1, comparisons: [] });
    assert.match(json.stderr, /No second codings/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("--dataset: data/events is compared with each coder of data/codings/, coder by coder, over the articles the coder coded", async () => {
  // A second event of data/events cites the DW article as its second source, after another page: it is compared under the DW article.
  const second = editEvent(
    "id: ev-p6w7bxbz",
    "id: ev-6875ntv9",
    editEvent("event_type: CONSULT\nmode: multilateral", "event_type: SUPPORT", editEvent("sources:\n", "sources:\n  - outlet: reuters\n    url: https://www.reuters.com/world/x\n    language: en\n")),
  );
  // Another event cites only a page no coder coded: it is compared with nobody.
  const other = editEvent("id: ev-p6w7bxbz", "id: ev-kt5t8ctm", editEvent("https://p.dw.com/p/4O4UG", "https://p.dw.com/p/other", editEvent('start: "2023-02-28"', 'start: "2023-02-10"')));
  const root = writeDataset({
    ...REGISTRY,
    "data/outlets/reuters.yaml": REGISTRY["data/outlets/reuters.yaml"]!,
    [EVENT_PATH]: EVENT_YAML,
    "data/events/2023/02/ev-6875ntv9.yaml": second,
    "data/events/2023/02/ev-kt5t8ctm.yaml": other,
    // coder-b agrees on the meeting and did not code the support.
    "data/codings/coder-b/2023/02/ev-dwgqbce2.yaml": coding("ev-dwgqbce2", "coder-b"),
    // coder-a has the meeting as a visit (same type) and the support as a rejection.
    "data/codings/coder-a/2023/02/ev-pdg3x4ax.yaml": coding("ev-pdg3x4ax", "coder-a", (t) => editEvent("mode: multilateral", "mode: visit", t)),
    "data/codings/coder-a/2023/02/ev-2eqrxyd2.yaml": coding("ev-2eqrxyd2", "coder-a", (t) => editEvent("event_type: CONSULT\nmode: multilateral", "event_type: REJECT", t)),
  });
  try {
    const r = await run(["agreement", "--dataset", "--format", "json"], { cwd: root });
    assert.is(r.code, 0, r.stderr);
    const { comparisons } = JSON.parse(r.stdout);
    assert.equal(comparisons.map((c: { coders: string[] }) => c.coders), [["data/events", "coder-a"], ["data/events", "coder-b"]]);
    const [a, b] = comparisons;
    const type = (c: { fields: { field: string }[] }) => c.fields.find((f) => f.field === "event_type") as unknown as { percentAgreement: number; disagreements: { events: string[]; values: string[] }[] };
    assert.is(a.articles, 1);
    assert.is(a.units, 2);
    assert.equal(type(a).disagreements.map((d) => d.values), [["SUPPORT", "REJECT"]]);
    // Neither gave the support a mode: they agree on "(no mode)"; the meeting's modes differ.
    const mode = a.fields.find((f: { field: string }) => f.field === "mode");
    assert.equal(mode.disagreements.map((d: { values: string[] }) => d.values), [["multilateral", "visit"]]);
    assert.is(b.units, 2);
    assert.is(b.unmatched, 1, "coder-b has no event for the support");
    assert.equal(type(b).disagreements.map((d) => d.events), [["ev-6875ntv9", "(no event)"]]);
    const pretty = await run(["agreement", "--dataset"], { cwd: root });
    assert.match(pretty.stdout, /^Agreement between 2 codings: data\/events, coder-a\n/);
    assert.match(pretty.stdout, /\nAgreement between 2 codings: data\/events, coder-b\n/);
    const markdown = await run(["agreement", "--dataset", "--format", "markdown"], { cwd: root });
    assert.is(markdown.stdout.match(/^## Coder agreement$/gm)?.length, 2);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("--dataset: an event that cites two pages a coder coded one by one is compared under each (no disagreement for the second page)", async () => {
  const twoPages = editEvent("sources:\n", "sources:\n  - outlet: reuters\n    url: https://www.reuters.com/world/x\n    language: en\n");
  const reutersOnly = (t: string) => editEvent("https://p.dw.com/p/4O4UG", "https://www.reuters.com/world/x", t);
  const root = writeDataset({
    ...REGISTRY,
    [EVENT_PATH]: twoPages,
    "data/codings/coder-b/2023/02/ev-dwgqbce2.yaml": coding("ev-dwgqbce2", "coder-b"),
    "data/codings/coder-b/2023/02/ev-pdg3x4ax.yaml": coding("ev-pdg3x4ax", "coder-b", reutersOnly),
  });
  try {
    const r = await run(["agreement", "--dataset", "--format", "json"], { cwd: root });
    assert.is(r.code, 0, r.stderr);
    const [b] = JSON.parse(r.stdout).comparisons;
    assert.is(b.articles, 2);
    assert.is(b.units, 2);
    assert.is(b.unmatched, 0);
    for (const f of b.fields) assert.equal(f.disagreements, [], f.field);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("--dataset: an event written as JSON with its slashes escaped is found by its address too; one that cites no coded page is not read", async () => {
  const escaped = JSON.stringify(parse(EVENT_YAML)).replaceAll("/", "\\/");
  const root = writeDataset({
    ...REGISTRY,
    "data/events/2023/02/ev-p6w7bxbz.json": escaped,
    // Not an event at all, but it cites no page a coder coded: never read, so not said.
    "data/events/2023/02/ev-kt5t8ctm.yaml": "id: 1\n",
    "data/codings/coder-b/2023/02/ev-dwgqbce2.yaml": coding("ev-dwgqbce2", "coder-b"),
  });
  try {
    const r = await run(["agreement", "--dataset", "--format", "json"], { cwd: root });
    assert.is(r.code, 0, r.stderr);
    const [b] = JSON.parse(r.stdout).comparisons;
    assert.is(b.units, 1);
    assert.is(b.unmatched, 0);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("--dataset: a coding that is no valid event is said on stderr (exit 1), the others compared", async () => {
  const root = writeDataset({ ...REGISTRY, [EVENT_PATH]: EVENT_YAML, "data/codings/coder-b/2023/02/ev-dwgqbce2.yaml": "id: 1\n" });
  try {
    const r = await run(["agreement", "--dataset"], { cwd: root });
    assert.is(r.code, 1);
    assert.match(r.stderr, /data\/codings\/coder-b\/2023\/02\/ev-dwgqbce2\.yaml: not a valid event record/);
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
  const folder = JSON.parse((await agreement("test/fixtures/agreement/dw-dataset", CODER_B, "--format", "json")).stdout);
  const six = JSON.parse((await agreement(DW, CODER_B, "--format", "json")).stdout);
  assert.is(folder.articles, 1);
  assert.equal(folder.fields, six.fields);
  assert.is(folder.unmatched, six.unmatched);
});

test("--root without --dataset is a usage error; so are codings given with --dataset", async () => {
  assert.is((await agreement("--root", ".", DW, CODER_B)).code, 2);
  assert.is((await agreement("--dataset", DW)).code, 2);
});

test.run();
