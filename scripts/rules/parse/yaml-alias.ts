import { MAX_ALIAS_COUNT } from "../../dataset/parse.ts";
import type { FileRule } from "../types.ts";

export const yamlAlias: FileRule = {
  meta: {
    id: "yaml-alias",
    family: "parse",
    severity: "error",
    description: `YAML anchors and aliases resolve and expand to at most ${MAX_ALIAS_COUNT} nodes.`,
    help: "Write the value out instead of using `&anchor` / `*alias`.",
    messages: {
      alias: "Alias problem: {{problem}}.",
    },
  },
  scope: "file",
  check: ({ parse }) =>
    parse && !parse.ok
      ? parse.problems.filter((p) => p.kind === "alias").map((p) => ({ position: p.position, messageId: "alias", data: { problem: p.message } }))
      : [],
};
