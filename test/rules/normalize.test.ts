/** summary-copy's text normalization: the ASCII loop agrees with the Unicode pattern. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { normalize } from "../../scripts/rules/text/summary-copy.ts";

const reference = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();

test("agrees with the Unicode pattern on ASCII and other text", () => {
  for (const s of ["", " ", "Top US diplomat visits Central Asia", "  --a--b--  ", "U.S. $25m aid, 2023!", "x", "A1b2 C3", "Blinken: 'we stand'", "Café Ōsaka", "ÉTÉ 2023 — Tōkyō"])
    assert.is(normalize(s), reference(s), JSON.stringify(s));
});

test.run();
