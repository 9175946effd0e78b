/** Placeholder: the acled importer is being written (issue 20); until then the format refuses every file. */
import { UsageError } from "../../core/io.ts";
import type { ImportFormat } from "../types.ts";

export const format: ImportFormat<never> = {
  name: "acled",
  dataset: "acled",
  defaultVersion: "unknown",
  description: "not yet available",
  // eslint-disable-next-line require-yield
  async *rows() {
    throw new UsageError("the acled importer is not available yet");
  },
  map: () => ({ ok: false, reason: "not available" }),
};
