/**
 * The release's landing page (index.html): its SVG charts (unit), its
 * escaping, its bytes (two builds, one page), and a real release opened from
 * the folder in headless Chromium (Debian's, driven by playwright-core):
 * nothing requested but the page, no console error, the numbers of
 * events.jsonl, every link resolving, the accessibility basics; a screenshot
 * is kept in test/artifacts/ (git-ignored).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { TOOLKIT_ROOT } from "../../scripts/core/paths.ts";
import { EventCounts } from "../../scripts/export/card.ts";
import { barChart, columnChart, formatCount, svgNumber } from "../../scripts/export/charts.ts";
import { bibtexOf, CHART_COUNTRIES, fileHref, humanBytes, landingPage, timeSeries, type PageInput } from "../../scripts/export/page.ts";
import { writeDataset } from "../helpers/dataset.ts";
import { run } from "../helpers/run.ts";
import { syntheticDataset } from "../helpers/synthetic-dataset.ts";

const CHROMIUM = "/usr/bin/chromium";
const ARTIFACTS = path.join(TOOLKIT_ROOT, "test", "artifacts");

/** The rects of an SVG, as numbers: [x, y, width, height, data-value]. */
function rects(svg: string): number[][] {
  return [...svg.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"[^>]* data-value="([^"]*)"/g)].map((m) => m.slice(1).map(Number));
}

function pageInput(counts: EventCounts, more: Partial<PageInput> = {}): PageInput {
  return {
    version: "1.0.0",
    created: "2026-11-27T00:00:00Z",
    counts: counts.data(),
    changeCounts: new Map(),
    firstIds: new Map(),
    files: [{ path: "events.jsonl", bytes: 1234, sha256: "ab".repeat(32) }],
    archive: "../eventwire-1.0.0.tar.gz",
    citation: 'cff-version: 1.2.0\ntitle: "eventwire"\nversion: "1.0.0"\nauthors:\n  - name: "eventwire contributors"\n',
    ...more,
  };
}

test("horizontal bars: lengths proportional to the values, the largest full, none for zero", () => {
  const svg = barChart({ id: "c", title: "t", description: "d", bars: [{ label: "A", value: 40 }, { label: "B", value: 10 }, { label: "C", value: 30 }, { label: "D", value: 0 }] });
  const r = rects(svg);
  assert.is(r.length, 4);
  const widths = r.map((x) => x[2]!);
  assert.is(widths[0], 440, "the largest spans the plot");
  assert.is(widths[1], 110);
  assert.is(widths[2], 330);
  assert.is(widths[3], 0);
  assert.equal(r.map((x) => x[4]), [40, 10, 30, 0]);
  assert.match(svg, /^<svg [^>]*role="img" aria-labelledby="c-title c-desc"/);
  assert.match(svg, /<title id="c-title">t<\/title><desc id="c-desc">d<\/desc>/);
});

test("columns: heights proportional, on one baseline; one month is one full column", () => {
  const svg = columnChart({ id: "m", title: "t", description: "d", bars: [{ label: "2023-01", value: 3 }, { label: "2023-02", value: 6 }, { label: "2023-03", value: 0 }] });
  const r = rects(svg);
  assert.equal(r.map((x) => x[3]), [100, 200, 0]);
  assert.equal(new Set(r.map((x) => x[1]! + x[3]!)).size, 1, "one baseline");
  assert.ok(r.every((x) => x[2]! > 0), "each column has a width");
  const one = rects(columnChart({ id: "m", title: "t", description: "d", bars: [{ label: "2023-02", value: 1 }] }));
  assert.is(one.length, 1);
  assert.is(one[0]![3], 200);
  assert.is(String(one[0]![2]), svgNumber(652 * 0.8), "a fifth of its slot is the gap");
});

test("labels are escaped as HTML: an outlet, a country or a version cannot open a tag", () => {
  const evil = `<script>alert(1)</script>&"'\u202e\u0000`;
  for (const chart of [barChart, columnChart]) {
    const svg = chart({ id: "x", title: evil, description: evil, bars: [{ label: evil, value: 1 }, { label: "b", value: 2 }] });
    assert.not.match(svg, /<script|\u202e|\u0000/);
    assert.match(svg, /&lt;script&gt;alert\(1\)&lt;\/script&gt;&amp;&quot;&#39;\\u202e/);
  }
  const counts = new EventCounts();
  counts.events = 2;
  counts.byStatus.set("active", 2);
  counts.byType.set("<b>CONSULT</b>", 2);
  counts.byCountry.set('"><img src=x onerror=alert(1)>', 2);
  counts.byMonth.set("<i>2023</i>", 1);
  counts.byMonth.set("2023-02", 1);
  counts.byYear.set("2023", 2);
  const html = landingPage(pageInput(counts, { version: "1.0.0<svg onload=alert(1)>", previousVersion: "<iframe src=//x>", created: "<u>2026", files: [{ path: "a b/<c>.csv", bytes: 1, sha256: "<x>" }], citation: "title: </pre><script>x</script>\n" }));
  assert.not.match(html, /<(b|i|u|img|iframe|script)[ >]|<svg onload/);
  assert.match(html, /&lt;b&gt;CONSULT&lt;\/b&gt;/);
  assert.match(html, /href="a%20b\/%3Cc%3E\.csv"/);
  assert.match(bibtexOf('title: "a {b} 100% & $x_1$"\nversion: "1"\n', "1"), /title = \{a \\\{b\\\} 100\\% \\& \\\$x\\_1\\\$\}/);
});

test("an empty dataset gives a page without bars; gaps between months are empty months; year-only dates are kept aside", () => {
  const html = landingPage(pageInput(new EventCounts()));
  assert.match(html, /No events\./);
  assert.not.match(html, /<rect/);
  assert.match(html, /<strong data-count="0">0<\/strong> events in all/);
  const series = timeSeries(new Map([["2022-11", 2], ["2023-02", 5], ["2023 (year only)", 1]]), new Map([["2022", 2], ["2023", 6]]));
  assert.equal(series.bars.map((b) => [b.label, b.value]), [["2022-11", 2], ["2022-12", 0], ["2023-01", 0], ["2023-02", 5]]);
  assert.equal(series.aside, [["2023 (year only)", 1]]);
  assert.equal(series.bars.filter((b) => b.short !== undefined).map((b) => b.short), ["2022-11", "2023"], "the first month and each January are on the axis");
  const long = timeSeries(new Map([["1900-01", 1], ["2023-01", 1]]), new Map([["1900", 1], ["2023", 1]]));
  assert.is(long.unit, "year", "a century of months is drawn by year");
  assert.is(fileHref("parquet/events/year=2023/part-0.parquet"), "parquet/events/year=2023/part-0.parquet");
  assert.is(fileHref("a:b.csv"), "a%3Ab.csv", "no scheme");
  assert.is(humanBytes(999), "999 B");
  assert.is(humanBytes(1_234_567), "1.2 MB");
  assert.is(formatCount(1234567), "1,234,567");
});


/** The counts the page should show, taken from events.jsonl here (not from the release's code). */
function countsOf(jsonl: string) {
  const events = jsonl.split("\n").filter(Boolean).map((l) => JSON.parse(l) as { id: string; status: string; event_type: string; date: { start: string }; locations: { country: string }[] });
  const tally = (keys: string[]) => {
    const m = new Map<string, number>();
    for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
    return m;
  };
  const active = events.filter((e) => e.status === "active");
  return {
    events: events.length,
    active: active.length,
    byStatus: tally(events.map((e) => e.status)),
    byType: tally(active.map((e) => e.event_type)),
    byCountry: tally(active.flatMap((e) => [...new Set(e.locations.map((l) => l.country))])),
    byMonth: tally(active.map((e) => (e.date.start.length >= 7 ? e.date.start.slice(0, 7) : `${e.date.start} (year only)`))),
  };
}

test("two builds of a release give the same index.html; a second release's page shows what changed; Chromium opens it offline", async () => {
  const files = syntheticDataset(80, 5);
  const root = writeDataset(files);
  try {
    const env = { SOURCE_DATE_EPOCH: "1700000000" };
    const pages: Buffer[] = [];
    for (const out of ["dist-a", "dist-b"]) {
      const r = await run(["release", "--version", "1.0.0", "--out", path.join(root, out)], { cwd: root, env });
      assert.is(r.code, 0, r.stderr);
      pages.push(readFileSync(path.join(root, out, "eventwire-1.0.0", "eventwire-1.0.0", "index.html")));
    }
    assert.ok(pages[0]!.equals(pages[1]!), "the same bytes");
    assert.ok(pages[0]!.length < 200_000, `small: ${pages[0]!.length} bytes`);

    // A second release: one event's title changed, another retracted.
    const [edited, retracted] = [3, 5].map((i) => Object.keys(files).filter((f) => f.startsWith("data/events/")).sort()[i]!);
    writeFileSync(path.join(root, edited!), files[edited!]!.replace(/^title: .*$/m, "title: A title changed for the second release"));
    assert.match(files[retracted!]!, /^status: active$/m);
    writeFileSync(path.join(root, retracted!), files[retracted!]!.replace(/^status: active$/m, "status: retracted\nretraction_reason: The source withdrew the report."));
    const r = await run(["release", "--version", "1.1.0", "--out", path.join(root, "dist-a"), "--previous", path.join(root, "dist-a", "eventwire-1.0.0", "eventwire-1.0.0.tar.gz")], { cwd: root, env });
    assert.is(r.code, 0, r.stderr);
    const folder = path.join(root, "dist-a", "eventwire-1.1.0", "eventwire-1.1.0");
    const html = readFileSync(path.join(folder, "index.html"), "utf8");
    assert.match(html, /Changes since 1\.0\.0\./);
    assert.match(html, /<h3 id="changes-modified">modified \(1\)<\/h3>/);
    assert.match(html, /<h3 id="changes-retracted">retracted \(1\)<\/h3>/);
    // SHA256SUMS lists the page; the page lists every other file with its size and hash.
    const sums = readFileSync(path.join(folder, "SHA256SUMS"), "utf8").trimEnd().split("\n").map((l) => [l.slice(0, 64), l.slice(66)] as const);
    assert.ok(sums.some(([, f]) => f === "index.html"), "SHA256SUMS lists index.html");
    for (const [sha, file] of sums) {
      if (file === "index.html") continue;
      const bytes = readFileSync(path.join(folder, file)).length;
      assert.ok(html.includes(`<a href="${fileHref(file)}">${file}</a></td>`), `${file} is listed`);
      assert.match(html, new RegExp(`data-bytes="${bytes}"[^<]*</td><td><code>${sha}</code>`), `${file}: size and hash`);
    }

    if (!existsSync(CHROMIUM)) {
      console.log(`page.test.ts: the Chromium checks are skipped: ${CHROMIUM} is absent (apt-get install chromium; .ci/run installs it)`);
      return;
    }
    await inChromium(folder);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

async function inChromium(folder: string): Promise<void> {
  const { chromium } = await import("playwright-core");
  // launch() starts the browser with a fresh user data dir of its own, removed when it closes.
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const requests: string[] = [];
    const problems: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    page.on("console", (message) => {
      if (message.type() === "error" || message.type() === "warning") problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    const url = pathToFileURL(path.join(folder, "index.html")).href;
    const response = await page.goto(url, { waitUntil: "load" });
    assert.ok(response === null || response.ok(), "the page loads");
    await page.waitForTimeout(200);
    assert.equal(requests, [url], "nothing requested but the page itself");
    assert.equal(problems, [], "no console error");

    // The numbers shown are those of events.jsonl, counted here.
    const expected = countsOf(readFileSync(path.join(folder, "events.jsonl"), "utf8"));
    const table = async (id: string) =>
      new Map(
        (await page.$$eval(`#${id} tbody tr`, (rows) => rows.map((r) => [r.querySelector("th")!.textContent!, r.querySelector("td")!.textContent!.replace(/,/g, "")] as const))).map(([k, n]) => [k, Number(n)]),
      );
    const shown = (id: string) => page.$eval(`#${id} strong`, (e) => [e.getAttribute("data-count"), e.textContent] as const);
    assert.equal(await shown("count-events"), [String(expected.events), formatCount(expected.events)]);
    assert.equal(await shown("count-active"), [String(expected.active), formatCount(expected.active)]);
    assert.equal(await shown("count-tombstones"), [String(expected.events - expected.active), formatCount(expected.events - expected.active)]);
    assert.is(expected.events - expected.active, 1, "the retracted event");
    assert.equal(await table("table-status"), expected.byStatus);
    assert.equal(await table("table-types"), expected.byType);
    const countries = await table("table-countries");
    assert.equal(new Map([...countries].map(([k, n]) => [k.slice(0, 3), n])), expected.byCountry);
    const months = await table("table-time");
    assert.equal(new Map([...months].filter(([, n]) => n > 0)), expected.byMonth);
    // Each chart draws its table's numbers (the country chart the first CHART_COUNTRIES rows), bars in the table's order.
    for (const [svg, id] of [["chart-types", "table-types"], ["chart-countries", "table-countries"], ["chart-time", "table-time"]] as const) {
      const drawn = await page.$$eval(`#${svg} svg rect`, (rs) => rs.map((r) => Number(r.getAttribute("data-value"))));
      const listed = [...(await table(id)).values()].slice(0, drawn.length);
      assert.ok(drawn.length > 0, svg);
      if (svg === "chart-countries") assert.is(drawn.length, Math.min(CHART_COUNTRIES, expected.byCountry.size));
      assert.equal(drawn, listed, `${svg} draws the numbers of ${id}`);
    }
    const changed = await table("table-changes");
    assert.equal(changed, new Map([["modified", 1], ["retracted", 1]]));

    // Every link resolves: a relative one to a file of the set, an anchor to an element of the page.
    const links = await page.$$eval("a[href]", (as) => as.map((a) => [a.getAttribute("href")!, (a as unknown as { href: string }).href] as const));
    assert.ok(links.length > 20, `${links.length} links`);
    for (const [href, resolved] of links) {
      if (href.startsWith("#")) assert.ok(await page.$(`[id="${href.slice(1)}"]`), `${href} exists`);
      else {
        assert.ok(resolved.startsWith("file://"), `${href} stays in the folder`);
        assert.ok(existsSync(fileURLToPath(resolved)), `${href} names a file of the release`);
      }
    }
    assert.ok(links.some(([href]) => href === "../eventwire-1.1.0.tar.gz"), "the archive");
    assert.ok(links.some(([href]) => href === "SHA256SUMS"), "SHA256SUMS");

    // Accessibility basics: a language, one h1, headings in order, each chart a figure with a caption, a titled SVG and a table.
    assert.is(await page.getAttribute("html", "lang"), "en");
    const levels = await page.$$eval("h1, h2, h3, h4, h5, h6", (hs) => hs.map((h) => Number(h.tagName[1])));
    assert.is(levels.filter((l) => l === 1).length, 1, "one h1");
    assert.is(levels[0], 1);
    levels.forEach((l, i) => i > 0 && assert.ok(l <= levels[i - 1]! + 1, `heading ${i} skips no level`));
    const figures = await page.$$eval("figure", (fs) =>
      fs.map((f) => ({
        caption: f.querySelector("figcaption")?.textContent ?? "",
        role: f.querySelector("svg")?.getAttribute("role"),
        title: f.querySelector("svg > title")?.textContent ?? "",
        desc: f.querySelector("svg > desc")?.textContent ?? "",
        rows: f.querySelectorAll("table tbody tr").length,
      })),
    );
    assert.is(figures.length, 3);
    for (const f of figures) {
      assert.ok(f.caption.length > 10 && f.title && f.desc, JSON.stringify(f));
      assert.is(f.role, "img");
      assert.ok(f.rows > 0);
    }

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, "landing-page.png"), fullPage: true });
    assert.ok(existsSync(path.join(ARTIFACTS, "landing-page.png")));

    // On a phone's width the page reflows (WCAG 1.4.10): nothing wider than the screen, so no sideways scrolling.
    await page.setViewportSize({ width: 390, height: 844 });
    const widest = await page.$eval("html", (html: { scrollWidth: number }) => html.scrollWidth);
    assert.ok(widest <= 390, `the page is ${widest} px wide on a 390 px screen`);
    await page.screenshot({ path: path.join(ARTIFACTS, "landing-page-phone.png"), fullPage: true });
  } finally {
    await browser.close();
  }
}

test.run();
