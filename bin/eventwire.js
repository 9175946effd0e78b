#!/usr/bin/env node
// Starts the CLI. `npm ci` bundles the TypeScript sources into build/ (the
// `prepare` script), which starts in a fraction of the time tsx needs; when the
// bundle is missing or was built from other sources (their fingerprint
// differs), or EVENTWIRE_FROM_SOURCE is set, the sources run through tsx
// instead, so an edit is never ignored.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import { sourcesHash } from "./sources-hash.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const bundle = path.join(root, "build", "cli.mjs");
const fingerprint = path.join(root, "build", "sources.sha256");

function bundleIsFresh() {
  if (process.env.EVENTWIRE_FROM_SOURCE || !existsSync(bundle) || !existsSync(fingerprint)) return false;
  return readFileSync(fingerprint, "utf8").trim() === sourcesHash(root);
}

// A reader that stops early (`eventwire validate | head`) closes the pipe: that ends the output, not in a crash.
for (const stream of [process.stdout, process.stderr])
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });

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
  stdin: process.stdin,
});
