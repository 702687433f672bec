/**
 * Element-by-element comparison of two packages, the levelled-up package (every element at the
 * better of the two), and the cost lines of each option. Money in whole pence (src/engine/pence.ts).
 */
import type { Decimal } from "../money";
import { compare, dividedBy, isZero, minus, ratioOf, roundTimes, times, whole, type Pence, type Ratio } from "../pence";
import { compareSickPay, employerRateFor, onCosts, sickPayText, unsocialRatesText, WORKING_DAYS_RATIO } from "./package";
import { pct } from "./scenario";
import type { BetterSide, ComparisonRow, CostLine, CostLinePence, Package, PackagePence, ResolvedScenario, SickPay } from "./types";

export interface TimeOffValue {
  leaveValue: Pence;
  hoursValue: Pence;
}

/**
 * Leave and hours in money, against the less generous of the two sets of terms, to the penny:
 * - leave: (this side's days − the fewer days) × basic pay ÷ 260.715 working days (52.143 × 5) ×
 *   cover proportion: the cost of covering the extra days off (pro rata for part-time staff,
 *   through basic pay);
 * - hours: (the longer contracted week − this side's week) × 52.143 weeks × effective hourly rate
 *   (basic pay ÷ (52.143 × this side's hours)) × cover proportion, which is
 *   (longer week − this week) ÷ this week × basic pay × cover: the cost of covering the hours a
 *   shorter week at the same pay loses. A shorter week is a higher hourly rate for the same pay.
 */
export function valueTimeOff(basicPay: Pence, days: number, hours: Ratio, fewestDays: number, longestWeek: Ratio, cover: Ratio): TimeOffValue {
  // Not valued (the default): both are 0.
  if (isZero(cover)) return NOT_VALUED;
  return {
    leaveValue: roundTimes(basicPay, dividedBy(times(whole(days - fewestDays), cover), WORKING_DAYS_RATIO)),
    hoursValue: roundTimes(basicPay, times(dividedBy(minus(longestWeek, hours), hours), cover)),
  };
}

const NOT_VALUED: TimeOffValue = Object.freeze({ leaveValue: 0, hoursValue: 0 });

export function costLine(
  parts: { basicPay: Pence; supplement: Pence; unsocial: Pence; protection?: Pence },
  costs: { employerNi: Pence; employerPension: Pence; apprenticeshipLevy: Pence },
  timeOff: TimeOffValue,
): CostLinePence {
  const protection = parts.protection ?? 0;
  const pay = parts.basicPay + parts.supplement + parts.unsocial + protection;
  const employerCost = pay + costs.employerNi + costs.employerPension + costs.apprenticeshipLevy;
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
    total: employerCost + timeOff.leaveValue + timeOff.hoursValue,
  };
}

/** A package's own cost line (no protection): its pay and employer cost are already the sums a cost line would work out. */
function packageLine(p: PackagePence, timeOff: TimeOffValue): CostLinePence {
  return {
    basicPay: p.basicPay,
    supplement: p.supplement,
    unsocial: p.unsocial,
    protection: 0,
    pay: p.pay,
    employerNi: p.employerNi,
    employerPension: p.employerPension,
    apprenticeshipLevy: p.apprenticeshipLevy,
    employerCost: p.employerCost,
    leaveValue: timeOff.leaveValue,
    hoursValue: timeOff.hoursValue,
    total: p.employerCost + timeOff.leaveValue + timeOff.hoursValue,
  };
}

export interface Levelled<Money, Line> {
  basicPay: Money;
  supplement: Money;
  unsocial: Money;
  weeklyHours: Decimal;
  effectiveHourlyRate: Money;
  leaveDays: number;
  sickPay: SickPay;
  line: Line;
}

/** A year's costs of both sides and the levelled-up package; PairCosts is its view in Decimals (view.ts). */
export interface PairPence {
  current: CostLinePence;
  target: CostLinePence;
  levelled: Levelled<Pence, CostLinePence>;
  /** The baseline the time-off values are measured against. */
  fewestDays: number;
  longestWeek: Decimal;
}
export interface PairCosts {
  current: CostLine;
  target: CostLine;
  levelled: Levelled<Decimal, CostLine>;
  fewestDays: number;
  longestWeek: Decimal;
}

/** A side's weekly hours as shown and exactly. */
export interface Hours {
  shown: Decimal;
  exact: Ratio;
  /** 1 ÷ (52.143 × the hours): basic pay × this is the effective hourly rate. */
  perHour: Ratio;
}

/**
 * Costs both sides and the levelled-up package for one year. The levelled-up package takes each
 * element at the better of the two (pay elements the higher, hours the shorter week, leave the
 * more days, sick pay the better scale), the target side's pension scheme, and on-costs on its pay.
 *
 * On-costs depend only on the pay, the scheme, the year and the employer rate, so when the
 * levelled-up pay is one side's pay under the same scheme, that side's on-costs are the
 * levelled-up on-costs, and are not worked out again.
 */
export function costPair(c: PackagePence, t: PackagePence, cHours: Hours, tHours: Hours, s: ResolvedScenario): PairPence {
  const cover = ratioOf(s.coverProportion);
  const fewestDays = Math.min(c.leaveDays, t.leaveDays);
  const cmp = compare(cHours.exact, tHours.exact);
  const longest = cmp >= 0 ? cHours : tHours;
  const shortest = cmp <= 0 ? cHours : tHours;
  const side = (p: PackagePence, h: Hours) => packageLine(p, valueTimeOff(p.basicPay, p.leaveDays, h.exact, fewestDays, longest.exact, cover));
  const basicPay = Math.max(c.basicPay, t.basicPay);
  const supplement = Math.max(c.supplement, t.supplement);
  const unsocial = Math.max(c.unsocial, t.unsocial);
  const leaveDays = Math.max(c.leaveDays, t.leaveDays);
  const pay = basicPay + supplement + unsocial;
  const costs = pay === t.pay ? t : c.scheme === t.scheme && pay === c.pay ? c : onCosts(pay, t.scheme, t.year, employerRateFor(t.scheme, s));
  // The effective hourly rate is basic pay over the week, to the penny: a side's own when both come from that side.
  const levelledRate =
    basicPay === t.basicPay && cmp >= 0
      ? t.effectiveHourlyRate
      : basicPay === c.basicPay && cmp <= 0
        ? c.effectiveHourlyRate
        : roundTimes(basicPay, shortest.perHour);
  return {
    current: side(c, cHours),
    target: side(t, tHours),
    fewestDays,
    longestWeek: longest.shown,
    levelled: {
      basicPay,
      supplement,
      unsocial,
      weeklyHours: shortest.shown,
      effectiveHourlyRate: levelledRate,
      leaveDays,
      sickPay: compareSickPay(c.sickPay, t.sickPay) >= 0 ? c.sickPay : t.sickPay,
      line: costLine({ basicPay, supplement, unsocial }, costs, valueTimeOff(basicPay, leaveDays, shortest.exact, fewestDays, longest.exact, cover)),
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
