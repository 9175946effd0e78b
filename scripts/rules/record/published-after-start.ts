import { firstDay } from "../../core/dates.ts";
import { eachObject, field, PATTERNS, shaped } from "../fields.ts";
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
  check: ({ record }) => {
    // Dates not written as the schema writes them are its findings: not compared.
    const startValue = shaped(field(record, "date", "start"), PATTERNS.eventDate);
    const issues: RuleIssue[] = [];
    if (startValue === undefined) return issues;
    const start = firstDay(startValue);
    eachObject(record.sources, (s, i) => {
      const published = shaped(s.published, PATTERNS.published);
      if (published === undefined) return;
      const day = published.slice(0, 10);
      if (day < start)
        issues.push({ pointer: `/sources/${i}/published`, messageId: "beforeStart", data: { index: i, published: day, start: startValue } });
    });
    return issues;
  },
};
