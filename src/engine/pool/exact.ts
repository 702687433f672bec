import { invalidNumber, invalidValue } from "../errors";
import { D, dec, roundPenny, sum, ZERO, type Decimal, type DecimalInput } from "../money";
import { pounds } from "./format";
import type { ShareContext } from "./riskShare";
import type { Rule, SplitRule } from "./rules";
import { splitByWeights } from "./split";

/**
 * Exact (unrounded) shares, and the one rounding that turns them into pence.
 *
 * A split built of slices (TIERED: the first £X one way, the rest another; CAPPED: each up to its
 * cap, the excess to the others) is worked out exactly first, then rounded ONCE across the whole
 * amount by the largest remainder. Rounding each slice on its own would let the spare pennies of
 * several slices fall to the same partner, so a part could end more than a penny from its exact
 * share (issue 13: £0.05 in five tiers of a penny each went 0.05 / 0). Rounded once, every part is
 * within a penny of its exact share and the parts add up to the amount.
 */

/** A partner's label in messages. */
type Label = (i: number) => string;

/**
 * Rounds exact shares (all of the amount's sign, adding up to it) to pence by the largest
 * remainder: every part within a penny of its exact share, the parts adding up to the amount.
 * Ties for a spare penny go to the larger exact share, then the larger `tiebreak`, then the
 * partner listed first.
 */
export function roundAcross(amount: DecimalInput, exact: readonly Decimal[], tiebreak?: readonly Decimal[]): Decimal[] {
  const total = roundPenny(amount);
  if (total.isZero() || exact.every((e) => e.isZero())) return exact.map(() => ZERO);
  return splitByWeights(total, exact.map((e) => e.abs()), "exact shares", tiebreak);
}

/**
 * Each partner's exact share of `v` under CAPPED: min(cap, λ × weight), with λ set so the shares
 * add up to the variance ("water-filling"). Caps count in whole pence, rounded down, and limit the
 * size of a share either way.
 * @throws EngineError "value" when the caps cannot absorb the variance, or when what is above the
 *   caps has nobody to fall to.
 */
export function cappedExact(variance: DecimalInput, weights: readonly DecimalInput[], caps: readonly (DecimalInput | null)[], label: Label): Decimal[] {
  const v = roundPenny(variance);
  const w = weights.map(dec);
  if (caps.length !== w.length) throw invalidValue(`CAPPED needs one cap per partner (${w.length}); got ${caps.length}.`);
  const c = caps.map((x, i) => {
    if (x === null) return null;
    const d = dec(x);
    if (d.lt(0)) throw invalidNumber(`A cap is the most a partner bears and must not be negative; ${label(i)} has ${pounds(d)}.`);
    return d.toDecimalPlaces(2, D.ROUND_DOWN);
  });
  const negative = w.findIndex((x) => x.lt(0));
  if (negative >= 0) throw invalidNumber(`The shares must not be negative; ${label(negative)} has ${w[negative].toString()}.`);
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
    const over = open.filter((i) => c[i] !== null && remaining.times(w[i]).dividedBy(openWeight).gt(c[i] as Decimal));
    if (over.length > 0) {
      over.forEach((i) => atCap.add(i));
      continue;
    }
    const parts = w.map((wi, i) => (atCap.has(i) ? (c[i] as Decimal) : remaining.isZero() ? ZERO : remaining.times(wi).dividedBy(openWeight)));
    return parts.map((p) => (v.lt(0) && !p.isZero() ? p.negated() : p));
  }
}

/**
 * Each partner's exact share of `v` (already whole pence) under a split rule, unrounded. TIERED
 * adds up its slices' exact shares; each slice is split by its own method.
 */
export function exactSplit(v: Decimal, rule: SplitRule, ctx: ShareContext, label: Label): Decimal[] {
  const n = ctx.weights.length;
  switch (rule.method) {
    case "PROPORTIONAL":
      return proportional(v, ctx.weights, "shares of the pool");
    case "FIXED":
      return proportional(v, rule.percentages, "fixed percentages");
    case "LEAD":
      return ctx.weights.map((_, i) => (i === rule.partner ? v : ZERO));
    case "CAPPED":
      return cappedExact(v, ctx.weights, rule.caps ?? ctx.contributions, label);
    case "TIERED": {
      const size = v.abs();
      const signed = (x: Decimal) => (v.lt(0) ? x.negated() : x);
      const parts = Array.from({ length: n }, () => ZERO);
      const add = (amount: Decimal, r: SplitRule) => exactSplit(amount, r, ctx, label).forEach((p, i) => (parts[i] = parts[i].plus(p)));
      let from = ZERO;
      for (const tier of rule.tiers) {
        if (size.lte(from)) break;
        const upTo = tier.upTo.toDecimalPlaces(2, D.ROUND_DOWN);
        add(signed((size.lte(upTo) ? size : upTo).minus(from)), tier.rule);
        from = upTo;
      }
      if (size.gt(from)) add(signed(size.minus(from)), rule.rest);
      return parts;
    }
  }
}

function proportional(v: Decimal, weights: readonly Decimal[], basis: string): Decimal[] {
  const negative = weights.findIndex((x) => x.lt(0));
  if (negative >= 0) throw invalidNumber(`The ${basis} must not be negative; partner ${negative + 1} has ${weights[negative].toString()}.`);
  const total = sum(weights);
  if (total.isZero()) {
    if (v.isZero()) return weights.map(() => ZERO);
    throw invalidValue(`Cannot split ${pounds(v)} in proportion to the ${basis}: they add up to zero. At least one partner's must be above zero.`);
  }
  return weights.map((w) => v.times(w).dividedBy(total));
}

/**
 * A rule's exact (unrounded) shares of `v` (whole pence), with what a risk pool and underspends
 * elsewhere absorb (whole pence): the parts add up to v − riskPool − underspendsElsewhere.
 * Used to round a pool of lines across the lines and the partners at once (table.ts, roundLines).
 */
export function exactRule(v: Decimal, rule: Rule, ctx: ShareContext, label: Label): { parts: Decimal[]; riskPool: Decimal; underspendsElsewhere: Decimal } {
  const whole = (x: Decimal) => x.toDecimalPlaces(2, D.ROUND_DOWN);
  const smaller = (a: Decimal, b: Decimal) => (a.lte(b) ? a : b);
  switch (rule.method) {
    case "RISKPOOL": {
      if (v.lte(0)) return { parts: exactSplit(v, rule.then, ctx, label), riskPool: ZERO, underspendsElsewhere: ZERO };
      const absorbed = smaller(v, whole(rule.reserve));
      return { parts: exactSplit(v.minus(absorbed), rule.then, ctx, label), riskPool: absorbed, underspendsElsewhere: ZERO };
    }
    case "WATERFALL": {
      if (v.lte(0)) return { parts: exactSplit(v, rule.then, ctx, label), riskPool: ZERO, underspendsElsewhere: ZERO };
      const fromUnderspends = smaller(v, whole(rule.available));
      const fromRiskPool = smaller(v.minus(fromUnderspends), whole(rule.reserve));
      return { parts: exactSplit(v.minus(fromUnderspends).minus(fromRiskPool), rule.then, ctx, label), riskPool: fromRiskPool, underspendsElsewhere: fromUnderspends };
    }
    case "OWN":
      return {
        parts: rule.amounts === null ? proportional(v, ctx.contributions, "contributions to this line") : rule.amounts.map((a) => roundPenny(a)),
        riskPool: ZERO,
        underspendsElsewhere: ZERO,
      };
    default:
      return { parts: exactSplit(v, rule, ctx, label), riskPool: ZERO, underspendsElsewhere: ZERO };
  }
}
