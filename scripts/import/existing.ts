/**
 * What an import finds in the folder it writes to: the records there, by id,
 * so that an event imported before is compared with its new version (and
 * left alone when nothing changed), not written twice. Only folders and
 * regular files are walked: a symbolic link is never followed.
 */
import { readdirSync } from "node:fs";
import path from "node:path";

const RECORD_FILE = /\.(ya?ml|json)$/;

/** The record files under a folder, relative to it, sorted; `recursive` for data/events/YYYY/MM/. A folder that is not there gives none. */
export function listRecordFiles(folder: string, recursive: boolean): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    let entries;
    try {
      entries = readdirSync(path.join(folder, rel), { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT" || (error as NodeJS.ErrnoException).code === "ENOTDIR") return;
      throw error;
    }
    for (const e of entries) {
      const name = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (recursive) walk(name);
      } else if (e.isFile() && RECORD_FILE.test(e.name)) out.push(name);
    }
  };
  walk("");
  return out.sort();
}

/** The event files under `<data folder>/events`, by id (the file name without its extension). */
export function existingEvents(dataFolder: string): Map<string, string> {
  const byId = new Map<string, string>();
  for (const rel of listRecordFiles(path.join(dataFolder, "events"), true)) {
    const id = path.basename(rel).replace(RECORD_FILE, "");
    if (!byId.has(id)) byId.set(id, `events/${rel}`);
  }
  return byId;
}
