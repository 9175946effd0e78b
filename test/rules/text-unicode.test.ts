/** text-unicode: valid and invalid cases, one rule on a record in memory (test/helpers/rule-tester.ts). */
import { textUnicode } from "../../scripts/rules/text/text-unicode.ts";
import { editEvent } from "../helpers/dataset.ts";
import { JSON_E, JSON_EVENT } from "../helpers/rule-cases.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

ruleTester(textUnicode, {
  valid: [
    { name: "a surrogate pair, escaped, and an emoji", code: editEvent("title: Blinken meets the five Central Asian foreign ministers", "title: \"Blinken \\ud83d\\ude00 meets 😀 the five Central Asian foreign ministers\"") },
  ],
  invalid: [
    {
      name: "a lone surrogate escape in YAML",
      code: editEvent("title: Blinken meets the five Central Asian foreign ministers", "title: \"Blinken \\ud83d meets the five Central Asian foreign ministers\""),
      errors: [
        { messageId: "loneSurrogate", data: {path: "title",surrogate: "U+D83D",at: 9}, message: "`title` holds a lone surrogate (U+D83D) at character 9: it is not well-formed Unicode.", line: 4, column: 8 },
      ],
    },
    {
      name: "a lone surrogate as YAML's 8-digit escape",
      code: editEvent("title: Blinken meets the five Central Asian foreign ministers", "title: \"Blinken \\U0000D83D meets the five Central Asian foreign ministers\""),
      errors: [
        { messageId: "loneSurrogate", data: {path: "title",surrogate: "U+D83D",at: 9}, line: 4, column: 8 },
      ],
    },
    {
      name: "a lone low surrogate in JSON",
      code: JSON_EVENT.replace('"title": "Blinken', '"title": "\\udc00Blinken'), file: JSON_E,
      errors: [
        { messageId: "loneSurrogate", data: {path: "title",surrogate: "U+DC00",at: 1}, line: 5, column: 12 },
      ],
    },
  ],
});
