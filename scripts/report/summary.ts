/** Counts shared by every report format. */
import type { Finding } from "../core/finding.ts";

export interface Summary {
  files: number;
  records: number;
  errors: number;
  warnings: number;
  infos: number;
}

export function summarize(findings: readonly Finding[], files: number, records: number): Summary {
  const count = (s: Finding["severity"]) => findings.filter((f) => f.severity === s).length;
  return { files, records, errors: count("error"), warnings: count("warning"), infos: count("info") };
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
