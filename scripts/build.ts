/**
 * `npm run build` (run by `npm ci` through `prepare`): bundles the CLI into
 * build/cli.mjs, the check worker into build/worker.mjs and the release's
 * event sink into build/event-parts.mjs (the check stage loads it by its URL), which start several
 * times faster than the sources through tsx, and writes each schema's quick
 * validator as ajv standalone code. Both
 * are caches: bin/eventwire.js uses the bundle only while the sources have the
 * fingerprint written beside it (build/sources.sha256), and each validator
 * only for the schema it was compiled from.
 */
import { build } from "esbuild";
import { sourcesHash } from "../bin/sources-hash.js";
import { existsSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { RECORD_KINDS, SCHEMA_VERSIONS } from "../schema/index.ts";
import { TOOLKIT_ROOT } from "./core/paths.ts";
import { writeFileAtomic } from "./core/write.ts";
import { standalonePath, standaloneSource } from "./rules/schema/validators.ts";

// Built beside build/ and swapped in whole: no stale chunk survives, and a failed build leaves build/ as it was.
const BUILD = path.join(TOOLKIT_ROOT, "build");
const NEXT = path.join(TOOLKIT_ROOT, "build.next");
const OLD = path.join(TOOLKIT_ROOT, "build.old");
rmSync(NEXT, { recursive: true, force: true });
// Taken before bundling: a source edited during the build makes the bundle stale, never wrongly fresh.
const fingerprint = sourcesHash(TOOLKIT_ROOT);

const result = await build({
  // event-parts: the release's event sink, which the check stage (main thread and workers) loads by its URL (see check/sink.ts).
  entryPoints: {
    cli: path.join(TOOLKIT_ROOT, "scripts", "cli.ts"),
    worker: path.join(TOOLKIT_ROOT, "scripts", "check", "worker.ts"),
    "event-parts": path.join(TOOLKIT_ROOT, "scripts", "export", "event-parts.ts"),
  },
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  // Commands are imported when they run; splitting keeps each in its own chunk.
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  write: false,
  outdir: NEXT,
  outExtension: { ".js": ".mjs" },
  logLevel: "warning",
});
for (const file of result.outputFiles) writeFileAtomic(file.path, file.text);

for (const version of SCHEMA_VERSIONS)
  for (const kind of RECORD_KINDS)
    writeFileAtomic(path.join(NEXT, path.relative(BUILD, standalonePath(version, kind))), standaloneSource(version, kind));

writeFileAtomic(path.join(NEXT, "sources.sha256"), fingerprint + "\n");

rmSync(OLD, { recursive: true, force: true });
if (existsSync(BUILD)) renameSync(BUILD, OLD);
renameSync(NEXT, BUILD);
rmSync(OLD, { recursive: true, force: true });
