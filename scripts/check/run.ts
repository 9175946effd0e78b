/**
 * The check stage: loads the registries, runs file and record rules on the
 * files asked for (spread over the cores, see pool.ts), then dataset rules
 * across every event, and turns issues into findings at file:line:col.
 */
import type { Actor, Outlet } from "../../schema/index.ts";
import { compareFindings, type Finding, type Severity } from "../core/finding.ts";
import { addDays, todayUtc } from "../core/dates.ts";
import { Timings } from "../core/timing.ts";
import { byPath, eventFolder, idFromPath, idOrder, listData, locatorOfListing, RECORD_FOLDERS, type DatasetFile, type EventLocator } from "../dataset/discover.ts";
import { assertSortedByPath, datasetCodings, fileAtPath, filesNotEvents, indexOfPath, type Files } from "../dataset/listing.ts";
import { summarizeUnchecked, summaryFromPath } from "../rules/dataset/summary.ts";
import { DATASET_RULES, FILE_RULES } from "../rules/index.ts";
import type { EventSummary, Registries } from "../rules/types.ts";
import { processFile, severityOf, toFinding, type FileCheckContext, type FileOutcome, type RuleSettings, type WorkItem } from "./file.ts";
import { readTextManifest, withLocalTexts, type TextManifest } from "../dataset/texts.ts";
import { ExcerptLines, LineIndex, type LineExcerpt, type LineSource } from "../dataset/lines.ts";
import { load, readFile, type Loaded } from "./load.ts";
import { parseRecord, type ParsedDocument } from "../dataset/parse.ts";
import { processAll, type PoolOptions } from "./pool.ts";
import { datasetPass, nearDays } from "./compare.ts";
import type { Directive } from "../rules/directive/directives.ts";
import { openCache, problemsHash, type CacheOptions } from "./cache.ts";

export type { RuleSettings } from "./file.ts";

const REGISTRY_FOLDERS = [RECORD_FOLDERS.actor, RECORD_FOLDERS.outlet];

/** The rules that report a folder or file that could not be read (file-unreadable): a path one of them has reported is not reported again. */
const UNREADABLE_RULES = new Set(FILE_RULES.filter((r) => r.reportsUnread === "unreadable").map((r) => r.meta.id));

export interface CheckOptions extends PoolOptions {
  settings?: RuleSettings;
  /** YYYY-MM-DD; defaults to today in UTC. */
  today?: string;
  /** Files deleted since the base of `--changed`: dataset rules may report on them. */
  deleted?: readonly string[];
  /**
   * Read only what the targets can collide with (`validate --changed`): the
   * events of the months of the targets' start dates and of the days around
   * them (probable duplicates start at most a day apart, `near` of the
   * comparing rules, and the file-name rule puts each event in its month's
   * folder) and the events they name in `duplicate_of`. Every other event counts by the id in
   * its file name. Trusts that files unchanged since the base passed then.
   */
  partial?: boolean;
  /** The listing of data/ (sorted by path), when the caller has it already; under `partial`, it need not hold the events (see `events`). */
  listing?: Files;
  /** Under `partial`: where the other events are found; default: in the listing. */
  events?: EventLocator;
  /** The registries and kept texts, read beforehand (prepareCheck) from the same listing, settings and date. */
  prepared?: PreparedCheck;
  timings?: Timings;
  /** Told when the check moves on from the targets to the work across records (a progress line says so). */
  stage?: (what: string) => void;
  /** `validate --cache`: targets unchanged since the cached run are not checked again (cache.ts). */
  cache?: CacheOptions;
  /**
   * `validate --texts <dir>`: the texts of a folder kept outside the repository, for this run (readLocalTexts). They join
   * data/texts/'s for the URLs it does not list; the text-manifest rule reports the folder's problems whatever the targets.
   */
  localTexts?: TextManifest;
}

export interface CheckResult {
  findings: Finding[];
  files: number;
  records: number;
  /** The lines code frames show of each file with findings (of its decoded text, BOM removed): from the check stage, not read again. */
  sources: ReadonlyMap<string, LineSource>;
  /** Under `exportTo`: what each share wrote of the release's event files (as its sink's `close` reports it). */
  parts: unknown[];
  /** Evidence quotes of the targets checked against a kept text, and those that could not be (no text kept for their source). */
  evidence: { checked: number; notChecked: number };
  /** The inline directives of the targets that have any, by path (their lines are in `sources` too): check/suppress.ts applies them. */
  directives: ReadonlyMap<string, readonly Directive[]>;
  /** Under `localTexts`: the URLs data/texts/ keeps too, with other bytes (its text was used). */
  shadowed: readonly string[];
}

/** What the check of every file needs, read once from the listing: the registries and the kept texts. */
export interface PreparedCheck {
  registryLoads: Loaded[];
  /** Registry folders that could not be listed: reported whatever the targets, as every target's check depends on them. */
  unlistedRegistry: DatasetFile[];
  textManifest: TextManifest;
  /** The files of the folder of `--texts` that its problems name: reported whatever the targets (they are no files of the dataset). */
  localFiles: ReadonlySet<string>;
  /** URLs that data/texts/ and the folder of `--texts` both keep, with other bytes (data/texts/'s text is used). */
  shadowed: readonly string[];
  ctx: FileCheckContext;
}

/**
 * Reads the registries and the kept texts of a listing. `validate --changed`
 * calls it while git works out what changed (git runs in processes of its own).
 */
export function prepareCheck(root: string, listing: Files, settings: RuleSettings, today: string, localTexts?: TextManifest): PreparedCheck {
  const notEvents = filesNotEvents(listing);
  const registryLoads = notEvents.filter((f) => f.kind === "actor" || f.kind === "outlet").map(load);
  const validOf = (kind: DatasetFile["kind"]) => registryLoads.filter((l) => l.valid && l.file.kind === kind);
  const actors = new Map(validOf("actor").map((l) => [String(l.record!.id), l.record as Actor]));
  const outlets = new Map(validOf("outlet").map((l) => [String(l.record!.id), l.record as Outlet]));
  // A broken entry still says which id it was meant to hold: its file name (file-name ties the two).
  const brokenOf = (kind: DatasetFile["kind"], valid: ReadonlyMap<string, unknown>) =>
    new Map(registryLoads.filter((l) => !l.valid && l.file.kind === kind && !valid.has(idFromPath(l.file.path))).map((l) => [idFromPath(l.file.path), l.file.path]));
  // Folders of a registry that could not be listed (data/actors itself, or a folder under it).
  const unlistedRegistry = notEvents.filter((f) => f.unread?.problem === "unreadable" && REGISTRY_FOLDERS.some((d) => f.path === d || f.path.startsWith(`${d}/`)));
  const unlistedIn = (folder: string) => unlistedRegistry.find((f) => f.path === folder || f.path.startsWith(`${folder}/`))?.path;
  const unlisted: NonNullable<Registries["unlisted"]> = {};
  const actorsUnlisted = unlistedIn(RECORD_FOLDERS.actor);
  const outletsUnlisted = unlistedIn(RECORD_FOLDERS.outlet);
  if (actorsUnlisted !== undefined) unlisted.actors = actorsUnlisted;
  if (outletsUnlisted !== undefined) unlisted.outlets = outletsUnlisted;
  const registries: Registries = { actors, outlets, broken: { actors: brokenOf("actor", actors), outlets: brokenOf("outlet", outlets) }, unlisted };
  const kept = readTextManifest(root, notEvents);
  // The texts of --texts join the kept ones (data/texts/ wins for a URL both keep): the cache's key hashes them all (cache.ts).
  const joined = localTexts ? withLocalTexts(kept, localTexts) : { manifest: kept, differing: [] };
  const textManifest = joined.manifest;
  const localFiles = new Set(localTexts?.problems.map((p) => p.file));
  return { registryLoads, unlistedRegistry, textManifest, localFiles, shadowed: joined.differing, ctx: { registries, today, settings, texts: textManifest.byUrl } };
}

/**
 * Checks `targets` (sorted by path). Registries and, for dataset rules, the
 * events under `root` are read too, but only findings in `targets` are reported.
 */
export async function checkDataset(root: string, targets: Files, options: CheckOptions = {}): Promise<CheckResult> {
  const settings = options.settings ?? new Map();
  const today = options.today ?? todayUtc();
  const deleted = options.deleted ?? [];
  const datasetRules = DATASET_RULES.filter((r) => severityOf(r, settings) !== "off");

  // One listing of data/ serves the registries and, when dataset rules run, every event.
  const timings = options.timings ?? new Timings(false);
  let listing = options.listing;
  if (!listing) {
    listing = listData(root);
    timings.mark("list data/");
  }
  const { registryLoads, unlistedRegistry, textManifest, localFiles, shadowed, ctx } = options.prepared ?? prepareCheck(root, listing, settings, today, options.localTexts);
  timings.mark("registries");

  assertSortedByPath(targets, "the files to check");
  assertSortedByPath(listing, "the listing of data/");
  // Targets are looked up by path (for the few files with findings) in the sorted targets themselves: no map of a million paths.
  const targetFile = (file: string) => fileAtPath(targets, file);
  const isTarget = (file: string) => indexOfPath(targets, file) >= 0;
  const { exportTo, progress, stage, cache: cacheOptions, ...pool } = options;
  // Events are compared in the order of the listing (targets, then the other events, then stand-ins):
  // an event's `order` is its place there, whatever order the threads report it in.
  let orderOf = (index: number) => index;
  if (exportTo) {
    // A release's parts are joined as they are: their events must come in id order (the file name is the id).
    const byId = idOrder(targets);
    orderOf = (index) => byId[index]!;
  }
  // Work items are made a batch at a time, as the workers ask for them.
  const items = { length: targets.length, at: (index: number): WorkItem => ({ file: targets.at(orderOf(index))!, role: "target" }) };
  // The other events read for dataset rules, and under --changed the events that stand in by their id.
  const others: DatasetFile[] = [];
  const standInFiles: DatasetFile[] = [];
  const fileOf = (order: number): DatasetFile =>
    order < targets.length ? targets.at(order)! : order < targets.length + others.length ? others[order - targets.length]! : standInFiles[order - targets.length - others.length]!;

  // The files read again in the main thread (a probable duplicate's confirmation, a dataset finding's position), once
  // each: their parse (no schema check: neither needs one), undefined when there is none.
  const reloaded = new Map<string, ParsedDocument | undefined>();
  const reparse = (f: DatasetFile): ParsedDocument | undefined => {
    if (reloaded.has(f.path)) return reloaded.get(f.path);
    const read = readFile(f);
    const parse = read.ok && f.format && f.kind ? parseRecord(read.text, f.format) : undefined;
    const doc = parse?.ok ? parse.doc : undefined;
    reloaded.set(f.path, doc);
    return doc;
  };

  // Dataset rules see each event as it is read, and keep only what they compare.
  // Every registry entry with a string id takes it, a valid one or not (as an event that fails its schema does).
  const registryFiles = (["actor", "outlet"] as const).flatMap((kind) =>
    registryLoads.flatMap((l) => (l.file.kind === kind && typeof l.record?.id === "string" ? [{ kind, id: l.record.id, file: l.file.path }] : [])),
  );
  const passes = datasetRules.map((rule) => ({
    rule,
    pass: datasetPass(rule, {
      registryFiles,
      deleted,
      textProblems: textManifest.problems,
      fileAt: (order) => fileOf(order).path,
      summaryAt: (order) => summarizeUnchecked(reparse(fileOf(order))?.value, fileOf(order).path),
    }),
  }));
  const addEvent = (order: number, event: EventSummary) => {
    for (const { pass } of passes) pass.add?.(event, order);
  };

  const findings: Finding[] = [];
  // What code frames show of the files with findings, as the workers sent it.
  const excerpts = new Map<string, LineExcerpt>();
  const directives = new Map<string, readonly Directive[]>();
  let records = 0;
  const evidence = { checked: 0, notChecked: 0 };
  // Under --changed, the targets' summaries say which other events they can collide with.
  const targetSummaries: EventSummary[] = [];
  const onTarget = (index: number, o: FileOutcome) => {
      if (o.findings) {
        // The target's path, held by the listing already, rather than a copy of it in each finding.
        const path = targets.at(orderOf(index))!.path;
        for (const f of o.findings) {
          if (f.file === path) f.file = path;
          findings.push(f);
        }
        if (o.excerpt) excerpts.set(path, o.excerpt);
      }
      if (o.directives) {
        const path = targets.at(orderOf(index))!.path;
        directives.set(path, o.directives);
        if (o.excerpt) excerpts.set(path, o.excerpt);
      }
      if (o.record) records++;
      if (o.evidence) {
        evidence.checked += o.evidence[0];
        evidence.notChecked += o.evidence[1];
      }
      if (o.event) {
        addEvent(orderOf(index), o.event);
        if (options.partial) targetSummaries.push(o.event);
      }
  };
  // (Not for a release: its items come in id order, and it writes every event anyway.) Unchanged targets are handed on as they are found.
  const cache = cacheOptions && !exportTo ? await openCache(cacheOptions, targets, { settings, today, registryLoads, unlistedRegistry, texts: textManifest.byUrl, whole: !options.partial && listing === targets }, onTarget) : undefined;
  if (cache) timings.mark(`cache: ${cache.hits} of ${targets.length} files unchanged`);
  const { parts } = await processAll(cache ? cache.pending(items) : items, ctx, cache ? (k, o) => onTarget(cache.checked(k, o), o) : onTarget, { ...pool, exportTo, progress });
  timings.mark(`check ${targets.length - (cache?.hits ?? 0)} files`);
  // Under --cache, the rules across records find what they found last time when no event's summary changed (memo);
  // else they are given the unchanged targets' events from the cache.
  const problems = cache && passes.length > 0 ? problemsHash(textManifest.problems) : "";
  const memo = cache && passes.length > 0 ? cache.memo(problems) : undefined;
  if (cache && passes.length > 0 && !memo) {
    const onEvent = (index: number, event: EventSummary) => {
      addEvent(index, event);
      if (options.partial) targetSummaries.push(event);
    };
    const unread = await cache.hitEvents(onEvent);
    // Summaries the cache could not give (it was found not whole): read again; their findings came from the cache already.
    if (unread.length > 0) await processAll({ length: unread.length, at: (j) => ({ file: targets.at(unread[j]!)!, role: "other" }) }, ctx, (j, o) => o.event && onEvent(unread[j]!, o.event), pool);
    timings.mark(`events of ${cache.hits} unchanged files`);
  }
  /** Folders that could not be listed, each reported once (file-unreadable) unless the targets' check has reported it already. */
  const reportUnread = (folders: readonly DatasetFile[]) => {
    if (folders.length === 0) return;
    const reported = new Set(findings.filter((x) => UNREADABLE_RULES.has(x.rule)).map((x) => x.file));
    for (const f of folders) if (!reported.has(f.path)) for (const x of processFile({ file: f, role: "target" }, ctx).findings ?? []) findings.push(x);
  };
  // A registry folder that could not be listed leaves every target's references unjudged: it is named whatever the targets.
  reportUnread(unlistedRegistry);

  if (passes.length > 0 && memo) {
    for (const f of memo) findings.push(f);
    timings.mark("dataset rules: their findings from the cache");
  } else if (passes.length > 0) {
    options.stage?.("comparing records across the dataset");
    const startDates: string[] = [];
    const namedIds = new Set<string>();
    // The whole listing checked (the usual run) leaves no other event. Else the targets are an array of their own
    // (under --changed, every event when a registry entry changed), looked up in a set here.
    const targetPaths = new Set<string>();
    const wholeListing = !options.partial && listing === targets;
    if (!wholeListing) for (const f of targets) targetPaths.add(f.path);
    // Folders of events that could not be listed: the targets were compared with what could be read only, and that is said.
    const unlistedEvents: DatasetFile[] = [];
    const isUnlistedEvents = (f: DatasetFile) => f.unread?.problem === "unreadable" && (f.path === RECORD_FOLDERS.event || f.path.startsWith(`${RECORD_FOLDERS.event}/`));
    if (!options.partial) {
      if (!wholeListing)
        for (const f of listing) {
          if (f.kind === "event" && !targetPaths.has(f.path)) others.push(f);
          else if (isUnlistedEvents(f) && !targetPaths.has(f.path)) unlistedEvents.push(f);
        }
    } else {
      const months = new Set<string>();
      // A rule that compares start dates a few days apart (probable-duplicate) needs the days around each target's:
      // their months' folders are read, and their dates are what a trusted event's text must hold to be parsed.
      const near = nearDays(datasetRules);
      const dates = new Set<string>();
      for (const s of targetSummaries) {
        // A second coding is compared with no event by date or by duplicate_of (only by its id, below): no month is read for it.
        if (s.coding !== undefined) continue;
        if (s.start) {
          dates.add(s.start);
          for (let d = 1; d <= near; d++) for (const day of [addDays(s.start, -d), addDays(s.start, d)]) if (day !== undefined) dates.add(day);
        }
        if (s.duplicate_of) namedIds.add(s.duplicate_of);
      }
      for (const date of [...dates].sort()) {
        months.add(eventFolder(date));
        startDates.push(date);
      }
      // The ids a stand-in can matter for: a target's own (id-unique) and a deleted file's (record-deleted).
      const idsOfInterest = new Set(targetSummaries.map((s) => s.id));
      for (const t of targets) idsOfInterest.add(idFromPath(t.path));
      for (const d of deleted) idsOfInterest.add(idFromPath(d));
      const events = options.events ?? locatorOfListing(listing);
      const read = new Set<string>();
      for (const f of [...[...months].sort().flatMap((m) => events.inFolder(m)), ...events.withIds(namedIds)])
        if (isUnlistedEvents(f)) unlistedEvents.push(f);
        else if (!targetPaths.has(f.path) && !read.has(f.path)) {
          read.add(f.path);
          others.push(f);
        }
      others.sort(byPath);
      // A locator of data/events/ alone (git's paths) leaves out the second codings, which the listing holds: an id is unique over both.
      const codings = options.events ? datasetCodings(listing).filter((f) => idsOfInterest.has(idFromPath(f.path))) : [];
      for (const f of [...events.withIds(idsOfInterest), ...codings]) if (!targetPaths.has(f.path) && !read.has(f.path)) standInFiles.push(f);
    }
    // Under --changed the other events are unchanged since the base, where they passed: no schema check again,
    // and an event of the targets' months is parsed only if its text holds a target's start date.
    const otherItems: WorkItem[] = options.partial
      ? others.map((file) => ({ file, role: "trusted", ...(namedIds.has(idFromPath(file.path)) ? {} : { needles: startDates }) }))
      : others.map((file) => ({ file, role: "other" as const }));
    timings.mark(`find ${others.length} other events`);
    // Under --cache, an other event unchanged since its outcome was kept gives its summary from the cache, unread.
    const otherWork = cache && !options.partial ? await cache.others(others, (k, event) => addEvent(targets.length + k, event)) : undefined;
    await processAll(
      otherWork ? { length: otherWork.length, at: (j) => otherItems[otherWork[j]!] } : otherItems,
      ctx,
      (j, o) => {
        const index = otherWork ? otherWork[j]! : j;
        if (o.event) addEvent(targets.length + index, o.event);
        // An event that could not be read (file-unreadable, file-type) is said, though it is not a target.
        if (o.findings) for (const f of o.findings) findings.push(f);
      },
      pool,
    );
    standInFiles.forEach((f, k) => addEvent(targets.length + others.length + k, summaryFromPath(f.path)));
    reportUnread(unlistedEvents);
    timings.mark(`read ${others.length} other events`);

    const deletedSet = new Set(deleted);
    const datasetFindings: Finding[] = [];
    // Positions are found by reading and parsing again, for the files that have a dataset finding (a probable duplicate's are read already).
    const docOf = (file: string) => {
      if (reloaded.has(file)) return reloaded.get(file);
      const f = targetFile(file) ?? fileAtPath(listing, file) ?? fileAtPath(others, file) ?? fileAtPath(standInFiles, file);
      return f ? reparse(f) : undefined;
    };
    for (const { rule, pass } of passes) {
      for (const issue of pass.finish()) {
        if (!isTarget(issue.file) && !deletedSet.has(issue.file) && !localFiles.has(issue.file)) continue;
        const related = issue.related?.map((r) => {
          const at = docOf(r.file)?.locate(r.pointer);
          return { ...r, line: at?.line, column: at?.column };
        });
        const finding = toFinding(rule, severityOf(rule, settings) as Severity, issue.file, { ...issue, related }, docOf(issue.file));
        findings.push(finding);
        datasetFindings.push(finding);
      }
      timings.mark(`dataset rule ${rule.meta.id}`);
    }
    cache?.keepMemo(problems, datasetFindings);
  }

  if (cache) {
    // The run completed: what it checked is kept for the next.
    cache.save();
    timings.mark("cache written");
  }
  findings.sort(compareFindings);
  // A file's lines come from its parse in the main thread when it has a dataset finding (whose lines a worker's excerpt
  // may lack), else from its worker's excerpt; a file with neither (its findings made in the main thread) is read here.
  const sources = new Map<string, LineSource>();
  const addSource = (path: string) => {
    if (sources.has(path)) return;
    const doc = reloaded.get(path);
    const excerpt = excerpts.get(path);
    if (doc) {
      if (doc.text !== "") sources.set(path, doc.lines);
    } else if (excerpt) sources.set(path, new ExcerptLines(excerpt));
    else {
      const file = targetFile(path);
      const read = file && readFile(file);
      if (read && read.ok && read.text !== "") sources.set(path, new LineIndex(read.text));
    }
  };
  for (const f of findings) addSource(f.file);
  // The files with directives too: a directive that suppresses nothing is a finding made after the check.
  for (const path of directives.keys()) addSource(path);
  return { findings, files: targets.length, records, sources, parts, evidence, directives, shadowed };
}
