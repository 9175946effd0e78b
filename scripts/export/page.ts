/**
 * The release's landing page, `index.html`: the dataset at a glance (counts,
 * charts of the active events by month, by event type and by country), the
 * latest changes, every download with its size and SHA-256, and how to cite.
 * It is made at build time from what the release knows, and is one file:
 * inline CSS, SVG charts drawn here (charts.ts), no script, no font, no
 * image, nothing fetched (a Content-Security-Policy says so to the browser),
 * every link to the release's own files relative. It reads without CSS, each
 * chart is a <figure> with a caption, a title and a description and a table
 * of the same numbers. Every text from data is escaped (core/html.ts). The
 * same release gives the same bytes: nothing comes from the clock.
 */
import { createHash } from "node:crypto";
import { parse as parseYaml } from "yaml";
import { countryName } from "../core/countries.ts";
import { escapeHtml, htmlLine } from "../core/html.ts";
import { plural } from "../core/plural.ts";
import { ABSTRACT, LICENCE } from "./about.ts";
import type { EventCountsData } from "./card.ts";
import { CHANGE_KINDS, type ChangeKind } from "./changes.ts";
import { barChart, columnChart, formatCount, type Bar } from "./charts.ts";
import { TABLES } from "./datapackage.ts";
import type { ReliabilityData } from "./reliability.ts";

export interface PageFile {
  /** The path in the release folder, `/`-separated. */
  path: string;
  bytes: number;
  sha256: string;
}

export interface PageInput {
  version: string;
  created?: string;
  counts: EventCountsData;
  /** The previous release's version (from its archive: data from outside), if any. */
  previousVersion?: string;
  changeCounts: ReadonlyMap<ChangeKind, number>;
  /** The first ids of each kind of change (the changelog's). */
  firstIds: ReadonlyMap<ChangeKind, readonly string[]>;
  /** Every file of the release folder but SHA256SUMS and index.html, with its size and hash. */
  files: readonly PageFile[];
  /** The archive's path relative to the release folder (it sits beside the folder: `../eventwire-<v>.tar.gz`). */
  archive: string;
  /** The text of CITATION.cff. */
  citation: string;
  /** The agreement with each second coding (the card's Reliability): a line in the header when there is any. */
  reliability?: ReliabilityData;
}

/** The header's line on reliability: each coder's alpha by field (the card has the tables); none without second codings. */
function reliabilityLine(data: ReliabilityData | undefined): string[] {
  if (!data || data.coders.length === 0) return [];
  const coders = data.coders.map(
    (c) => `${c.coder} (${plural(c.units, "unit")}): ${c.fields.map((f) => `${f.field} ${f.alpha === undefined ? "undefined" : f.alpha.toFixed(3)}`).join(", ")}`,
  );
  return [`<p>${escapeHtml(`Reliability, Krippendorff's alpha of the events against a blind second coding: ${coders.join("; ")} (README.md, "Reliability").`)}</p>`];
}

/** Countries drawn in the chart (the table lists them all). */
export const CHART_COUNTRIES = 20;
/** Above this many months between the first and the last, the chart is by year. */
const MAX_MONTHS = 600;

const CSS = `body{font-family:system-ui,sans-serif;line-height:1.5;color:#1b1b1b;background:#fff;max-width:60rem;margin:0 auto;padding:1rem}
a{color:#0b57d0}
h1,h2,h3{line-height:1.2}
nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;padding:0;list-style:none}
table{border-collapse:collapse;margin:.5rem 0;max-width:100%}
th,td{border:1px solid #767676;padding:.2rem .5rem;text-align:left;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
code,pre{font-family:ui-monospace,monospace;font-size:.9em}
td code{word-break:break-all}
td{overflow-wrap:anywhere}
#table-files code{font-size:.75em}
pre{background:#f3f3f3;padding:.5rem;overflow-x:auto;white-space:pre-wrap}
figure{margin:1rem 0}
figcaption{font-weight:600}
svg{max-width:100%;height:auto}
.counts{display:grid;grid-template-columns:repeat(auto-fit,minmax(8.5rem,1fr));gap:.5rem;padding:0;list-style:none}
.counts li{border:1px solid #767676;padding:.5rem}
.counts strong{display:block;font-size:1.5rem}`;

/** A relative link to a file of the release: each segment percent-encoded (a `:` cannot start a scheme), `=` of hive partitions kept. */
export function fileHref(rel: string): string {
  return rel
    .split("/")
    .map((s) => (s === ".." ? s : encodeURIComponent(s).replace(/%3D/g, "=")))
    .join("/");
}

/** A size as people read it (kB, MB, GB: powers of 1000). */
export function humanBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ["kB", "MB", "GB", "TB"];
  let n = bytes;
  let unit = -1;
  do {
    n /= 1000;
    unit++;
  } while (n >= 999.95 && unit < units.length - 1);
  return `${n.toFixed(1)} ${units[unit]}`;
}

const byKey = (a: [string, number], b: [string, number]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
const byCount = (a: [string, number], b: [string, number]) => b[1] - a[1] || byKey(a, b);

function countryLabel(code: string): string {
  const name = /^[A-Z]{3}$/.test(code) ? countryName(code) : undefined;
  return name ? `${code} ${name}` : code;
}

function shorten(text: string, length: number): string {
  const chars = [...text];
  return chars.length <= length ? text : `${chars.slice(0, length - 1).join("")}…`;
}

interface Series {
  /** What a bar is ("month" or "year"). */
  unit: string;
  bars: Bar[];
  /** Counts not on the time axis (events dated only to a year, in a chart by month). */
  aside: [string, number][];
}

/** The active events by month of their start, every month from the first to the last (empty ones too); by year when that spans more than MAX_MONTHS. */
export function timeSeries(byMonth: ReadonlyMap<string, number>, byYear: ReadonlyMap<string, number>): Series {
  const months: [number, number][] = [];
  const aside: [string, number][] = [];
  for (const [key, n] of [...byMonth].sort(byKey)) {
    const m = /^(\d{4})-(\d{2})$/.exec(key);
    if (m) months.push([Number(m[1]) * 12 + Number(m[2]) - 1, n]);
    else aside.push([key, n]);
  }
  if (months.length > 0 && months[months.length - 1]![0] - months[0]![0] < MAX_MONTHS) {
    const at = new Map(months);
    const bars: Bar[] = [];
    for (let i = months[0]![0]; i <= months[months.length - 1]![0]; i++) {
      const year = String(Math.floor(i / 12)).padStart(4, "0");
      const month = String((i % 12) + 1).padStart(2, "0");
      bars.push({ label: `${year}-${month}`, value: at.get(i) ?? 0, ...(month === "01" || i === months[0]![0] ? { short: month === "01" ? year : `${year}-${month}` } : {}) });
    }
    return { unit: "month", bars, aside };
  }
  if (months.length === 0 && aside.length === 0) return { unit: "month", bars: [], aside };
  // Too long a span for months (or no month at all): by year, each year that has events.
  return { unit: "year", bars: [...byYear].sort(byKey).map(([label, value]) => ({ label, value, short: label })), aside: [] };
}

function countTable(caption: string, head: string, rows: readonly [string, number][], id: string): string {
  return (
    `<table id="${id}"><caption>${escapeHtml(caption)}</caption><thead><tr><th scope="col">${escapeHtml(head)}</th><th scope="col" class="n">events</th></tr></thead><tbody>` +
    rows.map(([k, n]) => `<tr><th scope="row">${htmlLine(k)}</th><td class="n" data-count="${n}">${formatCount(n)}</td></tr>`).join("") +
    "</tbody></table>"
  );
}

function figure(id: string, caption: string, svg: string, table: string): string {
  return `<figure id="${id}"><figcaption>${caption}</figcaption>${svg}<details><summary>The numbers, as a table</summary>${table}</details></figure>`;
}

/** What a file of the release holds, in a few words. */
function describe(rel: string): string {
  const table = TABLES.find((t) => t.file === rel);
  if (table) return table.description;
  const known: Record<string, string> = {
    "events.jsonl": "Every event as one JSON object a line, in id order.",
    "datapackage.json": "Frictionless Data Package 2.0 descriptor: each table's columns, types, keys and relations.",
    "README.md": "The dataset card: what the release holds, its counts and every column.",
    "CITATION.cff": "How to cite this release (Citation File Format).",
    "CHANGELOG.md": "What changed since the previous release.",
    "eventwire.xlsx": "Every table as a sheet of one spreadsheet.",
  };
  if (known[rel]) return known[rel];
  let m = /^schema\/([^/]+)\.schema\.json$/.exec(rel);
  if (m) return `JSON Schema of ${m[1]} records.`;
  m = /^parquet\/events\/year=([^/]+)\/[^/]+\.parquet$/.exec(rel);
  if (m) return `Parquet: the events of ${m[1]} (hive partition by year).`;
  m = /^parquet\/([^/]+)\.parquet$/.exec(rel);
  if (m) return `Parquet: the ${m[1]} table, typed.`;
  return "";
}

/** A string of the citation file, or undefined. */
function cffString(value: unknown): string | undefined {
  return typeof value === "string" || typeof value === "number" ? String(value) : undefined;
}

/** A BibTeX field value: braces balanced away and TeX's special characters escaped. */
function bibtexValue(text: string): string {
  return text.replace(/[\\{}%&$#_^~]/g, (c) => (c === "\\" ? "\\textbackslash{}" : c === "^" ? "\\^{}" : c === "~" ? "\\~{}" : `\\${c}`));
}

/** A BibTeX entry (biblatex's @dataset, which BibTeX styles read as @misc) from the fields of CITATION.cff. */
export function bibtexOf(citation: string, version: string): string {
  let cff: Record<string, unknown> = {};
  try {
    const parsed = parseYaml(citation) as unknown;
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) cff = parsed as Record<string, unknown>;
  } catch {
    // An unreadable citation file gives the entry from the version alone.
  }
  const authors = Array.isArray(cff.authors)
    ? (cff.authors as unknown[])
        .map((a) => {
          if (!a || typeof a !== "object") return undefined;
          const o = a as Record<string, unknown>;
          const name = cffString(o.name);
          if (name) return `{${bibtexValue(name)}}`;
          const family = cffString(o["family-names"]);
          const given = cffString(o["given-names"]);
          return family ? bibtexValue(given ? `${family}, ${given}` : family) : undefined;
        })
        .filter((a): a is string => a !== undefined)
    : [];
  const date = cffString(cff["date-released"]);
  const fields: [string, string | undefined][] = [
    ["author", authors.length > 0 ? authors.join(" and ") : "{eventwire contributors}"],
    ["title", bibtexValue(cffString(cff.title) ?? "eventwire")],
    ["version", bibtexValue(cffString(cff.version) ?? version)],
    ["year", date ? bibtexValue(date.slice(0, 4)) : undefined],
    ["date", date ? bibtexValue(date) : undefined],
    ["doi", cffString(cff.doi) ? bibtexValue(cffString(cff.doi)!) : undefined],
    ["url", cffString(cff.url) ?? cffString(cff["repository-code"]) ? bibtexValue((cffString(cff.url) ?? cffString(cff["repository-code"]))!) : undefined],
    ["note", cffString(cff.license) ? `Licence: ${bibtexValue(cffString(cff.license)!)}` : undefined],
  ];
  const key = `eventwire_${(cffString(cff.version) ?? version).replace(/[^A-Za-z0-9]+/g, "_")}`;
  return `@dataset{${key},\n${fields
    .filter((f): f is [string, string] => f[1] !== undefined)
    .map(([k, v]) => `  ${k} = {${v}}`)
    .join(",\n")}\n}\n`;
}

export function landingPage(input: PageInput): string {
  const { counts, version } = input;
  const active = counts.byStatus.get("active") ?? 0;
  const statuses = [...counts.byStatus].sort(byCount);
  const types = [...counts.byType].sort(byCount);
  const countries = [...counts.byCountry].sort(byCount);
  const time = timeSeries(counts.byMonth, counts.byYear);
  const v = htmlLine(version);
  const out: string[] = [];
  const cssHash = createHash("sha256").update(CSS).digest("base64");
  out.push(
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-${cssHash}'; img-src data:; base-uri 'none'; form-action 'none'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>eventwire ${v}: news events dataset</title>`,
    '<link rel="icon" href="data:,">',
    `<style>${CSS}</style>`,
    "</head>",
    "<body>",
    "<header>",
    `<h1>eventwire ${v}</h1>`,
    `<p>${escapeHtml(`${ABSTRACT} Licence: ${LICENCE}.`)}</p>`,
    ...(input.counts.byOrigin.size > 0
      ? [
          `<p>${escapeHtml(
            `Imported records, not coded by hand: ${[...input.counts.byOrigin].sort(([a], [b]) => (a < b ? -1 : 1)).map(([d, n]) => `${n} from ${d}`).join(", ")}. Their sources' terms apply to them too (README.md, "Imported records").`,
          )}</p>`,
        ]
      : []),
    ...reliabilityLine(input.reliability),
    '<nav aria-label="On this page"><ul><li><a href="#counts">Counts</a></li><li><a href="#charts">Charts</a></li><li><a href="#changes">Latest changes</a></li><li><a href="#downloads">Downloads</a></li><li><a href="#cite">How to cite</a></li></ul></nav>',
    "</header>",
    "<main>",
  );

  // Counts.
  const months = time.bars.filter((b) => b.value > 0);
  out.push(
    '<section aria-labelledby="counts"><h2 id="counts">Counts</h2>',
    '<ul class="counts">',
    `<li id="count-events"><strong data-count="${counts.events}">${formatCount(counts.events)}</strong> events in all</li>`,
    `<li id="count-active"><strong data-count="${active}">${formatCount(active)}</strong> active events</li>`,
    `<li id="count-tombstones"><strong data-count="${counts.events - active}">${formatCount(counts.events - active)}</strong> tombstones (retracted or duplicate, kept so that their ids stay valid)</li>`,
    `<li id="count-types"><strong data-count="${types.length}">${formatCount(types.length)}</strong> event types among the active events</li>`,
    `<li id="count-countries"><strong data-count="${countries.length}">${formatCount(countries.length)}</strong> countries where active events took place</li>`,
    ...(months.length > 0 ? [`<li id="count-span"><strong>${htmlLine(months[0]!.label)} – ${htmlLine(months[months.length - 1]!.label)}</strong> the ${time.unit}s of the first and the last start dates</li>`] : []),
    "</ul>",
    countTable("Events by status", "status", statuses, "table-status"),
    "</section>",
  );

  // Charts.
  out.push('<section aria-labelledby="charts"><h2 id="charts">Charts</h2>', "<p>Active events only (tombstones are not counted). An event with locations in several countries counts once for each.</p>");
  const asideNote = time.aside.length > 0 ? ` ${formatCount(time.aside.reduce((s, [, n]) => s + n, 0))} events dated only to a year are not on the axis; the table lists them.` : "";
  const timeRows: [string, number][] = [...time.bars.map((b): [string, number] => [b.label, b.value]), ...time.aside];
  out.push(
    figure(
      "chart-time",
      `Active events by ${time.unit} of their start date${time.bars.length > 0 ? `, ${htmlLine(time.bars[0]!.label)} to ${htmlLine(time.bars[time.bars.length - 1]!.label)}` : ""}.${escapeHtml(asideNote)}`,
      columnChart({
        id: "svg-time",
        title: `Active events by ${time.unit}`,
        description: time.bars.length === 0 ? "No active events." : `${time.bars.length} ${time.unit}s; the most in one ${time.unit}: ${formatCount(Math.max(...time.bars.map((b) => b.value)))} (${time.bars.reduce((best, b) => (b.value > best.value ? b : best)).label}).`,
        bars: time.bars,
      }),
      countTable(`Active events by ${time.unit} of their start date`, time.unit, timeRows, "table-time"),
    ),
  );
  out.push(
    figure(
      "chart-types",
      "Active events by PLOVER event type, most first.",
      barChart({
        id: "svg-types",
        title: "Active events by event type",
        description: types.length === 0 ? "No active events." : types.map(([k, n]) => `${k}: ${formatCount(n)}`).join("; "),
        bars: types.map(([label, value]) => ({ label, value })),
      }),
      countTable("Active events by event type", "event type", types, "table-types"),
    ),
  );
  const drawn = countries.slice(0, CHART_COUNTRIES);
  out.push(
    figure(
      "chart-countries",
      `Active events by country (ISO 3166-1 alpha-3), most first${countries.length > drawn.length ? `: the ${drawn.length} with the most of ${formatCount(countries.length)} (the table lists them all)` : ""}.`,
      barChart({
        id: "svg-countries",
        title: "Active events by country",
        description: drawn.length === 0 ? "No active events." : drawn.map(([k, n]) => `${k}: ${formatCount(n)}`).join("; "),
        bars: drawn.map(([code, value]) => ({ label: countryLabel(code), short: shorten(countryLabel(code), 26), value })),
      }),
      countTable("Active events by country", "country", countries.map(([code, n]): [string, number] => [countryLabel(code), n]), "table-countries"),
    ),
  );
  out.push("</section>");

  // The latest changes.
  out.push(
    '<section aria-labelledby="changes"><h2 id="changes">Latest changes</h2>',
    `<p>${input.previousVersion !== undefined ? `Changes since ${htmlLine(input.previousVersion)}.` : "The first release: every event is new."} <a href="CHANGELOG.md">CHANGELOG.md</a> tells them, and <a href="changes.csv">changes.csv</a> lists every event that changed.</p>`,
  );
  const changed = CHANGE_KINDS.filter((k) => (input.changeCounts.get(k) ?? 0) > 0);
  if (changed.length === 0) out.push("<p>No event changed.</p>");
  else {
    out.push(countTable("Events by kind of change", "change", changed.map((k): [string, number] => [k, input.changeCounts.get(k) ?? 0]), "table-changes"));
    for (const kind of changed) {
      const n = input.changeCounts.get(kind) ?? 0;
      const ids = input.firstIds.get(kind) ?? [];
      out.push(
        `<h3 id="changes-${kind}">${escapeHtml(kind)} (${formatCount(n)})</h3>`,
        `<p>${ids.map((id) => `<code>${htmlLine(id)}</code>`).join(", ")}${n > ids.length ? `, and ${formatCount(n - ids.length)} more (changes.csv)` : ""}</p>`,
      );
    }
  }
  out.push("</section>");

  // Downloads.
  const files = [...input.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  out.push(
    '<section aria-labelledby="downloads"><h2 id="downloads">Downloads</h2>',
    `<p>Everything at once: <a href="${escapeHtml(fileHref(input.archive))}">${htmlLine(input.archive.split("/").pop()!)}</a> (the release folder as a .tar.gz). Checksums of every file: <a href="SHA256SUMS">SHA256SUMS</a> (<code>sha256sum -c SHA256SUMS</code> in the folder checks them all). The CSV files are UTF-8; ids are text: read them as strings.</p>`,
    '<table id="table-files"><caption>Every file of the release folder, with its size and SHA-256</caption><thead><tr><th scope="col">file</th><th scope="col">what it holds</th><th scope="col" class="n">size</th><th scope="col">SHA-256</th></tr></thead><tbody>',
    ...files.map(
      (f) =>
        `<tr><td><a href="${escapeHtml(fileHref(f.path))}">${htmlLine(f.path)}</a></td><td>${escapeHtml(describe(f.path)).replace(/`([^`]+)`/g, "<code>$1</code>")}</td><td class="n" data-bytes="${f.bytes}" title="${formatCount(f.bytes)} bytes">${humanBytes(f.bytes)}</td><td><code>${htmlLine(f.sha256)}</code></td></tr>`,
    ),
    "</tbody></table>",
    "</section>",
  );

  // How to cite.
  out.push(
    '<section aria-labelledby="cite"><h2 id="cite">How to cite</h2>',
    `<p>eventwire contributors (${input.created ? htmlLine(input.created.slice(0, 4)) : "n.d."}). <cite>eventwire</cite>, version ${v} [dataset]. CC BY 4.0. When you use an event, the report it cites (event_sources.csv) is the source of the facts: cite it too where it matters.</p>`,
    '<h3 id="cite-bibtex">BibTeX</h3>',
    `<pre>${escapeHtml(bibtexOf(input.citation, version))}</pre>`,
    '<h3 id="cite-cff">CITATION.cff</h3>',
    `<p>As in <a href="CITATION.cff">CITATION.cff</a> (read by GitHub, Zenodo and reference managers):</p>`,
    `<pre>${escapeHtml(input.citation)}</pre>`,
    "</section>",
    "</main>",
    `<footer><p>eventwire ${v}${input.created ? `, built from the repository as of ${htmlLine(input.created)}` : ""}. This page is one file made with the release: it loads nothing, and works from the unpacked folder offline.</p></footer>`,
    "</body>",
    "</html>",
    "",
  );
  return out.join("\n");
}
