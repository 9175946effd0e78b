/** Reads and parses one file, and checks it against its schema once. */
import { SCHEMA_VERSIONS } from "../../schema/versions.ts";
import { absolutePath, type DatasetFile } from "../dataset/discover.ts";
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

/**
 * A file's text; a symbolic link is never followed (it may point anywhere on
 * the machine): it reads as a `symlink` problem. What the listing found
 * unlistable or not a regular file is never opened.
 */
export function readFile(file: DatasetFile): ReadResult {
  if (file.symlink) return { ok: false, problem: "symlink", detail: file.symlink.target };
  if (file.unread) return { ok: false, problem: file.unread.problem, detail: file.unread.detail };
  // Neither a link nor unread: the listing found a regular file (readdir's entry type, or lstat for a path given), so the fstat is skipped.
  return readText(absolutePath(file), undefined, true);
}

/**
 * A record's value read without its schema check, for a file that passed
 * validate already; undefined when it cannot be read or parsed, or when its
 * text holds none of `needles` (reading is cheap, parsing is not).
 */
export function readTrusted(file: DatasetFile, needles?: readonly string[]): unknown {
  const read = readFile(file);
  if (!read.ok || !file.format || (needles && !needles.some((n) => read.text.includes(n)))) return undefined;
  const parse = parseRecord(read.text, file.format);
  return parse.ok ? parse.doc.value : undefined;
}

export function load(file: DatasetFile): Loaded {
  const read = readFile(file);
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
