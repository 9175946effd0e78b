import { withSameKey } from "../../core/group.ts";
import type { DatasetRule } from "../types.ts";

export const idUnique: DatasetRule = {
  id: "id-unique",
  family: "dataset",
  severity: "error",
  scope: "dataset",
  description: "Every id is used by one record only (events, and each registry).",
  fix: "Give the newer record a fresh id (events: `eventwire new` mints one); never change the id of a published record.",
  check: ({ events, registryFiles }) => {
    const places = [...events.map((e) => ({ kind: "event", id: e.event.id, file: e.file })), ...registryFiles];
    return [...withSameKey(places, (p) => `${p.kind}:${p.id}`)].map(([p, others]) => ({
      file: p.file,
      pointer: "/id",
      message: `The id \`${p.id}\` is also used by ${others.map((o) => `\`${o.file}\``).join(", ")}.`,
      related: others.map((o) => ({ file: o.file, pointer: "/id" })),
    }));
  },
};
