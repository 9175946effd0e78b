/**
 * The id of an imported event, derived from the source dataset and the
 * record's id there: the same row always gets the same id, so importing a
 * file twice changes nothing and a corrected row replaces its record. The
 * first 40 bits of a SHA-256, in the Crockford base32 of minted ids.
 */
import { createHash } from "node:crypto";
import { ID_ALPHABET } from "../../schema/v1.0.0/common.ts";

export function importedEventId(dataset: string, originId: string): string {
  const hash = createHash("sha256").update(`${dataset}\u0000${originId}`).digest();
  let bits = 0;
  let value = 0;
  let out = "ev-";
  for (let i = 0; out.length < 11; ) {
    if (bits < 5) {
      value = ((value << 8) | hash[i++]!) & 0xffff;
      bits += 8;
    }
    out += ID_ALPHABET[(value >> (bits - 5)) & 31];
    bits -= 5;
  }
  return out;
}
