/** Every string value of a record with its JSON Pointer. */
export function* stringsOf(value: unknown, pointer = ""): Generator<[string, string]> {
  if (typeof value === "string") yield [pointer, value];
  else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* stringsOf(value[i], `${pointer}/${i}`);
  else if (value !== null && typeof value === "object")
    for (const [k, v] of Object.entries(value)) yield* stringsOf(v, `${pointer}/${k.replace(/~/g, "~0").replace(/\//g, "~1")}`);
}
