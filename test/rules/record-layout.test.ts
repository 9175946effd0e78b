/** record-layout: valid and invalid cases, one rule on a record in memory (test/helpers/rule-tester.ts). */
import { canonicalText } from "../../scripts/dataset/canonical.ts";
import { recordLayout } from "../../scripts/rules/file/record-layout.ts";
import { EVENT_YAML, editEvent } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

/** The example event as `eventwire format` writes it (the example is not: its lists are in flow style). */
const canonical = canonicalText(EVENT_YAML, "yaml", "event");
if (!canonical.ok) throw new Error(canonical.reason);
const CANONICAL = canonical.text;
const JSON_PATH = "data/events/2023/02/ev-p6w7bxbz.json";
const OUTLET_PATH = "data/outlets/dw.yaml";
const OUTLET = 'schema_version: "1.3.0"\nid: dw\nname: Deutsche Welle\nkind: broadcaster\ncountry: DEU\ndomains:\n  - dw.com\n';
const EVENT_JSON = JSON.stringify(
  {
    schema_version: "1.3.0",
    id: "ev-p6w7bxbz",
    status: "active",
    title: "Blinken meets",
    date: { start: "2023-02-28", precision: "day" },
  },
  null,
  2,
) + "\n";
const edit = (from: string, to: string) => editEvent(from, to, CANONICAL);

ruleTester(recordLayout, {
  valid: [
    { name: "an event in the canonical layout", code: CANONICAL },
    { name: "comments are part of the canonical layout", code: "# A header.\n\n" + edit("status: active\n", "status: active # live\n") },
    { name: "a JSON event in the canonical layout", file: JSON_PATH, code: EVENT_JSON },
    { name: "a registry entry in the canonical layout", file: OUTLET_PATH, code: OUTLET },
    { name: "a number a double cannot hold: the layout refuses it (number-exact reports it)", code: edit("start: 558", "start: 12345678901234567890") },
    { name: "anchors: the layout refuses them (yaml-alias reports them)", code: edit("  precision: day\n", "  precision: &p day\n").replace("    precision: country\n", "    precision: *p\n") },
  ],
  invalid: [
    {
      name: "lists in flow style (the example event as written)",
      code: EVENT_YAML,
      errors: [{ messageId: "layout", data: { line: 5, expected: "summary: >-" }, message: "Not in the canonical layout: line 5 would read `summary: >-`.", line: 5, column: 10, endLine: 5, endColumn: 11 }],
      output: CANONICAL,
    },
    {
      name: "keys out of the schema's order",
      code: edit("id: ev-p6w7bxbz\nstatus: active\n", "status: active\nid: ev-p6w7bxbz\n"),
      errors: [
        {
          messageId: "keyOrder",
          data: { line: 2, expected: "id: ev-p6w7bxbz" },
          message: "Not in the canonical layout: keys or items not in the schema's order (line 2 would read `id: ev-p6w7bxbz`).",
          line: 2,
          column: 1,
        },
      ],
      output: CANONICAL,
    },
    {
      name: "indentation of four spaces",
      code: edit('  start: "2023-02-28"\n  precision: day\n', '    start: "2023-02-28"\n    precision: day\n'),
      errors: [{ messageId: "indentation", data: { line: 8, expected: '  start: "2023-02-28"' }, message: 'Not in the canonical layout: indentation (line 8 would read `  start: "2023-02-28"`).', line: 8, column: 3 }],
      output: CANONICAL,
    },
    {
      name: "no final newline",
      code: CANONICAL.slice(0, -1),
      errors: [{ messageId: "finalNewline", message: "Not in the canonical layout: the file does not end with exactly one newline.", line: 48, column: 63, endLine: 48, endColumn: 63 }],
      output: CANONICAL,
    },
    {
      name: "two final newlines",
      code: CANONICAL + "\n",
      errors: [{ messageId: "finalNewline", message: "Not in the canonical layout: the file does not end with exactly one newline.", line: 49, column: 1, endLine: 49, endColumn: 1 }],
      output: CANONICAL,
    },
    {
      name: "CRLF line endings",
      code: CANONICAL.replace(/\n/g, "\r\n"),
      errors: [{ messageId: "lineEndings", message: "Not in the canonical layout: lines end with CRLF or CR, not LF.", line: 1, column: 24 }],
      output: CANONICAL,
    },
    {
      name: "a last line of spaces",
      code: CANONICAL + "  \n",
      errors: [{ messageId: "shorter", data: { line: 49 }, message: "Not in the canonical layout: the file would end before line 49.", line: 49, column: 1 }],
      output: CANONICAL,
    },
    {
      name: "a header comment without its blank line: comments are kept",
      code: "# A header.\n" + edit("status: active\n", "status: active # live\n"),
      errors: [{ messageId: "blank", data: { line: 2 }, message: "Not in the canonical layout: line 2 would be blank.", line: 2, column: 1 }],
      output: "# A header.\n\n" + edit("status: active\n", "status: active # live\n"),
    },
    {
      name: "a JSON event on one line",
      file: JSON_PATH,
      code: JSON.stringify(JSON.parse(EVENT_JSON)) + "\n",
      errors: [{ messageId: "layout", data: { line: 1, expected: "{" }, line: 1, column: 2 }],
      output: EVENT_JSON,
    },
    {
      name: "a JSON event with keys out of order",
      file: JSON_PATH,
      code: EVENT_JSON.replace('  "id": "ev-p6w7bxbz",\n  "status": "active",\n', '  "status": "active",\n  "id": "ev-p6w7bxbz",\n'),
      errors: [{ messageId: "keyOrder", data: { line: 3, expected: '  "id": "ev-p6w7bxbz",' }, line: 3, column: 4 }],
      output: EVENT_JSON,
    },
    {
      name: "a registry entry with keys out of order and a list in flow style",
      file: OUTLET_PATH,
      code: 'id: dw\nschema_version: "1.3.0"\nname: Deutsche Welle\nkind: broadcaster\ncountry: DEU\ndomains: [dw.com]\n',
      errors: [{ messageId: "layout", data: { line: 1, expected: 'schema_version: "1.3.0"' }, line: 1, column: 1 }],
      output: OUTLET,
    },
  ],
});
