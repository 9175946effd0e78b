/**
 * The PLOVER gold standard end to end: import -> validate -> release, a second
 * import that changes nothing, and a corrected file whose changes the next
 * release's changelog lists as modifications.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { importedEventId } from "../../scripts/import/ids.ts";
import { REGISTRY, writeDataset } from "../helpers/dataset.ts";
import { run } from "../helpers/run.ts";

const GSR = path.resolve("test/fixtures/import/plover/PLOVER_GSR_CAMEO.txt");
const ENV = { EVENTWIRE_TODAY: "2026-12-06", SOURCE_DATE_EPOCH: "1796515200" };

test("the 323 records of the gold standard: 321 records, 1 skipped (DOCUMENT), 1 refused (an id given twice with other values); they validate, release, and import again unchanged", async () => {
  const root = writeDataset({ ...REGISTRY });
  try {
    copyFileSync(GSR, path.join(root, "gsr.txt"));
    const first = await run(["import", "plover", "gsr.txt", "--format", "json"], { cwd: root, env: ENV });
    assert.is(first.code, 1, "a refused row is exit 1");
    const report = JSON.parse(first.stdout);
    assert.is(report.rows, 323);
    assert.is(report.records + report.skipped.length + report.refused.length + report.kept.length, 323, "every row accounted for");
    assert.equal(report.written, { new: 321, changed: 0, unchanged: 0, moved: 0 });
    assert.equal(report.skipped.map((n: { line: number }) => n.line), [2]);
    assert.equal(
      report.refused.map((n: { line: number; reason: string }) => [n.line, n.reason]),
      [[4825, "the id PLOVER-GSR01-COERCE-0004 was given to gsr.txt:4596 already, with other values"]],
    );
    assert.equal(report.unmapped.codes, { JAP: 3, ITL: 2, VTN: 1 });
    assert.is(report.fields.event_type.defaulted, 76, "DEMAND, DISAPPROVE, FIGHT and INVESTIGATE records");
    assert.is(report.fields.date.defaulted, 321, "the placeholder date, on every record (the refused row is not counted)");
    assert.equal(report.outlets.created, ["oeda-team-from-cameo-1-1b3-manual"]);

    const validate = await run(["validate", "--format", "json"], { cwd: root, env: ENV });
    assert.is(validate.code, 0, validate.stdout.slice(0, 2000));
    const findings = JSON.parse(validate.stdout).findings as { severity: string }[];
    assert.equal(findings.filter((f) => f.severity !== "info"), []);

    const release = await run(["release", "--version", "1.0.0", "--out", "dist"], { cwd: root, env: ENV });
    assert.is(release.code, 0, release.stderr);
    const folder = path.join(root, "dist/eventwire-1.0.0/eventwire-1.0.0");
    const events = readFileSync(path.join(folder, "events.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
    const agree = events.find((e) => e.provenance.origin?.id === "PLOVER-GSR01-AGREE-0001");
    assert.ok(agree);
    assert.is(agree.id, importedEventId("plover-gsr", "PLOVER-GSR01-AGREE-0001"));
    assert.match(readFileSync(path.join(folder, "events.csv"), "utf8").split("\n")[0]!, /origin_dataset,origin_version,origin_id/);
    // The release says which records were imported, from where, and under which terms.
    const card = readFileSync(path.join(folder, "README.md"), "utf8");
    assert.match(card, /Licence: CC BY 4\.0 \(imported records: their sources' terms too, see Imported records\)\./);
    assert.match(card, /## Imported records\n\n321 events were not coded by hand/);
    assert.match(card, /\| PLOVER gold-standard records \(PLOVER JSON\) \(plover-gsr\) \| 321 \| CC BY-SA 4\.0 \(the PLOVER project/);
    const sources = JSON.parse(readFileSync(path.join(folder, "datapackage.json"), "utf8")).sources as { title: string; path?: string }[];
    assert.is(sources.length, 2);
    assert.is(sources[1]!.path, "https://github.com/openeventdata/PLOVER");
    assert.match(sources[1]!.title, /321 imported events .*licence: CC BY-SA 4\.0/);
    assert.match(readFileSync(path.join(folder, "index.html"), "utf8"), /Imported records, not coded by hand: 321 from plover-gsr\./);

    const again = await run(["import", "plover", "gsr.txt", "--format", "json"], { cwd: root, env: { ...ENV, EVENTWIRE_TODAY: "2026-12-07" } });
    assert.equal(JSON.parse(again.stdout).written, { new: 0, changed: 0, unchanged: 321, moved: 0 });
    assert.equal(JSON.parse(again.stdout).actors.created, []);

    // A corrected file: one record's category fixed, one record's sentence fixed.
    const corrected = readFileSync(GSR, "utf8")
      .replace('"id": "PLOVER-GSR01-AGREE-0002",\n    "date": "2000-01-01",', '"id": "PLOVER-GSR01-AGREE-0002",\n    "date": "2000-01-02",')
      .replace("Senior Hungarian and Romanian officials agreed on Wednesday", "Senior Hungarian and Romanian officials agreed on Thursday");
    writeFileSync(path.join(root, "gsr.txt"), corrected);
    const fixed = await run(["import", "plover", "gsr.txt", "--format", "json"], { cwd: root, env: { ...ENV, EVENTWIRE_TODAY: "2026-12-08" } });
    assert.equal(JSON.parse(fixed.stdout).written, { new: 0, changed: 2, unchanged: 319, moved: 0 });
    mkdirSync(path.join(root, "dist2"));
    const next = await run(["release", "--version", "1.1.0", "--out", "dist2", "--previous", "dist/eventwire-1.0.0"], { cwd: root, env: { ...ENV, EVENTWIRE_TODAY: "2026-12-08" } });
    assert.is(next.code, 0, next.stderr);
    const changes = readFileSync(path.join(root, "dist2/eventwire-1.1.0/eventwire-1.1.0/changes.csv"), "utf8").trim().split("\n");
    const modified = changes.filter((l) => /modified/.test(l));
    assert.is(modified.length, 2, changes.join("\n"));
    assert.ok(modified.some((l) => l.includes(importedEventId("plover-gsr", "PLOVER-GSR01-AGREE-0001"))));
    assert.ok(modified.some((l) => l.includes(importedEventId("plover-gsr", "PLOVER-GSR01-AGREE-0002"))));
    assert.is(changes.length - 1, 2, "nothing else changed");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test.run();
