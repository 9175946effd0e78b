/** The rule registry: every rule the validator runs, in the order it runs them. */
import { duplicateOf } from "./dataset/duplicate-of.ts";
import { idUnique } from "./dataset/id-unique.ts";
import { probableDuplicate } from "./dataset/probable-duplicate.ts";
import { recordDeleted } from "./dataset/record-deleted.ts";
import { sourceConsistent } from "./dataset/source-consistent.ts";
import { textManifest } from "./dataset/text-manifest.ts";
import { evidenceActorName } from "./evidence/evidence-actor-name.ts";
import { evidenceEventType } from "./evidence/evidence-event-type.ts";
import { evidenceDate } from "./evidence/evidence-date.ts";
import { dateRelative } from "./evidence/date-relative.ts";
import { dateWeekday } from "./evidence/date-weekday.ts";
import { evidenceQuote } from "./evidence/evidence-quote.ts";
import { evidenceReference } from "./evidence/evidence-reference.ts";
import { evidenceQuoteLength } from "./evidence/evidence-quote-length.ts";
import { fileBom } from "./file/file-bom.ts";
import { fileEncoding } from "./file/file-encoding.ts";
import { fileSize } from "./file/file-size.ts";
import { fileSymlink } from "./file/file-symlink.ts";
import { fileType } from "./file/file-type.ts";
import { fileUnexpected } from "./file/file-unexpected.ts";
import { fileUnreadable } from "./file/file-unreadable.ts";
import { duplicateKey } from "./parse/duplicate-key.ts";
import { recordShape } from "./parse/record-shape.ts";
import { syntax } from "./parse/syntax.ts";
import { yamlAlias } from "./parse/yaml-alias.ts";
import { yamlTag } from "./parse/yaml-tag.ts";
import { actorKnown } from "./record/actor-known.ts";
import { actorRepeated } from "./record/actor-repeated.ts";
import { provenanceOrigin } from "./record/provenance-origin.ts";
import { coordinatesCountry } from "./record/coordinates-country.ts";
import { countryCode } from "./record/country-code.ts";
import { dateCalendar } from "./record/date-calendar.ts";
import { dateFuture } from "./record/date-future.ts";
import { dateOrder } from "./record/date-order.ts";
import { fileName } from "./record/file-name.ts";
import { outletDomainShared } from "./record/outlet-domain-shared.ts";
import { outletDomain } from "./record/outlet-domain.ts";
import { outletKnown } from "./record/outlet-known.ts";
import { viaAgency } from "./record/via-agency.ts";
import { viaCredited } from "./text/via-credited.ts";
import { titleShown } from "./text/title-shown.ts";
import { publishedShown } from "./text/published-shown.ts";
import { publishedAfterStart } from "./record/published-after-start.ts";
import { urlDomain } from "./record/url-domain.ts";
import { schema } from "./schema/schema.ts";
import { schemaOutdated } from "./schema/schema-outdated.ts";
import { schemaVersion } from "./schema/schema-version.ts";
import { summaryCopy } from "./text/summary-copy.ts";
import { textControl } from "./text/text-control.ts";
import { textFormula } from "./text/text-formula.ts";
import { textNfc } from "./text/text-nfc.ts";
import { textUnicode } from "./text/text-unicode.ts";
import { numberExact } from "./record/number-exact.ts";
import { recordLayout } from "./file/record-layout.ts";
import { textWhitespace } from "./text/text-whitespace.ts";
import { configFile } from "./config/config-file.ts";
import { configGlob } from "./config/config-glob.ts";
import { configRule } from "./config/config-rule.ts";
import { configSchema } from "./config/config-schema.ts";
import { configSyntax } from "./config/config-syntax.ts";
import { setKnownRuleIds } from "./config/known.ts";
import { directiveReason } from "./directive/directive-reason.ts";
import { directiveUnknownRule } from "./directive/directive-unknown-rule.ts";
import { directiveUnused } from "./directive/directive-unused.ts";
import type { DatasetRule, FileRule, RecordRule, Rule } from "./types.ts";

export const FILE_RULES: readonly FileRule[] = [
  fileUnreadable,
  fileType,
  fileSymlink,
  fileSize,
  fileEncoding,
  fileBom,
  fileUnexpected,
  syntax,
  duplicateKey,
  yamlTag,
  yamlAlias,
  recordShape,
];

export const RECORD_RULES: readonly RecordRule[] = [
  schemaVersion,
  schemaOutdated,
  schema,
  fileName,
  dateCalendar,
  dateOrder,
  dateFuture,
  publishedAfterStart,
  countryCode,
  coordinatesCountry,
  outletKnown,
  viaAgency,
  viaCredited,
  titleShown,
  publishedShown,
  outletDomain,
  outletDomainShared,
  actorKnown,
  actorRepeated,
  urlDomain,
  textWhitespace,
  textControl,
  textFormula,
  textNfc,
  textUnicode,
  numberExact,
  summaryCopy,
  evidenceReference,
  evidenceQuoteLength,
  evidenceQuote,
  evidenceActorName,
  evidenceEventType,
  evidenceDate,
  dateRelative,
  dateWeekday,
  provenanceOrigin,
  // Off by default (meta.defaultOff): listed last.
  recordLayout,
];

export const DATASET_RULES: readonly DatasetRule[] = [idUnique, duplicateOf, probableDuplicate, sourceConsistent, recordDeleted, textManifest];

/**
 * The rules of the configuration file (eventwire.config.yaml), not of data/: file rules on its text, run by
 * check/config.ts where the configuration is read, never on a record.
 */
export const CONFIG_RULES: readonly FileRule[] = [configFile, configSyntax, configSchema, configRule, configGlob];

/**
 * The rules of inline directives (`# eventwire-disable-next-line <id> -- <reason>`) in YAML records: file rules,
 * run with FILE_RULES on every target (check/file.ts); listed last, so that no other rule's index moves.
 */
export const DIRECTIVE_RULES: readonly FileRule[] = [directiveReason, directiveUnknownRule, directiveUnused];

/** Rules added after the others, listed last in RULES so that no other rule's index (SARIF's ruleIndex) moves. */
const LATER: readonly Rule[] = [recordLayout, provenanceOrigin, sourceConsistent, titleShown, dateRelative, dateWeekday, publishedShown, evidenceQuoteLength];

export const RULES: readonly Rule[] = [...FILE_RULES, ...RECORD_RULES.filter((r) => !LATER.includes(r)), ...DATASET_RULES.filter((r) => !LATER.includes(r)), ...CONFIG_RULES, ...DIRECTIVE_RULES, ...LATER];

// The configuration's and the directives' rules judge rule ids against the registry, which imports them.
setKnownRuleIds(RULES.map((r) => r.meta.id));

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
