/**
 * A person's package under one set of terms in one year: pay, supplements, hours, leave, sick pay,
 * unsocial hours, pension and employer on-costs. Each money element is rounded to the penny.
 */
import { AFC_UNSOCIAL, AFC_TERMS } from "../../data/afc";
import { EMPLOYER_NI, APPRENTICESHIP_LEVY } from "../../data/ni";
import { NHS_EMPLOYER, NHS_MEMBER_TIERS } from "../../data/nhsPension";
import { LGPS_BANDS } from "../../data/lgps";
import { NJC_ENHANCEMENTS } from "../../data/njc";
import { EngineError, invalidValue } from "../errors";
import { dec, ZERO, type Decimal } from "../money";
import { apprenticeshipLevyPence, employeePensionPence, employerNiPence, employerPensionPence, type EmployerRate, type Scheme } from "../oncosts";
import { atLeast, dividedBy, plus as plusRatio, ratioOf, roundRatio, roundTimes, times, whole, ZERO_RATIO, type Pence, type Ratio } from "../pence";
import { hcasPence, hourlyRatePence, leaveDaysFor, perHourOf, termsTable, type HcasChoice, type TermsName } from "../terms";
import type { FinancialYear } from "../years";
import { hcasYear, positionLabel, tableYear } from "./positions";
import { rateOf, ratePercent, sameRate, toExactRate, type ExactRate, type RateGiven } from "../rates";
import type { PackagePence, PayBasis, Position, ResolvedScenario, SickPay, UnsocialGroup, UnsocialHours, UnsocialRateInput, UnsocialRates } from "./types";

/** Weeks in a year (52.143 = 365 ÷ 7), the divisor of both the AfC and NJC hourly rates, and working days in a year for a five-day week (260.715), exactly. */
export const WEEKS_RATIO: Ratio = ratioOf(dec(AFC_TERMS.value.weeksPerYear));
export const WORKING_DAYS_RATIO: Ratio = times(WEEKS_RATIO, whole(5));

const CATEGORY_WORDS = {
  nights: "weekday nights",
  saturdays: "Saturdays",
  sundays: "Sundays",
  publicHolidays: "public holidays",
  nightsAndSaturdays: "nights and Saturdays",
  sundaysAndPublicHolidays: "Sundays and public holidays",
} as const;
export type UnsocialCategory = keyof typeof CATEGORY_WORDS;

/**
 * An unsocial-hours rate is needed and neither the data nor the user gives it. `side` is "current"
 * or "target"; `category` is the rate to give (the adapters name their own setting for it).
 */
export class MissingRateError extends EngineError {
  constructor(message: string, readonly side: string, readonly category: UnsocialCategory, readonly terms: TermsName) {
    super("notAvailable", message);
  }
}

const ZERO_GROUP: UnsocialGroup = Object.freeze({ split: false, total: ZERO }) as UnsocialGroup;

/**
 * One group of a person's unsocial hours: the total (AfC's grouping) or its two categories
 * (councils' grouping). Given both ways, the total must be the sum of the two.
 */
export function unsocialGroup(total: Decimal | null | undefined, first: Decimal | null | undefined, second: Decimal | null | undefined, words: readonly [string, string, string]): UnsocialGroup {
  const split = (first !== null && first !== undefined) || (second !== null && second !== undefined);
  if (!split) return total && !total.isZero() ? { split: false, total } : ZERO_GROUP;
  const a = first ?? ZERO;
  const b = second ?? ZERO;
  const sum = a.plus(b);
  if (total && !total.isZero() && !total.eq(sum))
    throw invalidValue(
      `Hours on ${words[0]} (${total.toString()} a week) are not the ${words[1]} hours (${a.toString()}) plus the ${words[2]} hours (${b.toString()}): give them one way, either the total or the two apart.`,
    );
  return { split: true, total: sum, first: a, second: b };
}

/** No unsocial hours. */
export const NO_UNSOCIAL_HOURS: UnsocialHours = Object.freeze({ nightsAndSaturdays: ZERO_GROUP, sundaysAndPublicHolidays: ZERO_GROUP });

const national = (r: string | null | undefined): ExactRate | null => (r === null || r === undefined ? null : exactRateOf(r));
const given = (r: RateGiven | null | undefined): ExactRate | null => (r === null || r === undefined ? null : toExactRate(r));

/** Rates read from the data are parsed once ("1/3" is the same ExactRate every time). */
const RATE_CACHE = new Map<string, ExactRate>();
function exactRateOf(text: string): ExactRate {
  let r = RATE_CACHE.get(text);
  if (!r) RATE_CACHE.set(text, (r = rateOf(text)));
  return r;
}

/**
 * The unsocial-hours rates that apply on one side: the user's rate where given, else the national
 * one (AfC by band, in AfC's two groups; the Green Book by category: nights, Saturdays, Sundays,
 * public holidays). A rate the data lacks is an error only when the person works hours that need
 * it. Hours given as a group total on council terms need both of the group's rates, and they must
 * be the same; otherwise the hours must be given split.
 */
export function unsocialRatesFor(terms: TermsName, afcBand: string | null, override: UnsocialRateInput, worked: UnsocialHours, who: string): UnsocialRates {
  let rates: UnsocialRates;
  if (terms === "AFC") {
    for (const k of ["nights", "saturdays", "sundays", "publicHolidays"] as const)
      if (override[k] !== null && override[k] !== undefined)
        throw invalidValue(
          `Agenda for Change pays ${k === "nights" || k === "saturdays" ? "weekday nights and Saturdays" : "Sundays and public holidays"} at one rate: on the ${who} terms (AfC) give the ${k === "nights" || k === "saturdays" ? "nights and Saturdays" : "Sundays and public holidays"} rate instead of a ${CATEGORY_WORDS[k]} rate.`,
        );
    const band = afcBand === null ? null : AFC_UNSOCIAL.value[afcBand] ?? null;
    const first = given(override.nightsAndSaturdays) ?? national(band?.nightsAndSaturdays);
    const second = given(override.sundaysAndPublicHolidays) ?? national(band?.sundaysAndPublicHolidays);
    rates = { terms, nights: first, saturdays: first, sundays: second, publicHolidays: second };
  } else {
    const n = NJC_ENHANCEMENTS.value;
    rates = {
      terms,
      nights: given(override.nights) ?? given(override.nightsAndSaturdays) ?? national(n.nights),
      saturdays: given(override.saturdays) ?? given(override.nightsAndSaturdays) ?? national(n.saturdays),
      sundays: given(override.sundays) ?? given(override.sundaysAndPublicHolidays) ?? national(n.sundays),
      publicHolidays: given(override.publicHolidays) ?? given(override.sundaysAndPublicHolidays) ?? national(n.publicHolidays),
    };
  }
  checkGroup(rates, worked.nightsAndSaturdays, "nights", "saturdays", "nightsAndSaturdays", afcBand, who);
  checkGroup(rates, worked.sundaysAndPublicHolidays, "sundays", "publicHolidays", "sundaysAndPublicHolidays", afcBand, who);
  return rates;
}

function checkGroup(
  rates: UnsocialRates,
  hours: UnsocialGroup,
  first: "nights" | "sundays",
  second: "saturdays" | "publicHolidays",
  group: "nightsAndSaturdays" | "sundaysAndPublicHolidays",
  afcBand: string | null,
  who: string,
): void {
  if (hours.total.isZero()) return;
  const whose = (category: UnsocialCategory) => {
    const words = CATEGORY_WORDS[category];
    return rates.terms === "NJC"
      ? `The Green Book has no national rate for ${words} in the data (councils set it locally)`
      : afcBand === null
        ? `A local scale on AfC conditions has no band to read the AfC rate for ${words} from`
        : `There is no AfC rate for ${words} in band ${afcBand} in the data`;
  };
  const missing = (category: UnsocialCategory): never => {
    const words = CATEGORY_WORDS[category];
    throw new MissingRateError(`${whose(category)}: give the rate for ${words} on the ${who} terms as time plus a fraction (0.5 for time and a half).`, who, category, rates.terms);
  };
  if (rates.terms === "AFC") {
    if (rates[first] === null) missing(group);
    return;
  }
  if (hours.split) {
    if (!hours.first.isZero() && rates[first] === null) missing(first);
    if (!hours.second.isZero() && rates[second] === null) missing(second);
    return;
  }
  // Hours given as AfC's group total, on council terms: one rate must cover both categories.
  const a = rates[first];
  const b = rates[second];
  if (a !== null && b !== null && sameRate(a, b)) return;
  const words = CATEGORY_WORDS[group];
  const rateWords = (r: ExactRate | null, category: UnsocialCategory) => `${CATEGORY_WORDS[category]} ${r === null ? "no rate" : `+${ratePercent(r)}`}`;
  const together =
    `${hours.total.toString()} hours a week on ${words} are given together, but council terms pay ${CATEGORY_WORDS[first]} and ${CATEGORY_WORDS[second]} ` +
    `at their own rates (on the ${who} terms: ${rateWords(a, first)}, ${rateWords(b, second)})`;
  const apart = `or give the hours apart (${CATEGORY_WORDS[first]} hours and ${CATEGORY_WORDS[second]} hours a week)`;
  if (a === null || b === null)
    throw new MissingRateError(
      `${whose(a === null ? first : second)}. ${together}: give the rate for ${words} on the ${who} terms as one rate for both (time plus a fraction, 0.5 for time and a half), ${apart} with a rate for each.`,
      who,
      group,
      rates.terms,
    );
  throw invalidValue(`${together}: give the hours apart (${CATEGORY_WORDS[first]} hours and ${CATEGORY_WORDS[second]} hours a week), or one rate for both.`);
}

const EXACT = new WeakMap<ExactRate, Ratio>();
/** An enhancement rate as an exact ratio (a third is 1/3). */
function rateRatio(r: ExactRate): Ratio {
  let x = EXACT.get(r);
  if (!x) EXACT.set(r, (x = dividedBy(ratioOf(r.numerator), ratioOf(r.denominator))));
  return x;
}

/**
 * Unsocial hours a year at their enhancements, exactly: Σ hours a week × rate × 52.143 weeks (a
 * third stays a third: "time plus one third" written as a decimal falls short, and at an exact half
 * penny rounds the wrong way: 3 hours × ⅓ × £15.00 × 52.143 weeks is £782.145, which is £782.15,
 * but 3 × 0.3333…3 × 15 × 52.143 = £782.1449… → £782.14). Unsocial-hours pay is this × the hourly rate, rounded once to the penny
 * (unsocialPence), so it needs working out once per person and side, not every year.
 */
export function enhancedHoursAYear(hours: UnsocialHours, rates: UnsocialRates): Ratio {
  let sum = ZERO_RATIO;
  const add = (h: Decimal, r: ExactRate | null) => {
    if (!h.isZero() && r !== null && !r.numerator.isZero()) sum = plusRatio(sum, times(ratioOf(h), rateRatio(r)));
  };
  const g1 = hours.nightsAndSaturdays;
  if (g1.split) {
    add(g1.first, rates.nights);
    add(g1.second, rates.saturdays);
  } else add(g1.total, rates.nights);
  const g2 = hours.sundaysAndPublicHolidays;
  if (g2.split) {
    add(g2.first, rates.sundays);
    add(g2.second, rates.publicHolidays);
  } else add(g2.total, rates.sundays);
  return sum.num === 0 ? ZERO_RATIO : times(sum, WEEKS_RATIO);
}

/** Unsocial-hours pay, £ a year in pence: enhanced hours a year × the hourly rate, to the penny (half up). */
export function unsocialPence(enhancedHours: Ratio, hourlyRate: Pence): Pence {
  return enhancedHours.num === 0 ? 0 : roundTimes(hourlyRate, enhancedHours);
}

/** The rates in words: AfC's two groups, or the council's four categories. */
export function unsocialRatesText(r: UnsocialRates): string {
  const one = (x: ExactRate | null) => (x === null ? "no rate" : `+${ratePercent(x)}`);
  return r.terms === "AFC"
    ? `${one(r.nights)} nights/Saturdays, ${one(r.sundays)} Sundays/public holidays`
    : `${one(r.nights)} nights, ${one(r.saturdays)} Saturdays, ${one(r.sundays)} Sundays, ${one(r.publicHolidays)} public holidays`;
}

/** Sick pay entitlement after a number of years of service. */
export function sickPayFor(terms: TermsName, yearsService: Decimal): SickPay {
  return sickPayAt(terms, ratioOf(yearsService));
}

/** Sick pay entitlement after years of service held exactly, `later` whole years on: the last step whose months of service are reached. */
export function sickPayAt(terms: TermsName, yearsService: Ratio, later = 0): SickPay {
  const steps = termsTable(terms).sickPay;
  let step = steps[0];
  // (years + later) × 12 ≥ months  ⇔  years ≥ (months − 12 × later) ÷ 12
  for (const s of steps) if (atLeast(yearsService, s.afterMonths - 12 * later, 12)) step = s;
  return sickPayOf(step);
}
/** One shared SickPay object per step of the data. */
const SICK = new WeakMap<object, SickPay>();
function sickPayOf(step: { fullPayMonths: number; halfPayMonths: number }): SickPay {
  let s = SICK.get(step);
  if (!s) SICK.set(step, (s = { fullPayMonths: step.fullPayMonths, halfPayMonths: step.halfPayMonths }));
  return s;
}

export function sickPayText(s: SickPay): string {
  const m = (n: number) => `${n} month${n === 1 ? "" : "s"}`;
  return `${m(s.fullPayMonths)} full pay, ${m(s.halfPayMonths)} half pay`;
}

/** Compares sick pay: more months on full pay is better; then more on half pay. */
export function compareSickPay(a: SickPay, b: SickPay): number {
  return a.fullPayMonths - b.fullPayMonths || a.halfPayMonths - b.halfPayMonths;
}

export interface OnCosts {
  employerNi: Pence;
  employerPension: Pence;
  apprenticeshipLevy: Pence;
  employeePension: Pence;
}

/**
 * Employer NI, employer pension, levy and the member's contribution on a year's pay, each rounded
 * to the penny. A year after the latest rates held uses the latest rates.
 */
export function onCosts(pay: Pence, scheme: Scheme, fy: FinancialYear, employerRate: EmployerRate): OnCosts {
  const years = onCostYears(fy);
  return {
    employerNi: employerNiPence(pay, years.ni),
    employerPension: employerPensionPence(pay, scheme, scheme === "NHS" ? years.nhsEmployer : fy, employerRate),
    apprenticeshipLevy: apprenticeshipLevyPence(pay, years.levy),
    employeePension: employeePensionPence(pay, scheme, scheme === "NHS" ? years.nhsMember : years.lgps),
  };
}

/** The year of each on-cost table read for a financial year (the latest held, beyond the data): found once per year. */
interface OnCostYears {
  ni: FinancialYear;
  levy: FinancialYear;
  nhsEmployer: FinancialYear;
  nhsMember: FinancialYear;
  lgps: FinancialYear;
}
const ON_COST_YEARS = new Map<string, OnCostYears>();
function onCostYears(fy: FinancialYear): OnCostYears {
  let y = ON_COST_YEARS.get(fy.label);
  if (!y)
    ON_COST_YEARS.set(
      fy.label,
      (y = {
        ni: tableYear(EMPLOYER_NI, fy),
        levy: tableYear(APPRENTICESHIP_LEVY, fy),
        nhsEmployer: tableYear(NHS_EMPLOYER, fy),
        nhsMember: tableYear(NHS_MEMBER_TIERS, fy),
        lgps: tableYear(LGPS_BANDS, fy),
      }),
    );
  return y;
}

/** The employer rate argument for a scheme under the scenario. */
export function employerRateFor(scheme: Scheme, s: ResolvedScenario): EmployerRate {
  if (scheme === "NHS") return s.nhsRateBasis;
  if (scheme === "LGPS" || scheme === "LGPS5050") return s.lgpsEmployerRate;
  return null;
}

/**
 * One side of a person, the same every year: their FTE and hours (as shown, and exactly), the
 * unsocial-hours rates and the hours they enhance, supplements and pension. Worked out once per
 * person and side; each year's package is then integer arithmetic.
 */
export interface Side {
  terms: TermsName;
  fte: Decimal;
  fteRatio: Ratio;
  standardHours: Decimal;
  standardHoursRatio: Ratio;
  weeklyHours: Decimal;
  weeklyHoursRatio: Ratio;
  hcasArea: HcasChoice;
  unsocialRates: UnsocialRates;
  /** Σ unsocial hours a week × enhancement × 52.143 weeks, exactly (enhancedHoursAYear). */
  enhancedHours: Ratio;
  /** Years of service in the base year, exactly. */
  yearsService: Ratio;
  /** 1 ÷ (52.143 × standard hours) and 1 ÷ (52.143 × weekly hours): annual pay × these is the hourly rate and the effective hourly rate. */
  perStandardHour: Ratio;
  perContractedHour: Ratio;
  extraLeaveDays: number;
  scheme: Scheme;
  employerRate: EmployerRate;
}

export interface PackageInput {
  year: FinancialYear;
  basis: PayBasis;
  position: Position;
  /** Full-time annual pay on the scale, in pence. */
  fullTimePay: Pence;
  /** Full-time allowance (London weighting), £ a year in pence, exactly (whole pence once uplifted). */
  allowance: Ratio;
  /** Years after the base year (service grows by one a year). */
  t: number;
}

/** Position labels are few and shared: each is made once (by band or grade, then step or point). */
const POSITION_LABELS = new Map<string, string[]>();
function labelOf(p: Position): string {
  const key = p.scale === "AFC" ? `A${p.band}` : p.scale === "NJC" ? "N" : `L${p.grade}`;
  let labels = POSITION_LABELS.get(key);
  if (!labels) {
    if (POSITION_LABELS.size >= 10_000) return positionLabel(p);
    POSITION_LABELS.set(key, (labels = []));
  }
  const at = p.scale === "NJC" ? p.point : p.step;
  return (labels[at] ??= positionLabel(p));
}

/**
 * A person's package on one side in one year. Each money element is rounded to the penny:
 * - basic pay = full-time pay × FTE;
 * - supplement = HCAS (a share of full-time pay between a minimum and a maximum, AfC Handbook
 *   Section 4 Annex 9) × FTE, plus a local allowance × FTE;
 * - hourly rate = full-time pay ÷ (52.143 × standard hours), the published hourly rate;
 * - unsocial hours = enhanced hours a year × hourly rate;
 * - effective hourly rate = basic pay ÷ (52.143 × contracted hours);
 * - on-costs on pay = basic + supplement + unsocial.
 */
export function buildPackage(side: Side, i: PackageInput): PackagePence {
  const basicPay = roundTimes(i.fullTimePay, side.fteRatio);
  const hcasPart = side.hcasArea === "NONE" ? 0 : roundTimes(hcasPence(i.fullTimePay, side.hcasArea, hcasYear(i.year)), side.fteRatio);
  const allowancePart = i.allowance.num === 0 ? 0 : roundRatio(times(i.allowance, side.fteRatio));
  const supplement = hcasPart + allowancePart;
  const hourly = hourlyRatePence(i.fullTimePay, side.perStandardHour);
  const unsocial = unsocialPence(side.enhancedHours, hourly);
  const pay = basicPay + supplement + unsocial;
  const costs = onCosts(pay, side.scheme, i.year, side.employerRate);
  return {
    year: i.year,
    basis: i.basis,
    terms: side.terms,
    position: i.position,
    positionLabel: labelOf(i.position),
    fte: side.fte,
    fullTimePay: i.fullTimePay,
    basicPay,
    supplement,
    supplementLabel: supplementLabel(side.hcasArea, allowancePart !== 0),
    standardHours: side.standardHours,
    weeklyHours: side.weeklyHours,
    hourlyRate: hourly,
    effectiveHourlyRate: roundTimes(basicPay, side.perContractedHour),
    unsocialRates: side.unsocialRates,
    unsocial,
    leaveDays: leaveDaysFor(side.terms, side.yearsService, i.t) + side.extraLeaveDays,
    publicHolidays: termsTable(side.terms).publicHolidays,
    sickPay: sickPayAt(side.terms, side.yearsService, i.t),
    scheme: side.scheme,
    pay,
    ...costs,
    employerCost: pay + costs.employerNi + costs.employerPension + costs.apprenticeshipLevy,
  };
}

/** The supplement's label: by HCAS zone, without and with a local allowance. */
const SUPPLEMENT_LABELS: Record<HcasChoice, readonly [string, string]> = {
  NONE: ["none", "local allowance"],
  INNER: ["HCAS inner", "HCAS inner + local allowance"],
  OUTER: ["HCAS outer", "HCAS outer + local allowance"],
  FRINGE: ["HCAS fringe", "HCAS fringe + local allowance"],
};
function supplementLabel(area: HcasChoice, allowance: boolean): string {
  return SUPPLEMENT_LABELS[area][allowance ? 1 : 0];
}

/** What an hour of a person's time costs: basic pay ÷ (52.143 × contracted weekly hours), to the penny. */
export function effectiveHourlyRate(basicPay: Pence, weeklyHours: Ratio): Pence {
  return roundTimes(basicPay, perHourOf(weeklyHours));
}

