/** outlet-domain-shared: valid and invalid cases, one rule on a record in memory (test/helpers/rule-tester.ts). */
import { outletDomainShared } from "../../scripts/rules/record/outlet-domain-shared.ts";
import { outletWith } from "../helpers/rule-cases.ts";
import { ruleTester } from "../helpers/rule-tester.ts";

/** The registry the rule sees: the entry under test is in it, as in a run. */
const registry = (...entries: [string, string[]][]) => Object.fromEntries(entries.map(([id, domains]) => [id, { id, domains }]));

ruleTester(outletDomainShared, {
  valid: [
    { name: "domains no other outlet lists", code: outletWith("dw", "[dw.com, p.dw.com]"), file: "data/outlets/dw.yaml", outlets: registry(["dw", ["dw.com", "p.dw.com"]], ["afp", ["afp.com"]]) },
    { name: "a sub-domain of another outlet's domain: two outlets may share a site", code: outletWith("bbc-news", "[news.bbc.co.uk]"), file: "data/outlets/bbc-news.yaml", outlets: registry(["bbc-news", ["news.bbc.co.uk"]], ["bbc", ["bbc.co.uk"]]) },
    { name: "an outlet without domains", code: 'schema_version: "1.3.0"\nid: daily-star\nname: Daily Star\nkind: newspaper\n', file: "data/outlets/daily-star.yaml", outlets: registry(["daily-star", []]) },
    { name: "domains of another shape (the schema's finding): passed over", failsSchema: true, code: outletWith("dw", "[5, DW.COM]"), file: "data/outlets/dw.yaml", outlets: registry(["dw", []], ["other", ["DW.COM"]]) },
  ],
  invalid: [
    {
      name: "one outlet under two ids, sharing a domain",
      code: outletWith("thesun-malaysia", "[thesundaily.my, thesun.my]"),
      file: "data/outlets/thesun-malaysia.yaml",
      outlets: registry(["thesun-malaysia", ["thesundaily.my", "thesun.my"]], ["the-sun", ["thesun.my"]]),
      errors: [
        { messageId: "shared", data: { domain: "thesun.my", others: "`the-sun`" }, message: "`thesun.my` is also a domain of `the-sun`: a page on it could be cited under either outlet.", line: 6, column: 27 },
      ],
    },
    {
      name: "a domain three outlets list, and listed twice in the entry: one finding, the others in id order",
      code: outletWith("b", "[x.com, x.com]"),
      file: "data/outlets/b.yaml",
      outlets: registry(["b", ["x.com"]], ["c", ["x.com"]], ["a", ["x.com"]]),
      errors: [{ messageId: "shared", data: { domain: "x.com", others: "`a`, `c`" }, line: 6, column: 11 }],
    },
  ],
});
