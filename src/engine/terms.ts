import { AFC_HCAS, AFC_TERMS } from "../data/afc";
import { NJC_TERMS } from "../data/njc";
import type { TermsTable } from "../data/schema";
import { invalidNumber, invalidValue } from "./errors";
import { dec, roundPenny, ZERO, type Decimal } from "./money";
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
  const weeks = dec(termsTable("AFC").weeksPerYear);
  const hours = typeof terms === "string" ? standardHours(terms) : terms;
  if (!hours.isPositive() || hours.gt(168)) throw invalidNumber(`Weekly hours must be more than 0 and at most 168; got ${hours.toString()}.`);
  return roundPenny(salary.dividedBy(weeks.times(hours)));
}

/**
 * Annual leave days for full-time staff by length of service, bank holidays excluded.
 * AfC: reckonable NHS service; NJC: continuous local government service (Green Book minimum,
 * plus any extra days the data carries).
 */
export function annualLeaveDays(terms: TermsName, yearsService: Decimal): number {
  if (yearsService.isNegative()) throw invalidNumber(`Years of service must not be negative; got ${yearsService.toString()}.`);
  const table = termsTable(terms);
  let days = 0;
  for (const step of table.leave) if (yearsService.gte(step.afterYears)) days = step.days;
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
  if (area === "NONE") return ZERO;
  const { value } = forYear(AFC_HCAS, year, "High Cost Area Supplement rates");
  const r = value[area];
  if (!r) throw invalidValue(`No High Cost Area Supplement for "${area}".`);
  const raw = salary.times(dec(r.rate));
  return roundPenny(raw.lt(dec(r.minimum)) ? dec(r.minimum) : raw.gt(dec(r.maximum)) ? dec(r.maximum) : raw);
}
