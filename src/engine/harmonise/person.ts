/**
 * One person harmonised: their package on current terms and on the target terms, the comparison,
 * assimilation, protection and each option's cost, year by year.
 */
import { EngineError, invalidNumber, invalidValue } from "../errors";
import { roundPenny, ZERO, type Decimal } from "../money";
import { penceOf } from "../pence";
import type { Scheme } from "../oncosts";
import { normaliseAfcBand } from "../scales";
import type { StaffMember } from "../staff";
import type { TermsName } from "../terms";
import { financialYear, type FinancialYear } from "../years";
import { plus, sumOf } from "./arith";
import { assimilate, targetGradeFor } from "./assimilate";
import { comparisonRows, costLine, costPair } from "./compare";
import { buildPackage, employerRateFor, onCosts, unsocialGroup, unsocialRatesFor } from "./package";
import { afcStepAt, afcThresholds, allowanceAt, fullTimePayAt, gradeTop, lowestNjcPoint, progress, schemeOf } from "./positions";
import { protectionSchedule } from "./protection";
import { awardFor, resolveScenario } from "./scenario";
import type { UnsocialHours, Assimilation, CostLine, CostLinePence, HarmonisationScenario, OptionCosts, Package, PackagePence, PersonCosts, PersonCostsPence, PersonResult, PersonYear, Position, ProtectionYear, ProtectionYearPence, ResolvedScenario } from "./types";
import { OPTIONS } from "./types";

const LINE_KEYS: readonly (keyof CostLine)[] = [
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

export function zeroLine(): CostLine {
  return Object.fromEntries(LINE_KEYS.map((k) => [k, ZERO])) as unknown as CostLine;
}

export function addLines(a: CostLine, b: CostLine): CostLine {
  return {
    basicPay: plus(a.basicPay, b.basicPay),
    supplement: plus(a.supplement, b.supplement),
    unsocial: plus(a.unsocial, b.unsocial),
    protection: plus(a.protection, b.protection),
    pay: plus(a.pay, b.pay),
    employerNi: plus(a.employerNi, b.employerNi),
    employerPension: plus(a.employerPension, b.employerPension),
    apprenticeshipLevy: plus(a.apprenticeshipLevy, b.apprenticeshipLevy),
    employerCost: plus(a.employerCost, b.employerCost),
    leaveValue: plus(a.leaveValue, b.leaveValue),
    hoursValue: plus(a.hoursValue, b.hoursValue),
    total: plus(a.total, b.total),
  };
}

/** Adds many cost lines field by field (each field already rounded to the penny). */
export function sumLines(lines: readonly CostLine[]): CostLine {
  return {
    basicPay: sumOf(lines, (l) => l.basicPay),
    supplement: sumOf(lines, (l) => l.supplement),
    unsocial: sumOf(lines, (l) => l.unsocial),
    protection: sumOf(lines, (l) => l.protection),
    pay: sumOf(lines, (l) => l.pay),
    employerNi: sumOf(lines, (l) => l.employerNi),
    employerPension: sumOf(lines, (l) => l.employerPension),
    apprenticeshipLevy: sumOf(lines, (l) => l.apprenticeshipLevy),
    employerCost: sumOf(lines, (l) => l.employerCost),
    leaveValue: sumOf(lines, (l) => l.leaveValue),
    hoursValue: sumOf(lines, (l) => l.hoursValue),
    total: sumOf(lines, (l) => l.total),
  };
}

/** Adds many options' cost lines: the per-person, per-group and total sums. */
export function sumOptions(items: readonly OptionCosts[]): OptionCosts {
  return {
    current: sumLines(items.map((i) => i.current)),
    target: sumLines(items.map((i) => i.target)),
    protected: sumLines(items.map((i) => i.protected)),
    levelledUp: sumLines(items.map((i) => i.levelledUp)),
  };
}

export function zeroOptions(): OptionCosts {
  return { current: zeroLine(), target: zeroLine(), protected: zeroLine(), levelledUp: zeroLine() };
}

export function addOptions(a: OptionCosts, b: OptionCosts): OptionCosts {
  return {
    current: addLines(a.current, b.current),
    target: addLines(a.target, b.target),
    protected: addLines(a.protected, b.protected),
    levelledUp: addLines(a.levelledUp, b.levelledUp),
  };
}

/** The scheme a person is in on the target side: kept on transfer, or moved to the target terms' scheme. */
export function targetScheme(current: Scheme, targetTerms: TermsName, move: boolean): Scheme {
  if (!move || current === "NONE") return current;
  if (targetTerms === "AFC") return "NHS";
  return current === "LGPS5050" ? "LGPS5050" : "LGPS";
}

function checkMember(m: StaffMember): void {
  if (m.terms !== "AFC" && m.terms !== "NJC") throw invalidValue(`Current terms must be AFC or NJC; got "${String(m.terms)}".`);
  if (!m.fte || !m.fte.isFinite() || !m.fte.isPositive() || m.fte.gt(1.5)) throw invalidNumber(`FTE must be more than 0 and at most 1; got ${m.fte?.toString()}.`);
  if (!m.yearsService || m.yearsService.isNegative()) throw invalidNumber(`Years of service must not be negative; got ${m.yearsService?.toString()}.`);
  if (m.yearsInGrade && m.yearsInGrade.isNegative()) throw invalidNumber(`Years in grade must not be negative; got ${m.yearsInGrade.toString()}.`);
  if (m.weeklyHours !== null && (!m.weeklyHours.isPositive() || m.weeklyHours.gt(80)))
    throw invalidNumber(`Weekly hours must be more than 0 and at most 80; got ${m.weeklyHours.toString()}.`);
  for (const [v, what] of [
    [m.unsocialNightsAndSaturdays, "Unsocial hours on nights and Saturdays"],
    [m.unsocialSundaysAndPublicHolidays, "Unsocial hours on Sundays and public holidays"],
    [m.unsocialNights, "Night hours"],
    [m.unsocialSaturdays, "Saturday hours"],
    [m.unsocialSundays, "Sunday hours"],
    [m.unsocialPublicHolidays, "Public holiday hours"],
  ] as const)
    if (v && (!v.isFinite() || v.isNegative() || v.gt(80))) throw invalidNumber(`${what} must be from 0 to 80 a week; got ${v.toString()}.`);
  if (m.localAllowance.isNegative()) throw invalidNumber(`The local allowance must not be negative; got ${m.localAllowance.toString()}.`);
}

/** A person's unsocial hours, each group as AfC's total or split as councils pay it. */
export function unsocialHoursOf(m: StaffMember): UnsocialHours {
  return {
    nightsAndSaturdays: unsocialGroup(m.unsocialNightsAndSaturdays, m.unsocialNights, m.unsocialSaturdays, ["nights and Saturdays", "night", "Saturday"]),
    sundaysAndPublicHolidays: unsocialGroup(m.unsocialSundaysAndPublicHolidays, m.unsocialSundays, m.unsocialPublicHolidays, [
      "Sundays and public holidays",
      "Sunday",
      "public holiday",
    ]),
  };
}

/** Where the person is now on their current scale, and their years in the band for AfC progression. */
function currentStart(m: StaffMember, base: FinancialYear): { pos: Position; yearsInBand: number; top: number | null } {
  if (m.terms === "AFC") {
    const band = normaliseAfcBand(m.grade);
    const years = (m.yearsInGrade ?? m.yearsService).toNumber();
    const byYears = afcStepAt(band, years, base);
    const step = m.step ?? byYears;
    // Years in band consistent with the step they are on (their step may lag their years).
    const yearsInBand = byYears === step ? years : afcThresholds(band, base)[step - 1] ?? years;
    return { pos: { scale: "AFC", band, step }, yearsInBand, top: null };
  }
  const point = Number(String(m.grade).trim().replace(/^scp\s*/i, ""));
  if (!Number.isInteger(point)) throw invalidValue(`For NJC staff the grade is the spinal column point (a whole number); got "${m.grade}".`);
  if (m.step !== null && m.step !== 1) throw invalidValue("NJC pay is set by the spinal column point alone: leave the step empty.");
  // On a point deleted from the bottom of the spine in the base year (SCP 2 from 1 April 2026): the new bottom point.
  return { pos: { scale: "NJC", point: Math.max(point, lowestNjcPoint(base)) }, yearsInBand: 0, top: m.gradeTop ?? null };
}

/** The projection's financial years for a scenario, made once and shared by every person costed under it. */
const YEARS = new WeakMap<ResolvedScenario, readonly FinancialYear[]>();
function projectionYearsOf(s: ResolvedScenario): readonly FinancialYear[] {
  let years = YEARS.get(s);
  if (!years) YEARS.set(s, (years = Array.from({ length: s.projectionYears }, (_, t) => financialYear(s.year.start + t))));
  return years;
}

/** One person costed: what harmoniseResolved and costResolved both build on. */
interface Costed extends PersonCosts {
  /** The base year's pair of costs, for the comparison table. */
  firstPair: ReturnType<typeof costPair>;
}

function costPerson(m: StaffMember, s: ResolvedScenario): Costed {
  checkMember(m);
  const base = s.year;
  const fys = projectionYearsOf(s);
  const cur = currentStart(m, base);
  const curCond = s.current[m.terms];
  const currentHours = m.weeklyHours ?? m.fte.times(curCond.standardHours);
  const targetFte = s.hoursBasis === "KEEP_HOURS" ? currentHours.dividedBy(s.target.standardHours) : m.fte;
  const targetHours = s.hoursBasis === "KEEP_HOURS" ? currentHours : targetFte.times(s.target.standardHours);
  const unsocialHours = unsocialHoursOf(m);

  const grade = targetGradeFor(m, s.target.scale, s.jobMatch);
  const curFullTime0 = fullTimePayAt(cur.pos, base, s).pay;
  const assimilation: Assimilation = assimilate(roundPenny(curFullTime0.times(m.fte)), grade, base, s, targetFte);
  const tgtPos0 = assimilation.position;
  const tgtYearsInBand = tgtPos0.scale === "AFC" ? afcThresholds(tgtPos0.band, base)[tgtPos0.step - 1] ?? 0 : 0;
  const tgtTop = grade.scale === "AFC" ? null : gradeTop(grade, base);
  const tgtScheme = targetScheme(m.scheme, s.target.terms, s.movePension);
  const curRate = employerRateFor(m.scheme, s);
  const tgtRate = employerRateFor(tgtScheme, s);
  const curHcas = m.terms === "AFC" ? m.hcasArea : "NONE";
  const tgtHcas = s.target.terms === "AFC" ? s.target.hcasArea ?? m.hcasArea : "NONE";

  const curPackages: Package[] = [];
  const tgtPackages: Package[] = [];
  for (let t = 0; t < s.projectionYears; t++) {
    const fy = fys[t];
    const service = t === 0 ? m.yearsService : m.yearsService.plus(t);
    const cp = progress(cur.pos, t, fy, cur.yearsInBand, cur.top, s);
    const cpay = fullTimePayAt(cp, fy, s);
    curPackages.push(
      buildPackage({
        year: fy,
        basis: cpay.basis,
        terms: m.terms,
        position: cp,
        fullTimePay: cpay.pay,
        fte: m.fte,
        standardHours: curCond.standardHours,
        weeklyHours: currentHours,
        hcasArea: curHcas,
        allowance: allowanceAt(m.localAllowance, m.terms, fy, s),
        unsocialRates: unsocialRatesFor(m.terms, cp.scale === "AFC" ? cp.band : null, curCond.unsocialRates, unsocialHours, "current"),
        unsocialHours,
        yearsService: service,
        extraLeaveDays: curCond.extraLeaveDays,
        scheme: m.scheme,
        employerRate: curRate,
      }),
    );
    const tp = progress(tgtPos0, t, fy, tgtYearsInBand, tgtTop, s);
    const tpay = fullTimePayAt(tp, fy, s);
    tgtPackages.push(
      buildPackage({
        year: fy,
        basis: tpay.basis,
        terms: s.target.terms,
        position: tp,
        fullTimePay: tpay.pay,
        fte: targetFte,
        standardHours: s.target.standardHours,
        weeklyHours: targetHours,
        hcasArea: tgtHcas,
        allowance: allowanceAt(s.target.localAllowance, schemeOf(tp), fy, s),
        unsocialRates: unsocialRatesFor(s.target.terms, tp.scale === "AFC" ? tp.band : null, s.target.unsocialRates, unsocialHours, "target"),
        unsocialHours,
        yearsService: service,
        extraLeaveDays: s.target.extraLeaveDays,
        scheme: tgtScheme,
        employerRate: tgtRate,
      }),
    );
  }

  const awards = tgtPackages.map((p) => awardFor(s, schemeOf(p.position), p.year));
  const basicProtection = protectionSchedule(s.protection, curPackages[0].basicPay, tgtPackages.map((p) => p.basicPay), awards);
  const unsocialProtection = s.protectUnsocial
    ? protectionSchedule(s.protection, curPackages[0].unsocial, tgtPackages.map((p) => p.unsocial), awards)
    : null;

  let firstPair: ReturnType<typeof costPair> | null = null;
  const years: PersonYear[] = tgtPackages.map((tp, t) => {
    const cp = curPackages[t];
    const pair = costPair(cp, tp, s);
    if (t === 0) firstPair = pair;
    const protection = unsocialProtection ? plus(basicProtection[t].payment, unsocialProtection[t].payment) : basicProtection[t].payment;
    // With no payment the protected option is the target option, figure for figure.
    const protectedLine = protection.isZero()
      ? pair.target
      : costLine(
          { basicPay: tp.basicPay, supplement: tp.supplement, unsocial: tp.unsocial, protection },
          onCosts(tp.pay.plus(protection), tp.scheme, tp.year, tgtRate),
          pair.target,
        );
    const y: PersonYear = {
      year: tp.year,
      basis: cp.basis === "projected" || tp.basis === "projected" ? "projected" : "data",
      current: pair.current,
      target: pair.target,
      protected: protectedLine,
      levelledUp: pair.levelled.line,
      currentPackage: cp,
      targetPackage: tp,
      basicProtection: basicProtection[t],
      unsocialProtection: unsocialProtection ? unsocialProtection[t] : null,
    };
    return y;
  });

  const last = years[years.length - 1];
  return {
    ref: m.ref,
    name: m.name,
    group: m.group,
    employer: m.employer,
    assimilation,
    current: curPackages[0],
    target: tgtPackages[0],
    years,
    protectionContinues: last.basicProtection.active || (last.unsocialProtection?.active ?? false),
    firstPair: firstPair ?? costPair(curPackages[0], tgtPackages[0], s),
  };
}

/** Harmonises one person under a scenario already resolved (see resolveScenario). */
export function harmoniseResolved(m: StaffMember, s: ResolvedScenario): PersonResult {
  const { firstPair, ...costs } = costPerson(m, s);
  return { ...costs, comparison: comparisonRows(costs.current, costs.target, firstPair, s), total: sumOptions(costs.years) };
}

/**
 * A person's costs under a scenario already resolved, year by year, without the comparison table
 * and the totals over the years: for a loop over a long staff list that keeps only figures (the
 * board pack). Every figure is the one harmoniseResolved gives.
 */
export function costResolved(m: StaffMember, s: ResolvedScenario): PersonCosts {
  const { firstPair: _firstPair, ...costs } = costPerson(m, s);
  return costs;
}

/** Harmonises one person: packages, comparison, assimilation, protection and costs, year by year. */
export function harmonisePerson(m: StaffMember, scenario: HarmonisationScenario): PersonResult {
  return harmoniseResolved(m, resolveScenario(scenario));
}

/** Re-raises an engine error with the person's reference in front, keeping its kind. */
export function forPerson<T>(ref: string, body: () => T): T {
  try {
    return body();
  } catch (e) {
    if (e instanceof EngineError) throw new EngineError(e.kind, `Staff ${ref}: ${e.message}`);
    throw e;
  }
}

export { OPTIONS };

// TEMPORARY bridge while the integer core is written (lead, issue 15): the same person costed by
// the Decimal engine, converted to whole pence, so the columnar store and its consumers can be
// built against costResolvedPence now. The integer core replaces this body; the signature stays.
const linePence = (l: CostLine): CostLinePence => Object.fromEntries(Object.entries(l).map(([k, v]) => [k, penceOf(v as Decimal)])) as CostLinePence;
const PACKAGE_MONEY = ["fullTimePay", "basicPay", "supplement", "hourlyRate", "effectiveHourlyRate", "unsocial", "pay", "employerNi", "employerPension", "apprenticeshipLevy", "employeePension", "employerCost"] as const;
const packagePence = (p: Package): PackagePence => {
  const out = { ...p } as unknown as Record<string, unknown>;
  for (const k of PACKAGE_MONEY) out[k] = penceOf(p[k]);
  return out as unknown as PackagePence;
};
const protectionPence = (p: ProtectionYear): ProtectionYearPence => ({
  targetPay: penceOf(p.targetPay),
  protectedLevel: p.protectedLevel === null ? null : penceOf(p.protectedLevel),
  paid: penceOf(p.paid),
  payment: penceOf(p.payment),
  active: p.active,
});

/** A person's costs under a scenario already resolved, year by year, in whole pence: costResolved's figures exactly. */
export function costResolvedPence(m: StaffMember, s: ResolvedScenario): PersonCostsPence {
  const c = costResolved(m, s);
  const a = c.assimilation;
  return {
    ref: c.ref,
    name: c.name,
    group: c.group,
    employer: c.employer,
    assimilation: { ...a, fullTimePay: penceOf(a.fullTimePay), pay: penceOf(a.pay), currentPay: penceOf(a.currentPay), shortfall: penceOf(a.shortfall) },
    current: packagePence(c.current),
    target: packagePence(c.target),
    years: c.years.map((y) => ({
      year: y.year,
      basis: y.basis,
      current: linePence(y.current),
      target: linePence(y.target),
      protected: linePence(y.protected),
      levelledUp: linePence(y.levelledUp),
      currentPackage: packagePence(y.currentPackage),
      targetPackage: packagePence(y.targetPackage),
      basicProtection: protectionPence(y.basicProtection),
      unsocialProtection: y.unsocialProtection ? protectionPence(y.unsocialProtection) : null,
    })),
    protectionContinues: c.protectionContinues,
  };
}
