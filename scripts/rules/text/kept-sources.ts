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

/** How many kept texts a memo of perKeptText holds before it starts again: a dataset keeps few, an editor session sees them change. */
const MEMO_TEXTS = 64;

/**
 * What `derive` makes of a kept text (its words, its dates), computed once a text: a page cited by several records, or
 * by several sources of one, is read once, not once a source. Kept by the text's SHA-256, so a text changed in an
 * editor is derived anew; at most MEMO_TEXTS texts are held, so a long-running server does not grow without end.
 */
export function perKeptText<T>(derive: (text: string) => T): (kept: { kept: KeptText; text: string }) => T {
  const memo = new Map<string, T>();
  return ({ kept, text }) => {
    const hit = memo.get(kept.sha256);
    if (hit !== undefined) return hit;
    const value = derive(text);
    if (memo.size >= MEMO_TEXTS) memo.clear();
    memo.set(kept.sha256, value);
    return value;
  };
}
