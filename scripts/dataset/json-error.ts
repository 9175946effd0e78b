/**
 * Where a JSON syntax error is. JSON.parse stays the parser (it is the fast
 * path, and its message says what is wrong), but V8 names a position for only
 * some of its messages: "Unexpected token 'x', ... is not valid JSON" and
 * "Unexpected end of JSON input" have none, and were placed at the end of the
 * file. Only once JSON.parse has failed, jsonc-parser (VS Code's JSON
 * scanner, strict options: no comments, no trailing commas) finds the token.
 *
 * Node 20's messages, and where each is placed:
 * - "... in JSON at position N" (Expected property name or '}', Expected ','
 *   or '}' after property value, Expected ',' or ']' after array element,
 *   Expected ':' after property name, Expected double-quoted property name,
 *   Unterminated string, Bad control character in string literal, Bad
 *   escaped character, Bad Unicode escape, Unexpected number, Unexpected
 *   string, No number after minus sign, Unterminated fractional number,
 *   Exponent part is missing a number, Unexpected non-whitespace character
 *   after JSON): at N, V8's own offset.
 * - "Unexpected token ..., "<the text>" is not valid JSON": at the token
 *   jsonc-parser finds (the whole of it: `tru`, `NaN`, `+1`, a `]` after a
 *   comma), named in the message instead of the text.
 * - "Unexpected end of JSON input": just after the last character that is not
 *   white space, where the input stops (1:1 for an empty file).
 * A place after the last such character (V8 names the end for an object left
 * open) is moved back to just after it: a report's line is never a blank one
 * past the end.
 */
import { createRequire } from "node:module";

export interface JsonSyntaxError {
  message: string;
  /** Offsets (UTF-16 code units) of the wrong text: `end` > `start`, or equal at the end of the text. */
  start: number;
  end: number;
}

interface JsoncParser {
  visit(text: string, visitor: { onError?: (error: number, offset: number, length: number) => void }, options: { disallowComments: boolean; allowTrailingComma: boolean; allowEmptyContent: boolean }): unknown;
}

/** Loaded on first use: a run without a broken JSON file never needs it. */
let jsonc: JsoncParser | undefined;
const jsoncParser = () => (jsonc ??= createRequire(import.meta.url)("jsonc-parser") as JsoncParser);

/** The offset after the last character that is not JSON white space (0 for a blank text). */
function contentEnd(text: string): number {
  let end = text.length;
  while (end > 0 && " \t\n\r".includes(text[end - 1]!)) end--;
  return end;
}

/** The first error jsonc-parser finds, strict: offset and length. */
function firstJsoncError(text: string): { offset: number; length: number } | undefined {
  let first: { offset: number; length: number } | undefined;
  jsoncParser().visit(
    text,
    {
      onError: (_error, offset, length) => {
        first ??= { offset, length };
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  return first;
}

/** A token as a message names it: quoted (its visible start), or by code point when it cannot be seen (a BOM, a tab, a line break). */
export function showToken(token: string): string {
  const visible = /^[\p{L}\p{N}\p{P}\p{S}]+/u.exec(token)?.[0];
  if (visible === undefined) return `U+${(token.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
  const chars = [...visible];
  const shown = chars.length > 40 ? `${chars.slice(0, 40).join("")}...` : visible;
  return shown.includes("'") ? `\`${shown}\`` : `'${shown}'`;
}

/** The message and place of the error JSON.parse threw for `text` (its message given). */
export function jsonSyntaxError(text: string, v8Message: string): JsonSyntaxError {
  const end = contentEnd(text);
  const clamp = (offset: number) => (offset >= end ? end : offset);
  // "... in JSON at position N", or "... after JSON at position N".
  const positional = /^(.*?)(?: in JSON)? at position (\d+)/s.exec(v8Message);
  if (positional) {
    const at = clamp(Number(positional[2]));
    return { message: positional[1]!, start: at, end: Math.min(at + 1, text.length) };
  }
  if (/^Unexpected token/.test(v8Message)) {
    const found = firstJsoncError(text);
    if (found && found.offset < end) {
      const length = Math.max(1, Math.min(found.length, end - found.offset));
      return { message: `Unexpected token ${showToken(text.slice(found.offset, found.offset + length))}`, start: found.offset, end: found.offset + length };
    }
  }
  // "Unexpected end of JSON input", or a message no Node version gave before: where the input stops.
  const message = v8Message.split("\n")[0]!.replace(/, ".*$/, "").replace(/\s*\(line \d+ column \d+\)$/, "");
  return { message, start: end, end };
}
