/**
 * The layers of the toolkit, lowest first; `npm test` runs this through
 * `npm run layers`. A module may import its own layer and those below it,
 * never one above, and no import (a type-only one counts) may close a cycle:
 *
 *   core <- schema <- dataset <- rules <- check <- report | export | agreement | import <- commands <- cli
 *
 * report, export, agreement and import sit side by side and do not import each other.
 * The release writes through a sink that the export layer hands to check, so
 * check needs nothing from export. scripts/build.ts and bench/ are tools on
 * top; nothing in the toolkit imports them. No exceptions are listed here:
 * a back edge is removed by moving code down or by inverting the dependency.
 */
const core = "^scripts/core/";
const schema = "^schema/";
const dataset = "^scripts/dataset/";
const rules = "^scripts/rules/";
const check = "^scripts/check/";
const report = "^scripts/report/";
const exportLayer = "^scripts/export/";
const agreement = "^scripts/agreement/";
const importLayer = "^scripts/import/";
const commands = "^scripts/commands/";
const cli = "^scripts/cli[.]ts$";
const tools = ["^scripts/build[.]ts$", "^bench/"];

// Lowest first; each entry's modules may import only those of earlier entries (and their own).
const layers = [
  ["core", [core]],
  ["schema", [schema]],
  ["dataset", [dataset]],
  ["rules", [rules]],
  ["check", [check]],
  ["report", [report]],
  ["export", [exportLayer]],
  ["agreement", [agreement]],
  ["import", [importLayer]],
  ["commands", [commands]],
  ["cli", [cli]],
];
// Layers on the same level: neither imports the other.
const sideBySide = new Set(["report", "export", "agreement", "import"]);

const forbidden = [];
layers.forEach(([name, from], index) => {
  const above = layers
    .slice(index + 1)
    .filter(([other]) => !(sideBySide.has(name) && sideBySide.has(other) && other !== name))
    .flatMap(([, paths]) => paths);
  forbidden.push({
    name: `${name}-imports-up`,
    comment: `${name} imports a layer above it (core <- schema <- dataset <- rules <- check <- report | export | agreement | import <- commands <- cli)`,
    severity: "error",
    from: { path: from },
    to: { path: [...above, ...tools] },
  });
  if (sideBySide.has(name))
    forbidden.push({
      name: `${name}-imports-beside`,
      comment: `report, export, agreement and import sit side by side and do not import each other`,
      severity: "error",
      from: { path: from },
      to: { path: layers.filter(([other]) => sideBySide.has(other) && other !== name).flatMap(([, paths]) => paths) },
    });
});
forbidden.push(
  {
    name: "no-cycle",
    comment: "an import cycle (a type-only import counts)",
    severity: "error",
    from: {},
    to: { circular: true },
  },
  {
    name: "toolkit-imports-tool",
    comment: "scripts/build.ts and bench/ are tools on top: the toolkit does not import them",
    severity: "error",
    from: { path: "^(scripts|schema)/", pathNot: tools },
    to: { path: tools },
  },
  {
    name: "not-resolvable",
    comment: "an import that does not resolve to a file: the check above would miss its edge",
    severity: "error",
    from: {},
    to: { couldNotResolve: true },
  },
);

module.exports = {
  forbidden,
  options: {
    // Type-only imports are edges too (`import type`, `import { type X }`).
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(node_modules|build|data)/" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".js", ".mjs", ".cjs", ".json", ".d.ts"],
    },
    moduleSystems: ["es6", "cjs"],
    reporterOptions: { text: { highlightFocused: true } },
  },
};
