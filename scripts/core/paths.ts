/** Where the toolkit's own files are, wherever it is run from. */
import { fileURLToPath } from "node:url";

/** The repository that holds the toolkit (schema/, scripts/). */
export const TOOLKIT_ROOT = fileURLToPath(new URL("../../", import.meta.url));
