/**
 * The lock of released schema versions: the SHA-256 of each published JSON
 * Schema file, by version. A released version never changes, so a locked
 * file that differs from its hash is an error (`schema check`, the tests,
 * CI), and `schema build` refuses to rewrite it. A new version is locked by
 * `eventwire schema lock <version>` when it is released.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { RECORD_KINDS, SCHEMA_VERSIONS, jsonSchemaPath } from "./versions.ts";

export const LOCK_FILE = "schema/lock.json";

/** Version -> repository path of each of its files -> SHA-256 of the file's bytes. */
export type SchemaLock = Record<string, Record<string, string>>;

export const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

export function readLock(root: string): SchemaLock {
  const file = path.join(root, LOCK_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as { versions: SchemaLock }).versions : {};
}

/** The lock file's text for a lock (versions and paths sorted: the same lock gives the same bytes). */
export function lockText(lock: SchemaLock): string {
  const versions: SchemaLock = {};
  for (const version of Object.keys(lock).sort()) {
    versions[version] = {};
    for (const file of Object.keys(lock[version]!).sort()) versions[version]![file] = lock[version]![file]!;
  }
  const comment = "SHA-256 of each released schema file. Released versions never change: add a new version (with a migration) instead. See schema/README.md.";
  return JSON.stringify({ comment, versions }, null, 2) + "\n";
}

/** The lock entry of a version as its files are now. */
export function currentEntry(root: string, version: string): Record<string, string> {
  const entry: Record<string, string> = {};
  for (const kind of RECORD_KINDS) {
    const file = jsonSchemaPath(version, kind);
    entry[file] = sha256(readFileSync(path.join(root, file)));
  }
  return entry;
}

/** What is wrong with the lock: versions not locked, locked files changed or gone, locked versions the toolkit no longer knows. */
export function lockProblems(root: string): string[] {
  const lock = readLock(root);
  const problems: string[] = [];
  for (const version of SCHEMA_VERSIONS) {
    const entry = lock[version];
    if (!entry) {
      problems.push(`schema ${version} is not locked: run \`eventwire schema lock ${version}\` when it is released`);
      continue;
    }
    for (const [file, hash] of Object.entries(entry)) {
      const absolute = path.join(root, file);
      if (!existsSync(absolute)) problems.push(`${file} is locked (schema ${version} is released) but is gone`);
      else if (sha256(readFileSync(absolute)) !== hash) problems.push(`${file} is locked (schema ${version} is released) but has changed: restore it, and make the change in a new version`);
    }
  }
  for (const version of Object.keys(lock)) if (!SCHEMA_VERSIONS.includes(version)) problems.push(`${LOCK_FILE} locks schema ${version}, which the toolkit no longer knows (schema/versions.ts)`);
  return problems;
}
