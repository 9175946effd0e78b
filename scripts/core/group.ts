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
