/** Grouping for the engine of dataset rules (check/compare.ts): what it keeps of every event, and the candidates it finds. */
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

/** 2^22: the days of the years 0000-9999 (dayNumber) fit below it. */
const DAYS = 4_194_304;
/** 2^31: the buckets a key's hash falls in, so that bucket and day make one exact number (2^53). */
const BUCKETS = 2_147_483_648;

/**
 * Items filed under a key and a day, found again with the items of the same
 * key on the same or nearby days: a key's hash (31 bits) and a day (22 bits)
 * as one number in a typed array, beside the item's order (12 bytes an item
 * and key). A native sort of the numbers alone puts an item next to the same
 * key's items of the days around it; equal buckets only make candidates.
 */
export class NearKeys {
  private places = new Float64Array(1024);
  private orders = new Uint32Array(1024);
  private size = 0;

  /** `hash`: any integer (a 53-bit hash of the key); `day`: 0 to 2^22 - 1. */
  add(hash: number, day: number, order: number): void {
    if (this.size === this.places.length) {
      this.places = grown(this.places, new Float64Array(this.size * 2));
      this.orders = grown(this.orders, new Uint32Array(this.size * 2));
    }
    this.places[this.size] = (hash % BUCKETS) * DAYS + day;
    this.orders[this.size++] = order;
  }

  /**
   * The pairs of distinct items (lower order first) in one bucket at most
   * `days` apart that `accept` takes (it may be asked of a pair more than
   * once), ascending. No map of the items: the places sorted natively, the
   * orders put in step with them, one scan of each place's window.
   */
  pairs(days: number, accept: (a: number, b: number) => boolean = () => true): [number, number][] {
    const n = this.size;
    const places = this.places.subarray(0, n);
    const sorted = places.slice().sort();
    // Each item's order goes to the next free slot of its place's run (the run's start found by a binary search).
    const filled = new Uint32Array(n);
    const orders = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const place = places[i]!;
      let low = 0;
      let high = n;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (sorted[mid]! < place) low = mid + 1;
        else high = mid;
      }
      orders[low + filled[low]!++] = this.orders[i]!;
    }
    // The pairs taken, once each (an event under two keys it shares with another meets it twice): few, by their text.
    const taken = new Set<string>();
    const out: [number, number][] = [];
    for (let i = 0; i < n; i++) {
      const place = sorted[i]!;
      const bucket = Math.floor(place / DAYS);
      for (let j = i + 1; j < n && sorted[j]! - place <= days && Math.floor(sorted[j]! / DAYS) === bucket; j++) {
        const a = Math.min(orders[i]!, orders[j]!);
        const b = Math.max(orders[i]!, orders[j]!);
        if (a === b || !accept(a, b)) continue;
        const id = `${a} ${b}`;
        if (taken.has(id)) continue;
        taken.add(id);
        out.push([a, b]);
      }
    }
    return out.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  }
}
