/**
 * The sources of a record whose page's text is kept (data/texts/, or the folder of `validate --texts`): what the rules
 * that read a page's text (title-shown, via-credited, published-shown) each look at.
 */
import { type KeptText, quotedText } from "../../dataset/texts.ts";
import { eachObject, type Fields, str } from "../fields.ts";

/**
 * Calls `visit` on each source of `record` whose `url` is a page with a kept text, with its index, its address and the
 * text. Nothing when no text is kept (most datasets), without a lookup.
 */
export function eachKeptSource(
  record: Fields,
  texts: ReadonlyMap<string, KeptText>,
  visit: (source: Fields, index: number, url: string, kept: { kept: KeptText; text: string }) => void,
): void {
  if (texts.size === 0) return;
  eachObject(record.sources, (s, i) => {
    const url = str(s, "url");
    const kept = quotedText(url, texts);
    if (url !== undefined && kept !== undefined) visit(s, i, url, kept);
  });
}
