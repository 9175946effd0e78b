/** syntax: valid and invalid cases, one rule on a record in memory (test/helpers/rule-tester.ts). */
import { syntax } from "../../scripts/rules/parse/syntax.ts";
import { EVENT_YAML, editEvent } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

ruleTester(syntax, {
  valid: [
    { name: "well-formed YAML", code: EVENT_YAML },
  ],
  invalid: [
    {
      name: "JSON with NaN (V8 names no position)",
      code: '{\n  "id": "x",\n  "n": NaN\n}\n', file: "data/outlets/x.json",
      errors: [
        { messageId: "syntax", data: {problem: "Unexpected token 'NaN'"}, message: "Syntax error: Unexpected token 'NaN'.", line: 3, column: 8 },
      ],
    },
    {
      name: "JSON with a trailing comma in a list",
      code: '{\n  "id": "x",\n  "n": [\n    1,\n  ]\n}\n', file: "data/outlets/x.json",
      errors: [
        { messageId: "syntax", data: {problem: "Unexpected token ']'"}, line: 5, column: 3 },
      ],
    },
    {
      name: "YAML nested 5000 levels deep",
      code: "a: " + "[".repeat(5000) + "]".repeat(5000) + "\n",
      errors: [
        { messageId: "syntax", data: {problem: "values are nested more than 64 levels deep"}, line: 1, column: 68 },
      ],
    },
    {
      name: "JSON nested 100000 levels deep",
      code: '{"a":' + "[".repeat(100000) + "]".repeat(100000) + "}", file: "data/outlets/x.json",
      errors: [
        { messageId: "syntax", data: {problem: "values are nested more than 64 levels deep"}, line: 1, column: 69 },
      ],
    },
    {
      name: "an unclosed flow list",
      code: editEvent("via: [afp, reuters]", "via: [afp, reuters"),
      errors: [
        { messageId: "syntax", data: {problem: "Flow sequence in block collection must be sufficiently indented and end with a ]"}, line: 23, column: 5 },
      ],
    },
    {
      name: "two documents",
      code: EVENT_YAML + "---\na: 1\n",
      errors: [
        { messageId: "multipleDocuments", message: "A record file holds one document; this one has several (`---`).", line: 41, column: 1 },
      ],
    },
    {
      name: "JSON with a trailing comma",
      code: '{\n  "id": "x",\n}\n', file: "data/outlets/x.json",
      errors: [
        { messageId: "syntax", data: {problem: "Expected double-quoted property name"}, line: 3, column: 1 },
      ],
    },
    {
      name: "JSON cut short",
      code: '{\n  "id":\n\n', file: "data/outlets/x.json",
      errors: [
        { messageId: "syntax", data: {problem: "Unexpected end of JSON input"}, line: 2, column: 8 },
      ],
    },
  ],
});
