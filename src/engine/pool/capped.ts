import { invalidNumber, invalidValue } from "../errors";
import { D, dec, roundPenny, sum, ZERO, type Decimal, type DecimalInput } from "../money";
import { pounds } from "./format";
import { splitByWeights } from "./split";

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
  const v = roundPenny(variance);
  const w = weights.map(dec);
  if (caps.length !== w.length) throw invalidValue(`CAPPED needs one cap per partner (${w.length}); got ${caps.length}.`);
  const c = caps.map((x, i) => {
    if (x === null) return null;
    const d = dec(x);
    if (d.lt(0)) throw invalidNumber(`A cap is the most a partner bears and must not be negative; ${label(i)} has ${pounds(d)}.`);
    return d.toDecimalPlaces(2, D.ROUND_DOWN);
  });
  const size = v.abs();
  const what = v.lt(0) ? "underspend" : "overspend";
  if (c.every((x) => x !== null)) {
    const room = sum(c as Decimal[]);
    if (room.lt(size))
      throw invalidValue(
        `The caps add up to ${pounds(room)}, less than the ${what} of ${pounds(size)}: the caps cannot absorb ${pounds(size.minus(room))}. ` +
          `Raise the caps, or leave a partner's cap empty for no cap.`,
      );
  }

  const atCap = new Set<number>();
  for (;;) {
    const open = w.map((_, i) => i).filter((i) => !atCap.has(i));
    const remaining = size.minus(sum([...atCap].map((i) => c[i] as Decimal)));
    const openWeight = sum(open.map((i) => w[i]));
    if (remaining.gt(0) && openWeight.isZero())
      throw invalidValue(
        `${pounds(remaining)} of the ${what} is above the caps of ${[...atCap].map(label).join(", ")} and cannot fall to the others ` +
          `in proportion, because their shares are zero. Raise the caps or give those partners a share.`,
      );
    // Exact shares at this stage: anyone over its cap is held at the cap, and the rest shared again.
    const over = open.filter((i) => c[i] !== null && remaining.times(w[i]).dividedBy(openWeight).gt(c[i] as Decimal));
    if (over.length > 0) {
      over.forEach((i) => atCap.add(i));
      continue;
    }
    const pence = remaining.isZero() ? open.map(() => ZERO) : splitByWeights(remaining, open.map((i) => w[i]), "shares", tiebreak && open.map((i) => tiebreak[i]));
    // Rounding up by a penny can never pass a cap in whole pence, but check rather than trust it.
    const bumped = open.filter((i, k) => c[i] !== null && pence[k].gt(c[i] as Decimal));
    if (bumped.length > 0) {
      bumped.forEach((i) => atCap.add(i));
      continue;
    }
    const parts = w.map(() => ZERO);
    open.forEach((i, k) => (parts[i] = pence[k]));
    atCap.forEach((i) => (parts[i] = c[i] as Decimal));
    return parts.map((p) => (v.lt(0) && !p.isZero() ? p.negated() : p));
  }
}
