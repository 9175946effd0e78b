/** The escapers of core/escape.ts and core/markdown.ts, one for each place text lands. */
import { execFileSync } from "node:child_process";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { displayText, guardLine, guardLines, shellQuote, visible } from "../../scripts/core/escape.ts";
import { codeSpan, markdownText, markdownWithCode } from "../../scripts/core/markdown.ts";

test("visible: control characters, separators and direction controls as escapes; the rest as it is", () => {
  assert.is(visible("plain text, é, 日本, 🙂"), "plain text, é, 日本, 🙂");
  assert.is(visible("a\nb\rc\td"), "a\\nb\\rc\\td");
  assert.is(visible("\u001b[2J\u0007\u0000\u007f"), "\\x1b[2J\\x07\\x00\\x7f");
  assert.is(visible("\u0085\u009b31m"), "\\x85\\x9b31m", "C1 controls, CSI among them");
  assert.is(visible("\u2028\u2029\u202e\u2066\u200f\u061c"), "\\u2028\\u2029\\u202e\\u2066\\u200f\\u061c");
  assert.is(visible("a\\nb"), "a\\nb", "a backslash is left as it is: messages and shell hints hold their own");
  assert.is(visible("a\u200bb\ufeffc\u00add\u2060e"), "a\\u200bb\\ufeffc\\xadd\\u2060e", "invisible characters");
  assert.is(visible("\ud83d!"), "\\ud83d!", "a lone surrogate");
  assert.is(visible("x\udc00"), "x\\udc00");
  assert.not.match(visible("\u0000\u001f\u007f\u0080\u009f"), /[\u0000-\u001f\u007f-\u009f]/);
});

test("guardLine: no line starts a workflow command, spaces or colour codes before it included", () => {
  for (const line of ["::error::x", "  ::warning file=a::b", "\t::notice::c", "\u001b[1m::error::x"]) {
    const guarded = guardLine(line);
    assert.not.match(guarded, /^(?:\s|\u001b\[[0-9;]*m)*::/, line);
    assert.ok(guarded.includes("\\x3a:"), guarded);
  }
  assert.is(guardLine("a ::error::x"), "a ::error::x", "only the start of a line counts");
  assert.is(guardLines("ok\n::error::x\nok"), "ok\n\\x3a:error::x\nok");
  assert.is(displayText("ev-x\n::error file=README.md::FORGED"), "ev-x\\n::error file=README.md::FORGED");
  assert.is(displayText("::error::x"), "\\x3a:error::x");
});

test("shellQuote: what a POSIX shell reads back is the word, whatever it holds", () => {
  assert.is(shellQuote("data/events/2023/02/ev-abc.yaml"), "data/events/2023/02/ev-abc.yaml");
  assert.is(shellQuote("a b"), "'a b'");
  assert.is(shellQuote("it's"), "'it'\\''s'");
  assert.is(shellQuote(""), "''");
  assert.is(shellQuote("-rf"), "'-rf'");
  for (const word of ["$(touch /tmp/pwned)", "`id`", "a'b\"c", "x;y|z&w>v<u", "*?[a]~{b,c}", "new\nline", "$HOME", "-n", "ev-'$(touch PWNED)'.yaml", "a\\b\\n%s%%", "ev-x\n::error file=README.md::FORGED\u001b[2J'$(id)'\\%d.yaml", "\u202eevil\u200b日本\r\t"]) {
    const quoted = shellQuote(word);
    // Printed through a report, the hint is unchanged: what is pasted is what was quoted.
    assert.is(visible(quoted), quoted, word);
    const echoed = execFileSync("/bin/sh", ["-c", `printf '%s' ${quoted}`], { encoding: "utf8" });
    assert.is(echoed, word, word);
  }
  assert.is(shellQuote("ev-\n.yaml"), `"$(printf 'ev-\\012.yaml')"`);
});

test("markdownText: data renders as its characters, on one line", () => {
  assert.is(markdownText("plain words, 5 of them."), "plain words, 5 of them.");
  assert.is(markdownText("`code` *em* _em_ ~~s~~ [l](u) ![i](u) $x$ a|b"), "\\`code\\` \\*em\\* \\_em\\_ \\~\\~s\\~\\~ \\[l\\](u) \\!\\[i\\](u) \\$x\\$ a\\|b");
  assert.is(markdownText("<script>&amp;"), "&lt;script&gt;&amp;amp;");
  assert.is(markdownText("a\nb"), "a\\\\nb", "a line break is shown as \\n, its backslash escaped");
  assert.is(markdownText("back\\slash"), "back\\\\slash");
});

test("codeSpan: a fence longer than any backtick run inside, padded where the text starts or ends with one", () => {
  assert.is(codeSpan("actor:<id>"), "`actor:<id>`", "no entity inside code: it would show as written");
  assert.is(codeSpan("a`b"), "``a`b``");
  assert.is(codeSpan("a``b```c"), "````a``b```c````");
  assert.is(codeSpan("`x"), "`` `x ``");
  assert.is(codeSpan("x "), "` x  `");
  assert.is(codeSpan("a|b", true), "`a\\|b`", "in a table a pipe is escaped even in code");
  assert.is(codeSpan("a\nb"), "`a\\nb`");
  assert.is(codeSpan(""), "");
});

test("markdownWithCode: the toolkit's own Markdown keeps its code spans, and stays in its cell", () => {
  assert.is(markdownWithCode("`actor:<id>` joined with `|`\nnext", true), "`actor:<id>` joined with `\\|` next");
  assert.is(markdownWithCode("a | b `c", true), "a \\| b \\`c", "an unmatched backtick is text");
});

test.run();
