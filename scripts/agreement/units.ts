/**
 * From independent codings of the same articles to reliability data: events
 * are grouped by the article they cite, matched across coders within each
 * article, and each match (a unit) gives every coder's value of each field.
 *
 * Matching: a coder's events join the units of the same article (made by the
 * coders before them) by an optimal assignment, the one with the largest total
 * resemblance (the Munkres algorithm), where an event may join a unit only if
 * they share an actor and either the event type or the date (at the coarser
 * precision of the two); an event that joins none starts a unit of its own. Resemblance: same type (1) + Jaccard overlap of
 * the actor sets (0..1) + same date (1). Coders are taken in the order given,
 * their events by date and id, so the result does not depend on file order.
 *
 * A coder without an event in a unit gives the value "(no event)", which
 * differs from every coded value: an event one coder saw and another did not
 * counts as disagreement, never as a missing value that alpha would skip.
 */
import { munkres } from "munkres";
import type { Event } from "../../schema/index.ts";

export interface CodedEvent {
  file: string;
  event: Event;
  /**
   * The article it is compared under, when not the one articleOf gives (its
   * first source): `agreement --dataset` puts an event of data/events/ under
   * the article of the coding it cites (sourceArticle's key).
   */
  article?: string;
}

export interface Coding {
  /** The coder (a folder given on the command line, or a `coded_by` handle). */
  label: string;
  events: CodedEvent[];
}

export interface Unit {
  /** The article: the URL (or outlet, date and headline) of the report the events cite. */
  article: string;
  /** One entry a coder, in the codings' order: their event in this unit, if any. */
  members: (CodedEvent | undefined)[];
  /** One entry a coder: whether they coded the article at all (have an event citing it). */
  coded: readonly boolean[];
}

export const NO_EVENT = "(no event)";

/** What a coder who did not code an article shows in its units (missing: not counted either way). */
export const NOT_CODED = "(not coded)";

/**
 * The article an event codes: its first source with an address, else its
 * first source by outlet, date and headline; a source with none of those
 * (schema 1.2.0 allows it) names no article but the event's own.
 */
export function articleOf(event: Event): string {
  const withUrl = event.sources.find((s) => s.url);
  return sourceArticle(event, withUrl ?? event.sources[0]!);
}

/** The article one source of an event names: its address, else its outlet, date and headline (none of them: the event's own). */
export function sourceArticle(event: Event, s: Event["sources"][number]): string {
  if (s.url) return s.url;
  if (s.published === undefined && s.title === undefined) return `${s.outlet} (only ${event.id})`;
  return `${s.outlet} ${s.published ?? "(no date)"} "${s.title ?? "(no headline)"}"`;
}

const PRECISION_RANK: Record<Event["date"]["precision"], number> = { year: 0, month: 1, week: 2, day: 3 };

/** The Monday of the ISO week of a day (YYYY-MM-DD): a day's date at week precision. */
function weekStart(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const shift = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - shift * 86_400_000).toISOString().slice(0, 10);
}

/** A date written at a coarser (or the same) precision. */
export function coarsen(date: Event["date"], to: Event["date"]["precision"]): string {
  if (to === "year") return date.start.slice(0, 4);
  if (to === "month") return date.start.slice(0, 7);
  if (to === "week") return date.precision === "week" ? date.start : weekStart(date.start);
  return date.start;
}

/** The coarsest precision among some dates. */
export function coarsest(dates: readonly Event["date"][]): Event["date"]["precision"] {
  return dates.reduce<Event["date"]["precision"]>((p, d) => (PRECISION_RANK[d.precision] < PRECISION_RANK[p] ? d.precision : p), "day");
}

function sameDate(a: Event, b: Event): boolean {
  const p = coarsest([a.date, b.date]);
  return coarsen(a.date, p) === coarsen(b.date, p);
}

export function actorSet(event: Event): Set<string> {
  return new Set(event.actors.map((a) => a.actor));
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  const union = a.size + b.size - common;
  return union === 0 ? 1 : common / union;
}

/** How much two events resemble each other, or undefined when they cannot be the same event. */
function resemblance(a: Event, b: Event): number | undefined {
  const overlap = jaccard(actorSet(a), actorSet(b));
  const type = a.event_type === b.event_type ? 1 : 0;
  const date = sameDate(a, b) ? 1 : 0;
  if (overlap === 0 || type + date === 0) return undefined;
  return type + overlap + date;
}

/**
 * The units of the codings: the articles two codings or more cite (a coding
 * folder may hold records of other articles too), their events matched. A
 * coder who coded an article but has no event in a unit is "(no event)"; one
 * who did not code the article at all is missing there, not in disagreement.
 */
export function matchUnits(codings: readonly Coding[]): Unit[] {
  const byArticle = new Map<string, CodedEvent[][]>();
  codings.forEach((coding, c) => {
    for (const coded of coding.events) {
      const article = coded.article ?? articleOf(coded.event);
      const lists = byArticle.get(article) ?? codings.map(() => []);
      lists[c]!.push(coded);
      byArticle.set(article, lists);
    }
  });
  const units: Unit[] = [];
  for (const article of [...byArticle.keys()].sort()) {
    const lists = byArticle.get(article)!;
    // An article only one coding cites holds nothing to compare.
    if (lists.filter((l) => l.length > 0).length < 2) continue;
    const coders = lists.map((l) => l.length > 0);
    const here: Unit[] = [];
    lists.forEach((list, c) => {
      const ordered = [...list].sort((x, y) => (x.event.date.start < y.event.date.start ? -1 : x.event.date.start > y.event.date.start ? 1 : x.event.id < y.event.id ? -1 : 1));
      // The coder's events join the units of the coders before them by an optimal assignment (the largest total resemblance),
      // not first come first served: an event that grabbed the best unit still free could take the one a later event fits better.
      const open = here.filter((unit) => !unit.members[c]);
      const scores = ordered.map((coded) => open.map((unit) => resemblance(unit.members.find((m) => m !== undefined)!.event, coded.event) ?? 0));
      const joined = new Map<number, Unit>();
      if (open.length > 0 && ordered.length > 0)
        for (const [row, column] of munkres(scores.map((row) => row.map((score) => -score)))) if (scores[row]![column]! > 0) joined.set(row, open[column]!);
      ordered.forEach((coded, i) => {
        const unit = joined.get(i);
        if (unit) unit.members[c] = coded;
        else {
          const members: (CodedEvent | undefined)[] = codings.map(() => undefined);
          members[c] = coded;
          here.push({ article, members, coded: coders });
        }
      });
    });
    units.push(...here);
  }
  return units;
}
