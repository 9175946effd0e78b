/** The one shape a problem takes everywhere: rules produce it, reports print it. */

export const SEVERITIES = ["error", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Finding {
  /** Path relative to the repository (or to the working directory), with `/` separators. */
  file: string;
  /** 1-based line and column of the start of the offending value. */
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  rule: string;
  severity: Severity;
  message: string;
  hint?: string;
  /** JSON Pointer (RFC 6901) of the value in the record; "" for the whole file. */
  pointer: string;
  /** Other places the finding refers to, e.g. the other file of a duplicate id. */
  related?: { file: string; pointer: string; line?: number; column?: number }[];
  /** The correction the rule computed (`validate --fix` applies it), with what it was computed from. */
  fix?: FindingFix;
  /** Corrections the rule cannot choose on its own: listed for a person, never applied. */
  suggestions?: FindingSuggestion[];
}

/**
 * A fix: the JSON value to write at `pointer` of the record. `old` is the value
 * the rule saw there and `digest` the SHA-256 (hex) of the text it read: a
 * fix is applied only to that text, and only where that value still is.
 */
export interface FindingFix {
  pointer: string;
  value: unknown;
  old: unknown;
  digest: string;
  /**
   * A whole-text fix (record-layout): the text to write in place of the whole text the rule read (a BOM
   * kept); `pointer` is "", `value` and `old` are null. A file's value fixes go first: its whole-text
   * fix is left to the next pass, which checks the fixed text again.
   */
  text?: string;
}

/** A possible correction, in words and as a value at a pointer. */
export interface FindingSuggestion {
  message: string;
  fix: { pointer: string; value: unknown };
}

/** Orders findings by file, then position, then rule: reports and tests rely on it. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
    a.line - b.line ||
    a.column - b.column ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
    (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
  );
}
