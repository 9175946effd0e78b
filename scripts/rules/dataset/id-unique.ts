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
    const places = (kind: string) => registryFiles.filter((r) => r.kind === kind);
    const repeated = [
      ...[...withSameKey(events, (e) => e.event.id)].map(([e, others]) => [{ id: e.event.id, file: e.file }, others.map((o) => ({ id: o.event.id, file: o.file }))] as const),
      ...withSameKey(places("actor"), (p) => p.id),
      ...withSameKey(places("outlet"), (p) => p.id),
    ];
    return repeated.map(([p, others]) => ({
      file: p.file,
      pointer: "/id",
      message: `The id \`${p.id}\` is also used by ${others.map((o) => `\`${o.file}\``).join(", ")}.`,
      related: others.map((o) => ({ file: o.file, pointer: "/id" })),
    }));
  },
};
