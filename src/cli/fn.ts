import { FUNCTIONS } from "../functions/registry";
import { HeadlessCustomFunctionError } from "../functions/runtime";

/**
 * `caretrust fn NAME ARG...`: an argument that parses as a number is a number, one that starts
 * with `[` is a JSON array (a range), an empty one is omitted (Excel passes null), anything else
 * is text.
 */
export function parseCliArg(arg: string): unknown {
  if (arg === "") return null;
  const t = arg.trim();
  if (t.startsWith("[")) {
    try {
      return JSON.parse(t);
    } catch {
      throw new Error(`Argument ${arg} starts with "[" but is not a JSON array, e.g. [[500000],[300000]].`);
    }
  }
  if (t !== "" && /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return Number(t);
  if (/^(true|false)$/i.test(t)) return t.toLowerCase() === "true";
  return arg;
}

function isExcelError(e: unknown): e is { code: string; message: string } {
  return e instanceof HeadlessCustomFunctionError || (typeof e === "object" && e !== null && "code" in e && typeof (e as { code: unknown }).code === "string" && String((e as { code: string }).code).startsWith("#"));
}

/** Cells of a spilled result that hold an Excel error print as {"error": "#N/A", "message": "..."}. */
function toJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toJson);
  if (isExcelError(value)) return { error: value.code, message: value.message };
  return value;
}

export interface FnResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export function runFn(name: string | undefined, args: string[]): FnResult {
  if (!name) return { exitCode: 2, stdout: "", stderr: `Usage: caretrust fn NAME ARG...\nFunctions: ${[...FUNCTIONS.keys()].sort().join(", ")}\n` };
  const fn = FUNCTIONS.get(name.toUpperCase().replace(/^CARETRUST\./, ""));
  if (!fn) return { exitCode: 2, stdout: "", stderr: `No function CARETRUST.${name}. Functions: ${[...FUNCTIONS.keys()].sort().join(", ")}\n` };
  let parsed: unknown[];
  try {
    parsed = args.map(parseCliArg);
  } catch (e) {
    return { exitCode: 2, stdout: "", stderr: `${(e as Error).message}\n` };
  }
  try {
    const result = fn(...parsed);
    return { exitCode: 0, stdout: `${JSON.stringify(toJson(result))}\n`, stderr: "" };
  } catch (e) {
    if (isExcelError(e)) return { exitCode: 1, stdout: "", stderr: `${e.code} ${e.message}\n` };
    return { exitCode: 1, stdout: "", stderr: `#VALUE! Unexpected problem: ${(e as Error).message}\n` };
  }
}
