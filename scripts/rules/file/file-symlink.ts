import type { FileRule } from "../types.ts";

export const fileSymlink: FileRule = {
  meta: {
    id: "file-symlink",
    family: "file",
    severity: "error",
    description: "Nothing under data/ is a symbolic link: a link is never followed (it could point anywhere, or count a record twice).",
    help: "Replace the link with the record file itself (`git mv` the file into place), or remove it.",
    messages: {
      symlink: "This is a symbolic link, not a file; it was not read.",
      symlinkTo: "This is a symbolic link (to `{{target}}`), not a file; it was not read.",
      symlinkOutside: "This is a symbolic link that leaves the repository (to `{{target}}`); it was not read.",
    },
  },
  scope: "file",
  check: ({ file, read }) => {
    // A link that was a file when data/ was listed: refused when opened (O_NOFOLLOW).
    if (!file.symlink) return !read.ok && read.problem === "symlink" ? [{ messageId: "symlink" }] : [];
    const { target, insideRoot } = file.symlink;
    return [{ messageId: insideRoot ? "symlinkTo" : "symlinkOutside", data: { target } }];
  },
};
