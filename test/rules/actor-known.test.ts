import { actorKnown } from "../../scripts/rules/record/actor-known.ts";
import { EVENT_YAML, editEvent } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

ruleTester(actorKnown, {
  valid: [
    { name: "registered actors", code: EVENT_YAML },
    { name: "a folder of actors that could not be listed: no id is judged missing", code: editEvent("actor: kazakhstan", "actor: kazakstan"), unlisted: { actors: "data/actors" } },
  ],
  invalid: [
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
