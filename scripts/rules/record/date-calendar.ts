import type { Actor, Event } from "../../../schema/index.ts";
import { isCalendarDate } from "../../core/dates.ts";
import type { RecordRule, RuleIssue } from "../types.ts";

/** Every date field of a valid event, by pointer. */
export function eventDates(event: Event): [string, string][] {
  const dates: [string, string][] = [["/date/start", event.date.start]];
  if (event.date.end !== undefined) dates.push(["/date/end", event.date.end]);
  event.sources.forEach((s, i) => {
    if (s.published) dates.push([`/sources/${i}/published`, s.published.slice(0, 10)]);
  });
  dates.push(["/provenance/coded_at", event.provenance.coded_at]);
  return dates;
}

/** Every date of a valid actor's offices, by pointer. */
function officeDates(actor: Actor): [string, string][] {
  return (actor.offices ?? []).flatMap((o, i) =>
    (["from", "to"] as const).flatMap((end): [string, string][] => (o[end] ? [[`/offices/${i}/${end}`, o[end]]] : [])),
  );
}

export const dateCalendar: RecordRule = {
  meta: {
    id: "date-calendar",
    family: "record",
    severity: "error",
    description: "Every date is a real calendar date (no 30 February, no 31 April).",
    help: "Correct the day or month; if the source gives no exact day, use a coarser precision.",
    messages: {
      notInCalendar: "`{{value}}` is not a date in the calendar.",
    },
  },
  scope: "record",
  kinds: ["event", "actor"],
  needsValid: true,
  check: ({ kind, record }) => {
    const dates = kind === "event" ? eventDates(record as Event) : officeDates(record as Actor);
    const issues: RuleIssue[] = [];
    for (const [pointer, value] of dates)
      if (!isCalendarDate(value)) issues.push({ pointer, messageId: "notInCalendar", data: { value } });
    return issues;
  },
};
