import type { FileRule } from "../types.ts";
import { configIssues } from "./problems.ts";

/** A glob of eventwire.config.yaml (`overrides[].files`, `ignores`) that cannot be one: not applied. */
export const configGlob: FileRule = {
  meta: {
    id: "config-glob",
    family: "config",
    severity: "error",
    description: "Every glob of the configuration file (`overrides[].files`, `ignores`) is a path or glob from the dataset's root that can match a file: not empty, not absolute, not outside the root, and readable as a glob.",
    help: "Write it from the dataset's root with `/` between folders, as data/events/2021/** (a folder's path covers every file under it); it is not applied until then.",
    messages: {
      empty: "An empty glob matches no file; it is not applied.",
      absolute: "`{{glob}}` is an absolute path; globs are read from the dataset's root (data/events/**). It is not applied.",
      outside: "`{{glob}}` goes up out of the dataset's root (`..`), where no checked file is; it is not applied.",
      unreadable: "`{{glob}}` cannot be read as a glob: {{problem}}. It is not applied.",
    },
  },
  scope: "file",
  check: (ctx) => configIssues("config-glob", ctx),
};
