/**
 * The integer core's figures (whole pence) as the Decimal shapes the comparison table, the Detail
 * sheet, COMPARE and the task pane show: built on demand, for the people shown, never held for a
 * whole staff list. A view has exactly the core's figures: pence ÷ 100, exactly.
 */
import { decimalOfPence, type Pence } from "../pence";
import type { PairCosts, PairPence } from "./compare";
import type {
  Assimilation,
  AssimilationPence,
  CostLine,
  CostLinePence,
  OptionCosts,
  OptionCostsPence,
  Package,
  PackagePence,
  PersonCosts,
  PersonCostsPence,
  PersonYear,
  PersonYearPence,
  ProtectionYear,
  ProtectionYearPence,
} from "./types";

const m = decimalOfPence;

export const LINE_KEYS: readonly (keyof CostLine)[] = [
  "basicPay",
  "supplement",
  "unsocial",
  "protection",
  "pay",
  "employerNi",
  "employerPension",
  "apprenticeshipLevy",
  "employerCost",
  "leaveValue",
  "hoursValue",
  "total",
];

export function lineView(l: CostLinePence): CostLine {
  return {
    basicPay: m(l.basicPay),
    supplement: m(l.supplement),
    unsocial: m(l.unsocial),
    protection: m(l.protection),
    pay: m(l.pay),
    employerNi: m(l.employerNi),
    employerPension: m(l.employerPension),
    apprenticeshipLevy: m(l.apprenticeshipLevy),
    employerCost: m(l.employerCost),
    leaveValue: m(l.leaveValue),
    hoursValue: m(l.hoursValue),
    total: m(l.total),
  };
}

export function optionsView(o: OptionCostsPence): OptionCosts {
  return { current: lineView(o.current), target: lineView(o.target), protected: lineView(o.protected), levelledUp: lineView(o.levelledUp) };
}

export function packageView(p: PackagePence): Package {
  return {
    ...p,
    fullTimePay: m(p.fullTimePay),
    basicPay: m(p.basicPay),
    supplement: m(p.supplement),
    hourlyRate: m(p.hourlyRate),
    effectiveHourlyRate: m(p.effectiveHourlyRate),
    unsocial: m(p.unsocial),
    pay: m(p.pay),
    employerNi: m(p.employerNi),
    employerPension: m(p.employerPension),
    apprenticeshipLevy: m(p.apprenticeshipLevy),
    employeePension: m(p.employeePension),
    employerCost: m(p.employerCost),
  };
}

export function protectionView(p: ProtectionYearPence): ProtectionYear {
  return {
    targetPay: m(p.targetPay),
    protectedLevel: p.protectedLevel === null ? null : m(p.protectedLevel),
    paid: m(p.paid),
    payment: m(p.payment),
    active: p.active,
  };
}

export function assimilationView(a: AssimilationPence): Assimilation {
  return { ...a, fullTimePay: m(a.fullTimePay), pay: m(a.pay), currentPay: m(a.currentPay), shortfall: m(a.shortfall) };
}

export function personYearView(y: PersonYearPence): PersonYear {
  const target = lineView(y.target);
  return {
    year: y.year,
    basis: y.basis,
    current: lineView(y.current),
    target,
    // The protected option is the target option's own line in a year with no protection payment.
    protected: y.protected === y.target ? target : lineView(y.protected),
    levelledUp: lineView(y.levelledUp),
    currentPackage: packageView(y.currentPackage),
    targetPackage: packageView(y.targetPackage),
    basicProtection: protectionView(y.basicProtection),
    unsocialProtection: y.unsocialProtection ? protectionView(y.unsocialProtection) : null,
  };
}

export function personCostsView(p: PersonCostsPence): PersonCosts {
  return {
    ref: p.ref,
    name: p.name,
    group: p.group,
    employer: p.employer,
    assimilation: assimilationView(p.assimilation),
    current: packageView(p.current),
    target: packageView(p.target),
    years: p.years.map(personYearView),
    protectionContinues: p.protectionContinues,
  };
}

export function pairView(p: PairPence): PairCosts {
  const L = p.levelled;
  return {
    current: lineView(p.current),
    target: lineView(p.target),
    fewestDays: p.fewestDays,
    longestWeek: p.longestWeek,
    levelled: {
      basicPay: m(L.basicPay),
      supplement: m(L.supplement),
      unsocial: m(L.unsocial),
      weeklyHours: L.weeklyHours,
      effectiveHourlyRate: m(L.effectiveHourlyRate),
      leaveDays: L.leaveDays,
      sickPay: L.sickPay,
      line: lineView(L.line),
    },
  };
}

/** Adds cost lines field by field, in pence. */
export function sumLinesPence(lines: readonly CostLinePence[]): CostLinePence {
  const out = {} as Record<keyof CostLine, Pence>;
  for (const k of LINE_KEYS) {
    let total = 0;
    for (const l of lines) total += l[k];
    out[k] = total;
  }
  return out;
}

/** Each option summed over a person's years, in pence. */
export function sumPersonYears(years: readonly OptionCostsPence[]): OptionCostsPence {
  return {
    current: sumLinesPence(years.map((y) => y.current)),
    target: sumLinesPence(years.map((y) => y.target)),
    protected: sumLinesPence(years.map((y) => y.protected)),
    levelledUp: sumLinesPence(years.map((y) => y.levelledUp)),
  };
}
