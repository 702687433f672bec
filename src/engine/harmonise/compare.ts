/**
 * Element-by-element comparison of two packages, the levelled-up package (every element at the
 * better of the two), and the cost lines of each option.
 */
import { dec, roundPenny, ZERO, type Decimal } from "../money";
import { plus } from "./arith";
import { compareSickPay, employerRateFor, onCosts, sickPayText, unsocialRatesText, weeksPerYear, workingDaysPerYear } from "./package";
import { pct } from "./scenario";
import type { BetterSide, ComparisonRow, CostLine, Package, ResolvedScenario, SickPay } from "./types";

export interface TimeOffValue {
  leaveValue: Decimal;
  hoursValue: Decimal;
}

/**
 * Leave and hours in money, against the less generous of the two sets of terms:
 * - leave: (this side's days − the fewer days) × basic pay ÷ 260.715 working days (52.143 × 5) ×
 *   cover proportion: the cost of covering the extra days off (pro rata for part-time staff,
 *   through basic pay);
 * - hours: (the longer contracted week − this side's week) × 52.143 weeks × effective hourly rate
 *   (basic pay ÷ (52.143 × this side's hours)) × cover proportion: the cost of covering the hours
 *   a shorter week at the same pay loses. A shorter week is a higher hourly rate for the same pay.
 */
export function valueTimeOff(basicPay: Decimal, days: number, hours: Decimal, fewestDays: number, longestWeek: Decimal, s: ResolvedScenario): TimeOffValue {
  const p = s.coverProportion;
  // Not valued (the default): both are 0. (The cover proportion is never negative, and neither is
  // anything it multiplies here, so the products below would be +0 too.)
  if (p.isZero()) return NOT_VALUED;
  return {
    leaveValue: roundPenny(dec(days - fewestDays).times(basicPay).dividedBy(workingDaysPerYear()).times(p)),
    hoursValue: roundPenny(longestWeek.minus(hours).times(basicPay).dividedBy(hours).times(p)),
  };
}

const NOT_VALUED: TimeOffValue = Object.freeze({ leaveValue: ZERO, hoursValue: ZERO });

export function costLine(
  parts: { basicPay: Decimal; supplement: Decimal; unsocial: Decimal; protection?: Decimal },
  costs: { employerNi: Decimal; employerPension: Decimal; apprenticeshipLevy: Decimal },
  timeOff: TimeOffValue,
): CostLine {
  const protection = parts.protection ?? ZERO;
  const pay = plus(plus(plus(parts.basicPay, parts.supplement), parts.unsocial), protection);
  const employerCost = plus(plus(plus(pay, costs.employerNi), costs.employerPension), costs.apprenticeshipLevy);
  return {
    basicPay: parts.basicPay,
    supplement: parts.supplement,
    unsocial: parts.unsocial,
    protection,
    pay,
    employerNi: costs.employerNi,
    employerPension: costs.employerPension,
    apprenticeshipLevy: costs.apprenticeshipLevy,
    employerCost,
    leaveValue: timeOff.leaveValue,
    hoursValue: timeOff.hoursValue,
    total: plus(plus(employerCost, timeOff.leaveValue), timeOff.hoursValue),
  };
}

/**
 * A package's own cost line (no protection): its pay and employer cost are already the sums a
 * cost line would work out (buildPackage), so they are used as they are.
 */
function packageLine(p: Package, timeOff: TimeOffValue): CostLine {
  return {
    basicPay: p.basicPay,
    supplement: p.supplement,
    unsocial: p.unsocial,
    protection: ZERO,
    pay: p.pay,
    employerNi: p.employerNi,
    employerPension: p.employerPension,
    apprenticeshipLevy: p.apprenticeshipLevy,
    employerCost: p.employerCost,
    leaveValue: timeOff.leaveValue,
    hoursValue: timeOff.hoursValue,
    total: plus(plus(p.employerCost, timeOff.leaveValue), timeOff.hoursValue),
  };
}

export const max = (a: Decimal, b: Decimal): Decimal => (a.gte(b) ? a : b);
export const min = (a: Decimal, b: Decimal): Decimal => (a.lte(b) ? a : b);

export interface Levelled {
  basicPay: Decimal;
  supplement: Decimal;
  unsocial: Decimal;
  weeklyHours: Decimal;
  effectiveHourlyRate: Decimal;
  leaveDays: number;
  sickPay: SickPay;
  line: CostLine;
}

export interface PairCosts {
  current: CostLine;
  target: CostLine;
  levelled: Levelled;
  /** The baseline the time-off values are measured against. */
  fewestDays: number;
  longestWeek: Decimal;
}

/**
 * Costs both sides and the levelled-up package for one year. The levelled-up package takes each
 * element at the better of the two (pay elements the higher, hours the shorter week, leave the
 * more days, sick pay the better scale), the target side's pension scheme, and on-costs on its pay.
 *
 * Both packages are as buildPackage makes them for the scenario: each with its scheme's employer
 * rate under `s` (employerRateFor). On-costs depend only on the pay, the scheme, the year and that
 * rate, so when the levelled-up pay is one side's pay under the same scheme, that side's on-costs
 * are the levelled-up on-costs, and are not worked out again.
 */
export function costPair(c: Package, t: Package, s: ResolvedScenario): PairCosts {
  const fewestDays = Math.min(c.leaveDays, t.leaveDays);
  const longestWeek = max(c.weeklyHours, t.weeklyHours);
  const side = (p: Package) => packageLine(p, valueTimeOff(p.basicPay, p.leaveDays, p.weeklyHours, fewestDays, longestWeek, s));
  const basicPay = max(c.basicPay, t.basicPay);
  const supplement = max(c.supplement, t.supplement);
  const unsocial = max(c.unsocial, t.unsocial);
  const weeklyHours = min(c.weeklyHours, t.weeklyHours);
  const leaveDays = Math.max(c.leaveDays, t.leaveDays);
  const pay = plus(plus(basicPay, supplement), unsocial);
  const costs = pay.eq(t.pay) ? t : c.scheme === t.scheme && pay.eq(c.pay) ? c : onCosts(pay, t.scheme, t.year, employerRateFor(t.scheme, s));
  // The effective hourly rate is basic pay over the week, to the penny: a side's own when both come from that side.
  const effectiveHourlyRate =
    basicPay === t.basicPay && weeklyHours === t.weeklyHours
      ? t.effectiveHourlyRate
      : basicPay === c.basicPay && weeklyHours === c.weeklyHours
        ? c.effectiveHourlyRate
        : roundPenny(basicPay.dividedBy(weeksPerYear().times(weeklyHours)));
  return {
    current: side(c),
    target: side(t),
    fewestDays,
    longestWeek,
    levelled: {
      basicPay,
      supplement,
      unsocial,
      weeklyHours,
      effectiveHourlyRate,
      leaveDays,
      sickPay: compareSickPay(c.sickPay, t.sickPay) >= 0 ? c.sickPay : t.sickPay,
      line: costLine({ basicPay, supplement, unsocial }, costs, valueTimeOff(basicPay, leaveDays, weeklyHours, fewestDays, longestWeek, s)),
    },
  };
}

function side(cmp: number): BetterSide {
  return cmp > 0 ? "CURRENT" : cmp < 0 ? "TARGET" : "EQUAL";
}
const higher = (c: Decimal, t: Decimal) => side(c.comparedTo(t));

/** The element-by-element comparison table for one year. */
export function comparisonRows(c: Package, t: Package, pair: PairCosts, s: ResolvedScenario): ComparisonRow[] {
  const L = pair.levelled;
  const cur = pair.current;
  const tgt = pair.target;
  const cover = pct(s.coverProportion);
  const money = (
    key: ComparisonRow["key"],
    element: string,
    cv: Decimal,
    tv: Decimal,
    lv: Decimal,
    better: BetterSide,
    method: string,
  ): ComparisonRow => ({ key, element, unit: "£ a year", current: cv, target: tv, levelledUp: lv, difference: tv.minus(cv), better, method });
  const year = t.year.label;
  return [
    money("basicPay", "Basic pay", c.basicPay, t.basicPay, L.basicPay, higher(c.basicPay, t.basicPay),
      `Full-time scale pay × FTE: ${c.positionLabel} vs ${t.positionLabel}`),
    money("supplement", "Supplements (HCAS, London weighting)", c.supplement, t.supplement, L.supplement, higher(c.supplement, t.supplement),
      `Current: ${c.supplementLabel}; target: ${t.supplementLabel}; × FTE`),
    money("unsocial", "Unsocial hours enhancement", c.unsocial, t.unsocial, L.unsocial, higher(c.unsocial, t.unsocial),
      `Hours a week × enhancement × hourly rate × 52.143 weeks. Current ${unsocialRatesText(c.unsocialRates)}; target ${unsocialRatesText(t.unsocialRates)}`),
    money("pay", "Pay", c.pay, t.pay, L.line.pay, higher(c.pay, t.pay), "Basic + supplements + unsocial hours; levelled up: each at the better of the two"),
    {
      key: "weeklyHours",
      element: "Weekly hours",
      unit: "hours a week",
      current: c.weeklyHours,
      target: t.weeklyHours,
      levelledUp: L.weeklyHours,
      difference: tgt.hoursValue.minus(cur.hoursValue),
      better: side(t.weeklyHours.comparedTo(c.weeklyHours)),
      method: `Standard week ${c.standardHours.toString()} vs ${t.standardHours.toString()} hours (${s.hoursBasis === "KEEP_FTE" ? "FTE kept" : "hours kept"}). Difference valued as the cost of covering the hours the shorter week loses: hours × 52.143 × effective hourly rate × cover ${cover}`,
    },
    {
      key: "hourlyRate",
      element: "Effective hourly rate",
      unit: "£ an hour",
      current: c.effectiveHourlyRate,
      target: t.effectiveHourlyRate,
      levelledUp: L.effectiveHourlyRate,
      difference: null,
      better: higher(c.effectiveHourlyRate, t.effectiveHourlyRate),
      method: "Basic pay ÷ (52.143 weeks × weekly hours), to the penny",
    },
    {
      key: "leaveDays",
      element: "Annual leave (days, excluding public holidays)",
      unit: "days a year",
      current: c.leaveDays,
      target: t.leaveDays,
      levelledUp: L.leaveDays,
      difference: tgt.leaveValue.minus(cur.leaveValue),
      better: side(c.leaveDays - t.leaveDays),
      method: `By length of service; ${c.publicHolidays} vs ${t.publicHolidays} public holidays on top. Difference valued as the cost of covering the extra days: days × basic pay ÷ 260.715 working days × cover ${cover}`,
    },
    {
      key: "sickPay",
      element: "Sick pay",
      unit: "",
      current: sickPayText(c.sickPay),
      target: sickPayText(t.sickPay),
      levelledUp: sickPayText(L.sickPay),
      difference: null,
      better: side(compareSickPay(c.sickPay, t.sickPay)),
      method: "By length of service. Compared, not costed: the cost depends on sickness absence",
    },
    {
      key: "scheme",
      element: "Pension scheme",
      unit: "",
      current: c.scheme,
      target: t.scheme,
      levelledUp: t.scheme,
      difference: null,
      better: "",
      method: s.movePension ? "Moved to the target terms' scheme" : "Kept on transfer (pensions are outside TUPE; Fair Deal)",
    },
    money("employerNi", "Employer National Insurance", cur.employerNi, tgt.employerNi, L.line.employerNi, "", `On the pay in each column, ${year} rates`),
    money("employerPension", "Employer pension", cur.employerPension, tgt.employerPension, L.line.employerPension, "",
      `On the pay in each column; NHS scheme ${s.nhsRateBasis} rate${s.lgpsEmployerRate ? `, LGPS ${pct(s.lgpsEmployerRate)}` : ""}`),
    money("apprenticeshipLevy", "Apprenticeship Levy", cur.apprenticeshipLevy, tgt.apprenticeshipLevy, L.line.apprenticeshipLevy, "", "0.5% of the pay in each column"),
    money("employerCost", "Employer cost", cur.employerCost, tgt.employerCost, L.line.employerCost, "", "Pay + employer NI + employer pension + levy"),
    money("leaveValue", "Leave valued (cost of cover)", cur.leaveValue, tgt.leaveValue, L.line.leaveValue, "",
      `Days beyond the fewer of the two (${pair.fewestDays}) × basic pay ÷ 260.715 × cover ${cover}`),
    money("hoursValue", "Hours valued (cost of cover)", cur.hoursValue, tgt.hoursValue, L.line.hoursValue, "",
      `Hours short of the longer week (${pair.longestWeek.toString()}) × 52.143 × effective hourly rate × cover ${cover}`),
    money("total", "Total cost", cur.total, tgt.total, L.line.total, "", "Employer cost + leave and hours valued"),
  ];
}
