import { invalidNumber, invalidValue } from "../errors";
import { dec, roundPenny, sum, type Decimal, type DecimalInput } from "../money";
import { allocate } from "../allocate";
import { pounds } from "./format";

/**
 * Splits an amount between partners in proportion to non-negative weights, to the penny, with
 * `allocate` (largest remainder): the parts always add up to the amount, and no part has the
 * opposite sign to the amount.
 *
 * Ties for a spare penny (equal remainders) go to the larger weight, then to the larger
 * `tiebreak` (the larger contribution, when splitting by fixed percentages or shares), then to the
 * partner listed first (see `allocate` in ../money.ts). So the order partners are listed in
 * matters only between partners identical in weight and tiebreak, who are interchangeable.
 *
 * @param amount The amount in £ (rounded to the penny first).
 * @param weights One weight per partner (contributions, shares or percentages), none negative.
 * @param basis What the weights are, for messages: "contributions", "the fixed shares".
 * @param tiebreak One value per partner deciding ties between equal weights, larger first.
 * @throws EngineError "number" for a negative weight; "value" when the weights add up to zero
 *   and there is something to split.
 */
export function splitByWeights(amount: DecimalInput, weights: readonly DecimalInput[], basis: string, tiebreak?: readonly Decimal[]): Decimal[] {
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
  if (!tiebreak) return allocate(total, w);
  // allocate breaks ties by weight, then by position: list the partners by tiebreak first.
  const order = w.map((_, i) => i).sort((a, b) => tiebreak[b].comparedTo(tiebreak[a]) || a - b);
  const parts = allocate(total, order.map((i) => w[i]));
  const result = new Array<Decimal>(w.length);
  order.forEach((i, k) => (result[i] = parts[k]));
  return result;
}
