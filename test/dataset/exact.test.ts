/** What "round-trips exactly" means for a number, and what well-formed Unicode means for a text (dataset/exact.ts). */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parse as parseYaml } from "yaml";
import { hasSuspectNumber, loneSurrogateAt, mayHoldLoneSurrogate, numberRoundTrips, SUSPECT_NUMBER } from "../../scripts/dataset/exact.ts";

/** The number as JSON.parse reads it, judged against its text. */
const json = (written: string) => numberRoundTrips(written, JSON.parse(written) as number);
/** The number as YAML 1.2 core reads it. */
const yaml = (written: string) => numberRoundTrips(written, parseYaml(`v: ${written}`, { version: "1.2", schema: "core" }).v as number);

test("the same decimal value, however spelled, round-trips", () => {
  for (const w of ["0", "-0", "0.0", "1.5", "1.50", "15e-1", "0.15E+1", "100", "1e2", "1E2", "-12.5", "0.1", "0.30000000000000004", "9007199254740992", "1e300", "1e-300", "5e-324", "1.7976931348623157e308", "123456789012345", "0.000000000000000000001"])
    assert.ok(json(w), w);
  for (const w of ["+1", "0x1F", "0o17", ".5", "1.", "+.5e1"]) assert.ok(yaml(w), w);
});

test("digits a double does not hold, integers beyond 2^53, underflow, overflow, infinities and NaN do not", () => {
  for (const w of ["180.00000000000001", "9007199254740993", "1e-400", "1e400", "-1e400", "0.3000000000000000444", "12345678901234567890", "1.0000000000000001", "4.9e-325", "2.4703282292062328e-324"])
    assert.not.ok(json(w), w);
  for (const w of [".inf", "-.inf", ".nan", "0x20000000000001"]) assert.not.ok(yaml(w), w);
});

test("a text without a suspect number is never looked at; each failing form is suspect", () => {
  for (const w of ["180.00000000000001", "9007199254740993", "1e-400", "1e400", "0x20000000000001", ".inf", ".nan", "4.9e-325"]) assert.ok(SUSPECT_NUMBER.test(`lon: ${w}\n`), w);
  for (const w of ["-1E400", "+9007199254740993", "-.Inf", ".NaN", "0o17", "1234567890123456e5", ".5e400"]) assert.ok(SUSPECT_NUMBER.test(`[1, ${w}]`) && SUSPECT_NUMBER.test(`{"v":${w}}`) && SUSPECT_NUMBER.test(`${w}\n`) && SUSPECT_NUMBER.test(`- ${w}`), w);
  assert.not.ok(SUSPECT_NUMBER.test('lat: 48.5\nlon: -67.25\nstart: 558\ndate: "2023-02-28"\n'));
  // Whole tokens only: ids and words holding something number-like are not suspect.
  for (const t of ['"id": "ev-9e353vjh"', '"id": "ev-0x4qxqp7"', '"model": "e300"', "title: A1e400b", '"url": "https://x.com/a/status/1630000000000000000"']) assert.not.ok(SUSPECT_NUMBER.test(t), t);
});

test("hasSuspectNumber (a quick test, then SUSPECT_NUMBER) answers as SUSPECT_NUMBER does, on every sample and on 20k generated texts", () => {
  const samples = ["180.00000000000001", "9007199254740993", "1e-400", "1e400", "0x20000000000001", ".inf", ".nan", "4.9e-325", "-1E400", "-.Inf", ".NaN", "0o17", "1234567890123456e5", ".5e400"];
  for (const w of samples) for (const t of [`lon: ${w}\n`, `[1, ${w}]`, `{"v":${w}}`, `${w}\n`, `- ${w}`]) assert.ok(hasSuspectNumber(t), t);
  for (const t of ['lat: 48.5\nlon: -67.25\n', '"id": "ev-9e353vjh"', '"id": "ev-0x4qxqp7"', '"model": "e300"', "title: A1e400b", '"url": "https://x.com/a/status/1630000000000000000"'])
    assert.not.ok(hasSuspectNumber(t), t);
  // Texts made of the pieces the patterns are built from, so that both answers occur often (a fixed seed: the same texts each run).
  const pieces = ["0", "1", "9", "5", ".", "e", "E", "+", "-", "x", "o", "O", "a", "F", "inf", "Inf", "nan", "NAN", " ", ":", ",", "[", "{", "\n", '"', "1234567890", "000000"];
  let seed = 20261206;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  let suspect = 0;
  for (let n = 0; n < 20_000; n++) {
    let t = "";
    for (let k = 2 + Math.floor(next() * 12); k > 0; k--) t += pieces[Math.floor(next() * pieces.length)];
    const expected = SUSPECT_NUMBER.test(t);
    if (expected) suspect++;
    assert.is(hasSuspectNumber(t), expected, JSON.stringify(t));
  }
  assert.ok(suspect > 200, `only ${suspect} suspect texts were generated`);
});

test("well-formed Unicode: pairs pass, a lone high or low surrogate is found where it is", () => {
  assert.is(loneSurrogateAt("plain 😀 é"), -1);
  assert.is(loneSurrogateAt("ab\ud83d"), 2);
  assert.is(loneSurrogateAt("\ude00ab"), 0);
  assert.is(loneSurrogateAt("a\ud83d\ud83d\ude00"), 1, "a high surrogate followed by a pair");
  assert.is(loneSurrogateAt("\ud83d\ude00\ude00"), 2);
});

test.run();

test("only a surrogate escape in the source can make a lone surrogate: the quick test before the walk", () => {
  for (const text of ['"\\ud83d"', '"\\uDC00"', 'title: "\\U0000D83D"', '"\\\\ud83d"']) assert.ok(mayHoldLoneSurrogate(text), text);
  for (const text of ['"plain 😀"', '"\\u00e9 \\n"', "title: \\x41", '"\\ue000"']) assert.not.ok(mayHoldLoneSurrogate(text), text);
});
