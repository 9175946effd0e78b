/** Krippendorff's alpha and MASI: published reference values, and properties any correct alpha has. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { interval, krippendorffAlpha, masi, nominal, percentAgreement } from "../../scripts/agreement/alpha.ts";

const N = undefined;
/** Reliability data as coders x units (the way the references print them); alpha takes units x coders. */
const byUnit = <T>(coders: (T | undefined)[][]) => coders[0]!.map((_, u) => coders.map((c) => c[u]));
const alphaOf = (coders: (number | undefined)[][], metric: "nominal" | "interval") =>
  krippendorffAlpha(byUnit(coders), String, metric === "nominal" ? nominal : interval).alpha!;

test("Krippendorff (2011), 'Computing Krippendorff's Alpha-Reliability': 4 observers x 12 units with missing values", () => {
  const data = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
    [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
  ];
  assert.is(alphaOf(data, "nominal").toFixed(3), "0.743");
  assert.is(alphaOf(data, "interval").toFixed(3), "0.849");
});

test("the reference example of the `krippendorff` package (3 coders x 15 units with missing values): nominal 0.691, interval 0.811", () => {
  const data = [
    [N, N, N, N, N, 3, 4, 1, 2, 1, 1, 3, 3, N, 3],
    [1, N, 2, 1, 3, 3, 4, 3, N, N, N, N, N, N, N],
    [N, N, 2, 1, 3, 4, 4, N, 2, 1, 1, 3, 3, N, 4],
  ];
  assert.is(alphaOf(data, "nominal").toFixed(3), "0.691");
  assert.is(alphaOf(data, "interval").toFixed(3), "0.811");
});

/** A small deterministic generator, so that the property tests are the same every run. */
function random(seed: number): () => number {
  let x = seed;
  return () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

function randomData(rand: () => number, coders: number, units: number): (number | undefined)[][] {
  return Array.from({ length: coders }, () => Array.from({ length: units }, () => (rand() < 0.15 ? undefined : 1 + Math.floor(rand() * 4))));
}

function shuffled<T>(list: readonly T[], rand: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

test("properties: identical codings give 1; the order of coders and of units does not change alpha", () => {
  const rand = random(42);
  for (let trial = 0; trial < 200; trial++) {
    const data = randomData(rand, 2 + Math.floor(rand() * 3), 5 + Math.floor(rand() * 20));
    const one = data[0]!.map((v, u) => v ?? 1 + (u % 4));
    const identical = data.map(() => one);
    if (new Set(one).size > 1) assert.is(alphaOf(identical, "nominal"), 1);
    for (const metric of ["nominal", "interval"] as const) {
      const a = krippendorffAlpha(byUnit(data), String, metric === "nominal" ? nominal : interval);
      if (a.alpha === undefined) continue;
      const coders = shuffled(data, rand);
      const order = shuffled(data[0]!.map((_, u) => u), rand);
      const permuted = coders.map((c) => order.map((u) => c[u]));
      assert.ok(Math.abs(alphaOf(permuted, metric) - a.alpha) < 1e-12, `trial ${trial} ${metric}`);
      assert.ok(a.alpha <= 1 + 1e-12);
    }
  }
});

test("alpha is undefined, with the reason, when every value is the same or no unit has two values; never 1", () => {
  const same = krippendorffAlpha(byUnit([[2, 2, 2], [2, 2, N]]), String, nominal);
  assert.is(same.alpha, undefined);
  assert.match(same.reason!, /every value is the same \(2\)/);
  const lonely = krippendorffAlpha(byUnit([[1, N], [N, 2]]), String, nominal);
  assert.is(lonely.alpha, undefined);
  assert.match(lonely.reason!, /no unit has values from two coders/);
  assert.is(percentAgreement(byUnit([[1, N], [N, 2]]), String), undefined);
  assert.is(percentAgreement(byUnit([[1, 2, 3], [1, 2, 4]]), String), 2 / 3);
});

test("MASI distance (NLTK's definition, M in 1, 2/3, 1/3, 0)", () => {
  const s = (...xs: string[]) => new Set(xs);
  assert.is(masi(s("a", "b"), s("b", "a")), 0);
  assert.is(masi(s("a"), s("a", "b")), 1 - (1 / 2) * (2 / 3));
  assert.is(masi(s("a", "b"), s("b", "c")), 1 - (1 / 3) * (1 / 3));
  assert.is(masi(s("a"), s("b")), 1);
  assert.is(masi(s(), s()), 0);
  assert.is(masi(s("a", "b"), s("a", "b", "c", "d")), 1 - (2 / 4) * (2 / 3));
});

test.run();
