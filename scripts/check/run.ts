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
import type { DatasetContext, EventEntry, Registries, Rule, RuleIssue } from "../rules/types.ts";

/** Severity overrides from `--rule id=off|warn|error`. */
export type RuleSettings = ReadonlyMap<string, Severity | "off">;

export interface CheckOptions {
  settings?: RuleSettings;
  /** YYYY-MM-DD; defaults to today in UTC. */
  today?: string;
}

export interface CheckResult {
  findings: Finding[];
  files: number;
  records: number;
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
  const read = readText(file.absolute);
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

async function loadAll(root: string, folder: string, cache: Map<string, Loaded>): Promise<Loaded[]> {
  const files = await discover(root, [folder]);
  return files.filter((f) => f.kind !== null).map((f) => cache.get(f.path) ?? load(f));
}

/**
 * Checks `targets`. Registries and, for dataset rules, all events under
 * `root` are read too, but only findings in `targets` are reported.
 */
export async function checkDataset(root: string, targets: readonly DatasetFile[], options: CheckOptions = {}): Promise<CheckResult> {
  const settings = options.settings ?? new Map();
  const today = options.today ?? todayUtc();
  const severityOf = (rule: Rule) => settings.get(rule.id) ?? rule.severity;
  const findings: Finding[] = [];
  const loaded = new Map(targets.map((f) => [f.path, load(f)]));

  const actorFiles = await loadAll(root, "data/actors", loaded);
  const outletFiles = await loadAll(root, "data/outlets", loaded);
  const registries: Registries = {
    actors: new Map(actorFiles.filter((l) => l.valid).map((l) => [String(l.record!.id), l.record as Actor])),
    outlets: new Map(outletFiles.filter((l) => l.valid).map((l) => [String(l.record!.id), l.record as Outlet])),
  };

  let records = 0;
  for (const l of loaded.values()) {
    const { file, read, parse, doc } = l;
    for (const rule of FILE_RULES) {
      const severity = severityOf(rule);
      if (severity === "off") continue;
      for (const issue of rule.check({ file, read, parse })) findings.push(toFinding(rule, severity, file.path, issue, doc));
    }
    if (!l.record || !doc || file.kind === null) continue;
    records++;
    for (const rule of RECORD_RULES) {
      const severity = severityOf(rule);
      if (severity === "off" || !rule.kinds.includes(file.kind) || (rule.needsValid && !l.valid)) continue;
      const issues = rule.check({ file, kind: file.kind, doc, record: l.record, version: l.version, registries, today });
      for (const issue of issues) findings.push(toFinding(rule, severity, file.path, issue, doc));
    }
  }

  const activeDatasetRules = DATASET_RULES.filter((r) => severityOf(r) !== "off");
  if (activeDatasetRules.length > 0) {
    const eventFiles = await loadAll(root, "data/events", loaded);
    const events: EventEntry[] = eventFiles
      .filter((l) => l.valid)
      .map((l) => ({ file: l.file.path, event: l.record as Event, locate: (p: string) => l.doc!.locate(p) }));
    const registryFiles = [...actorFiles, ...outletFiles]
      .filter((l) => l.valid)
      .map((l) => ({ kind: l.file.kind!, id: String(l.record!.id), file: l.file.path, locate: (p: string) => l.doc!.locate(p) }));
    const ctx: DatasetContext = { events, registryFiles };
    const docs = new Map([...eventFiles, ...actorFiles, ...outletFiles].map((l) => [l.file.path, l.doc]));
    for (const rule of activeDatasetRules) {
      for (const issue of rule.check(ctx)) {
        if (!loaded.has(issue.file)) continue;
        const doc = docs.get(issue.file);
        const related = issue.related?.map((r) => {
          const at = docs.get(r.file)?.locate(r.pointer);
          return { ...r, line: at?.line, column: at?.column };
        });
        findings.push(toFinding(rule, severityOf(rule) as Severity, issue.file, { ...issue, related }, doc));
      }
    }
  }

  findings.sort(compareFindings);
  return { findings, files: targets.length, records };
}
