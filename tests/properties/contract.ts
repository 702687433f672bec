/**
 * The contract every custom function keeps, whatever it is given (DESIGN.md, issue 6):
 *  - it returns a finite number, a string, or a rectangular, non-empty 2-D array whose cells
 *    are finite numbers, strings or Excel error objects (#VALUE! or #N/A with a message);
 *  - or it throws a CustomFunctions.Error whose code is #VALUE! or #N/A and whose message is
 *    not empty: Excel shows a custom function's error message for those two codes only, so any
 *    other code (#NUM!, #DIV/0! …) would lose the message that says what to change;
 *  - nothing else: no other exception, no NaN, no Infinity, no undefined, no null.
 */
import "../../src/functions/excelErrors"; // installs the headless CustomFunctions global

export const ALLOWED_CODES: readonly string[] = ["#VALUE!", "#N/A"];

/** The message an excelCall wraps around a bug (a thrown TypeError and the like). */
export const INTERNAL_ERROR = /^(Row \d+: )?Unexpected problem/;

function errorProblem(e: unknown, where: string): string | null {
  if (!(e instanceof CustomFunctions.Error)) return `${where}: not a CustomFunctions.Error: ${describe(e)}`;
  if (!ALLOWED_CODES.includes(e.code)) return `${where}: error code ${e.code} is not one of ${ALLOWED_CODES.join(", ")}`;
  if (typeof e.message !== "string" || e.message.trim() === "") return `${where}: ${e.code} without a message`;
  return null;
}

function cellProblem(c: unknown, where: string): string | null {
  if (typeof c === "number") return Number.isFinite(c) ? null : `${where}: ${c}`;
  if (typeof c === "string") return null;
  if (c instanceof CustomFunctions.Error) return errorProblem(c, where);
  return `${where}: ${describe(c)} is not a number, text or an Excel error`;
}

/** Why a returned value breaks the contract, or null when it keeps it. */
export function resultProblem(r: unknown): string | null {
  if (!Array.isArray(r)) return cellProblem(r, "result");
  if (r.length === 0) return "result: an empty array (Excel cannot spill nothing)";
  if (!r.every(Array.isArray)) return "result: a 1-D array where a 2-D range (rows of cells) belongs";
  const width = (r[0] as unknown[]).length;
  if (width === 0) return "result: rows of no cells";
  for (let i = 0; i < r.length; i++) {
    const row = r[i] as unknown[];
    if (row.length !== width) return `result: ragged, row ${i + 1} has ${row.length} cells, row 1 has ${width}`;
    for (let j = 0; j < row.length; j++) {
      const p = cellProblem(row[j], `cell (${i + 1}, ${j + 1})`);
      if (p) return p;
    }
  }
  return null;
}

/** Why a thrown value breaks the contract, or null when it keeps it. */
export function thrownProblem(e: unknown): string | null {
  return errorProblem(e, "thrown");
}

export type Outcome = { kind: "returned"; value: unknown } | { kind: "threw"; error: unknown };

export function call(fn: (...args: unknown[]) => unknown, args: unknown[]): Outcome {
  try {
    return { kind: "returned", value: fn(...args) };
  } catch (error) {
    return { kind: "threw", error };
  }
}

export function outcomeProblem(o: Outcome): string | null {
  return o.kind === "returned" ? resultProblem(o.value) : thrownProblem(o.error);
}

/** Every error message in an outcome (the thrown one, or those in the cells of a spill). */
export function messages(o: Outcome): string[] {
  if (o.kind === "threw") return [String((o.error as { message?: unknown })?.message ?? "")];
  if (!Array.isArray(o.value)) return [];
  return (o.value as unknown[][]).flat().filter((c) => c instanceof CustomFunctions.Error).map((c) => String((c as CustomFunctions.Error).message));
}

export function describe(v: unknown): string {
  if (v instanceof Error) return `${v.name}: ${v.message}`;
  try {
    return JSON.stringify(v, (_k, x) => (typeof x === "number" && !Number.isFinite(x) ? String(x) : x === undefined ? "undefined" : x)) ?? String(v);
  } catch {
    return String(v);
  }
}
