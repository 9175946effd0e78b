/**
 * Every command, and every subcommand form, answers `--help` and `-h` with its
 * usage on stdout and exit 0, and does nothing else (no file written, no
 * dataset read: run here in an empty folder).
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { USAGE } from "../../scripts/cli.ts";
import { run } from "../helpers/run.ts";

/** The commands the top-level usage lists. */
const COMMANDS = USAGE.split("Commands:\n")[1]!
  .split("\n\n")[0]!
  .split("\n")
  .map((line) => line.trim().split(/\s+/)[0]!);

/** Each command's forms: the arguments before `--help`, and how its usage begins. */
const FORMS: [args: string[], usage: RegExp][] = [
  [[], /^Usage: eventwire <command> \[options\]\n/],
  [["validate"], /^Usage: eventwire validate /],
  [["validate", "data/events"], /^Usage: eventwire validate /],
  [["validate", "--changed"], /^Usage: eventwire validate /],
  [["new"], /^Usage: eventwire new event\|actor\|outlet\|text /],
  [["new", "event"], /^Usage: eventwire new event\|actor\|outlet\|text /],
  [["new", "actor"], /^Usage: eventwire new event\|actor\|outlet\|text /],
  [["new", "outlet"], /^Usage: eventwire new event\|actor\|outlet\|text /],
  [["new", "text"], /^Usage: eventwire new text --url <url> --file <page.txt> /],
  [["release"], /^Usage: eventwire release /],
  [["release", "--version", "1.0.0"], /^Usage: eventwire release /],
  [["diff"], /^Usage: eventwire diff /],
  [["diff", "main"], /^Usage: eventwire diff /],
  [["format"], /^Usage: eventwire format /],
  [["format", "--check"], /^Usage: eventwire format /],
  [["agreement"], /^Usage: eventwire agreement /],
  [["agreement", "--dataset"], /^Usage: eventwire agreement /],
  [["sample"], /^Usage: eventwire sample /],
  [["migrate"], /^Usage: eventwire migrate /],
  [["migrate", "--dry-run"], /^Usage: eventwire migrate /],
  [["schema"], /^Usage: eventwire schema /],
  [["schema", "build"], /^Usage: eventwire schema /],
  [["schema", "check"], /^Usage: eventwire schema /],
  [["schema", "lock"], /^Usage: eventwire schema /],
  [["schema", "diff"], /^Usage: eventwire schema /],
  [["import"], /^Usage: eventwire import <format> <file\.\.\.> /],
  [["import", "plover"], /^Usage: eventwire import <format> <file\.\.\.> /],
  [["import", "gdelt", "x.csv", "--dry-run"], /^Usage: eventwire import <format> <file\.\.\.> /],
  [["docs"], /^Usage: eventwire docs rules/],
  [["docs", "rules"], /^Usage: eventwire docs rules/],
  [["docs", "rules", "--check"], /^Usage: eventwire docs rules/],
];

test("help: the table covers every command the usage lists", () => {
  assert.ok(COMMANDS.length >= 8, COMMANDS.join(", "));
  for (const name of COMMANDS) assert.ok(FORMS.some(([args]) => args[0] === name), `\`${name} --help\` is tested`);
});

test("help: `--help` and `-h` print the usage on stdout and exit 0, for every command and subcommand form", async () => {
  const cwd = mkdtempSync(path.join(tmpdir(), "eventwire-help-"));
  try {
    for (const [args, usage] of FORMS)
      for (const flag of ["--help", "-h"]) {
        const r = await run([...args, flag], { cwd });
        const shown = `eventwire ${[...args, flag].join(" ")}`;
        assert.is(r.code, 0, `${shown}: ${r.stderr}`);
        assert.is(r.stderr, "", shown);
        assert.match(r.stdout, usage, shown);
        assert.match(r.stdout, /--help/, `${shown} tells of --help`);
        assert.not.match(r.stdout, /^Wrote /m, `${shown} writes nothing`);
      }
    assert.equal(readdirSync(cwd), [], "nothing was written where it ran");
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
});

test.run();
