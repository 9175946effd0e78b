/** `eventwire schema build|check`: publishes the JSON Schemas and codebook generated from zod. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { generateSchemaFiles } from "../../schema/publish.ts";
import { EXIT, UsageError, type CommandIO } from "../core/io.ts";
import { TOOLKIT_ROOT } from "../core/paths.ts";
import { writeFileAtomic } from "../core/write.ts";

export const SCHEMA_USAGE = `Usage: eventwire schema build|check

  build   regenerate the JSON Schema files and schema/README.md from the zod sources
  check   exit 1 when a committed file differs from what the zod sources generate`;

/** Generated files whose committed text differs from what zod generates now. */
export function staleSchemaFiles(root = TOOLKIT_ROOT): string[] {
  const stale: string[] = [];
  for (const [file, text] of generateSchemaFiles()) {
    let committed: string | undefined;
    try {
      committed = readFileSync(path.join(root, file), "utf8");
    } catch {
      committed = undefined;
    }
    if (committed !== text) stale.push(file);
  }
  return stale;
}

export async function schemaCommand(argv: string[], io: CommandIO): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === "-h" || sub === "--help") {
    io.stdout.write(SCHEMA_USAGE + "\n");
    return EXIT.ok;
  }
  if (rest.length > 0) throw new UsageError(`schema ${sub ?? ""}: unexpected argument \`${rest[0]}\``);
  if (sub === "build") {
    for (const [file, text] of generateSchemaFiles()) writeFileAtomic(path.join(TOOLKIT_ROOT, file), text);
    io.stdout.write(`Wrote ${[...generateSchemaFiles().keys()].join(", ")}.\n`);
    return EXIT.ok;
  }
  if (sub === "check") {
    const stale = staleSchemaFiles();
    if (stale.length === 0) {
      io.stdout.write("Published schemas match the zod sources.\n");
      return EXIT.ok;
    }
    io.stdout.write(`Out of date (run \`npm run schema:build\`): ${stale.join(", ")}\n`);
    return EXIT.findings;
  }
  throw new UsageError(`schema: expected \`build\` or \`check\`\n\n${SCHEMA_USAGE}`);
}
