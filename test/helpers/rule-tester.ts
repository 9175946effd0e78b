/**
 * A rule tester in the manner of ESLint's RuleTester: one file or record rule,
 * a record given as text (in memory: nothing is written but the kept texts a
 * case names, which the evidence rules read from disk), registries and
 * texts given inline. An invalid case lists what each issue says: its
 * `messageId`, `data`, line and column (and help, suggestions), and, for a
 * fixable rule, the `output`: the record's text with the issues' fixes applied.
 * Every message is formatted, so an unknown id or a missing placeholder fails.
 *
 *   ruleTester(rule, { valid: [...], invalid: [...] });  // registers and runs a uvu suite
 *
 * The cases are kept by rule id (TESTED): test/rules/coverage.test.ts and
 * test/rules/mutation.test.ts read them, and run them (checkValid,
 * checkInvalid) against mutated copies of the rule.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { parse as parseYaml } from "yaml";
import type { Actor, Outlet, RecordKind } from "../../schema/index.ts";
import { SCHEMA_VERSIONS } from "../../schema/versions.ts";
import { pointerToSegments, valueAt } from "../../scripts/core/pointer.ts";
import { applyFixes as applyTextFixes } from "../../scripts/dataset/edit.ts";
import { formatOf, kindOf, type DatasetFile } from "../../scripts/dataset/discover.ts";
import { parseRecord, type ParsedDocument } from "../../scripts/dataset/parse.ts";
import type { ReadResult } from "../../scripts/dataset/read.ts";
import type { KeptText } from "../../scripts/dataset/texts.ts";
import { formatMessage } from "../../scripts/rules/format.ts";
import { validatorFor } from "../../scripts/rules/schema/validators.ts";
import type { FileRule, MessageData, RecordRule, Registries, RuleFix, RuleIssue } from "../../scripts/rules/types.ts";
import { EVENT_PATH, REGISTRY } from "./dataset.ts";

export interface TesterCase {
  name: string;
  /** The file's content: a record as YAML or JSON text (bytes for what is not UTF-8 text). */
  code: string | Buffer;
  /** Its path in the dataset (it gives the kind and format); the example event's path by default. */
  file?: string;
  /** What the file is besides its bytes: a link, or what a listing could not open. */
  entry?: Pick<DatasetFile, "symlink" | "unread">;
  /** What reading it gave, when not the text itself (too large, unreadable...). */
  read?: ReadResult;
  /** Registry entries by id (the values are records); REGISTRY of test/helpers/dataset.ts by default. */
  actors?: Record<string, object>;
  outlets?: Record<string, object>;
  broken?: Registries["broken"];
  unlisted?: Registries["unlisted"];
  /** Kept source texts by URL: the content of each (written to a temporary folder, which the evidence rules read). */
  texts?: Record<string, string>;
  today?: string;
  /**
   * The record fails its JSON Schema (elsewhere than what the case is about, or
   * in the fields the rule reads): the case asserts that it does, so that it
   * shows the rule at work on a record the schema rejects.
   */
  failsSchema?: true;
  /** For directive-unused: the file's findings (rule and line) once every rule has run. */
  findings?: { rule: string; line: number }[];
}

export interface ExpectedIssue {
  messageId: string;
  /** When given, the issue's data deep-equal to it. */
  data?: MessageData;
  /** When given, the formatted message: a change of the wording fails the case. */
  message?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  pointer?: string;
  /** The help line's message id (undefined: the rule's help). */
  helpId?: string;
  /** When given, the formatted help line of `helpId`. */
  help?: string;
  /** The suggestions' message ids and the value each writes (and, when given, the formatted message of each). */
  suggestions?: { messageId: string; message?: string; fix: RuleFix }[];
}

export interface InvalidCase extends TesterCase {
  errors: ExpectedIssue[];
  /** The record's text with every fix applied: required when an issue has a fix; when given and none has, the text unchanged. */
  output?: string;
}

const registryOf = <T>(kind: "actors" | "outlets"): Record<string, T> =>
  Object.fromEntries(Object.entries(REGISTRY).flatMap(([file, text]) => (file.startsWith(`data/${kind}/`) ? [[path.basename(file, ".yaml"), parseYaml(text) as T]] : [])));

/** What the rule gives on a case, with each issue's place. */
export function runRule(rule: FileRule | RecordRule, c: TesterCase): { issues: (RuleIssue & { line: number; column: number; endLine: number; endColumn: number })[]; text?: string; format: "yaml" | "json" | null; valid?: boolean } {
  const file: DatasetFile = { path: c.file ?? EVENT_PATH, root: "/nonexistent", kind: kindOf(c.file ?? EVENT_PATH), format: formatOf(c.file ?? EVENT_PATH), ...c.entry };
  const bytes = typeof c.code === "string" ? Buffer.from(c.code) : c.code;
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const read: ReadResult = c.read ?? { ok: true, text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes.subarray(bom ? 3 : 0)), bytes: bytes.length, bom };
  const parse = read.ok && file.format && file.kind ? parseRecord(read.text, file.format) : undefined;
  const doc: ParsedDocument | undefined = parse?.ok ? parse.doc : undefined;
  const place = (issue: RuleIssue) => ({ ...issue, ...(issue.position ?? doc?.locate(issue.pointer ?? "", issue.target) ?? { line: 1, column: 1, endLine: 1, endColumn: 1 }) });
  if (rule.scope === "file") return { issues: rule.check({ file, read, parse, ...(c.findings ? { findings: c.findings } : {}) }).map(place), text: read.ok ? read.text : undefined, format: file.format };
  const value = doc?.value;
  if (!doc || value === null || typeof value !== "object" || Array.isArray(value) || file.kind === null || !rule.kinds.includes(file.kind))
    return { issues: [], format: file.format };
  const record = value as Record<string, unknown>;
  const declared = record.schema_version;
  const version = typeof declared === "string" && SCHEMA_VERSIONS.includes(declared) ? declared : undefined;
  const valid = version !== undefined && validatorFor(version, file.kind as RecordKind)!.quick(record);
  const registries: Registries = {
    actors: new Map(Object.entries(c.actors ?? registryOf<Actor>("actors"))) as Map<string, Actor>,
    outlets: new Map(Object.entries(c.outlets ?? registryOf<Outlet>("outlets"))) as Map<string, Outlet>,
    ...(c.broken ? { broken: c.broken } : {}),
    ...(c.unlisted ? { unlisted: c.unlisted } : {}),
  };
  const { texts, cleanup } = keptTexts(c.texts ?? {});
  try {
    const issues = rule.check({ file, kind: file.kind, doc, record, version, valid, registries, today: c.today ?? "2026-12-01", texts });
    return { issues: issues.map(place), text: read.ok ? read.text : undefined, format: file.format, valid };
  } finally {
    cleanup();
  }
}

function keptTexts(byUrl: Record<string, string>): { texts: Map<string, KeptText>; cleanup: () => void } {
  const entries = Object.entries(byUrl);
  if (entries.length === 0) return { texts: new Map(), cleanup: () => {} };
  const dir = mkdtempSync(path.join(tmpdir(), "rule-tester-"));
  const texts = new Map<string, KeptText>();
  entries.forEach(([url, content], i) => {
    const absolute = path.join(dir, `${i}.txt`);
    writeFileSync(absolute, content);
    texts.set(url, { file: `data/texts/${i}.txt`, url, absolute, sha256: createHash("sha256").update(content).digest("hex") });
  });
  return { texts, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The record's text with each fix's value written at its pointer. In YAML only
 * the value's own text is replaced (the rest of the file is kept byte for
 * byte), by the value in flow style.
 */
export function applyFixes(text: string, format: "yaml" | "json", fixes: readonly RuleFix[]): string {
  // As `validate --fix` applies them (dataset/edit.ts): each value edited where it is written, nothing else.
  // A whole-text fix (record-layout) is the fixed text itself; it goes alone (value fixes go first in validate --fix).
  const whole = fixes.find((f) => f.text !== undefined);
  if (whole) {
    if (fixes.length > 1) throw new Error("a whole-text fix with other fixes: validate --fix applies the others first");
    return whole.text!;
  }
  const parse = parseRecord(text, format);
  if (!parse.ok) throw new Error("the record to fix does not parse");
  const result = applyTextFixes(text, format, fixes.map((fix) => ({ ...fix, old: valueAt(parse.doc.value, fix.pointer) })));
  if (result.skipped.length > 0) throw new Error(`fixes not applied: ${result.skipped.map((s) => `${fixes[s.index]!.pointer}: ${s.reason}`).join("; ")}`);
  return result.text;
}

/** A rule's cases: records it must pass without an issue, and records with what it must say of each. */
export interface RuleCases {
  valid: TesterCase[];
  invalid: InvalidCase[];
}

/**
 * Every rule given to `ruleTester`, with its cases, by rule id: the guards of
 * test/rules/coverage.test.ts and the mutants of test/rules/mutation.test.ts
 * read the cases of a rule's own test file from here (importing the file
 * registers them; its suite runs once, as modules are imported once).
 */
export const TESTED = new Map<string, { rule: FileRule | RecordRule; cases: RuleCases }>();

/** Asserts that `rule` says nothing of a valid case (throws an assertion error if it does). */
export function checkValid(rule: FileRule | RecordRule, c: TesterCase): void {
  const { issues, valid } = runRule(rule, c);
  if (c.failsSchema) assert.is(valid, false, `${c.name}: the record passes its schema`);
  assert.equal(
    issues.map((i) => `${i.line}:${i.column} ${formatMessage(rule, i.messageId, i.data)}`),
    [],
  );
}

/** Asserts that `rule` says of an invalid case what it expects, and fixes it as it expects (throws an assertion error if not). */
export function checkInvalid(rule: FileRule | RecordRule, c: InvalidCase): void {
  const { issues, text, format, valid } = runRule(rule, c);
  if (c.failsSchema) assert.is(valid, false, `${c.name}: the record passes its schema`);
  assert.is(issues.length, c.errors.length, `${issues.length} issues: ${issues.map((i) => `${i.line}:${i.column} ${i.messageId}`).join("; ")}`);
  issues.forEach((issue, n) => {
    const expected = c.errors[n]!;
    const message = formatMessage(rule, issue.messageId, issue.data);
    if (issue.helpId !== undefined) formatMessage(rule, issue.helpId, issue.data);
    const suggestions = (issue.suggestions ?? []).map((s) => ({ messageId: s.messageId, message: formatMessage(rule, s.messageId, s.data), fix: s.fix }));
    const where = `${c.name}, issue ${n}`;
    assert.is(issue.messageId, expected.messageId, where);
    if (expected.data !== undefined) assert.equal(issue.data ?? {}, expected.data, where);
    if (expected.message !== undefined) assert.is(message, expected.message, where);
    for (const key of ["line", "column", "endLine", "endColumn", "pointer"] as const)
      if (expected[key] !== undefined) assert.is(issue[key], expected[key], `${where}: ${key}`);
    assert.is(issue.helpId, expected.helpId, `${where}: helpId`);
    if (expected.help !== undefined) assert.is(issue.helpId === undefined ? rule.meta.help : formatMessage(rule, issue.helpId, issue.data), expected.help, `${where}: help`);
    if (expected.suggestions !== undefined)
      assert.equal(
        suggestions.map((s, i) => (expected.suggestions![i]?.message === undefined ? { messageId: s.messageId, fix: s.fix } : s)),
        expected.suggestions,
        `${where}: suggestions`,
      );
    if (issue.fix) assert.ok(rule.meta.fixable, `${rule.meta.id} gives a fix but is not fixable`);
  });
  const fixes = issues.flatMap((i) => (i.fix ? [i.fix] : []));
  if (fixes.length > 0) assert.ok(c.output !== undefined, `${c.name}: the issues have fixes: give the output`);
  if (c.output !== undefined) {
    assert.ok(text !== undefined && format !== null, `${c.name}: no text to fix`);
    assert.fixture(fixes.length > 0 ? applyFixes(text!, format!, fixes) : text!, c.output);
  }
}

/** Registers a suite for `rule` with its valid and invalid cases, and runs it. */
export function ruleTester(rule: FileRule | RecordRule, cases: RuleCases): void {
  if (TESTED.has(rule.meta.id)) throw new Error(`${rule.meta.id}: ruleTester called twice`);
  TESTED.set(rule.meta.id, { rule, cases });
  const test = suite(rule.meta.id);
  test("has valid and invalid cases, and messages in its meta", () => {
    assert.ok(cases.valid.length > 0, `${rule.meta.id}: no valid case`);
    assert.ok(cases.invalid.length > 0, `${rule.meta.id}: no invalid case`);
    assert.ok(Object.keys(rule.meta.messages).length > 0, `${rule.meta.id}: no messages`);
  });
  for (const c of cases.valid) test(`valid: ${c.name}`, () => checkValid(rule, c));
  for (const c of cases.invalid) test(`invalid: ${c.name}`, () => checkInvalid(rule, c));
  test.run();
}
