/** `eventwire schema build|check|lock|diff`: publishes, locks and compares the JSON Schemas generated from zod. */
import { inlineValue } from "../core/escape.ts";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { isDeepStrictEqual, parseArgs } from "node:util";
import { bumpSuffices, declaredBump, diffSchemas, requiredBump, type SchemaChange } from "../../schema/compatibility.ts";
import { currentEntry, LOCK_FILE, lockProblems, lockText, readLock, sha256 } from "../../schema/lock.ts";
import { migrationsBetween } from "../../schema/migrations/index.ts";
import { generateSchemaFiles } from "../../schema/publish.ts";
import { RECORD_KINDS, SCHEMA_VERSIONS, jsonSchemaPath, type RecordKind } from "../../schema/versions.ts";
import { EXIT, UsageError, type CommandIO } from "../core/io.ts";
import { TOOLKIT_ROOT } from "../core/paths.ts";
import { loadJsonSchema } from "../../schema/published.ts";
import { writeFileAtomic } from "../core/write.ts";

export const SCHEMA_USAGE = `Usage: eventwire schema <build|check|lock|diff> [options]

  build               regenerate the JSON Schema files and schema/README.md from the zod
                      sources; refuses to change the files of a locked (released) version
  check               exit 1 when a committed file differs from what zod generates, a
                      locked file has changed, a version is not locked, a step between
                      versions has no migration, or a version's bump is smaller than
                      its changes need
  lock <version>      lock a version's files (when it is released): ${LOCK_FILE}
  diff <old> <new>    list each change between two versions (or two schema files) as
                      breaking, additive or documentation; exit 1 when the version bump
                      declared is smaller than the changes need
  -h, --help          show this help (also after a subcommand: \`schema diff --help\`)

Versioning: MAJOR.MINOR.PATCH. A change is additive (minor) when every record
valid under the old version stays valid; breaking (major) when some may not
(a field removed, renamed, retyped or made required, a constraint tightened);
documentation (patch) when only descriptions or titles change.`;

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

/** One side of a diff: the schemas of a version by kind, or one schema file. */
interface Side {
  label: string;
  version?: string;
  schemas: Partial<Record<RecordKind, Record<string, unknown>>>;
}

function side(arg: string, cwd: string): Side {
  if (SCHEMA_VERSIONS.includes(arg)) {
    const schemas: Side["schemas"] = {};
    for (const kind of RECORD_KINDS) schemas[kind] = loadJsonSchema(arg, kind);
    return { label: arg, version: arg, schemas };
  }
  const file = path.resolve(cwd, arg);
  if (!existsSync(file)) throw new UsageError(`${inlineValue(arg)} is neither a schema version (${SCHEMA_VERSIONS.join(", ")}) nor a file`);
  let schema: Record<string, unknown>;
  try {
    schema = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    throw new UsageError(`${inlineValue(arg)} is not a JSON Schema file (it does not parse as JSON)`);
  }
  // The version and kind an eventwire schema names in its $id.
  const id = /^urn:eventwire:schema:([0-9]+\.[0-9]+\.[0-9]+):(event|actor|outlet)$/.exec(String(schema.$id ?? ""));
  const kind = (id?.[2] ?? "event") as RecordKind;
  return { label: arg, version: id?.[1], schemas: { [kind]: schema } };
}

interface DiffReport {
  changes: { kind: RecordKind; changes: SchemaChange[] }[];
  required: ReturnType<typeof requiredBump>;
  declared?: ReturnType<typeof declaredBump>;
  ok: boolean;
}

function diffSides(a: Side, b: Side): DiffReport {
  const changes: DiffReport["changes"] = [];
  for (const kind of RECORD_KINDS) {
    const [x, y] = [a.schemas[kind], b.schemas[kind]];
    if (x && y) changes.push({ kind, changes: diffSchemas(x, y) });
  }
  const required = requiredBump(changes.flatMap((c) => c.changes));
  const declared = a.version && b.version ? declaredBump(a.version, b.version) : undefined;
  return { changes, required, declared, ok: declared === undefined || bumpSuffices(declared, required) };
}

function formatDiff(a: Side, b: Side, report: DiffReport): string {
  const lines = [`schema diff ${a.label} -> ${b.label}`];
  for (const { kind, changes } of report.changes) {
    lines.push("", `${kind}: ${changes.length === 0 ? "no changes" : `${changes.length} change${changes.length === 1 ? "" : "s"}`}`);
    for (const c of changes) lines.push(`  ${c.class.padEnd(13)} ${c.pointer.padEnd(28)} ${c.detail}`);
  }
  lines.push("", `Needed bump: ${report.required}.`);
  if (report.declared !== undefined)
    lines.push(report.ok ? `Declared bump: ${report.declared}. OK.` : `Declared bump: ${report.declared}, smaller than the changes need (${report.required}): make it a ${report.required} version.`);
  return lines.join("\n") + "\n";
}

export async function schemaCommand(argv: string[], io: CommandIO): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { help: { type: "boolean", short: "h" } } });
  const [sub, ...rest] = positionals;
  if (values.help) {
    io.stdout.write(SCHEMA_USAGE + "\n");
    return EXIT.ok;
  }
  const root = TOOLKIT_ROOT;
  const expect = (n: number) => {
    if (rest.length !== n) throw new UsageError(`schema ${sub}: expected ${n === 0 ? "no arguments" : `${n} argument${n > 1 ? "s" : ""}`}\n\n${SCHEMA_USAGE}`);
  };

  if (sub === "build") {
    expect(0);
    const lock = readLock(root);
    const locked = new Map(Object.values(lock).flatMap((entry) => Object.entries(entry)));
    const refused: string[] = [];
    const written: string[] = [];
    for (const [file, text] of generateSchemaFiles()) {
      const hash = locked.get(file);
      if (hash !== undefined && sha256(text) !== hash) {
        refused.push(file);
        continue;
      }
      writeFileAtomic(path.join(root, file), text);
      written.push(file);
    }
    io.stdout.write(`Wrote ${written.join(", ")}.\n`);
    if (refused.length === 0) return EXIT.ok;
    io.stderr.write(`Not written: ${refused.join(", ")}: their versions are released (${LOCK_FILE}) and the zod sources now generate something else. Undo the change to the released version and make it in a new version.\n`);
    return EXIT.findings;
  }

  if (sub === "lock") {
    expect(1);
    const version = rest[0]!;
    if (!SCHEMA_VERSIONS.includes(version)) throw new UsageError(`\`${version}\` is not a schema version (${SCHEMA_VERSIONS.join(", ")})`);
    const lock = readLock(root);
    const entry = currentEntry(root, version);
    // The lock file keeps an entry's files sorted, the current entry lists them by kind: compared as values, not text.
    if (lock[version] && !isDeepStrictEqual(lock[version], entry)) {
      io.stderr.write(`schema ${version} is locked already, with other hashes: a released version never changes.\n`);
      return EXIT.findings;
    }
    if (lock[version]) {
      io.stdout.write(`Schema ${version} is locked already (${LOCK_FILE}), with these hashes.\n`);
      return EXIT.ok;
    }
    writeFileAtomic(path.join(root, LOCK_FILE), lockText({ ...lock, [version]: entry }));
    io.stdout.write(`Locked schema ${version} in ${LOCK_FILE}.\n`);
    return EXIT.ok;
  }

  if (sub === "diff") {
    expect(2);
    const [a, b] = [side(rest[0]!, io.cwd), side(rest[1]!, io.cwd)];
    const report = diffSides(a, b);
    io.stdout.write(formatDiff(a, b, report));
    return report.ok ? EXIT.ok : EXIT.findings;
  }

  if (sub === "check") {
    expect(0);
    const problems: string[] = [];
    const steps: string[] = [];
    const stale = staleSchemaFiles(root);
    if (stale.length > 0) problems.push(`Out of date (run \`npm run schema:build\`): ${stale.join(", ")}`);
    problems.push(...lockProblems(root));
    for (let i = 1; i < SCHEMA_VERSIONS.length; i++) {
      const [from, to] = [SCHEMA_VERSIONS[i - 1]!, SCHEMA_VERSIONS[i]!];
      try {
        migrationsBetween(from, to);
      } catch (error) {
        problems.push(`${(error as Error).message} (schema/migrations/)`);
      }
      const report = diffSides(side(from, io.cwd), side(to, io.cwd));
      const count = (cls: string) => report.changes.reduce((n, c) => n + c.changes.filter((x) => x.class === cls).length, 0);
      steps.push(`${from} -> ${to}: ${count("breaking")} breaking, ${count("additive")} additive, ${count("documentation")} documentation changes; needs ${report.required}, declared ${report.declared}`);
      if (!report.ok) problems.push(`schema ${to} is a ${report.declared} version after ${from}, but its changes need a ${report.required} one (see \`eventwire schema diff ${from} ${to}\`)`);
    }
    io.stdout.write(steps.map((line) => `${line}\n`).join(""));
    if (problems.length === 0) {
      io.stdout.write(`Published schemas match the zod sources; ${SCHEMA_VERSIONS.join(", ")} are locked, migrated and versioned by their changes.\n`);
      return EXIT.ok;
    }
    io.stdout.write(problems.map((p) => `${p}\n`).join(""));
    return EXIT.findings;
  }
  throw new UsageError(`schema: expected \`build\`, \`check\`, \`lock\` or \`diff\`\n\n${SCHEMA_USAGE}`);
}
