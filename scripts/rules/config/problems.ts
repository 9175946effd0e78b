/** The issues of one config rule: what reading the configuration found for it (read.ts), placed. */
import type { FileContext, RuleIssue } from "../types.ts";
import { readConfigText, type ConfigProblem } from "./read.ts";

export function configIssues(rule: ConfigProblem["rule"], { read }: FileContext): RuleIssue[] {
  if (!read.ok) return [];
  return readConfigText(read.text)
    .problems.filter((p) => p.rule === rule)
    .map((p) => ({ messageId: p.messageId, ...(p.data ? { data: p.data } : {}), position: p.position }));
}
