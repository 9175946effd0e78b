import type { FileRule } from "../types.ts";

export const yamlTag: FileRule = {
  meta: {
    id: "yaml-tag",
    family: "parse",
    severity: "error",
    description: "Records use plain YAML: no custom or unknown tags (`!something`).",
    help: "Remove the tag; write the value as a plain string, number or list.",
    messages: {
      tag: "Tags are not allowed in records: {{problem}}.",
    },
  },
  scope: "file",
  check: ({ parse }) =>
    parse && !parse.ok
      ? parse.problems.filter((p) => p.kind === "tag").map((p) => ({ position: p.position, messageId: "tag", data: { problem: p.message } }))
      : [],
};
