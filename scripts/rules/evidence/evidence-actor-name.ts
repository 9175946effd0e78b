import { eachObject, PATTERNS, shaped, str } from "../fields.ts";
import type { RecordRule, RuleIssue } from "../types.ts";

export const evidenceActorName: RecordRule = {
  meta: {
    id: "evidence-actor-name",
    family: "record",
    severity: "warning",
    description: "A quote for an actor claim names the actor: its name or one of its aliases in the registry.",
    help: "Quote the words that name the actor, or add the form the report uses to the actor's `aliases` in data/actors/.",
    messages: {
      unnamed: "The quote for `{{claim}}` does not name the actor ({{names}}).",
    },
  },
  scope: "record",
  kinds: ["event"],
  check: ({ record, registries }) => {
    const issues: RuleIssue[] = [];
    // A claim of another shape, or a quote that is no string, is the schema's finding.
    eachObject(record.evidence, (item, i) => {
      const claim = shaped(item.claim, PATTERNS.claim);
      const exact = str(item.quote, "exact");
      if (claim === undefined || exact === undefined || !claim.startsWith("actor:")) return;
      const actor = registries.actors.get(claim.slice("actor:".length));
      if (!actor) return; // actor-known and evidence-reference report it
      const names = [actor.name, ...(actor.aliases ?? [])];
      const quote = exact.normalize("NFKC").toLowerCase().replace(/\s+/g, " ");
      if (names.some((n) => quote.includes(n.normalize("NFKC").toLowerCase().replace(/\s+/g, " ")))) return;
      issues.push({
        pointer: `/evidence/${i}/quote/exact`,
        messageId: "unnamed",
        data: { claim, names: names.map((n) => `"${n}"`).join(", ") },
      });
    });
    return issues;
  },
};
