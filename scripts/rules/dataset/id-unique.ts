import type { DatasetRule, RuleIssue } from "../types.ts";

export const idUnique: DatasetRule = {
  id: "id-unique",
  family: "dataset",
  severity: "error",
  scope: "dataset",
  description: "Every id is used by one record only (events, and each registry).",
  fix: "Give the newer record a fresh id (events: `eventwire new` mints one); never change the id of a published record.",
  check: ({ events, registryFiles }) => {
    const issues: (RuleIssue & { file: string })[] = [];
    const places = [
      ...events.map((e) => ({ key: `event:${e.event.id}`, id: e.event.id, file: e.file, locate: e.locate })),
      ...registryFiles.map((r) => ({ key: `${r.kind}:${r.id}`, id: r.id, file: r.file, locate: r.locate })),
    ];
    const byKey = new Map<string, typeof places>();
    for (const p of places) byKey.set(p.key, [...(byKey.get(p.key) ?? []), p]);
    for (const group of byKey.values()) {
      if (group.length < 2) continue;
      for (const p of group) {
        const others = group.filter((o) => o !== p);
        issues.push({
          file: p.file,
          pointer: "/id",
          message: `The id \`${p.id}\` is also used by ${others.map((o) => `\`${o.file}\``).join(", ")}.`,
          related: others.map((o) => ({ file: o.file, pointer: "/id" })),
        });
      }
    }
    return issues;
  },
};
