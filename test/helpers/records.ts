/** Valid example records that tests mutate one field at a time. */
export function validEvent(): Record<string, unknown> {
  return {
    schema_version: "1.3.0",
    id: "ev-p6w7bxbz",
    status: "active",
    title: "Blinken meets the five Central Asian foreign ministers",
    summary: "Antony Blinken held a meeting with the foreign ministers of the five Central Asian states.",
    date: { start: "2023-02-28", precision: "day" },
    event_type: "CONSULT",
    mode: "multilateral",
    actors: [
      { actor: "antony-blinken", role: "initiator" },
      { actor: "kazakhstan", role: "recipient" },
    ],
    locations: [{ name: "Kazakhstan", country: "KAZ", precision: "country" }],
    sources: [
      {
        outlet: "dw",
        via: ["afp", "reuters"],
        title: "Top US diplomat visits Central Asia with eye on Russia",
        url: "https://p.dw.com/p/4O4UG",
        published: "2023-02-28",
        language: "en",
      },
    ],
    tags: ["central-asia"],
    provenance: { coded_by: ["eventwire"], coded_at: "2026-11-27", method: "manual" },
  };
}

export function validActor(): Record<string, unknown> {
  return {
    schema_version: "1.3.0",
    id: "antony-blinken",
    name: "Antony Blinken",
    kind: "person",
    country: "USA",
    aliases: ["Tony Blinken"],
    offices: [{ title: "US Secretary of State", from: "2021-01-26", to: "2025-01-20" }],
  };
}

export function validOutlet(): Record<string, unknown> {
  return { schema_version: "1.3.0", id: "dw", name: "Deutsche Welle", kind: "broadcaster", country: "DEU", domains: ["dw.com"] };
}

/** Sets (or with `undefined`, deletes) the value at a dotted path such as `sources.0.url`. */
export function setPath(record: Record<string, unknown>, dotted: string, value: unknown): Record<string, unknown> {
  const keys = dotted.split(".");
  let node = record as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) node = node[k] as Record<string, unknown>;
  const last = keys[keys.length - 1]!;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return record;
}
