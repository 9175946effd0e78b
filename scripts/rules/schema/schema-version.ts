import { SCHEMA_VERSIONS, LATEST_VERSION } from "../../../schema/versions.ts";
import type { RecordRule, RuleIssue } from "../types.ts";

export const schemaVersion: RecordRule = {
  meta: {
    id: "schema-version",
    family: "schema",
    severity: "error",
    fixable: true,
    description: "Every record names, in `schema_version`, a schema version the toolkit knows.",
    help: `Set \`schema_version: "${LATEST_VERSION}"\` (the versions are the folders of schema/).`,
    messages: {
      missing: "The record does not say which schema version it follows (`schema_version`).",
      unknown: "`schema_version` is `{{given}}`, which is not a known schema version (known: {{known}}).",
      quote: "Write it as a quoted string: schema_version: \"{{latest}}\".",
    },
  },
  scope: "record",
  kinds: ["event", "actor", "outlet"],
  check: ({ record, version }) => {
    if (version !== undefined) return [];
    const given = record.schema_version;
    if (given === undefined)
      return [{ pointer: "", target: "key", messageId: "missing" }];
    const issue: RuleIssue = { pointer: "/schema_version", messageId: "unknown", data: { given: String(given), known: SCHEMA_VERSIONS.join(", "), latest: LATEST_VERSION } };
    if (typeof given !== "number") return [issue];
    // YAML read `1.2` as a number: the version it stands for, when exactly one is written so (1.2.0), is the fix.
    const meant = SCHEMA_VERSIONS.filter((v) => Number.parseFloat(v) === given);
    return [{ ...issue, helpId: "quote", ...(meant.length === 1 ? { fix: { pointer: "/schema_version", value: meant[0] } } : {}) }];
  },
};
