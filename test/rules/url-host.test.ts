/** url-domain reads simple hosts without the URL parser: it must agree with the parser on every address. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { hostOf } from "../../scripts/rules/record/url-domain.ts";

const viaParser = (url: string) => {
  try {
    return new URL(url).hostname.toLowerCase().replace(/\.$/, "");
  } catch {
    return undefined;
  }
};

test("hosts agree with the WHATWG URL parser", () => {
  const urls = [
    "https://p.dw.com/p/4O4UG",
    "https://www.reuters.com/world/asia?x=1#y",
    "http://localhost",
    "https://EXAMPLE.com/a",
    "https://example.com./a",
    "https://example.com:8080/a",
    "https://user:pw@example.com/a",
    "http://1.2.3.4/x",
    "http://0x7f.1/",
    "http://example.0x7f/",
    "https://xn--80ak6aa92e.com/",
    "http://xn--a.com/",
    "https://xn--zz.example/",
    "https://пример.рф/",
    "https://a..b/",
    "https://-bad-.com/",
    "https://a_b.com/",
    "https:/broken",
    "ftp://example.com/",
    "https://example.com\\evil.com/",
    "https://ex%41mple.com/",
  ];
  for (const url of urls) assert.is(hostOf(url), viaParser(url), url);
});

test.run();
