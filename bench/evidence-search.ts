/**
 * Times evidence-quote on one record whose quotes are not in the kept text:
 *
 *   npx tsx bench/evidence-search.ts [quotes=2000] [length=400]
 *
 * The record cites the DW page of data/texts/ (5.5 KB); each quote is `length`
 * characters of the page's words in a seeded random order (found neither
 * exactly nor nearly). Prints the time of the rule's check and how many
 * quotes each finding kind got. With `--near`, prints the findings for a few
 * near misses instead (to compare the suggestions across versions).
 *
 * Measured on 2 shared cores (load 5 to 6), 2,000 quotes of 400 characters:
 * 49.2 s with Sellers' table (before issue 17), 0.47 to 0.67 s with the
 * bit-parallel search; `eventwire validate` of a dataset holding that one
 * record (928 KB of YAML), end to end, 1.8 to 3.0 s, 0.4 s with the rule off.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { TOOLKIT_ROOT } from "../scripts/core/paths.ts";
import { evidenceQuote } from "../scripts/rules/evidence/evidence-quote.ts";
import type { RuleIssue } from "../scripts/rules/types.ts";
import { messageOf } from "../scripts/check/file.ts";

const FILE = "dw-2023-02-28-blinken-central-asia.txt";
const absolute = path.join(TOOLKIT_ROOT, "data/texts", FILE);
const page = readFileSync(absolute, "utf8");
const url = "https://p.dw.com/p/4O4UG";
const texts = new Map([[url, { file: FILE, url, absolute, sha256: createHash("sha256").update(page).digest("hex") }]]);

const run = (quotes: string[]) =>
  evidenceQuote.check({
    record: { sources: [{ outlet: "dw", url }], evidence: quotes.map((exact) => ({ source: 0, claim: "event_type", quote: { exact } })) },
    texts,
  } as never) as RuleIssue[];

let seed = 17;
const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
const words = page.split(/\s+/).filter(Boolean);
const farQuote = (length: number) => {
  let q = "";
  while (q.length < length) q += (q ? " " : "") + words[Math.floor(random() * words.length)];
  return q.slice(0, length).trim();
};

if (process.argv.includes("--near")) {
  const at = (s: string, n: number) => page.slice(page.indexOf(s), page.indexOf(s) + n);
  const base = at("Antony Blinken met with", 95);
  const long = at("Blinken", 400);
  const cases = [
    base.replace("ministers", "minsters"),
    base.replace(" met with", " met"),
    base.replace("five", "5"),
    base.replace(/ /g, "  ").slice(0, 95),
    long.replace(/e/g, "é").slice(0, 400),
    long.slice(3, 390) + "xyz",
    at("Central Asia", 40).toUpperCase(),
    "Blinkn",
    "Antony Blinken met with foreign ministers from the six former Soviet states",
  ];
  for (const [i, q] of cases.entries()) for (const issue of run([q])) console.log(i, messageOf(evidenceQuote, issue));
} else {
  const n = Number(process.argv[2] ?? 2000);
  const length = Number(process.argv[3] ?? 400);
  const quotes = Array.from({ length: n }, () => farQuote(length));
  const start = performance.now();
  const issues = run(quotes);
  const ms = performance.now() - start;
  const kinds = new Map<string, number>();
  for (const i of issues) {
    const kind = messageOf(evidenceQuote, i).replace(/[0-9,]+/g, "N").slice(0, 60);
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  console.log(`${n} quotes of ${length} characters against ${FILE} (${page.length} characters): ${ms.toFixed(0)} ms`);
  for (const [k, v] of kinds) console.log(`  ${v} x ${k}...`);
}
