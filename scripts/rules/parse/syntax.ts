import type { FileRule } from "../types.ts";

export const syntax: FileRule = {
  id: "syntax",
  family: "parse",
  severity: "error",
  scope: "file",
  description: "The file is well-formed YAML (1.2) or JSON, one document a file.",
  fix: "Fix the syntax at the marked place: check indentation, quotes, colons and commas.",
  check: ({ parse }) =>
    parse && !parse.ok
      ? parse.problems
          .filter((p) => p.kind === "syntax" || p.kind === "multiple-documents")
          .map((p) => ({ position: p.position, message: p.kind === "multiple-documents" ? "A record file holds one document; this one has several (`---`)." : `Syntax error: ${p.message}.` }))
      : [],
};
