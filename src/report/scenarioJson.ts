/**
 * Reading a scenario's JSON text with the checks JSON.parse does not make: a key given twice in one
 * object (JSON.parse silently keeps the last: a duplicated "targetTerms" changed the answer), and
 * nesting deeper than any setting needs (refused before parsing, so nothing downstream can run out
 * of stack). The scan is iterative; JSON.parse then builds the value.
 */
import { showValue } from "../intake/safeText";

/** No scenario setting is nested deeper than this (pool.lines[i].contributions[k].changes[j] is 6). */
export const MAX_SCENARIO_DEPTH = 32;
/** The largest scenario text read, in characters. */
export const MAX_SCENARIO_CHARS = 10 * 1024 * 1024;

export interface ScenarioText {
  json: unknown;
  /** Problems that stop the scenario being used, each "where: what to change". Empty when the JSON is good. */
  problems: string[];
}

interface Frame {
  kind: "object" | "array";
  keys: Map<string, number>;
  key: string | null;
  expectKey: boolean;
  index: number;
}

function pathOf(stack: readonly Frame[]): string {
  let p = "";
  for (const f of stack) {
    if (f.kind === "array") p += `[${f.index}]`;
    else if (f.key !== null) p += p === "" ? f.key : `.${f.key}`;
  }
  return p;
}

/** Line and column (1-based) of a character offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++)
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  return { line, column: offset - lineStart + 1 };
}

/** Duplicate keys and excessive nesting, found without recursion. Stops quietly at a syntax error (JSON.parse reports it). */
export function scanScenarioJson(text: string): string[] {
  const problems: string[] = [];
  const stack: Frame[] = [];
  let line = 1;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      i++;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (stack.length >= MAX_SCENARIO_DEPTH) {
        const where = pathOf(stack);
        problems.push(`${where || "The scenario"}: nested more than ${MAX_SCENARIO_DEPTH} deep (line ${line}); no setting is. Check the brackets there.`);
        return problems;
      }
      stack.push({ kind: c === 123 ? "object" : "array", keys: new Map(), key: null, expectKey: c === 123, index: 0 });
      i++;
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      stack.pop();
      i++;
    } else if (c === 44 /* , */) {
      const top = stack[stack.length - 1];
      if (top?.kind === "array") top.index++;
      else if (top) top.expectKey = true;
      i++;
    } else if (c === 58 /* : */) {
      const top = stack[stack.length - 1];
      if (top) top.expectKey = false;
      i++;
    } else if (c === 34 /* " */) {
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === 92 /* \ */) j += 2;
        else if (d === 34) break;
        else j++;
      }
      if (j >= n) return problems;
      const top = stack[stack.length - 1];
      if (top?.kind === "object" && top.expectKey) {
        let key: string;
        try {
          key = JSON.parse(text.slice(i, j + 1)) as string;
        } catch {
          return problems;
        }
        const first = top.keys.get(key);
        top.key = key;
        if (first !== undefined) {
          problems.push(`${showValue(pathOf(stack), 200)}: given twice (lines ${first} and ${line}); JSON would silently keep only the last. Delete one.`);
        } else top.keys.set(key, line);
      }
      i = j + 1;
    } else i++;
  }
  return problems;
}

/** Parses a scenario's text, reporting duplicate keys, excessive nesting and syntax errors (with line and column) as problems. */
export function parseScenarioText(text: string): ScenarioText {
  if (text.length > MAX_SCENARIO_CHARS)
    return { json: null, problems: [`The scenario is ${text.length.toLocaleString("en-GB")} characters, more than the ${MAX_SCENARIO_CHARS.toLocaleString("en-GB")} a scenario may be: it holds settings, not data.`] };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const problems = scanScenarioJson(body);
  if (problems.some((p) => p.includes("nested more than"))) return { json: null, problems };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message);
    const where = at ? lineAndColumn(body, Number(at[1])) : null;
    return { json: null, problems: [`The scenario is not valid JSON${where ? ` (line ${where.line}, column ${where.column})` : ""}: ${showValue(message, 300)}`] };
  }
  return { json, problems };
}
