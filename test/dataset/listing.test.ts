/** The packed listing of data/: the same files, in the same order, as a sorted array of entries. */
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { execFileSync } from "node:child_process";
import { byPath, coderOf, discover, entriesAt, eventFolder, idFromPath, idOrder, kindOf, listData, toDatasetFile } from "../../scripts/dataset/discover.ts";
import { assertSortedByPath, datasetCodings, datasetEvents, fileAtPath, filesNotEvents, filesOfKind, indexOfPath } from "../../scripts/dataset/listing.ts";
import { writeDataset } from "../helpers/dataset.ts";

test("second codings: a coder's folder under data/codings/ holds events, known by the coder its path names; a file right in data/codings/ is no record", async () => {
  assert.is(coderOf("data/codings/coder-b/2023/02/ev-aaaaaaaa.yaml"), "coder-b");
  assert.is(coderOf("data/codings/coder-b"), undefined);
  assert.is(coderOf("data/codings/ev-aaaaaaaa.yaml"), undefined);
  assert.is(coderOf("data/codings//x.yaml"), undefined);
  assert.is(coderOf("data/events/2023/02/ev-aaaaaaaa.yaml"), undefined);
  assert.is(coderOf("data/codingsx/b/ev-aaaaaaaa.yaml"), undefined);
  assert.is(kindOf("data/codings/coder-b/2023/02/ev-aaaaaaaa.yaml"), "event");
  assert.is(kindOf("data/codings/coder-b/notes.txt"), null);
  assert.is(kindOf("data/codings/ev-aaaaaaaa.yaml"), null);
  assert.is(eventFolder("2023-02-28", "coder-b"), "data/codings/coder-b/2023/02");
  assert.is(eventFolder("2023"), "data/events/2023/01");
  const names = ["data/codings/coder-b/2023/02/ev-bbbbbbbb.yaml", "data/codings/coder-b/notes.txt", "data/codings/x.yaml", "data/events/2023/02/ev-aaaaaaaa.yaml", "data/actors/a.yaml"];
  const root = writeDataset(Object.fromEntries(names.map((n) => [n, "x\n"])));
  try {
    const listing = listData(root);
    // The packed listing (a kind a folder) and a listing of the paths given say the same.
    assert.equal([...listing].map((f) => [f.path, f.kind]), [...names].sort().map((n) => [n, kindOf(n)]));
    assert.equal((await discover(root, ["data/codings"])).map((f) => [f.path, f.kind]), names.filter((n) => n.startsWith("data/codings/")).sort().map((n) => [n, kindOf(n)]));
    assert.equal(filesOfKind(listing, "event").map((f) => f.path), ["data/codings/coder-b/2023/02/ev-bbbbbbbb.yaml", "data/events/2023/02/ev-aaaaaaaa.yaml"]);
    assert.equal(datasetEvents(listing).map((f) => f.path), ["data/events/2023/02/ev-aaaaaaaa.yaml"]);
    assert.equal(datasetCodings(listing).map((f) => f.path), ["data/codings/coder-b/2023/02/ev-bbbbbbbb.yaml"]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("walks data/ in path order, also where a file's name sorts between a folder's name and its files", () => {
  const names = [
    "data/actors/a.yaml",
    "data/events/2023/02/ev-aaaaaaaa.yaml",
    "data/events/2023/02.json",
    "data/events/2023/02-notes.txt",
    "data/events/2023/02/sub/ev-bbbbbbbb.json",
    "data/events/2023/02/ev-cccccccc.yml",
    "data/events/2023/02.d/x.yaml",
    "data/outlets/dw.yaml",
    "data/texts/manifest.json",
    "data/stray.txt",
  ];
  const root = writeDataset(Object.fromEntries(names.map((n) => [n, "x\n"])));
  try {
    symlinkSync("/etc/hostname", path.join(root, "data/events/2023/02/ev-linked00.yaml"));
    const listing = listData(root);
    const expected = [...names, "data/events/2023/02/ev-linked00.yaml"].map((n) => toDatasetFile(root, n)).sort(byPath);
    assert.equal([...listing].map((f) => f.path), expected.map((f) => f.path));
    assert.equal(
      [...listing].map(({ symlink, ...f }) => f),
      expected,
    );
    const link = fileAtPath(listing, "data/events/2023/02/ev-linked00.yaml");
    assert.equal(link?.symlink, { target: "/etc/hostname", insideRoot: false });
    assert.equal(filesOfKind(listing, "actor").map((f) => f.path), ["data/actors/a.yaml"]);
    assert.equal(
      filesNotEvents(listing).map((f) => f.path),
      expected.filter((f) => f.kind !== "event").map((f) => f.path),
    );
    assert.is(indexOfPath(listing, "data/events/2023/02/ev-zzzzzzzz.yaml"), -1);
    assert.is(fileAtPath(listing, "data/zzz"), undefined);
    assert.is(listing.at(listing.length), undefined);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("a listing of thousands of files across folders gives every path back, looked up by path", () => {
  const root = writeDataset({});
  try {
    const paths: string[] = [];
    for (const month of ["01", "02", "03"]) {
      const folder = `data/events/2023/${month}`;
      mkdirSync(path.join(root, folder), { recursive: true });
      for (let i = 0; i < 3000; i++) {
        const file = `${folder}/ev-${month}${String(i).padStart(6, "0")}.json`;
        writeFileSync(path.join(root, file), "{}\n");
        paths.push(file);
      }
    }
    paths.sort();
    const listing = listData(root);
    assert.is(listing.length, paths.length);
    assert.equal([...listing].map((f) => f.path), paths);
    for (const i of [0, 4095, 4096, 4097, 8191, 8192, paths.length - 1]) {
      assert.is(listing.path(i), paths[i]);
      assert.is(indexOfPath(listing, paths[i]!), i);
      assert.equal(listing.at(i), { path: paths[i], root, kind: "event", format: "json" });
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

/** The places of `paths` in the order of their ids as strings (ties by place): what idOrder must give. */
function byIdAsStrings(paths: string[]): number[] {
  const ids = paths.map(idFromPath);
  return [...ids.keys()].sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : a - b));
}

test("a symbolic link to a folder is listed as the link, never walked; chunks may end where a folder does", () => {
  const files: Record<string, string> = { "data/events/2023/03/ev-cccccccc.yaml": "x\n" };
  // 4096 files in the first folder: the first chunk ends exactly at the folder's end.
  for (let i = 0; i < 4096; i++) files[`data/events/2023/02/ev-${String(i).padStart(8, "0")}.json`] = "{}\n";
  const root = writeDataset(files);
  try {
    symlinkSync(path.join(root, "data/events/2023/03"), path.join(root, "data/events/2023/linked"));
    const listing = listData(root);
    const paths = [...listing].map((f) => f.path);
    assert.equal(paths, [...Object.keys(files), "data/events/2023/linked"].sort());
    assert.is(listing.path(4096), "data/events/2023/03/ev-cccccccc.yaml");
    assert.equal(listing.at(4097)?.symlink, { target: path.join(root, "data/events/2023/03"), insideRoot: true });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("idOrder: places in the order of the ids, as numbers for short ASCII ids and as strings for any others", () => {
  const minted = ["ev-zzzzzzzz", "ev-00000000", "ev-a", "ev-", "ev-aaaaaaaa", "ev-aaaaaaa", "ev-aaaaaaaa", "e", "ev-9zzzzzzz", "zz-zzzzzzzzzzz"];
  for (const ids of [minted, [...minted, "ev-éé"], [...minted, "ev-aaaaaaaaaaaaaaaa", "ev-aaaaaaaaaaaab"]]) {
    const paths = ids.map((id, i) => `data/events/2023/${String(i % 12 + 1).padStart(2, "0")}/${id}.${i % 2 ? "json" : "yaml"}`);
    const files = paths.map((p) => toDatasetFile("/r", p));
    assert.equal([...idOrder(files)], byIdAsStrings(paths), ids.join(" "));
  }
});

test("idOrder on a packed listing of registries with long slugs and events with minted ids: the order of the ids as strings", () => {
  const names = [
    "data/actors/antony-blinken-secretary-of-state-of-the-united-states.yaml",
    "data/actors/ev-b.yaml",
    "data/outlets/dw.yaml",
    "data/texts/dw-2023-02-28-blinken-central-asia.txt",
    "data/events/2023/02/ev-zzzzzzzz.yaml",
    "data/events/2023/02/ev-aaaaaaaa.json",
    "data/events/2023/03/ev-b0000000.yaml",
    "data/events/2023/03/ev-éé.yaml",
  ];
  const root = writeDataset(Object.fromEntries(names.map((n) => [n, "x\n"])));
  try {
    const listing = listData(root);
    const paths = [...listing].map((f) => f.path);
    assert.equal([...idOrder(listing)], byIdAsStrings(paths));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("an empty data/ is an empty listing; a folder left out is walked past", () => {
  const root = writeDataset({ "data/events/2023/02/ev-aaaaaaaa.yaml": "x\n", "data/actors/a.yaml": "x\n" });
  try {
    assert.equal([...listData(root, "data/events")].map((f) => f.path), ["data/actors/a.yaml"]);
    rmSync(path.join(root, "data"), { recursive: true });
    mkdirSync(path.join(root, "data"));
    const empty = listData(root);
    assert.is(empty.length, 0);
    assert.equal([...empty], []);
    assert.is(indexOfPath(empty, "data/x"), -1);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("lookups by path rely on sorted files: an array out of order, or with a path twice, is refused", () => {
  const files = ["data/b.yaml", "data/a.yaml"].map((p) => toDatasetFile("/r", p));
  assert.throws(() => assertSortedByPath(files, "the files"), /must be sorted by path/);
  assert.throws(() => assertSortedByPath([files[0]!, files[0]!], "the files"), /without repeats/);
  assertSortedByPath([...files].reverse(), "the files");
  assert.is(fileAtPath([...files].reverse(), "data/b.yaml")?.path, "data/b.yaml");
  assert.is(fileAtPath(files, "data/c.yaml"), undefined);
});

test("every mode lists the same entries: odd names, a FIFO, a folder that cannot be listed", async () => {
  const names = ["data/events/2023/02/ev-aaaaaaaa.yaml", "data/events/2023/02/ev-b\nbbbbbbb.yaml", "data/events/2023/02/ev-c\rcccccc.yaml", "data/events/2023/02/ev-d dddddd.json"];
  const root = writeDataset(Object.fromEntries(names.map((n) => [n, "x\n"])));
  try {
    execFileSync("mkfifo", [path.join(root, "data/events/2023/02/ev-fifo0000.yaml")]);
    // A folder whose name is not UTF-8: readdir gives it with U+FFFD, and no folder has that name.
    mkdirSync(Buffer.concat([Buffer.from(path.join(root, "data/events/2023") + "/"), Buffer.from([0xff])]));
    const whole = [...listData(root)];
    const paths = whole.map((f) => f.path);
    assert.equal(paths, [...names, "data/events/2023/02/ev-fifo0000.yaml", "data/events/2023/\ufffd"].sort());
    assert.equal(whole.find((f) => f.path.endsWith("fifo0000.yaml"))?.unread, { problem: "not-regular", detail: "a FIFO (named pipe), not a regular file" });
    assert.equal(whole.find((f) => f.path.endsWith("\ufffd"))?.unread, { problem: "unreadable", detail: "the folder cannot be listed (its name is not valid UTF-8)" });
    for (const patterns of [["data"], ["data/events"], ["data/events/2023/"], ["data/events/**"], ["data/events/*/*/*", "data/events/*/*"], ["."]])
      assert.equal(await discover(root, patterns), whole, patterns.join(" "));
    assert.equal(await discover(root, ["data/events/2023/02/*.yaml"]), whole.filter((f) => f.path.startsWith("data/events/2023/02/") && f.path.endsWith(".yaml")));
    // --changed makes its entries from paths git gives: a FIFO is marked as the walk marks it.
    assert.equal(entriesAt(root, ["data/events/2023/02/ev-fifo0000.yaml"]), whole.filter((f) => f.path.endsWith("fifo0000.yaml")));
  } finally {
    execFileSync("rm", ["-rf", root]);
  }
});

test("a folder given by name that cannot be listed is an entry of its own", async () => {
  const root = writeDataset({ "data/events/2023/02/ev-aaaaaaaa.yaml": "x\n" });
  try {
    const odd = Buffer.concat([Buffer.from(path.join(root, "data/events/2023") + "/"), Buffer.from([0xff])]);
    mkdirSync(odd);
    writeFileSync(Buffer.concat([odd, Buffer.from("/ev-bbbbbbbb.yaml")]), "x\n");
    const files = await discover(root, ["data/events/2023"]);
    assert.equal(files.map((f) => [f.path, f.unread?.problem]), [["data/events/2023/02/ev-aaaaaaaa.yaml", undefined], ["data/events/2023/\ufffd", "unreadable"]]);
    assert.ok(readFileSync(path.join(root, "data/events/2023/02/ev-aaaaaaaa.yaml")));
  } finally {
    execFileSync("rm", ["-rf", root]);
  }
});

test.run();
