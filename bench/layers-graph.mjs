/**
 * The import graph of a checkout by layer (folders of scripts/, and schema/):
 * the edges between layers with their import counts, the imports that go up
 * (or beside: report, export and agreement do not import each other), and the
 * imports on a cycle, from dependency-cruiser's JSON output. For comparing two
 * versions of the layering; `npm run layers` is the check.
 *
 *   node bench/layers-graph.mjs [checkout=.]
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";

const dir = path.resolve(process.argv[2] ?? ".");
const bin = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "node_modules", ".bin", "depcruise");
const { modules } = JSON.parse(execFileSync(bin, ["--no-config", "--ts-pre-compilation-deps", "--output-type", "json", "scripts", "schema"], { cwd: dir, maxBuffer: 1 << 28, encoding: "utf8" }));
const order = ["core", "schema", "dataset", "rules", "check", "report", "export", "agreement", "commands", "cli"];
const beside = new Set(["report", "export", "agreement"]);
const layerOf = (p) => (p.startsWith("schema/") ? "schema" : p === "scripts/cli.ts" ? "cli" : p.startsWith("scripts/") ? p.split("/")[1] : undefined);
const edges = new Map();
const up = [];
const cycles = new Set();
for (const m of modules) {
  const a = layerOf(m.source);
  for (const d of m.dependencies) {
    if (d.circular && !d.resolved.includes("node_modules/")) cycles.add(`${m.source} -> ${d.resolved}`);
    const b = layerOf(d.resolved);
    if (!order.includes(a) || !order.includes(b) || a === b) continue;
    edges.set(`${a} -> ${b}`, (edges.get(`${a} -> ${b}`) ?? 0) + 1);
    if (order.indexOf(b) > order.indexOf(a) || (beside.has(a) && beside.has(b))) up.push(`${m.source} -> ${d.resolved}`);
  }
}
console.log("edges between layers (imports):");
for (const [edge, n] of [...edges].sort()) console.log(`  ${edge} (${n})`);
console.log(`imports up or beside: ${up.length}`);
for (const edge of up.sort()) console.log(`  ${edge}`);
console.log(`imports on a cycle: ${cycles.size}`);
for (const edge of [...cycles].sort()) console.log(`  ${edge}`);
