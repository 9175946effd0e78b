/** The check stage: runs every rule over the files and turns issues into findings. */
import { SCHEMA_VERSIONS } from "../../schema/index.ts";
import { compareFindings, type Finding, type Severity } from "../core/finding.ts";
import type { DatasetFile } from "../dataset/discover.ts";
import { parseRecord } from "../dataset/parse.ts";
import { readText } from "../dataset/read.ts";
import { FILE_RULES, RECORD_RULES } from "../rules/index.ts";
import type { RecordContext, Rule, RuleIssue } from "../rules/types.ts";
import type { ParsedDocument } from "../dataset/parse.ts";

/** Severity overrides from `--rule id=off|warn|error`. */
export type RuleSettings = ReadonlyMap<string, Severity | "off">;

export interface CheckResult {
  findings: Finding[];
  files: number;
  records: number;
}

function toFinding(rule: Rule, severity: Severity, file: DatasetFile, issue: RuleIssue, doc?: ParsedDocument): Finding {
  const pointer = issue.pointer ?? "";
  const position = issue.position ?? doc?.locate(pointer, issue.target) ?? { line: 1, column: 1, endLine: 1, endColumn: 1 };
  const finding: Finding = {
    file: file.path,
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

export function checkFiles(files: readonly DatasetFile[], settings: RuleSettings = new Map()): CheckResult {
  const findings: Finding[] = [];
  let records = 0;
  const severityOf = (rule: Rule) => settings.get(rule.id) ?? rule.severity;
  for (const file of files) {
    const read = readText(file.absolute);
    const parse = read.ok && file.format ? parseRecord(read.text, file.format) : undefined;
    const doc = parse?.ok ? parse.doc : undefined;
    for (const rule of FILE_RULES) {
      const severity = severityOf(rule);
      if (severity === "off") continue;
      for (const issue of rule.check({ file, read, parse })) findings.push(toFinding(rule, severity, file, issue, doc));
    }
    const value = doc?.value;
    if (!doc || file.kind === null || value === null || typeof value !== "object" || Array.isArray(value)) continue;
    records++;
    const record = value as Record<string, unknown>;
    const declared = record.schema_version;
    const ctx: RecordContext = {
      file,
      kind: file.kind,
      doc,
      record,
      version: typeof declared === "string" && SCHEMA_VERSIONS.includes(declared) ? declared : undefined,
    };
    for (const rule of RECORD_RULES) {
      const severity = severityOf(rule);
      if (severity === "off" || !rule.kinds.includes(file.kind)) continue;
      for (const issue of rule.check(ctx)) findings.push(toFinding(rule, severity, file, issue, doc));
    }
  }
  findings.sort(compareFindings);
  return { findings, files: files.length, records };
}
