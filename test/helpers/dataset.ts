/** Throwaway datasets on disk: a few registry entries plus the files a test gives. */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { checkDataset } from "../../scripts/check/run.ts";
import { discover } from "../../scripts/dataset/discover.ts";

export const EVENT_PATH = "data/events/2023/02/ev-p6w7bxbz.yaml";

/** A valid event as its contributor would write it; tests edit single lines. */
export const EVENT_YAML = `schema_version: "1.3.0"
id: ev-p6w7bxbz
status: active
title: Blinken meets the five Central Asian foreign ministers
summary: Antony Blinken met the foreign ministers of the five Central Asian states.
date:
  start: "2023-02-28"
  precision: day
event_type: CONSULT
mode: multilateral
actors:
  - actor: antony-blinken
    role: initiator
  - actor: kazakhstan
    role: recipient
locations:
  - name: Kazakhstan
    country: KAZ
    precision: country
sources:
  - outlet: dw
    via: [afp, reuters]
    title: Top US diplomat visits Central Asia with eye on Russia
    url: https://p.dw.com/p/4O4UG
    published: "2023-02-28"
    language: en
provenance:
  coded_by: [eventwire]
  coded_at: "2026-11-27"
  method: manual
evidence:
  - source: 0
    claim: event_type
    quote:
      exact: Antony Blinken met with foreign ministers from the five former Soviet republics of Central Asia
    position: { start: 558, end: 653 }
  - source: 0
    claim: date
    quote:
      exact: Antony Blinken on Tuesday was visiting Kazakhstan
`;

/** The example event without locations (schema 1.3.0 allows it: imported records often cannot say where). */
export const EVENT_WITHOUT_LOCATIONS = EVENT_YAML.replace("locations:\n  - name: Kazakhstan\n    country: KAZ\n    precision: country\n", "");

export const REGISTRY: Record<string, string> = {
  "data/outlets/dw.yaml": 'schema_version: "1.3.0"\nid: dw\nname: Deutsche Welle\nkind: broadcaster\ncountry: DEU\ndomains: [dw.com]\n',
  "data/outlets/afp.yaml": 'schema_version: "1.3.0"\nid: afp\nname: Agence France-Presse\nkind: wire_agency\ncountry: FRA\ndomains: [afp.com]\n',
  "data/outlets/reuters.yaml": 'schema_version: "1.3.0"\nid: reuters\nname: Reuters\nkind: wire_agency\ncountry: GBR\ndomains: [reuters.com]\n',
  "data/actors/antony-blinken.yaml": 'schema_version: "1.3.0"\nid: antony-blinken\nname: Antony Blinken\nkind: person\ncountry: USA\n',
  "data/actors/kazakhstan.yaml": 'schema_version: "1.3.0"\nid: kazakhstan\nname: Kazakhstan\nkind: state\ncountry: KAZ\n',
};

/** Replaces one exact piece of the example event (it must occur). */
export function editEvent(from: string, to: string, base = EVENT_YAML): string {
  if (!base.includes(from)) throw new Error(`the example event has no ${JSON.stringify(from)}`);
  return base.replace(from, to);
}

/**
 * The event (the example event by default) with a schema error that moves no
 * line: a status that is none of the enum's. Record rules still judge the rest.
 */
export function withSchemaError(code = EVENT_YAML): string {
  return editEvent("status: active\n", "status: activ\n", code);
}

/** Every file under data/ (and, where a run left one, the temporary folder), with its content: what a run changed. */
export function snapshot(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    for (const e of readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const name = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(name);
      else out.set(name, readFileSync(path.join(root, name), "utf8"));
    }
  };
  walk("data");
  if (existsSync(path.join(root, ".eventwire.tmp"))) walk(".eventwire.tmp");
  return out;
}

export function writeDataset(files: Record<string, string | Buffer>): string {
  const root = mkdtempSync(path.join(tmpdir(), "eventwire-test-"));
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), content);
  }
  return root;
}

/** Checks a dataset made of the registry and `files`; findings as `rule@line:col`. */
export async function findingsFor(
  files: Record<string, string | Buffer>,
  today = "2026-11-27",
  deleted: string[] = [],
  links: Record<string, string> = {},
  setup?: (root: string) => void,
): Promise<string[]> {
  const root = writeDataset({ ...REGISTRY, ...files });
  for (const [link, target] of Object.entries(links)) symlinkSync(target, path.join(root, link));
  try {
    setup?.(root);
    const result = await checkDataset(root, await discover(root), { today, deleted });
    return result.findings.map((f) => `${f.file}|${f.rule}@${f.line}:${f.column}`);
  } finally {
    // rm copes with what a setup may make that rmSync cannot name (a name that is not UTF-8).
    if (setup) execFileSync("rm", ["-rf", root]);
    else rmSync(root, { recursive: true, force: true });
  }
}
