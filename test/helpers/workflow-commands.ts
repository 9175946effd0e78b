/**
 * A parser of GitHub's workflow-command syntax, written from the runner's
 * rules (actions/runner ActionCommand.cs): `::name k=v,k=v::data`, where
 * `%25`, `%0D`, `%0A` unescape in data and, in property values, also `%3A`
 * and `%2C`. Tests read the github report back through it.
 */
export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  data: string;
}

const DATA: [string, string][] = [
  ["%0D", "\r"],
  ["%0A", "\n"],
  ["%25", "%"],
];
const PROPERTY: [string, string][] = [["%3A", ":"], ["%2C", ","], ...DATA];

function unescape(text: string, table: [string, string][]): string {
  // One left-to-right pass, so `%253A` becomes `%3A`, not `:`.
  return text.replace(/%(?:25|0D|0A|3A|2C)/gi, (m) => table.find(([k]) => k === m.toUpperCase())?.[1] ?? m);
}

/** Parses one line, or returns undefined when it is not a workflow command. */
export function parseWorkflowCommand(line: string): WorkflowCommand | undefined {
  if (!line.startsWith("::")) return undefined;
  const end = line.indexOf("::", 2);
  if (end === -1) return undefined;
  const head = line.slice(2, end);
  const space = head.indexOf(" ");
  const command = space === -1 ? head : head.slice(0, space);
  const properties: Record<string, string> = {};
  if (space !== -1)
    for (const pair of head.slice(space + 1).split(",")) {
      if (!pair) continue;
      const eq = pair.indexOf("=");
      if (eq <= 0) throw new Error(`malformed property \`${pair}\` in ${line}`);
      properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1), PROPERTY);
    }
  return { command, properties, data: unescape(line.slice(end + 2), DATA) };
}
