/**
 * Positions on pay structures over the projection: reading a grade, the points in it, the
 * full-time pay at a point in a year (from the data, or uplifted by the assumed award beyond it),
 * and incremental progression.
 */
import { AFC_HCAS, AFC_PAY, AFC_PROGRESSION } from "../../data/afc";
import { NJC_SPINE } from "../../data/njc";
import type { ByYear } from "../../data/types";
import { invalidValue, notAvailable } from "../errors";
import type { Decimal } from "../money";
import { decimalOfPence, dividedBy, penceOf, ratioOf, roundRatio, times, whole, type Pence, type Ratio } from "../pence";
import { afcBands, afcPay, afcProgression, stepAfterYears, localPay, njcPay, njcPoints, normaliseAfcBand, payOrSupplied, suppliedScaleFigure, suppliedToCarry, type ScaleRef } from "../scales";
import { financialYear, latestYear, pendingYears, yearsIn, type FinancialYear } from "../years";
import { awardFor, onePlusAward } from "./scenario";
import type { Grade, PayBasis, PayScheme, Position, ResolvedScenario } from "./types";

/**
 * The year of a table to read for `fy`: the year itself when held, the latest held when `fy` is
 * after it (rates held at their latest values), otherwise `fy` (the lookup reports the gap).
 */
export function tableYear<T>(table: ByYear<T>, fy: FinancialYear): FinancialYear {
  if (table[fy.label]) return fy;
  let latest = LATEST.get(table);
  if (!latest) LATEST.set(table, (latest = lastHeldYear(table)));
  return fy.start > latest.start ? latest : fy;
}
/** The last year a table holds, pending or not (a later year builds on it). */
function lastHeldYear<T>(table: ByYear<T>): FinancialYear {
  const years = yearsIn(table);
  return financialYear(Number(years[years.length - 1].slice(0, 4)));
}

/** The lowest NJC point in a year (3 from 1 April 2026, when SCP 2 is deleted). */
export function lowestNjcPoint(fy: FinancialYear): number {
  const y = tableYear(NJC_SPINE, fy);
  let lowest = LOWEST_POINT.get(y.label);
  if (lowest === undefined) LOWEST_POINT.set(y.label, (lowest = njcPoints(y)[0]));
  return lowest;
}
/** The data tables are constants: each year's lowest point is worked out once. */
const LOWEST_POINT = new Map<string, number>();

/**
 * The pending pay awards a scenario's years rest on: each year whose national scale the data
 * holds only as "award pending", with the award assumed for it. The board pack and the summary
 * say so beside every figure that uses them.
 */
export interface PendingAward {
  scheme: "NJC";
  year: FinancialYear;
  /** The award assumed (the scenario's award for that year and scheme; 0 unless the user set one). */
  assumed: Decimal;
  /** Whether the user set the award for that year or scheme (false: the default 0 is assumed). */
  given: boolean;
  /** What is pending, from the data. */
  what: string;
}

export function pendingAwards(s: ResolvedScenario, years: readonly FinancialYear[]): PendingAward[] {
  const out: PendingAward[] = [];
  for (const label of pendingYears(NJC_SPINE)) {
    const fy = financialYear(Number(label.slice(0, 4)));
    if (!years.some((y) => y.start === fy.start)) continue;
    out.push({ scheme: "NJC", year: fy, assumed: awardFor(s, "NJC", fy), given: s.payAwardsGiven.NJC || s.payAwards.byYear[label]?.NJC !== undefined, what: NJC_SPINE[label].pending as string });
  }
  return out;
}
/** The data tables are constants: their latest year is worked out once. */
const LATEST = new WeakMap<object, FinancialYear>();

export function schemeOf(p: Position | Grade): PayScheme {
  return p.scale;
}

export function positionLabel(p: Position): string {
  switch (p.scale) {
    case "AFC":
      return `AfC band ${p.band} step ${p.step}`;
    case "NJC":
      return `NJC SCP ${p.point}`;
    case "LOCAL":
      return `local grade ${p.grade} step ${p.step}`;
  }
}

export function gradeLabel(g: Grade): string {
  switch (g.scale) {
    case "AFC":
      return `AfC band ${g.band}`;
    case "NJC":
      return g.from === g.to ? `NJC SCP ${g.from}` : `NJC SCPs ${g.from}-${g.to}`;
    case "LOCAL":
      return `local grade ${g.grade}`;
  }
}

/** "29-32", "SCP 29 - 32", "29 to 32", "30" -> [29, 32]; null when the text is not a point or range. */
export function parseScpRange(text: string): [number, number] | null {
  const m = /^\s*(?:scps?\s*)?(\d{1,2})\s*(?:(?:-|–|to)\s*(?:scp\s*)?(\d{1,2}))?\s*$/i.exec(text);
  if (!m) return null;
  const from = Number(m[1]);
  const to = m[2] === undefined ? from : Number(m[2]);
  return [from, to];
}

/** Reads a target grade as the user writes it, for the given target scale. */
export function parseGrade(text: string, scale: ScaleRef): Grade {
  const t = String(text).trim();
  if (t === "") throw invalidValue("The target grade is empty: give an AfC band, an NJC grade as spinal column points (\"29-32\"), or a local grade.");
  switch (scale.kind) {
    case "AFC": {
      const band = normaliseAfcBand(t);
      const bands = afcBands(latestYear(AFC_PAY));
      if (!bands.includes(band)) throw notAvailable(`"${t}" is not an Agenda for Change band. Valid bands: ${bands.join(", ")}.`);
      return { scale: "AFC", band };
    }
    case "NJC": {
      const r = parseScpRange(t);
      if (!r) throw invalidValue(`"${t}" is not an NJC grade: give its spinal column points as a range such as "29-32", or a single point.`);
      if (r[0] > r[1]) throw invalidValue(`NJC grade "${t}": the first spinal column point must not be above the last.`);
      return { scale: "NJC", from: r[0], to: r[1] };
    }
    case "LOCAL": {
      const row = scale.rows.find((x) => x.grade.trim().toLowerCase() === t.toLowerCase());
      if (!row) throw notAvailable(`Grade "${t}" is not in the local scale. Grades: ${scale.rows.map((x) => x.grade).join(", ")}.`);
      return { scale: "LOCAL", grade: row.grade, rows: scale.rows };
    }
  }
}

/** The points of a grade, lowest first. */
export function gradePositions(g: Grade, fy: FinancialYear): Position[] {
  switch (g.scale) {
    case "AFC": {
      const steps = AFC_PAY[tableYear(AFC_PAY, fy).label]?.value[g.band];
      if (!steps) throw notAvailable(`No Agenda for Change pay scales for ${fy.label} in the data.`);
      return steps.map((_, i) => ({ scale: "AFC", band: g.band, step: i + 1 }));
    }
    case "NJC": {
      // A point deleted from the bottom of the spine (SCP 2 from 1 April 2026) is no longer in the grade.
      const out: Position[] = [];
      const lowest = lowestNjcPoint(fy);
      for (let p = Math.max(g.from, lowest); p <= Math.max(g.to, lowest); p++) out.push({ scale: "NJC", point: p });
      return out;
    }
    case "LOCAL": {
      const row = g.rows.find((x) => x.grade === g.grade);
      if (!row) throw notAvailable(`Grade "${g.grade}" is not in the local scale.`);
      return row.steps.map((_, i) => ({ scale: "LOCAL", grade: g.grade, step: i + 1 }));
    }
  }
}

export interface PayAt {
  pay: Decimal;
  basis: PayBasis;
}

/**
 * Uplifts a figure from the year after `from` to `to` inclusive by each year's assumed award,
 * rounded each year half up to the whole pound (national scales, as published) or the penny.
 */
function uplift(base: Decimal, from: FinancialYear, to: FinancialYear, s: ResolvedScenario, scheme: PayScheme, unit: "pound" | "penny"): Decimal {
  let pence: Ratio = times(ratioOf(base), PENCE_A_POUND);
  for (let y = from.start + 1; y <= to.start; y++) {
    const raised = times(pence, onePlusAward(s, scheme, financialYear(y)));
    pence = whole(unit === "pound" ? roundRatio(dividedBy(raised, PENCE_A_POUND)) * 100 : roundRatio(raised));
  }
  return pence.den === 1 ? decimalOfPence(pence.num) : base;
}
const PENCE_A_POUND = whole(100);

/**
 * Full-time annual pay at a position in a year. AfC and NJC: the data's figure for the year; for
 * a year after the latest in the data, the latest figure uplifted by each later year's assumed
 * award and rounded to the pound, as the national scales are published; a figure the user
 * supplied for a year the data holds no agreed scale for comes first (suppliedScaleAt). A local scale is taken
 * as the base year's and uplifted by the local award each later year, to the penny.
 */
export function fullTimePayAt(pos: Position, fy: FinancialYear, s: ResolvedScenario): PayAt {
  switch (pos.scale) {
    case "AFC": {
      const given = suppliedScaleAt("AFC", pos.band, pos.step, fy, s, `OA${pos.band}:${pos.step}:${fy.start}`);
      if (given) return given;
      const y = tableYear(AFC_PAY, fy);
      const carried = suppliedToCarry(s.suppliedPay, "AFC", pos.band, pos.step, y);
      if (carried) return projected(s, `SA${pos.band}:${pos.step}:${fy.start}`, () => uplift(carried.pay, carried.year, fy, s, "AFC", "pound"));
      const base = payOrSupplied(s.suppliedPay, "AFC", pos.band, pos.step, y, () => afcPay(pos.band, pos.step, y)).pay;
      return y.start === fy.start ? { pay: base, basis: "data" } : projected(s, `A${pos.band}:${pos.step}:${fy.start}`, () => uplift(base, y, fy, s, "AFC", "pound"));
    }
    case "NJC": {
      const given = suppliedScaleAt("NJC", String(pos.point), 1, fy, s, `ON${pos.point}:${fy.start}`);
      if (given) return given;
      const y = tableYear(NJC_SPINE, fy);
      // A point the data never holds (a local point): the latest figure supplied, uplifted by each later year's assumed award.
      const carried = suppliedToCarry(s.suppliedPay, "NJC", String(pos.point), 1, y);
      if (carried) return projected(s, `SN${pos.point}:${fy.start}`, () => uplift(carried.pay, carried.year, fy, s, "NJC", "pound"));
      if (NJC_SPINE[y.label]?.pending) {
        // Award pending: the held rates × (1 + the award assumed for that year), then any later years' awards.
        return projected(s, `N${pos.point}:${fy.start}`, () => uplift(payOrSupplied(s.suppliedPay, "NJC", String(pos.point), 1, y, () => njcPay(pos.point, y, awardFor(s, "NJC", y))).pay, y, fy, s, "NJC", "pound"));
      }
      const base = payOrSupplied(s.suppliedPay, "NJC", String(pos.point), 1, y, () => njcPay(pos.point, y)).pay;
      return y.start === fy.start ? { pay: base, basis: "data" } : projected(s, `N${pos.point}:${fy.start}`, () => uplift(base, y, fy, s, "NJC", "pound"));
    }
    case "LOCAL": {
      if (s.target.scale.kind !== "LOCAL") throw invalidValue("A local grade needs a local scale.");
      const base = localPay(s.target.scale.rows, pos.grade, pos.step).pay;
      return fy.start <= s.year.start ? { pay: base, basis: "data" } : projected(s, `L${pos.grade}\u0000${pos.step}:${fy.start}`, () => uplift(base, s.year, fy, s, "LOCAL", "penny"));
    }
  }
}

/**
 * Pay at a point in a year the data holds no agreed scale for, where the user gave that year's
 * figure (or an earlier such year's): the figure as given for its own year (not projected: no
 * award is assumed), uplifted by each later year's assumed award and rounded to the pound, as the
 * national scales are published. Undefined where no such figure is given.
 */
function suppliedScaleAt(scale: "AFC" | "NJC", grade: string, step: number, fy: FinancialYear, s: ResolvedScenario, key: string): PayAt | undefined {
  const given = suppliedScaleFigure(s.suppliedPay, scale, grade, step, fy);
  if (!given) return undefined;
  if (given.year.start === fy.start) return { pay: given.pay, basis: "data" };
  return projected(s, key, () => uplift(given.pay, given.year, fy, s, scale, "pound"));
}

/**
 * Full-time pay at a position in a year, in pence, with whether it was projected: fullTimePayAt's
 * figure, looked up once per position, year and scenario (a staff list has a few hundred).
 */
const PAY_AT = new WeakMap<ResolvedScenario, Map<string, Map<number, { pay: Pence; basis: PayBasis }>>>();
export function payAt(pos: Position, fy: FinancialYear, s: ResolvedScenario): { pay: Pence; basis: PayBasis } {
  let cache = PAY_AT.get(s);
  if (!cache) PAY_AT.set(s, (cache = new Map()));
  // By band or grade, then by step or point and year.
  const key = pos.scale === "AFC" ? `A${pos.band}` : pos.scale === "NJC" ? "N" : `L${pos.grade}`;
  let byPoint = cache.get(key);
  if (!byPoint) cache.set(key, (byPoint = new Map()));
  const point = (pos.scale === "NJC" ? pos.point : pos.step) * 10_000 + fy.start;
  let hit = byPoint.get(point);
  if (!hit) {
    const at = fullTimePayAt(pos, fy, s);
    hit = { pay: penceOf(at.pay), basis: at.basis };
    byPoint.set(point, hit);
  }
  return hit;
}

/**
 * Projected pay at a point in a year depends only on the point, the year and the scenario's
 * awards, so it is worked out once per scenario: every person on that point shares the figure.
 */
const PROJECTED = new WeakMap<ResolvedScenario, Map<string, PayAt>>();
function projected(s: ResolvedScenario, key: string, work: () => Decimal): PayAt {
  let cache = PROJECTED.get(s);
  if (!cache) PROJECTED.set(s, (cache = new Map()));
  let hit = cache.get(key);
  if (!hit) cache.set(key, (hit = { pay: work(), basis: "projected" }));
  return hit;
}

/** AfC progression years for a band in a year (latest rules beyond the data). */
export function afcThresholds(band: string, fy: FinancialYear): readonly number[] {
  const y = tableYear(AFC_PROGRESSION, fy);
  const key = `${band}|${y.label}`;
  let thresholds = THRESHOLDS.get(key);
  if (!thresholds) {
    thresholds = afcProgression(band, y);
    if (THRESHOLDS.size < 1_000) THRESHOLDS.set(key, thresholds);
  }
  return thresholds;
}
/** Each band's progression rules, read once per band and year (the data are constants). */
const THRESHOLDS = new Map<string, readonly number[]>();

/** The AfC step after years in the band: afcStepForYears (src/engine/scales.ts) on the year's rules, read once. */
export function afcStepAt(band: string, yearsInBand: number, fy: FinancialYear): number {
  return stepAfterYears(afcThresholds(band, fy), yearsInBand);
}

/** The HCAS year to read: the year itself, or the latest held for a later year. */
export function hcasYear(fy: FinancialYear): FinancialYear {
  return tableYear(AFC_HCAS, fy);
}

/**
 * A position `t` years on, by incremental progression: AfC steps by years in the band
 * (`yearsInBand` = years at the base year); NJC and local grades one point a year up to `top`.
 */
export function progress(pos: Position, t: number, fy: FinancialYear, yearsInBand: number, top: number | null, s: ResolvedScenario): Position {
  // Staff on a point deleted from the bottom of the spine move to the new bottom point (SCP 2 to SCP 3 from 1 April 2026).
  if (pos.scale === "NJC") {
    const lowest = lowestNjcPoint(fy);
    if (pos.point < lowest) pos = { ...pos, point: lowest };
  }
  if (!s.increments || t === 0) return pos;
  switch (pos.scale) {
    case "AFC":
      return { ...pos, step: Math.max(pos.step, afcStepAt(pos.band, yearsInBand + t, fy)) };
    case "NJC":
      return top === null || top <= pos.point ? pos : { ...pos, point: Math.min(pos.point + t, top) };
    case "LOCAL":
      return top === null || top <= pos.step ? pos : { ...pos, step: Math.min(pos.step + t, top) };
  }
}

/** The top point of a grade: the last AfC step, the last SCP, the last local step. */
export function gradeTop(g: Grade, fy: FinancialYear): number {
  let byYear = TOPS.get(g);
  if (!byYear) TOPS.set(g, (byYear = new Map()));
  let top = byYear.get(fy.start);
  if (top === undefined) {
    const ps = gradePositions(g, fy);
    const last = ps[ps.length - 1];
    byYear.set(fy.start, (top = last.scale === "NJC" ? last.point : last.step));
  }
  return top;
}
/** Grades are shared (read once per text, assimilate.ts): each one's top is found once a year. */
const TOPS = new WeakMap<Grade, Map<number, number>>();
