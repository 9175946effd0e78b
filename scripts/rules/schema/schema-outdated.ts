import { LATEST_VERSION } from "../../../schema/versions.ts";
import type { RecordRule } from "../types.ts";

export const schemaOutdated: RecordRule = {
  meta: {
    id: "schema-outdated",
    family: "schema",
    severity: "info",
    description: "A record written against an older schema version than the latest (it stays valid; releases migrate it).",
    help: "Run `eventwire migrate <file>` (or `npm run migrate -- <file>`) to rewrite it for the latest version; comments and key order are kept.",
    messages: {
      outdated: "This record is written against schema {{version}}; the latest is {{latest}}. It is still checked against {{version}}.",
    },
  },
  scope: "record",
  kinds: ["event", "actor", "outlet"],
  check: ({ version }) =>
    version === undefined || version === LATEST_VERSION
      ? []
      : [
          {
            pointer: "/schema_version",
            messageId: "outdated",
            data: { version, latest: LATEST_VERSION },
          },
        ],
};
