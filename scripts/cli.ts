/** The `eventwire` command: argument dispatch only. */
import { EXIT, UsageError, type CommandIO } from "./core/io.ts";
import { docsCommand } from "./commands/docs.ts";
import { schemaCommand } from "./commands/schema.ts";
import { validateCommand } from "./commands/validate.ts";

const COMMANDS: Record<string, { summary: string; run: (argv: string[], io: CommandIO) => Promise<number> }> = {
  validate: { summary: "check records and report findings", run: validateCommand },
  schema: { summary: "build or check the published JSON Schemas", run: schemaCommand },
  docs: { summary: "write the rule catalogue (docs/rules.md)", run: docsCommand },
};

export const USAGE = `Usage: eventwire <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join("\n")}

Run \`eventwire <command> --help\` for a command's options.`;

export async function main(argv: string[], io: CommandIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "-h" || name === "--help") {
    (name === undefined ? io.stderr : io.stdout).write(USAGE + "\n");
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  const command = COMMANDS[name];
  try {
    if (!command) throw new UsageError(`unknown command \`${name}\`\n\n${USAGE}`);
    return await command.run(rest, io);
  } catch (error) {
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
    io.stderr.write(`eventwire ${name}: ${usage ? "" : "internal error: "}${(error as Error).message}\n`);
    if (!usage && io.env.EVENTWIRE_DEBUG) io.stderr.write(`${(error as Error).stack ?? ""}\n`);
    return EXIT.usage;
  }
}
