/**
 * Agreement field by field: event type, mode ("(no mode)" for an event without
 * one, so that a mode only one coder gave is a disagreement) and country (nominal), date (nominal,
 * at the coarsest precision the unit's coders used), and the set of actors
 * (MASI distance). Each gives Krippendorff's alpha, percent agreement, the
 * number of units, and the units where the coders differ.
 */
import { krippendorffAlpha, masi, percentAgreement, type AlphaResult } from "./alpha.ts";
import { actorSet, coarsen, coarsest, NO_EVENT, NOT_CODED, type Coding, type Unit } from "./units.ts";

export const FIELDS = ["event_type", "mode", "country", "date", "actors"] as const;
export type Field = (typeof FIELDS)[number];

interface Value {
  key: string;
  set?: ReadonlySet<string>;
}

const ABSENT: Value = { key: NO_EVENT };

/** The mode value of an event without one: a coding of its own, that differs from every mode. */
export const NO_MODE = "(no mode)";

/** The country value of an event without locations (schema 1.3.0): a coding of its own, that differs from every country. */
export const NO_LOCATIONS = "(no locations)";

export interface FieldAgreement {
  field: Field;
  metric: "nominal" | "MASI";
  alpha: AlphaResult;
  /** Share of units where every coder gave the same value (undefined without units). */
  percent: number | undefined;
  /**
   * The same over the units every coder of the article has an event in (the events both found):
   * how far coders agree on an event's coding once they agree it is one, which is what UCDP and
   * ACLED publish; the figures above also count an event one coder missed as a disagreement.
   */
  matched: { alpha: AlphaResult; percent: number | undefined; units: number };
  /** The units where the coders differ: each coder's value, in the codings' order. */
  disagreements: { article: string; events: string[]; values: string[] }[];
}

export interface AgreementReport {
  coders: string[];
  articles: number;
  units: number;
  /** Units where some coder has no event. */
  unmatched: number;
  fields: FieldAgreement[];
}

/** Each coder's value of a field in a unit: "(no event)" for a coder of the article without one, missing for a coder who did not code it. */
function values(unit: Unit, field: Field): (Value | undefined)[] {
  const present = unit.members.filter((m) => m !== undefined);
  const precision = coarsest(present.map((m) => m!.event.date));
  return unit.members.map((m, c) => {
    if (!m) return unit.coded[c] ? ABSENT : undefined;
    const e = m.event;
    if (field === "event_type") return { key: e.event_type };
    if (field === "mode") return { key: e.mode ?? NO_MODE };
    if (field === "country") return { key: e.locations ? [...new Set(e.locations.map((l) => l.country))].sort().join(",") : NO_LOCATIONS };
    if (field === "date") return { key: coarsen(e.date, precision) };
    const set = actorSet(e);
    return { key: [...set].sort().join(","), set };
  });
}

const nominalValue = (a: Value, b: Value) => (a.key === b.key ? 0 : 1);
const masiValue = (a: Value, b: Value) => (a.set && b.set ? masi(a.set, b.set) : a.key === b.key ? 0 : 1);

export function agreementReport(codings: readonly Coding[], units: readonly Unit[]): AgreementReport {
  const fields = FIELDS.map((field): FieldAgreement => {
    const data = units.map((u) => values(u, field));
    const metric = field === "actors" ? "MASI" : "nominal";
    const alpha = krippendorffAlpha(data, (v) => v.key, metric === "MASI" ? masiValue : nominalValue);
    const disagreements = units.flatMap((u, i) => {
      const vs = data[i]!;
      const given = vs.filter((v) => v !== undefined);
      return given.every((v) => v.key === given[0]!.key)
        ? []
        : [{ article: u.article, events: u.members.map((m, c) => m?.event.id ?? (u.coded[c] ? NO_EVENT : NOT_CODED)), values: vs.map((v) => (v === undefined ? NOT_CODED : v.key || "(none)")) }];
    });
    const both = data.filter((vs) => !vs.some((v) => v === ABSENT));
    const matched = { alpha: krippendorffAlpha(both, (v) => v.key, metric === "MASI" ? masiValue : nominalValue), percent: percentAgreement(both, (v) => v.key), units: both.length };
    return { field, metric, alpha, percent: percentAgreement(data, (v) => v.key), matched, disagreements };
  });
  return {
    coders: codings.map((c) => c.label),
    articles: new Set(units.map((u) => u.article)).size,
    units: units.length,
    unmatched: units.filter((u) => u.members.some((m, c) => m === undefined && u.coded[c])).length,
    fields,
  };
}
