/**
 * Whether a value survives exactly: a number as written, read to a double
 * and written back; a text as read, encoded as UTF-8. The rules number-exact
 * and text-unicode report what does not, and format and migrate refuse to
 * rewrite such a file (they never change a value).
 *
 * What "round-trips exactly" means: a number is read to the nearest double,
 * and that double is written back as the shortest decimal that reads to it
 * (what JSON.stringify, and so events.jsonl, writes). The number round-trips
 * when that decimal and the one written are the same decimal value, however
 * each is spelled: `1.50`, `1.5e0` and `15e-1` are all 1.5 and pass, as does
 * `-0` (zero); `180.00000000000001` reads as 180, `9007199254740993` as
 * 9007199254740992, `1e-400` as 0 and `1e400` as Infinity, and fail. Every
 * number of at most 15 significant digits between 1e-300 and 1e300 in size
 * passes. YAML's `0x`/`0o` integers pass when the double is the integer;
 * `.inf` and `.nan` never do (JSON has no such number).
 */

/** A decimal as sign, digits without leading or trailing zeros, and exponent: `-15e-1` for -1.50; "0" for any zero. */
function canonicalDecimal(text: string): string | undefined {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) return undefined;
  const fraction = m[3] ?? "";
  let digits = (m[2]! + fraction).replace(/^0+/, "");
  if (digits === "") return "0";
  let exponent = Number(m[4] ?? "0") - fraction.length;
  const trailing = /0+$/.exec(digits)?.[0].length ?? 0;
  digits = digits.slice(0, digits.length - trailing);
  exponent += trailing;
  return `${m[1] === "-" ? "-" : ""}${digits}e${exponent}`;
}

/**
 * Whether `written` (a number's source text, JSON or YAML 1.2 core) is the
 * value `value` exactly, in the sense above. A text that is no number syntax
 * the toolkit knows is given the benefit of the doubt (true).
 */
export function numberRoundTrips(written: string, value: number): boolean {
  const token = written.trim();
  if (!Number.isFinite(value)) return false;
  if (/^[+-]?0[xo][0-9a-f]+$/i.test(token)) {
    if (!Number.isInteger(value)) return false;
    const negative = token.startsWith("-");
    const magnitude = BigInt(token.replace(/^[+-]/, "").toLowerCase());
    return (negative ? -magnitude : magnitude) === BigInt(value);
  }
  const as = canonicalDecimal(token);
  if (as === undefined) return true;
  return as === canonicalDecimal(String(value));
}

/**
 * Texts that may hold a number that does not round-trip: 16 or more digits
 * (and points) in a row, an exponent of three digits, a hex or octal integer,
 * `.inf`, `.nan`. Any other number round-trips, so a record whose text has
 * none of these is not looked at further (a quick test on every record). Only
 * whole tokens count (nothing of a letter, digit or point on either side): an
 * id such as `ev-9e353vjh` sent one synthetic record in 120 through the slow
 * path (a full YAML parse), 0.6 s of a 100k-record run.
 */
export const SUSPECT_NUMBER = /(?<=^|[\s:,[{])[-+]?(?:\d[\d.]{15,}(?:[eE][+-]?\d+)?|[\d.]*\d[eE][+-]?\d{3,}|0[xXoO][\da-fA-F]+|\.(?:inf|Inf|INF|nan|NaN|NAN))(?![\w.])/;

/**
 * A quick test that every text SUSPECT_NUMBER matches passes, and most
 * records fail: each of SUSPECT_NUMBER's forms holds one of these
 * (16 digits or points in a row; a digit, an exponent mark and three digits;
 * `0x`/`0o` and a digit; `.inf`/`.nan`). SUSPECT_NUMBER's look-behind makes
 * irregexp try every position of the text: measured on 20k synthetic
 * records, it took 27-32 µs a record, this one 4-8 µs (16 classes written
 * out run faster than `[\d.]{16}`); 86 in 20k pass it and get the full test.
 */
const MAY_BE_SUSPECT = new RegExp(`${"[0-9.]".repeat(16)}|\\d[eE][+-]?\\d\\d\\d|0[xXoO][\\da-fA-F]|\\.(?:inf|Inf|INF|nan|NaN|NAN)`);

/** Whether a text may hold a number that does not round-trip: SUSPECT_NUMBER's test, after a quick one that most records fail. */
export function hasSuspectNumber(text: string): boolean {
  return MAY_BE_SUSPECT.test(text) && SUSPECT_NUMBER.test(text);
}

/**
 * Whether a record's source text can hold a lone surrogate at all: a UTF-8
 * file decoded strictly holds none, so one can only come from an escape of a
 * surrogate (`\uD83D` in JSON or a double-quoted YAML string, `\U0000D83D` in
 * YAML). Most records have no such escape and are not walked (measured: 0.2
 * µs a record, where walking every string cost about 8 µs).
 */
export function mayHoldLoneSurrogate(text: string): boolean {
  return text.indexOf("\\") !== -1 && /\\u[dD][89a-fA-F]|\\U0000[dD][89a-fA-F]/.test(text);
}

/** Where a text is not well-formed Unicode: the index of its first lone surrogate, or -1. */
export function loneSurrogateAt(text: string): number {
  const m = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.exec(text);
  return m ? m.index : -1;
}

/** A lone surrogate, as its code: `U+D83D`. */
export function surrogateName(text: string, at: number): string {
  return `U+${text.charCodeAt(at).toString(16).toUpperCase()}`;
}

/** What a double makes of a number, in words: "180", "Infinity", "0". */
export function doubleText(value: number): string {
  return Number.isNaN(value) ? "NaN" : String(value);
}
