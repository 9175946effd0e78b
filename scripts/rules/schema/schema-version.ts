import { SCHEMA_VERSIONS, LATEST_VERSION } from "../../../schema/versions.ts";
import type { RecordRule } from "../types.ts";

export const schemaVersion: RecordRule = {
  id: "schema-version",
  family: "schema",
  severity: "error",
  scope: "record",
  kinds: ["event", "actor", "outlet"],
  description: "Every record names, in `schema_version`, a schema version the toolkit knows.",
  help: `Set \`schema_version: "${LATEST_VERSION}"\` (the versions are the folders of schema/).`,
  check: ({ record, version }) => {
    if (version !== undefined) return [];
    const given = record.schema_version;
    if (given === undefined)
      return [{ pointer: "", target: "key", message: "The record does not say which schema version it follows (`schema_version`)." }];
    return [
      {
        pointer: "/schema_version",
        message: `\`schema_version\` is \`${String(given)}\`, which is not a known schema version (known: ${SCHEMA_VERSIONS.join(", ")}).`,
        hint: typeof given === "number" ? `Write it as a quoted string: schema_version: "${LATEST_VERSION}".` : undefined,
      },
    ];
  },
};
