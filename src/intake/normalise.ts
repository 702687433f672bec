/**
 * Value normalisers: one named function per form a staff-list cell takes (band text, spinal column
 * points, terms, pension scheme names, HCAS zones, money, percentages, hours, dates, years of
 * service). Each returns the value or throws CellProblem with the message for the user: a value
 * that could be read two ways is refused, never guessed, and every number has a plausible range
 * (docs/staff-list.md) so one absurd cell is that row's problem, not a whole-run failure.
 */
import { D, type Decimal } from "../engine/money";
import type { Scheme } from "../engine/oncosts";
import type { HcasChoice, TermsName } from "../engine/terms";
import { normaliseHeading } from "./vocabulary";

/** A cell the intake cannot take, with what to change. */
export class CellProblem extends Error {}

export function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** A cell as the user would recognise it in a message. */
export function show(v: unknown): string {
  if (typeof v === "string") return `"${v.length > 60 ? `${v.slice(0, 57)}...` : v}"`;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "an invalid date" : `the date ${v.toISOString().slice(0, 10)}`;
  if (typeof v === "number" && !Number.isFinite(v)) return String(v);
  if (typeof v === "number" && Math.abs(v) >= 1e15) return v.toExponential(3);
  return String(v);
}

export function text(v: unknown): string {
  if (typeof v === "string") return v.trim();
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  if (typeof v === "boolean") throw new CellProblem(`expected text, got ${v ? "TRUE" : "FALSE"}`);
  if (v instanceof Date) throw new CellProblem(`expected text, got ${show(v)}`);
  return String(v).trim();
}

const NUMBER_TEXT = /^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i;
/** "1.200,00", "1200,5", "1.200" (a dot before exactly three digits): forms a continental list would write. */
const MISREADABLE = [/^\d{1,3}(\.\d{3})+,\d*$/, /^\d+,\d{1,2}$/, /^\d{1,3}(\.\d{3}){2,}$/, /^\d{1,3}\.\d{3}$/];

/**
 * A number from a cell: numbers as they are; text with £, thousands commas and spaces accepted
 * ("£1,234.50"). A form that could be misread ("1.200,00", "1200,50", "1.200") is refused with how
 * to write it: this list's numbers are read with "." as the decimal point.
 * `percent` accepts "80%" (0.8). `misreadCheck` is off for small numbers such as steps.
 */
export function number(v: unknown, what: string, options: { percent?: boolean; misreadCheck?: boolean } = {}): Decimal {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new CellProblem(`${what} must be a number; got ${show(v)}.`);
    return new D(v);
  }
  if (typeof v === "string") {
    let t = v.trim().replace(/^£\s*/, "").replace(/[\s\u00a0]/g, "");
    let scale = 1;
    if (options.percent && t.endsWith("%")) {
      t = t.slice(0, -1);
      scale = 100;
    }
    if (options.misreadCheck !== false && MISREADABLE.some((re) => re.test(t)))
      throw new CellProblem(
        `${what} ${show(v)} could be read two ways (a comma or a dot as the decimal point): write it with a dot for the decimal point and no other dots, as in ${continentalExample(t)}.`,
      );
    t = t.replace(/^£/, "");
    if (/^[-+]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(t)) t = t.replace(/,/g, "");
    if (NUMBER_TEXT.test(t)) {
      const n = new D(t).dividedBy(scale);
      if (!n.isFinite()) throw new CellProblem(`${what} must be a number; got ${show(v)}.`);
      return n;
    }
  }
  throw new CellProblem(`${what} must be a number; got ${show(v)}.`);
}

function continentalExample(t: string): string {
  // "1.200,00" -> "1200.00"; "1200,5" -> "1200.5"; "1.200" -> "1200 (or 1.2)".
  if (/,/.test(t)) return t.replace(/\./g, "").replace(",", ".");
  return `${t.replace(/\./g, "")} (or ${Number(t)})`;
}

/** Money, £ a year: at least 0 and at most `max`. */
export function money(v: unknown, what: string, max: number): Decimal {
  const n = number(v, what);
  if (n.isNegative()) throw new CellProblem(`${what} must not be negative; got ${show(v)}.`);
  if (n.gt(max)) throw new CellProblem(`${what} of ${show(v)} is more than £${max.toLocaleString("en-GB")} a year, which is not plausible here: check the cell.`);
  return n;
}

/** Full-time equivalent: more than 0, at most 1 ("0.8" or "80%"). */
export function fte(v: unknown): Decimal {
  const n = number(v, "FTE", { percent: true });
  if (n.lte(0) || n.gt(1)) throw new CellProblem(`FTE must be more than 0 and at most 1 (full time is 1, half time 0.5); got ${show(v)}.`);
  return n;
}

/** Hours a week: "37.5", 37.5 or "37:30" (hours and minutes); more than 0 and at most 80 (the engine's plausible week). */
export function weeklyHours(v: unknown, what = "Weekly hours"): Decimal {
  const hm = typeof v === "string" ? /^\s*(\d{1,3}):([0-5]\d)\s*$/.exec(v) : null;
  const n = hm ? new D(hm[1]).plus(new D(hm[2]).dividedBy(60)) : number(v, what, { misreadCheck: false });
  if (n.lte(0) || n.gt(80)) throw new CellProblem(`${what} must be more than 0 and at most 80; got ${show(v)}.`);
  return n;
}

/** Hours a week of a kind (unsocial hours): from 0 to `max`. */
export function hoursOfKind(v: unknown, what: string, max: Decimal): Decimal {
  const n = number(v, what, { misreadCheck: false });
  if (n.isNegative() || n.gt(max)) throw new CellProblem(`${what} must be from 0 to the weekly hours (${max.toString()}); got ${show(v)}.`);
  return n;
}

/** Completed years: from 0 to 60. */
export function years(v: unknown, what: string): Decimal {
  const n = number(v, what, { misreadCheck: false });
  if (n.isNegative() || n.gt(60)) throw new CellProblem(`${what} must be from 0 to 60 years; got ${show(v)}.`);
  return n;
}

/** A whole number from 1 (an AfC pay step). */
export function payStep(v: unknown): number {
  const n = number(typeof v === "string" ? v.replace(/^\s*(step|point|pay point)\s*/i, "") : v, "The pay step", { misreadCheck: false });
  if (!n.isInteger() || n.lt(1) || n.gt(99)) throw new CellProblem(`The pay step must be a whole number from 1; got ${show(v)}.`);
  return n.toNumber();
}

/** "SCP 23", "Point 23", "23", 23 -> 23. A local grade ("Grade 5", "PO1") is not a point. */
export function spinalPoint(v: unknown): number {
  const t = typeof v === "number" ? String(v) : typeof v === "string" ? v.trim().replace(/^(scp|point|spinal column point|spinal point|pay point)\s*/i, "") : "";
  if (/^\d{1,3}$/.test(t)) return Number(t);
  throw new CellProblem(`${show(v)} is not a spinal column point: give the NJC point as a whole number, such as 23.`);
}

/**
 * An Agenda for Change band as the data names it ("5", "8a"), from "5", "Band 5", "Band 8a",
 * "Band 8 - Range A", "Band 8A", "AfC Band 6", "Agenda for Change Band 6". Null when the text is
 * not written as a band.
 */
export function afcBand(v: unknown): string | null {
  if (typeof v === "number" && Number.isInteger(v)) return String(v);
  if (typeof v !== "string") return null;
  const t = v
    .trim()
    .toLowerCase()
    .replace(/^(agenda for change|afc|nhs)\s*[-:]?\s*/, "")
    .replace(/^band\s*/, "");
  const range = /^(\d)\s*(?:-|–|,)?\s*(?:range\s*)?([a-d])$/.exec(t);
  if (range) return `${range[1]}${range[2]}`;
  if (/^\d$/.test(t)) return t;
  return null;
}

const TERMS_VALUES: ReadonlyMap<string, TermsName> = new Map([
  ...["afc", "agenda for change", "nhs", "nhs afc", "afc nhs", "a4c", "nhs agenda for change", "agenda for change nhs", "nhs terms and conditions"].map(
    (s): [string, TermsName] => [normaliseHeading(s), "AFC"],
  ),
  ...["njc", "green book", "njc green book", "council", "local government", "nj c", "njc local government", "njc for local government services"].map(
    (s): [string, TermsName] => [normaliseHeading(s), "NJC"],
  ),
]);

/** AFC or NJC from the ways lists write them; null when the text is not a terms name. */
export function termsName(v: unknown): TermsName | null {
  return typeof v === "string" ? (TERMS_VALUES.get(normaliseHeading(v)) ?? null) : null;
}

/**
 * Pension scheme names as ESR and council payrolls write them. The NHS Pension Scheme's 1995 and
 * 2008 sections and the 2015 scheme all have one employer rate (NHS Pension Scheme (Contributions)
 * rates: the employer rate is the same for every section), so all are "NHS". The LGPS main section
 * and the 50/50 section differ in the member's contribution only; both are costed at the fund's
 * employer rate, but kept apart because the report shows them.
 */
const SCHEME_VALUES: ReadonlyMap<string, Scheme> = new Map([
  ...[
    "nhs", "nhsps", "nhs pension", "nhs pension scheme", "nhs pensions", "nhs 2015", "nhs 2015 scheme", "nhs pension 2015", "nhs pension scheme 2015",
    "2015 scheme", "nhs 1995", "nhs 1995 section", "1995 section", "nhs 2008", "nhs 2008 section", "2008 section", "nhs 1995 2008", "nhs pension 1995",
    "nhs pension 2008", "nhs 1995 section 2008 section", "nhs superannuation", "nhs superannuation scheme", "nhs pension scheme 1995 section",
    "nhs pension scheme 2008 section",
  ].map((s): [string, Scheme] => [normaliseHeading(s), "NHS"]),
  ...["lgps", "local government pension scheme", "lgps main", "lgps main section", "lgps main scheme", "lgps 100", "lgps main 100", "local government pension scheme main section"].map(
    (s): [string, Scheme] => [normaliseHeading(s), "LGPS"],
  ),
  ...["lgps 50/50", "lgps5050", "lgps 50 50", "50/50", "lgps 50/50 section", "lgps fifty fifty", "lgps 50/50 scheme", "local government pension scheme 50/50 section"].map(
    (s): [string, Scheme] => [normaliseHeading(s), "LGPS5050"],
  ),
  ...["none", "no", "opted out", "not in scheme", "no scheme", "not a member", "non member", "nonmember", "no pension", "not pensionable", "opt out"].map(
    (s): [string, Scheme] => [normaliseHeading(s), "NONE"],
  ),
]);

export function pensionScheme(v: unknown): Scheme {
  if (isBlank(v)) throw new CellProblem("The pension scheme is empty: write NHS, LGPS, LGPS 50/50 or NONE (not in a scheme).");
  const s = SCHEME_VALUES.get(normaliseHeading(text(v)));
  if (!s) throw new CellProblem(`Pension scheme ${show(v)} is not recognised: write NHS (any section), LGPS (main section), LGPS 50/50 or NONE.`);
  return s;
}

const HCAS_VALUES: ReadonlyMap<string, HcasChoice> = new Map([
  ...["inner", "inner london"].map((s): [string, HcasChoice] => [normaliseHeading(s), "INNER"]),
  ...["outer", "outer london"].map((s): [string, HcasChoice] => [normaliseHeading(s), "OUTER"]),
  ...["fringe", "fringe zone", "london fringe"].map((s): [string, HcasChoice] => [normaliseHeading(s), "FRINGE"]),
  ...["none", "no", "n/a", "na", "0"].map((s): [string, HcasChoice] => [normaliseHeading(s), "NONE"]),
]);

export function hcasZone(v: unknown): HcasChoice {
  if (isBlank(v)) return "NONE";
  const a = HCAS_VALUES.get(normaliseHeading(text(v)));
  if (!a) throw new CellProblem(`HCAS area ${show(v)} is not recognised: write INNER, OUTER, FRINGE or leave it empty (none).`);
  return a;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** Excel's serial day 0 (1899-12-30, allowing for its 1900 leap-year bug) in UTC milliseconds. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function utcDate(y: number, m: number, d: number): Date | null {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d ? dt : null;
}

/**
 * A date from a cell: a Date (xlsx, Office.js with dates), an Excel serial number (a date column
 * read as numbers), ISO "2015-04-01", UK "01/04/2015" (day first, as UK exports write it),
 * "01-APR-2015" or "1 Apr 2015" (ESR style). Between 1940 and 2100.
 */
export function date(v: unknown, what: string): Date {
  let d: Date | null = null;
  if (v instanceof Date) d = Number.isNaN(v.getTime()) ? null : new Date(Date.UTC(v.getUTCFullYear(), v.getUTCMonth(), v.getUTCDate()));
  else if (typeof v === "number" && Number.isInteger(v) && v > 14_000 && v < 74_000) d = new Date(EXCEL_EPOCH + v * 86_400_000);
  else if (typeof v === "string") {
    const t = v.trim();
    let m: RegExpExecArray | null;
    if ((m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(t))) d = utcDate(+m[1], +m[2], +m[3]);
    else if ((m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(t))) d = utcDate(+m[3], +m[2], +m[1]);
    else if ((m = /^(\d{1,2})[-\s]([a-z]{3})[a-z]*[-\s](\d{4})$/i.exec(t))) {
      const month = MONTHS.indexOf(m[2].toLowerCase());
      if (month >= 0) d = utcDate(+m[3], month + 1, +m[1]);
    }
  }
  if (!d) throw new CellProblem(`${what} ${show(v)} is not a date: write it as 01/04/2015 (day, month, year) or 2015-04-01.`);
  const y = d.getUTCFullYear();
  if (y < 1940 || y > 2100) throw new CellProblem(`${what} ${show(v)} is not a plausible date (1940 to 2100).`);
  return d;
}

/**
 * Completed years from `start` to `at` (both dates, UTC): the whole years in between, as length of
 * service is counted (a year is completed on the anniversary). 0 when `start` is on or after `at`.
 */
export function completedYears(start: Date, at: Date): number {
  let y = at.getUTCFullYear() - start.getUTCFullYear();
  if (at.getUTCMonth() < start.getUTCMonth() || (at.getUTCMonth() === start.getUTCMonth() && at.getUTCDate() < start.getUTCDate())) y--;
  return Math.max(0, y);
}

/** Does this cell look like a date (a Date, or date text)? Numbers are not taken as dates here. */
export function looksLikeDate(v: unknown): boolean {
  if (v instanceof Date) return true;
  return typeof v === "string" && /^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{4}|\d{1,2}[-\s][a-z]{3,9}[-\s]\d{4})/i.test(v.trim());
}

/** Does this cell hold a number (a number, or text that is one)? */
export function looksLikeNumber(v: unknown): boolean {
  if (typeof v === "number") return Number.isFinite(v);
  return typeof v === "string" && NUMBER_TEXT.test(v.trim().replace(/^£/, "").replace(/,/g, ""));
}
