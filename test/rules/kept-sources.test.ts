/** kept-sources: the memo the text-reading rules share (a text derived once by its hash, a changed text anew, a bounded memo). */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { perKeptText } from "../../scripts/rules/text/kept-sources.ts";

const keptAs = (sha256: string, text: string) => ({ kept: { file: `${sha256}.txt`, url: `https://example.com/${sha256}`, absolute: `/x/${sha256}.txt`, sha256 }, text });

test("perKeptText: derived once a text, anew when the text's hash changes, and never more than 64 texts held", () => {
  const seen: string[] = [];
  const lengthOf = perKeptText((text) => {
    seen.push(text);
    return text.length;
  });
  assert.is(lengthOf(keptAs("a", "one")), 3);
  assert.is(lengthOf(keptAs("a", "one")), 3);
  assert.equal(seen, ["one"], "the same hash is not derived twice");
  assert.is(lengthOf(keptAs("b", "three")), 5, "an edited text has another hash");
  for (let i = 0; i < 70; i++) lengthOf(keptAs(`t${i}`, "x"));
  seen.length = 0;
  assert.is(lengthOf(keptAs("a", "one")), 3, "past the bound the memo starts again, with the same answers");
  assert.equal(seen, ["one"]);
});

test.run();
