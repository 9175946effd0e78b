import type { FileRule } from "../types.ts";
import { configIssues } from "./problems.ts";

/** A key or value of eventwire.config.yaml that its schema (schema/eventwire.config.schema.json) rejects: not applied. */
export const configSchema: FileRule = {
  meta: {
    id: "config-schema",
    family: "config",
    severity: "error",
    description: "Every key and value of the configuration file is one its JSON Schema (schema/eventwire.config.schema.json) allows: `rules`, `overrides`, `ignores` and `validate`, each of its type.",
    help: "Write it as the schema says (README.md, \"Configuration\", has an example); what is wrong is not applied, the rest of the configuration is.",
    messages: {
      type: "{{place}} must be {{expected}}; got {{found}}.",
      unknownKey: "`{{key}}` is not a key of {{place}} (it has {{keys}}).",
      unknownKeySuggest: "`{{key}}` is not a key of {{place}}; did you mean `{{suggestion}}`?",
      missing: "{{place}} has no `{{key}}`: it applies to nothing.",
      severity: "{{place}} must be a severity: off, info, warn or error; got {{found}}.",
      verboseQuiet: "`validate` sets both `verbose` and `quiet`, which cannot go together; neither applies.",
    },
  },
  scope: "file",
  check: (ctx) => configIssues("config-schema", ctx),
};
