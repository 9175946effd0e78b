/**
 * Bar charts as SVG, drawn at build time for the release's landing page
 * (page.ts): no chart library and no script, so the page works offline, is
 * the same bytes for the same data, reads in a screen reader (role="img",
 * a <title> and a <desc> that give the numbers in words; the page puts a
 * table of the same numbers beside each chart) and stays small. Every label
 * is data and is escaped (core/html.ts). Lengths are written with at most
 * two decimals, so the output never depends on floating-point printing.
 */
import { escapeHtml, htmlLine } from "../core/html.ts";

export interface Bar {
  label: string;
  value: number;
  /** A shorter label for the axis (the full one stays in the bar's tooltip); the label when absent. */
  short?: string;
}

export interface ChartOptions {
  /** The id of the chart's <title> and <desc> (`<id>-title`, `<id>-desc`): unique in the page. */
  id: string;
  title: string;
  description: string;
  bars: readonly Bar[];
}

/** The bars' colour: 6.3:1 against white (WCAG AA for graphics and text alike). */
const BAR = "#2f6690";
const INK = "#1b1b1b";
const GRID = "#767676";
const WIDTH = 720;

/** A length for an SVG attribute: at most two decimals, no trailing zeros. */
export function svgNumber(n: number): string {
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? "0" : String(r);
}

/** A count with thousands separators (1,234,567): the same on every machine and locale. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function open(options: ChartOptions, height: number): string {
  const id = escapeHtml(options.id);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${WIDTH} ${svgNumber(height)}" width="${WIDTH}" height="${svgNumber(height)}" font-family="sans-serif" font-size="13" fill="${INK}">` +
    `<title id="${id}-title">${htmlLine(options.title)}</title><desc id="${id}-desc">${htmlLine(options.description)}</desc>`
  );
}

function empty(options: ChartOptions): string {
  return `${open(options, 40)}<text x="8" y="24">No events.</text></svg>`;
}

function maxOf(bars: readonly Bar[]): number {
  let max = 0;
  for (const b of bars) if (Number.isFinite(b.value) && b.value > max) max = b.value;
  return max;
}

/** A length proportional to `value` (a bar's), `full` for the largest; 0 for nothing, a negative or a non-number. */
function scaled(value: number, max: number, full: number): number {
  return max > 0 && Number.isFinite(value) && value > 0 ? (value / max) * full : 0;
}

/** Horizontal bars, one a row, each labelled on its left and its value on its right (event types, countries). */
export function barChart(options: ChartOptions): string {
  const bars = options.bars;
  if (bars.length === 0 || maxOf(bars) === 0) return empty(options);
  const labelWidth = 200;
  const valueWidth = 80;
  const plot = WIDTH - labelWidth - valueWidth;
  const row = 22;
  const max = maxOf(bars);
  const out = [open(options, bars.length * row + 8)];
  bars.forEach((b, i) => {
    const y = 4 + i * row;
    const w = scaled(b.value, max, plot);
    out.push(
      `<g><title>${htmlLine(`${b.label}: ${formatCount(b.value)}`)}</title>` +
        `<text x="${labelWidth - 8}" y="${svgNumber(y + 15)}" text-anchor="end">${htmlLine(b.short ?? b.label)}</text>` +
        `<rect x="${labelWidth}" y="${svgNumber(y + 3)}" width="${svgNumber(w)}" height="${row - 6}" fill="${BAR}" data-value="${escapeHtml(String(b.value))}"/>` +
        `<text x="${svgNumber(labelWidth + w + 6)}" y="${svgNumber(y + 15)}">${formatCount(b.value)}</text></g>`,
    );
  });
  out.push("</svg>");
  return out.join("");
}

/**
 * Vertical bars in order along the x axis (months): the axis labels every
 * bar when there are few, else the bars whose `short` label is given (the
 * first month of each year, say), thinned to at most 16 labels.
 */
export function columnChart(options: ChartOptions): string {
  const bars = options.bars;
  if (bars.length === 0 || maxOf(bars) === 0) return empty(options);
  const left = 56;
  const right = 12;
  const top = 18;
  const plotHeight = 200;
  const bottom = 36;
  const plot = WIDTH - left - right;
  const slot = plot / bars.length;
  const gap = bars.length <= 60 ? slot * 0.2 : 0;
  const max = maxOf(bars);
  const base = top + plotHeight;
  const out = [open(options, base + bottom)];
  // The axis: 0, half and the largest count.
  for (const tick of [0, max / 2, max]) {
    const y = base - scaled(tick, max, plotHeight);
    const label = Number.isInteger(tick) ? formatCount(tick) : svgNumber(tick);
    out.push(`<line x1="${left}" x2="${WIDTH - right}" y1="${svgNumber(y)}" y2="${svgNumber(y)}" stroke="${GRID}" stroke-width="${tick === 0 ? 1 : 0.5}"/><text x="${left - 6}" y="${svgNumber(y + 4)}" text-anchor="end">${label}</text>`);
  }
  const few = bars.length <= 12;
  const marked = bars.map((b, i) => (few || b.short !== undefined ? i : -1)).filter((i) => i >= 0);
  const every = Math.max(1, Math.ceil(marked.length / 16));
  const labelled = new Set(marked.filter((_, k) => k % every === 0));
  bars.forEach((b, i) => {
    const x = left + i * slot + gap / 2;
    const h = scaled(b.value, max, plotHeight);
    out.push(
      `<g><title>${htmlLine(`${b.label}: ${formatCount(b.value)}`)}</title>` +
        `<rect x="${svgNumber(x)}" y="${svgNumber(base - h)}" width="${svgNumber(slot - gap)}" height="${svgNumber(h)}" fill="${BAR}" data-value="${escapeHtml(String(b.value))}"/>` +
        (labelled.has(i) ? `<text x="${svgNumber(x + (slot - gap) / 2)}" y="${base + 16}" font-size="11" text-anchor="middle">${htmlLine(few ? b.label : (b.short ?? b.label))}</text>` : "") +
        "</g>",
    );
  });
  out.push("</svg>");
  return out.join("");
}
