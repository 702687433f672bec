import { EMPLOYER_NI, APPRENTICESHIP_LEVY } from "../data/ni";
import { NHS_EMPLOYER, NHS_MEMBER_TIERS } from "../data/nhsPension";
import { LGPS_BANDS } from "../data/lgps";
import { invalidNumber, invalidValue, notAvailable } from "./errors";
import { dec, roundPenny, ZERO, type Decimal } from "./money";
import { forYear, type FinancialYear } from "./years";

/**
 * Employer on-costs for one person's annual pay. Money in and out is £ a year; every element is
 * rounded to the penny, and the total is the sum of the rounded elements.
 */

export type Scheme = "NHS" | "LGPS" | "LGPS5050" | "NONE";
export const SCHEMES: readonly Scheme[] = ["NHS", "LGPS", "LGPS5050", "NONE"];

/**
 * The employer's rate for the NHS Pension Scheme: FULL is the whole employer rate including the
 * administration levy (23.78% from 1 April 2024), the cost a board should see; LOCAL is the part
 * NHSBSA collects from the employer (14.38%), the rest being paid centrally by NHS England.
 */
export type NhsRateBasis = "FULL" | "LOCAL";

/** An employer pension rate: a fraction, or for the NHS scheme the FULL / LOCAL published rate. */
export type EmployerRate = Decimal | NhsRateBasis | null;

function checkPay(pay: Decimal, what = "Pay"): void {
  if (pay.isNegative()) throw invalidNumber(`${what} must not be negative; got ${pay.toString()}.`);
}

/**
 * Employer Class 1 secondary NI, category A, on annual pay, using the annual secondary
 * threshold of the tax year that starts on 6 April of the financial year (so 2025/26 uses
 * 15% above £5,000). Annual earnings-period basis, as for directors; pay-period (monthly)
 * thresholds differ by pence.
 */
export function employerNi(pay: Decimal, year: FinancialYear | null): Decimal {
  checkPay(pay);
  const { value } = forYear(EMPLOYER_NI, year, "employer National Insurance rates");
  const above = pay.minus(dec(value.secondaryThreshold));
  return above.isPositive() ? roundPenny(above.times(dec(value.rate))) : ZERO;
}

/**
 * Apprenticeship Levy at 0.5% of this pay. The £15,000 allowance is the employer's, set against
 * its whole pay bill, so it is not deducted per person: NHS trusts and councils have pay bills far
 * above the £3m at which the allowance is used up.
 */
export function apprenticeshipLevy(pay: Decimal, year: FinancialYear | null): Decimal {
  checkPay(pay);
  const { value } = forYear(APPRENTICESHIP_LEVY, year, "Apprenticeship Levy rates");
  return roundPenny(pay.times(dec(value.rate)));
}

function rateInRange(rate: Decimal): Decimal {
  if (rate.isNegative() || rate.gt(1))
    throw invalidNumber(`The employer pension rate is a fraction between 0 and 1 (19% is 0.19); got ${rate.toString()}.`);
  return rate;
}

/** The employer pension rate that applies: the published NHS rate, or the rate given (required for the LGPS). */
export function employerPensionRate(scheme: Scheme, year: FinancialYear | null, employerRate: EmployerRate): Decimal {
  switch (scheme) {
    case "NONE":
      return ZERO;
    case "NHS": {
      if (employerRate !== null && typeof employerRate !== "string") return rateInRange(employerRate);
      const { value } = forYear(NHS_EMPLOYER, year, "NHS Pension Scheme employer rates");
      return dec(employerRate === "LOCAL" ? value.local : value.full);
    }
    case "LGPS":
    case "LGPS5050":
      if (employerRate === null)
        throw notAvailable(
          "LGPS employer rates are set by each pension fund's valuation: give your fund's employer rate as a fraction (e.g. 0.195 for 19.5%).",
        );
      if (typeof employerRate === "string")
        throw invalidValue(`${employerRate} applies to the NHS Pension Scheme only: give the LGPS fund's employer rate as a fraction.`);
      return rateInRange(employerRate);
  }
}

export function employerPension(pay: Decimal, scheme: Scheme, year: FinancialYear | null, employerRate: EmployerRate): Decimal {
  checkPay(pay);
  return roundPenny(pay.times(employerPensionRate(scheme, year, employerRate)));
}

/**
 * The member's contribution rate. NHS: the tier is found from actual annual pensionable pay and
 * the whole pay is charged at that tier's rate; tier lower bounds are whole pounds, so £13,259.50
 * is in tier 1 (up to £13,259.99, as NHS payroll tables show). LGPS: the band is found from
 * actual pay rounded down to the whole pound, as the LGPS regulations require.
 */
export function memberPensionRate(pay: Decimal, scheme: Scheme, year: FinancialYear | null): Decimal {
  checkPay(pay);
  switch (scheme) {
    case "NONE":
      return ZERO;
    case "NHS": {
      const { value } = forYear(NHS_MEMBER_TIERS, year, "NHS Pension Scheme member contribution tiers");
      let rate = dec(value[0].rate);
      for (const tier of value) if (pay.gte(dec(tier.from))) rate = dec(tier.rate);
      return rate;
    }
    case "LGPS":
    case "LGPS5050": {
      const { value } = forYear(LGPS_BANDS, year, "LGPS member contribution bands");
      const wholePounds = pay.floor();
      let band = value[0];
      for (const b of value) if (wholePounds.gte(dec(b.from))) band = b;
      return dec(scheme === "LGPS" ? band.main : band.fiftyFifty);
    }
  }
}

export function employeePension(pay: Decimal, scheme: Scheme, year: FinancialYear | null): Decimal {
  return roundPenny(pay.times(memberPensionRate(pay, scheme, year)));
}

export interface CostBreakdown {
  pay: Decimal;
  employerNi: Decimal;
  employerPension: Decimal;
  apprenticeshipLevy: Decimal;
  total: Decimal;
}

/** Total annual employer cost of a person's pay: pay, employer NI, employer pension and levy. */
export function employerCost(pay: Decimal, scheme: Scheme, year: FinancialYear | null, employerRate: EmployerRate): CostBreakdown {
  const p = roundPenny(pay);
  const ni = employerNi(p, year);
  const pension = employerPension(p, scheme, year, employerRate);
  const levy = apprenticeshipLevy(p, year);
  return { pay: p, employerNi: ni, employerPension: pension, apprenticeshipLevy: levy, total: p.plus(ni).plus(pension).plus(levy) };
}
