import { TEXT_MANIFEST, TEXTS_FOLDER } from "../../dataset/texts.ts";
import type { DatasetRule } from "../types.ts";

export const textManifest: DatasetRule = {
  meta: {
    id: "text-manifest",
    family: "dataset",
    severity: "error",
    description: `Source texts kept in ${TEXTS_FOLDER}/ (and in the folder of \`validate --texts\`) are listed in ${TEXT_MANIFEST} (that folder's manifest.json) with the URL records cite and the SHA-256 of their exact bytes, and are unchanged.`,
    help: `List each text in ${TEXT_MANIFEST} as { "file", "url", "sha256" } (sha256sum gives the hash); keep the text byte for byte as captured.`,
    messages: {
      noManifest: "A text file without a manifest: list it in {{manifest}} with its source URL and SHA-256.",
      manifestLink: "The manifest is a symbolic link; it was not read, and no evidence is checked against kept texts.",
      manifestNotRegular: "The manifest is {{what}}; it was not read, and no evidence is checked against kept texts.",
      manifestUnreadable: "The manifest cannot be read ({{detail}}); no evidence is checked against kept texts.",
      manifestSyntax: "The manifest does not parse: {{problem}}",
      manifestShape: "The manifest must be an object with a `texts` list.",
      entryShape: "`texts[{{index}}]` must be an object: { file, url, sha256 }.",
      entryFile: "`texts[{{index}}].file` must be the name of a .txt file in {{folder}}/ (lower case, no folders).",
      entryUrl: "`texts[{{index}}].url` must be the http(s) address that records cite for this text.",
      entrySha256: "`texts[{{index}}].sha256` must be the SHA-256 of the file's bytes, 64 lower-case hex digits.",
      twoTexts: "`{{url}}` has two texts; keep one text a source.",
      notInFolder: "`{{name}}` is listed but not in {{folder}}/ (as a file, not a link).",
      textUnreadable: "`{{name}}` cannot be read as a text ({{detail}}).",
      changed: "`{{name}}` has changed: its SHA-256 is {{actual}}, not the one listed. A kept text is the page byte for byte; restore it (evidence against it is not checked meanwhile).",
      notListed: "This text is not listed in {{manifest}}: add it with its source URL and SHA-256, or remove it.",
    },
  },
  scope: "dataset",
  start: ({ textProblems }) => ({
    finish: () => textProblems.map((p) => ({ file: p.file, pointer: p.pointer, ...(p.position ? { position: p.position } : {}), messageId: p.kind, ...(p.data ? { data: p.data } : {}) })),
  }),
};
