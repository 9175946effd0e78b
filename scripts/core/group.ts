/** Grouping for dataset rules that compare records with each other. */

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
