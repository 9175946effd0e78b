/**
 * The machine-readable report: one stable object on stdout.
 * `version` changes only when a field changes meaning or disappears.
 */
import type { Finding } from "../core/finding.ts";
import type { Summary } from "./summary.ts";

export const JSON_REPORT_VERSION = 1;

export function formatJson(findings: readonly Finding[], summary: Summary): string {
  const { files, records, errors, warnings, infos, evidence, scope } = summary;
  return (
    JSON.stringify(
      {
        version: JSON_REPORT_VERSION,
        // `scope` only under validate --changed: a field added, so the version stays.
        summary: { files, records, errors, warnings, infos, evidence, ...(scope ? { scope } : {}) },
        findings: findings.map((f) => ({
          file: f.file,
          line: f.line,
          column: f.column,
          endLine: f.endLine,
          endColumn: f.endColumn,
          rule: f.rule,
          severity: f.severity,
          message: f.message,
          hint: f.hint,
          pointer: f.pointer,
          related: f.related,
        })),
      },
      null,
      2,
    ) + "\n"
  );
}
