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

/**
 * Splits `amount` in proportion to `weights`, to the penny, by the largest-remainder method,
 * so the parts always sum exactly to the amount.
 *
 * Each part first gets its proportional share truncated towards zero to whole pence; the pence
 * left over go one each to the parts with the largest remainders. Ties are broken by the
 * larger weight, then by position (the earlier part first), so the result is stable.
 * Weights may be negative only if they do not sum to zero; zero-sum weights are an error for
 * the caller to report.
 */
export function allocate(amount: DecimalInput, weights: readonly DecimalInput[]): Decimal[] {
  const total = roundPenny(amount);
  const w = weights.map(dec);
  const weightSum = sum(w);
  if (w.length === 0) throw new RangeError("allocate: no weights");
  if (weightSum.isZero()) throw new RangeError("allocate: weights sum to zero");
  const pence = total.times(100);
  const sign = pence.isNegative() ? -1 : 1;
  const absPence = pence.abs();
  const exact = w.map((wi) => absPence.times(wi).dividedBy(weightSum));
  const floors = exact.map((e) => e.toDecimalPlaces(0, D.ROUND_DOWN));
  let leftover = absPence.minus(sum(floors)).toNumber();
  const order = exact
    .map((e, i) => ({ i, rem: e.minus(floors[i]), weight: w[i] }))
    .sort((a, b) => b.rem.comparedTo(a.rem) || b.weight.comparedTo(a.weight) || a.i - b.i);
  const parts = floors.slice();
  // With negative weights the floors can overshoot; hand pence back from the smallest remainders.
  for (let k = 0; leftover > 0; k = (k + 1) % order.length, leftover--) parts[order[k].i] = parts[order[k].i].plus(1);
  for (let k = order.length - 1; leftover < 0; k = (k - 1 + order.length) % order.length, leftover++)
    parts[order[k].i] = parts[order[k].i].minus(1);
  // A zero part of a negative amount is 0, not -0 (which Excel and JSON show as 0 but Object.is and tests do not).
  return parts.map((p) => (p.isZero() ? p.abs() : p.times(sign)).dividedBy(100));
}
