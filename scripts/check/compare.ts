/**
 * The engine of dataset rules: a rule that compares events declares what
 * (`compare`: a key, a filter, a locality; `lookup`: a reference by a key),
 * and this module does, once for all of them, what each did on its own:
 * keeps a hash of each key in typed arrays (12 to 16 bytes an event and key,
 * never the keys of a million events), finds the candidates whose hashes
 * meet, confirms each by summarizing its file again (`summaryAt`: a file
 * edited during the run is judged as it is at the end; each file read at
 * most once a rule), keeps the `--changed` stand-ins (known by their id
 * alone, never read) as they are, and hands the rule the confirmed matches in
 * the listing's order, whatever order the events arrived in.
 */
import { dayNumber } from "../core/dates.ts";
import { HashedKeys, NearKeys, RepeatedKeys } from "../core/group.ts";
import { hash53 } from "../core/hash.ts";
import { grown } from "../core/typed-arrays.ts";
import type { Compared, CompareRule, DatasetContext, DatasetIssue, DatasetPass, DatasetRule, EventSummary, LookupRule, RuleIssue } from "../rules/types.ts";

/** The pass of any dataset rule over one dataset. */
export function datasetPass(rule: DatasetRule, ctx: DatasetContext): DatasetPass {
  if ("compare" in rule) return comparePass(rule, ctx);
  if ("lookup" in rule) return lookupPass(rule, ctx);
  return rule.start(ctx);
}

/** The widest `near` of the rules (days): under `--changed`, the targets' dates are widened by it. */
export function nearDays(rules: readonly DatasetRule[]): number {
  return Math.max(0, ...rules.map((r) => ("compare" in r ? (r.compare.near?.days ?? 0) : 0)));
}

const keysOf = (key: string | readonly string[] | undefined): readonly string[] => (key === undefined ? [] : typeof key === "string" ? [key] : [...new Set(key)]);

/**
 * Whether two start dates are within `days` of each other: full dates by
 * their distance, a partial date (`YYYY`, `YYYY-MM`) only when equal.
 */
export function datesWithin(a: string | undefined, b: string | undefined, days: number): boolean {
  if (a === undefined || b === undefined) return false;
  if (a === b) return true;
  const x = dayNumber(a);
  const y = dayNumber(b);
  return x !== undefined && y !== undefined && Math.abs(x - y) <= days;
}

/** The summaries of events read again, each once; stand-ins are never read, they stay as added. */
function freshSummaries(ctx: DatasetContext, standIns: ReadonlyMap<number, EventSummary>): (order: number) => EventSummary | undefined {
  const reread = new Map<number, EventSummary | undefined>();
  return (order) => {
    const standIn = standIns.get(order);
    if (standIn) return standIn;
    if (!reread.has(order)) reread.set(order, ctx.summaryAt(order));
    return reread.get(order);
  };
}

const withFile = (file: string, issues: readonly RuleIssue[]): DatasetIssue[] => issues.map((issue) => ({ ...issue, file }));

export function comparePass<M>(rule: CompareRule<M>, ctx: DatasetContext): DatasetPass {
  const { where, key, near, match, registries, screen } = rule.compare;
  const takesPart = (e: EventSummary) => where === undefined || where(e);
  const exact = new HashedKeys();
  const nearby = new NearKeys();
  // Stand-ins (few, under --changed) are kept whole: they are never read again.
  const standIns = new Map<number, EventSummary>();
  const prints = new Prints();
  return {
    add: (event, order) => {
      if (!takesPart(event)) return;
      const keys = keysOf(key(event));
      if (keys.length === 0) return;
      if (event.partial) standIns.set(order, event);
      if (screen) prints.add(order, screen.print(event));
      if (!near) {
        for (const k of keys) exact.add(hash53(k), order);
        return;
      }
      if (event.start === undefined) return;
      // A full date files the event under its day (from 1); a partial one under day 0 of a key that holds the date.
      const day = dayNumber(event.start);
      for (const k of keys) nearby.add(hash53(day === undefined ? `${k}\u0000${event.start}` : k), day === undefined ? 0 : day + 1, order);
    },
    finish: () => {
      const fresh = freshSummaries(ctx, standIns);
      // The confirmed matches: order -> other order -> what `match` said.
      const matches = new Matches<M>();
      const record = (a: number, b: number, m: M) => matches.add(a, b, m);
      const matchOf = (a: EventSummary, b: EventSummary): M | undefined => (match ? match(a, b) : (true as M));
      // Candidates whose prints fail the screen are not read again (a stand-in has a print too: it is never read).
      const screened = (a: number, b: number) => screen === undefined || screen.pass(prints.of(a), prints.of(b));
      if (!near) {
        // Candidates whose hashes repeat, grouped again by their keys as read now (one read an event).
        const byKey = new RepeatedKeys<string>();
        const seen = new Set<number>();
        for (const group of exact.repeats())
          for (const order of group) {
            if (seen.has(order) || !group.some((other) => other !== order && screened(order, other))) continue;
            seen.add(order);
            const event = fresh(order);
            if (event && takesPart(event)) for (const k of keysOf(key(event))) byKey.add(k, order);
          }
        for (const [, orders] of byKey.groups())
          for (let i = 0; i < orders.length; i++)
            for (let j = i + 1; j < orders.length; j++) {
              if (!screened(orders[i]!, orders[j]!)) continue;
              const m = matchOf(fresh(orders[i]!)!, fresh(orders[j]!)!);
              if (m !== undefined) record(orders[i]!, orders[j]!, m);
            }
      } else {
        for (const [a, b] of nearby.pairs(near.days, screened)) {
          const x = fresh(a);
          const y = fresh(b);
          if (!x || !y || !takesPart(x) || !takesPart(y) || !datesWithin(x.start, y.start, near.days)) continue;
          const theirs = new Set(keysOf(key(y)));
          if (!keysOf(key(x)).some((k) => theirs.has(k))) continue;
          const m = matchOf(x, y);
          if (m !== undefined) record(a, b, m);
        }
      }
      const issues = matches.report(rule, (order) => ({ file: ctx.fileAt(order), event: fresh(order)! }));
      if (registries)
        for (const kind of ["actor", "outlet"] as const) {
          // Registry entries are few and read whole already: their ids are compared as they are.
          const entries = ctx.registryFiles.filter((r) => r.kind === kind).map((r): Compared => ({ file: r.file, event: { id: r.id } }));
          const byKey = new RepeatedKeys<string>();
          entries.forEach((entry, i) => {
            if (takesPart(entry.event)) for (const k of keysOf(key(entry.event))) byKey.add(k, i);
          });
          const mine = new Matches<M>();
          for (const [, places] of byKey.groups())
            for (let i = 0; i < places.length; i++)
              for (let j = i + 1; j < places.length; j++) {
                const m = matchOf(entries[places[i]!]!.event, entries[places[j]!]!.event);
                if (m !== undefined) mine.add(places[i]!, places[j]!, m);
              }
          issues.push(...mine.report(rule, (place) => entries[place]!));
        }
      return issues;
    },
  };
}

/** Confirmed matches, each pair both ways: what `match` said of it, by order and other order. */
class Matches<M> {
  private readonly byOrder = new Map<number, Map<number, M>>();

  add(a: number, b: number, m: M): void {
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const mine = this.byOrder.get(x) ?? new Map<number, M>();
      mine.set(y, m);
      this.byOrder.set(x, mine);
    }
  }

  /** The rule's issues for each matched item and its others, both in order (`at` gives an item's file and summary). */
  report(rule: CompareRule<M>, at: (order: number) => Compared): DatasetIssue[] {
    const issues: DatasetIssue[] = [];
    for (const order of [...this.byOrder.keys()].sort((a, b) => a - b)) {
      const others = [...this.byOrder.get(order)!].sort((a, b) => a[0] - b[0]).map(([o, m]) => ({ ...at(o), match: m }));
      const item = at(order);
      issues.push(...withFile(item.file, rule.report({ ...item, others })));
    }
    return issues;
  }
}

/**
 * The prints of a screen: the numbers of each event in one growing typed
 * array, found by the event's order (a second array, by order): some 20 bytes
 * an event where a summary is some 500.
 */
class Prints {
  private numbers = new Uint32Array(4096);
  private used = 0;
  /** By order: where the event's numbers start, and end (0, 0: none). */
  private starts = new Uint32Array(1024);
  private ends = new Uint32Array(1024);

  add(order: number, print: readonly number[]): void {
    while (order >= this.starts.length) {
      this.starts = grown(this.starts, new Uint32Array(this.starts.length * 2));
      this.ends = grown(this.ends, new Uint32Array(this.ends.length * 2));
    }
    while (this.used + print.length > this.numbers.length) this.numbers = grown(this.numbers, new Uint32Array(this.numbers.length * 2));
    this.starts[order] = this.used;
    for (const n of print) this.numbers[this.used++] = n;
    this.ends[order] = this.used;
  }

  of(order: number): Uint32Array {
    return order < this.starts.length ? this.numbers.subarray(this.starts[order], this.ends[order]) : new Uint32Array(0);
  }
}

export function lookupPass(rule: LookupRule, ctx: DatasetContext): DatasetPass {
  const { names, key } = rule.lookup;
  const keys = new HashedKeys();
  const standIns = new Map<number, EventSummary>();
  // The events that name another (few: duplicates), as added.
  const naming: { order: number; event: EventSummary; named: string }[] = [];
  return {
    add: (event, order) => {
      const k = key(event);
      if (k !== undefined) keys.add(hash53(k), order);
      if (event.partial) standIns.set(order, event);
      const named = names(event);
      if (named !== undefined) naming.push({ order, event, named });
    },
    finish: () => {
      const fresh = freshSummaries(ctx, standIns);
      const candidates = keys.ordersOf(new Set(naming.map((n) => hash53(n.named))));
      // The event a key names: the last in the listing whose key, read again, is it (when a key repeats, id-unique says so).
      const targetOf = (named: string): number | undefined => {
        const orders = candidates.get(hash53(named)) ?? [];
        for (let i = orders.length - 1; i >= 0; i--) {
          const event = fresh(orders[i]!);
          if (event && key(event) === named) return orders[i];
        }
        return undefined;
      };
      const issues: DatasetIssue[] = [];
      for (const { order, event, named } of naming.sort((a, b) => a.order - b.order)) {
        const target = targetOf(named);
        const file = ctx.fileAt(order);
        issues.push(...withFile(file, rule.report({ file, event, named, ...(target === undefined ? {} : { target: { file: ctx.fileAt(target), event: fresh(target)! } }) })));
      }
      return issues;
    },
  };
}
