import fs from "fs";
import { FUNCTIONS } from "../functions/registry";
import { HeadlessCustomFunctionError } from "../functions/runtime";
import { escapeControls, showValue } from "../intake/safeText";
import { fnUsage, functionUsage, tooManyArguments } from "./help";

/** The most bytes read for one argument from a file or standard input. */
export const MAX_ARG_FILE_BYTES = 100 * 1024 * 1024;
/** Characters of a message printed (an Excel error message quoting a huge argument is cut). */
const MAX_MESSAGE_CHARS = 2000;

/** Where `@file` and `-` arguments are read from (standard input is file descriptor 0). */
export type ArgumentSource = (pathOrStdin: string | 0) => string;

export const readArgumentSource: ArgumentSource = (from) => {
  if (from !== 0) {
    const size = fs.statSync(from).size;
    if (size > MAX_ARG_FILE_BYTES) throw new Error(`${showValue(from, 200)} is ${size.toLocaleString("en-GB")} bytes, more than the ${MAX_ARG_FILE_BYTES.toLocaleString("en-GB")} an argument may be.`);
  }
  return fs.readFileSync(from, "utf8");
};

/** A range is a JSON array of rows, each row an array of cells (numbers, text, true/false, null), as Excel passes one. */
function checkRange(value: unknown, arg: string): unknown {
  if (!Array.isArray(value)) throw new Error(`Argument ${showValue(arg, 100)} starts with "[" but is not a JSON array, e.g. [[500000],[300000]].`);
  const scalar = (c: unknown) => c === null || typeof c === "number" || typeof c === "string" || typeof c === "boolean";
  for (const row of value) {
    if (scalar(row)) continue;
    if (Array.isArray(row) && row.every(scalar)) continue;
    throw new Error(`Argument ${showValue(arg, 100)} is not a range: a range is rows of cells, e.g. [[500000],[300000]], each cell a number, text, true, false or null.`);
  }
  return value;
}

/**
 * `caretrust fn NAME ARG...`: an argument that parses as a number is a number, one that starts
 * with `[` is a JSON array (a range), an empty one is omitted (Excel passes null), anything else
 * is text. `@FILE` is the argument read from a file and `-` from standard input (a large range
 * cannot go on a command line); `@@text` is the text `@text`.
 */
export function parseCliArg(arg: string, source: ArgumentSource = readArgumentSource): unknown {
  if (arg === "-" || (arg.startsWith("@") && !arg.startsWith("@@"))) {
    const from = arg === "-" ? "standard input" : arg.slice(1);
    let content: string;
    try {
      content = source(arg === "-" ? 0 : arg.slice(1));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw new Error(`Cannot read the argument from ${showValue(from, 200)}: ${code === "ENOENT" ? "no such file" : (code ?? escapeControls((e as Error).message))}.`);
    }
    return parseCliArg(content.trim() === "" ? "" : content.trim(), () => {
      throw new Error("an argument read from a file cannot point at another file");
    });
  }
  if (arg.startsWith("@@")) arg = arg.slice(1);
  if (arg === "") return null;
  const t = arg.trim();
  if (t.startsWith("[")) {
    let value: unknown;
    try {
      value = JSON.parse(t);
    } catch {
      throw new Error(`Argument ${showValue(arg, 100)} starts with "[" but is not a JSON array, e.g. [[500000],[300000]].`);
    }
    return checkRange(value, arg);
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

const HELP = new Set(["--help", "-h", "help"]);

export function runFn(name: string | undefined, args: string[], source: ArgumentSource = readArgumentSource): FnResult {
  const names = [...FUNCTIONS.keys()].sort();
  if (!name) return { exitCode: 2, stdout: "", stderr: fnUsage(names) };
  if (HELP.has(name)) return { exitCode: 0, stdout: fnUsage(names), stderr: "" };
  const id = name.toUpperCase().replace(/^CARETRUST\./, "");
  const fn = FUNCTIONS.get(id);
  if (!fn) return { exitCode: 2, stdout: "", stderr: `No function CARETRUST.${showValue(name, 100)}. Functions: ${names.join(", ")}\n` };
  if (args.length === 1 && HELP.has(args[0])) return { exitCode: 0, stdout: functionUsage(id), stderr: "" };
  const tooMany = tooManyArguments(id, args.length);
  if (tooMany) return { exitCode: 2, stdout: "", stderr: `${tooMany}\n` };
  let parsed: unknown[];
  try {
    if (args.filter((a) => a === "-").length > 1) throw new Error("Only one argument can be read from standard input (-).");
    parsed = args.map((a) => parseCliArg(a, source));
  } catch (e) {
    return { exitCode: 2, stdout: "", stderr: `${showValue((e as Error).message, MAX_MESSAGE_CHARS)}\n` };
  }
  try {
    const result = fn(...parsed);
    return { exitCode: 0, stdout: `${JSON.stringify(toJson(result))}\n`, stderr: "" };
  } catch (e) {
    if (isExcelError(e)) return { exitCode: 1, stdout: "", stderr: `${e.code} ${showValue(e.message, MAX_MESSAGE_CHARS)}\n` };
    return { exitCode: 1, stdout: "", stderr: `#VALUE! Unexpected problem: ${showValue((e as Error).message, MAX_MESSAGE_CHARS)}\n` };
  }
}
