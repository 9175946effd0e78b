/**
 * eventwire.config.yaml end to end (issue 18, "Configuration"): its own
 * findings at their line and column, severities by rule and by glob, ignores,
 * --config, flags over the file, --print-config, and release applying it.
 * The config rules' wording and places are in test/rules/config-*.test.ts.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { EVENT_PATH, EVENT_YAML, REGISTRY, writeDataset } from "../helpers/dataset.ts";
import { git } from "../helpers/git.ts";
import { run } from "../helpers/run.ts";

const test = suite("eventwire.config.yaml");

const OTHER_PATH = "data/events/2021/06/ev-b2c3d4e5.yaml";
// From another page: one page is one source, with one publication date (source-consistent).
const OTHER = EVENT_YAML.replace("id: ev-p6w7bxbz", "id: ev-b2c3d4e5")
  .replace('start: "2023-02-28"', 'start: "2021-06-15"')
  .replace('published: "2023-02-28"', 'published: "2021-06-15"')
  .replace("url: https://p.dw.com/p/4O4UG", "url: https://p.dw.com/p/4O4UH");

/** Two events, each with a BOM (a file-bom warning at 1:1), and the configuration given (none when undefined). */
function dataset(config?: string, more: Record<string, string> = {}): string {
  return writeDataset({
    ...REGISTRY,
    [EVENT_PATH]: "\ufeff" + EVENT_YAML,
    [OTHER_PATH]: "\ufeff" + OTHER,
    ...(config === undefined ? {} : { "eventwire.config.yaml": config }),
    ...more,
  });
}

interface Report {
  summary: { files: number; errors: number; warnings: number; infos: number };
  findings: { file: string; rule: string; severity: string; line: number; column: number; message: string }[];
}

async function validate(root: string, ...args: string[]): Promise<{ code: number; report: Report; stderr: string }> {
  const r = await run(["validate", "--format", "json", ...args], { cwd: root });
  assert.ok(r.stdout.startsWith("{"), `${r.code}: ${r.stderr}${r.stdout}`);
  return { code: r.code, report: JSON.parse(r.stdout) as Report, stderr: r.stderr };
}

const brief = (report: Report) => report.findings.map((f) => `${f.file}|${f.rule}|${f.severity}@${f.line}:${f.column}`);

test("without a configuration, the rules' own severities", async () => {
  const root = dataset();
  try {
    const { code, report } = await validate(root);
    assert.is(code, 0);
    assert.equal(brief(report), [`${OTHER_PATH}|file-bom|warning@1:1`, `${EVENT_PATH}|file-bom|warning@1:1`]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("rules: a severity for every file; an error makes exit 1", async () => {
  const root = dataset("rules:\n  file-bom: error\n");
  try {
    const { code, report } = await validate(root);
    assert.is(code, 1);
    assert.equal(brief(report), [`${OTHER_PATH}|file-bom|error@1:1`, `${EVENT_PATH}|file-bom|error@1:1`]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("overrides: by glob from the root, the last that matches wins; off drops the finding there", async () => {
  const root = dataset(
    [
      "rules:",
      "  file-bom: off",
      "overrides:",
      "  - files: [data/events/2023/**]",
      "    rules:",
      "      file-bom: error",
      "  - files: ['data/events/{2021,2023}/0[26]/*.yaml']",
      "    rules:",
      "      file-bom: info",
      "  - files: [data/events/2021]",
      "    rules:",
      "      text-whitespace: off",
      "",
    ].join("\n"),
  );
  try {
    const { code, report } = await validate(root);
    // Off everywhere but where an override turns it on: the check runs it, each finding takes its file's severity.
    assert.equal(brief(report), [`${OTHER_PATH}|file-bom|info@1:1`, `${EVENT_PATH}|file-bom|info@1:1`]);
    assert.is(code, 0);
    const only2023 = dataset("rules:\n  file-bom: off\noverrides:\n  - files: [data/events/2023/**]\n    rules:\n      file-bom: error\n");
    try {
      const r = await validate(only2023);
      assert.equal(brief(r.report), [`${EVENT_PATH}|file-bom|error@1:1`]);
      assert.is(r.code, 1);
    } finally {
      rmSync(only2023, { recursive: true, force: true });
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("ignores: not listed, not checked, not compared (a folder's path covers its files)", async () => {
  const root = dataset("ignores:\n  - data/events/2021\n  - data/notes/**\n", { "data/notes/todo.txt": "stray\n" });
  try {
    const { code, report, stderr } = await validate(root);
    assert.is(code, 0);
    assert.equal(brief(report), [`${EVENT_PATH}|file-bom|warning@1:1`]);
    assert.is(report.summary.files, 6);
    assert.is(stderr, "Leaving out 2 files that eventwire.config.yaml ignores (`ignores`).\n");
    assert.is((await validate(root, "data/events")).stderr, "Leaving out 1 file that eventwire.config.yaml ignores (`ignores`).\n");
    // An ignored event is not in the dataset for rules across records: an event naming it names nothing.
    const dup = EVENT_YAML.replace("status: active\n", "status: duplicate\nduplicate_of: ev-b2c3d4e5\n");
    writeFileSync(path.join(root, EVENT_PATH), dup);
    const r = await validate(root);
    assert.ok(r.report.findings.some((f) => f.rule === "duplicate-of" && f.file === EVENT_PATH), JSON.stringify(r.report.findings));
    // A path given that only ignored files match is a usage error, as ESLint's.
    const given = await run(["validate", "data/events/2021"], { cwd: root });
    assert.is(given.code, 2);
    assert.match(given.stderr, /every file that `data\/events\/2021` match is ignored by eventwire.config.yaml/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("the configuration's own findings: at their line and column, reported with the rest, exit 1; what is wrong is not applied, the rest is", async () => {
  const root = dataset(["rules:", "  file-bomm: off", "  file-size: loud", "  text-whitespace: off", "overrides:", "  - files: [/abs/**]", "    rules:", "      file-bom: off", ""].join("\n"));
  try {
    const { code, report } = await validate(root);
    assert.is(code, 1);
    assert.equal(brief(report), [
      `${OTHER_PATH}|file-bom|warning@1:1`,
      `${EVENT_PATH}|file-bom|warning@1:1`,
      "eventwire.config.yaml|config-rule|error@2:3",
      "eventwire.config.yaml|config-schema|error@3:14",
      "eventwire.config.yaml|config-glob|error@6:13",
    ]);
    assert.is(report.findings[2]!.message, "There is no rule `file-bomm`; did you mean `file-bom`? Its setting is not applied.");
    // The pretty report frames them like any finding.
    const pretty = await run(["validate"], { cwd: root });
    assert.match(pretty.stdout, /eventwire\.config\.yaml:2:3  error  config-rule\n  There is no rule `file-bomm`; did you mean `file-bom`\?[^\n]*\n   1 \| rules:\n > 2 \|   file-bomm: off\n     \|   \^{9}/);
    // A --rule for a config rule is a flag like any other; the file cannot set one.
    const quiet = await validate(root, "--rule", "config-rule=off", "--rule", "config-schema=warn", "--rule", "config-glob=off");
    assert.is(quiet.code, 0);
    assert.equal(brief(quiet.report).filter((f) => f.startsWith("eventwire")), ["eventwire.config.yaml|config-schema|warning@3:14"]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("a syntax error: nothing of the configuration applies", async () => {
  const root = dataset("rules:\n  file-bom: off\nignores: [data/events/2021/**\n");
  try {
    const { code, report } = await validate(root);
    assert.is(code, 1);
    assert.equal(brief(report), [`${OTHER_PATH}|file-bom|warning@1:1`, `${EVENT_PATH}|file-bom|warning@1:1`, "eventwire.config.yaml|config-syntax|error@4:1"]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("a configuration that is a symbolic link or a FIFO is a finding: never followed, never opened (no hang)", async () => {
  const root = dataset();
  try {
    writeFileSync(path.join(root, "outside.yaml"), "rules:\n  file-bom: off\n");
    symlinkSync(path.join(root, "outside.yaml"), path.join(root, "eventwire.config.yaml"));
    let r = await validate(root);
    assert.is(r.code, 1);
    assert.equal(brief(r.report), [`${OTHER_PATH}|file-bom|warning@1:1`, `${EVENT_PATH}|file-bom|warning@1:1`, "eventwire.config.yaml|config-file|error@1:1"]);
    rmSync(path.join(root, "eventwire.config.yaml"));
    execFileSync("mkfifo", [path.join(root, "eventwire.config.yaml")]);
    r = await validate(root);
    assert.is(r.code, 1);
    assert.match(r.report.findings.at(-1)!.message, /^The configuration cannot be read \(a FIFO \(named pipe\), not a regular file\)/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("--changed: what the configuration ignores is not checked, and its severities apply", async () => {
  const root = writeDataset({ ...REGISTRY, [EVENT_PATH]: EVENT_YAML, [OTHER_PATH]: OTHER, "eventwire.config.yaml": "rules:\n  file-bom: error\nignores: [data/events/2021/**]\n" });
  try {
    git(root, "init", "-q", "-b", "main");
    git(root, "add", "-A");
    git(root, "commit", "-q", "-m", "base");
    git(root, "checkout", "-q", "-b", "feature");
    writeFileSync(path.join(root, EVENT_PATH), "\ufeff" + EVENT_YAML);
    writeFileSync(path.join(root, OTHER_PATH), "title: [unclosed\n");
    const { code, report, stderr } = await validate(root, "--changed");
    assert.match(stderr, /Checking 1 changed and 0 deleted files under data\//);
    assert.equal(brief(report), [`${EVENT_PATH}|file-bom|error@1:1`]);
    assert.is(code, 1);
    // What `ignores` leaves out of the changed files is said, as on a full run (a new file counts too).
    assert.match(stderr, /^Leaving out 1 changed file that eventwire\.config\.yaml ignores \(`ignores`\)\.\n/);
    writeFileSync(path.join(root, "data/events/2021/06/ev-new00000.yaml"), "title: [unclosed\n");
    assert.match((await validate(root, "--changed")).stderr, /^Leaving out 2 changed files that eventwire\.config\.yaml ignores/);
    // With paths, only the changed files they select are counted.
    const some = await validate(root, "--changed", "data/events/2023");
    assert.not.match(some.stderr, /Leaving out/);
    assert.match((await validate(root, "--changed", "data/events")).stderr, /^Leaving out 2 changed files /);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("format and migrate leave alone what the configuration ignores", async () => {
  const messy = "id: ev-b2c3d4e5\nschema_version: '1.0.0'\n";
  const root = dataset("ignores: [data/events/2021/**]\n", { [OTHER_PATH]: messy });
  try {
    const format = await run(["format", "--check"], { cwd: root });
    assert.not.match(format.stdout + format.stderr, /2021/);
    const migrate = await run(["migrate", "--dry-run"], { cwd: root });
    assert.not.match(migrate.stdout + migrate.stderr, /2021/);
    writeFileSync(path.join(root, "eventwire.config.yaml"), "");
    const unignored = await run(["format", "--check"], { cwd: root });
    assert.match(unignored.stdout + unignored.stderr, /data\/events\/2021\/06\/ev-b2c3d4e5\.yaml/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("--config: a file elsewhere, from the current folder (globs still from the root); missing: exit 2", async () => {
  const root = dataset("rules:\n  file-bom: error\n");
  try {
    writeFileSync(path.join(root, "ci.yaml"), "rules:\n  file-bom: info\n");
    const { code, report } = await validate(root, "--config", "ci.yaml");
    assert.is(code, 0);
    assert.equal(brief(report), [`${OTHER_PATH}|file-bom|info@1:1`, `${EVENT_PATH}|file-bom|info@1:1`]);
    const missing = await run(["validate", "--config", "nope.yaml"], { cwd: root });
    assert.is(missing.code, 2);
    assert.match(missing.stderr, /--config: there is no file at `.*\/nope\.yaml`/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("flags win over the file: --rule over rules and overrides, --format, --max-warnings and --verbose over validate:", async () => {
  const root = dataset("rules:\n  file-bom: error\noverrides:\n  - files: [data/**]\n    rules:\n      file-bom: error\nvalidate:\n  format: json\n  max-warnings: 0\n  quiet: true\n");
  try {
    let r = await run(["validate", "--rule", "file-bom=warn", "--max-warnings", "5"], { cwd: root });
    assert.is(r.code, 0, r.stderr);
    // validate: format json applies: the report is JSON.
    assert.equal(brief(JSON.parse(r.stdout)), [`${OTHER_PATH}|file-bom|warning@1:1`, `${EVENT_PATH}|file-bom|warning@1:1`]);
    // max-warnings 0 from the file.
    r = await run(["validate", "--rule", "file-bom=warn"], { cwd: root });
    assert.is(r.code, 1);
    assert.match(r.stderr, /2 warnings exceed --max-warnings 0/);
    // quiet from the file; --verbose given wins over it.
    r = await run(["validate", "--rule", "file-bom=warn", "--format", "pretty", "--max-warnings", "9"], { cwd: root });
    assert.not.match(r.stdout, /file-bom/);
    r = await run(["validate", "--rule", "file-bom=warn", "--format", "pretty", "--max-warnings", "9", "--verbose"], { cwd: root });
    assert.match(r.stdout, /warning  file-bom/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("--print-config: the severities and defaults that apply to a file, as JSON, exit 0; a broken configuration: exit 2", async () => {
  const root = dataset("rules:\n  file-bom: error\noverrides:\n  - files: [data/events/2021/**]\n    rules:\n      file-bom: off\nignores: [data/drafts/**]\nvalidate:\n  max-warnings: 3\n");
  try {
    const r = await run(["validate", "--print-config", OTHER_PATH, "--rule", "file-size=info"], { cwd: root });
    assert.is(r.code, 0, r.stderr);
    const printed = JSON.parse(r.stdout);
    assert.is(printed.file, OTHER_PATH);
    assert.is(printed.config, "eventwire.config.yaml");
    assert.is(printed.ignored, false);
    assert.is(printed.rules["file-bom"], "off");
    assert.is(printed.rules["file-size"], "info");
    assert.is(printed.rules["probable-duplicate"], "warn");
    assert.is(printed.rules["text-whitespace"], "error");
    assert.equal(printed.validate, { "max-warnings": 3 });
    const other = JSON.parse((await run(["validate", "--print-config", "data/drafts/x.yaml"], { cwd: path.join(root) })).stdout);
    assert.is(other.ignored, true);
    assert.is(other.rules["file-bom"], "error");
    writeFileSync(path.join(root, "eventwire.config.yaml"), "rules:\n  file-bom: loud\n");
    const broken = await run(["validate", "--print-config", EVENT_PATH], { cwd: root });
    assert.is(broken.code, 2);
    assert.is(broken.stdout, "");
    assert.match(broken.stderr, /eventwire\.config\.yaml:2:13  error  config-schema/);
    const outside = await run(["validate", "--print-config", "/etc/passwd"], { cwd: root });
    assert.is(outside.code, 2);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("release applies the configuration: its severities decide what is an error, what it ignores is not released", async () => {
  const root = dataset("rules:\n  file-bom: error\n");
  const env = { SOURCE_DATE_EPOCH: "1700000000" };
  try {
    const refused = await run(["release", "--version", "1.0.0", "--out", "dist"], { cwd: root, env });
    assert.is(refused.code, 1);
    assert.match(refused.stderr, /error  file-bom/);
    writeFileSync(path.join(root, "eventwire.config.yaml"), "rules:\n  file-bom: off\nignores: [data/events/2021/**]\n");
    const built = await run(["release", "--version", "1.0.0", "--out", "dist"], { cwd: root, env });
    assert.is(built.code, 0, built.stderr);
    assert.match(built.stdout, /, 1 events,/);
    assert.match(built.stderr, /release: leaving out 1 file that eventwire\.config\.yaml ignores/);
    const lines = readFileSync(path.join(root, "dist/eventwire-1.0.0/eventwire-1.0.0/events.jsonl"), "utf8").trim().split("\n");
    assert.equal(lines.map((l) => JSON.parse(l).id), ["ev-p6w7bxbz"]);
    // --config too; a broken configuration is an error: nothing built.
    writeFileSync(path.join(root, "ci.yaml"), "rules: [file-bom]\n");
    const broken = await run(["release", "--version", "1.0.1", "--out", "dist", "--config", "ci.yaml"], { cwd: root, env });
    assert.is(broken.code, 1);
    assert.match(broken.stderr, /ci\.yaml:1:8  error  config-schema/);
    assert.not.ok(existsSync(path.join(root, "dist/eventwire-1.0.1")), readdirSync(path.join(root, "dist")).join(", "));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test.run();
