/** Generates docs/rules.md, the rule catalogue, from the rule modules' metadata. */
import { RULES } from "./index.ts";

export const CATALOGUE_PATH = "docs/rules.md";

const FAMILY_TITLES: Record<string, string> = {
  file: "Files",
  parse: "Parsing",
  schema: "Schema",
  record: "Records",
  dataset: "Across the dataset",
  config: "The configuration file",
  directive: "Inline directives",
};

export function generateCatalogue(): string {
  const out = [
    "# Rule catalogue",
    "",
    "<!-- Generated from scripts/rules/ by `npm run docs:rules`; do not edit by hand. -->",
    "",
    "Every finding of `eventwire validate` names one of these rules. Ids never change.",
    "Change a rule's severity with `--rule <id>=off|info|warn|error`, or in `eventwire.config.yaml` (`rules:`, and `overrides:` for some files; see README.md).",
    "Settle a finding with an inline `# eventwire-disable-next-line <id> -- <reason>` or in `eventwire-suppressions.json` (README, \"Settling findings\").",
    "A rule marked (fixable) computes the correction of some of its findings when it is sure of it: `validate --fix` applies those (`--fix-dry-run` shows them as a diff).",
    "A rule whose severity reads `off (<level> when on)` does not run unless `--rule <id>=<level>` or the configuration sets its level (the setting names the level; the one shown is the one suggested).",
    "",
  ];
  for (const family of Object.keys(FAMILY_TITLES)) {
    const rules = RULES.filter((r) => r.meta.family === family);
    if (rules.length === 0) continue;
    out.push(`## ${FAMILY_TITLES[family]}`, "", "| id | severity | what it checks | how to fix |", "| --- | --- | --- | --- |");
    for (const r of rules) out.push(`| \`${r.meta.id}\` | ${r.meta.defaultOff ? `off (${r.meta.severity} when on)` : r.meta.severity} | ${r.meta.description.replace(/\|/g, "\\|")} | ${r.meta.help.replace(/\|/g, "\\|")}${r.meta.fixable ? " (fixable)" : ""} |`);
    out.push("");
  }
  return out.join("\n");
}
