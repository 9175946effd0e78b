import { isCalendarDate } from "../../core/dates.ts";
import { eachObject, field, PATTERNS, shaped, type Fields } from "../fields.ts";
import type { RecordRule, RuleIssue } from "../types.ts";

/**
 * Every date of an event, by pointer, that is written as the schema writes
 * dates (a source's `published` as its day): one that is not (not a string,
 * or another shape) is the schema's finding, and no rule judges it again.
 */
export function eventDates(event: Fields): [string, string][] {
  const dates: [string, string][] = [];
  const start = shaped(field(event, "date", "start"), PATTERNS.eventDate);
  if (start !== undefined) dates.push(["/date/start", start]);
  const end = shaped(field(event, "date", "end"), PATTERNS.eventDate);
  if (end !== undefined) dates.push(["/date/end", end]);
  eachObject(event.sources, (s, i) => {
    const published = shaped(s.published, PATTERNS.published);
    if (published !== undefined) dates.push([`/sources/${i}/published`, published.slice(0, 10)]);
  });
  const codedAt = shaped(field(event, "provenance", "coded_at"), PATTERNS.day);
  if (codedAt !== undefined) dates.push(["/provenance/coded_at", codedAt]);
  return dates;
}

/** Every date of an actor's offices, by pointer (as the schema writes them: a day). */
function officeDates(actor: Fields): [string, string][] {
  const dates: [string, string][] = [];
  eachObject(actor.offices, (o, i) => {
    for (const end of ["from", "to"] as const) {
      const day = shaped(o[end], PATTERNS.day);
      if (day !== undefined) dates.push([`/offices/${i}/${end}`, day]);
    }
  });
  return dates;
}

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

export const dateCalendar: RecordRule = {
  meta: {
    id: "date-calendar",
    family: "record",
    severity: "error",
    description: "Every date is a real calendar date (no 30 February, no 31 April), and a week is given by its Monday.",
    help: "Correct the day or month; if the source gives no exact day, use a coarser precision. A date of precision `week` is the week's Monday.",
    messages: {
      notInCalendar: "`{{value}}` is not a date in the calendar.",
      weekNotMonday: "`{{value}}` is a {{weekday}}; a date of precision `week` is written as the week's Monday, `{{monday}}`.",
    },
  },
  scope: "record",
  kinds: ["event", "actor"],
  check: ({ kind, record }) => {
    const dates = kind === "event" ? eventDates(record) : officeDates(record);
    const issues: RuleIssue[] = [];
    for (const [pointer, value] of dates)
      if (!isCalendarDate(value)) issues.push({ pointer, messageId: "notInCalendar", data: { value } });
    // A week is named by its first day, a Monday (ISO 8601): another day names no week unambiguously.
    if (kind === "event" && field(record, "date", "precision") === "week") {
      const start = shaped(field(record, "date", "start"), PATTERNS.day);
      if (start !== undefined && isCalendarDate(start)) {
        const day = new Date(`${start}T00:00:00Z`);
        const weekday = day.getUTCDay();
        if (weekday !== 1) {
          const monday = new Date(day.getTime() - ((weekday + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
          issues.push({ pointer: "/date/start", messageId: "weekNotMonday", data: { value: start, weekday: WEEKDAYS[weekday]!, monday } });
        }
      }
    }
    return issues;
  },
};
