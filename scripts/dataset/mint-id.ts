/** Mints the opaque, immutable ids of event records. */
import { createHash, randomBytes } from "node:crypto";
import { ID_ALPHABET } from "../../schema/v1.0.0/common.ts";

const ID_LENGTH = 8;

/**
 * A fresh event id, `ev-` and 8 random characters of lower-case Crockford
 * base32 (40 bits). Ids in `taken` are never returned.
 */
export function mintEventId(taken: ReadonlySet<string> = new Set()): string {
  for (;;) {
    const bytes = randomBytes(ID_LENGTH);
    let id = "ev-";
    // 32 divides 256, so masking a byte to 5 bits keeps every character equally likely.
    for (const byte of bytes) id += ID_ALPHABET[byte & 31];
    if (!taken.has(id)) return id;
  }
}

/**
 * The event id a seed stands for (`issue-21`: the record an issue proposes), the same on every run:
 * the first 8 bytes of SHA-256 of the seed as an id; when that id is taken, of `<seed>#1`, `<seed>#2`...
 */
export function eventIdFor(seed: string, taken: ReadonlySet<string> = new Set()): string {
  for (let n = 0; ; n++) {
    const bytes = createHash("sha256").update(n === 0 ? seed : `${seed}#${n}`).digest().subarray(0, ID_LENGTH);
    let id = "ev-";
    for (const byte of bytes) id += ID_ALPHABET[byte & 31];
    if (!taken.has(id)) return id;
  }
}

/** A registry id made from a name (`eventwire new`, entries `eventwire import` creates): lower-case ASCII words joined by `-`, at most 64 characters (empty when the name has no letter or digit in a-z, 0-9). */
export function slug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 64)
    .replace(/-$/, "");
}
