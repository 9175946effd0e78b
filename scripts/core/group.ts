/** Grouping for dataset rules that compare records with each other. */
import { grown } from "./typed-arrays.ts";

/**
 * Keys as they come, in any order, each with the order of the items that
 * have it: one number a key is held, and a list only for a key that repeats
 * (a dataset rule sees every event, and most keys are unique).
 */
export class RepeatedKeys<K> {
  private readonly first = new Map<K, number>();
  private readonly repeats = new Map<K, number[]>();

  add(key: K, order: number): void {
    const seen = this.first.get(key);
    if (seen === undefined) this.first.set(key, order);
    else {
      const group = this.repeats.get(key);
      if (group) group.push(order);
      else this.repeats.set(key, [seen, order]);
    }
  }

  /** The keys that repeat, each with its items' orders ascending; the groups in the order of their first items. */
  groups(): [K, number[]][] {
    return [...this.repeats]
      .map(([key, orders]): [K, number[]] => [key, orders.sort((a, b) => a - b)])
      .sort((a, b) => a[1][0]! - b[1][0]!);
  }
}

/** Each item of each group paired with the others of its group (in their order). */
export function* eachWithOthers<T>(groups: Iterable<readonly T[]>): Generator<[T, T[]]> {
  for (const group of groups) for (const item of group) yield [item, group.filter((other) => other !== item)];
}

/**
 * Items as a 53-bit hash of their key and their order, in typed arrays (12
 * bytes an item, where a Map of keys holds each key's string and an entry):
 * what a dataset rule keeps of a million events. Equal hashes only make
 * candidates; the caller confirms them from the records.
 */
export class HashedKeys {
  private hashes = new Float64Array(1024);
  private orders = new Uint32Array(1024);
  private size = 0;

  add(hash: number, order: number): void {
    if (this.size === this.hashes.length) {
      this.hashes = grown(this.hashes, new Float64Array(this.size * 2));
      this.orders = grown(this.orders, new Uint32Array(this.size * 2));
    }
    this.hashes[this.size] = hash;
    this.orders[this.size++] = order;
  }

  /** The orders of the items with each of `hashes` (one scan), ascending. */
  ordersOf(hashes: ReadonlySet<number>): Map<number, number[]> {
    const found = new Map<number, number[]>();
    if (hashes.size === 0) return found;
    for (let i = 0; i < this.size; i++) {
      const hash = this.hashes[i]!;
      if (!hashes.has(hash)) continue;
      const list = found.get(hash);
      if (list) list.push(this.orders[i]!);
      else found.set(hash, [this.orders[i]!]);
    }
    for (const list of found.values()) list.sort((a, b) => a - b);
    return found;
  }

  /** The items whose hashes repeat, grouped by hash, each group ascending; the groups in the order of their first items. */
  repeats(): number[][] {
    // A numeric sort of the hashes alone (native, no comparator) finds the few that repeat.
    const sorted = this.hashes.slice(0, this.size).sort();
    const repeated = new Set<number>();
    for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) repeated.add(sorted[i]!);
    return [...this.ordersOf(repeated).values()].sort((a, b) => a[0]! - b[0]!);
  }
}

/**
 * Candidate groups (orders whose hashes matched) split by the key each item
 * has when read again; items without a key (unreadable now) drop out. The
 * groups of more than one, in the order of their first items.
 */
export function confirmedGroups(candidates: readonly (readonly number[])[], keyOf: (order: number) => string | undefined): [string, number[]][] {
  const byKey = new RepeatedKeys<string>();
  for (const group of candidates)
    for (const order of group) {
      const key = keyOf(order);
      if (key !== undefined) byKey.add(key, order);
    }
  return byKey.groups();
}
