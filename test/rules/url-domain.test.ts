/** url-domain: valid and invalid cases, one rule on a record in memory (test/helpers/rule-tester.ts). */
import { urlDomain } from "../../scripts/rules/record/url-domain.ts";
import { EVENT_YAML, editEvent, withSchemaError } from "../helpers/dataset.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

ruleTester(urlDomain, {
  valid: [
    { name: "an address that is no string (the schema's finding): passed over", failsSchema: true, code: editEvent("url: https://p.dw.com/p/4O4UG", "url: 5") },
    { name: "an address without its scheme (the schema's finding): passed over", failsSchema: true, code: editEvent("url: https://p.dw.com/p/4O4UG", "url: www.afp.com/x") },
    { name: "an outlet that is a list (the schema's finding): passed over", failsSchema: true, code: editEvent("outlet: dw", "outlet: [dw]", editEvent("https://p.dw.com/p/4O4UG", "https://www.afp.com/x")) },
    { name: "a URL on a registrable domain under a private suffix", code: editEvent("https://p.dw.com/p/4O4UG", "https://someone.github.io/x"), outlets: { dw: { id: "dw", domains: ["dw.com", "someone.github.io"] }, afp: {}, reuters: {} } },
    { name: "a sub-domain of the outlet", code: EVENT_YAML },
    { name: "an address of an outlet without domains (schema 1.3.0): nothing to hold it to", code: editEvent("https://p.dw.com/p/4O4UG", "https://www.thedailystar.net/x"), outlets: { dw: { id: "dw" }, afp: {}, reuters: {} } },
    { name: "a link shortener", code: editEvent("https://p.dw.com/p/4O4UG", "https://bit.ly/abc") },
  ],
  invalid: [
    {
      name: "an address on another outlet's domain in a record that fails its schema elsewhere",
      failsSchema: true,
      code: withSchemaError(editEvent("https://p.dw.com/p/4O4UG", "https://www.afp.com/x")),
      errors: [{ messageId: "otherDomain", data: { host: "www.afp.com", outlet: "dw", domains: "dw.com", suffixes: "" }, line: 24, column: 10 }],
    },
    {
      name: "another user's site under a private suffix",
      code: editEvent("https://p.dw.com/p/4O4UG", "https://other.github.io/x"), outlets: { dw: { id: "dw", domains: ["dw.com", "someone.github.io"] }, afp: {}, reuters: {} },
      errors: [
        { messageId: "otherDomain", data: {host: "other.github.io",outlet: "dw",domains: "dw.com, someone.github.io",suffixes: ""}, message: "`other.github.io` is not a domain of `dw` (dw.com, someone.github.io).", line: 24, column: 10 },
      ],
    },
    {
      name: "a URL on another outlet's domain",
      code: editEvent("https://p.dw.com/p/4O4UG", "https://www.reuters.com/world/x"),
      errors: [
        { messageId: "otherDomain", data: {host: "www.reuters.com",outlet: "dw",domains: "dw.com",suffixes: ""}, line: 24, column: 10 },
      ],
    },
    {
      name: "an outlet domain that is a public suffix matches no address",
      code: editEvent("https://p.dw.com/p/4O4UG", "https://evil.co.uk/p/4O4UG"), outlets: { dw: { id: "dw", domains: ["co.uk", "dw.com"] }, afp: {}, reuters: {} },
      errors: [
        { messageId: "otherDomainSuffix", data: {host: "evil.co.uk",outlet: "dw",domains: "co.uk, dw.com",suffixes: "`co.uk`"}, message: "`evil.co.uk` is not a domain of `dw` (co.uk, dw.com): `co.uk` is not a domain an outlet can own.", line: 24, column: 10 },
      ],
    },
    {
      name: "an address the schema's pattern lets through but no URL parser reads (a port that is no number)",
      code: editEvent("https://p.dw.com/p/4O4UG", "https://p.dw.com:http/p/4O4UG"),
      errors: [
        { messageId: "notAddress", data: {index: 0}, message: "`sources[0].url` is not a valid address.", line: 24, column: 10 },
      ],
    },
  ],
});
