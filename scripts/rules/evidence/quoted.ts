/** What an evidence item quotes, read through typed access: the evidence rule and the check stage's count of checked quotes agree on it. */
import { arr, index, obj, str, type Fields } from "../fields.ts";

/** The `url` of the source an evidence item names (by its index in `sources`), if both are well typed. */
export function quotedUrl(event: Fields, item: Fields): string | undefined {
  const source = index(item.source);
  return source === undefined ? undefined : str(arr(event.sources)?.[source], "url");
}

/**
 * The quote of an evidence item, if its `exact` is a string of one character
 * or more (`prefix` and `suffix` only when strings): what the evidence rule
 * checks. An empty `exact` is the schema's finding, and occurs everywhere.
 */
export function quoteOf(item: Fields): { exact: string; prefix?: string; suffix?: string } | undefined {
  const quote = obj(item.quote);
  const exact = str(quote, "exact");
  if (quote === undefined || exact === undefined || exact === "") return undefined;
  return { exact, prefix: str(quote.prefix), suffix: str(quote.suffix) };
}
