/** Pieces the per-rule test files (test/rules/<id>.test.ts) build their records from. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { TOOLKIT_ROOT } from "../../scripts/core/paths.ts";
import { EVENT_PATH, EVENT_YAML, editEvent } from "./dataset.ts";

/** The DW page as the repository keeps it: the example event's evidence quotes it. */
export const PAGE = readFileSync(path.join(TOOLKIT_ROOT, "data/texts/dw-2023-02-28-blinken-central-asia.txt"), "utf8");
export const PAGE_URL = "https://p.dw.com/p/4O4UG";
export const TEXTS = { [PAGE_URL]: PAGE };

export const QUOTE = "      exact: Antony Blinken met with foreign ministers from the five former Soviet republics of Central Asia";
/** The example event with its quote (and what follows it: the position by default) replaced. */
export const withQuote = (exact: string, rest = "    position: { start: 558, end: 653 }") => editEvent(`${QUOTE}\n    position: { start: 558, end: 653 }`, `      exact: ${exact}\n${rest}`);

/** The example event as JSON, and its path. */
export const JSON_E = EVENT_PATH.replace(/\.yaml$/, ".json");
export const JSON_EVENT = JSON.stringify(parseYaml(EVENT_YAML), null, 2) + "\n";

export const outletWith = (id: string, domains: string) => `schema_version: "1.3.0"\nid: ${id}\nname: ${id.toUpperCase()}\nkind: online\ncountry: DEU\ndomains: ${domains}\n`;

/** What an event built by `eventText` differs in from the example event. */
export interface EventFields {
  id?: string;
  status?: string;
  duplicateOf?: string;
  start?: string;
  type?: string;
  /** null: no mode. */
  mode?: string | null;
  actors?: string[];
  /** The countries of its locations, one location each; [] for an event without locations. */
  countries?: string[];
}

/** The example event (YAML) with other fields: what dataset rules compare. */
export function eventText(fields: EventFields = {}): string {
  const { id = "ev-p6w7bxbz", status = "active", duplicateOf, start = "2023-02-28", type = "CONSULT", mode = "multilateral", actors = ["antony-blinken", "kazakhstan"], countries = ["KAZ"] } = fields;
  let text = editEvent("id: ev-p6w7bxbz", `id: ${id}`);
  text = editEvent("status: active", `status: ${status}${duplicateOf === undefined ? "" : `\nduplicate_of: ${duplicateOf}`}`, text);
  text = editEvent('start: "2023-02-28"', `start: "${start}"`, text);
  text = editEvent("event_type: CONSULT\nmode: multilateral\n", `event_type: ${type}\n${mode === null ? "" : `mode: ${mode}\n`}`, text);
  text = editEvent("  - actor: antony-blinken\n    role: initiator\n  - actor: kazakhstan\n    role: recipient\n", actors.map((a, i) => `  - actor: ${a}\n    role: ${i === 0 ? "initiator" : "recipient"}\n`).join(""), text);
  // No countries: no locations at all (schema 1.3.0).
  if (countries.length === 0) return editEvent("locations:\n  - name: Kazakhstan\n    country: KAZ\n    precision: country\n", "", text);
  return editEvent("  - name: Kazakhstan\n    country: KAZ\n    precision: country\n", countries.map((c) => `  - name: ${c}\n    country: ${c}\n    precision: country\n`).join(""), text);
}

/** The path of an event with `id` and `start` (its month's folder). */
export const eventPath = (id: string, start = "2023-02-28") => `data/events/${start.slice(0, 4)}/${start.slice(5, 7) || "01"}/${id}.yaml`;
