/** JSON Pointer (RFC 6901) helpers. */

export function pointerToSegments(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

export function segmentsToPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => "/" + String(s).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}

/** `/sources/0/outlet` -> `sources[0].outlet`, the way a contributor reads a record. */
export function pointerToPath(pointer: string): string {
  let path = "";
  for (const s of pointerToSegments(pointer)) path += /^\d+$/.test(s) ? `[${s}]` : path === "" ? s : `.${s}`;
  return path === "" ? "(the record)" : path;
}
