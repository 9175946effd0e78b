/**
 * The issue forms under .github/ISSUE_TEMPLATE/ are what GitHub accepts (a
 * form it refuses is left out of the "New issue" page without a word), by the
 * rules its documentation states (test/helpers/issue-form-syntax.ts), each rule
 * tested here on its own invalid case first.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { TOOLKIT_ROOT } from "../../scripts/core/paths.ts";
import { issueConfigErrors, issueFormErrors } from "../helpers/issue-form-syntax.ts";

const FOLDER = path.join(TOOLKIT_ROOT, ".github/ISSUE_TEMPLATE");

const form = (body: string, top = "name: Report\ndescription: An event\n") => `${top}body:\n${body}`;
const input = (label: string, extra = "") => `  - type: input\n${extra}    attributes:\n      label: "${label}"\n`;

test("a minimal form passes", () => {
  assert.equal(issueFormErrors(form(input("Date"))), []);
});

const INVALID: [string, string, string][] = [
  ["no name", "description: x\nbody:\n" + input("Date"), "required top level key `name` is missing"],
  ["an empty description", form(input("Date"), 'name: R\ndescription: "  "\n'), "`description` must be a string"],
  ["a key GitHub does not know", form(input("Date"), "name: R\ndescription: x\nhello: world\n"), "`hello` is not a permitted key"],
  ["a boolean key", form(input("Date"), "name: R\ndescription: x\nyes: 1\n"), "`true` is a forbidden key"],
  ["markdown only", form("  - type: markdown\n    attributes:\n      value: hi\n"), "body must contain at least one non-markdown field"],
  ["no body", "name: R\ndescription: x\n", "body cannot be empty"],
  ["two ids alike", form(input("A", "    id: d\n") + input("B", "    id: d\n")), "body[1]: body must have unique ids (`d`)"],
  ["two labels alike", form(input("Date") + input("Date")), "body[1]: body must have unique labels (`Date`)"],
  ["labels too similar", form(input("Name?") + input("Name???")), "body[1]: labels are too similar (`Name???` makes the reference `name`)"],
  ["an id with a space", form(input("A", "    id: first name\n")), "body[0]: `id` can only contain numbers, letters, -, _"],
  ["a block with no type", form("  - attributes:\n      label: A\n"), "body[0]: required key type is missing"],
  ["an unknown type", form("  - type: x\n    attributes:\n      label: A\n"), "body[0]: `x` is not a valid input type"],
  ["markdown with no value", form(input("A") + "  - type: markdown\n"), "body[1]: required attribute key `value` is missing"],
  ["a label that is a boolean", form("  - type: input\n    attributes:\n      label: true\n"), "body[0]: label must be a string"],
  ["a password field", form(input("Password")), "body[0]: `label` contains forbidden word"],
  ["an attribute of another type", form("  - type: input\n    attributes:\n      label: A\n      options: [a]\n"), "body[0]: `options` is not a permitted attribute"],
  ["options twice", form("  - type: dropdown\n    attributes:\n      label: A\n      options: [a, a]\n"), "body[0]: `options` must be unique"],
  ["a None option", form("  - type: dropdown\n    attributes:\n      label: A\n      options: [a, None]\n"), "body[0]: `options` must not include the reserved word, none"],
  ["a boolean option", form("  - type: dropdown\n    attributes:\n      label: A\n      options: [Yes, Maybe]\n"), "body[0]: `options` must not include booleans. Please wrap values such as 'yes', and 'true' in quotes"],
  ["a default out of range", form("  - type: dropdown\n    attributes:\n      label: A\n      options: [a]\n      default: 1\n"), "body[0]: default must be the index of an option"],
  ["a checkbox label as a field's", form(input("Own words") + "  - type: checkboxes\n    attributes:\n      label: C\n      options:\n        - label: Own words\n"), "body[1]: body must have unique labels (`Own words`)"],
  ["validations with another key", form(input("A") + "    validations:\n      required: true\n      max: 3\n"), "body[0]: validations take one key, required: true|false"],
];
for (const [name, text, error] of INVALID)
  test(`GitHub refuses a form with ${name}`, () => {
    assert.ok(issueFormErrors(text).includes(error), `${JSON.stringify(issueFormErrors(text))} lacks ${error}`);
  });

test("config.yml: its keys and contact links", () => {
  assert.equal(issueConfigErrors("blank_issues_enabled: true\ncontact_links:\n  - name: Docs\n    url: https://example.org\n    about: Read\n"), []);
  assert.equal(issueConfigErrors("blank: true\ncontact_links:\n  - name: Docs\n    url: ftp://x\n"), [
    "`blank` is not a permitted key",
    "contact_links[0]: about must be a string",
    "contact_links[0]: url must be an http(s) address",
  ]);
});

const files = (() => {
  try {
    return readdirSync(FOLDER).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch {
    return [];
  }
})();
test("the new-event form is there to check", () => assert.ok(files.includes("new-event.yml")));

for (const file of files)
  test(`.github/ISSUE_TEMPLATE/${file}: GitHub accepts it`, () => {
    const text = readFileSync(path.join(FOLDER, file), "utf8");
    assert.equal(/^config\.ya?ml$/.test(file) ? issueConfigErrors(text) : issueFormErrors(text), []);
  });

test.run();
