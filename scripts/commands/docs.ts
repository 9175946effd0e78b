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

export async function docsCommand(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { check: { type: "boolean" } } });
  if (positionals.length !== 1 || positionals[0] !== "rules") throw new UsageError("usage: eventwire docs rules [--check]");
  if (values.check) {
    if (!catalogueIsStale()) return EXIT.ok;
    io.stdout.write(`${CATALOGUE_PATH} is out of date: run \`npm run docs:rules\`.\n`);
    return EXIT.findings;
  }
  writeFileAtomic(path.join(TOOLKIT_ROOT, CATALOGUE_PATH), generateCatalogue());
  io.stdout.write(`Wrote ${CATALOGUE_PATH}.\n`);
  return EXIT.ok;
}
