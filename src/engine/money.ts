import DecimalBase from "decimal.js";

/**
 * The engine's own Decimal constructor. Cloned so that another library's `Decimal.set`
 * cannot change our results; 34 significant digits, half-up rounding.
 */
export const D = DecimalBase.clone({ precision: 34, rounding: DecimalBase.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof D>;
export type DecimalInput = Decimal | string | number;

export const ZERO = new D(0);

/**
 * Decimals are immutable, so the figures read from the rate tables (strings such as "0.15" or
 * "31049") are parsed once and shared: this keeps parsing and garbage out of per-person loops.
 */
const parsed = new Map<string, Decimal>();
const PARSED_LIMIT = 10_000;

export function dec(value: DecimalInput): Decimal {
  if (value instanceof D) return value;
  if (typeof value !== "string") return new D(value);
  let d = parsed.get(value);
  if (d === undefined) {
    d = new D(value);
    if (parsed.size < PARSED_LIMIT) parsed.set(value, d);
  }
  return d;
}

/**
 * Money is rounded to the penny, half up (away from zero for negatives), per element per person
 * per year (DESIGN.md, Conventions). Totals are sums of rounded elements.
 */
export function roundPenny(value: DecimalInput): Decimal {
  return dec(value).toDecimalPlaces(2, D.ROUND_HALF_UP);
}

/** Rounds to the whole pound, half up: how pay scales and spine points are published. */
export function roundPound(value: DecimalInput): Decimal {
  return dec(value).toDecimalPlaces(0, D.ROUND_HALF_UP);
}

export function sum(values: readonly DecimalInput[]): Decimal {
  let total = ZERO;
  for (const v of values) total = total.plus(dec(v));
  return total;
}
