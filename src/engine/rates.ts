import { invalidValue } from "./errors";
import { D, dec, type Decimal } from "./money";

/**
 * An enhancement rate held exactly: numerator ÷ denominator, kept apart so that "time plus one
 * third" is exactly a third. A third written as a decimal (0.3333333333, or decimal.js's 34
 * digits) falls short, and at an exact half penny rounds the wrong way: 3 hours × ⅓ × £15.00 ×
 * 52.143 weeks is £782.145, which is £782.15, but 3 × 0.3333…3 × 15 × 52.143 = £782.1449… → £782.14.
 * The denominator is a whole number; a rate given as a decimal (0.3, 0.5) has denominator 1.
 */
export interface ExactRate {
  readonly numerator: Decimal;
  readonly denominator: Decimal;
}

const ONE = new D(1);

/** A rate as the user may give it: a decimal fraction, or exact (a third). */
export type RateGiven = Decimal | ExactRate;

export function isExactRate(r: unknown): r is ExactRate {
  return typeof r === "object" && r !== null && "numerator" in r && "denominator" in r;
}

export function toExactRate(r: RateGiven): ExactRate {
  return isExactRate(r) ? r : rateOfDecimal(r);
}

/** A rate as the user may give it, as a decimal: for checking ranges and for reading. */
export function givenValue(r: RateGiven): Decimal {
  return isExactRate(r) ? rateValue(r) : r;
}

/** A rate given as a decimal fraction (0.3 for time plus 30%). */
export function rateOfDecimal(value: Decimal): ExactRate {
  return { numerator: value, denominator: ONE };
}

/** A rate as the data or a user writes it: "1/3", "0.3", "30%" (or a Decimal). */
export function rateOf(value: string | Decimal): ExactRate {
  if (typeof value !== "string") return rateOfDecimal(value);
  const text = value.trim();
  const m = /^([0-9]+(?:\.[0-9]+)?)\s*\/\s*([0-9]+)$/.exec(text);
  if (m) {
    const denominator = dec(m[2]);
    if (denominator.isZero()) throw invalidValue(`"${text}" is not a rate: the denominator is 0.`);
    return { numerator: dec(m[1]), denominator };
  }
  const percent = /^([0-9]+(?:\.[0-9]+)?)\s*%$/.exec(text);
  if (percent) return rateOfDecimal(dec(percent[1]).dividedBy(100));
  if (/^[0-9]+(?:\.[0-9]+)?$/.test(text)) return rateOfDecimal(dec(text));
  throw invalidValue(`"${text}" is not a rate. Give a fraction such as 0.3 (time plus 30%), 30% or 1/3.`);
}

/** The rate as a decimal, for display and comparisons only (never for money). */
export function rateValue(r: ExactRate): Decimal {
  return r.denominator.eq(1) ? r.numerator : r.numerator.dividedBy(r.denominator);
}

export function sameRate(a: ExactRate, b: ExactRate): boolean {
  return a.numerator.times(b.denominator).eq(b.numerator.times(a.denominator));
}

/** "33.33%" (a third), "30%": two decimal places at most, for reading. */
export function ratePercent(r: ExactRate): string {
  return `${rateValue(r).times(100).toDecimalPlaces(2).toString()}%`;
}
