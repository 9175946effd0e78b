/** outlet-domain: valid and invalid cases, one rule on a record in memory (test/helpers/rule-tester.ts). */
import { outletDomain } from "../../scripts/rules/record/outlet-domain.ts";
import { outletWith } from "../helpers/rule-cases.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

ruleTester(outletDomain, {
  valid: [
    { name: "an outlet without domains (schema 1.3.0: an import knows it by name)", code: 'schema_version: "1.3.0"\nid: daily-star\nname: Daily Star\nkind: newspaper\n', file: "data/outlets/daily-star.yaml" },
    { name: "domains of other types and shapes (the schema's findings): passed over", failsSchema: true, code: outletWith("dw", '[5, null, CO.UK, "https://co.uk", [co.uk], dw.com]'), file: "data/outlets/dw.yaml" },
    { name: "domains that are no list", failsSchema: true, code: outletWith("dw", "co.uk"), file: "data/outlets/dw.yaml" },
    { name: "registrable domains and their sub-domains", code: outletWith("bbc", "[bbc.co.uk, www.bbc.co.uk, www.gov.uk, news.example.unknowntld]"), file: "data/outlets/bbc.yaml" },
  ],
  invalid: [
    {
      name: "a public suffix as a domain of an outlet whose kind is none of the schema's",
      failsSchema: true,
      code: outletWith("dw", "[co.uk, dw.com]").replace("kind: online", "kind: blog"),
      file: "data/outlets/dw.yaml",
      errors: [{ messageId: "publicSuffixIcann", data: { domain: "co.uk" }, line: 6, column: 11 }],
    },
    {
      name: "a public suffix as an outlet's domain, beside the outlet's own",
      code: outletWith("dw", "[co.uk, dw.com]"), file: "data/outlets/dw.yaml",
      errors: [
        { messageId: "publicSuffixIcann", data: {domain: "co.uk"}, message: "`co.uk` is a public suffix (the Public Suffix List, ICANN section), under which anyone can have a domain: it stands for no one outlet; give the domain the outlet owns (`<name>.co.uk`).", line: 6, column: 11 },
      ],
    },
    {
      name: "public suffixes (ICANN and private) and an IP address",
      code: outletWith("pages", "[github.io, gov.uk, s3.amazonaws.com, 192.0.2.1]"), file: "data/outlets/pages.yaml",
      errors: [
        { messageId: "publicSuffixPrivate", data: {domain: "github.io"}, message: "`github.io` is a public suffix (the Public Suffix List, private section), under which anyone can have a domain: it stands for no one outlet; give the domain the outlet owns (`<name>.github.io`).", line: 6, column: 11 },
        { messageId: "publicSuffixIcann", data: {domain: "gov.uk"}, line: 6, column: 22 },
        { messageId: "publicSuffixPrivate", data: {domain: "s3.amazonaws.com"}, line: 6, column: 30 },
        { messageId: "ip", data: {domain: "192.0.2.1"}, message: "`192.0.2.1` is an IP address, not a domain: give the domain the outlet publishes under.", line: 6, column: 48 },
      ],
    },
  ],
});
