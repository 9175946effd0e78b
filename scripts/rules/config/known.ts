/**
 * The rule ids the configuration may name: the registry (rules/index.ts) hands
 * them over when it is made, since the configuration's own rules are in it
 * and could not import it without a cycle.
 */
let known: readonly string[] = [];

export function setKnownRuleIds(ids: readonly string[]): void {
  known = ids;
}

export function knownRuleIds(): readonly string[] {
  return known;
}

/** The configuration's own rules (config-*): their severity comes from the defaults and --rule only; a configuration cannot silence what is wrong with itself. */
export const isConfigRuleId = (id: string): boolean => id.startsWith("config-");
