/**
 * `eventwire --version`, colour (--color, --no-color, NO_COLOR, FORCE_COLOR)
 * and validate's progress line: in-process with streams that say they are a
 * terminal, and end to end on a real pseudo-terminal (`script` from
 * util-linux) where it is installed.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { main } from "../../scripts/cli.ts";
import { TOOLKIT_ROOT } from "../../scripts/core/paths.ts";
import { ERASE_LINE } from "../../scripts/core/terminal.ts";
import { run } from "../helpers/run.ts";

const BROKEN = path.join(import.meta.dirname, "..", "fixtures", "datasets", "broken");
const BIN = path.join(TOOLKIT_ROOT, "bin", "eventwire.js");
const VERSION = (JSON.parse(readFileSync(path.join(TOOLKIT_ROOT, "package.json"), "utf8")) as { version: string }).version;
const COLOUR = /\u001b\[\d+m/;
const PROGRESS = /validate: \d+ of \d+ files checked/;

/** Runs the CLI in-process with stdout and stderr each a terminal or not. */
async function runOn(argv: string[], tty: { stdout: boolean; stderr: boolean }, env: Record<string, string> = {}) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    cwd: TOOLKIT_ROOT,
    env,
    stdout: { write: (t: string) => (stdout += t), isTTY: tty.stdout },
    stderr: { write: (t: string) => (stderr += t), isTTY: tty.stderr, columns: 200 },
  });
  return { code, stdout, stderr };
}

const TERMINAL = { stdout: true, stderr: true };
const PIPED = { stdout: false, stderr: false };

test("--version and -v print the toolkit's version (package.json) on stdout, exit 0", async () => {
  for (const flag of ["--version", "-v"]) {
    const r = await run([flag]);
    assert.is(r.code, 0, flag);
    assert.is(r.stdout, `${VERSION}\n`, flag);
    assert.is(r.stderr, "", flag);
  }
  const usage = await run(["--help"]);
  assert.match(usage.stdout, /-v, --version/);
});

test("--version is the top level's only: a command does not take it (release's is the dataset's version)", async () => {
  const r = await run(["validate", "--version"], { cwd: BROKEN });
  assert.is(r.code, 2);
  assert.match(r.stderr, /--version/);
  const release = await run(["release", "--version", "not-a-version"], { cwd: BROKEN });
  assert.is(release.code, 2);
  assert.match(release.stderr, /--version expects a version such as 1\.2\.0/);
});

test("colour: on a terminal by default; NO_COLOR, FORCE_COLOR and the flags as the conventions say", async () => {
  const cases: [args: string[], tty: boolean, env: Record<string, string>, coloured: boolean][] = [
    [[], true, {}, true],
    [[], false, {}, false],
    [[], true, { TERM: "dumb" }, false],
    [[], true, { NO_COLOR: "1" }, false],
    [[], true, { NO_COLOR: "" }, true],
    [[], false, { FORCE_COLOR: "1" }, true],
    [[], false, { FORCE_COLOR: "" }, true],
    [[], true, { FORCE_COLOR: "0" }, false],
    [["--color"], false, {}, true],
    [["--color"], true, { NO_COLOR: "1" }, true],
    [["--no-color"], true, {}, false],
    [["--no-color"], false, { FORCE_COLOR: "3" }, false],
    [["--no-color", "--color"], false, {}, true],
    [["--color", "--no-color"], true, {}, false],
  ];
  for (const [args, tty, env, coloured] of cases) {
    const r = await runOn(["validate", "--root", BROKEN, ...args], { stdout: tty, stderr: false }, env);
    const shown = `${args.join(" ") || "(no flag)"} on ${tty ? "a terminal" : "a pipe"} with ${JSON.stringify(env)}`;
    assert.is(r.code, 1, shown);
    assert.is(COLOUR.test(r.stdout), coloured, shown);
  }
});

test("colour is for the pretty report only: json is the same bytes with --color", async () => {
  const plain = await run(["validate", "--root", BROKEN, "--format", "json"]);
  const forced = await run(["validate", "--root", BROKEN, "--format", "json", "--color"], { env: { FORCE_COLOR: "1" } });
  assert.is(forced.stdout, plain.stdout);
});

test("progress: on a terminal, drawn in place on stderr and erased before the report", async () => {
  const r = await runOn(["validate", "--root", BROKEN], TERMINAL, { EVENTWIRE_TEST_PROGRESS_AFTER: "0" });
  assert.is(r.code, 1);
  assert.ok(r.stderr.startsWith(`${ERASE_LINE}validate: 0 of `), JSON.stringify(r.stderr));
  assert.match(r.stderr, /\u001b\[2Kvalidate: (\d+) of \1 files checked, [\d,]+ files\/s/);
  assert.ok(r.stderr.endsWith(ERASE_LINE), "erased at the end");
  // Then the work across records, after the last count (not a count that stays at its total meanwhile).
  assert.match(r.stderr, /\u001b\[2Kvalidate: (\d+) of \1 files checked; comparing records across the dataset\r/);
  assert.not.match(r.stderr, /\n/, "no line of its own");
  assert.not.match(r.stdout, PROGRESS);
});

test("progress: never a run shorter than the delay, in CI, on a pipe, nor beside a json or github report on the terminal", async () => {
  const cases: [args: string[], tty: { stdout: boolean; stderr: boolean }, env: Record<string, string>][] = [
    // Shorter than the delay (an hour here, so the test's speed never matters; the one-second default is tested with a fake clock in core/terminal.test.ts).
    [[], TERMINAL, { EVENTWIRE_TEST_PROGRESS_AFTER: "3600000" }],
    [[], TERMINAL, { CI: "true", EVENTWIRE_TEST_PROGRESS_AFTER: "0" }],
    [[], { stdout: true, stderr: false }, { EVENTWIRE_TEST_PROGRESS_AFTER: "0" }],
    [[], PIPED, { EVENTWIRE_TEST_PROGRESS_AFTER: "0" }],
    [["--format", "json"], TERMINAL, { EVENTWIRE_TEST_PROGRESS_AFTER: "0" }],
    [["--format", "github"], TERMINAL, { EVENTWIRE_TEST_PROGRESS_AFTER: "0" }],
  ];
  for (const [args, tty, env] of cases) {
    const r = await runOn(["validate", "--root", BROKEN, ...args], tty, env);
    assert.is(r.code, 1);
    assert.is(r.stderr, "", `${args.join(" ")} ${JSON.stringify(tty)} ${JSON.stringify(env)}`);
  }
  // A json report that goes to a file or a pipe leaves the terminal to the progress line.
  const piped = await runOn(["validate", "--root", BROKEN, "--format", "json"], { stdout: false, stderr: true }, { EVENTWIRE_TEST_PROGRESS_AFTER: "0" });
  assert.match(piped.stderr, PROGRESS);
  assert.not.match(piped.stdout, PROGRESS);
  JSON.parse(piped.stdout);
});

test("-o: a report file is coloured only with --color (not by FORCE_COLOR); progress stays on the terminal whatever the format", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "eventwire-terminal-"));
  try {
    const file = path.join(dir, "report.txt");
    const forced = await runOn(["validate", "--root", BROKEN, "-o", file], TERMINAL, { FORCE_COLOR: "1" });
    assert.is(forced.code, 1);
    assert.not.match(readFileSync(file, "utf8"), COLOUR);
    const asked = await runOn(["validate", "--root", BROKEN, "-o", file, "--color"], PIPED);
    assert.is(asked.code, 1);
    assert.match(readFileSync(file, "utf8"), COLOUR);
    const json = await runOn(["validate", "--root", BROKEN, "--format", "json", "-o", path.join(dir, "report.json")], TERMINAL, { EVENTWIRE_TEST_PROGRESS_AFTER: "0" });
    assert.is(json.code, 1);
    assert.match(json.stderr, PROGRESS);
    assert.ok(json.stderr.endsWith(ERASE_LINE));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("progress: worker threads report it too", async () => {
  const r = await runOn(["validate", "--root", BROKEN], TERMINAL, { EVENTWIRE_TEST_PROGRESS_AFTER: "0", EVENTWIRE_THREADS: "2" });
  assert.is(r.code, 1);
  assert.match(r.stderr, /validate: (\d+) of \1 files checked/);
  assert.ok(r.stderr.endsWith(ERASE_LINE));
});

/** `script` runs the command on a pseudo-terminal: stdout and stderr are both that terminal, and what it shows comes back on script's stdout. */
const HAS_SCRIPT = spawnSync("script", ["--version"], { encoding: "utf8" }).status === 0;
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

function onTerminal(args: string[], env: Record<string, string> = {}) {
  const command = [process.execPath, BIN, ...args].map(quote).join(" ");
  const r = spawnSync("script", ["-qec", command, "/dev/null"], {
    cwd: BROKEN,
    encoding: "utf8",
    // No CI here, whatever runs the tests: the progress line is for people.
    env: { PATH: process.env.PATH ?? "", TERM: "xterm", ...env },
  });
  return { code: r.status, out: r.stdout };
}

test("on a real terminal (script): colour and the progress line by default, none in CI, with --no-color, or beside a json report", () => {
  if (!HAS_SCRIPT) {
    console.log("  (skipped: no `script` from util-linux to make a pseudo-terminal)");
    return;
  }
  const shown = onTerminal(["validate"], { EVENTWIRE_TEST_PROGRESS_AFTER: "0" });
  assert.is(shown.code, 1, shown.out);
  assert.match(shown.out, COLOUR);
  assert.match(shown.out, /\r\u001b\[2Kvalidate: (\d+) of \1 files checked/);
  // The line is erased before the report starts: the report's first line follows the erase.
  const afterProgress = shown.out.slice(shown.out.lastIndexOf(ERASE_LINE) + ERASE_LINE.length);
  assert.match(afterProgress, /^\u001b\[1m\d+ errors?, /, "the verdict comes right after the erase");
  assert.not.match(afterProgress, PROGRESS);

  const ci = onTerminal(["validate"], { EVENTWIRE_TEST_PROGRESS_AFTER: "0", CI: "true" });
  assert.is(ci.code, 1);
  assert.not.match(ci.out, PROGRESS);
  const plain = onTerminal(["validate", "--no-color"], { EVENTWIRE_TEST_PROGRESS_AFTER: "0", NO_COLOR: "", FORCE_COLOR: "1" });
  assert.not.match(plain.out, COLOUR);
  const json = onTerminal(["validate", "--format", "json"], { EVENTWIRE_TEST_PROGRESS_AFTER: "0" });
  assert.is(json.code, 1);
  assert.not.match(json.out, PROGRESS);
  assert.not.match(json.out, /\u001b/);
  const version = onTerminal(["-v"]);
  assert.is(version.code, 0);
  assert.is(version.out.trim(), VERSION);
});

test.run();
