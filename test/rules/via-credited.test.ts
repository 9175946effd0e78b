/** via-credited: valid and invalid cases, one rule on a record in memory with kept texts (test/helpers/rule-tester.ts). */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { creditForms, credits, viaCredited } from "../../scripts/rules/text/via-credited.ts";
import { EVENT_YAML, editEvent } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

const URL = "https://p.dw.com/p/4O4UG";
const page = (credit: string) => ({ [URL]: `Top US diplomat visits Central Asia\nBlinken met the five foreign ministers in Astana. ${credit}\n` });

test("the forms of an agency's credit: name, distinctive words (no country), initials without small words, id, domain label", () => {
  assert.equal(creditForms("news-agency-of-nigeria", { name: "News Agency of Nigeria", domains: ["nannews.ng"] }), ["news agency of nigeria", "News Agency of Nigeria", "NAN", "nannews"]);
  assert.equal(creditForms("afp", { name: "Agence France-Presse", domains: ["afp.com"] }), ["afp", "Agence France-Presse", "AFP"]);
  assert.ok(credits("Published by (AFP) on Monday", ["afp", "AFP"]));
  assert.ok(!credits("He left Japan on Monday", ["ap", "AP"]), "a whole word only");
  assert.ok(credits("Maseru, June 30, (dpa/GNA) – Protests", ["dpa", "DPA"]), "any case: dpa writes itself in lower case");
  assert.ok(credits("ByAFP Aug 05, 2024", ["afp"]) && credits("IMAGES)ByREUTERS", ["Reuters"]), "glued to a byline's By");
  assert.ok(credits("as reuters reported", ["Reuters"]), "a long form in any case");
  assert.ok(!credits("Reutersville", ["Reuters"]), "a whole word only");
});

test.run();

ruleTester(viaCredited, {
  valid: [
    { name: "no kept text: nothing to look in", code: EVENT_YAML },
    { name: "agencies the page credits, by initials and by name", code: EVENT_YAML, texts: page("(AFP, Reuters)") },
    { name: "an agency credited by its full name", code: editEvent("via: [afp, reuters]", "via: [afp]"), texts: page("— Agence France-Presse") },
    { name: "an id no outlet has (outlet-known's finding): looked for by its id only", code: editEvent("via: [afp, reuters]", "via: [xyzzy]"), texts: page("Xyzzy reported") },
    { name: "ids of other shapes (the schema's finding): passed over", failsSchema: true, code: editEvent("via: [afp, reuters]", "via: [AFP, 5]"), texts: page("") },
  ],
  invalid: [
    {
      name: "an agency the kept page never names",
      code: EVENT_YAML, texts: page("(AFP)"),
      errors: [
        { messageId: "notCredited", data: { id: "reuters", index: 0, forms: '"reuters", "Reuters"' }, message: "`reuters` is in the `via` of `sources[0]`, but the kept text of that page never names it (looked for: \"reuters\", \"Reuters\").", help: "Take out of `via` an agency the page does not credit; `via` says who the page credits, not who may have written it.", line: 22, column: 16 },
      ],
    },
    {
      name: "neither agency named: each said",
      code: EVENT_YAML, texts: page("Photo: picture alliance"),
      errors: [
        { messageId: "notCredited", data: { id: "afp", index: 0, forms: '"afp", "Agence France-Presse", "AFP"' }, line: 22, column: 11 },
        { messageId: "notCredited", data: { id: "reuters", index: 0, forms: '"reuters", "Reuters"' }, line: 22, column: 16 },
      ],
    },
  ],
});
