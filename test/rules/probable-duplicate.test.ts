import { probableDuplicate } from "../../scripts/rules/dataset/probable-duplicate.ts";
import { datasetRuleTester } from "../helpers/dataset-rule-tester.ts";
import { eventPath, eventText, type EventFields } from "../helpers/rule-cases.ts";

const A = "ev-aaaaaaaa";
const B = "ev-bbbbbbbb";
const C = "ev-cccccccc";
/** Events by their fields, each at the path its id and start give. */
const events = (...list: (EventFields & { id: string })[]) => Object.fromEntries(list.map((e) => [eventPath(e.id, e.start), eventText(e)]));
const pa = eventPath(A);
const pb = eventPath(B);
const pc = eventPath(C);
const HELP_TYPE = { line: 9, column: 13 };

datasetRuleTester(probableDuplicate, {
  valid: [
    { name: "one event", files: events({ id: A }) },
    { name: "the same date, type and actors, neither with locations (schema 1.3.0): not compared by what they lack", files: events({ id: A, countries: [] }, { id: B, countries: [] }) },
    { name: "the same date, type and actors, one without locations", files: events({ id: A }, { id: B, countries: [] }) },
    { name: "start dates two days apart", files: events({ id: A }, { id: B, start: "2023-03-02" }) },
    { name: "1 of 4 actors shared", files: events({ id: A, actors: ["antony-blinken", "kazakhstan", "uzbekistan"] }, { id: B, actors: ["antony-blinken", "tajikistan"] }) },
    { name: "1 of 3 actors shared (a score of 0.33)", files: events({ id: A }, { id: B, actors: ["antony-blinken", "uzbekistan"] }) },
    { name: "the same actors, date and country, another event type", files: events({ id: A }, { id: B, type: "PROTEST" }) },
    { name: "the same actors a day apart, no country in common", files: events({ id: A }, { id: B, start: "2023-03-01", countries: ["UZB"] }) },
    { name: "a day apart, another mode (a visit and a multilateral meeting)", files: events({ id: A }, { id: B, start: "2023-03-01", mode: "visit" }) },
    { name: "a month-precision date and a day of that month", files: events({ id: A, start: "2023-02" }, { id: B, start: "2023-02-01" }) },
    { name: "a tombstone beside its original", files: events({ id: A }, { id: B, status: "duplicate", duplicateOf: A }) },
    { name: "an event alike, known by its id alone (a --changed stand-in): not compared", files: events({ id: A }), standIns: [pb] },
    {
      name: "an event and its second coding (data/codings/<coder>/), alike in every field, and another coder's: codings are never compared",
      files: { ...events({ id: A }), [`data/codings/coder-b/2023/02/${B}.yaml`]: eventText({ id: B }), [`data/codings/coder-c/2023/03/${C}.yaml`]: eventText({ id: C, start: "2023-03-01" }) },
    },
    {
      name: "alike when the pass saw them, but one edited since: judged as it is at the end",
      files: events({ id: A }, { id: B, start: "2023-03-01" }),
      edited: { [eventPath(B, "2023-03-01")]: eventText({ id: B, start: "2023-03-01", type: "PROTEST" }) },
    },
  ],
  invalid: [
    {
      name: "two events with the same date, type, countries and actors (the rule's first test)",
      files: events({ id: A }, { id: B }),
      errors: [
        { file: pa, messageId: "probable", data: { others: `\`${pb}\`` }, message: `This event has the same date, type, countries and actors as \`${pb}\`.`, ...HELP_TYPE, related: [pb] },
        { file: pb, messageId: "probable", data: { others: `\`${pa}\`` }, ...HELP_TYPE, related: [pa] },
      ],
    },
    {
      name: "the same event dated a day apart, across a month's end",
      files: events({ id: A }, { id: B, start: "2023-03-01" }),
      errors: [
        {
          file: pa,
          messageId: "dayApart",
          data: { other: eventPath(B, "2023-03-01"), countries: "KAZ", shared: 2, actors: 2 },
          message: `This event is probably the same as \`${eventPath(B, "2023-03-01")}\`: same type and mode, start dates a day apart, countries in common: KAZ; 2 of 2 actors shared.`,
          ...HELP_TYPE,
          related: [eventPath(B, "2023-03-01")],
        },
        { file: eventPath(B, "2023-03-01"), messageId: "dayApart", data: { other: pa, countries: "KAZ", shared: 2, actors: 2 }, ...HELP_TYPE, related: [pa] },
      ],
    },
    {
      name: "the same day, 2 of 3 actors shared and a country more",
      files: events({ id: A }, { id: B, actors: ["antony-blinken", "kazakhstan", "uzbekistan"], countries: ["KAZ", "UZB"] }),
      errors: [
        {
          file: pa,
          messageId: "sameDay",
          data: { other: pb, countries: "KAZ", shared: 2, actors: 3 },
          message: `This event is probably the same as \`${pb}\`: same type, mode and start date, countries in common: KAZ; 2 of 3 actors shared.`,
          ...HELP_TYPE,
          related: [pb],
        },
        { file: pb, messageId: "sameDay", data: { other: pa, countries: "KAZ", shared: 2, actors: 3 }, ...HELP_TYPE, related: [pa] },
      ],
    },
    {
      name: "two countries in common: one finding a pair, though the pair meets under each country",
      files: events({ id: A, countries: ["KAZ", "UZB"] }, { id: B, countries: ["UZB", "KAZ"], actors: ["kazakhstan"] }),
      errors: [
        { file: pa, messageId: "sameDay", data: { other: pb, countries: "KAZ, UZB", shared: 1, actors: 2 } },
        { file: pb, messageId: "sameDay", data: { other: pa, countries: "KAZ, UZB", shared: 1, actors: 2 } },
      ],
    },
    {
      name: "two alike and a third a day later: the exact pair in one finding, each near one in its own",
      files: events({ id: A }, { id: B }, { id: C, start: "2023-02-27" }),
      errors: [
        { file: pa, messageId: "dayApart", data: { other: eventPath(C, "2023-02-27"), countries: "KAZ", shared: 2, actors: 2 } },
        { file: pa, messageId: "probable", data: { others: `\`${pb}\`` } },
        { file: pb, messageId: "dayApart", data: { other: eventPath(C, "2023-02-27"), countries: "KAZ", shared: 2, actors: 2 } },
        { file: pb, messageId: "probable", data: { others: `\`${pa}\`` } },
        { file: eventPath(C, "2023-02-27"), messageId: "dayApart", data: { other: pa, countries: "KAZ", shared: 2, actors: 2 } },
        { file: eventPath(C, "2023-02-27"), messageId: "dayApart", data: { other: pb, countries: "KAZ", shared: 2, actors: 2 } },
      ],
    },
    {
      name: "month-precision dates: alike only when the same",
      files: events({ id: A, start: "2023-02" }, { id: B, start: "2023-02" }),
      errors: [
        { file: eventPath(A, "2023-02"), messageId: "probable", line: 9, column: 13 },
        { file: eventPath(B, "2023-02"), messageId: "probable", line: 9, column: 13 },
      ],
    },
    {
      name: "three alike when the pass saw them, one edited since: the two still alike name each other",
      files: events({ id: A }, { id: B }, { id: C }),
      edited: { [pb]: eventText({ id: B, type: "PROTEST" }) },
      errors: [
        { file: pa, messageId: "probable", data: { others: `\`${pc}\`` }, related: [pc] },
        { file: pc, messageId: "probable", data: { others: `\`${pa}\`` }, related: [pa] },
      ],
    },
    {
      name: "a line more above the event type: the finding is where the event type is",
      files: { ...events({ id: A }), [eventPath(B)]: eventText({ id: B }).replace("title:", "# moved\ntitle:") },
      errors: [
        { file: pa, messageId: "probable", line: 9, column: 13 },
        { file: pb, messageId: "probable", line: 10, column: 13 },
      ],
    },
  ],
});
