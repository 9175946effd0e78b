/** Where the toolkit's own files are, wherever it is run from (sources or the bundle in build/). */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

function findRoot(from: string): string {
  let dir = path.dirname(fileURLToPath(from));
  for (;;) {
    if (existsSync(path.join(dir, "package.json")) && existsSync(path.join(dir, "schema"))) return dir + path.sep;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`cannot find the eventwire repository above ${from}`);
    dir = up;
  }
}

/** The repository that holds the toolkit (schema/, scripts/), with a trailing separator. */
export const TOOLKIT_ROOT = findRoot(import.meta.url);

/** True in the bundle that `npm run build` writes to build/, false when the sources run through tsx. */
export const RUNNING_FROM_BUNDLE = import.meta.url.endsWith(".mjs");

/** The toolkit's version, as package.json has it (\`eventwire --version\`, the SARIF report's tool; \`release --version\` is the dataset's). */
export function toolkitVersion(): string {
  return String((JSON.parse(readFileSync(path.join(TOOLKIT_ROOT, "package.json"), "utf8")) as { version: unknown }).version);
}

/** A path for a message: relative to `base` (with `/`) when it is under it, else as it is (absolute). */
export function shownPath(base: string, file: string): string {
  const rel = path.relative(base, file);
  return rel.startsWith("..") || path.isAbsolute(rel) ? file : rel.split(path.sep).join("/");
}
