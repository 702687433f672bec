import { AFC_HCAS, AFC_TERMS } from "../data/afc";
import { NJC_TERMS } from "../data/njc";
import type { TermsTable } from "../data/schema";
import { invalidNumber, invalidValue } from "./errors";
import { D, dec, type Decimal } from "./money";
import { atLeast, compare, decimalOfPence, dividedBy, ratio, ratioOf, roundRatio, roundRatioBig, roundTimes, times, whole, type Pence, type Ratio } from "./pence";
import { forYear, type FinancialYear } from "./years";
import type { HcasArea } from "../data/schema";

export type TermsName = "AFC" | "NJC";
export const TERMS_NAMES: readonly TermsName[] = ["AFC", "NJC"];

export function termsTable(terms: TermsName): TermsTable & { extraDays?: number } {
  return (terms === "AFC" ? AFC_TERMS : NJC_TERMS).value;
}

/** Standard full-time weekly hours: 37.5 on Agenda for Change, 37 on NJC terms. */
export function standardHours(terms: TermsName): Decimal {
  return dec(termsTable(terms).weeklyHours);
}

/**
 * Hourly rate = annual pay ÷ (52.143 weeks × weekly hours), the divisor both NHS Employers and
 * the NJC use (52.143 = 365 ÷ 7), rounded to the penny as the published hourly tables are.
 * `terms` is AFC, NJC or a number of weekly hours (with 52.143 weeks).
 */
export function hourlyRate(salary: Decimal, terms: TermsName | Decimal): Decimal {
  if (salary.isNegative()) throw invalidNumber(`Salary must not be negative; got ${salary.toString()}.`);
  const hours = typeof terms === "string" ? standardHours(terms) : terms;
  if (!hours.isPositive() || hours.gt(168)) throw invalidNumber(`Weekly hours must be more than 0 and at most 168; got ${hours.toString()}.`);
  // Exact, in BigInt: an absurdly short week (5e-324 hours) gives a rate past 2^53 pence, for the caller's limits to refuse.
  const pence = roundRatioBig(dividedBy(times(ratioOf(salary), PENCE_A_POUND), times(WEEKS, ratioOf(hours))));
  return pence === 0n ? decimalOfPence(0) : new D(`${pence}e-2`);
}

const WEEKS: Ratio = ratioOf(dec(termsTable("AFC").weeksPerYear));
const PENCE_A_POUND = whole(100);

/** The hourly rate in pence of a full-time pay in whole pence: pay × `perHour`, 1 ÷ (52.143 × hours) (perHourOf), half up. */
export function hourlyRatePence(pay: Pence, perHour: Ratio): Pence {
  return roundTimes(pay, perHour);
}

/** 1 ÷ (52.143 × weekly hours): an annual figure × this is the figure an hour. */
export function perHourOf(hours: Ratio): Ratio {
  return dividedBy(whole(1), times(WEEKS, hours));
}

/**
 * Annual leave days for full-time staff by length of service, bank holidays excluded.
 * AfC: reckonable NHS service; NJC: continuous local government service (Green Book minimum,
 * plus any extra days the data carries).
 */
export function annualLeaveDays(terms: TermsName, yearsService: Decimal): number {
  if (yearsService.isNegative()) throw invalidNumber(`Years of service must not be negative; got ${yearsService.toString()}.`);
  return leaveDaysFor(terms, ratioOf(yearsService));
}

/** annualLeaveDays for years of service held exactly (not negative), `later` whole years on. */
export function leaveDaysFor(terms: TermsName, yearsService: Ratio, later = 0): number {
  const table = termsTable(terms);
  let days = 0;
  for (const step of table.leave) if (atLeast(yearsService, step.afterYears - later)) days = step.days;
  return days + (table.extraDays ?? 0);
}

export type HcasChoice = HcasArea | "NONE";
export const HCAS_AREAS: readonly HcasChoice[] = ["INNER", "OUTER", "FRINGE", "NONE"];

/**
 * AfC High Cost Area Supplement: a percentage of basic pay, but no less than the minimum and no
 * more than the maximum payment (Handbook Section 4, Annex 9). For part-time staff, pass
 * full-time pay and pro-rate the result.
 */
export function hcas(salary: Decimal, area: HcasChoice, year: FinancialYear | null): Decimal {
  if (salary.isNegative()) throw invalidNumber(`Salary must not be negative; got ${salary.toString()}.`);
  return decimalOfPence(hcasOf(ratioOf(salary), area, year));
}

interface HcasRates {
  rate: Ratio;
  minimum: Ratio;
  maximum: Ratio;
}
const HCAS_RATES = new WeakMap<object, HcasRates>();

/**
 * HCAS in pence on a full-time pay held exactly (pounds): pay × the zone's rate, but no less than
 * its minimum and no more than its maximum, to the penny, half up.
 */
export function hcasOf(salary: Ratio, area: HcasChoice, year: FinancialYear | null): Pence {
  if (area === "NONE") return 0;
  const { value } = forYear(AFC_HCAS, year, "High Cost Area Supplement rates");
  const r = value[area];
  if (!r) throw invalidValue(`No High Cost Area Supplement for "${area}".`);
  let rates = HCAS_RATES.get(r);
  if (!rates) HCAS_RATES.set(r, (rates = { rate: ratioOf(dec(r.rate)), minimum: ratioOf(dec(r.minimum)), maximum: ratioOf(dec(r.maximum)) }));
  const raw = times(salary, rates.rate);
  const paid = compare(raw, rates.minimum) < 0 ? rates.minimum : compare(raw, rates.maximum) > 0 ? rates.maximum : raw;
  return roundRatio(times(paid, PENCE_A_POUND));
}

const HCAS_ON = new Map<string, Map<Pence, Pence>>();

/** HCAS in pence on a full-time pay in whole pence. */
export function hcasPence(pay: Pence, area: HcasChoice, year: FinancialYear | null): Pence {
  if (area === "NONE") return 0;
  // A staff list has a few hundred distinct full-time pays: each zone's HCAS on each is worked out once.
  const key = `${area}${year?.label ?? ""}`;
  let byPay = HCAS_ON.get(key);
  if (!byPay) HCAS_ON.set(key, (byPay = new Map()));
  let v = byPay.get(pay);
  if (v === undefined) {
    v = hcasOf(ratio(pay, 100), area, year);
    if (byPay.size < 100_000) byPay.set(pay, v);
  }
  return v;
}
