/** A finding's words: the rule's message with its placeholders filled; a rule's mistake throws. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { formatMessage, helpOf, messageOf } from "../../scripts/rules/format.ts";

const rule = { meta: { id: "x-rule", help: "The rule's help.", messages: { found: "`{{ id }}` is {{what}}.", plain: "No placeholder.", helpFor: "Fix {{id}}." } } };

test("placeholders are filled from data, values kept as they are ($& and {{...}} in a value are not patterns)", () => {
  assert.is(formatMessage(rule, "found", { id: "a$&b", what: "{{id}}" }), "`a$&b` is {{id}}.");
  assert.is(formatMessage(rule, "found", { id: 3, what: "odd" }), "`3` is odd.");
  assert.is(formatMessage(rule, "plain"), "No placeholder.");
});

test("an unknown message id, or a placeholder without data, throws", () => {
  assert.throws(() => formatMessage(rule, "missing", {}), /x-rule: no message "missing"/);
  assert.throws(() => formatMessage(rule, "toString", {}), /no message "toString"/);
  assert.throws(() => formatMessage(rule, "found", { id: "a" }), /x-rule: message "found" needs data\.what/);
});

test("an issue's message, and its help: its own (helpId) or the rule's", () => {
  const issue = { messageId: "found", data: { id: "a", what: "odd" } };
  assert.is(messageOf(rule, issue), "`a` is odd.");
  assert.is(helpOf(rule, issue), "The rule's help.");
  assert.is(helpOf(rule, { ...issue, helpId: "helpFor" }), "Fix a.");
});

test.run();
