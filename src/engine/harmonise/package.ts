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
import { dec, roundPenny, ZERO, type Decimal } from "../money";
import { apprenticeshipLevy, employeePension, employerNi, employerPension, type EmployerRate, type Scheme } from "../oncosts";
import { annualLeaveDays, hcas, hourlyRate, termsTable, type HcasChoice, type TermsName } from "../terms";
import { forYear, type FinancialYear } from "../years";
import { plus } from "./arith";
import { hcasYear, positionLabel, tableYear } from "./positions";
import { enhancementPay, rateOf, ratePercent, sameRate, toExactRate, type ExactRate, type RateGiven } from "../rates";
import type { Package, PayBasis, Position, ResolvedScenario, SickPay, UnsocialGroup, UnsocialHours, UnsocialRateInput, UnsocialRates } from "./types";

/** Weeks in a year (52.143 = 365 ÷ 7), the divisor of both the AfC and NJC hourly rates. */
export function weeksPerYear(): Decimal {
  return WEEKS;
}

/** Working days in a year for a five-day week: 52.143 × 5 = 260.715. */
export function workingDaysPerYear(): Decimal {
  return WORKING_DAYS;
}
const WEEKS = dec(AFC_TERMS.value.weeksPerYear);
const WORKING_DAYS = WEEKS.times(5);

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

/** Unsocial-hours pay: Σ hours a week × rate × hourly rate × weeks, exactly, rounded once to the penny. */
export function unsocialPay(hours: UnsocialHours, rates: UnsocialRates, hourly: Decimal, weeks: Decimal): Decimal {
  const parts: [Decimal, ExactRate][] = [];
  const add = (h: Decimal, r: ExactRate | null) => {
    if (!h.isZero() && r !== null) parts.push([h, r]);
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
  return parts.length === 0 ? ZERO : enhancementPay(parts, hourly, weeks);
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
  const months = yearsService.times(12);
  let step = termsTable(terms).sickPay[0];
  for (const s of termsTable(terms).sickPay) if (months.gte(s.afterMonths)) step = s;
  return { fullPayMonths: step.fullPayMonths, halfPayMonths: step.halfPayMonths };
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
  employerNi: Decimal;
  employerPension: Decimal;
  apprenticeshipLevy: Decimal;
  employeePension: Decimal;
}

/**
 * Employer NI, employer pension, levy and the member's contribution on a year's pay, each rounded
 * to the penny. A year after the latest rates held uses the latest rates.
 */
export function onCosts(pay: Decimal, scheme: Scheme, fy: FinancialYear, employerRate: EmployerRate): OnCosts {
  const pensionYear = scheme === "NHS" ? tableYear(NHS_EMPLOYER, fy) : fy;
  const memberYear = scheme === "NHS" ? tableYear(NHS_MEMBER_TIERS, fy) : tableYear(LGPS_BANDS, fy);
  return {
    employerNi: employerNi(pay, tableYear(EMPLOYER_NI, fy)),
    employerPension: employerPension(pay, scheme, pensionYear, employerRate),
    apprenticeshipLevy: apprenticeshipLevy(pay, tableYear(APPRENTICESHIP_LEVY, fy)),
    employeePension: memberContribution(pay, scheme, memberYear),
  };
}

/** A year's member contribution tiers (NHS) or bands (LGPS): whole-pound lower bounds, ascending, and their rates. */
interface MemberBands {
  from: readonly number[];
  rates: Record<"NHS" | "LGPS" | "LGPS5050", readonly Decimal[]>;
}
const BANDS = new WeakMap<object, MemberBands | null>();

function memberBands(scheme: "NHS" | "LGPS" | "LGPS5050", year: FinancialYear): MemberBands | null {
  const entry = scheme === "NHS" ? forYear(NHS_MEMBER_TIERS, year, "NHS Pension Scheme member contribution tiers") : forYear(LGPS_BANDS, year, "LGPS member contribution bands");
  let bands = BANDS.get(entry);
  if (bands === undefined) {
    const rows: readonly { from: string }[] = entry.value;
    const from = rows.map((r) => Number(r.from));
    const whole = rows.every((r, i) => Number.isSafeInteger(from[i]) && String(from[i]) === r.from.trim() && (i === 0 || from[i] > from[i - 1]));
    const nhs = scheme === "NHS" ? (entry.value as readonly { rate: string }[]).map((r) => dec(r.rate)) : [];
    const lgps = scheme === "NHS" ? null : (entry.value as readonly { main: string; fiftyFifty: string }[]);
    bands = whole && rows.length > 0
      ? { from, rates: { NHS: nhs, LGPS: lgps ? lgps.map((b) => dec(b.main)) : [], LGPS5050: lgps ? lgps.map((b) => dec(b.fiftyFifty)) : [] } }
      : null;
    BANDS.set(entry, bands);
  }
  return bands;
}

/**
 * The member's contribution, exactly as employeePension (src/engine/oncosts.ts) works it out: the
 * rate of the last tier or band whose lower bound the pay reaches (the first when it reaches none),
 * on the whole pay, to the penny. The bound is found by comparing the pay as a number with the
 * bounds, which are whole pounds: a pay's nearest double is above (or below) a whole number only
 * when the pay is, and a tie is settled in decimal. (Parsing each bound's text again for every
 * person and year was a sixth of the time of a board pack; the figure is only for information.)
 * Anything unusual (no scheme, a negative pay, bounds that are not whole pounds in order) goes to
 * employeePension itself.
 */
function memberContribution(pay: Decimal, scheme: Scheme, year: FinancialYear): Decimal {
  if (scheme === "NONE" || pay.isNegative()) return employeePension(pay, scheme, year);
  const bands = memberBands(scheme, year);
  if (!bands) return employeePension(pay, scheme, year);
  const x = pay.toNumber();
  let band = 0;
  for (let i = 0; i < bands.from.length; i++) {
    const n = bands.from[i];
    if (x > n || (x === n && pay.gte(n))) band = i;
    else break;
  }
  return roundPenny(pay.times(bands.rates[scheme][band]));
}

/** The employer rate argument for a scheme under the scenario. */
export function employerRateFor(scheme: Scheme, s: ResolvedScenario): EmployerRate {
  if (scheme === "NHS") return s.nhsRateBasis;
  if (scheme === "LGPS" || scheme === "LGPS5050") return s.lgpsEmployerRate;
  return null;
}

export interface PackageInput {
  year: FinancialYear;
  basis: PayBasis;
  terms: TermsName;
  position: Position;
  fullTimePay: Decimal;
  fte: Decimal;
  standardHours: Decimal;
  weeklyHours: Decimal;
  hcasArea: HcasChoice;
  /** Full-time allowance (London weighting), £ a year. */
  allowance: Decimal;
  unsocialRates: UnsocialRates;
  unsocialHours: UnsocialHours;
  yearsService: Decimal;
  extraLeaveDays: number;
  scheme: Scheme;
  employerRate: EmployerRate;
}

/**
 * The hourly rate and the HCAS of a full-time pay depend only on that pay (and the hours, or the
 * zone and year), and a staff list has a few hundred distinct pays (scale points, each year) shared
 * by thousands of people: each is worked out once per pay. The pay Decimals are the shared ones
 * of the scales (and of the projected scales, cached per scenario), so they key the caches.
 */
const HOURLY = new WeakMap<Decimal, Map<Decimal, Decimal>>();
function hourlyRateOf(fullTimePay: Decimal, standardHours: Decimal): Decimal {
  let byHours = HOURLY.get(fullTimePay);
  if (!byHours) HOURLY.set(fullTimePay, (byHours = new Map()));
  let rate = byHours.get(standardHours);
  if (rate === undefined) byHours.set(standardHours, (rate = hourlyRate(fullTimePay, standardHours)));
  return rate;
}

const HCAS = new WeakMap<Decimal, Map<string, Decimal>>();
function hcasOf(fullTimePay: Decimal, area: Exclude<HcasChoice, "NONE">, fy: FinancialYear): Decimal {
  let byArea = HCAS.get(fullTimePay);
  if (!byArea) HCAS.set(fullTimePay, (byArea = new Map()));
  const key = area + fy.label;
  let v = byArea.get(key);
  if (v === undefined) byArea.set(key, (v = hcas(fullTimePay, area, fy)));
  return v;
}

export function buildPackage(i: PackageInput): Package {
  const basicPay = roundPenny(i.fullTimePay.times(i.fte));
  // Zero supplements and unsocial hours are the shared ZERO (the products would be +0: nothing here is negative).
  const hcasPart = i.hcasArea === "NONE" ? ZERO : roundPenny(hcasOf(i.fullTimePay, i.hcasArea, hcasYear(i.year)).times(i.fte));
  const allowancePart = i.allowance.isZero() ? ZERO : roundPenny(i.allowance.times(i.fte));
  const supplement = plus(hcasPart, allowancePart);
  const labels = [i.hcasArea !== "NONE" ? `HCAS ${i.hcasArea.toLowerCase()}` : "", allowancePart.isZero() ? "" : "local allowance"].filter(Boolean);
  const hourly = hourlyRateOf(i.fullTimePay, i.standardHours);
  const weeks = weeksPerYear();
  const unsocial = unsocialPay(i.unsocialHours, i.unsocialRates, hourly, weeks);
  const pay = plus(plus(basicPay, supplement), unsocial);
  const costs = onCosts(pay, i.scheme, i.year, i.employerRate);
  return {
    year: i.year,
    basis: i.basis,
    terms: i.terms,
    position: i.position,
    positionLabel: positionLabel(i.position),
    fte: i.fte,
    fullTimePay: i.fullTimePay,
    basicPay,
    supplement,
    supplementLabel: labels.length ? labels.join(" + ") : "none",
    standardHours: i.standardHours,
    weeklyHours: i.weeklyHours,
    hourlyRate: hourly,
    effectiveHourlyRate: roundPenny(basicPay.dividedBy(weeks.times(i.weeklyHours))),
    unsocialRates: i.unsocialRates,
    unsocial,
    leaveDays: annualLeaveDays(i.terms, i.yearsService) + i.extraLeaveDays,
    publicHolidays: termsTable(i.terms).publicHolidays,
    sickPay: sickPayFor(i.terms, i.yearsService),
    scheme: i.scheme,
    pay,
    ...costs,
    employerCost: plus(plus(plus(pay, costs.employerNi), costs.employerPension), costs.apprenticeshipLevy),
  };
}
