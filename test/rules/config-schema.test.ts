/** config-schema: a key or value of the configuration its schema rejects (test/helpers/rule-tester.ts). */
import { configSchema } from "../../scripts/rules/config/config-schema.ts";
import "../../scripts/rules/index.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

const file = "eventwire.config.yaml";

ruleTester(configSchema, {
  valid: [
    {
      name: "every key",
      file,
      code: [
        "rules:",
        "  evidence-event-type: warn",
        "  file-bom: warning",
        "overrides:",
        "  - files: [data/events/2021/**]",
        "    rules:",
        "      date-future: off",
        "ignores: [data/drafts/**]",
        "validate:",
        "  format: json",
        "  max-warnings: 0",
        "  max-diagnostics: 20",
        "  verbose: false",
        "  quiet: true",
        "",
      ].join("\n"),
    },
    { name: "an unknown rule id is config-rule's", file, code: "rules:\n  no-such-rule: off\n" },
  ],
  invalid: [
    {
      name: "a list where a mapping goes",
      file,
      code: "- rules\n",
      errors: [{ messageId: "type", message: "The configuration must be a mapping (`key: value` lines); got a list.", line: 1, column: 1 }],
    },
    {
      name: "a severity that is none",
      file,
      code: "rules:\n  file-bom: loud\n",
      errors: [{ messageId: "severity", message: "`rules.file-bom` must be a severity: off, info, warn or error; got the text `loud`.", line: 2, column: 13 }],
    },
    {
      name: "a word of Object.prototype as a severity, and as a key",
      file,
      code: "rules:\n  file-bom: constructor\n__proto__:\n  rules: {}\n",
      errors: [
        { messageId: "severity", data: { place: "`rules.file-bom`", found: "the text `constructor`" }, line: 2, column: 13 },
        { messageId: "unknownKey", data: { key: "__proto__", place: "the configuration", keys: "`rules`, `overrides`, `ignores`, `validate`" }, line: 3, column: 1 },
      ],
    },
    {
      name: "a key the configuration does not have",
      file,
      code: "rules:\n  file-bom: off\nsettings:\n  x: 1\n",
      errors: [{ messageId: "unknownKey", message: "`settings` is not a key of the configuration (it has `rules`, `overrides`, `ignores`, `validate`).", line: 3, column: 1 }],
    },
    {
      name: "a misspelt key",
      file,
      code: "validate:\n  max-warning: 0\n",
      errors: [{ messageId: "unknownKeySuggest", message: "`max-warning` is not a key of `validate`; did you mean `max-warnings`?", line: 2, column: 3 }],
    },
    {
      name: "an override without files",
      file,
      code: "overrides:\n  - rules:\n      file-bom: off\n",
      errors: [{ messageId: "missing", message: "`overrides[0]` has no `files`: it applies to nothing.", line: 2, column: 5 }],
    },
    {
      name: "a glob given as text, not a list; a number as text",
      file,
      code: "ignores: data/drafts/**\nvalidate:\n  max-warnings: '10'\n",
      errors: [
        { messageId: "type", data: { place: "`ignores`", expected: "a list of globs (`- data/events/2021/**`)", found: "the text `data/drafts/**`" }, line: 1, column: 10 },
        { messageId: "type", message: "`validate.max-warnings` must be a whole number (0 or more); got the text `10`.", line: 3, column: 17 },
      ],
    },
    {
      name: "verbose and quiet together",
      file,
      code: "validate:\n  verbose: true\n  quiet: true\n",
      errors: [{ messageId: "verboseQuiet", message: "`validate` sets both `verbose` and `quiet`, which cannot go together; neither applies.", line: 3, column: 3 }],
    },
  ],
});
