/** date-order: valid and invalid cases, one rule on a record in memory (test/helpers/rule-tester.ts). */
import { dateOrder } from "../../scripts/rules/record/date-order.ts";
import { editEvent } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

ruleTester(dateOrder, {
  valid: [
    { name: "an end that is a number (the schema's finding): passed over", failsSchema: true, code: editEvent('start: "2023-02-28"\n', 'start: "2023-02-28"\n  end: 5\n') },
    { name: "a start that is a list (the schema's finding): passed over", failsSchema: true, code: editEvent('start: "2023-02-28"\n', 'start: ["2023-02-28"]\n  end: "2023-02-27"\n') },
    { name: "an end of another shape (the schema's finding): passed over", failsSchema: true, code: editEvent('start: "2023-02-28"\n', 'start: "2023-02-28"\n  end: "yesterday"\n') },
    {
      name: "offices that are no objects, an office date that is a number",
      failsSchema: true,
      code: 'schema_version: "1.3.0"\nid: antony-blinken\nname: Antony Blinken\nkind: person\ncountry: USA\noffices:\n  - null\n  - title: US Secretary of State\n    from: 20210126\n    to: "2020-01-20"\n',
      file: "data/actors/antony-blinken.yaml",
    },
    { name: "an end after the start", code: editEvent("start: \"2023-02-28\"\n", "start: \"2023-02-28\"\n  end: \"2023-03-01\"\n") },
  ],
  invalid: [
    {
      name: "an end before the start while `title` is missing",
      failsSchema: true,
      code: editEvent("title: Blinken meets the five Central Asian foreign ministers\n", "", editEvent('start: "2023-02-28"\n', 'start: "2023-02-28"\n  end: "2023-02-27"\n')),
      errors: [{ messageId: "endBeforeStart", data: { end: "2023-02-27", start: "2023-02-28" }, line: 7, column: 8 }],
    },
    {
      name: "an office that ends before it starts, of an actor whose kind is none of the schema's",
      failsSchema: true,
      code: 'schema_version: "1.3.0"\nid: antony-blinken\nname: Antony Blinken\nkind: persn\ncountry: USA\noffices:\n  - title: US Secretary of State\n    from: "2021-01-26"\n    to: "2020-01-20"\n',
      file: "data/actors/antony-blinken.yaml",
      errors: [{ messageId: "toBeforeFrom", data: { index: 0, to: "2020-01-20", from: "2021-01-26" }, line: 9, column: 9 }],
    },
    {
      name: "an end before the start",
      code: editEvent("start: \"2023-02-28\"\n", "start: \"2023-02-28\"\n  end: \"2023-02-27\"\n"),
      errors: [
        { messageId: "endBeforeStart", data: {end: "2023-02-27",start: "2023-02-28"}, message: "`date.end` (2023-02-27) is before `date.start` (2023-02-28).", line: 8, column: 8 },
      ],
    },
    {
      name: "an office that ends before it starts",
      code: 'schema_version: "1.3.0"\nid: antony-blinken\nname: Antony Blinken\nkind: person\ncountry: USA\noffices:\n  - title: US Secretary of State\n    from: "2021-01-26"\n    to: "2020-01-20"\n', file: "data/actors/antony-blinken.yaml",
      errors: [
        { messageId: "toBeforeFrom", data: {index: 0,to: "2020-01-20",from: "2021-01-26"}, message: "`offices[0].to` (2020-01-20) is before `offices[0].from` (2021-01-26).", line: 9, column: 9 },
      ],
    },
  ],
});
