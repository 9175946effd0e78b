/**
 * The --cache cases of `npm run bench` (bench/validate.ts runs them with the
 * others, in turn, and adds their targets to its table):
 *   second run over unchanged JSON records, metadata strategy  <= 0.15 x ajv-cli
 *   the same, content strategy                                 <= 0.35 x ajv-cli
 *   after changing 100 files (metadata)                        <= 0.05 x ajv-cli more than unchanged
 *   after changing 100 files in what rules across records compare (an actor: their findings cannot come
 *   from the cache, they run again over every summary)        reported, no target
 *
 * Each case first brings its cache up to date (an untimed run), so that
 * what is timed is the second run alone. The caches live beside the dataset
 * (never in it); the 100 files changed are spread over the dataset, and put
 * back afterwards (the next case's untimed run checks them again).
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { RACY_MS } from "../scripts/check/cache.ts";

interface CacheCase {
  name: string;
  args: string[];
  cwd: string;
  before?: () => void;
  after?: () => void;
}

export const WARM_METADATA = "eventwire validate --cache, unchanged, metadata";
export const WARM_CONTENT = "eventwire validate --cache, unchanged, content";
export const CHANGED_100 = "eventwire validate --cache, 100 files changed, metadata";
export const CHANGED_100_COMPARED = "eventwire validate --cache, 100 files changed in a compared field, metadata";

/** The cases, on the JSON dataset at `json` (a git repository), with their caches in `cacheDir`. */
export function cacheCases(bin: string, json: string, cacheDir: string): CacheCase[] {
  const metadata = ["--cache", "--cache-location", path.join(cacheDir, "metadata")];
  const content = ["--cache", "--cache-strategy", "content", "--cache-location", path.join(cacheDir, "content")];
  const prime = (args: string[]) => () => {
    // A file written in the last two seconds (the --changed case puts its file back just before) is not kept in the
    // cache (RACY_MS): waited out here, untimed, so that the timed run finds every file kept.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, RACY_MS + 100);
    const r = spawnSync(process.execPath, [bin, "validate", ...args], { cwd: json, stdio: "ignore" });
    if (r.status !== 0) throw new Error(`validate ${args.join(" ")} (to fill the cache) exited ${r.status}`);
  };
  const listed = spawnSync("git", ["ls-files", "data/events"], { cwd: json, encoding: "utf8", maxBuffer: 1 << 28 }).stdout.split("\n").filter(Boolean);
  const step = Math.max(1, Math.floor(listed.length / 100));
  const changed = listed.filter((_, i) => i % step === 0).slice(0, 100);
  let originals: { file: string; text: string }[] = [];
  return [
    { name: WARM_METADATA, cwd: json, args: [bin, "validate", ...metadata], before: prime(metadata) },
    { name: WARM_CONTENT, cwd: json, args: [bin, "validate", ...content], before: prime(content) },
    {
      name: CHANGED_100,
      cwd: json,
      args: [bin, "validate", ...metadata],
      before: () => {
        prime(metadata)();
        originals = changed.map((rel) => ({ file: path.join(json, rel), text: readFileSync(path.join(json, rel), "utf8") }));
        for (const o of originals) writeFileSync(o.file, o.text.replace('"title": "', '"title": "Edited: '));
      },
      after: () => {
        for (const o of originals) writeFileSync(o.file, o.text);
      },
    },
    {
      name: CHANGED_100_COMPARED,
      cwd: json,
      args: [bin, "validate", ...metadata],
      before: () => {
        prime(metadata)();
        originals = changed.map((rel) => ({ file: path.join(json, rel), text: readFileSync(path.join(json, rel), "utf8") }));
        // Another actor of the registry in the first actor's place (the generator's actors are actor-0000 and on), one the record does not name.
        for (const o of originals) {
          const other = ["actor-0000", "actor-0001", "actor-0002"].find((id) => !o.text.includes(`"${id}"`))!;
          writeFileSync(o.file, o.text.replace(/"actor": "actor-\d{4}"/, `"actor": "${other}"`));
        }
      },
      after: () => {
        for (const o of originals) writeFileSync(o.file, o.text);
      },
    },
  ];
}

/** The targets' rows of the bench's table, from the median times by case name and ajv-cli's. */
export function cacheRows(results: ReadonlyMap<string, number>, ajv: number): [string, string, string, boolean][] {
  const warm = results.get(WARM_METADATA)!;
  const warmContent = results.get(WARM_CONTENT)!;
  const changed = results.get(CHANGED_100)!;
  return [
    ["--cache, unchanged, metadata / ajv-cli", (warm / ajv).toFixed(2), "<= 0.15", warm <= 0.15 * ajv],
    ["--cache, unchanged, content / ajv-cli", (warmContent / ajv).toFixed(2), "<= 0.35", warmContent <= 0.35 * ajv],
    ["--cache, 100 changed, more than unchanged / ajv-cli", ((changed - warm) / ajv).toFixed(2), "<= 0.05", changed - warm <= 0.05 * ajv],
    ["--cache, 100 changed in a compared field, more than unchanged / ajv-cli", ((results.get(CHANGED_100_COMPARED)! - warm) / ajv).toFixed(2), "(reported)", true],
  ];
}
