/** Grouping for dataset rules that compare records with each other. */

/** Each item that shares its key with others, paired with those others (in input order). */
export function* withSameKey<T>(items: Iterable<T>, key: (item: T) => string): Generator<[T, T[]]> {
  // Most keys are unique: keep a lone item as itself and make an array only for the second one.
  const groups = new Map<string, T | T[]>();
  const shared = new Set<string>();
  for (const item of items) {
    const k = key(item);
    const seen = groups.get(k);
    if (seen === undefined && !groups.has(k)) groups.set(k, item);
    else if (shared.has(k)) (seen as T[]).push(item);
    else {
      groups.set(k, [seen as T, item]);
      shared.add(k);
    }
  }
  for (const k of shared) {
    const group = groups.get(k) as T[];
    for (const item of group) yield [item, group.filter((other) => other !== item)];
  }
}

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
export function* eachWithOthers(groups: readonly (readonly number[])[]): Generator<[number, number[]]> {
  for (const group of groups) for (const item of group) yield [item, group.filter((other) => other !== item)];
}
