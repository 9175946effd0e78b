/** The `eventwire` command: argument dispatch only. */
import { displayText, visible } from "./core/escape.ts";
import { fsUsageError } from "./core/fs-errors.ts";
import { EXIT, isUsageError, UsageError, type CommandIO } from "./core/io.ts";
import { toolkitVersion } from "./core/paths.ts";

type Run = (argv: string[], io: CommandIO) => Promise<number>;

/** Each command's module is loaded only when it runs: start-up stays short. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<Run> }> = {
  validate: { summary: "check records and report findings", load: async () => (await import("./commands/validate.ts")).validateCommand },
  new: { summary: "scaffold a new event, actor or outlet record, or keep a page's text", load: async () => (await import("./commands/new.ts")).newCommand },
  release: { summary: "build the download folder of a version (JSONL, CSV, checksums)", load: async () => (await import("./commands/release.ts")).releaseCommand },
  diff: { summary: "what changed in the dataset between two git revisions, and the findings before and after", load: async () => (await import("./commands/diff.ts")).diffCommand },
  format: { summary: "rewrite records into the canonical layout (--check to only list)", load: async () => (await import("./commands/format.ts")).formatCommand },
  import: { summary: "turn rows of PLOVER, GDELT, ACLED or UCDP GED data into records, with a mapping report", load: async () => (await import("./commands/import.ts")).importCommand },
  sample: { summary: "draw events at random for a blind check (seeded, repeatable)", load: async () => (await import("./commands/sample.ts")).sampleCommand },
  agreement: { summary: "agreement between independent codings of the same articles (Krippendorff's alpha)", load: async () => (await import("./commands/agreement.ts")).agreementCommand },
  migrate: { summary: "rewrite records for a later schema version (--dry-run shows the diff)", load: async () => (await import("./commands/migrate.ts")).migrateCommand },
  schema: { summary: "build, check or diff the published JSON Schemas", load: async () => (await import("./commands/schema.ts")).schemaCommand },
  docs: { summary: "write the rule catalogue (docs/rules.md)", load: async () => (await import("./commands/docs.ts")).docsCommand },
};

export const USAGE = `Usage: eventwire <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join("\n")}

Options:
  -v, --version  print the toolkit's version (package.json) and exit
  -h, --help     show this help

Run \`eventwire <command> --help\` for a command's options.`;

export async function main(argv: string[], io: CommandIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "-h" || name === "--help") {
    (name === undefined ? io.stderr : io.stdout).write(USAGE + "\n");
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  // Only before a command: `release --version X.Y.Z` is the release's own option.
  if (name === "-v" || name === "--version") {
    io.stdout.write(`${toolkitVersion()}\n`);
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  try {
    if (!command) throw new UsageError(`unknown command \`${name}\`\n\n${USAGE}`);
    return await (await command.load())(rest, io);
  } catch (thrown) {
    // A full disk, a read-only mount, a name taken: the environment's fault, named with its path (exit 2, not "internal error").
    const error = fsUsageError(thrown) ?? thrown;
    const usage = isUsageError(error) || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
    // A message may name a path or an argument as typed: its lines are shown with visible escapes (core/escape.ts).
    const message = (error as Error).message.split("\n").map(displayText).join("\n");
    io.stderr.write(`eventwire ${visible(name)}: ${usage ? "" : "internal error: "}${message}\n`);
    if (!usage && io.env.EVENTWIRE_DEBUG) io.stderr.write(`${(error as Error).stack ?? ""}\n`);
    return EXIT.usage;
  }
}
