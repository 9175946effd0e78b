/**
 * Where validate writes files of its own (the cache, the suppressions file):
 * never under data/, where validate would list and check them as the
 * dataset's files. Judged on real paths, so that a folder reached through a
 * symbolic link (`dl/x` with dl -> data) is where it really is: the nearest
 * part of the path that exists is resolved (realpath), the rest, not there
 * yet, is joined to it. The file itself is not resolved: a write replaces it
 * (writeFileAtomic renames over it), and a reader refuses a link.
 */
import { realpathSync } from "node:fs";
import path from "node:path";
import { inlineValue } from "./escape.ts";
import { UsageError } from "./io.ts";

/** `absolute` with the nearest existing folder above it resolved through links (the parts not there yet as they are). */
export function realParentPath(absolute: string): string {
  const resolved = path.resolve(absolute);
  const rest: string[] = [path.basename(resolved)];
  let folder = path.dirname(resolved);
  for (;;) {
    try {
      return path.join(realpathSync(folder), ...rest);
    } catch {
      const up = path.dirname(folder);
      if (up === folder) return resolved;
      rest.unshift(path.basename(folder));
      folder = up;
    }
  }
}

/** Whether `absolute` is data/ of `root` or under it, on real paths (see realParentPath). */
export function isUnderData(root: string, absolute: string): boolean {
  let data: string;
  try {
    data = realpathSync(path.join(root, "data"));
  } catch {
    data = realParentPath(path.join(root, "data"));
  }
  const rel = path.relative(data, realParentPath(absolute));
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/** A usage error when `absolute`, given with `option`, is under data/ (what validate would check as a record file). */
export function refuseUnderData(root: string, absolute: string, option: string, what: string): void {
  if (isUnderData(root, absolute))
    throw new UsageError(`${option} may not be under data/ (validate would check ${what} as a file of the dataset): ${inlineValue(absolute)}`);
}
