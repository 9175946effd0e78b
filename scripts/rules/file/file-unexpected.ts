import { CODINGS_FOLDER, RECORD_FOLDERS } from "../../dataset/discover.ts";
import { TEXTS_FOLDER } from "../../dataset/texts.ts";
import type { FileRule } from "../types.ts";

export const fileUnexpected: FileRule = {
  meta: {
    id: "file-unexpected",
    family: "file",
    severity: "error",
    description: `Every file under data/ is a record (a .yaml, .yml or .json file in a record folder, or a second coding in a coder's folder under ${CODINGS_FOLDER}/) or a kept source text in ${TEXTS_FOLDER}/.`,
    help: `Records live in ${Object.values(RECORD_FOLDERS).join("/, ")}/ as .yaml or .json files, second codings in ${CODINGS_FOLDER}/<coder>/ (a folder a coder), source texts in ${TEXTS_FOLDER}/ (text-manifest checks those); move or remove anything else.`,
    messages: {
      notRecord: "This file is not a record: only .yaml, .yml and .json files belong under data/.",
      notInFolder: "This file is not in a record folder.",
      notInCoderFolder: `This file is not in a coder's folder: a second coding goes in ${CODINGS_FOLDER}/<coder>/YYYY/MM/.`,
    },
  },
  scope: "file",
  check: ({ file }) =>
    file.kind === null && !file.symlink && !file.unread && !file.path.startsWith(`${TEXTS_FOLDER}/`)
      ? [{ messageId: file.format === null ? "notRecord" : file.path.startsWith(`${CODINGS_FOLDER}/`) ? "notInCoderFolder" : "notInFolder" }]
      : [],
};
