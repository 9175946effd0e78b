import type { FileRule } from "../types.ts";

export const syntax: FileRule = {
  meta: {
    id: "syntax",
    family: "parse",
    severity: "error",
    description: "The file is well-formed YAML (1.2) or JSON, one document a file; the first syntax error is reported.",
    help: "Fix the syntax at the marked place: check indentation, quotes, colons and commas.",
    messages: {
      multipleDocuments: "A record file holds one document; this one has several (`---`).",
      syntax: "Syntax error: {{problem}}.",
    },
  },
  scope: "file",
  check: ({ parse }) =>
    parse && !parse.ok
      ? parse.problems
          .filter((p) => p.kind === "syntax" || p.kind === "multiple-documents")
          // The first syntax error is the real one; the parser's later errors are mostly its consequences.
          .slice(0, 1)
          .map((p) => ({ position: p.position, ...(p.kind === "multiple-documents" ? { messageId: "multipleDocuments" } : { messageId: "syntax", data: { problem: p.message } }) }))
      : [],
};
