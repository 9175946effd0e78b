/** `eventwire migrate`: rewrites records for a later schema version, keeping comments and key order. */
import { createTwoFilesPatch } from "diff";
import path from "node:path";
import { parseArgs } from "node:util";
import { migrationsBetween } from "../../schema/migrations/index.ts";
import { LATEST_VERSION, SCHEMA_VERSIONS } from "../../schema/versions.ts";
import { displayText, guardLine, shellQuote, visible } from "../core/escape.ts";
import { EXIT, UsageError, type CommandIO } from "../core/io.ts";
import { temporaryFolder, writeFileAtomic } from "../core/write.ts";
import { absolutePath, discoverRecords } from "../dataset/discover.ts";
import { migrateText } from "../dataset/migrate-text.ts";
import { readOriginal } from "../dataset/read.ts";
import { plural } from "../core/plural.ts";
import { validatorFor } from "../rules/schema/validators.ts";
import { datasetRoot } from "../dataset/root.ts";
import { loadConfig } from "../check/config.ts";

export const MIGRATE_USAGE = `Usage: eventwire migrate [paths or globs...] [options]

Rewrites records (all of data/ when no path is given) written against an
older schema version as records of a later one, through each migration step
in turn (schema/migrations/). YAML comments, key order and styles stay where
a field survives; a record at the target version already is left alone, so
running it twice changes nothing more. A migrated record must pass the JSON
Schema of the target version, or its file is not written; so is a file
holding a number that does not survive reading exactly (number-exact) or
text that is not well-formed Unicode (text-unicode): values never change.
Files that eventwire.config.yaml ignores (\`ignores:\`) are left alone.

Options:
  --to <version>  the version to migrate to (default: the latest, ${LATEST_VERSION})
  --dry-run       change nothing; print the change to each file as a unified diff
  --root <dir>    the dataset's repository (default: current folder)
  -h, --help      show this help

Exit codes: 0 done (or nothing to do), 1 a record could not be migrated,
2 usage or internal error.`;

function showDiff(patch: string): string {
  return patch
    .split("\n")
    .map((line) => guardLine(line.split("\t").map(visible).join("\t")))
    .join("\n");
}

export async function migrateCommand(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { to: { type: "string" }, "dry-run": { type: "boolean" }, root: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    io.stdout.write(MIGRATE_USAGE + "\n");
    return EXIT.ok;
  }
  const to = values.to ?? LATEST_VERSION;
  if (!SCHEMA_VERSIONS.includes(to)) throw new UsageError(`--to: \`${to}\` is not a schema version (known: ${SCHEMA_VERSIONS.join(", ")})`);
  const dryRun = values["dry-run"] === true;
  const root = datasetRoot(io.cwd, values.root);
  // What eventwire.config.yaml ignores is left alone, as validate leaves it (its findings are validate's to report).
  const config = loadConfig(root, io.cwd, undefined, new Map());
  const files = (await discoverRecords(root, positionals, io.cwd)).filter((f) => !config.ignored(f.path));
  // Temporary files go outside data/ (a kill midway leaves nothing validate would see); those of runs now gone are removed.
  const temp = dryRun ? undefined : temporaryFolder(root);

  const failed: string[] = [];
  const changed: string[] = [];
  // The versions the changed records come from: a dry run names the steps they take.
  const fromVersions = new Set<string>();
  for (const file of files) {
    const read = readOriginal(absolutePath(file), file);
    if (!read.ok) {
      failed.push(`${file.path}: ${read.problem}`);
      continue;
    }
    const original = read.text;
    const result = migrateText(original, file.format!, file.kind!, to);
    if (!result.ok) {
      failed.push(`${file.path}: not migrated: ${result.reason}`);
      continue;
    }
    if (!result.changed) continue;
    const validator = validatorFor(to, file.kind!)!;
    if (!validator.quick(result.value)) {
      failed.push(`${file.path}: not migrated: the record would not pass schema ${to} (run \`eventwire validate -- ${shellQuote(file.path)}\` first)`);
      continue;
    }
    changed.push(file.path);
    fromVersions.add(result.from);
    // The diff shows the path and lines with control characters as visible escapes (tabs kept), and no line starts a workflow command.
    if (dryRun) io.stdout.write(showDiff(createTwoFilesPatch(`a/${file.path}`, `b/${file.path}`, original, result.text, `schema ${result.from}`, `schema ${to}`)));
    else writeFileAtomic(absolutePath(file), result.text, temp!.folder);
  }
  temp?.done();

  // Paths and reasons are shown with visible escapes, and no line can start a workflow command (core/escape.ts).
  for (const line of failed) io.stderr.write(displayText(line) + "\n");
  if (dryRun && fromVersions.size > 0) {
    const earliest = SCHEMA_VERSIONS.find((v) => fromVersions.has(v))!;
    for (const step of migrationsBetween(earliest, to)) io.stdout.write(`${step.from} -> ${step.to}: ${step.description}\n`);
  }
  const rest = files.length - changed.length - failed.length;
  io.stdout.write(
    `${dryRun ? "Would migrate" : "Migrated"} ${plural(changed.length, "record")} to schema ${to}` +
      ` (${rest} ${rest === 1 ? "is" : "are"} at ${to} already${failed.length > 0 ? `; ${failed.length} could not be migrated` : ""}).\n`,
  );
  return failed.length > 0 ? EXIT.findings : EXIT.ok;
}
