/**
 * Krippendorff's alpha, for any number of coders, missing values, and any
 * difference function (Krippendorff, "Computing Krippendorff's
 * Alpha-Reliability", 2011): from the coincidence matrix of the values that
 * can be paired within each unit,
 *
 *   alpha = 1 - D_o / D_e,
 *   D_o = 1/n  * sum_c sum_k o_ck * delta(c, k)
 *   D_e = 1/(n(n-1)) * sum_c sum_k n_c * n_k * delta(c, k)
 *
 * A unit counts only with two values or more. When every value is the same
 * (D_e = 0), alpha is undefined, and said so: never reported as 1.
 */

/** How different two values are: 0 for the same, up to 1 for nominal and MASI; squared difference for interval. */
export type Difference<T> = (a: T, b: T) => number;

export interface AlphaResult {
  /** Undefined when it cannot be computed; `reason` says why. */
  alpha: number | undefined;
  reason?: string;
  /** Units with two values or more (the ones alpha is computed from). */
  units: number;
  /** Values in those units (n). */
  values: number;
  observed?: number;
  expected?: number;
}

/**
 * Alpha over `data`: one array a unit, holding each coder's value (undefined
 * when the coder gave none). `key` identifies equal values (a string).
 */
export function krippendorffAlpha<T>(data: readonly (readonly (T | undefined)[])[], key: (value: T) => string, difference: Difference<T>): AlphaResult {
  const representative = new Map<string, T>();
  const coincidences = new Map<string, Map<string, number>>();
  let units = 0;
  for (const unit of data) {
    const values = unit.filter((v): v is T => v !== undefined);
    const m = values.length;
    if (m < 2) continue;
    units++;
    const keys = values.map((v) => {
      const k = key(v);
      if (!representative.has(k)) representative.set(k, v);
      return k;
    });
    for (let i = 0; i < m; i++)
      for (let j = 0; j < m; j++) {
        if (i === j) continue;
        const row = coincidences.get(keys[i]!) ?? new Map<string, number>();
        row.set(keys[j]!, (row.get(keys[j]!) ?? 0) + 1 / (m - 1));
        coincidences.set(keys[i]!, row);
      }
  }
  const totals = new Map<string, number>();
  for (const [c, row] of coincidences) totals.set(c, [...row.values()].reduce((a, b) => a + b, 0));
  const n = [...totals.values()].reduce((a, b) => a + b, 0);
  if (units === 0 || n < 2) return { alpha: undefined, reason: "no unit has values from two coders", units, values: Math.round(n) };
  const delta = (c: string, k: string) => (c === k ? 0 : difference(representative.get(c)!, representative.get(k)!));
  let observed = 0;
  for (const [c, row] of coincidences) for (const [k, o] of row) observed += o * delta(c, k);
  observed /= n;
  let expected = 0;
  for (const [c, nc] of totals) for (const [k, nk] of totals) expected += nc * nk * delta(c, k);
  expected /= n * (n - 1);
  const values = Math.round(n);
  if (expected === 0)
    return { alpha: undefined, reason: `every value is the same (${[...totals.keys()].join(", ")}): there is no variation, so agreement beyond chance cannot be measured`, units, values, observed, expected };
  return { alpha: 1 - observed / expected, units, values, observed, expected };
}

export const nominal: Difference<unknown> = () => 1;

export const interval: Difference<number> = (a, b) => (a - b) ** 2;

/**
 * MASI distance between two sets (Passonneau 2006, as NLTK defines it):
 * 1 - J * M, with J the Jaccard index and M = 1 when the sets are equal,
 * 2/3 when one holds the other, 1/3 when they overlap otherwise, 0 when
 * they are disjoint.
 */
export function masi(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let common = 0;
  for (const x of a) if (b.has(x)) common++;
  const union = a.size + b.size - common;
  if (union === 0) return 0;
  const m = common === a.size && common === b.size ? 1 : common === Math.min(a.size, b.size) ? 2 / 3 : common > 0 ? 1 / 3 : 0;
  return 1 - (common / union) * m;
}

/** Share of units (with two values or more) on which every coder gave the same value. */
export function percentAgreement<T>(data: readonly (readonly (T | undefined)[])[], key: (value: T) => string): number | undefined {
  let units = 0;
  let agreed = 0;
  for (const unit of data) {
    const keys = unit.filter((v): v is T => v !== undefined).map(key);
    if (keys.length < 2) continue;
    units++;
    if (keys.every((k) => k === keys[0])) agreed++;
  }
  return units === 0 ? undefined : agreed / units;
}
