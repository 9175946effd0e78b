/** file-encoding: valid and invalid cases, one rule on a record in memory (test/helpers/rule-tester.ts). */
import { fileEncoding } from "../../scripts/rules/file/file-encoding.ts";
import { editEvent } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

ruleTester(fileEncoding, {
  valid: [
    { name: "UTF-8 text", code: editEvent("title: Blinken", "title: Blinkén") },
  ],
  invalid: [
    {
      name: "a binary file, no offset known",
      code: Buffer.from([0x89, 0x50]), read: { ok: false, problem: "binary", detail: "binary" },
      errors: [
        { messageId: "binary", message: "The file is binary, not text.", line: 1, column: 1 },
      ],
    },
    {
      name: "Latin-1 bytes",
      code: Buffer.from("x"), read: { ok: false, problem: "not-utf8", detail: "invalid UTF-8", offset: 11 },
      errors: [
        { messageId: "notUtf8At", data: {offset: 11}, message: "The file is not valid UTF-8 (first at byte 11).", line: 1, column: 1 },
      ],
    },
    {
      name: "a binary file",
      code: Buffer.from([0x89, 0x50]), read: { ok: false, problem: "binary", detail: "binary", offset: 4 },
      errors: [
        { messageId: "binaryAt", data: {offset: 4}, message: "The file is binary, not text (first at byte 4).", line: 1, column: 1 },
      ],
    },
    {
      name: "not UTF-8, no offset known",
      code: Buffer.from("x"), read: { ok: false, problem: "not-utf8", detail: "invalid UTF-8" },
      errors: [
        { messageId: "notUtf8", message: "The file is not valid UTF-8.", line: 1, column: 1 },
      ],
    },
  ],
});
