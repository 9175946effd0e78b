/** Grouping for dataset rules that compare records with each other. */

/** Each item that shares its key with others, paired with those others (in input order). */
export function* withSameKey<T>(items: Iterable<T>, key: (item: T) => string): Generator<[T, T[]]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    for (const item of group) yield [item, group.filter((other) => other !== item)];
  }
}
