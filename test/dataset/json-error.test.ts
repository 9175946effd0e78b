/**
 * Every JSON syntax error lands on its real line and column: V8's position
 * where its message names one, the token jsonc-parser finds for "Unexpected
 * token" (V8 names none: 5 of 9 such errors were placed at the end of the
 * file), and where the input stops for "Unexpected end of JSON input".
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { showToken } from "../../scripts/dataset/json-error.ts";
import { parseRecord } from "../../scripts/dataset/parse.ts";

/** The one syntax problem of a JSON text, as `line:column message`. */
function problem(text: string): string {
  const r = parseRecord(text, "json");
  assert.ok(!r.ok, "the text is refused");
  if (r.ok) return "";
  assert.is(r.problems.length, 1);
  const [p] = r.problems;
  assert.is(p!.kind, "syntax");
  return `${p!.position.line}:${p!.position.column} ${p!.message}`;
}

// [what, the text, where and what], one a kind of message Node 20's JSON.parse gives.
const CASES: [string, string, string][] = [
  // "... in JSON at position N": V8's offset.
  ["a trailing comma in an object", '{\n  "a": 1,\n}\n', "3:1 Expected double-quoted property name"],
  ["a missing comma between properties", '{\n  "a": 1\n  "b": 2\n}\n', "3:3 Expected ',' or '}' after property value"],
  ["a single-quoted key", "{\n  'a': 1\n}\n", "2:3 Expected property name or '}'"],
  ["a key without quotes", '{\n  a: 1\n}\n', "2:3 Expected property name or '}'"],
  ["a comment", '{\n  // c\n  "a": 1\n}\n', "2:3 Expected property name or '}'"],
  ["a missing colon", '{\n  "a" 1\n}\n', "2:7 Expected ':' after property name"],
  ["a missing comma between array elements", '[\n  1\n  2\n]\n', "3:3 Expected ',' or ']' after array element"],
  ["a bracket closed by a brace", '{\n  "a": [1}\n', "2:10 Expected ',' or ']' after array element"],
  ["a string left open at a line break", '{\n  "a": "abc\n}\n', "2:12 Bad control character in string literal"],
  ["a tab in a string", '{\n  "a": "a\tb"\n}\n', "2:10 Bad control character in string literal"],
  ["a NUL in a string", '{"a": "\u0000"}', "1:8 Bad control character in string literal"],
  ["a bad escape", '{\n  "a": "a\\qb"\n}\n', "2:11 Bad escaped character"],
  ["a bad Unicode escape", '{\n  "a": "a\\u12G4"\n}\n', "2:14 Bad Unicode escape"],
  ["a number with a leading zero", '{\n  "a": 01\n}\n', "2:9 Unexpected number"],
  ["a hexadecimal number", '{\n  "a": 0x10\n}\n', "2:9 Expected ',' or '}' after property value"],
  ["a fraction without digits", '{\n  "a": 1.\n}\n', "2:10 Unterminated fractional number"],
  ["an exponent without digits", '{\n  "a": 1e\n}\n', "2:10 Exponent part is missing a number"],
  ["a minus sign alone", '{\n  "a": -\n}\n', "2:9 No number after minus sign"],
  ["text after the value", '{\n  "a": 1\n}\nx\n', "4:1 Unexpected non-whitespace character after JSON"],
  ["two documents", "{}\n{}\n", "2:1 Unexpected non-whitespace character after JSON"],
  // At the end of the text: just after its last character, never on a blank line past it.
  ["an object left open", '{\n  "a": 1\n\n', "2:9 Expected ',' or '}' after property value"],
  ["a string left open at the end", '{\n  "a": "abc', "2:12 Unterminated string"],
  ["a key left without its colon at the end", '{\n  "a"', "2:6 Expected ':' after property name"],
  // "Unexpected token": the token, found by jsonc-parser, and named.
  ["a plus sign", '{\n  "a": +1\n}\n', "2:8 Unexpected token '+1'"],
  ["NaN", '{\n  "a": NaN\n}\n', "2:8 Unexpected token 'NaN'"],
  ["a cut literal", '{\n  "a": tru\n}\n', "2:8 Unexpected token 'tru'"],
  ["a capitalised literal", '{\n  "a": True\n}\n', "2:8 Unexpected token 'True'"],
  ["a single-quoted value", "{\n  \"a\": 'x'\n}\n", "2:8 Unexpected token `'x'`"],
  ["a number without its zero", '{\n  "a": .5\n}\n', "2:8 Unexpected token '.5'"],
  ["a trailing comma in an array", "[\n  1,\n  2,\n]\n", "4:1 Unexpected token ']'"],
  ["a closing brace first", "}\n", "1:1 Unexpected token '}'"],
  ["a no-break space", '{\n  "a":\u00a01\n}\n', "2:7 Unexpected token U+00A0"],
  ["a byte order mark", '\ufeff{"a": 1}\n', "1:1 Unexpected token U+FEFF"],
  ["NaN after a long string (V8 quotes only some context)", `{\n  "k": "${"x".repeat(2000)}",\n  "a": NaN\n}\n`, "3:8 Unexpected token 'NaN'"],
  // "Unexpected end of JSON input": where the input stops.
  ["an empty file", "", "1:1 Unexpected end of JSON input"],
  ["a blank file", "  \n\n", "1:1 Unexpected end of JSON input"],
  ["a value missing at the end", '{\n  "a":\n\n', "2:7 Unexpected end of JSON input"],
  ["an escape cut by the end", '{"a": "\\', "1:9 Unexpected end of JSON input"],
];

test("JSON syntax errors: each kind of message at its real line and column", () => {
  for (const [what, text, expected] of CASES) assert.is(problem(text), expected, what);
});

test("JSON syntax errors: the message never holds the file's text", () => {
  const text = `{\n  "secret": "${"s".repeat(50)}",\n  "a": +1\n}\n`;
  assert.is(problem(text), "3:8 Unexpected token '+1'");
});

test("showToken: visible tokens quoted, invisible ones by code point, long ones cut", () => {
  assert.is(showToken("NaN"), "'NaN'");
  assert.is(showToken("'x'"), "`'x'`");
  assert.is(showToken("\t"), "U+0009");
  assert.is(showToken("\ufeff"), "U+FEFF");
  assert.is(showToken("a".repeat(50)), `'${"a".repeat(40)}...'`);
});

test.run();
