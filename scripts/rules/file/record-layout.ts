/**
 * record-layout (off by default): the record's text is in the canonical layout `eventwire format` writes
 * (dataset/canonical.ts: keys in schema order, two-space block style, LF, one final newline; comments kept).
 * Off unless `--rule record-layout=<level>` or eventwire.config.yaml turns it on: it parses each record in
 * full a second time (about 70 times the fast reader's cost). Its fix is the whole canonical text, which
 * `validate --fix` writes (what `eventwire format` would). A BOM is file-bom's finding and left out here, as
 * `format` leaves it out; a text the layout refuses (a number a double cannot hold, a lone surrogate,
 * anchors) gets no finding: number-exact, text-unicode and yaml-alias report it.
 */
import { visible } from "../../core/escape.ts";
import { canonicalText } from "../../dataset/canonical.ts";
import type { RecordRule, RuleIssue } from "../types.ts";

/** Lines quoted in a message are cut at this many characters. */
const QUOTED = 60;

export const recordLayout: RecordRule = {
  meta: {
    id: "record-layout",
    family: "file",
    severity: "warning",
    defaultOff: true,
    fixable: true,
    description: "The record is in the canonical layout `eventwire format` writes (keys in schema order, two-space block style, LF, one final newline).",
    help: "Run `eventwire format <file>` (or `eventwire validate --fix` with this rule on); comments are kept.",
    messages: {
      finalNewline: "Not in the canonical layout: the file does not end with exactly one newline.",
      lineEndings: "Not in the canonical layout: lines end with CRLF or CR, not LF.",
      indentation: "Not in the canonical layout: indentation (line {{line}} would read `{{expected}}`).",
      keyOrder: "Not in the canonical layout: keys or items not in the schema's order (line {{line}} would read `{{expected}}`).",
      layout: "Not in the canonical layout: line {{line}} would read `{{expected}}`.",
      blank: "Not in the canonical layout: line {{line}} would be blank.",
      shorter: "Not in the canonical layout: the file would end before line {{line}}.",
    },
  },
  scope: "record",
  kinds: ["event", "actor", "outlet"],
  check: ({ file, kind, doc }) => {
    if (!file.format) return [];
    const text = doc.text;
    const canonical = canonicalText(text, file.format, kind);
    if (!canonical.ok || canonical.text === text) return [];
    const expected = canonical.text;
    let at = 0;
    while (at < text.length && at < expected.length && text.charCodeAt(at) === expected.charCodeAt(at)) at++;
    // Where the texts part; a line break or the end there is marked as a point, not as the next line.
    const from = doc.lines.at(at);
    const position = at < text.length && text[at] !== "\n" ? doc.lines.range(at, at + 1) : { ...from, endLine: from.line, endColumn: from.column };
    const issue = (messageId: string, data?: Record<string, string | number>): RuleIssue[] => [
      { position, messageId, ...(data ? { data } : {}), fix: { pointer: "", value: null, text: expected } },
    ];
    if (/\r/.test(text) && text.replace(/\r\n?/g, "\n") === expected) return issue("lineEndings");
    if (text.replace(/\n*$/, "\n") === expected) return issue("finalNewline");
    const wanted = expected.split("\n");
    const line = position.line;
    if (line > wanted.length - 1) return issue("shorter", { line });
    if (wanted[line - 1] === "") return issue("blank", { line });
    const data = { line, expected: quoted(wanted[line - 1]!) };
    const have = text.split("\n");
    if (have.length === wanted.length && have.every((l, i) => l.trimStart() === wanted[i]!.trimStart())) return issue("indentation", data);
    if (have.length === wanted.length && [...have].sort().join("\n") === [...wanted].sort().join("\n")) return issue("keyOrder", data);
    return issue("layout", data);
  },
};

/** A line of the canonical text as a message quotes it: visible escapes, no backtick, cut when long. */
function quoted(line: string): string {
  const shown = visible(line).replace(/`/g, "'");
  return shown.length > QUOTED ? `${shown.slice(0, QUOTED)}...` : shown;
}
