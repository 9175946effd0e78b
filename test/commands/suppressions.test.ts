/**
 * Suppressions end to end (issue 18): eventwire-suppressions.json (--suppress-all,
 * --suppress-rule, --prune-suppressions, counts that went up or down, --changed)
 * and inline directives in YAML records, with what every report says of them.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Ajv as AjvType } from "ajv";
import { test } from "uvu";
import * as assert from "uvu/assert";
import type * as Sarif from "sarif";
import { parse as parseYaml } from "yaml";
import { EVENT_PATH, EVENT_YAML, REGISTRY, editEvent, withSchemaError, writeDataset } from "../helpers/dataset.ts";
import { git } from "../helpers/git.ts";
import { assertGolden } from "../helpers/golden.ts";
import { run } from "../helpers/run.ts";
import { TOOLKIT_ROOT } from "../../scripts/core/paths.ts";

const OTHER_PATH = "data/events/2023/02/ev-aaaaaaaa.yaml";
/** A second event: the example under another id (and another date, so that it is no probable duplicate). */
const OTHER_YAML = editEvent('start: "2023-02-28"', 'start: "2023-02-10"', EVENT_YAML.replace("id: ev-p6w7bxbz", "id: ev-aaaaaaaa"));
/** The example event with two schema errors (status and date precision), lines kept. */
const TWO_ERRORS = editEvent("precision: day\n", "precision: dy\n", withSchemaError());
const SUPPRESSIONS = "eventwire-suppressions.json";

function dataset(files: Record<string, string>): string {
  return writeDataset({ ...REGISTRY, ...files });
}

async function validate(root: string, ...args: string[]) {
  return run(["validate", "--root", root, ...args]);
}

async function json(root: string, ...args: string[]) {
  const r = await validate(root, "--format", "json", ...args);
  return { ...r, report: JSON.parse(r.stdout) };
}

const rules = (report: { findings: { file: string; rule: string; line: number; column: number }[] }) => report.findings.map((f) => `${f.file}|${f.rule}@${f.line}:${f.column}`);
const read = (root: string, name = SUPPRESSIONS) => readFileSync(path.join(root, name), "utf8");

function withTemp(fn: (root: string) => Promise<void>, files: Record<string, string>) {
  return async () => {
    const root = dataset(files);
    try {
      await fn(root);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  };
}

test(
  "--suppress-all records errors and warnings per file and rule with counts (a deterministic file, golden); the next run hides them, and says so",
  withTemp(
    async (root) => {
      const before = await validate(root);
      assert.is(before.code, 1);
      const r = await validate(root, "--suppress-all");
      assert.is(r.code, 0, r.stdout);
      assert.match(r.stderr, /^--suppress-all: wrote .*eventwire-suppressions\.json: 3 suppressed findings in 2 files \(0 before\)\.\n$/);
      assertGolden("suppressions-all.json", read(root));
      // Run again: the same bytes (keys sorted, two spaces, a final newline).
      const text = read(root);
      await validate(root, "--suppress-all");
      assert.is(read(root), text);
      const after = await validate(root);
      assert.is(after.code, 0);
      assert.is(after.stderr, "");
      assert.match(after.stdout, /^No problems \(7 files, 7 records checked\)\.\n/);
      assert.match(after.stdout, /\n3 findings suppressed: 3 by eventwire-suppressions\.json\.\n/);
      // --max-warnings counts only what is reported.
      assert.is((await validate(root, "--max-warnings", "0")).code, 0);
    },
    { [EVENT_PATH]: TWO_ERRORS, [OTHER_PATH]: OTHER_YAML.replace("url: https://p.dw.com/p/4O4UG", "url: https://example.com/4O4UG") },
  ),
);

test(
  "a count that went up: every finding of that file and rule is reported (as ESLint), the run fails, and the report says why",
  withTemp(
    async (root) => {
      await validate(root, "--suppress-all");
      assert.equal(JSON.parse(read(root)), { [EVENT_PATH]: { schema: { count: 1 } } });
      writeFileSync(path.join(root, EVENT_PATH), TWO_ERRORS);
      const { code, report } = await json(root);
      assert.is(code, 1);
      assert.equal(rules(report), [`${EVENT_PATH}|schema@3:9`, `${EVENT_PATH}|schema@8:14`]);
      assert.equal(report.summary.suppressions, { file: SUPPRESSIONS, fewer: [], more: [{ file: EVENT_PATH, rule: "schema", recorded: 1, found: 2 }] });
      assert.is(report.summary.suppressed, undefined);
      const pretty = await validate(root);
      assert.match(pretty.stdout, /\neventwire-suppressions\.json: more findings than recorded in 1 entry, all of them reported; the run fails \(exit 1\), whatever their severity:\n {2}data\/events\/2023\/02\/ev-p6w7bxbz\.yaml: schema, 2 found, 1 recorded\n/);
    },
    { [EVENT_PATH]: withSchemaError() },
  ),
);

test(
  "a count of warnings (or infos) that went up fails the run too (exit 1), and the report line says so",
  withTemp(
    async (root) => {
      await validate(root, "--rule", "schema=warn", "--suppress-all");
      assert.equal(JSON.parse(read(root)), { [EVENT_PATH]: { schema: { count: 1 } } });
      writeFileSync(path.join(root, EVENT_PATH), TWO_ERRORS);
      const { code, report } = await json(root, "--rule", "schema=warn");
      assert.is(code, 1);
      assert.equal(report.summary.errors, 0);
      assert.equal(report.summary.warnings, 2);
      assert.equal(report.summary.suppressions.more, [{ file: EVENT_PATH, rule: "schema", recorded: 1, found: 2 }]);
      const pretty = await validate(root, "--rule", "schema=warn");
      assert.is(pretty.code, 1);
      assert.match(pretty.stdout, /\neventwire-suppressions\.json: more findings than recorded in 1 entry, all of them reported; the run fails \(exit 1\), whatever their severity:\n/);
      assert.is((await validate(root, "--rule", "schema=info")).code, 1);
      // Within the count again: exit 0.
      writeFileSync(path.join(root, EVENT_PATH), withSchemaError());
      assert.is((await validate(root, "--rule", "schema=warn")).code, 0);
    },
    { [EVENT_PATH]: withSchemaError() },
  ),
);

test(
  "a count that went down: the rest stays hidden (exit 0), the report suggests --prune-suppressions, which writes the lower count and drops what is gone",
  withTemp(
    async (root) => {
      await validate(root, "--suppress-all");
      assert.equal(JSON.parse(read(root)), { [EVENT_PATH]: { schema: { count: 2 } } });
      writeFileSync(path.join(root, EVENT_PATH), withSchemaError());
      const r = await validate(root);
      assert.is(r.code, 0);
      assert.match(r.stdout, /\n1 finding suppressed: 1 by eventwire-suppressions\.json\.\n/);
      assert.match(r.stdout, /\neventwire-suppressions\.json: fewer findings than recorded in 1 entry; run with --prune-suppressions to lower the counts:\n {2}data\/events\/2023\/02\/ev-p6w7bxbz\.yaml: schema, 1 found, 2 recorded\n/);
      const pruned = await validate(root, "--prune-suppressions");
      assert.is(pruned.code, 0);
      assert.match(pruned.stderr, /^--prune-suppressions: wrote .*: 1 suppressed finding in 1 file \(2 before\)\.\n$/);
      assert.is(read(root), `{\n  "${EVENT_PATH}": {\n    "schema": {\n      "count": 1\n    }\n  }\n}\n`);
      assert.not.match((await validate(root)).stdout, /fewer findings/);
      // The last finding fixed: the entry goes.
      writeFileSync(path.join(root, EVENT_PATH), EVENT_YAML);
      await validate(root, "--prune-suppressions");
      assert.is(read(root), "{}\n");
    },
    { [EVENT_PATH]: TWO_ERRORS },
  ),
);

test(
  "--suppress-rule records that rule only (any severity), repeatable; the others are still reported",
  withTemp(
    async (root) => {
      const r = await validate(root, "--suppress-rule", "url-domain");
      assert.is(r.code, 1);
      assert.equal(JSON.parse(read(root)), { [OTHER_PATH]: { "url-domain": { count: 1 } } });
      const { report } = await json(root);
      assert.equal(rules(report), [`${EVENT_PATH}|schema@3:9`]);
      assert.equal(report.summary.suppressed, { inline: 0, file: 1 });
      assert.equal(
        report.suppressed.map((f: { rule: string; suppressions: unknown }) => [f.rule, f.suppressions]),
        [["url-domain", [{ kind: "external", justification: "recorded in eventwire-suppressions.json (1 url-domain finding in this file)" }]]],
      );
      await validate(root, "--suppress-rule", "schema", "--suppress-rule", "url-domain");
      assert.equal(Object.keys(JSON.parse(read(root))), [OTHER_PATH, EVENT_PATH]);
    },
    { [EVENT_PATH]: withSchemaError(), [OTHER_PATH]: OTHER_YAML.replace("url: https://p.dw.com/p/4O4UG", "url: https://example.com/4O4UG") },
  ),
);

test("usage errors (exit 2): an unknown --suppress-rule (with a did-you-mean), two modes at once, a broken suppressions file", async () => {
  const root = dataset({ [EVENT_PATH]: EVENT_YAML });
  try {
    const unknown = await validate(root, "--suppress-rule", "shema");
    assert.is(unknown.code, 2);
    assert.match(unknown.stderr, /--suppress-rule: there is no rule `shema`\. Did you mean `schema`\?/);
    const both = await validate(root, "--suppress-all", "--prune-suppressions");
    assert.is(both.code, 2);
    assert.match(both.stderr, /--suppress-all and --prune-suppressions cannot be used together/);
    for (const [text, says] of [
      ["{ not json", /is not JSON/],
      ["[]", /not a JSON object/],
      [`{ "${EVENT_PATH}": { "schema": { "count": 0 } } }`, /has no "count" of 1 or more/],
      [`{ "${EVENT_PATH}": { "schema": 3 } }`, /has no "count" of 1 or more/],
    ] as const) {
      writeFileSync(path.join(root, SUPPRESSIONS), text);
      const r = await validate(root);
      assert.is(r.code, 2, text);
      assert.match(r.stderr, says);
      assert.match(r.stderr, /eventwire-suppressions\.json/);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

/** The CLI in a process of its own, stopped after 20 s: a read that waits (on a FIFO) fails the test instead of hanging it. */
function spawnValidate(root: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(TOOLKIT_ROOT, "bin", "eventwire.js"), "validate", "--root", root, ...args], { encoding: "utf8", timeout: 20_000, env: { PATH: process.env.PATH ?? "" } });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

test("the suppressions file is read as the configuration is: a FIFO is never opened to wait on (exit 2), a symbolic link never followed (exit 2)", async () => {
  const root = dataset({ [EVENT_PATH]: withSchemaError() });
  const elsewhere = mkdtempSync(path.join(tmpdir(), "eventwire-suppressions-"));
  try {
    execFileSync("mkfifo", [path.join(root, SUPPRESSIONS)]);
    const fifo = spawnValidate(root);
    assert.is(fifo.signal, null, "validate waited on the FIFO");
    assert.is(fifo.code, 2, fifo.stderr);
    assert.match(fifo.stderr, /the suppressions file eventwire-suppressions\.json is a FIFO \(named pipe\), not a regular file; only a regular file is read/);
    rmSync(path.join(root, SUPPRESSIONS));
    // A link to a file outside (here one that would suppress the finding) is refused, whatever it holds.
    const outside = path.join(elsewhere, "outside.json");
    writeFileSync(outside, JSON.stringify({ [EVENT_PATH]: { schema: { count: 1 } } }));
    symlinkSync(outside, path.join(root, SUPPRESSIONS));
    for (const args of [[], ["--suppress-all"], ["--suppressions-location", path.join(root, SUPPRESSIONS)]]) {
      const r = await validate(root, ...args);
      assert.is(r.code, 2, args.join(" "));
      assert.match(r.stderr, /the suppressions file .*eventwire-suppressions\.json is a symbolic link, which is not followed \(name the file it points to\)/);
    }
    assert.is(readFileSync(outside, "utf8"), JSON.stringify({ [EVENT_PATH]: { schema: { count: 1 } } }));
    // Named directly, the file it pointed to is read.
    assert.is((await validate(root, "--suppressions-location", outside)).code, 0);
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(elsewhere, { recursive: true, force: true });
  }
});

test("--fix-dry-run with --suppress-all, --suppress-rule or --prune-suppressions is a usage error (exit 2): a dry run writes nothing", async () => {
  const root = dataset({ [EVENT_PATH]: withSchemaError() });
  try {
    for (const [flag, ...more] of [["--suppress-all"], ["--suppress-rule", "schema"], ["--prune-suppressions"]] as const) {
      const r = await validate(root, "--fix-dry-run", flag, ...more);
      assert.is(r.code, 2, flag);
      assert.is(r.stdout, "");
      assert.match(r.stderr, new RegExp(`--fix-dry-run writes nothing, and ${flag} writes eventwire-suppressions\\.json: they cannot be used together`));
      assert.not.ok(existsSync(path.join(root, SUPPRESSIONS)), flag);
    }
    writeFileSync(path.join(root, SUPPRESSIONS), "{}\n");
    assert.is((await validate(root, "--fix-dry-run", "--prune-suppressions")).code, 2);
    assert.is(read(root), "{}\n");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("--suppressions-location may not be under data/, on real paths (a folder linked to data/ is data/): exit 2, nothing written", async () => {
  const root = dataset({ [EVENT_PATH]: withSchemaError() });
  try {
    symlinkSync("data", path.join(root, "dl"));
    for (const where of ["data/accepted.json", "dl/accepted.json", "dl/new/accepted.json"]) {
      for (const mode of [[], ["--suppress-all"]]) {
        const r = await validate(root, "--suppressions-location", path.join(root, where), ...mode);
        assert.is(r.code, 2, where);
        assert.match(r.stderr, /--suppressions-location may not be under data\/ \(validate would check the suppressions file as a file of the dataset\)/);
      }
      assert.not.ok(existsSync(path.join(root, where)), where);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("--suppressions-location writes and reads the file where it points", async () => {
  const root = dataset({ [EVENT_PATH]: withSchemaError() });
  const elsewhere = mkdtempSync(path.join(tmpdir(), "eventwire-suppressions-"));
  try {
    const file = path.join(elsewhere, "accepted.json");
    assert.is((await validate(root, "--suppress-all", "--suppressions-location", file)).code, 0);
    assert.equal(JSON.parse(readFileSync(file, "utf8")), { [EVENT_PATH]: { schema: { count: 1 } } });
    assert.is((await validate(root, "--suppressions-location", file)).code, 0);
    assert.is((await validate(root)).code, 1);
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(elsewhere, { recursive: true, force: true });
  }
});

const DIRECTIVE = "# eventwire-disable-next-line schema -- the coder's status, kept until the schema has it\n";

test(
  "an inline directive hides the finding of the next line, and every report counts it (json: apart, with its reason)",
  withTemp(
    async (root) => {
      const r = await validate(root);
      assert.is(r.code, 0, r.stdout);
      assert.match(r.stdout, /^No problems \(6 files, 6 records checked\)\.\n/);
      assert.match(r.stdout, /\n1 finding suppressed: 1 by inline directive\.\n/);
      const { report } = await json(root);
      assert.equal(report.findings, []);
      assert.equal(report.summary.suppressed, { inline: 1, file: 0 });
      assert.equal(
        report.suppressed.map((f: { rule: string; line: number; suppressions: unknown }) => [f.rule, f.line, f.suppressions]),
        [["schema", 4, [{ kind: "inSource", justification: "the coder's status, kept until the schema has it" }]]],
      );
      const github = await validate(root, "--format", "github");
      assert.is(github.stdout, "eventwire validate: no problems (6 files, 6 records checked).\nEvidence: 0 quotes checked against kept source texts; 2 not checked (no text of their source is kept in data/texts/, or evidence-quote is off).\n1 finding suppressed: 1 by inline directive.\n");
    },
    { [EVENT_PATH]: withSchemaError().replace("status: activ\n", DIRECTIVE + "status: activ\n") },
  ),
);

test(
  "a directive that suppresses nothing is a warning at its rule id's line and column; --rule directive-unused=off turns it off; a directive cannot disable it",
  withTemp(
    async (root) => {
      const { code, report } = await json(root);
      // directive-unknown-rule: directive-unused named in a directive is an error.
      assert.is(code, 1);
      assert.equal(rules(report), [`${EVENT_PATH}|directive-unused@3:31`, `${EVENT_PATH}|directive-unknown-rule@11:31`]);
      assert.is(report.findings[0].message, "No `schema` finding on line 4: this directive suppresses nothing of it.");
      assert.is(report.findings[0].severity, "warning");
      const pretty = await validate(root);
      assert.match(pretty.stdout, /ev-p6w7bxbz\.yaml:3:31 {2}warning {2}directive-unused\n.*\n {3}2 \| id: ev-p6w7bxbz\n > 3 \| # eventwire-disable-next-line schema -- /);
      const off = await json(root, "--rule", "directive-unused=off");
      assert.equal(rules(off.report), [`${EVENT_PATH}|directive-unknown-rule@11:31`]);
    },
    {
      [EVENT_PATH]: EVENT_YAML.replace("status: active\n", DIRECTIVE + "status: active\n").replace(
        "mode: multilateral\n",
        "# eventwire-disable-next-line directive-unused -- quiet\nmode: multilateral\n",
      ),
    },
  ),
);

test(
  "a directive without a reason, or with an unknown rule id (did-you-mean), is an error at its line and column; it still applies to the rules it names",
  withTemp(
    async (root) => {
      const { code, report } = await json(root);
      assert.is(code, 1);
      assert.equal(rules(report), [`${EVENT_PATH}|directive-reason@3:1`, `${EVENT_PATH}|directive-unknown-rule@3:39`]);
      assert.is(report.findings[1].message, "`shema` is no rule of eventwire. Did you mean `schema`?");
      assert.equal(report.summary.suppressed, { inline: 1, file: 0 });
    },
    { [EVENT_PATH]: withSchemaError().replace("status: activ\n", "# eventwire-disable-next-line schema, shema\nstatus: activ\n") },
  ),
);

test(
  "a file-level directive among the first comment lines hides the rule's findings anywhere in the file, dataset rules' included",
  withTemp(
    async (root) => {
      const { code, report } = await json(root);
      assert.is(code, 0, JSON.stringify(report.findings));
      assert.equal(rules(report), []);
      assert.equal(report.summary.suppressed, { inline: 4, file: 0 });
      assert.equal(report.suppressed.map((f: { file: string; rule: string }) => `${f.file}|${f.rule}`), [
        `${OTHER_PATH}|probable-duplicate`,
        `${EVENT_PATH}|probable-duplicate`,
        `${EVENT_PATH}|schema`,
        `${EVENT_PATH}|schema`,
      ]);
    },
    {
      [EVENT_PATH]:
        "# Coded from the DW page.\n\n# eventwire-disable schema, probable-duplicate -- legacy values, fixed in the next schema\n" +
        editEvent("method: manual", "method: manul", editEvent("precision: country", "precision: countri")),
      [OTHER_PATH]: "# eventwire-disable probable-duplicate -- two meetings the same day\n" + EVENT_YAML.replace("id: ev-p6w7bxbz", "id: ev-aaaaaaaa"),
    },
  ),
);

test(
  "a JSON record has no comments: a value that reads like a directive suppresses nothing (the suppressions file settles its findings)",
  withTemp(
    async (root) => {
      const { code, report } = await json(root);
      assert.is(code, 1);
      assert.equal(report.findings.map((f: { rule: string }) => f.rule), ["schema"]);
      assert.is((await validate(root, "--suppress-all")).code, 0);
      assert.is((await validate(root)).code, 0);
    },
    {
      "data/events/2023/02/ev-p6w7bxbz.json": JSON.stringify({ ...parseYaml(withSchemaError()), title: "# eventwire-disable-next-line schema -- x" }, null, 2),
    },
  ),
);

test(
  "the same with worker threads: directives cross threads with the outcomes",
  withTemp(
    async (root) => {
      const one = await run(["validate", "--root", root, "--format", "json"], { env: { EVENTWIRE_THREADS: "1" } });
      const two = await run(["validate", "--root", root, "--format", "json"], { env: { EVENTWIRE_THREADS: "2" } });
      assert.is(two.stdout, one.stdout);
      assert.equal(JSON.parse(two.stdout).summary.suppressed, { inline: 1, file: 0 });
      assert.equal(rules(JSON.parse(two.stdout)), [`${OTHER_PATH}|directive-unused@1:31`]);
    },
    {
      [EVENT_PATH]: withSchemaError().replace("status: activ\n", DIRECTIVE + "status: activ\n"),
      [OTHER_PATH]: "# eventwire-disable-next-line text-nfc -- x\n" + OTHER_YAML,
    },
  ),
);

/** The SARIF 2.1.0 schemas, final (2020-12) and rtm.5, as test/report/sarif.test.ts reads them: a log must pass both. */
function sarifValidator() {
  const require = createRequire(import.meta.url);
  const dir = path.join(import.meta.dirname, "..", "fixtures", "sarif");
  const addFormats = require("ajv-formats") as (ajv: AjvType) => AjvType;
  const { Ajv2020 } = require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js");
  const ajv2020 = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv2020 as unknown as AjvType);
  const checkFinal = ajv2020.compile(JSON.parse(readFileSync(path.join(dir, "sarif-2.1.0.json"), "utf8")));
  const rtm5 = JSON.parse(readFileSync(path.join(dir, "sarif-2.1.0-rtm.5.json"), "utf8"));
  delete rtm5.$schema;
  rtm5.$id = rtm5.id;
  delete rtm5.id;
  const { Ajv } = require("ajv") as typeof import("ajv");
  const checkRtm5 = addFormats(new Ajv({ strict: false, allErrors: true, unicodeRegExp: false })).compile(rtm5);
  return (log: unknown): string | undefined => {
    const a = checkFinal(log);
    const b = checkRtm5(log);
    return a && b ? undefined : JSON.stringify([...(checkFinal.errors ?? []), ...(checkRtm5.errors ?? [])].slice(0, 3));
  };
}

test(
  "sarif holds the suppressed findings with suppressions (inSource, external) and justifications, valid SARIF 2.1.0; the job summary counts them",
  withTemp(
    async (root) => {
      await validate(root, "--suppress-rule", "url-domain");
      const r = await validate(root, "--format", "sarif");
      assert.is(r.code, 0);
      const log: Sarif.Log = JSON.parse(r.stdout);
      const problems = sarifValidator()(log);
      assert.is(problems, undefined, problems);
      const results = log.runs[0]!.results!;
      assert.equal(
        results.map((x) => [x.ruleId, x.suppressions]),
        [
          ["url-domain", [{ kind: "external", status: "accepted", justification: "recorded in eventwire-suppressions.json (1 url-domain finding in this file)" }]],
          ["schema", [{ kind: "inSource", status: "accepted", justification: "the coder's status, kept until the schema has it" }]],
        ],
      );
      assert.equal(log.runs[0]!.properties!.summary.suppressed, { inline: 1, file: 1 });
      const dir = mkdtempSync(path.join(tmpdir(), "eventwire-summary-"));
      try {
        const summaryFile = path.join(dir, "summary.md");
        await run(["validate", "--root", root, "--format", "github"], { env: { GITHUB_STEP_SUMMARY: summaryFile } });
        assert.match(readFileSync(summaryFile, "utf8"), /\n2 findings suppressed: 1 by eventwire-suppressions\.json, 1 by inline directive\.\n/);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    {
      [EVENT_PATH]: withSchemaError().replace("status: activ\n", DIRECTIVE + "status: activ\n"),
      [OTHER_PATH]: OTHER_YAML.replace("url: https://p.dw.com/p/4O4UG", "url: https://example.com/4O4UG"),
    },
  ),
);

test(
  "with eventwire.config.yaml: directive-unused takes the configuration's severity for its file, an ignored file's entry stays, config-* findings are never settled",
  withTemp(
    async (root) => {
      await validate(root, "--suppress-all");
      const recorded = JSON.parse(read(root));
      // The ignored event's entry (written by hand: it is not checked) stays; the configuration's own finding is not recorded.
      assert.equal(recorded, { "data/events/drafts/ev-dddddddd.yaml": { schema: { count: 1 } } });
      const { code, report } = await json(root);
      assert.is(code, 1);
      assert.equal(rules(report), ["eventwire.config.yaml|config-rule@3:3"]);
      assert.is(report.summary.suppressions, undefined);
      await validate(root, "--prune-suppressions");
      assert.equal(JSON.parse(read(root)), recorded);
    },
    {
      [EVENT_PATH]: EVENT_YAML.replace("status: active\n", DIRECTIVE + "status: active\n"),
      "eventwire.config.yaml": "rules:\n  directive-unused: error\n  file-bomm: off\noverrides:\n  - files: [data/events/2023/**]\n    rules:\n      directive-unused: off\nignores:\n  - data/events/drafts/**\n",
      "data/events/drafts/ev-dddddddd.yaml": "title: [unclosed\n",
      [SUPPRESSIONS]: JSON.stringify({ "data/events/drafts/ev-dddddddd.yaml": { schema: { count: 1 } } }),
    },
  ),
);

test("--changed and paths compare, record and prune only the files checked: the other files' entries stay as they are", async () => {
  const root = dataset({ [EVENT_PATH]: TWO_ERRORS, [OTHER_PATH]: withSchemaError(OTHER_YAML) });
  try {
    git(root, "init", "-q", "-b", "main");
    await validate(root, "--suppress-all");
    const recorded = read(root);
    assert.equal(JSON.parse(recorded), { [EVENT_PATH]: { schema: { count: 2 } }, [OTHER_PATH]: { schema: { count: 1 } } });
    git(root, "add", "-A");
    git(root, "commit", "-q", "-m", "base");
    git(root, "checkout", "-q", "-b", "feature");
    // The other event is fixed on the branch; the example event is not touched (its count of 2 stays whatever is pruned).
    writeFileSync(path.join(root, OTHER_PATH), OTHER_YAML);
    git(root, "commit", "-q", "-am", "fix");
    const r = await json(root, "--changed");
    assert.is(r.code, 0);
    assert.equal(r.report.summary.suppressions.fewer, [{ file: OTHER_PATH, rule: "schema", recorded: 1, found: 0 }]);
    await validate(root, "--changed", "--prune-suppressions");
    assert.equal(JSON.parse(read(root)), { [EVENT_PATH]: { schema: { count: 2 } } });
    // With a path: the example event's entry is compared; nothing else is written but its own.
    writeFileSync(path.join(root, EVENT_PATH), withSchemaError());
    writeFileSync(path.join(root, SUPPRESSIONS), recorded);
    const one = await json(root, path.join(root, EVENT_PATH));
    assert.equal(one.report.summary.suppressions.fewer, [{ file: EVENT_PATH, rule: "schema", recorded: 2, found: 1 }]);
    await validate(root, "--suppress-all", path.join(root, EVENT_PATH));
    assert.equal(JSON.parse(read(root)), { [EVENT_PATH]: { schema: { count: 1 } }, [OTHER_PATH]: { schema: { count: 1 } } });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test.run();
