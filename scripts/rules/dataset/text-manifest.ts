import { TEXT_MANIFEST, TEXTS_FOLDER } from "../../dataset/texts.ts";
import type { DatasetRule } from "../types.ts";

export const textManifest: DatasetRule = {
  id: "text-manifest",
  family: "dataset",
  severity: "error",
  scope: "dataset",
  description: `Source texts kept in ${TEXTS_FOLDER}/ are listed in ${TEXT_MANIFEST} with the URL records cite and the SHA-256 of their exact bytes, and are unchanged.`,
  help: `List each text in ${TEXT_MANIFEST} as { "file", "url", "sha256" } (sha256sum gives the hash); keep the text byte for byte as captured.`,
  messages: {
    problem: "{{problem}}",
  },
  start: ({ textProblems }) => ({
    finish: () => textProblems.map((p) => ({ file: p.file, pointer: p.pointer, ...(p.position ? { position: p.position } : {}), messageId: "problem", data: { problem: p.message } })),
  }),
};
