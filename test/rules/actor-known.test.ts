import { actorKnown } from "../../scripts/rules/record/actor-known.ts";
import { EVENT_YAML, editEvent, withSchemaError } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

const ACTORS = "actors:\n  - actor: antony-blinken\n    role: initiator\n  - actor: kazakhstan\n    role: recipient\n";

ruleTester(actorKnown, {
  valid: [
    { name: "ill-typed actors (the schema's findings, an ill-formed id too): passed over", failsSchema: true, code: editEvent(ACTORS, "actors:\n  - null\n  - 5\n  - actor: 7\n    role: initiator\n  - actor: Antony Blinken\n    role: initiator\n  - actor: [kazakhstan]\n    role: recipient\n") },
    { name: "actors that are no list", failsSchema: true, code: editEvent(ACTORS, "actors: kazakhstan\n") },
    { name: "registered actors", code: EVENT_YAML },
    { name: "a folder of actors that could not be listed: no id is judged missing", code: editEvent("actor: kazakhstan", "actor: kazakstan"), unlisted: { actors: "data/actors" } },
  ],
  invalid: [
    {
      name: "a misspelt actor in a record that fails its schema elsewhere",
      failsSchema: true,
      code: withSchemaError(editEvent("actor: kazakhstan", "actor: kazakstan")),
      errors: [{ messageId: "unknownDidYouMean", data: { id: "kazakstan", suggestion: "kazakhstan" }, line: 14, column: 12 }],
      output: withSchemaError(),
    },
    {
      name: "a misspelt actor: the one close id is the fix",
      code: editEvent("actor: kazakhstan", "actor: kazakstan"),
      errors: [{ messageId: "unknownDidYouMean", data: { id: "kazakstan", suggestion: "kazakhstan" }, message: "`kazakstan` is not an actor in data/actors/. Did you mean `kazakhstan`?", line: 14, column: 12 }],
      output: EVENT_YAML,
    },
    {
      name: "a misspelt actor with two close ids: a did-you-mean, but no fix",
      code: editEvent("actor: kazakhstan", "actor: kazakstan"),
      actors: { kazakhstan: {}, kazakhstani: {}, "antony-blinken": {} },
      errors: [{ messageId: "unknownDidYouMean", data: { id: "kazakstan", suggestion: "kazakhstan" }, line: 14, column: 12 }],
    },
    {
      name: "an unknown actor",
      code: editEvent("actor: kazakhstan", "actor: nobody-at-all"),
      errors: [{ messageId: "unknown", data: { id: "nobody-at-all" }, message: "`nobody-at-all` is not an actor in data/actors/.", line: 14, column: 12 }],
    },
    {
      name: "an actor whose entry is broken",
      code: EVENT_YAML,
      actors: { "antony-blinken": {} },
      broken: { actors: new Map([["kazakhstan", "data/actors/kazakhstan.yaml"]]), outlets: new Map() },
      errors: [
        {
          messageId: "broken",
          data: { id: "kazakhstan", file: "data/actors/kazakhstan.yaml" },
          message: "`kazakhstan` is an entry of data/actors/ (`data/actors/kazakhstan.yaml`), but a broken one: fix that file (see its own findings).",
          helpId: "fixBroken",
          help: "Fix data/actors/kazakhstan.yaml; this record is fine as it is.",
          line: 14,
          column: 12,
        },
      ],
    },
  ],
});
