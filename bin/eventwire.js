#!/usr/bin/env node
// Starts the CLI. `npm ci` bundles the TypeScript sources into dist/ (the
// `prepare` script), which starts in a fraction of the time tsx needs; when the
// bundle is missing or older than any source file, or EVENTWIRE_FROM_SOURCE is
// set, the sources run through tsx instead, so an edit is never ignored.
import { existsSync, readdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = fileURLToPath(new URL("..", import.meta.url));
const bundle = path.join(root, "dist", "cli.mjs");

/** The newest modification time of the files under `dir`. */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(full));
    else if (entry.isFile()) latest = Math.max(latest, statSync(full).mtimeMs);
  }
  return latest;
}

function bundleIsFresh() {
  if (process.env.EVENTWIRE_FROM_SOURCE || !existsSync(bundle)) return false;
  const built = statSync(bundle).mtimeMs;
  return ["scripts", "schema"].every((dir) => newest(path.join(root, dir)) <= built);
}

let main;
if (bundleIsFresh()) ({ main } = await import(bundle));
else {
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("../scripts/cli.ts"));
}
process.exitCode = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
