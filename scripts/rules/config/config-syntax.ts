import type { FileRule } from "../types.ts";
import { configIssues } from "./problems.ts";

/** eventwire.config.yaml does not parse: it sets nothing. */
export const configSyntax: FileRule = {
  meta: {
    id: "config-syntax",
    family: "config",
    severity: "error",
    description: "The configuration file is well-formed YAML (1.2), one document, no key twice in a mapping; the first syntax error is reported.",
    help: "Fix the YAML at the marked place (indentation, quotes, colons); until then none of the configuration's settings apply.",
    messages: {
      syntax: "The configuration is not well-formed YAML: {{problem}}; none of its settings apply.",
      duplicateKey: "`{{key}}` appears twice in the same mapping; none of the configuration's settings apply.",
    },
  },
  scope: "file",
  check: (ctx) => configIssues("config-syntax", ctx),
};
