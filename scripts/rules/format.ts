/** A finding's words: a rule's message template filled with an issue's data. */
import type { MessageData, RuleIssue, RuleMeta } from "./types.ts";

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/**
 * A rule's message `messageId` with its `{{name}}` placeholders filled from
 * `data`. An unknown id or a placeholder without data is a bug of the rule:
 * it throws (every rule's tests run each of its messages).
 */
export function formatMessage(rule: { meta: Pick<RuleMeta, "id" | "messages"> }, messageId: string, data: MessageData = {}): string {
  const template = Object.hasOwn(rule.meta.messages, messageId) ? rule.meta.messages[messageId] : undefined;
  if (template === undefined) throw new Error(`rule ${rule.meta.id}: no message "${messageId}" in its messages`);
  const parts = partsOf(template);
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]!;
    const value = data[name];
    if (value === undefined) throw new Error(`rule ${rule.meta.id}: message "${messageId}" needs data.${name}`);
    out += String(value) + parts[i + 1]!;
  }
  return out;
}

/**
 * A template split once at its placeholders: text, name, text, name, ..., text. A run with a finding on each
 * record formats a message each (measured: the replace with a callback was about half of a finding's cost in a worker).
 */
function partsOf(template: string): string[] {
  let parts = compiled.get(template);
  if (!parts) {
    parts = [];
    let last = 0;
    for (const m of template.matchAll(PLACEHOLDER)) {
      parts.push(template.slice(last, m.index), m[1]!);
      last = m.index + m[0].length;
    }
    parts.push(template.slice(last));
    compiled.set(template, parts);
  }
  return parts;
}

/** Templates are the rules' own (a few hundred): kept for the run. */
const compiled = new Map<string, string[]>();

/** The text of an issue: its message formatted. */
export function messageOf(rule: { meta: Pick<RuleMeta, "id" | "messages"> }, issue: RuleIssue): string {
  return formatMessage(rule, issue.messageId, issue.data);
}

/** The help line of an issue: its own (`helpId`) formatted, or the rule's. */
export function helpOf(rule: { meta: Pick<RuleMeta, "id" | "messages" | "help"> }, issue: RuleIssue): string {
  return issue.helpId !== undefined ? formatMessage(rule, issue.helpId, issue.data) : rule.meta.help;
}
