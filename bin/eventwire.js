#!/usr/bin/env node
// Starts the CLI. `npm ci` bundles the TypeScript sources into build/ (the
// `prepare` script), which starts in a fraction of the time tsx needs; when the
// bundle is missing or was built from other sources (their fingerprint
// differs), or EVENTWIRE_FROM_SOURCE is set, the sources run through tsx
// instead, so an edit is never ignored.
import { fileURLToPath } from "node:url";
import path from "node:path";
import { bundleIsFresh } from "./sources-hash.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const bundle = path.join(root, "build", "cli.mjs");

// A reader that stops early (`eventwire validate | head`) closes the pipe: that ends the output, not in a crash.
for (const stream of [process.stdout, process.stderr])
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });

let main;
if (!process.env.EVENTWIRE_FROM_SOURCE && bundleIsFresh(root)) ({ main } = await import(bundle));
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
