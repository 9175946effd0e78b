import type { Actor, Event } from "../../../schema/index.ts";
import { firstDay, isCalendarDate } from "../../core/dates.ts";
import type { RecordRule } from "../types.ts";

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
  needsValid: true,
  check: ({ kind, record }) => {
    if (kind === "event") {
      const { start, end } = (record as Event).date;
      if (end === undefined || !isCalendarDate(start) || !isCalendarDate(end) || firstDay(end) >= firstDay(start)) return [];
      return [{ pointer: "/date/end", messageId: "endBeforeStart", data: { end, start } }];
    }
    return ((record as Actor).offices ?? []).flatMap((o, i) =>
      o.from && o.to && o.to < o.from
        ? [{ pointer: `/offices/${i}/to`, messageId: "toBeforeFrom", data: { index: i, to: o.to, from: o.from } }]
        : [],
    );
  },
};
