/** `eventwire format`: rewrites records into the canonical layout, or lists those that differ (--check). */
import path from "node:path";
import { parseArgs } from "node:util";
import { displayText } from "../core/escape.ts";
import { EXIT, type CommandIO } from "../core/io.ts";
import { temporaryFolder, writeFileAtomic } from "../core/write.ts";
import { canonicalText } from "../dataset/canonical.ts";
import { absolutePath, discoverRecords } from "../dataset/discover.ts";
import { readOriginal } from "../dataset/read.ts";
import { plural } from "../core/plural.ts";
import { datasetRoot } from "../dataset/root.ts";
import { loadConfig } from "../check/config.ts";

export const FORMAT_USAGE = `Usage: eventwire format [paths or globs...] [options]

Rewrites records (all of data/ when no path is given) into the canonical
layout: keys in schema order, block style, strings quoted only where a YAML
reader could take them for something else, long texts folded, LF, a final
newline. YAML comments are kept; values never change: a file holding a
number that does not survive reading exactly (number-exact) or text that is
not well-formed Unicode (text-unicode) is refused, with its line and value.
Files that eventwire.config.yaml ignores (\`ignores:\`) are left alone.

Options:
  --check        change nothing; list the files that differ and exit 1 if any
  --root <dir>   the dataset's repository (default: current folder)
  -h, --help     show this help

Exit codes: 0 all formatted (or nothing to change), 1 files differ (--check)
or cannot be formatted, 2 usage or internal error.`;

export async function formatCommand(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { check: { type: "boolean" }, root: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    io.stdout.write(FORMAT_USAGE + "\n");
    return EXIT.ok;
  }
  const root = datasetRoot(io.cwd, values.root);
  // What eventwire.config.yaml ignores is left alone, as validate leaves it (its findings are validate's to report).
  const config = loadConfig(root, io.cwd, undefined, new Map());
  const files = (await discoverRecords(root, positionals, io.cwd)).filter((f) => !config.ignored(f.path));
  // Temporary files go outside data/ (a kill midway leaves nothing validate would see); those of runs now gone are removed.
  const temp = values.check ? undefined : temporaryFolder(root);

  const differ: string[] = [];
  const failed: string[] = [];
  for (const file of files) {
    const read = readOriginal(absolutePath(file), file);
    if (!read.ok) {
      failed.push(`${file.path}: ${read.problem}`);
      continue;
    }
    const original = read.text;
    const result = canonicalText(original, file.format!, file.kind!);
    if (!result.ok) {
      failed.push(`${file.path}: not formatted: ${result.reason}`);
      continue;
    }
    if (result.text === original) continue;
    differ.push(file.path);
    if (temp) writeFileAtomic(absolutePath(file), result.text, temp.folder);
  }
  temp?.done();

  // Paths and reasons are shown with visible escapes, and no line can start a workflow command (core/escape.ts).
  for (const line of failed) io.stderr.write(displayText(line) + "\n");
  if (values.check) {
    for (const f of differ) io.stdout.write(`${displayText(f)}\n`);
    io.stdout.write(
      differ.length === 0
        ? `${files.length - failed.length === 1 ? "The record is" : `All ${plural(files.length - failed.length, "record")} are`} formatted.\n`
        : `${plural(differ.length, "file")} not formatted; run \`npm run format\` to fix.\n`,
    );
    return differ.length > 0 || failed.length > 0 ? EXIT.findings : EXIT.ok;
  }
  io.stdout.write(`Formatted ${plural(differ.length, "file")} (${files.length - differ.length - failed.length} already formatted).\n`);
  return failed.length > 0 ? EXIT.findings : EXIT.ok;
}
