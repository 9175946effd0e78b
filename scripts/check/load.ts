/** Reads and parses one file, and checks it against its schema once. */
import { SCHEMA_VERSIONS } from "../../schema/versions.ts";
import type { DatasetFile } from "../dataset/discover.ts";
import { parseRecord, type ParsedDocument, type ParseResult } from "../dataset/parse.ts";
import { readText, type ReadResult } from "../dataset/read.ts";
import { validatorFor } from "../rules/schema/validators.ts";

export interface Loaded {
  file: DatasetFile;
  read: ReadResult;
  parse?: ParseResult;
  doc?: ParsedDocument;
  record?: Record<string, unknown>;
  version?: string;
  /** The record passes the JSON Schema of its declared version. */
  valid: boolean;
}

export function load(file: DatasetFile): Loaded {
  // A symbolic link is never followed: it may point anywhere on the machine.
  const read: ReadResult = file.symlink ? { ok: false, problem: "symlink", detail: file.symlink.target } : readText(file.absolute);
  const parse = read.ok && file.format && file.kind ? parseRecord(read.text, file.format) : undefined;
  const doc = parse?.ok ? parse.doc : undefined;
  const value = doc?.value;
  if (!doc || value === null || typeof value !== "object" || Array.isArray(value)) return { file, read, parse, doc, valid: false };
  const record = value as Record<string, unknown>;
  const declared = record.schema_version;
  const version = typeof declared === "string" && SCHEMA_VERSIONS.includes(declared) ? declared : undefined;
  const valid = version !== undefined && file.kind !== null && validatorFor(version, file.kind)!.quick(record);
  return { file, read, parse, doc, record, version, valid };
}
