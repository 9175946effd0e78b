/** JSON Pointer (RFC 6901) helpers. */

export function pointerToSegments(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** One segment of a pointer, escaped (`~` as `~0`, `/` as `~1`); most keys have neither and are given back as they are. */
export function escapeSegment(segment: string): string {
  return segment.includes("~") || segment.includes("/") ? segment.replace(/~/g, "~0").replace(/\//g, "~1") : segment;
}

export function segmentsToPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => "/" + escapeSegment(String(s))).join("");
}

/** A JSON object (not null, not an array). */
export const isObject = (value: unknown): value is Readonly<Record<string, unknown>> => typeof value === "object" && value !== null && !Array.isArray(value);

/** `/sources/0/outlet` -> `sources[0].outlet`, the way a contributor reads a record. */
export function pointerToPath(pointer: string): string {
  let path = "";
  for (const s of pointerToSegments(pointer)) path += /^\d+$/.test(s) ? `[${s}]` : path === "" ? s : `.${s}`;
  return path === "" ? "(the record)" : path;
}

/** The value at `pointer` in `value` (own properties and list indexes only), or undefined. */
export function valueAt(value: unknown, pointer: string): unknown {
  let at = value;
  for (const s of pointerToSegments(pointer)) {
    if (Array.isArray(at)) {
      if (!/^(?:0|[1-9]\d*)$/.test(s)) return undefined;
      at = at[Number(s)];
    } else if (isObject(at) && Object.hasOwn(at, s)) at = at[s];
    else return undefined;
  }
  return at;
}
