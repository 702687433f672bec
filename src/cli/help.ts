/**
 * Usage of the custom functions on the command line, read from their metadata (the same
 * functions.json the add-in gives Excel): `caretrust fn --help`, `caretrust fn NAME --help`, and
 * the check that a call gives no more arguments than the function takes.
 */
import fs from "fs";
import path from "path";

export interface ParameterMetadata {
  name: string;
  description?: string;
  optional?: boolean;
  dimensionality?: string;
}
export interface FunctionMetadata {
  id: string;
  description?: string;
  helpUrl?: string;
  parameters?: ParameterMetadata[];
}

/** lib/functions.json (written by `npm run build:cli`), or the add-in build's dist/functions.json. */
const CANDIDATES = [path.join(__dirname, "..", "functions.json"), path.join(__dirname, "..", "..", "dist", "functions.json")];

let cache: FunctionMetadata[] | null | undefined;

export function functionsMetadata(): FunctionMetadata[] | null {
  if (cache !== undefined) return cache;
  cache = null;
  for (const file of CANDIDATES) {
    if (!fs.existsSync(file)) continue;
    cache = (JSON.parse(fs.readFileSync(file, "utf8")) as { functions: FunctionMetadata[] }).functions;
    break;
  }
  return cache;
}

export function metadataFor(id: string): FunctionMetadata | null {
  return functionsMetadata()?.find((f) => f.id === id) ?? null;
}

const NOT_BUILT = "(The function descriptions are written by `npm run build:cli`; run it to see them.)\n";

/** `caretrust fn --help`: every function with its one-line description. */
export function fnUsage(names: readonly string[]): string {
  const meta = functionsMetadata();
  const lines = names.map((n) => {
    const m = meta?.find((f) => f.id === n);
    return `  ${n.padEnd(16)} ${m?.description ? firstSentence(m.description) : ""}`.trimEnd();
  });
  return (
    "Usage: caretrust fn NAME ARG...      evaluate a custom function as Excel would, e.g. caretrust fn SALARY AFC 6 2 2025/26\n" +
    "       caretrust fn NAME --help      its arguments\n\n" +
    "An ARG that is a number is a number, [[...]] is a range (JSON rows of cells), '' is an omitted argument;\n" +
    "@FILE reads the argument from FILE and - from standard input (for large ranges).\n\n" +
    `Functions:\n${lines.join("\n")}\n` +
    (meta ? "" : NOT_BUILT)
  );
}

/** `caretrust fn NAME --help`: the signature, each argument and the help page. */
export function functionUsage(id: string): string {
  const m = metadataFor(id);
  if (!m) return `caretrust fn ${id} ARG...\n${NOT_BUILT}`;
  const params = m.parameters ?? [];
  const signature = params.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(" ");
  const rows = params.map((p) => `  ${(p.optional ? `[${p.name}]` : p.name).padEnd(22)} ${p.description ?? ""}${p.dimensionality === "matrix" ? " (a range: [[...]])" : ""}`);
  return `Usage: caretrust fn ${id} ${signature}\n\n${m.description ?? ""}\n\nArguments (optional ones in brackets; '' omits one):\n${rows.join("\n")}\n${m.helpUrl ? `\nHelp page: ${m.helpUrl.replace(/^https:\/\/localhost:3000\//, "docs/functions/").replace(/help\/(\w+)\.html$/, (_, n: string) => `${n.toUpperCase()}.md`)}\n` : ""}`;
}

/** Null when the number of arguments is within what the function takes, else the message. */
export function tooManyArguments(id: string, given: number): string | null {
  const m = metadataFor(id);
  if (!m) return null;
  const params = m.parameters ?? [];
  if (given <= params.length) return null;
  return `${id} takes at most ${params.length} argument${params.length === 1 ? "" : "s"} (${params.map((p) => p.name).join(", ")}); got ${given}. Run caretrust fn ${id} --help.`;
}

function firstSentence(text: string): string {
  const m = /^(.*?[.:])(\s|$)/.exec(text);
  const s = m ? m[1] : text;
  return s.length > 110 ? `${s.slice(0, 107)}...` : s;
}
