/**
 * The check stage: loads the registries, runs file and record rules on the
 * files asked for, then dataset rules across every event, and turns issues
 * into findings at file:line:col.
 */
import { SCHEMA_VERSIONS, type Actor, type Event, type Outlet } from "../../schema/index.ts";
import { compareFindings, type Finding, type Severity } from "../core/finding.ts";
import { todayUtc } from "../core/dates.ts";
import { discover, type DatasetFile } from "../dataset/discover.ts";
import { parseRecord, type ParsedDocument, type ParseResult } from "../dataset/parse.ts";
import { readText, type ReadResult } from "../dataset/read.ts";
import { DATASET_RULES, FILE_RULES, RECORD_RULES } from "../rules/index.ts";
import { validatorFor } from "../rules/schema/validators.ts";
import type { Registries, Rule, RuleIssue } from "../rules/types.ts";

/** Severity overrides from `--rule id=off|warn|error`. */
export type RuleSettings = ReadonlyMap<string, Severity | "off">;

export interface CheckOptions {
  settings?: RuleSettings;
  /** YYYY-MM-DD; defaults to today in UTC. */
  today?: string;
  /** Files deleted since the base of `--changed`: dataset rules may report on them. */
  deleted?: readonly string[];
}

export interface CheckResult {
  findings: Finding[];
  files: number;
  records: number;
  /** The decoded text (BOM removed) of each file with findings, for code frames. */
  sources: ReadonlyMap<string, string>;
}

interface Loaded {
  file: DatasetFile;
  read: ReadResult;
  parse?: ParseResult;
  doc?: ParsedDocument;
  record?: Record<string, unknown>;
  version?: string;
  /** The record passes the JSON Schema of its declared version. */
  valid: boolean;
}

function load(file: DatasetFile): Loaded {
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

function toFinding(rule: Rule, severity: Severity, file: string, issue: RuleIssue, doc?: ParsedDocument): Finding {
  const pointer = issue.pointer ?? "";
  const position = issue.position ?? doc?.locate(pointer, issue.target) ?? { line: 1, column: 1, endLine: 1, endColumn: 1 };
  const finding: Finding = {
    file,
    line: position.line,
    column: position.column,
    endLine: position.endLine,
    endColumn: position.endColumn,
    rule: rule.id,
    severity,
    message: issue.message,
    hint: issue.hint ?? rule.fix,
    pointer,
  };
  if (issue.related) finding.related = issue.related;
  return finding;
}

/**
 * Checks `targets`. Registries and, for dataset rules, all events under
 * `root` are read too, but only findings in `targets` are reported.
 */
export async function checkDataset(root: string, targets: readonly DatasetFile[], options: CheckOptions = {}): Promise<CheckResult> {
  const settings = options.settings ?? new Map();
  const today = options.today ?? todayUtc();
  const deleted = options.deleted ?? [];
  const deletedSet = new Set(deleted);
  const severityOf = (rule: Rule) => settings.get(rule.id) ?? rule.severity;
  const findings: Finding[] = [];
  const targeted = new Map(targets.map((f) => [f.path, load(f)]));
  const datasetRules = DATASET_RULES.filter((r) => severityOf(r) !== "off");

  // One listing of data/ serves the registries and, when dataset rules run, every event.
  const everything = new Map<string, Loaded>(targeted);
  for (const file of await discover(root))
    if ((file.kind === "actor" || file.kind === "outlet" || (file.kind === "event" && datasetRules.length > 0)) && !everything.has(file.path))
      everything.set(file.path, load(file));
  const validOf = (kind: DatasetFile["kind"]) => [...everything.values()].filter((l) => l.valid && l.file.kind === kind);
  const registries: Registries = {
    actors: new Map(validOf("actor").map((l) => [String(l.record!.id), l.record as Actor])),
    outlets: new Map(validOf("outlet").map((l) => [String(l.record!.id), l.record as Outlet])),
  };

  let records = 0;
  for (const l of targeted.values()) {
    const { file, read, parse, doc, record, version, valid } = l;
    for (const rule of FILE_RULES) {
      const severity = severityOf(rule);
      if (severity === "off") continue;
      for (const issue of rule.check({ file, read, parse })) findings.push(toFinding(rule, severity, file.path, issue, doc));
    }
    if (!record || !doc || file.kind === null) continue;
    records++;
    for (const rule of RECORD_RULES) {
      const severity = severityOf(rule);
      if (severity === "off" || !rule.kinds.includes(file.kind) || (rule.needsValid && !valid)) continue;
      const issues = rule.check({ file, kind: file.kind, doc, record, version, valid, registries, today });
      for (const issue of issues) findings.push(toFinding(rule, severity, file.path, issue, doc));
    }
  }

  if (datasetRules.length > 0) {
    const events = validOf("event").map((l) => ({ file: l.file.path, event: l.record as Event }));
    const registryFiles = [...validOf("actor"), ...validOf("outlet")].map((l) => ({ kind: l.file.kind!, id: String(l.record!.id), file: l.file.path }));
    for (const rule of datasetRules) {
      for (const issue of rule.check({ events, registryFiles, deleted })) {
        if (!targeted.has(issue.file) && !deletedSet.has(issue.file)) continue;
        const related = issue.related?.map((r) => {
          const at = everything.get(r.file)?.doc?.locate(r.pointer);
          return { ...r, line: at?.line, column: at?.column };
        });
        findings.push(toFinding(rule, severityOf(rule) as Severity, issue.file, { ...issue, related }, everything.get(issue.file)?.doc));
      }
    }
  }

  findings.sort(compareFindings);
  const sources = new Map<string, string>();
  for (const f of findings) {
    const read = targeted.get(f.file)?.read;
    if (read?.ok) sources.set(f.file, read.text);
  }
  return { findings, files: targets.length, records, sources };
}
