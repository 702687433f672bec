import { D, type Decimal } from "../engine/money";
import { invalidValue, invalidNumber, notAvailable } from "../engine/errors";
import { NJC_SPINE } from "../data/njc";
import { defaultYear } from "../engine/defaultYear";
import { checkAward } from "../engine/scales";
import { SCHEMES, type Scheme } from "../engine/oncosts";
import { HCAS_AREAS, type HcasChoice } from "../engine/terms";
import { CellProblem, hcasZone, pensionScheme } from "../intake/normalise";
import { parseFinancialYear, type FinancialYear } from "../engine/years";
import { exactPenceOfNumber, ratioOf, roundedPenceOfNumber, type Pence, type Ratio } from "../engine/pence";

/**
 * Argument coercion at the boundary: Excel passes numbers, text, booleans, null for an omitted
 * argument, and 2-D arrays for ranges. Everything is checked here, before any arithmetic, so the
 * engine never sees NaN, Infinity or a float where a Decimal belongs.
 */

export type Cell = number | string | boolean | null | undefined;

export function isOmitted(v: unknown): v is null | undefined | "" {
  return v === null || v === undefined || v === "";
}

/** A single value: a one-cell range ([[x]]) counts as that value. */
export function scalar(v: unknown, name: string): Cell {
  if (Array.isArray(v)) {
    if (v.length === 1 && Array.isArray(v[0]) && v[0].length === 1) return v[0][0] as Cell;
    throw invalidValue(`${name} must be a single value, not a range of ${v.length} rows.`);
  }
  return v as Cell;
}

export interface NumberRule {
  min?: number;
  max?: number;
  /** Whether the minimum itself is excluded (e.g. FTE must be above 0). */
  minExclusive?: boolean;
  integer?: boolean;
}

/** A required number. Numeric text ("31,049", "£31049", "19%") is accepted as Excel users type it. */
export function num(v: unknown, name: string, rule: NumberRule = {}): Decimal {
  const x = scalar(v, name);
  if (isOmitted(x)) throw invalidValue(`${name} is missing. Give a number.`);
  let d: Decimal;
  if (typeof x === "number") {
    if (!Number.isFinite(x)) throw invalidNumber(`${name} is not a finite number.`);
    d = new D(x);
  } else if (typeof x === "string") {
    const trimmed = x.trim().replace(/^£/, "");
    // Commas only as thousands separators ("31,049"): "500000,300000" is a list, not one number.
    if (trimmed.includes(",") && !/^[-+]?\d{1,3}(,\d{3})+(\.\d*)?%?$/.test(trimmed))
      throw invalidValue(`${name} must be a number; got "${x}", which reads as a list. Give one number, or for several values a range (on the command line [[500000],[300000]]).`);
    const cleaned = trimmed.replace(/,/g, "");
    const percent = cleaned.endsWith("%");
    const body = percent ? cleaned.slice(0, -1).trim() : cleaned;
    if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(body)) throw invalidValue(`${name} must be a number; got "${x}".`);
    d = new D(body);
    if (percent) d = d.dividedBy(100);
    if (!d.isFinite()) throw invalidNumber(`${name} is not a finite number.`);
  } else if (typeof x === "boolean") {
    throw invalidValue(`${name} must be a number, not ${x ? "TRUE" : "FALSE"}.`);
  } else {
    throw invalidValue(`${name} must be a number.`);
  }
  checkRule(d, name, rule);
  return d;
}

/** An optional number: null when omitted. */
export function optNum(v: unknown, name: string, rule: NumberRule = {}): Decimal | null {
  return isOmitted(scalar(v, name)) ? null : num(v, name, rule);
}

function checkRule(d: Decimal, name: string, rule: NumberRule): void {
  if (rule.integer && !d.isInteger()) throw invalidNumber(`${name} must be a whole number; got ${d.toString()}.`);
  if (rule.min !== undefined && (rule.minExclusive ? d.lte(rule.min) : d.lt(rule.min)))
    throw invalidNumber(`${name} must be ${rule.minExclusive ? "more than" : "at least"} ${rule.min}; got ${d.toString()}.`);
  if (rule.max !== undefined && d.gt(rule.max)) throw invalidNumber(`${name} must be at most ${rule.max}; got ${d.toString()}.`);
}

/**
 * A pay step (1 = entry), or null when omitted. 0 is never a step, and desktop Excel passes an
 * empty cell as 0, so 0 counts as omitted, as on the web.
 */
export function optStep(v: unknown): number | null {
  if (typeof v === "number" && Number.isInteger(v) && v >= 1) return v; // the usual case, as num() would read it
  if (scalar(v, "step") === 0) return null;
  const d = optNum(v, "step", { min: 1, integer: true });
  return d === null ? null : d.toNumber();
}

/** A required piece of text (a number is accepted and turned into text, e.g. band 6). */
export function text(v: unknown, name: string): string {
  const x = scalar(v, name);
  if (isOmitted(x)) throw invalidValue(`${name} is missing.`);
  if (typeof x === "boolean") throw invalidValue(`${name} must be text, not ${x ? "TRUE" : "FALSE"}.`);
  if (typeof x === "number" && !Number.isFinite(x)) throw invalidValue(`${name} is not a valid value.`);
  return String(x).trim();
}

export function optText(v: unknown, name: string): string | null {
  return isOmitted(scalar(v, name)) ? null : text(v, name);
}

/** One of a fixed set of keywords, case-insensitive; the message lists the valid ones. */
export function choice<T extends string>(v: unknown, name: string, options: readonly T[], fallback?: T): T {
  const x = scalar(v, name);
  if (isOmitted(x)) {
    if (fallback !== undefined) return fallback;
    throw invalidValue(`${name} is missing. Use one of: ${options.join(", ")}.`);
  }
  const t = String(x).trim().toUpperCase().replace(/[\s-]+/g, "_");
  const found = options.find((o) => o.toUpperCase() === t);
  if (!found) throw invalidValue(`${name} "${String(x)}" is not recognised. Use one of: ${options.join(", ")}.`);
  return found;
}

/**
 * One vocabulary with the staff list: pension schemes and HCAS areas are read by the intake's
 * normalisers (src/intake/normalise.ts), so "LGPS 50/50", "NHS 2015 scheme" or "Inner London"
 * mean the same in a function as in a staff list. The engine keyword (LGPS5050, INNER) is accepted too.
 */
export function schemeArg(v: unknown, name: string, fallback?: Scheme): Scheme {
  const x = scalar(v, name);
  if (isOmitted(x) && fallback !== undefined) return fallback;
  if (typeof x !== "string") return readScheme(x, name);
  // A column of schemes repeats a handful of texts: read each once.
  let s = schemesRead.get(x);
  if (s === undefined) {
    s = readScheme(x, name); // throws for a scheme not recognised, which is never cached
    if (schemesRead.size < 1000) schemesRead.set(x, s);
  }
  return s;
}

const schemesRead = new Map<string, Scheme>();

function readScheme(x: Cell, name: string): Scheme {
  if (typeof x === "string" && (SCHEMES as readonly string[]).includes(x.trim().toUpperCase())) return x.trim().toUpperCase() as Scheme;
  try {
    return pensionScheme(x);
  } catch (e) {
    if (e instanceof CellProblem) throw invalidValue(`${name}: ${e.message}`);
    throw e;
  }
}

export function hcasArg(v: unknown, name: string): HcasChoice {
  const x = scalar(v, name);
  if (typeof x === "string" && (HCAS_AREAS as readonly string[]).includes(x.trim().toUpperCase())) return x.trim().toUpperCase() as HcasChoice;
  if (isOmitted(x)) throw invalidValue(`${name} is missing. Use one of: ${HCAS_AREAS.join(", ")} ("Inner London", "Outer London" and "Fringe" are read too).`);
  try {
    return hcasZone(x);
  } catch (e) {
    if (e instanceof CellProblem) throw invalidValue(`${name} "${String(x)}" is not recognised. Use one of: ${HCAS_AREAS.join(", ")} ("Inner London", "Outer London" and "Fringe" are read too).`);
    throw e;
  }
}

/** Years of service: from 0 to 60, the staff list's limit. */
export const MAX_SERVICE_YEARS = 60;

/** Years as typed ("2025/26", 2025, a date serial) recur in every call: parse each once. */
const parsedYears = new Map<unknown, FinancialYear | null>();

/**
 * The year argument. Omitted, it is the one default year (src/engine/defaultYear.ts: the latest
 * year every scale and rate holds as agreed), the same in every function and in the pack.
 */
export function year(v: unknown): FinancialYear {
  const x = scalar(v, "year");
  const hit = parsedYears.get(x);
  if (hit !== undefined) return hit ?? defaultYear();
  const fy = parseFinancialYear(x); // throws for a bad year, which is never cached
  if (parsedYears.size < 1000) parsedYears.set(x, fy);
  return fy ?? defaultYear();
}

/** An assumed pay award argument (a fraction, 0.03 or "3%"), from −10% to +25%; null when omitted. */
export function award(v: unknown, name: string): Decimal | null {
  const a = optNum(v, name);
  if (a !== null) checkAward(a, name);
  return a;
}

/**
 * A year whose NJC award is pending (2026/27 as the data stands) needs an assumed award from the
 * user whenever NJC pay is read: never the old rates silently. Returns the award to assume.
 */
export function pendingNjcAward(fy: FinancialYear, njcInvolved: boolean, given: Decimal | null, name = "assumedAward"): Decimal | null {
  const pending = NJC_SPINE[fy.label]?.pending;
  if (!pending || !njcInvolved || given !== null) return given;
  throw notAvailable(`${pending} Give ${name}: the award to assume for ${fy.label} (0 for the 2025/26 rates; 0.033 for the employers' 3.3% offer).`);
}

/** A range as a 2-D array (a single value becomes a 1×1 range). */
export function matrix(v: unknown, name: string): Cell[][] {
  if (isOmitted(v)) throw invalidValue(`${name} is missing. Give a range.`);
  if (!Array.isArray(v)) return [[v as Cell]];
  if (v.length === 0 || !v.every((row) => Array.isArray(row)))
    throw invalidValue(`${name} must be a range (rows of cells).`);
  const width = (v[0] as unknown[]).length;
  if (width === 0 || !v.every((row) => (row as unknown[]).length === width))
    throw invalidValue(`${name} must be a rectangular range.`);
  return v as Cell[][];
}

/**
 * A pay argument as Excel passes it, in whole pence for the integer rules: a number rounded half
 * up to the penny exactly as its decimal would be (roundedPenceOfNumber), or null when the value
 * must go the decimal way (text, a range, a negative or huge number, a near half-penny
 * tie): the caller then reads it with num(), which gives the same figure or the same message.
 */
export function roundedPenceArg(v: unknown): Pence | null {
  return typeof v === "number" ? roundedPenceOfNumber(v) : null;
}

/** As roundedPenceArg, but only a number that is a whole number of pence (31049.5, not 31049.567). */
export function exactPenceArg(v: unknown): Pence | null {
  return typeof v === "number" ? exactPenceOfNumber(v) : null;
}

const fractions = new Map<number, Ratio>();

/**
 * A fraction given as a number from 0 to 1 (a rate), as the exact ratio of the decimal the number
 * shows (ratioOf(new D(x)), what num() then ratioOf would give); each value is read once.
 * Null for anything else: the caller then reads it with num(), for the same message.
 */
export function fractionArg(v: unknown): Ratio | null {
  // −0 goes the decimal way, which refuses it as today (a Decimal −0 is negative), as does everything outside 0 to 1.
  if (typeof v !== "number" || !((v > 0 && v <= 1) || (v === 0 && 1 / v > 0))) return null;
  let r = fractions.get(v);
  if (r === undefined) {
    r = ratioOf(new D(v));
    if (fractions.size < 1000) fractions.set(v, r);
  }
  return r;
}

/** Pence -> the number Excel shows: pence / 100 is the double nearest the figure, as Decimal.toNumber() gives. */
export function outPence(p: Pence): number {
  return p / 100;
}

const tableNumbers = new WeakMap<Decimal, number>();

/**
 * A figure read from the rate tables (a Decimal parsed once and shared: src/engine/money.ts dec)
 * -> the number Excel shows, converted once per figure. Only for shared figures: a Decimal worked
 * out per call would fill the cache for nothing.
 */
export function outTableFigure(d: Decimal): number {
  let n = tableNumbers.get(d);
  if (n === undefined) tableNumbers.set(d, (n = out(d)));
  return n;
}

/** Decimal -> the number Excel shows. Money is already rounded to the penny by the engine. */
export function out(d: Decimal): number {
  const n = d.toNumber();
  if (!Number.isFinite(n)) throw invalidNumber("The result is too large for Excel to hold: check the amounts given.");
  return n;
}
