/** Growing typed arrays: numbers kept for each of a million records, without a heap object each. */

/** `to` (a larger array) with the numbers of `from` at its start. */
export function grown<T extends Uint8Array | Uint32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
