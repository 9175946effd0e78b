import { firstDay, isCalendarDate } from "../../core/dates.ts";
import { eachObject, field, PATTERNS, shaped } from "../fields.ts";
import type { RecordRule, RuleIssue } from "../types.ts";

export const dateOrder: RecordRule = {
  meta: {
    id: "date-order",
    family: "record",
    severity: "error",
    description: "An end date is on or after its start: `date.end` >= `date.start`, an office's `to` >= its `from`.",
    help: "Swap the two dates, or correct the one that is wrong.",
    messages: {
      endBeforeStart: "`date.end` ({{end}}) is before `date.start` ({{start}}).",
      toBeforeFrom: "`offices[{{index}}].to` ({{to}}) is before `offices[{{index}}].from` ({{from}}).",
    },
  },
  scope: "record",
  kinds: ["event", "actor"],
  // Dates not written as the schema writes them (not strings, other shapes) are the schema's findings: not compared.
  check: ({ kind, record }) => {
    if (kind === "event") {
      // Most events have no end: nothing more to read then.
      const date = field(record, "date");
      const end = shaped(field(date, "end"), PATTERNS.eventDate);
      if (end === undefined) return [];
      const start = shaped(field(date, "start"), PATTERNS.eventDate);
      if (start === undefined || !isCalendarDate(start) || !isCalendarDate(end) || firstDay(end) >= firstDay(start)) return [];
      return [{ pointer: "/date/end", messageId: "endBeforeStart", data: { end, start } }];
    }
    const issues: RuleIssue[] = [];
    eachObject(record.offices, (o, i) => {
      const from = shaped(o.from, PATTERNS.day);
      const to = shaped(o.to, PATTERNS.day);
      if (from !== undefined && to !== undefined && to < from)
        issues.push({ pointer: `/offices/${i}/to`, messageId: "toBeforeFrom", data: { index: i, to, from } });
    });
    return issues;
  },
};
