/** Did-you-mean by edit distance: the closest id, and whether a correction is safe to write. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { closest, suggest } from "../../scripts/core/suggest.ts";

test("closest: the nearest id within a typo's distance, and whether it is the only one that close", () => {
  assert.equal(closest("reuter", ["reuters", "dw", "afp"]), { best: "reuters", only: true });
  assert.equal(closest("afp2", ["afp", "afp1", "dw"]), { best: "afp", only: false }, "two as close: suggested, not written");
  assert.equal(closest("zzzzzz", ["reuters", "dw"]), { best: undefined, only: false });
  assert.equal(closest("Reuters", ["reuters"]), { best: "reuters", only: true }, "case does not count");
  assert.is(suggest("kazakstan", ["kazakhstan", "uzbekistan"]), "kazakhstan");
});

test.run();
