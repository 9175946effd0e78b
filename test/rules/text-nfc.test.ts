/** text-nfc: valid and invalid cases, one rule on a record in memory (test/helpers/rule-tester.ts). */
import { textNfc } from "../../scripts/rules/text/text-nfc.ts";
import { editEvent } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

ruleTester(textNfc, {
  valid: [
    { name: "a composed accent", code: editEvent("name: Kazakhstan", "name: Kazakhstané") },
  ],
  invalid: [
    {
      name: "a decomposed accent",
      code: editEvent("name: Kazakhstan", "name: Kazakhstané"),
      errors: [
        { messageId: "notNfc", data: {path: "locations[0].name"}, message: "`locations[0].name` is not in Unicode NFC (it holds decomposed characters).", line: 17, column: 11 },
      ],
    },
  ],
});
