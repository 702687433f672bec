import { AFC_PAY, AFC_PROGRESSION } from "../data/afc";
import { NJC_SPINE } from "../data/njc";
import type { Source, Provenance } from "../data/types";
import { invalidValue, notAvailable, invalidNumber } from "./errors";
import { dec, roundPound, type Decimal } from "./money";
import { financialYear, forYear, type FinancialYear } from "./years";

/** A local pay scale supplied from a worksheet range: each row a grade and its pay per step. */
export interface LocalScaleRow {
  grade: string;
  steps: Decimal[];
}

export type ScaleRef = { kind: "AFC" } | { kind: "NJC" } | { kind: "LOCAL"; rows: readonly LocalScaleRow[] };

export interface ScalePay {
  pay: Decimal;
  /** The year whose table was used (null for a local scale, which has no year). */
  year: FinancialYear | null;
  provenance: Provenance | "local";
  sources: readonly Source[];
  /** How the grade and step were read, e.g. "AfC band 6 step 2". */
  label: string;
  /** The figure's own rule or publication, where the data gives one (NJC points). */
  rule?: string;
  /** Set when the figure rests on an assumed award for a year whose award is pending: what to say beside it. */
  pending?: string;
  /** Set when the figure is one the user supplied (its note, or ""): shown as "supplied by you". */
  supplied?: string;
}

const AFC_BAND_ORDER = ["1", "2", "3", "4", "5", "6", "7", "8a", "8b", "8c", "8d", "9"];

/** "6", 6, "Band 6", "8A", "band 8a" -> "6" / "8a". */
export function normaliseAfcBand(grade: string): string {
  return grade.trim().toLowerCase().replace(/^band\s*/, "");
}

export function afcBands(year: FinancialYear | null): string[] {
  const table = forYear(AFC_PAY, year, "Agenda for Change pay scales").value;
  return AFC_BAND_ORDER.filter((b) => b in table);
}

/** Annual full-time basic pay on Agenda for Change: band and step (1 = entry). */
export function afcPay(band: string, step: number | null, year: FinancialYear | null): ScalePay {
  const entry = forYear(AFC_PAY, year, "Agenda for Change pay scales");
  const key = normaliseAfcBand(band);
  const steps = entry.value[key];
  if (!steps)
    throw notAvailable(`"${band}" is not an Agenda for Change band in ${entry.year.label}. Valid bands: ${afcBands(entry.year).join(", ")}.`);
  const s = step ?? 1;
  if (!Number.isInteger(s) || s < 1 || s > steps.length)
    throw invalidNumber(
      `Band ${key} has ${steps.length === 1 ? "a single pay point (step 1)" : `steps 1 to ${steps.length}`} in ${entry.year.label}; got step ${s}.`,
    );
  const pay = steps[s - 1];
  if (pay === null)
    throw notAvailable(
      `The ${entry.year.label} pay for AfC band ${key} step ${s} is not in the data: the published figure could not be confirmed. Give the figure from your payroll, or use a local scale range.`,
    );
  const own = entry.figures?.[`${key}.${s}`];
  return { pay: dec(pay), year: entry.year, provenance: own?.provenance ?? entry.provenance, sources: entry.sources, label: `AfC band ${key} step ${s}`, ...(own ? { rule: own.rule } : {}) };
}

/** Years in an AfC band at which each step is reached (step 1 first, always 0). */
export function afcProgression(band: string, year: FinancialYear | null): readonly number[] {
  const entry = forYear(AFC_PROGRESSION, year, "Agenda for Change pay progression rules");
  const key = normaliseAfcBand(band);
  const years = entry.value[key];
  if (!years) throw notAvailable(`"${band}" is not an Agenda for Change band in ${entry.year.label}.`);
  return years;
}

/** The AfC step a person is on after a number of years in the band. */
export function afcStepForYears(band: string, yearsInBand: number, year: FinancialYear | null): number {
  return stepAfterYears(afcProgression(band, year), yearsInBand);
}

/** The step reached after years in the band: the last whose threshold (years from entry) the years reach. */
export function stepAfterYears(thresholds: readonly number[], yearsInBand: number): number {
  let step = 1;
  for (let i = 0; i < thresholds.length; i++) if (yearsInBand >= thresholds[i]) step = i + 1;
  return step;
}

export function njcPoints(year: FinancialYear | null): number[] {
  return [...spinePoints(forYear(NJC_SPINE, year, "NJC pay spine").value)];
}

const SPINE_POINTS = new WeakMap<object, readonly number[]>();

/** The points a spine table holds, lowest first: worked out once per table (a SALARY call needs them for its messages). */
function spinePoints(table: Readonly<Record<number, unknown>>): readonly number[] {
  let points = SPINE_POINTS.get(table);
  if (points === undefined) SPINE_POINTS.set(table, (points = Object.keys(table).map(Number).sort((a, b) => a - b)));
  return points;
}

/**
 * Annual full-time pay (37 hours, excluding London weighting) at an NJC spinal column point.
 * In a year whose award is pending, the pay is the table's figure × (1 + `assumedAward`), rounded
 * to the pound as the spine is published, and `pending` says so; without an assumed award it is
 * #N/A saying what to give (never the old rates silently).
 */
export function njcPay(point: number, year: FinancialYear | null, assumedAward: Decimal | null = null): ScalePay {
  const entry = forYear(NJC_SPINE, year, "NJC pay spine");
  const points = spinePoints(entry.value);
  if (!Number.isInteger(point))
    throw invalidValue(`An NJC spinal column point is a whole number from ${points[0]} to ${points[points.length - 1]}; got ${point}.`);
  if (!(point in entry.value)) {
    const deleted = entry.pending && point < points[0] ? ` (deleted from 1 April ${entry.year.start}: staff on it move to SCP ${points[0]})` : "";
    throw notAvailable(
      `Spinal column point ${point} is not on the NJC pay spine in ${entry.year.label}${deleted}. Points: ${points[0]} to ${points[points.length - 1]}.`,
    );
  }
  const pay = entry.value[point];
  if (pay === null)
    throw notAvailable(
      `The ${entry.year.label} pay for NJC spinal column point ${point} is not in the data: the published figure could not be confirmed. Give the figure from your pay scale, or use a local scale range.`,
    );
  const own = entry.figures?.[String(point)];
  const found: ScalePay = { pay: dec(pay), year: entry.year, provenance: own?.provenance ?? entry.provenance, sources: entry.sources, label: `NJC SCP ${point}`, ...(own ? { rule: own.rule } : {}) };
  if (!entry.pending) return found;
  if (assumedAward === null)
    throw notAvailable(
      `${entry.pending} Give the award to assume for ${entry.year.label} (0 for the 2025/26 rates; 0.033 for the employers' 3.3% offer).`,
    );
  checkAward(assumedAward, `The assumed NJC ${entry.year.label} award`);
  return {
    ...found,
    pay: roundPound(found.pay.times(assumedAward.plus(1))),
    pending: `NJC ${entry.year.label} award pending: ${assumedAward.times(100).toDecimalPlaces(2).toString()}% assumed on the 2025/26 rates (SCP 2 deleted)`,
    rule: `pending: the 2025/26 figure × (1 + ${assumedAward.toString()}), rounded to the nearest £1`,
  };
}

/** An assumed pay award: more than −10% and at most +25% (outside that range it is almost certainly a typing slip, e.g. 3 for 3%). */
export function checkAward(award: Decimal, what: string): void {
  if (!award.isFinite() || award.lt(AWARD_MIN) || award.gt(AWARD_MAX))
    throw invalidNumber(
      `${what} must be a fraction from ${AWARD_MIN.times(100).toString()}% to ${AWARD_MAX.times(100).toString()}% (3% is 0.03); got ${award.toString()}. An award outside that range is almost certainly a slip; if it is real, cost it with a local scale.`,
    );
}
export const AWARD_MIN = dec("-0.10");
export const AWARD_MAX = dec("0.25");

export function localPay(rows: readonly LocalScaleRow[], grade: string, step: number | null): ScalePay {
  const key = grade.trim().toLowerCase();
  const row = rows.find((r) => r.grade.trim().toLowerCase() === key);
  if (!row) throw notAvailable(`Grade "${grade}" is not in the local scale. Grades: ${rows.map((r) => r.grade).join(", ")}.`);
  const s = step ?? 1;
  if (!Number.isInteger(s) || s < 1 || s > row.steps.length)
    throw invalidNumber(`Grade ${row.grade} in the local scale has steps 1 to ${row.steps.length}; got step ${s}.`);
  return { pay: row.steps[s - 1], year: null, provenance: "local", sources: [], label: `local grade ${row.grade} step ${s}` };
}

/** Full-time annual basic pay on any scale. For the NJC, `grade` is the spinal column point and `step` must be empty or 1. */
export function scalePay(scale: ScaleRef, grade: string, step: number | null, year: FinancialYear | null, assumedAward: Decimal | null = null): ScalePay {
  switch (scale.kind) {
    case "AFC":
      return afcPay(grade, step, year);
    case "NJC": {
      if (step !== null && step !== 1)
        throw invalidValue("NJC pay is set by the spinal column point alone: leave step empty and give the point as the grade.");
      const point = Number(grade.trim().replace(/^scp\s*/i, ""));
      if (!Number.isFinite(point)) throw invalidValue(`For the NJC, grade is the spinal column point (a number); got "${grade}".`);
      return njcPay(point, year, assumedAward);
    }
    case "LOCAL":
      return localPay(scale.rows, grade, step);
  }
}

// ---------------------------------------------------------------------------------------------
// Pay figures the user supplies (issue 9 item 6)
// ---------------------------------------------------------------------------------------------

/**
 * A full-time annual basic pay figure the user gives for a point the data does not hold: an NJC
 * spinal column point not on the spine that year (a local point such as SCP 44), an AfC band
 * and step whose figure is missing, or a point in a year the data holds no agreed scale for (a
 * whole year's scale, openScaleYear). Shown as "supplied by you" wherever it is used.
 */
export interface SuppliedPay {
  scale: "AFC" | "NJC";
  year: FinancialYear;
  /** NJC: the spinal column point ("44"); AfC: the band ("6", "8a"). */
  grade: string;
  /** AfC step (1 = entry); always 1 for the NJC. */
  step: number;
  pay: Decimal;
  note: string | null;
}

/** Plausible full-time annual basic pay for a supplied figure; outside it is almost certainly a slip (a monthly or hourly figure). */
export const SUPPLIED_PAY_MIN = dec(5000);
export const SUPPLIED_PAY_MAX = dec(300000);

/** The position a supplied figure is for, worded as the engine words positions ("NJC SCP 44", "AfC band 6 step 2"). */
export function suppliedKey(scale: "AFC" | "NJC", grade: string, step: number): string {
  return scale === "AFC" ? `AfC band ${normaliseAfcBand(grade)} step ${step}` : `NJC SCP ${Number(grade.trim().replace(/^scp\s*/i, ""))}`;
}

/** How a supplied figure is named in messages and on the pack, e.g. "NJC SCP 44 in 2025/26". */
export function suppliedPayLabel(p: SuppliedPay): string {
  return `${suppliedKey(p.scale, p.grade, p.step)} in ${p.year.label}`;
}

/** The data's own figure for a supplied figure's point and year, or null where the data has none. */
function dataFigure(p: SuppliedPay): string | null {
  if (p.scale === "NJC") {
    const entry = NJC_SPINE[p.year.label];
    return entry?.value[Number(p.grade.trim().replace(/^scp\s*/i, ""))] ?? null;
  }
  return AFC_PAY[p.year.label]?.value[normaliseAfcBand(p.grade)]?.[p.step - 1] ?? null;
}

/** Which part of a supplied figure a problem is with (a workbook table names that column). */
export type SuppliedPayPart = "pay" | "grade" | "step" | "year";

/**
 * What is wrong with a supplied figure, or null. THE RULE: a supplied figure only fills a gap. Where
 * the data holds an agreed figure for that point and year, the supplied one is refused, so a pack
 * never rests on two figures for one point. A year the data holds no agreed scale for (after its
 * last year, or held only as "award pending") is a gap: a whole year's scale may be given for it
 * (see openScaleYear), up to SUPPLIED_YEARS_AHEAD years after the data's last.
 */
export function suppliedPayProblem(p: SuppliedPay): string | null {
  return suppliedPayProblemAt(p)?.message ?? null;
}

/** suppliedPayProblem, with the part of the figure the problem is with (the point or band where the data already holds one). */
export function suppliedPayProblemAt(p: SuppliedPay): { part: SuppliedPayPart; message: string } | null {
  const what = suppliedPayLabel(p);
  if (!p.pay.isFinite() || p.pay.lt(SUPPLIED_PAY_MIN) || p.pay.gt(SUPPLIED_PAY_MAX))
    return {
      part: "pay",
      message: `The pay for ${what} must be a full-time annual figure from £${SUPPLIED_PAY_MIN.toNumber().toLocaleString("en-GB")} to £${SUPPLIED_PAY_MAX.toNumber().toLocaleString("en-GB")}; got £${p.pay.toString()} (a monthly or hourly figure?).`,
    };
  if (p.scale === "NJC") {
    const point = Number(p.grade.trim().replace(/^scp\s*/i, ""));
    if (!Number.isInteger(point) || point < 1 || point > 99) return { part: "grade", message: `An NJC spinal column point is a whole number (1 to 99); got "${p.grade}".` };
    if (p.step !== 1) return { part: "step", message: `NJC pay is set by the point alone: leave "step" out for ${what}.` };
  } else {
    if (!AFC_BAND_ORDER.includes(normaliseAfcBand(p.grade))) return { part: "grade", message: `"${p.grade}" is not an Agenda for Change band. Bands: ${AFC_BAND_ORDER.join(", ")}.` };
    if (!Number.isInteger(p.step) || p.step < 1 || p.step > 12) return { part: "step", message: `An AfC step is a whole number from 1 (entry); got ${p.step}.` };
  }
  const last = lastScaleYear(p.scale);
  if (p.year.start > last.start + SUPPLIED_YEARS_AHEAD) {
    const furthest = financialYear(last.start + SUPPLIED_YEARS_AHEAD).label;
    return {
      part: "year",
      message: `${p.year.label} is more than ${SUPPLIED_YEARS_AHEAD} years after the last year in the data (${last.label}): check the year. Figures can be given for years up to ${furthest}.`,
    };
  }
  const own = openScaleYear(p.scale, p.year) ? null : dataFigure(p);
  if (own !== null)
    return {
      part: "grade",
      message: `The data already holds £${Number(own).toLocaleString("en-GB")} for ${what} (from the published scale): remove this entry. A supplied figure only fills a point or year the data does not hold as agreed.`,
    };
  return null;
}

/** How many years after the data's last a figure may be supplied for: further ahead is almost certainly a slip in the year. */
export const SUPPLIED_YEARS_AHEAD = 10;

/** The last year a national scale's table holds (pending or not). */
function lastScaleYear(scale: "AFC" | "NJC"): FinancialYear {
  const held = Object.keys(scale === "NJC" ? NJC_SPINE : AFC_PAY).sort();
  return financialYear(Number(held[held.length - 1].slice(0, 4)));
}

/**
 * Whether the data holds no agreed scale for a year: a year after its last, or one it holds only as
 * "award pending" (NJC 2026/27). A figure supplied for such a year is that year's real figure: used
 * as given in place of an uplift by the assumed award (a new scale agreed before the data is updated).
 */
export function openScaleYear(scale: "AFC" | "NJC", year: FinancialYear): boolean {
  const entry = (scale === "NJC" ? NJC_SPINE : AFC_PAY)[year.label];
  return entry ? Boolean(entry.pending) : year.start > lastScaleYear(scale).start;
}

/**
 * The latest figure supplied for a point in a year the data holds no agreed scale for
 * (openScaleYear), no later than `year`: the point's pay in `year` rests on it (as given when the
 * years are the same; else the caller uplifts it by each later year's assumed award). Undefined
 * where none is given.
 */
export function suppliedScaleFigure(list: readonly SuppliedPay[] | undefined, scale: "AFC" | "NJC", grade: string, step: number, year: FinancialYear): SuppliedPay | undefined {
  if (!list || list.length === 0) return undefined;
  const key = suppliedKey(scale, grade, step);
  let best: SuppliedPay | undefined;
  for (const p of list)
    if (p.scale === scale && p.year.start <= year.start && (!best || p.year.start > best.year.start) && suppliedKey(p.scale, p.grade, p.step) === key && openScaleYear(scale, p.year)) best = p;
  return best;
}

/**
 * For a year with neither a supplied figure nor a data figure at the point, the latest supplied
 * figure for an earlier year (the caller uplifts it by the assumed awards, as the national scales
 * are beyond the data); undefined otherwise.
 */
export function suppliedToCarry(list: readonly SuppliedPay[] | undefined, scale: "AFC" | "NJC", grade: string, step: number, year: FinancialYear): SuppliedPay | undefined {
  if (!list || list.length === 0 || suppliedFor(list, scale, grade, step, year)) return undefined;
  const key = suppliedKey(scale, grade, step);
  let best: SuppliedPay | undefined;
  for (const p of list)
    if (p.scale === scale && p.year.start < year.start && suppliedKey(p.scale, p.grade, p.step) === key && (!best || p.year.start > best.year.start)) best = p;
  if (!best || dataFigure({ ...best, year }) !== null) return undefined;
  return best;
}

/** The supplied figure for a point and year, if any. */
export function suppliedFor(list: readonly SuppliedPay[] | undefined, scale: "AFC" | "NJC", grade: string, step: number | null, year: FinancialYear | null): SuppliedPay | undefined {
  if (!list || list.length === 0 || year === null) return undefined;
  const key = suppliedKey(scale, grade, step ?? 1);
  return list.find((p) => p.scale === scale && p.year.label === year.label && suppliedKey(p.scale, p.grade, p.step) === key);
}

/**
 * Pay at a point: the supplied figure where one is given for it (only ever where the data has none:
 * suppliedPayProblem refuses the rest), else the data's lookup.
 */
export function payOrSupplied(list: readonly SuppliedPay[] | undefined, scale: "AFC" | "NJC", grade: string, step: number | null, year: FinancialYear | null, lookup: () => ScalePay): ScalePay {
  const own = suppliedFor(list, scale, grade, step, year);
  if (!own) return lookup();
  return { pay: own.pay, year: own.year, provenance: "local", sources: [], label: suppliedKey(scale, grade, step ?? 1), rule: "supplied by you", supplied: own.note ?? "" };
}
