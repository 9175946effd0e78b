// The fingerprint of the sources that `npm run build` bundles into build/:
// SHA-256 over the path and bytes of every file under scripts/ and schema/,
// in sorted order. The build writes it beside the bundle, and the CLI uses
// the bundle only when the sources still have it (times of modification can
// lie: a copy, an unpacked archive, an edit during a build).
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const SOURCE_FOLDERS = ["scripts", "schema"];

/** @param {string} root the repository @returns {string} */
export function sourcesHash(root) {
  const hash = createHash("sha256");
  /** @param {string} rel */
  const walk = (rel) => {
    const entries = readdirSync(path.join(root, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) hash.update(`${child}\0`).update(readFileSync(path.join(root, child))).update("\0");
    }
  };
  for (const folder of SOURCE_FOLDERS) walk(folder);
  return hash.digest("hex");
}

/**
 * Whether build/ holds a bundle built from the sources as they are now.
 * @param {string} root the repository @returns {boolean}
 */
export function bundleIsFresh(root) {
  const fingerprint = path.join(root, "build", "sources.sha256");
  if (!existsSync(path.join(root, "build", "cli.mjs")) || !existsSync(fingerprint)) return false;
  return readFileSync(fingerprint, "utf8").trim() === sourcesHash(root);
}
