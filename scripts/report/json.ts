/**
 * The machine-readable report: one stable object on stdout.
 * `version` changes only when a field changes meaning or disappears.
 */
import { HIDDEN_CHARACTERS } from "../core/escape.ts";
import type { Finding } from "../core/finding.ts";
import type { Summary } from "./summary.ts";

export const JSON_REPORT_VERSION = 1;

/**
 * Characters JSON.stringify leaves raw that a terminal or log viewer acts on
 * (DEL, C1 controls such as CSI, line and paragraph separators, direction
 * controls). They can only stand inside strings, where `\uXXXX` is the same
 * value: the report stays exactly the data, and safe to print.
 */
const RAW_UNSAFE = new RegExp(`[${HIDDEN_CHARACTERS}]`, "g");

export function printableJson(json: string): string {
  return json.replace(RAW_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

export function formatJson(findings: readonly Finding[], summary: Summary): string {
  const { files, records, errors, warnings, infos, evidence, scope, fixes } = summary;
  return printableJson(
    JSON.stringify(
      {
        version: JSON_REPORT_VERSION,
        // `scope` only under validate --changed: a field added, so the version stays.
        // `fixes` only under --fix or --fix-dry-run: a field added, as `scope`.
        summary: { files, records, errors, warnings, infos, evidence, ...(scope ? { scope } : {}), ...(fixes ? { fixes } : {}) },
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
          // As ESLint's messages have them: the correction --fix applies (a JSON value at a pointer), and those for a person.
          fix: f.fix && { pointer: f.fix.pointer, value: f.fix.value },
          suggestions: f.suggestions,
        })),
      },
      null,
      2,
    ) + "\n",
  );
}
