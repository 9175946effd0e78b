import { recordDeleted } from "../../scripts/rules/dataset/record-deleted.ts";
import { datasetRuleTester } from "../helpers/dataset-rule-tester.ts";
import { eventPath, eventText } from "../helpers/rule-cases.ts";

const A = "ev-aaaaaaaa";
const pa = eventPath(A);

datasetRuleTester(recordDeleted, {
  valid: [
    { name: "nothing deleted", files: { [pa]: eventText({ id: A }) } },
    { name: "an event file moved to the folder of its corrected date", files: { [pa]: eventText({ id: A }) }, deleted: [eventPath(A, "2023-03-01")] },
    { name: "a registry file deleted (what names it is told by actor-known)", files: { [pa]: eventText({ id: A }) }, deleted: ["data/actors/old-name.yaml"] },
    { name: "the id stays with an event known by its id alone (a --changed stand-in)", files: {}, standIns: [pa], deleted: [eventPath(A, "2023-03-01")] },
    { name: "a second coding removed (codings are never published)", files: { [pa]: eventText({ id: A }) }, deleted: ["data/codings/coder-b/2023/02/ev-bbbbbbbb.yaml"] },
  ],
  invalid: [
    {
      name: "an event file deleted, its id gone",
      files: { [pa]: eventText({ id: A }) },
      deleted: ["data/events/2023/02/ev-bbbbbbbb.yaml", "data/actors/x.yaml"],
      errors: [
        {
          file: "data/events/2023/02/ev-bbbbbbbb.yaml",
          messageId: "deleted",
          data: { id: "ev-bbbbbbbb" },
          message: "This event file was deleted, and no event with the id `ev-bbbbbbbb` remains in the dataset.",
          line: 1,
          column: 1,
        },
      ],
    },
    {
      name: "an event file deleted whose id a second coding still holds: the event is gone all the same",
      files: { "data/codings/coder-b/2023/02/ev-bbbbbbbb.yaml": eventText({ id: "ev-bbbbbbbb" }) },
      deleted: ["data/events/2023/02/ev-bbbbbbbb.yaml"],
      errors: [{ file: "data/events/2023/02/ev-bbbbbbbb.yaml", messageId: "deleted", data: { id: "ev-bbbbbbbb" }, line: 1, column: 1 }],
    },
  ],
});
