/** `validate --fix-dry-run`: the fixes as a unified diff, with git's a/ and b/ paths. */
import { createTwoFilesPatch } from "diff";
import { guardLine, visible } from "../core/escape.ts";

/**
 * A unified diff of each file's text before and after, in the order given.
 * Paths and lines are contributors' text: control characters show as visible
 * escapes (tabs kept) and no line starts a workflow command, as in `migrate
 * --dry-run`; a file whose lines hold none applies with `git apply`.
 */
export function formatFixDiff(files: readonly { file: string; before: string; after: string }[]): string {
  let out = "";
  for (const { file, before, after } of files) {
    const patch = createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, undefined, undefined, { context: 3 });
    // The package's first line (a row of `=`) is no part of a unified diff: git's is the `diff --git` line.
    const lines = patch.split("\n").filter((line, i) => !(i === 0 && /^=+$/.test(line)));
    out += guardLine(visible(`diff --git a/${file} b/${file}`)) + "\n" + lines.map((line) => guardLine(line.split("\t").map(visible).join("\t"))).join("\n");
    if (!out.endsWith("\n")) out += "\n";
  }
  return out;
}
