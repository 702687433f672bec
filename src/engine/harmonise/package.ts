/**
 * A person's package under one set of terms in one year: pay, supplements, hours, leave, sick pay,
 * unsocial hours, pension and employer on-costs. Each money element is rounded to the penny.
 */
import { AFC_UNSOCIAL, AFC_TERMS } from "../../data/afc";
import { EMPLOYER_NI, APPRENTICESHIP_LEVY } from "../../data/ni";
import { NHS_EMPLOYER, NHS_MEMBER_TIERS } from "../../data/nhsPension";
import { LGPS_BANDS } from "../../data/lgps";
import { NJC_NIGHT_WORK } from "../../data/njc";
import { notAvailable } from "../errors";
import { dec, roundPenny, ZERO, type Decimal } from "../money";
import { apprenticeshipLevy, employeePension, employerNi, employerPension, type EmployerRate, type Scheme } from "../oncosts";
import { annualLeaveDays, hcas, hourlyRate, termsTable, type HcasChoice, type TermsName } from "../terms";
import { forYear, type FinancialYear } from "../years";
import { plus } from "./arith";
import { hcasYear, positionLabel, tableYear } from "./positions";
import type { Package, PayBasis, Position, ResolvedScenario, SickPay, UnsocialRateInput, UnsocialRates } from "./types";

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

export interface UnsocialHours {
  nightsAndSaturdays: Decimal;
  sundaysAndPublicHolidays: Decimal;
}

/**
 * The unsocial-hours rates that apply: the user's rate where given, else the national one (AfC by
 * band; the Green Book night-work rate for the NJC). A rate the data lacks is an error only when
 * the person works hours in that category; otherwise it is 0.
 */
export function unsocialRatesFor(terms: TermsName, afcBand: string | null, override: UnsocialRateInput, worked: UnsocialHours, who: string): UnsocialRates {
  const national = terms === "AFC" ? (afcBand === null ? null : AFC_UNSOCIAL.value[afcBand] ?? null) : NJC_NIGHT_WORK.value;
  const pick = (key: keyof UnsocialHours, words: string): Decimal => {
    const given = override[key];
    if (given !== null && given !== undefined) return given;
    const n = national?.[key];
    if (n !== null && n !== undefined) return dec(n);
    if (worked[key].isZero()) return ZERO;
    const whose =
      terms === "NJC"
        ? `The Green Book has no national rate for ${words} in the data (councils set it locally)`
        : afcBand === null
          ? `A local scale on AfC conditions has no band to read the AfC rate for ${words} from`
          : `There is no AfC rate for ${words} in band ${afcBand} in the data`;
    throw notAvailable(`${whose}: give the rate for ${words} on the ${who} terms as time plus a fraction (0.5 for time and a half).`);
  };
  return {
    nightsAndSaturdays: pick("nightsAndSaturdays", "nights and Saturdays"),
    sundaysAndPublicHolidays: pick("sundaysAndPublicHolidays", "Sundays and public holidays"),
  };
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
  const uh = i.unsocialHours;
  const ur = i.unsocialRates;
  const unsocialHourly = plus(
    uh.nightsAndSaturdays.isZero() ? ZERO : uh.nightsAndSaturdays.times(ur.nightsAndSaturdays),
    uh.sundaysAndPublicHolidays.isZero() ? ZERO : uh.sundaysAndPublicHolidays.times(ur.sundaysAndPublicHolidays),
  );
  const unsocial = unsocialHourly.isZero() ? ZERO : roundPenny(unsocialHourly.times(hourly).times(weeks));
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
