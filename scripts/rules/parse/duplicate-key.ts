import type { FileRule } from "../types.ts";

export const duplicateKey: FileRule = {
  meta: {
    id: "duplicate-key",
    family: "parse",
    severity: "error",
    description: "No key appears twice in the same object (YAML or JSON); a parser would keep only one of them.",
    help: "Keep one of the two keys, merging their values by hand.",
    messages: {
      duplicateKey: "`{{key}}` appears twice in the same object.",
      duplicate: "This key appears twice in the same object.",
    },
  },
  scope: "file",
  check: ({ parse }) =>
    parse && !parse.ok
      ? parse.problems.filter((p) => p.kind === "duplicate-key").map((p) => ({ position: p.position, ...(p.key ? { messageId: "duplicateKey", data: { key: p.key } } : { messageId: "duplicate" }) }))
      : [],
};
