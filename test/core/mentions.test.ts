/** @mentions in comments that repeat someone's text: broken outside code, left alone inside it. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { withoutMentions } from "../../scripts/core/mentions.ts";
import { codeSpan, markdownText } from "../../scripts/core/markdown.ts";

const WJ = "\u2060";

test("a user or team mention in text gets a word joiner after its @; an address or a lone @ is left", () => {
  assert.is(withoutMentions("hi @octocat and @github/security"), `hi @${WJ}octocat and @${WJ}github/security`);
  assert.is(withoutMentions("**@octocat**, (@a-b_c)"), `**@${WJ}octocat**, (@${WJ}a-b_c)`);
  assert.is(withoutMentions("an @ alone, @@"), "an @ alone, @@");
  // Escaped as data first (markdownText leaves `@`): the mention is still broken.
  assert.is(withoutMentions(markdownText("`@x` and \\@y")), `\\\`@${WJ}x\\\` and \\\\@${WJ}y`);
});

test("code spans and fenced blocks are left as they are (GitHub makes no mention in code)", () => {
  assert.is(withoutMentions(`see ${codeSpan("@octocat")} and @octocat`), `see \`@octocat\` and @${WJ}octocat`);
  assert.is(withoutMentions("``a ` @x`` @y"), `\`\`a \` @x\`\` @${WJ}y`);
  // A backtick that opens no span (none closes it) is text: what follows is still checked.
  assert.is(withoutMentions("` @x"), `\` @${WJ}x`);
  const block = ["@a", "````yaml", "title: @b", "```", "still @c", "````", "@d"].join("\n");
  assert.is(withoutMentions(block), [`@${WJ}a`, "````yaml", "title: @b", "```", "still @c", "````", `@${WJ}d`].join("\n"));
});

test.run();
