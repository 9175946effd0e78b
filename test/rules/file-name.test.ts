/** file-name: valid and invalid cases, one rule on a record in memory (test/helpers/rule-tester.ts). */
import { fileName } from "../../scripts/rules/record/file-name.ts";
import { EVENT_YAML, editEvent, withSchemaError } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

/** The sample event as coder-b's second coding (coded_by names the folder's coder). */
const CODING_YAML = editEvent("coded_by: [eventwire]", "coded_by: [coder-b]");

ruleTester(fileName, {
  valid: [
    { name: "the right place", code: EVENT_YAML },
    { name: "a second coding in its coder's folder, in the month of its start date", code: CODING_YAML, file: "data/codings/coder-b/2023/02/ev-p6w7bxbz.yaml" },
    { name: "a coding by two coders, in the folder of one of them", code: editEvent("coded_by: [eventwire]", "coded_by: [coder-a, coder-b]"), file: "data/codings/coder-b/2023/02/ev-p6w7bxbz.yaml" },
    { name: "a coded_by that is no list of handles (the schema's finding): no coder is judged", failsSchema: true, code: editEvent("coded_by: [eventwire]", "coded_by: coder-c"), file: "data/codings/coder-b/2023/02/ev-p6w7bxbz.yaml" },
    { name: "an event of the dataset names any coder", code: editEvent("coded_by: [eventwire]", "coded_by: [coder-b]") },
    { name: "an id that is no event id (the schema's finding): no path is made of it", failsSchema: true, code: editEvent("id: ev-p6w7bxbz", 'id: "../../x"'), file: "data/events/2023/03/ev-p6w7bxbz.yaml" },
    { name: "a start date that is no date (the schema's finding): no folder is made of it", failsSchema: true, code: editEvent('start: "2023-02-28"', "start: 20230228"), file: "data/events/2023/03/ev-p6w7bxbz.yaml" },
  ],
  invalid: [
    {
      name: "an event in the wrong month folder, in a record that fails its schema elsewhere",
      failsSchema: true,
      code: withSchemaError(), file: "data/events/2023/03/ev-p6w7bxbz.yaml",
      errors: [
        { messageId: "misplaced", data: {expected: "data/events/2023/02/ev-p6w7bxbz.yaml",path: "data/events/2023/03/ev-p6w7bxbz.yaml",from: "data/events/2023/03/ev-p6w7bxbz.yaml",to: "data/events/2023/02/ev-p6w7bxbz.yaml"}, message: "This record belongs at `data/events/2023/02/ev-p6w7bxbz.yaml`, not `data/events/2023/03/ev-p6w7bxbz.yaml`.", helpId: "move", line: 2, column: 5 },
      ],
    },
    {
      name: "an event in the wrong month folder",
      code: EVENT_YAML, file: "data/events/2023/03/ev-p6w7bxbz.yaml",
      errors: [
        { messageId: "misplaced", data: {expected: "data/events/2023/02/ev-p6w7bxbz.yaml",path: "data/events/2023/03/ev-p6w7bxbz.yaml",from: "data/events/2023/03/ev-p6w7bxbz.yaml",to: "data/events/2023/02/ev-p6w7bxbz.yaml"}, message: "This record belongs at `data/events/2023/02/ev-p6w7bxbz.yaml`, not `data/events/2023/03/ev-p6w7bxbz.yaml`.", helpId: "move", help: "Move the file: git mv -- data/events/2023/03/ev-p6w7bxbz.yaml data/events/2023/02/ev-p6w7bxbz.yaml", line: 2, column: 5 },
      ],
    },
    {
      name: "a second coding in the wrong month of its coder's folder: it stays in that folder",
      code: CODING_YAML, file: "data/codings/coder-b/2023/03/ev-p6w7bxbz.yml",
      errors: [
        { messageId: "misplaced", data: {expected: "data/codings/coder-b/2023/02/ev-p6w7bxbz.yml",path: "data/codings/coder-b/2023/03/ev-p6w7bxbz.yml",from: "data/codings/coder-b/2023/03/ev-p6w7bxbz.yml",to: "data/codings/coder-b/2023/02/ev-p6w7bxbz.yml"}, message: "This record belongs at `data/codings/coder-b/2023/02/ev-p6w7bxbz.yml`, not `data/codings/coder-b/2023/03/ev-p6w7bxbz.yml`.", helpId: "move", line: 2, column: 5 },
      ],
    },
    {
      name: "a second coding right in its coder's folder, without its months",
      code: CODING_YAML, file: "data/codings/coder-b/ev-p6w7bxbz.yaml",
      errors: [
        { messageId: "misplaced", data: {expected: "data/codings/coder-b/2023/02/ev-p6w7bxbz.yaml",path: "data/codings/coder-b/ev-p6w7bxbz.yaml",from: "data/codings/coder-b/ev-p6w7bxbz.yaml",to: "data/codings/coder-b/2023/02/ev-p6w7bxbz.yaml"}, helpId: "move", line: 2, column: 5 },
      ],
    },
    {
      name: "a second coding whose coded_by does not name its folder's coder",
      code: EVENT_YAML, file: "data/codings/coder-b/2023/02/ev-p6w7bxbz.yaml",
      errors: [
        { messageId: "coderFolder", data: { coder: "coder-b", codedBy: "`eventwire`" }, message: "This second coding lies in the folder of `coder-b`, but its `provenance.coded_by` names `eventwire`: a coding sits in the folder of the coder who made it (the card and `agreement` name the coder by the folder).", helpId: "coder", help: "Write the coder's handle `coder-b` in `provenance.coded_by` if they coded it, or move the file into the folder of the handle that did (data/codings/<handle>/, the same months).", line: 28, column: 13 },
      ],
    },
    {
      name: "a second coding in the wrong month and under another coder: both are said",
      code: editEvent("coded_by: [eventwire]", "coded_by: [coder-a, coder-c]"), file: "data/codings/coder-b/2023/03/ev-p6w7bxbz.yaml",
      errors: [
        { messageId: "misplaced", data: {expected: "data/codings/coder-b/2023/02/ev-p6w7bxbz.yaml",path: "data/codings/coder-b/2023/03/ev-p6w7bxbz.yaml",from: "data/codings/coder-b/2023/03/ev-p6w7bxbz.yaml",to: "data/codings/coder-b/2023/02/ev-p6w7bxbz.yaml"}, helpId: "move", line: 2, column: 5 },
        { messageId: "coderFolder", data: { coder: "coder-b", codedBy: "`coder-a`, `coder-c`" }, helpId: "coder", line: 28, column: 13 },
      ],
    },
    {
      name: "a second coding in a folder that is no coder's handle",
      code: EVENT_YAML, file: "data/codings/coder b/2023/02/ev-p6w7bxbz.yaml",
      errors: [
        { messageId: "coderHandle", data: {path: "data/codings/coder b/2023/02/ev-p6w7bxbz.yaml", coder: "coder b"}, message: "The second coding `data/codings/coder b/2023/02/ev-p6w7bxbz.yaml` is in the folder `coder b`, which is no coder's handle (as `provenance.coded_by` writes one: letters, digits and hyphens, 39 at most, not starting with a hyphen); name the folder after the coder's handle.", helpId: "rename", line: 1, column: 1 },
      ],
    },
    {
      name: "a name holding a newline",
      code: EVENT_YAML, file: "data/events/2023/02/ev-p6w7bxbz\n.yaml",
      errors: [
        { messageId: "controlCharacter", data: {path: "data/events/2023/02/ev-p6w7bxbz\n.yaml",from: "\"$(printf 'data/events/2023/02/ev-p6w7bxbz\\012.yaml')\"",to: "data/events/2023/02/ev-p6w7bxbz.yaml"}, message: "The path `data/events/2023/02/ev-p6w7bxbz\n.yaml` holds a control character; name the file after its id.", helpId: "move", line: 1, column: 1 },
      ],
    },
    {
      name: "a name holding a CR, in a record that does not pass its schema",
      code: "id: 1\n", file: "data/events/2023/02/ev-p6w7bxbz\r.yaml",
      errors: [
        { messageId: "controlCharacter", data: {path: "data/events/2023/02/ev-p6w7bxbz\r.yaml"}, helpId: "rename", help: "Rename the file: git mv -- <its path> <the path its content gives>", line: 1, column: 1 },
      ],
    },
  ],
});
