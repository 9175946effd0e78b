/** via-agency: valid and invalid cases, one rule on a record in memory (test/helpers/rule-tester.ts). */
import { viaAgency } from "../../scripts/rules/record/via-agency.ts";
import { EVENT_YAML, editEvent } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

const outlet = (id: string, kind: string) => ({ schema_version: "1.3.0", id, name: id, kind, country: "DEU", domains: [`${id}.example`] });
const OUTLETS = { dw: outlet("dw", "broadcaster"), afp: outlet("afp", "wire_agency"), reuters: outlet("reuters", "wire_agency"), xinhua: outlet("xinhua", "agency_of_state"), nyt: outlet("nyt", "newspaper"), odd: outlet("odd", "other") };

ruleTester(viaAgency, {
  valid: [
    { name: "wire agencies in via", code: EVENT_YAML },
    { name: "a state's news agency in via", code: editEvent("via: [afp, reuters]", "via: [xinhua]"), outlets: OUTLETS },
    { name: "an id no outlet has (outlet-known's finding): passed over", code: editEvent("via: [afp, reuters]", "via: [afp, reuter]") },
    { name: "ids of other types and shapes (the schema's findings): passed over", failsSchema: true, code: editEvent("via: [afp, reuters]", "via: [null, 7, DW]") },
    { name: "sources without via", code: editEvent("    via: [afp, reuters]\n", "") },
  ],
  invalid: [
    {
      name: "a broadcaster in via",
      code: editEvent("via: [afp, reuters]", "via: [afp, dw]"),
      errors: [
        { messageId: "notAgency", data: { id: "dw", kind: "broadcaster" }, message: "`dw` is in `via`, but data/outlets/ has it as a broadcaster, not an agency: `via` names only the agencies a page credits.", help: "Take the outlet out of `via`. If the page republishes a newspaper's or a broadcaster's article, cite that outlet's own page as a source of its own, once you have read it; if the outlet is in fact an agency, correct its `kind` in data/outlets/.", line: 22, column: 16 },
      ],
    },
    {
      name: "a newspaper and an outlet of kind other, each said",
      code: editEvent("via: [afp, reuters]", "via: [nyt, afp, odd]"), outlets: OUTLETS,
      errors: [
        { messageId: "notAgency", data: { id: "nyt", kind: "newspaper" }, line: 22, column: 11 },
        { messageId: "notAgency", data: { id: "odd", kind: "other" }, line: 22, column: 21 },
      ],
    },
  ],
});
