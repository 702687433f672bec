import { type Decimal, type DecimalInput } from "../money";
import { cappedExact, roundAcross } from "./exact";

/**
 * Shares `variance` in proportion to `weights`, no partner bearing more than its cap (in either
 * direction: a cap limits the size of the share, overspend or underspend). What a capped partner
 * cannot bear falls to the partners still under their caps, in proportion to their weights
 * ("water-filling"): each partner bears min(cap, λ × weight), with λ set so the shares add up to
 * the variance. Rounded to the penny by the largest remainder, so the parts add up exactly.
 *
 * Caps are rounded down to the penny (a partner capped at £100.005 bears at most £100.00).
 * Which partners end at their cap depends only on the amounts, never on the order they are listed.
 *
 * @param variance £, overspend positive, underspend negative.
 * @param weights One per partner, not negative (contributions or shares).
 * @param caps One per partner: the most it bears, in £ (not negative); null for no cap.
 * @param label Names partners in messages, by position.
 * @param tiebreak Decides ties for a spare penny between equal weights, larger first (see splitByWeights).
 * @throws EngineError "value" when the caps cannot absorb the variance, or when what is above the
 *   caps has nobody to fall to (every partner not at its cap has a weight of zero).
 */
export function cappedSplit(
  variance: DecimalInput,
  weights: readonly DecimalInput[],
  caps: readonly (DecimalInput | null)[],
  label: (i: number) => string = (i) => `partner ${i + 1}`,
  tiebreak?: readonly Decimal[],
): Decimal[] {
  // Exact water-filling first, then one rounding across the whole variance. A partner at its cap
  // has a whole-pence exact share (caps count in whole pence), so it never gets a spare penny and
  // rounding can never take it past its cap.
  return roundAcross(variance, cappedExact(variance, weights, caps, label), tiebreak);
}
