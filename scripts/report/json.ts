/**
 * The machine-readable report: one stable object on stdout.
 * `version` changes only when a field changes meaning or disappears.
 */
import { HIDDEN_CHARACTERS } from "../core/escape.ts";
import type { Finding } from "../core/finding.ts";
import type { Summary } from "./summary.ts";
import type { SuppressedFinding } from "../check/suppress.ts";

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

/** A suppressed finding (check/suppress.ts): the finding, and how it was suppressed (SARIF's kinds: `inSource` a directive, `external` the suppressions file). */
export type SuppressedReport = SuppressedFinding;

export function formatJson(findings: readonly Finding[], summary: Summary, suppressed: readonly SuppressedReport[] = []): string {
  const { files, records, errors, warnings, infos, evidence, scope, fixes } = summary;
  return printableJson(
    JSON.stringify(
      {
        version: JSON_REPORT_VERSION,
        // `scope` only under validate --changed, `suppressed` and `suppressions` only when something is: fields added, so the version stays.
        summary: {
          files,
          records,
          errors,
          warnings,
          infos,
          evidence,
          ...(scope ? { scope } : {}),
          ...(summary.suppressed ? { suppressed: summary.suppressed } : {}),
          ...(summary.suppressions ? { suppressions: summary.suppressions } : {}),
          // `fixes` only under --fix or --fix-dry-run: a field added, as `scope`.
          ...(fixes ? { fixes } : {}),
        },
        findings: findings.map(findingJson),
        // As ESLint's suppressedMessages: every finding not reported, apart, with how it was suppressed.
        ...(suppressed.length > 0 ? { suppressed: suppressed.map((f) => ({ ...findingJson(f), suppressions: [f.suppression] })) } : {}),
      },
      null,
      2,
    ) + "\n",
  );
}

function findingJson(f: Finding) {
  return {
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
    // A whole-text fix (record-layout) is the file's new text, as ESLint's fix is a text.
    fix: f.fix && (f.fix.text !== undefined ? { pointer: "", text: f.fix.text } : { pointer: f.fix.pointer, value: f.fix.value }),
    suggestions: f.suggestions,
  };
}
