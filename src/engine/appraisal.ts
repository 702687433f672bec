/**
 * Discounting for an options appraisal, as HM Treasury's Green Book does it.
 *
 * The Green Book (HM Treasury, "The Green Book: appraisal and evaluation in central government",
 * 2022 edition Annex A6 "Discounting"; chapter 6 of the 2026 edition) discounts costs and benefits
 * at the social time preference rate, 3.5% a year real for years 0 to 30, to a present value:
 * PV = Σ cost_t × 1 / (1 + r)^t, with year 0 the present year (the first year is not discounted).
 * Costs are to be in real terms (a fixed price base): cash figures that include inflation are first
 * divided by (1 + general inflation)^t, the GDP deflator.
 *
 * Convention used here: t = 0 for the first (base) year of the planning period, t = 1 for the
 * next, and so on; each year's cost is discounted as a whole (no mid-year convention); the
 * discount factor is 1 / ((1 + r)(1 + g))^t, where g is the GDP deflator (0 when not given); the
 * present value is rounded to the penny once, at the end.
 */
import { D, ZERO, roundPenny, type Decimal } from "./money";

/** The factor a cost in year t (0 = the first year) is multiplied by: 1 / ((1 + rate)(1 + deflator))^t. */
export function discountFactor(rate: Decimal, t: number, deflator: Decimal = ZERO): Decimal {
  if (!Number.isInteger(t) || t < 0) throw new RangeError(`[CareTrust] discount year must be a whole number from 0; got ${t}`);
  const perYear = rate.plus(1).times(deflator.plus(1));
  return new D(1).dividedBy(perYear.pow(t));
}

/** The present value of yearly amounts (the first is year 0), rounded to the penny. */
export function presentValue(amounts: readonly Decimal[], rate: Decimal, deflator: Decimal = ZERO): Decimal {
  let total = ZERO;
  amounts.forEach((a, t) => {
    total = total.plus(a.times(discountFactor(rate, t, deflator)));
  });
  return roundPenny(total);
}
