/**
 * The machine-readable report: one stable object on stdout.
 * `version` changes only when a field changes meaning or disappears.
 */
import type { Finding } from "../core/finding.ts";
import type { Summary } from "./summary.ts";

export const JSON_REPORT_VERSION = 1;

/**
 * Characters JSON.stringify leaves raw that a terminal or log viewer acts on
 * (DEL, C1 controls such as CSI, line and paragraph separators, direction
 * controls). They can only stand inside strings, where `\uXXXX` is the same
 * value: the report stays exactly the data, and safe to print.
 */
const RAW_UNSAFE = /[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

export function printableJson(json: string): string {
  return json.replace(RAW_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

export function formatJson(findings: readonly Finding[], summary: Summary): string {
  const { files, records, errors, warnings, infos, evidence, scope } = summary;
  return printableJson(
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
    ) + "\n",
  );
}
