import type { FileRule } from "../types.ts";
import { configIssues } from "./problems.ts";

/** A rule id in eventwire.config.yaml that is no rule (a typo, most often): never ignored, never applied. */
export const configRule: FileRule = {
  meta: {
    id: "config-rule",
    family: "config",
    severity: "error",
    description: "Every rule id the configuration file sets a severity for is a rule of docs/rules.md, other than the configuration's own (config-*).",
    help: "Use an id from docs/rules.md; the configuration's own rules take their severity from --rule only. The setting is not applied until then.",
    messages: {
      unknown: "There is no rule `{{id}}`; its setting is not applied.",
      unknownSuggest: "There is no rule `{{id}}`; did you mean `{{suggestion}}`? Its setting is not applied.",
      ownRule: "`{{id}}` judges the configuration itself, which cannot set its severity (a configuration cannot silence what is wrong with it); use --rule.",
    },
  },
  scope: "file",
  check: (ctx) => configIssues("config-rule", ctx),
};
