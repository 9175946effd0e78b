/** summary-copy's text normalization: the ASCII loop agrees with the Unicode pattern. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { normalize } from "../../scripts/rules/text/summary-copy.ts";

const reference = (s: string) => s.replace(/(?<=[\p{L}\p{N}])['’ʼ\-‐‑](?=[\p{L}\p{N}])/gu, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();

test("agrees with the Unicode pattern on ASCII and other text", () => {
  for (const s of ["", " ", "Top US diplomat visits Central Asia", "  --a--b--  ", "U.S. $25m aid, 2023!", "x", "A1b2 C3", "Blinken: 'we stand'", "Café Ōsaka", "ÉTÉ 2023 — Tōkyō", "Jordan's ex-crown prince", "N’Djamena", "Waker-uz-Zaman", "a - b", "'quoted' -x- y-"])
    assert.is(normalize(s), reference(s), JSON.stringify(s));
});

test("an apostrophe or a hyphen inside a word joins it: words count as a reader counts them", () => {
  assert.is(normalize("Jordan's former crown prince"), "jordans former crown prince");
  assert.is(normalize("N’Djamena, Chad"), "ndjamena chad");
  assert.is(normalize("Waker-uz-Zaman - army chief"), "wakeruzzaman army chief");
  assert.is(normalize("it's 'quoted'"), "its quoted");
});

test.run();
