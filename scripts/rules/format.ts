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
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const value = data[name];
    if (value === undefined) throw new Error(`rule ${rule.meta.id}: message "${messageId}" needs data.${name}`);
    return String(value);
  });
}

/** The text of an issue: its message formatted. */
export function messageOf(rule: { meta: Pick<RuleMeta, "id" | "messages"> }, issue: RuleIssue): string {
  return formatMessage(rule, issue.messageId, issue.data);
}

/** The help line of an issue: its own (`helpId`) formatted, or the rule's. */
export function helpOf(rule: { meta: Pick<RuleMeta, "id" | "messages" | "help"> }, issue: RuleIssue): string {
  return issue.helpId !== undefined ? formatMessage(rule, issue.helpId, issue.data) : rule.meta.help;
}
