import { createHash } from "node:crypto";
/**
 * cyrb53: a fast 53-bit hash of a string (public domain, bryc), exact in a
 * JavaScript number. Dataset rules keep it instead of a long comparison key,
 * and confirm any match against the records themselves.
 */
export function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** A 32-bit hash of a text (the low bits of hash53): what the comparison engine's screens keep in typed arrays. */
export const hash32 = (text: string): number => hash53(text) >>> 0;

/** The SHA-256 (hex) of a text as UTF-8; the last one is remembered (a file's findings ask for its text's in a row). */
export function textDigest(text: string): string {
  if (text !== lastDigest?.text) lastDigest = { text, digest: createHash("sha256").update(text).digest("hex") };
  return lastDigest.digest;
}
let lastDigest: { text: string; digest: string } | undefined;
