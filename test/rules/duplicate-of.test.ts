import { duplicateOf } from "../../scripts/rules/dataset/duplicate-of.ts";
import { datasetRuleTester } from "../helpers/dataset-rule-tester.ts";
import { eventPath, eventText } from "../helpers/rule-cases.ts";

const A = "ev-aaaaaaaa";
const B = "ev-bbbbbbbb";
const pa = eventPath(A);
const pb = eventPath(B);
/** B, a duplicate of `target`. */
const duplicate = (target: string) => ({ [pb]: eventText({ id: B, status: "duplicate", duplicateOf: target }) });
const AT = { line: 4, column: 15 };

datasetRuleTester(duplicateOf, {
  valid: [
    { name: "a duplicate of an active event", files: { [pa]: eventText({ id: A }), ...duplicate(A) } },
    { name: "an active event with a `duplicate_of` (the schema's concern, not this rule's)", files: { [pa]: eventText({ id: A }), [pb]: eventText({ id: B, duplicateOf: A }) } },
    {
      name: "the named id in two files, the retracted one first: the last in the listing decides",
      files: { "data/events/2023/01/ev-aaaaaaaa.yaml": eventText({ id: A, status: "retracted" }), [pa]: eventText({ id: A }), ...duplicate(A) },
    },
    { name: "the named event is known by its id alone (a --changed stand-in): not judged", files: duplicate(A), standIns: [pa] },
    {
      name: "a second coding marked duplicate of an event that is not there: a coding names no event",
      files: { [`data/codings/coder-b/2023/02/${B}.yaml`]: eventText({ id: B, status: "duplicate", duplicateOf: "ev-zzzzzzzz" }) },
    },
  ],
  invalid: [
    {
      name: "a duplicate of itself",
      files: { [pb]: eventText({ id: B, status: "duplicate", duplicateOf: B }) },
      errors: [{ file: pb, messageId: "self", message: "An event cannot be a duplicate of itself.", ...AT, related: [pb] }],
    },
    {
      name: "a duplicate of a second coding's id: a coding is no event of the dataset",
      files: { [`data/codings/coder-b/2023/02/${A}.yaml`]: eventText({ id: A }), ...duplicate(A) },
      errors: [{ file: pb, messageId: "missing", data: { target: A, status: "undefined" }, ...AT, related: [] }],
    },
    {
      name: "a duplicate of an event that is not there",
      files: { [pa]: eventText({ id: A }), ...duplicate("ev-zzzzzzzz") },
      errors: [{ file: pb, messageId: "missing", data: { target: "ev-zzzzzzzz", status: "undefined" }, message: "`duplicate_of` names `ev-zzzzzzzz`, which is not an event in the dataset.", ...AT, related: [] }],
    },
    {
      name: "a duplicate of a retracted event",
      files: { [pa]: eventText({ id: A, status: "retracted" }), ...duplicate(A) },
      errors: [{ file: pb, messageId: "notActive", data: { target: A, status: "retracted" }, message: `\`duplicate_of\` names \`${A}\`, which is retracted, not active.`, ...AT, related: [pa] }],
    },
    {
      name: "a duplicate of a duplicate, and the end of the chain is fine",
      files: { [pa]: eventText({ id: A, status: "duplicate", duplicateOf: "ev-cccccccc" }), ...duplicate(A), [eventPath("ev-cccccccc")]: eventText({ id: "ev-cccccccc" }) },
      errors: [{ file: pb, messageId: "notActive", data: { target: A, status: "duplicate" }, ...AT, related: [pa] }],
    },
    {
      name: "the named id in two files, the retracted one last: it decides",
      files: { [pa]: eventText({ id: A }), "data/events/2023/03/ev-aaaaaaaa.yaml": eventText({ id: A, status: "retracted" }), ...duplicate(A) },
      errors: [{ file: pb, messageId: "notActive", data: { target: A, status: "retracted" }, related: ["data/events/2023/03/ev-aaaaaaaa.yaml"] }],
    },
    {
      name: "the named event's id edited since the pass saw it: judged as it is at the end",
      files: { [pa]: eventText({ id: A }), ...duplicate(A) },
      edited: { [pa]: eventText({ id: "ev-a2222222" }) },
      errors: [{ file: pb, messageId: "missing", data: { target: A, status: "undefined" }, ...AT }],
    },
  ],
});
