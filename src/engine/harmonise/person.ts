/**
 * One person harmonised: their package on current terms and on the target terms, the comparison,
 * assimilation, protection and each option's cost, year by year.
 */
import { EngineError, invalidNumber, invalidValue } from "../errors";
import { D, type Decimal } from "../money";
import type { EmployerRate, Scheme } from "../oncosts";
import { dividedBy, ratioOf, roundRatio, roundTimes, times, ZERO_RATIO, type Ratio } from "../pence";
import { normaliseAfcBand } from "../scales";
import { perHourOf } from "../terms";
import type { StaffMember } from "../staff";
import type { HcasChoice, TermsName } from "../terms";
import { financialYear, type FinancialYear } from "../years";
import { assimilate, targetGradeFor } from "./assimilate";
import { comparisonRows, costLine, costPair, type PairPence } from "./compare";
import { buildPackage, employerRateFor, enhancedHoursAYear, onCosts, unsocialGroup, unsocialRatesFor, type Side } from "./package";
import { afcStepAt, afcThresholds, gradeTop, payAt, lowestNjcPoint, progress, schemeOf } from "./positions";
import { protectionSchedule } from "./protection";
import { onePlusAward, resolveScenario } from "./scenario";
import { optionsView, pairView, personCostsView, sumPersonYears } from "./view";
import type {
  HarmonisationScenario,
  PackagePence,
  PersonCosts,
  PersonCostsPence,
  PersonResult,
  PersonYearPence,
  Position,
  ResolvedScenario,
  UnsocialHours,
  UnsocialRates,
} from "./types";
import { OPTIONS } from "./types";

/** The scheme a person is in on the target side: kept on transfer, or moved to the target terms' scheme. */
export function targetScheme(current: Scheme, targetTerms: TermsName, move: boolean): Scheme {
  if (!move || current === "NONE") return current;
  if (targetTerms === "AFC") return "NHS";
  return current === "LGPS5050" ? "LGPS5050" : "LGPS";
}

const MAX_FTE = new D("1.5");
const MAX_HOURS = new D(80);

function checkMember(m: StaffMember): void {
  if (m.terms !== "AFC" && m.terms !== "NJC") throw invalidValue(`Current terms must be AFC or NJC; got "${String(m.terms)}".`);
  if (!m.fte || !m.fte.isFinite() || !m.fte.isPositive() || m.fte.gt(MAX_FTE)) throw invalidNumber(`FTE must be more than 0 and at most 1; got ${m.fte?.toString()}.`);
  if (!m.yearsService || m.yearsService.isNegative()) throw invalidNumber(`Years of service must not be negative; got ${m.yearsService?.toString()}.`);
  if (m.yearsInGrade && m.yearsInGrade.isNegative()) throw invalidNumber(`Years in grade must not be negative; got ${m.yearsInGrade.toString()}.`);
  if (m.weeklyHours !== null && (!m.weeklyHours.isPositive() || m.weeklyHours.gt(MAX_HOURS)))
    throw invalidNumber(`Weekly hours must be more than 0 and at most 80; got ${m.weeklyHours.toString()}.`);
  for (const [v, what] of [
    [m.unsocialNightsAndSaturdays, "Unsocial hours on nights and Saturdays"],
    [m.unsocialSundaysAndPublicHolidays, "Unsocial hours on Sundays and public holidays"],
    [m.unsocialNights, "Night hours"],
    [m.unsocialSaturdays, "Saturday hours"],
    [m.unsocialSundays, "Sunday hours"],
    [m.unsocialPublicHolidays, "Public holiday hours"],
  ] as const)
    if (v && (!v.isFinite() || v.isNegative() || v.gt(MAX_HOURS))) throw invalidNumber(`${what} must be from 0 to 80 a week; got ${v.toString()}.`);
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

/** A full-time allowance (£ a year) in pence, exactly: as given in the base year, whole pence once uplifted. */
function allowanceInPence(allowance: Decimal): Ratio {
  return allowance.isZero() ? ZERO_RATIO : times(ratioOf(allowance), PENCE_A_POUND);
}
const PENCE_A_POUND: Ratio = { num: 100, den: 1 };
/** An allowance uplifted by a year's award, to the penny (half up). */
function upliftedAllowance(allowance: Ratio, onePlusAward: Ratio): Ratio {
  return { num: roundRatio(times(allowance, onePlusAward)), den: 1 };
}

/** 1 ÷ (52.143 × a standard week), worked out once per week (a scenario has two or three). */
const PER_HOUR = new WeakMap<Decimal, Ratio>();
function perHour(standardHours: Decimal): Ratio {
  let r = PER_HOUR.get(standardHours);
  if (!r) PER_HOUR.set(standardHours, (r = perHourOf(ratioOf(standardHours))));
  return r;
}

/** The same for contracted weeks: most people work one of a few weeks (37.5, 37, 30, 22.5 hours...). */
const PER_WEEK = new Map<string, Ratio>();
function perWeekOf(hours: Ratio): Ratio {
  if (hours.big) return perHourOf(hours);
  const key = `${hours.num}/${hours.den}`;
  let r = PER_WEEK.get(key);
  if (!r) {
    r = perHourOf(hours);
    if (PER_WEEK.size < 10_000) PER_WEEK.set(key, r);
  }
  return r;
}

/** One person costed: what harmoniseResolved and costResolvedPence both build on. */
interface Costed extends PersonCostsPence {
  /** The base year's pair of costs, for the comparison table. */
  firstPair: PairPence;
}

function side(
  terms: TermsName,
  fte: [Decimal, Ratio],
  standardHours: Decimal,
  weeklyHours: [Decimal, Ratio],
  hcasArea: HcasChoice,
  unsocialRates: UnsocialRates,
  unsocialHours: UnsocialHours,
  yearsService: Ratio,
  extraLeaveDays: number,
  scheme: Scheme,
  employerRate: EmployerRate,
): Side {
  return {
    terms,
    fte: fte[0],
    fteRatio: fte[1],
    standardHours,
    standardHoursRatio: ratioOf(standardHours),
    weeklyHours: weeklyHours[0],
    weeklyHoursRatio: weeklyHours[1],
    perStandardHour: perHour(standardHours),
    perContractedHour: perWeekOf(weeklyHours[1]),
    hcasArea,
    unsocialRates,
    enhancedHours: enhancedHoursAYear(unsocialHours, unsocialRates),
    yearsService,
    extraLeaveDays,
    scheme,
    employerRate,
  };
}

function costPerson(m: StaffMember, s: ResolvedScenario): Costed {
  checkMember(m);
  const base = s.year;
  const fys = projectionYearsOf(s);
  const cur = currentStart(m, base);
  const curCond = s.current[m.terms];
  // FTE and hours as shown (Decimals) and exactly (ratios: an FTE from hours is an exact fraction).
  const fte = ratioOf(m.fte);
  const currentHours = m.weeklyHours ?? m.fte.times(curCond.standardHours);
  const currentHoursExact = m.weeklyHours ? ratioOf(m.weeklyHours) : times(fte, ratioOf(curCond.standardHours));
  const keepHours = s.hoursBasis === "KEEP_HOURS";
  const targetFte = keepHours ? currentHours.dividedBy(s.target.standardHours) : m.fte;
  const targetFteExact = keepHours ? dividedBy(currentHoursExact, ratioOf(s.target.standardHours)) : fte;
  const targetHours = keepHours ? currentHours : targetFte.times(s.target.standardHours);
  const targetHoursExact = keepHours ? currentHoursExact : times(targetFteExact, ratioOf(s.target.standardHours));
  const unsocialHours = unsocialHoursOf(m);
  const service = ratioOf(m.yearsService);

  const grade = targetGradeFor(m, s.target.scale, s.jobMatch);
  const curFullTime0 = payAt(cur.pos, base, s).pay;
  const assimilation = assimilate(roundTimes(curFullTime0, fte), grade, base, s, targetFteExact);
  const tgtPos0 = assimilation.position;
  const tgtYearsInBand = tgtPos0.scale === "AFC" ? afcThresholds(tgtPos0.band, base)[tgtPos0.step - 1] ?? 0 : 0;
  const tgtTop = grade.scale === "AFC" ? null : gradeTop(grade, base);
  const tgtScheme = targetScheme(m.scheme, s.target.terms, s.movePension);
  const curRate = employerRateFor(m.scheme, s);
  const tgtRate = employerRateFor(tgtScheme, s);
  const curHcas = m.terms === "AFC" ? m.hcasArea : "NONE";
  const tgtHcas = s.target.terms === "AFC" ? s.target.hcasArea ?? m.hcasArea : "NONE";

  const curPackages: PackagePence[] = [];
  const tgtPackages: PackagePence[] = [];
  let curSide: Side | null = null;
  let tgtSide: Side | null = null;
  // Local allowances (London weighting), uplifted each year after the base year by the assumed award, to the penny.
  let curAllowance = allowanceInPence(m.localAllowance);
  let tgtAllowance = allowanceInPence(s.target.localAllowance);
  for (let t = 0; t < s.projectionYears; t++) {
    const fy = fys[t];
    const cp = progress(cur.pos, t, fy, cur.yearsInBand, cur.top, s);
    const cpay = payAt(cp, fy, s);
    if (t > 0 && curAllowance.num !== 0) curAllowance = upliftedAllowance(curAllowance, onePlusAward(s, m.terms, fy));
    curSide ??= side(
      m.terms,
      [m.fte, fte],
      curCond.standardHours,
      [currentHours, currentHoursExact],
      curHcas,
      unsocialRatesFor(m.terms, cp.scale === "AFC" ? cp.band : null, curCond.unsocialRates, unsocialHours, "current"),
      unsocialHours,
      service,
      curCond.extraLeaveDays,
      m.scheme,
      curRate,
    );
    curPackages.push(buildPackage(curSide, { year: fy, basis: cpay.basis, position: cp, fullTimePay: cpay.pay, allowance: curAllowance, t }));
    const tp = progress(tgtPos0, t, fy, tgtYearsInBand, tgtTop, s);
    const tpay = payAt(tp, fy, s);
    if (t > 0 && tgtAllowance.num !== 0) tgtAllowance = upliftedAllowance(tgtAllowance, onePlusAward(s, schemeOf(tp), fy));
    tgtSide ??= side(
      s.target.terms,
      [targetFte, targetFteExact],
      s.target.standardHours,
      [targetHours, targetHoursExact],
      tgtHcas,
      unsocialRatesFor(s.target.terms, tp.scale === "AFC" ? tp.band : null, s.target.unsocialRates, unsocialHours, "target"),
      unsocialHours,
      service,
      s.target.extraLeaveDays,
      tgtScheme,
      tgtRate,
    );
    tgtPackages.push(buildPackage(tgtSide, { year: fy, basis: tpay.basis, position: tp, fullTimePay: tpay.pay, allowance: tgtAllowance, t }));
  }

  const awards = tgtPackages.map((p) => onePlusAward(s, schemeOf(p.position), p.year));
  const basicProtection = protectionSchedule(s.protection, curPackages[0].basicPay, tgtPackages.map((p) => p.basicPay), awards);
  const unsocialProtection = s.protectUnsocial
    ? protectionSchedule(s.protection, curPackages[0].unsocial, tgtPackages.map((p) => p.unsocial), awards)
    : null;

  const curHoursBoth = { shown: currentHours, exact: currentHoursExact, perHour: (curSide as Side).perContractedHour };
  const tgtHoursBoth = { shown: targetHours, exact: targetHoursExact, perHour: (tgtSide as Side).perContractedHour };
  let firstPair: PairPence | null = null;
  const years: PersonYearPence[] = tgtPackages.map((tp, t) => {
    const cp = curPackages[t];
    const pair = costPair(cp, tp, curHoursBoth, tgtHoursBoth, s);
    if (t === 0) firstPair = pair;
    const protection = basicProtection[t].payment + (unsocialProtection ? unsocialProtection[t].payment : 0);
    // With no payment the protected option is the target option, figure for figure (the same line).
    const protectedLine =
      protection === 0
        ? pair.target
        : costLine({ basicPay: tp.basicPay, supplement: tp.supplement, unsocial: tp.unsocial, protection }, onCosts(tp.pay + protection, tp.scheme, tp.year, tgtRate), pair.target);
    return {
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
    firstPair: firstPair ?? costPair(curPackages[0], tgtPackages[0], curHoursBoth, tgtHoursBoth, s),
  };
}

/** Harmonises one person under a scenario already resolved (see resolveScenario). */
export function harmoniseResolved(m: StaffMember, s: ResolvedScenario): PersonResult {
  const { firstPair, ...costs } = costPerson(m, s);
  const view = personCostsView(costs);
  return { ...view, comparison: comparisonRows(view.current, view.target, pairView(firstPair), s), total: optionsView(sumPersonYears(costs.years)) };
}

/**
 * A person's costs under a scenario already resolved, year by year, in whole pence, without the
 * comparison table and the totals over the years: for a loop over a long staff list that keeps
 * only figures (the board pack, the columns of harmoniseStaff). Every figure is the one
 * harmoniseResolved gives.
 */
export function costResolvedPence(m: StaffMember, s: ResolvedScenario): PersonCostsPence {
  const { firstPair: _firstPair, ...costs } = costPerson(m, s);
  return costs;
}

/** costResolvedPence's figures as Decimals (£). */
export function costResolved(m: StaffMember, s: ResolvedScenario): PersonCosts {
  return personCostsView(costResolvedPence(m, s));
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
