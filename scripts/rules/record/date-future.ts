import { firstDay } from "../../core/dates.ts";
import type { RecordRule, RuleIssue } from "../types.ts";
import { eventDates } from "./date-calendar.ts";

export const dateFuture: RecordRule = {
  meta: {
    id: "date-future",
    family: "record",
    severity: "error",
    description: "No date of an event lies in the future: events, publications and coding have happened.",
    help: "Check the year: a typo such as 2032 for 2023 is the usual cause.",
    messages: {
      future: "`{{value}}` is in the future (today is {{today}}).",
    },
  },
  scope: "record",
  kinds: ["event"],
  check: ({ record, today }) => {
    const issues: RuleIssue[] = [];
    for (const [pointer, value] of eventDates(record))
      if (firstDay(value) > today) issues.push({ pointer, messageId: "future", data: { value, today } });
    return issues;
  },
};
