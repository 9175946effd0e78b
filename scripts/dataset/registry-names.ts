/**
 * The registries (data/actors/, data/outlets/) by name and by domain, for the
 * tools that turn what a person or a dataset names into registry ids: the
 * import, and `eventwire new --from-issue`. A name matches when it is the same
 * words, case, accents and punctuation aside; an address matches an outlet
 * when its host is one of the outlet's domains or under one.
 */
import path from "node:path";
import { absolutePath, listDataWithoutEvents } from "./discover.ts";
import { yaml } from "./parse.ts";
import { readText } from "./read.ts";

/** Lower-case words of a name, accents and punctuation dropped: how names are compared. */
export function nameKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The host of an http(s) address, lower case, without a trailing dot; undefined when it is none. */
export function hostOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return undefined;
    return parsed.hostname.toLowerCase().replace(/\.$/, "") || undefined;
  } catch {
    return undefined;
  }
}

export interface RegistryNames {
  actorIds: Set<string>;
  outletIds: Set<string>;
  /** The ids whose name or an alias has this key (more than one: the name is ambiguous). */
  actorsByName: Map<string, string[]>;
  outletsByName: Map<string, string[]>;
  /** Outlet id by domain (`dw.com`). */
  outletsByDomain: Map<string, string>;
}

/** Reads the registries of a dataset; an entry that does not read or parse still gives its id (its file name). */
export function readRegistryNames(root: string): RegistryNames {
  const names: RegistryNames = { actorIds: new Set(), outletIds: new Set(), actorsByName: new Map(), outletsByName: new Map(), outletsByDomain: new Map() };
  const add = (map: Map<string, string[]>, name: unknown, id: string) => {
    if (typeof name !== "string") return;
    const key = nameKey(name);
    if (!key) return;
    const list = map.get(key) ?? [];
    if (!list.includes(id)) list.push(id);
    map.set(key, list);
  };
  for (const file of listDataWithoutEvents(root)) {
    if (file.kind !== "actor" && file.kind !== "outlet") continue;
    const id = path.basename(file.path).replace(/\.(ya?ml|json)$/, "");
    (file.kind === "actor" ? names.actorIds : names.outletIds).add(id);
    const read = readText(absolutePath(file));
    if (!read.ok) continue;
    let value: unknown;
    try {
      value = file.format === "json" ? JSON.parse(read.text) : yaml().parse(read.text, { version: "1.2" });
    } catch {
      continue;
    }
    if (value === null || typeof value !== "object") continue;
    const v = value as Record<string, unknown>;
    const byName = file.kind === "actor" ? names.actorsByName : names.outletsByName;
    add(byName, v.name, id);
    if (Array.isArray(v.aliases)) for (const alias of v.aliases) add(byName, alias, id);
    if (file.kind === "outlet" && Array.isArray(v.domains))
      for (const domain of v.domains) if (typeof domain === "string" && !names.outletsByDomain.has(domain.toLowerCase())) names.outletsByDomain.set(domain.toLowerCase(), id);
  }
  return names;
}

/** The outlet whose domain the address is on (`www.dw.com/...` is on `dw.com`), or undefined. */
export function outletOfUrl(names: RegistryNames, url: string): string | undefined {
  const host = hostOf(url);
  if (!host) return undefined;
  for (let h = host; ; ) {
    const id = names.outletsByDomain.get(h);
    if (id) return id;
    const dot = h.indexOf(".");
    if (dot < 0) return undefined;
    h = h.slice(dot + 1);
  }
}
