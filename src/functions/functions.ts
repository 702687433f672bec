import {
  employerCost,
  employerCostPence,
  employerNi,
  employerNiPence,
  employeePension as memberContribution,
  employeePensionPence,
  employerPension,
  employerPensionPence,
  apprenticeshipLevy,
  apprenticeshipLevyPence,
  type EmployerRate,
  type EmployerRatePence,
} from "../engine/oncosts";
import type { Decimal } from "../engine/money";
import { scalePay } from "../engine/scales";
import { annualLeaveDays, hcas as hcasSupplement, hourlyRate, TERMS_NAMES } from "../engine/terms";
import {
  award,
  choice,
  exactPenceArg,
  fractionArg,
  hcasArg,
  isOmitted,
  MAX_SERVICE_YEARS,
  num,
  optStep,
  out,
  outPence,
  outTableFigure,
  pendingNjcAward,
  roundedPenceArg,
  scalar,
  schemeArg,
  text,
  year as yearArg,
} from "./args";
import { excelCall } from "./excelErrors";
import { scaleArg } from "./scaleArg";

/**
 * Pay, on-costs and terms for one person: the foundation functions.
 * Years: "2025/26", "2025-26", 2025 or a date; when omitted, the latest year in the data.
 * Rates are fractions, as Excel stores a percentage (19% is 0.19).
 */

/** The employer rate for the integer rules: a number from 0 to 1 straight to its exact ratio, anything else as employerRateArg reads it. */
function employerRatePenceArg(v: unknown): EmployerRatePence {
  if (v === null || v === undefined) return null;
  return fractionArg(v) ?? employerRateArg(v);
}

function employerRateArg(v: unknown): EmployerRate {
  const x = scalar(v, "employerRate");
  if (isOmitted(x)) return null;
  if (typeof x === "string" && /^\s*(full|local)\s*$/i.test(x)) return x.trim().toUpperCase() as "FULL" | "LOCAL";
  return num(x, "employerRate", { min: 0, max: 1 });
}

/**
 * Annual full-time basic pay on a pay scale: an Agenda for Change band and step, an NJC spinal column point, or a grade and step on a local scale.
 * @customfunction
 * @helpurl https://localhost:3000/help/salary.html
 * @param scale "AFC" for Agenda for Change, "NJC" for the NJC pay spine, or a range holding a local scale (grade in the first column, then the annual pay for each step).
 * @param grade The AfC band ("6", 6 or "8a"), the NJC spinal column point (e.g. 30), or the local grade.
 * @param [step] The AfC pay step, 1 = entry (default 1; an empty cell, which desktop Excel passes as 0, counts as omitted). Leave empty for the NJC.
 * @param [year] Financial year, e.g. "2025/26", 2025 or a date. Default: the one default year, the latest year for which every scale and rate is agreed (2025/26 while the NJC 2026/27 award is pending).
 * @param [assumedAward] For a year whose NJC award is pending (2026/27): the award to assume on the 2025/26 rates, as a fraction (0 for those rates, 0.033 for the employers' 3.3% offer). Required there; the result then rests on it.
 * @returns Annual full-time basic pay in £.
 */
export function salary(scale: any[][], grade: any, step?: any, year?: any, assumedAward?: any): number {
  return excelCall(() => {
    // Checked in this order (scale, grade, step, year, award): SALARYTABLE's rows show the same errors.
    const sc = scaleArg(scale);
    const g = text(grade, "grade");
    const st = optStep(step);
    const fy = yearArg(year);
    const a = pendingNjcAward(fy, sc.kind === "NJC", award(assumedAward, "assumedAward"));
    const found = scalePay(sc, g, st, fy, a);
    // A published figure is shared (parsed once): convert it once. A local or pending-award figure is worked per call.
    return sc.kind === "LOCAL" || found.pending !== undefined ? out(found.pay) : outTableFigure(found.pay);
  });
}

/**
 * Agenda for Change High Cost Area Supplement: a percentage of basic pay between a minimum and a maximum payment.
 * @customfunction
 * @helpurl https://localhost:3000/help/hcas.html
 * @param salary Annual full-time basic pay in £ (pro-rate the result for part-time staff).
 * @param area "INNER" (Inner London), "OUTER" (Outer London), "FRINGE" or "NONE".
 * @param [year] Financial year, e.g. "2025/26". Default: the one default year, the latest year for which every scale and rate is agreed (2025/26 while the NJC 2026/27 award is pending).
 * @returns The annual supplement in £.
 */
export function hcas(salary: any, area: any, year?: any): number {
  return excelCall(() => out(hcasSupplement(num(salary, "salary", { min: 0 }), hcasArg(area, "area"), yearArg(year))));
}

/**
 * Employer Class 1 National Insurance (category A) on annual pay, above the annual secondary threshold.
 * @customfunction
 * @helpurl https://localhost:3000/help/employerni.html
 * @param pay Annual pay in £.
 * @param [year] Financial year, e.g. "2025/26"; uses the tax year starting 6 April of it. Default: the one default year, the latest year for which every scale and rate is agreed (2025/26 while the NJC 2026/27 award is pending).
 * @returns Employer NI in £ a year.
 */
export function employerNI(pay: any, year?: any): number {
  return excelCall(() => {
    const pence = exactPenceArg(pay); // a pay to the penny; anything finer or odder the decimal way (same figure, same message)
    const p = pence === null ? num(pay, "pay", { min: 0 }) : null;
    const fy = yearArg(year);
    return pence !== null ? outPence(employerNiPence(pence, fy)) : out(employerNi(p as Decimal, fy));
  });
}

/**
 * Employer pension contribution on annual pensionable pay.
 * @customfunction
 * @helpurl https://localhost:3000/help/pension.html
 * @param pay Annual pensionable pay in £.
 * @param scheme "NHS" (NHS Pension Scheme), "LGPS", "LGPS5050" (LGPS 50/50 section) or "NONE".
 * @param [year] Financial year, e.g. "2025/26". Default: the one default year, the latest year for which every scale and rate is agreed (2025/26 while the NJC 2026/27 award is pending).
 * @param [employerRate] The employer rate as a fraction (0.195 for 19.5%). Required for the LGPS (each fund sets its own). For the NHS scheme, default "FULL" (23.78% incl. the 0.08% levy) or "LOCAL" (14.38% collected from the employer).
 * @returns Employer pension contribution in £ a year.
 */
export function pension(pay: any, scheme: any, year?: any, employerRate?: any): number {
  return excelCall(() => {
    const pence = exactPenceArg(pay);
    const p = pence === null ? num(pay, "pay", { min: 0 }) : null;
    const s = schemeArg(scheme, "scheme");
    const fy = yearArg(year);
    const rate = employerRatePenceArg(employerRate);
    return pence !== null ? outPence(employerPensionPence(pence, s, fy, rate)) : out(employerPension(p as Decimal, s, fy, rate));
  });
}

/**
 * The member's own pension contribution: NHS Pension Scheme tier or LGPS band rate on the whole of actual pensionable pay.
 * @customfunction
 * @helpurl https://localhost:3000/help/employeepension.html
 * @param pay Actual annual pensionable pay in £ (part-time staff: their actual pay, not full-time equivalent).
 * @param scheme "NHS", "LGPS", "LGPS5050" or "NONE".
 * @param [year] Financial year, e.g. "2025/26". Default: the one default year, the latest year for which every scale and rate is agreed (2025/26 while the NJC 2026/27 award is pending).
 * @returns The member's contribution in £ a year.
 */
export function employeePension(pay: any, scheme: any, year?: any): number {
  return excelCall(() => {
    const pence = exactPenceArg(pay);
    const p = pence === null ? num(pay, "pay", { min: 0 }) : null;
    const s = schemeArg(scheme, "scheme");
    const fy = yearArg(year);
    return pence !== null ? outPence(employeePensionPence(pence, s, fy)) : out(memberContribution(p as Decimal, s, fy));
  });
}

/**
 * Apprenticeship Levy on a person's pay (0.5%). The employer's £15,000 allowance is set against its whole pay bill, not per person.
 * @customfunction
 * @helpurl https://localhost:3000/help/levy.html
 * @param pay Annual pay in £.
 * @param [year] Financial year, e.g. "2025/26". Default: the one default year, the latest year for which every scale and rate is agreed (2025/26 while the NJC 2026/27 award is pending).
 * @returns The levy in £ a year.
 */
export function levy(pay: any, year?: any): number {
  return excelCall(() => {
    const pence = exactPenceArg(pay);
    const p = pence === null ? num(pay, "pay", { min: 0 }) : null;
    const fy = yearArg(year);
    return pence !== null ? outPence(apprenticeshipLevyPence(pence, fy)) : out(apprenticeshipLevy(p as Decimal, fy));
  });
}

/**
 * Total annual employer cost of pay: pay plus employer NI, employer pension and Apprenticeship Levy.
 * @customfunction
 * @helpurl https://localhost:3000/help/cost.html
 * @param pay Annual pay in £.
 * @param scheme Pension scheme: "NHS", "LGPS", "LGPS5050" or "NONE".
 * @param [year] Financial year, e.g. "2025/26". Default: the one default year, the latest year for which every scale and rate is agreed (2025/26 while the NJC 2026/27 award is pending).
 * @param [employerRate] Employer pension rate as a fraction; required for the LGPS; for the NHS scheme "FULL" (default) or "LOCAL".
 * @returns Total employer cost in £ a year.
 */
export function cost(pay: any, scheme: any, year?: any, employerRate?: any): number {
  return excelCall(() => {
    const { pence, p, s, fy, rate } = costArgs(pay, scheme, year, employerRate);
    return pence !== null ? outPence(employerCostPence(pence, s, fy, rate).total) : out(employerCost(p as Decimal, s, fy, rate).total);
  });
}

/**
 * COST's and COSTBREAKDOWN's arguments, checked in this order (pay, scheme, year, rate) on either
 * path, so the same message comes first: a number pay straight to pence, anything else as a Decimal.
 */
function costArgs(pay: unknown, scheme: unknown, year: unknown, employerRate: unknown) {
  const pence = roundedPenceArg(pay);
  const p = pence === null ? num(pay, "pay", { min: 0 }) : null;
  const s = schemeArg(scheme, "scheme");
  const fy = yearArg(year);
  const rate = employerRatePenceArg(employerRate);
  return { pence, p, s, fy, rate };
}

/**
 * The employer cost of pay broken down, spilled across one row: pay, employer NI, employer pension, Apprenticeship Levy, total.
 * @customfunction
 * @helpurl https://localhost:3000/help/costbreakdown.html
 * @param pay Annual pay in £.
 * @param scheme Pension scheme: "NHS", "LGPS", "LGPS5050" or "NONE".
 * @param [year] Financial year, e.g. "2025/26". Default: the one default year, the latest year for which every scale and rate is agreed (2025/26 while the NJC 2026/27 award is pending).
 * @param [employerRate] Employer pension rate as a fraction; required for the LGPS; for the NHS scheme "FULL" (default) or "LOCAL".
 * @returns One row of five figures in £ a year: pay, NI, pension, levy, total.
 */
export function costBreakdown(pay: any, scheme: any, year?: any, employerRate?: any): number[][] {
  return excelCall(() => {
    const { pence, p, s, fy, rate } = costArgs(pay, scheme, year, employerRate);
    if (pence !== null) {
      const c = employerCostPence(pence, s, fy, rate);
      return [[c.pay, c.employerNi, c.employerPension, c.apprenticeshipLevy, c.total].map(outPence)];
    }
    const c = employerCost(p as Decimal, s, fy, rate);
    return [[c.pay, c.employerNi, c.employerPension, c.apprenticeshipLevy, c.total].map(out)];
  });
}

/**
 * Hourly rate from annual full-time pay: pay ÷ (52.143 weeks × weekly hours), to the penny.
 * @customfunction
 * @helpurl https://localhost:3000/help/hourly.html
 * @param salary Annual full-time pay in £.
 * @param terms "AFC" (37.5 hours a week), "NJC" (37 hours) or a number of weekly hours.
 * @returns The hourly rate in £.
 */
export function hourly(salary: any, terms: any): number {
  return excelCall(() => {
    const t = scalar(terms, "terms");
    const hoursOrTerms = typeof t === "number" || (typeof t === "string" && /^\s*[\d.]+\s*$/.test(t)) ? num(t, "terms", { min: 0, minExclusive: true }) : choice(t, "terms", TERMS_NAMES);
    return out(hourlyRate(num(salary, "salary", { min: 0 }), hoursOrTerms));
  });
}

/**
 * Annual leave days for a full-time member of staff by length of service, bank holidays excluded.
 * @customfunction
 * @helpurl https://localhost:3000/help/leave.html
 * @param terms "AFC" (reckonable NHS service) or "NJC" (continuous local government service; Green Book minimum).
 * @param yearsService Completed years of service.
 * @returns Days of annual leave a year.
 */
export function leave(terms: any, yearsService: any): number {
  return excelCall(() => annualLeaveDays(choice(terms, "terms", TERMS_NAMES), num(yearsService, "yearsService", { min: 0, max: MAX_SERVICE_YEARS })));
}
