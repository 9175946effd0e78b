/** number-exact: valid and invalid cases, one rule on a record in memory (test/helpers/rule-tester.ts). */
import { numberExact } from "../../scripts/rules/record/number-exact.ts";
import { editEvent } from "../helpers/dataset.ts";
import { JSON_E, JSON_EVENT } from "../helpers/rule-cases.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

ruleTester(numberExact, {
  valid: [
    { name: "the same value spelled otherwise: 67.50, 4.85e1, 558.0", code: editEvent("    precision: country", "    precision: country\n    lat: 4.85e1\n    lon: 67.50000000000000").replace("start: 558,", "start: 558.0,") },
  ],
  invalid: [
    {
      name: "more digits than a double holds",
      code: editEvent("    precision: country", "    precision: country\n    lat: 48.5\n    lon: 67.500000000000001"),
      errors: [
        { messageId: "inexact", data: {path: "locations[0].lon",written: "67.500000000000001",value: "67.5"}, message: "`locations[0].lon` is written `67.500000000000001`, which a reader takes as 67.5: the value does not survive exactly.", line: 21, column: 10 },
      ],
    },
    {
      name: "an integer beyond 2^53 and an underflow, in JSON",
      code: JSON_EVENT.replace('"start": 558', '"start": 9007199254740993').replace('"end": 653', '"end": 1e-400'), file: JSON_E,
      errors: [
        { messageId: "inexact", data: {path: "evidence[0].position.start",written: "9007199254740993",value: "9007199254740992"}, line: 58, column: 18 },
        { messageId: "inexact", data: {path: "evidence[0].position.end",written: "1e-400",value: "0"}, line: 59, column: 16 },
      ],
    },
  ],
});
