/** outlet-known: valid and invalid cases, one rule on a record in memory (test/helpers/rule-tester.ts). */
import { outletKnown } from "../../scripts/rules/record/outlet-known.ts";
import { EVENT_YAML, editEvent, withSchemaError } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

ruleTester(outletKnown, {
  valid: [
    { name: "an outlet that is no string (the schema's finding): passed over", failsSchema: true, code: editEvent("outlet: dw", "outlet: 5") },
    { name: "via that is no list, and ids of other types and shapes in it", failsSchema: true, code: editEvent("via: [afp, reuters]", "via: afpp") },
    { name: "ids of other types and shapes in via (the schema's findings): passed over", failsSchema: true, code: editEvent("via: [afp, reuters]", "via: [null, 7, Reuters, [afpp]]") },
    { name: "sources that are no objects", failsSchema: true, code: editEvent("sources:\n", "sources: [x, null]\nx-sources:\n") },
    { name: "registered outlets", code: EVENT_YAML },
  ],
  invalid: [
    {
      name: "a misspelt via in a record that fails its schema elsewhere",
      failsSchema: true,
      code: withSchemaError(editEvent("via: [afp, reuters]", "via: [afp, reuter]")),
      errors: [{ messageId: "unknownDidYouMean", data: { id: "reuter", suggestion: "reuters" }, line: 22, column: 16 }],
      output: withSchemaError(),
    },
    {
      name: "a misspelt via: the one close id is the fix",
      code: editEvent("via: [afp, reuters]", "via: [afp, reuter]"),
      errors: [
        { messageId: "unknownDidYouMean", data: {id: "reuter",suggestion: "reuters"}, message: "`reuter` is not an outlet in data/outlets/. Did you mean `reuters`?", line: 22, column: 16 },
      ],
      output: EVENT_YAML,
    },
    {
      name: "an unknown outlet",
      code: editEvent("outlet: dw", "outlet: nobody-at-all"),
      errors: [
        { messageId: "unknown", data: {id: "nobody-at-all"}, message: "`nobody-at-all` is not an outlet in data/outlets/.", line: 21, column: 13 },
      ],
    },
    {
      name: "an outlet whose entry is broken",
      code: EVENT_YAML, outlets: { dw: {}, afp: {} }, broken: { actors: new Map(), outlets: new Map([["reuters", "data/outlets/reuters.json"]]) },
      errors: [
        { messageId: "broken", data: {id: "reuters",file: "data/outlets/reuters.json"}, message: "`reuters` is an entry of data/outlets/ (`data/outlets/reuters.json`), but a broken one: fix that file (see its own findings).", helpId: "fixBroken", help: "Fix data/outlets/reuters.json; this record is fine as it is.", line: 22, column: 16 },
      ],
    },
  ],
});
