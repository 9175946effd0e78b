import { dayNumber } from "../../core/dates.ts";
import { hash32 } from "../../core/hash.ts";
import type { CompareRule, EventSummary, RuleIssue } from "../types.ts";
import { othersOf } from "./others.ts";

/**
 * How alike two events are. The score is the Jaccard index of their actor
 * sets (actors shared / actors of either). Two active events probably report
 * one happening when all of these hold (a false alarm costs a contributor's
 * time, so each condition is a gate, not a weight that others can make up for):
 * - the same event type, and the same mode (or none): a visit and a
 *   multilateral meeting on one day are two events, and a mode is how a
 *   contributor makes two alike events' difference visible;
 * - at least one country in common;
 * - start dates at most one day apart (a report dated by its time zone or
 *   its publication); a partial date (`2023-02`) only matches the same one;
 * - at least one actor in common and a score of at least 0.5: {a, b} and
 *   {a, b, c} match (2 of 3), {a, b} and {a, c} do not (1 of 3), nor 1 of 4.
 * Two events with the same date, type, country set and actor set (the rule's
 * first test, its message `probable`) always match.
 */
export interface Likeness {
  /** Same start date, type, countries and actors. */
  exact: boolean;
  /** Days between the start dates (0 or 1). */
  days: number;
  countries: readonly string[];
  shared: number;
  actors: number;
}

export const MIN_ACTOR_SCORE = 0.5;
export const MAX_DAYS_APART = 1;

const common = (a: readonly string[], b: readonly string[]) => a.filter((x) => b.includes(x));
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** How `a` and `b` are alike, or undefined when they are not alike enough (see Likeness). */
export function likeness(a: EventSummary, b: EventSummary): Likeness | undefined {
  if (a.type === undefined || a.type !== b.type || a.start === undefined || b.start === undefined) return undefined;
  // An event whose locations or actors are ill typed (its schema finding says so) is not compared by them.
  const [ac, bc, aa, ba] = [a.countries, b.countries, a.actors, b.actors];
  if (!ac || !bc || !aa || !ba) return undefined;
  const x = dayNumber(a.start);
  const y = dayNumber(b.start);
  const days = a.start === b.start ? 0 : x !== undefined && y !== undefined ? Math.abs(x - y) : Infinity;
  const countries = common(ac, bc);
  const shared = common(aa, ba).length;
  const actors = aa.length + ba.length - shared;
  const exact = days === 0 && sameSet(ac, bc) && sameSet(aa, ba);
  if (exact || (a.mode === b.mode && days <= MAX_DAYS_APART && countries.length > 0 && shared > 0 && shared / actors >= MIN_ACTOR_SCORE)) return { exact, days, countries, shared, actors };
  return undefined;
}

/**
 * The numbers the engine keeps of each event to screen candidates before it
 * reads them again (most events of a type and country on the same or the next
 * day are not alike): the mode, the country set and each actor, hashed; the
 * actors' hashes sorted.
 */
function print(e: EventSummary): number[] {
  return [hash32(e.mode ?? ""), hash32((e.countries ?? []).join(",")), ...(e.actors ?? []).map(hash32).sort((a, b) => a - b)];
}

/** Whether two prints can be of events `likeness` finds alike: the same countries and actors, or the same mode and enough actors shared. */
function canBeAlike(a: Uint32Array, b: Uint32Array): boolean {
  let shared = 0;
  for (let i = 2, j = 2; i < a.length && j < b.length; )
    if (a[i] === b[j]) (shared++, i++, j++);
    else if (a[i]! < b[j]!) i++;
    else j++;
  const [mine, theirs] = [a.length - 2, b.length - 2];
  if (a[1] === b[1] && shared === mine && shared === theirs) return true;
  return a[0] === b[0] && shared > 0 && shared / (mine + theirs - shared) >= MIN_ACTOR_SCORE;
}

/** The keys an event is blocked under: type|country|actor for each country and actor (an empty part for none). */
function blockKeys(e: EventSummary): string[] | undefined {
  if (e.type === undefined) return undefined;
  const countries = e.countries?.length ? e.countries : [""];
  const actors = e.actors?.length ? e.actors : [""];
  return countries.flatMap((c) => actors.map((a) => `${e.type}|${c}|${a}`));
}

export const probableDuplicate: CompareRule<Likeness> = {
  meta: {
    id: "probable-duplicate",
    family: "dataset",
    severity: "warning",
    description:
      "Two active events (second codings left out) are probably one event when they have the same start date, type, countries and actors; or the same type and mode, a country in common, start dates at most a day apart, and at least half of the two events' actors shared (at least one).",
    help: "If both report the same event, merge their sources into one record and mark the other `status: duplicate` with `duplicate_of`; if they are distinct, make the difference visible (mode, actors, date).",
    messages: {
      probable: "This event has the same date, type, countries and actors as {{others}}.",
      sameDay: "This event is probably the same as `{{other}}`: same type, mode and start date, countries in common: {{countries}}; {{shared}} of {{actors}} actors shared.",
      dayApart: "This event is probably the same as `{{other}}`: same type and mode, start dates a day apart, countries in common: {{countries}}; {{shared}} of {{actors}} actors shared.",
    },
  },
  scope: "dataset",
  compare: {
    // A second coding (data/codings/<coder>/) codes the same happening as an event on purpose: never compared.
    where: (e) => e.status === "active" && e.coding === undefined,
    // Blocked by type, country and actor (an event under each pair of its countries and actors) and by day: an
    // event meets only the events of its keys on the same and the adjacent days. Two events alike share a
    // country and an actor (or have the same sets, none included), so they share a key; events of one type,
    // country and day with no actor in common (a crowd of the same kind of event) are never paired.
    key: blockKeys,
    near: { days: MAX_DAYS_APART },
    match: likeness,
    screen: { print, pass: canBeAlike },
  },
  report: ({ others }) => {
    const issues: RuleIssue[] = [];
    const exact = others.filter((o) => o.match.exact);
    if (exact.length > 0) {
      const { text, related } = othersOf(exact.map((o) => o.file), "/event_type");
      issues.push({ pointer: "/event_type", messageId: "probable", data: { others: text }, related });
    }
    for (const { file, match } of others.filter((o) => !o.match.exact))
      issues.push({
        pointer: "/event_type",
        messageId: match.days === 0 ? "sameDay" : "dayApart",
        data: { other: file, countries: match.countries.join(", "), shared: match.shared, actors: match.actors },
        related: [{ file, pointer: "/event_type" }],
      });
    return issues;
  },
};
