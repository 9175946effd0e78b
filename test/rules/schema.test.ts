/** schema: valid and invalid cases, one rule on a record in memory (test/helpers/rule-tester.ts). */
import { schema } from "../../scripts/rules/schema/schema.ts";
import { EVENT_YAML, editEvent } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

ruleTester(schema, {
  valid: [
    { name: "the example event", code: EVENT_YAML },
  ],
  invalid: [
    {
      name: "an unknown precision (a did-you-mean)",
      code: editEvent("precision: day", "precision: days"),
      errors: [
        { messageId: "oneOfDidYouMean", data: {where: "date.precision",allowed: "day, week, month, year",got: "`days`",suggestion: "day"}, message: "`date.precision` must be one of day, week, month, year; got `days`. Did you mean `day`?", line: 8, column: 14 },
      ],
    },
    {
      name: "an unknown field of the record",
      code: editEvent("status: active", "status: active\n__proto__:\n  polluted: true"),
      errors: [
        { messageId: "notFieldOfRecord", data: {extra: "__proto__",where: "(the record)",known: "schema_version, id, status, duplicate_of, retraction_reason, title, summary, date, event_type, mode, actors, locations, sources, tags, provenance, evidence"}, message: "`__proto__` is not a field of the record.", helpId: "allowedHere", line: 4, column: 1 },
      ],
    },
    {
      name: "a missing field, and a field of the wrong type",
      code: editEvent("event_type: CONSULT", "event_type: 5", editEvent("status: active\n", "")),
      errors: [
        { messageId: "missingInRecord", data: {where: "(the record)",missing: "status"}, message: "The record is missing `status`.", helpId: "addRequired", line: 1, column: 1 },
        { messageId: "mustBe", data: {where: "event_type",expected: "a string",got: "an integer",text: "5"}, message: "`event_type` must be a string; got an integer.", helpId: "quote", line: 8, column: 13 },
        { messageId: "oneOf", data: {where: "event_type",allowed: "AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT, REQUEST, ACCUSE, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT",got: "`5`"}, message: "`event_type` must be one of AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT, REQUEST, ACCUSE, REJECT, THREATEN, PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT; got `5`.", line: 8, column: 13 },
      ],
    },
    {
      name: "a too short title, and an empty list of actors",
      code: editEvent("actors:\n  - actor: antony-blinken\n    role: initiator\n  - actor: kazakhstan\n    role: recipient\n", "actors: []\n", editEvent("title: Blinken meets the five Central Asian foreign ministers", "title: B")),
      errors: [
        { messageId: "minLength", data: {where: "title",limit: 5,length: 1}, message: "`title` must be at least 5 characters long; it has 1.", line: 4, column: 8 },
        { messageId: "minItemsOne", data: {where: "actors",limit: 1,count: 0}, message: "`actors` must have at least 1 item; it has 0.", line: 11, column: 1 },
      ],
    },
  ],
});
