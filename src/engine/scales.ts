import { AFC_PAY, AFC_PROGRESSION } from "../data/afc";
import { NJC_SPINE } from "../data/njc";
import type { Source, Provenance } from "../data/types";
import { invalidValue, notAvailable, invalidNumber } from "./errors";
import { dec, roundPound, type Decimal } from "./money";
import { forYear, type FinancialYear } from "./years";

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
  const thresholds = afcProgression(band, year);
  let step = 1;
  thresholds.forEach((t, i) => {
    if (yearsInBand >= t) step = i + 1;
  });
  return step;
}

export function njcPoints(year: FinancialYear | null): number[] {
  const table = forYear(NJC_SPINE, year, "NJC pay spine").value;
  return Object.keys(table).map(Number).sort((a, b) => a - b);
}

/**
 * Annual full-time pay (37 hours, excluding London weighting) at an NJC spinal column point.
 * In a year whose award is pending, the pay is the table's figure × (1 + `assumedAward`), rounded
 * to the pound as the spine is published, and `pending` says so; without an assumed award it is
 * #N/A saying what to give (never the old rates silently).
 */
export function njcPay(point: number, year: FinancialYear | null, assumedAward: Decimal | null = null): ScalePay {
  const entry = forYear(NJC_SPINE, year, "NJC pay spine");
  const points = njcPoints(entry.year);
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
