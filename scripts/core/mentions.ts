/**
 * GitHub @mentions in Markdown that repeats someone's text (an issue's
 * answers, a finding's message) in a comment: GitHub pings `@name` and
 * `@org/team` wherever rendered text holds them, and a backslash or an entity
 * does not stop it (the filter runs after rendering). Inside code (a code
 * span, a fenced block) nothing is a mention; elsewhere a WORD JOINER (U+2060,
 * invisible, no name character) goes after the `@`, so no name follows it.
 */

const MENTION = /@(?=[A-Za-z0-9_-])/g;

/** A line's text outside its code spans (CommonMark: a run of n backticks closed by the next run of exactly n), with `@name` broken. */
function lineWithoutMentions(line: string): string {
  let out = "";
  let i = 0;
  while (i < line.length) {
    const tick = line.indexOf("`", i);
    if (tick < 0) break;
    let run = tick;
    while (line[run] === "`") run++;
    const fence = line.slice(tick, run);
    // The closing run: exactly as long (a longer or shorter run inside is text of the span).
    let close = -1;
    for (let j = line.indexOf(fence, run); j >= 0; j = line.indexOf(fence, j + 1)) {
      if (line[j - 1] !== "`" && line[j + fence.length] !== "`") {
        close = j;
        break;
      }
      while (line[j] === "`") j++;
    }
    // An escaped backtick (`\``) opens nothing.
    const escaped = tick > 0 && line[tick - 1] === "\\";
    if (close < 0 || escaped) {
      out += line.slice(i, run).replace(MENTION, "@\u2060");
      i = run;
      continue;
    }
    out += line.slice(i, tick).replace(MENTION, "@\u2060") + line.slice(tick, close + fence.length);
    i = close + fence.length;
  }
  return out + line.slice(i).replace(MENTION, "@\u2060");
}

/** Markdown with every @mention outside code broken (see above); fenced code blocks and code spans are left as they are. */
export function withoutMentions(markdown: string): string {
  const lines = markdown.split("\n");
  let fence: string | undefined;
  return lines
    .map((line) => {
      const opening = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (fence !== undefined) {
        if (opening && opening[1]![0] === fence[0] && opening[1]!.length >= fence.length && line.trim() === opening[1]) fence = undefined;
        return line;
      }
      if (opening) {
        fence = opening[1]!;
        return line;
      }
      return lineWithoutMentions(line);
    })
    .join("\n");
}
