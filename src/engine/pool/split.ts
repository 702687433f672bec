import { invalidNumber, invalidValue } from "../errors";
import { allocate, dec, roundPenny, sum, type Decimal, type DecimalInput } from "../money";
import { pounds } from "./format";

/**
 * Splits an amount between partners in proportion to non-negative weights, to the penny, with
 * `allocate` (largest remainder): the parts always add up to the amount, and no part has the
 * opposite sign to the amount.
 *
 * Ties for a leftover penny go to the larger weight, then to the partner listed first (see
 * `allocate` in ../money.ts). So the result depends on the order partners are listed only between
 * partners with identical weights, who are interchangeable.
 *
 * @param amount The amount in £ (rounded to the penny first).
 * @param weights One weight per partner (contributions, shares or percentages), none negative.
 * @param basis What the weights are, for messages: "contributions", "the fixed shares".
 * @throws EngineError "number" for a negative weight; "value" when the weights add up to zero
 *   and there is something to split.
 */
export function splitByWeights(amount: DecimalInput, weights: readonly DecimalInput[], basis: string): Decimal[] {
  const total = roundPenny(amount);
  const w = weights.map(dec);
  if (w.length === 0) throw invalidValue(`There are no partners to split ${pounds(total)} between.`);
  const negative = w.findIndex((x) => x.lt(0));
  if (negative >= 0)
    throw invalidNumber(`The ${basis} must not be negative; partner ${negative + 1} has ${w[negative].toString()}.`);
  if (sum(w).isZero()) {
    if (total.isZero()) return w.map(() => roundPenny(0));
    throw invalidValue(`Cannot split ${pounds(total)} in proportion to the ${basis}: they add up to zero. At least one partner's must be above zero.`);
  }
  return allocate(total, w);
}
