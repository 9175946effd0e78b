/**
 * The coding-time check: `validate --texts <dir>` checks records against the
 * texts of a folder kept outside the repository (evidence quotes, summaries),
 * read as data/texts/ is (its manifest, no link followed, hashes checked);
 * `new text` keeps a page in such a folder or in data/texts/.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { textFileName } from "../../scripts/commands/new-text.ts";
import { editEvent, EVENT_PATH, EVENT_YAML, REGISTRY, writeDataset } from "../helpers/dataset.ts";
import { git } from "../helpers/git.ts";
import { PAGE, PAGE_URL } from "../helpers/rule-cases.ts";
import { run } from "../helpers/run.ts";

const sha = (text: string | Buffer) => createHash("sha256").update(text).digest("hex");
const QUOTE = "Antony Blinken met with foreign ministers from the five former Soviet republics of Central Asia";
const TODAY = "2026-11-27";

/** A manifest of data/texts/manifest.json's form: an entry's `file` at 4:15, `url` at 5:14, `sha256` at 6:17. */
const manifest = (texts: unknown[]) => JSON.stringify({ texts }, null, 2) + "\n";

/** A folder of texts outside any repository: `files` (a text or a Buffer each) and its manifest. */
function pages(files: Record<string, string | Buffer>, entries?: unknown[]): string {
  const folder = mkdtempSync(path.join(tmpdir(), "eventwire-pages-"));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(folder, name), content);
  writeFileSync(path.join(folder, "manifest.json"), manifest(entries ?? [{ file: "dw.txt", url: PAGE_URL, sha256: sha(PAGE) }]));
  return folder;
}

/** The example dataset (its event quotes the DW page, which is not in data/texts/), with `event` as its event. */
function dataset(event = EVENT_YAML, extra: Record<string, string> = {}): string {
  return writeDataset({ ...REGISTRY, [EVENT_PATH]: event, ...extra });
}

/** validate from the dataset's root, as JSON. */
async function validate(root: string, args: string[]) {
  const r = await run(["validate", "--format", "json", ...args], { cwd: root, env: { EVENTWIRE_TODAY: TODAY } });
  const report = r.code === 2 ? undefined : (JSON.parse(r.stdout) as { findings: { file: string; line: number; column: number; rule: string; message: string }[]; summary: { evidence: { checked: number; notChecked: number } } });
  return { ...r, report, found: report?.findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule}`) ?? [] };
}

function cleanUp(...folders: string[]) {
  for (const f of folders) rmSync(f, { recursive: true, force: true });
}

test("a quote found in a text of the folder passes and is counted checked; without the folder it is not checked", async () => {
  const root = dataset();
  const folder = pages({ "dw.txt": PAGE });
  try {
    const without = await validate(root, []);
    assert.equal(without.report!.summary.evidence, { checked: 0, notChecked: 2 });
    const r = await validate(root, ["--texts", folder]);
    assert.is(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.found, []);
    assert.equal(r.report!.summary.evidence, { checked: 2, notChecked: 0 });
    // Checked the same in worker threads: the texts reach them as plain data (paths and hashes).
    const threaded = await run(["validate", "--format", "json", "--texts", folder], { cwd: root, env: { EVENTWIRE_TODAY: TODAY, EVENTWIRE_THREADS: "2" } });
    assert.equal(JSON.parse(threaded.stdout).summary.evidence, { checked: 2, notChecked: 0 });
    // The pretty report's line says so.
    const pretty = await run(["validate", "--texts", folder], { cwd: root, env: { EVENTWIRE_TODAY: TODAY } });
    assert.match(pretty.stdout, /Evidence: 2 quotes checked against kept source texts\./);
  } finally {
    cleanUp(root, folder);
  }
});

test("a quote not in the folder's text is reported at the quote; a wrong offset too", async () => {
  const root = dataset(editEvent(QUOTE, "Blinken flew to the moon and back on a Tuesday to meet nobody at all"));
  const folder = pages({ "dw.txt": PAGE });
  try {
    const r = await validate(root, ["--texts", folder]);
    assert.is(r.code, 1);
    const quote = r.report!.findings.find((f) => f.rule === "evidence-quote")!;
    assert.ok(quote, r.stdout);
    assert.is(`${quote.file}:${quote.line}:${quote.column}`, `${EVENT_PATH}:35:14`);
    assert.is(quote.message, "The quote is not in dw.txt, not even nearly.");
  } finally {
    cleanUp(root, folder);
  }
  const shifted = dataset(editEvent("position: { start: 558, end: 653 }", "position: { start: 550, end: 645 }"));
  const folder2 = pages({ "dw.txt": PAGE });
  try {
    const r = await validate(shifted, ["--texts", folder2]);
    assert.equal(r.found, [`${EVENT_PATH}:36:15 evidence-quote`]);
  } finally {
    cleanUp(shifted, folder2);
  }
});

test("a summary sharing 8 words in a row with the folder's text is reported (sharedRun)", async () => {
  const root = dataset(editEvent("summary: Antony Blinken met the foreign ministers of the five Central Asian states.", `summary: In Astana, ${QUOTE}.`));
  const folder = pages({ "dw.txt": PAGE });
  try {
    const r = await validate(root, ["--texts", folder]);
    assert.is(r.code, 1);
    assert.equal(r.found, [`${EVENT_PATH}:5:10 summary-copy`]);
    assert.match(r.report!.findings[0]!.message, /^`summary` shares 15 words in a row with the kept text of `sources\[0\]`: "antony blinken met with/);
    // Without the folder, nothing to compare it with.
    assert.equal((await validate(root, [])).found, []);
  } finally {
    cleanUp(root, folder);
  }
});

test("the folder's problems are text-manifest findings at its files, named from the current folder; nothing through a link or out of the folder is read", async () => {
  const root = dataset();
  const outside = mkdtempSync(path.join(tmpdir(), "eventwire-secret-"));
  writeFileSync(path.join(outside, "secret.txt"), PAGE);
  // dw.txt is a link to a copy of the page elsewhere; ../secret.txt names a file out of the folder; other.txt is not listed.
  const folder = pages({ "other.txt": "words\n" }, [
    { file: "dw.txt", url: PAGE_URL, sha256: sha(PAGE) },
    { file: "../secret.txt", url: "https://example.com/secret", sha256: sha(PAGE) },
  ]);
  symlinkSync(path.join(outside, "secret.txt"), path.join(folder, "dw.txt"));
  try {
    const r = await validate(root, ["--texts", folder]);
    assert.is(r.code, 1);
    const shown = path.relative(root, folder);
    assert.equal(r.found, [
      `${shown}/manifest.json:4:15 text-manifest`,
      `${shown}/manifest.json:9:15 text-manifest`,
      `${shown}/other.txt:1:1 text-manifest`,
    ]);
    const messages = r.report!.findings.map((f) => f.message);
    assert.ok(messages.includes(`This text is not listed in ${shown}/manifest.json: add it with its source URL and SHA-256, or remove it.`), messages.join("\n"));
    assert.ok(messages.includes(`\`dw.txt\` is listed but not in ${shown}/ (as a file, not a link).`), messages.join("\n"));
    assert.ok(messages.includes(`\`texts[1].file\` must be the name of a .txt file in ${shown}/ (lower case, no folders).`), messages.join("\n"));
    // The quote was not checked against the page behind the link.
    assert.equal(r.report!.summary.evidence, { checked: 0, notChecked: 2 });
    // --suppress-all records no file of the folder in the repository's suppressions file: its findings stay.
    const suppressing = await validate(root, ["--texts", folder, "--suppress-all"]);
    assert.is(suppressing.code, 1);
    assert.is(suppressing.found.length, 3);
    assert.not.match(readFileSync(path.join(root, "eventwire-suppressions.json"), "utf8"), /eventwire-pages/);
  } finally {
    cleanUp(root, folder, outside);
  }
});

test("a text of the folder that changed since its hash was listed is reported, and not quoted", async () => {
  const root = dataset();
  const changed = `${PAGE}x`;
  const folder = pages({ "dw.txt": changed });
  try {
    const r = await validate(root, ["--texts", folder]);
    assert.is(r.code, 1);
    const shown = path.relative(root, folder);
    assert.equal(r.found, [`${shown}/manifest.json:6:17 text-manifest`]);
    assert.match(r.report!.findings[0]!.message, new RegExp(`^\`dw.txt\` has changed: its SHA-256 is ${sha(changed)}, not the one listed`));
    assert.equal(r.report!.summary.evidence, { checked: 0, notChecked: 2 });
    // Reported whatever the files checked: the event alone is the target.
    const one = await validate(root, ["--texts", folder, EVENT_PATH]);
    assert.equal(one.found, [`${shown}/manifest.json:6:17 text-manifest`]);
  } finally {
    cleanUp(root, folder);
  }
});

test("--texts: a folder that is not there, a file, a folder under data/, or twice: exit 2 with a usage message", async () => {
  const root = dataset();
  const folder = pages({ "dw.txt": PAGE });
  try {
    const missing = await validate(root, ["--texts", "no-such-folder"]);
    assert.is(missing.code, 2);
    assert.match(missing.stderr, /--texts: cannot read the folder `no-such-folder` \(ENOENT/);
    const file = await validate(root, ["--texts", path.join(folder, "dw.txt")]);
    assert.is(file.code, 2);
    assert.match(file.stderr, /is not a folder/);
    mkdirSync(path.join(root, "data/pages"));
    const inData = await validate(root, ["--texts", "data/pages"]);
    assert.is(inData.code, 2);
    assert.match(inData.stderr, /--texts: `data\/pages` is under data\//);
    const twice = await validate(root, ["--texts", folder, "--texts", folder]);
    assert.is(twice.code, 2);
    assert.match(twice.stderr, /--texts takes one folder a run/);
    assert.match((await run(["validate", "--help"])).stdout, /--texts <dir>[\s\S]*A release\s+never uses such a folder/);
    assert.match((await run(["release", "--help"])).stdout, /--texts/);
  } finally {
    cleanUp(root, folder);
  }
});

test("a URL data/texts/ keeps wins over the folder's text for it (a differing one is said on stderr)", async () => {
  const other = PAGE.replace(QUOTE, "Something else entirely was said here");
  const root = dataset(EVENT_YAML, { "data/texts/dw.txt": PAGE, "data/texts/manifest.json": manifest([{ file: "dw.txt", url: PAGE_URL, sha256: sha(PAGE) }]) });
  const folder = pages({ "dw.txt": other }, [{ file: "dw.txt", url: PAGE_URL, sha256: sha(other) }]);
  try {
    const r = await validate(root, ["--texts", folder]);
    assert.is(r.code, 0, r.stdout);
    assert.equal(r.found, []);
    assert.equal(r.report!.summary.evidence, { checked: 2, notChecked: 0 });
    assert.match(r.stderr, /Note: data\/texts\/ keeps 1 URL that .* keeps too, with other bytes; data\/texts\/'s text is used: https:\/\/p\.dw\.com\/p\/4O4UG\./);
    // The same bytes: nothing to say.
    const same = pages({ "dw.txt": PAGE });
    try {
      const quiet = await validate(root, ["--texts", same]);
      assert.is(quiet.code, 0);
      assert.not.match(quiet.stderr, /Note:/);
    } finally {
      cleanUp(same);
    }
  } finally {
    cleanUp(root, folder);
  }
});

test("--cache: the folder's texts are in the key (a changed text checks every file again)", async () => {
  const root = dataset();
  const folder = pages({ "dw.txt": PAGE });
  const old = new Date("2020-01-01T00:00:00Z");
  const age = () => {
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else utimesSync(p, old, old);
      }
    };
    walk(path.join(root, "data"));
  };
  age();
  const cached = async () => {
    const r = await run(["validate", "--format", "json", "--cache", "--texts", folder], { cwd: root, env: { EVENTWIRE_TODAY: TODAY, EVENTWIRE_TIMING: "1" } });
    const m = /^cache: (\d+) of (\d+) files unchanged/m.exec(r.stderr);
    return { ...r, unchanged: m ? Number(m[1]) : -1, report: JSON.parse(r.stdout) };
  };
  try {
    const n = (await cached()).report.summary.files;
    const hit = await cached();
    assert.is(hit.unchanged, n);
    assert.equal(hit.report.summary.evidence, { checked: 2, notChecked: 0 });
    // The folder's text changes (and its hash in the manifest): the quote is no longer there.
    const other = PAGE.replace(QUOTE, "Something else entirely was said here");
    writeFileSync(path.join(folder, "dw.txt"), other);
    writeFileSync(path.join(folder, "manifest.json"), manifest([{ file: "dw.txt", url: PAGE_URL, sha256: sha(other) }]));
    const miss = await cached();
    assert.is(miss.unchanged, 0);
    assert.ok(miss.report.findings.some((f: { rule: string }) => f.rule === "evidence-quote"));
    assert.is((await cached()).unchanged, n);
    // The folder's manifest broken: its finding comes from the cache's memo too.
    writeFileSync(path.join(folder, "manifest.json"), "{");
    const broken = await cached();
    assert.ok(broken.report.findings.some((f: { rule: string; file: string }) => f.rule === "text-manifest" && f.file.endsWith("manifest.json")));
    const again = await cached();
    assert.equal(again.report.findings, broken.report.findings);
  } finally {
    cleanUp(root, folder);
  }
});

test("a directive for a rule that reads kept texts is judged only where the texts are there: never unused for want of a page", async () => {
  const DPA = 'schema_version: "1.3.0"\nid: dpa\nname: Deutsche Presse-Agentur\nkind: wire_agency\ncountry: DEU\ndomains: [dpa.com]\n';
  const directive = "    # eventwire-disable-next-line via-credited -- the page credits the agency in a form the registry does not list\n";
  // dpa is not named on the page: the directive suppresses via-credited's finding where the page is read.
  const needed = dataset(editEvent("    via: [afp, reuters]\n", `${directive}    via: [afp, reuters, dpa]\n`), { "data/outlets/dpa.yaml": DPA });
  // AFP and Reuters are: the directive suppresses nothing, which only a run that reads the page can tell.
  const stale = dataset(editEvent("    via: [afp, reuters]\n", `${directive}    via: [afp, reuters]\n`));
  const folder = pages({ "dw.txt": PAGE });
  try {
    for (const root of [needed, stale]) {
      const without = await validate(root, []);
      assert.is(without.code, 0, without.stdout + without.stderr);
      assert.equal(without.found, [], "without the page, via-credited judges nothing: its directive is not called unused");
    }
    const r = await validate(needed, ["--texts", folder]);
    assert.is(r.code, 0, r.stdout);
    assert.equal(r.found, []);
    const s = await validate(stale, ["--texts", folder]);
    assert.equal(s.found, [`${EVENT_PATH}:22:35 directive-unused`]);
  } finally {
    cleanUp(needed, stale, folder);
  }
});

test("--changed: a changed record is checked against the folder's texts", async () => {
  const root = dataset();
  const folder = pages({ "dw.txt": PAGE });
  try {
    git(root, "init", "-q", "-b", "main");
    git(root, "add", "-A");
    git(root, "commit", "-q", "-m", "base");
    git(root, "checkout", "-q", "-b", "feature");
    writeFileSync(path.join(root, EVENT_PATH), editEvent(QUOTE, "Blinken flew to the moon and back on a Tuesday to meet nobody at all"));
    const r = await validate(root, ["--changed", "--texts", folder]);
    assert.is(r.code, 1);
    assert.equal(r.found, [`${EVENT_PATH}:35:14 evidence-quote`]);
    writeFileSync(path.join(root, EVENT_PATH), EVENT_YAML.replace("title: Blinken meets", "title: Blinken meets again"));
    const clean = await validate(root, ["--changed", "--texts", folder]);
    assert.is(clean.code, 0, clean.stdout);
    assert.equal(clean.report!.summary.evidence, { checked: 2, notChecked: 0 });
  } finally {
    cleanUp(root, folder);
  }
});

test("new text: the file under a stable name and its entry with its SHA-256; a URL kept already is refused, the same bytes are a no-op", async () => {
  const work = mkdtempSync(path.join(tmpdir(), "eventwire-newtext-"));
  try {
    writeFileSync(path.join(work, "page.txt"), PAGE);
    const r = await run(["new", "text", "--url", PAGE_URL, "--file", "page.txt", "--texts", "pages", "--captured", "2023-02-28", "--note", "the DW page"], { cwd: work });
    assert.is(r.code, 0, r.stderr);
    const name = textFileName(PAGE_URL);
    assert.match(name, /^p-dw-com-p-4o4ug-[0-9a-f]{8}\.txt$/);
    assert.is(textFileName(PAGE_URL), name, "the same name every time");
    assert.is(readFileSync(path.join(work, "pages", name), "utf8"), PAGE);
    const listed = JSON.parse(readFileSync(path.join(work, "pages/manifest.json"), "utf8"));
    assert.equal(listed, { texts: [{ file: name, url: PAGE_URL, sha256: sha(PAGE), captured: "2023-02-28", note: "the DW page" }] });
    assert.match(r.stdout, new RegExp(`^Kept ${PAGE_URL.replace(/\./g, "\\.")} as pages/${name} \\(sha256 ${sha(PAGE)}\\)\\.\nNext: eventwire validate --texts pages`));
    // The same bytes again: nothing to do.
    const same = await run(["new", "text", "--url", PAGE_URL, "--file", "page.txt", "--texts", "pages"], { cwd: work });
    assert.is(same.code, 0);
    assert.match(same.stdout, /with the same bytes: nothing to do/);
    // Other bytes for the same URL: refused, nothing written.
    writeFileSync(path.join(work, "other.txt"), `${PAGE}more\n`);
    const before = readFileSync(path.join(work, "pages/manifest.json"), "utf8");
    const refused = await run(["new", "text", "--url", PAGE_URL, "--file", "other.txt", "--texts", "pages"], { cwd: work });
    assert.is(refused.code, 2);
    assert.match(refused.stderr, /lists `https:\/\/p\.dw\.com\/p\/4O4UG` already .*with other bytes/);
    assert.is(readFileSync(path.join(work, "pages/manifest.json"), "utf8"), before);
    assert.equal(readdirSync(path.join(work, "pages")).sort(), ["manifest.json", name]);
    // A second URL with --name; then validate reads the folder without a finding.
    const second = await run(["new", "text", "--url", "https://example.com/a?b=1", "--file", "other.txt", "--texts", "pages", "--name", "example"], { cwd: work });
    assert.is(second.code, 0, second.stderr);
    assert.is(JSON.parse(readFileSync(path.join(work, "pages/manifest.json"), "utf8")).texts[1].file, "example.txt");
    const root = dataset();
    try {
      const v = await validate(root, ["--texts", path.join(work, "pages")]);
      assert.is(v.code, 0, v.stdout);
      assert.equal(v.report!.summary.evidence, { checked: 2, notChecked: 0 });
    } finally {
      cleanUp(root);
    }
    // Usage errors: no --url, a bad --name, a file that is not UTF-8, a link as --file.
    assert.is((await run(["new", "text", "--file", "page.txt", "--texts", "pages"], { cwd: work })).code, 2);
    assert.is((await run(["new", "text", "--url", "https://example.com/b", "--file", "page.txt", "--texts", "pages", "--name", "../x"], { cwd: work })).code, 2);
    writeFileSync(path.join(work, "latin1.txt"), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    const latin = await run(["new", "text", "--url", "https://example.com/c", "--file", "latin1.txt", "--texts", "pages"], { cwd: work });
    assert.is(latin.code, 2);
    assert.match(latin.stderr, /not valid UTF-8/);
    symlinkSync(path.join(work, "page.txt"), path.join(work, "link.txt"));
    assert.is((await run(["new", "text", "--url", "https://example.com/d", "--file", "link.txt", "--texts", "pages"], { cwd: work })).code, 2);
    assert.is((await run(["new", "text", "--url", "https://example.com/e", "--file", "page.txt", "--texts", "pages", "--date", "2023-01-01"], { cwd: work })).code, 2);
    assert.is(JSON.parse(readFileSync(path.join(work, "pages/manifest.json"), "utf8")).texts.length, 2);
  } finally {
    cleanUp(work);
  }
});

test("new text: data/texts/ of the repository by default, made with its manifest when missing; the result passes validate", async () => {
  const root = dataset();
  try {
    writeFileSync(path.join(root, "page.txt"), PAGE);
    assert.not.ok(existsSync(path.join(root, "data/texts")));
    const r = await run(["new", "text", "--url", PAGE_URL, "--file", "page.txt"], { cwd: root });
    assert.is(r.code, 0, r.stderr);
    const name = textFileName(PAGE_URL);
    assert.equal(JSON.parse(readFileSync(path.join(root, "data/texts/manifest.json"), "utf8")).texts, [{ file: name, url: PAGE_URL, sha256: sha(PAGE) }]);
    const v = await validate(root, []);
    assert.is(v.code, 0, v.stdout);
    assert.equal(v.report!.summary.evidence, { checked: 2, notChecked: 0 });
    // Another folder under data/ is refused.
    const under = await run(["new", "text", "--url", "https://example.com/x", "--file", "page.txt", "--texts", "data/pages"], { cwd: root });
    assert.is(under.code, 2);
    assert.match(under.stderr, /under data\//);
  } finally {
    cleanUp(root);
  }
});

test.run();
