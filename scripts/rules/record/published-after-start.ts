import type { Event } from "../../../schema/index.ts";
import { firstDay } from "../../core/dates.ts";
import type { RecordRule, RuleIssue } from "../types.ts";

export const publishedAfterStart: RecordRule = {
  meta: {
    id: "published-after-start",
    family: "record",
    severity: "error",
    description: "Each source is published on or after the event starts: a report cannot predate what it reports.",
    help: "Check `date.start` (the event's date) against `published` (the report's date); one of them is wrong, or the report announces a future event, which is not yet an event.",
    messages: {
      beforeStart: "`sources[{{index}}].published` ({{published}}) is before the event's start ({{start}}).",
    },
  },
  scope: "record",
  kinds: ["event"],
  needsValid: true,
  check: ({ record }) => {
    const event = record as Event;
    const start = firstDay(event.date.start);
    const issues: RuleIssue[] = [];
    event.sources.forEach((s, i) => {
      if (!s.published) return;
      const day = s.published.slice(0, 10);
      if (day < start)
        issues.push({ pointer: `/sources/${i}/published`, messageId: "beforeStart", data: { index: i, published: day, start: event.date.start } });
    });
    return issues;
  },
};
