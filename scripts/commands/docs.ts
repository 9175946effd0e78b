/** `eventwire docs rules [--check]`: writes (or checks) the rule catalogue. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { EXIT, UsageError, type CommandIO } from "../core/io.ts";
import { TOOLKIT_ROOT } from "../core/paths.ts";
import { writeFileAtomic } from "../core/write.ts";
import { CATALOGUE_PATH, generateCatalogue } from "../rules/catalogue.ts";

export function catalogueIsStale(root = TOOLKIT_ROOT): boolean {
  try {
    return readFileSync(path.join(root, CATALOGUE_PATH), "utf8") !== generateCatalogue();
  } catch {
    return true;
  }
}

export const DOCS_USAGE = `Usage: eventwire docs rules [--check]

Writes the rule catalogue, ${CATALOGUE_PATH}, from the rules' own ids,
severities, descriptions and help.

Options:
  --check      write nothing; exit 1 when ${CATALOGUE_PATH} is out of date
  -h, --help   show this help`;

export async function docsCommand(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { check: { type: "boolean" }, help: { type: "boolean", short: "h" } } });
  if (values.help) {
    io.stdout.write(DOCS_USAGE + "\n");
    return EXIT.ok;
  }
  if (positionals.length !== 1 || positionals[0] !== "rules") throw new UsageError(`expected \`rules\`\n\n${DOCS_USAGE}`);
  if (values.check) {
    if (!catalogueIsStale()) return EXIT.ok;
    io.stdout.write(`${CATALOGUE_PATH} is out of date: run \`npm run docs:rules\`.\n`);
    return EXIT.findings;
  }
  writeFileAtomic(path.join(TOOLKIT_ROOT, CATALOGUE_PATH), generateCatalogue());
  io.stdout.write(`Wrote ${CATALOGUE_PATH}.\n`);
  return EXIT.ok;
}
