/** The formats `eventwire import` reads, each in its own module (loaded only when used) with its mapping table in schema/mappings/. */
import type { ImportFormat } from "../types.ts";

export const FORMAT_NAMES = ["plover", "gdelt", "acled", "ucdp-ged"] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

export function isFormatName(name: string): name is FormatName {
  return (FORMAT_NAMES as readonly string[]).includes(name);
}

export async function loadFormat(name: FormatName): Promise<ImportFormat<any>> {
  switch (name) {
    case "plover":
      return (await import("./plover.ts")).format;
    case "gdelt":
      return (await import("./gdelt.ts")).format;
    case "acled":
      return (await import("./acled.ts")).format;
    case "ucdp-ged":
      return (await import("./ucdp-ged.ts")).format;
  }
}
