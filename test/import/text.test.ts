/** shorten: within the schema's limit in characters, at a word where one ends in the second half, never splitting a character. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { shorten } from "../../scripts/import/text.ts";

test("fits: as it is; longer: cut at a word with an ellipsis, or mid-word when no word ends in the second half", () => {
  assert.is(shorten("Kenya: police disperse protest", 40), "Kenya: police disperse protest");
  assert.is(shorten("Kenya: police disperse protest in Nairobi", 20), "Kenya: police…");
  assert.is(shorten("Supercalifragilisticexpialidocious", 10), "Supercali…");
});

test("counted by code point: a character outside the BMP is one, and is never cut in half", () => {
  const emoji = "😀".repeat(10);
  assert.is(shorten(emoji, 10), emoji, "10 characters, 20 UTF-16 units: it fits");
  const cut = shorten("a" + "😀".repeat(10), 10);
  assert.is([...cut].length, 10);
  assert.not.match(cut, /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
});

test.run();
