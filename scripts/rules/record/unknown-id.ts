/** What actor-known and outlet-known say of an id that is not in their registry. */
import { closest } from "../../core/suggest.ts";
import type { RuleIssue } from "../types.ts";

/**
 * An id that is not in the registry (messages `unknown` and
 * `unknownDidYouMean`): with a did-you-mean when an entry is close, and that
 * entry as the fix when no other is as plausible.
 */
export function unknownIdIssue(pointer: string, id: string, known: Iterable<string>): RuleIssue {
  const { best, only } = closest(id, known);
  if (best === undefined) return { pointer, messageId: "unknown", data: { id } };
  return { pointer, messageId: "unknownDidYouMean", data: { id, suggestion: best }, ...(only ? { fix: { pointer, value: best } } : {}) };
}
