import { D, dec, roundPenny, type Decimal, type DecimalInput } from "./money";
import { bigParts, compare, decimalOfPence, dividedBy, isZero, minus, plus, ratio, ratioOf, times, ZERO_RATIO } from "./pence";

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
  const w = weights.map((x) => ratioOf(dec(x)));
  if (w.length === 0) throw new RangeError("allocate: no weights");
  const weightSum = w.reduce(plus, ZERO_RATIO);
  if (isZero(weightSum)) throw new RangeError("allocate: weights sum to zero");
  const pence = BigInt(total.times(100).toFixed(0));
  const sign = pence < 0n ? -1n : 1n;
  const absPence = pence < 0n ? -pence : pence;
  // Each part's exact share in pence, and that share truncated towards zero (in BigInt: a tiny sum
  // of weights can make a share, and its part, larger than a number holds exactly).
  const exact = w.map((wi) => times(ratio(absPence, 1n), dividedBy(wi, weightSum)));
  const floors = exact.map((e) => {
    const [n, d] = bigParts(e);
    return n / d;
  });
  let leftover = Number(absPence - floors.reduce((a, b) => a + b, 0n));
  const order = exact
    .map((e, i) => ({ i, rem: minus(e, ratio(floors[i], 1n)), weight: w[i] }))
    .sort((a, b) => compare(b.rem, a.rem) || compare(b.weight, a.weight) || a.i - b.i);
  const parts = floors.slice();
  // With negative weights the floors can overshoot; hand pence back from the smallest remainders.
  for (let k = 0; leftover > 0; k = (k + 1) % order.length, leftover--) parts[order[k].i] += 1n;
  for (let k = order.length - 1; leftover < 0; k = (k - 1 + order.length) % order.length, leftover++) parts[order[k].i] -= 1n;
  // A zero part of a negative amount is 0, not -0 (which Excel and JSON show as 0 but Object.is and tests do not).
  return parts.map((p) => (p === 0n ? decimalOfPence(0) : new D(`${p * sign}e-2`)));
}
