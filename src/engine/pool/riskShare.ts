import { invalidNumber, invalidValue } from "../errors";
import { D, dec, roundPenny, sum, ZERO, type Decimal, type DecimalInput } from "../money";
import { cappedSplit } from "./capped";
import { exactSplit, roundAcross } from "./exact";
import { percent, pounds } from "./format";
import { SIMPLE_METHODS, SPLIT_METHODS, type Arrangement, type Rule } from "./rules";
import { splitByWeights } from "./split";

/** What a rule needs to know about the partners. */
export interface ShareContext {
  /**
   * The basis for PROPORTIONAL (and for CAPPED's redistribution): each partner's share of the pool,
   * as its contribution or as the fixed share the agreement sets. Not negative.
   */
  weights: readonly Decimal[];
  /** Each partner's contribution (to the line being shared): CAPPED's default caps, OWN's basis in a pool of lines. */
  contributions: readonly Decimal[];
  /** Partner names for messages; "partner 1", "partner 2"… when not given. */
  names?: readonly string[];
}

/** How a variance was shared. parts + riskPool + underspendsElsewhere = the variance, to the penny. */
export interface VarianceShare {
  /** What each partner bears, in £, with the sign of the variance (overspend positive). */
  parts: Decimal[];
  /** The part of an overspend the risk pool (contingency) absorbed. */
  riskPool: Decimal;
  /** The part of an overspend met from underspends elsewhere in the pool (WATERFALL). */
  underspendsElsewhere: Decimal;
}

/** Tolerance for fixed percentages adding up to 100%: 1/3 typed as =1/3 in each cell still passes. */
const PERCENT_TOLERANCE = dec("1e-9");

export function partnerLabel(names: readonly string[] | undefined, i: number): string {
  const name = names?.[i];
  return name ? name : `partner ${i + 1}`;
}

/**
 * Checks a rule against the number of partners before anything is shared, so a clause that cannot
 * work is reported even when this year's variance would not reach it (e.g. the underspend rule
 * in a year with an overspend).
 * @throws EngineError naming what to change.
 */
export function validateRule(rule: Rule, partners: number, names?: readonly string[], allowed?: readonly string[], where = ""): void {
  if (allowed && !allowed.includes(rule.method))
    throw invalidValue(`${rule.method} cannot be used ${where}. Use one of: ${allowed.join(", ")}.`);
  switch (rule.method) {
    case "PROPORTIONAL":
      return;
    case "FIXED": {
      if (rule.percentages.length !== partners)
        throw invalidValue(`FIXED needs one percentage per partner (${partners}); got ${rule.percentages.length}.`);
      const negative = rule.percentages.findIndex((p) => p.lt(0));
      if (negative >= 0)
        throw invalidNumber(`FIXED percentages must not be negative; ${partnerLabel(names, negative)} has ${percent(rule.percentages[negative])}.`);
      const total = sum(rule.percentages);
      if (total.minus(1).abs().gt(PERCENT_TOLERANCE)) {
        const hint = total.eq(100) ? " Type them as percentages (60%) or fractions (0.6), not as 60." : "";
        throw invalidValue(`The FIXED percentages add up to ${percent(total)}, not 100%: change them so they add up to 100%.${hint}`);
      }
      return;
    }
    case "LEAD":
      if (!Number.isInteger(rule.partner) || rule.partner < 0 || rule.partner >= partners)
        throw invalidNumber(`The lead partner must be a partner number from 1 to ${partners}; got ${rule.partner + 1}.`);
      return;
    case "CAPPED":
      if (rule.caps !== null) {
        if (rule.caps.length !== partners) throw invalidValue(`CAPPED needs one cap per partner (${partners}); got ${rule.caps.length}.`);
        const negative = rule.caps.findIndex((c) => c !== null && c.lt(0));
        if (negative >= 0)
          throw invalidNumber(`A cap must not be negative; ${partnerLabel(names, negative)} has ${pounds(rule.caps[negative] as Decimal)}.`);
      }
      return;
    case "TIERED": {
      if (rule.tiers.length === 0) throw invalidValue("TIERED needs at least one tier: the first £X, then how the rest is split.");
      let previous = ZERO;
      rule.tiers.forEach((t, k) => {
        if (!t.upTo.gt(previous))
          throw invalidValue(
            k === 0
              ? `A TIERED limit must be above zero; got ${pounds(t.upTo)}.`
              : `TIERED limits must go up: tier ${k + 1} ends at ${pounds(t.upTo)}, not above tier ${k}'s ${pounds(previous)}. Each limit is measured from zero.`,
          );
        previous = t.upTo;
        validateRule(t.rule, partners, names, SIMPLE_METHODS, "inside a TIERED tier");
      });
      validateRule(rule.rest, partners, names, SIMPLE_METHODS, "inside TIERED");
      return;
    }
    case "RISKPOOL":
      if (rule.reserve.lt(0)) throw invalidNumber(`The risk pool must not be negative; got ${pounds(rule.reserve)}.`);
      validateRule(rule.then, partners, names, SPLIT_METHODS, "after RISKPOOL");
      return;
    case "WATERFALL":
      if (rule.available.lt(0))
        throw invalidNumber(`The underspends available must not be negative; got ${pounds(rule.available)}.`);
      if (rule.reserve.lt(0)) throw invalidNumber(`The risk pool must not be negative; got ${pounds(rule.reserve)}.`);
      validateRule(rule.then, partners, names, SPLIT_METHODS, "after WATERFALL");
      return;
    case "OWN":
      if (rule.amounts !== null && rule.amounts.length !== partners)
        throw invalidValue(`OWN needs each partner's own variance, one per partner (${partners}); got ${rule.amounts.length}.`);
      return;
  }
}

/**
 * Shares a variance between the partners under a risk-share arrangement: the overspend rule for a
 * positive variance, the underspend rule for a negative one.
 *
 * Every split is to the penny with the largest-remainder method, so the parts, plus whatever a risk
 * pool or other underspends absorbed, add up exactly to the variance (rounded to the penny). A
 * spare penny on a tie goes to the larger weight, then the larger contribution, then the partner
 * listed first (see splitByWeights), so the order partners are listed in matters only between
 * partners identical in both.
 *
 * @param variance £: expenditure minus budget, overspend positive, underspend negative.
 * @throws EngineError for a rule that does not fit the partners or cannot absorb the variance.
 */
export function shareVariance(variance: DecimalInput, arrangement: Arrangement, ctx: ShareContext): VarianceShare {
  const rounded = roundPenny(variance);
  const v = rounded.isZero() ? ZERO : rounded; // never -0: a zero variance is an overspend of nothing
  const n = ctx.weights.length;
  if (ctx.contributions.length !== n) throw invalidValue(`Give one contribution per partner (${n}); got ${ctx.contributions.length}.`);
  validateRule(arrangement.overspend, n, ctx.names);
  validateRule(arrangement.underspend, n, ctx.names);
  return applyRule(v, v.lt(0) ? arrangement.underspend : arrangement.overspend, ctx);
}

function only(parts: Decimal[]): VarianceShare {
  return { parts, riskPool: ZERO, underspendsElsewhere: ZERO };
}

/** Applies one (validated) rule to a variance already rounded to the penny. */
export function applyRule(v: Decimal, rule: Rule, ctx: ShareContext): VarianceShare {
  const label = (i: number) => partnerLabel(ctx.names, i);
  switch (rule.method) {
    case "PROPORTIONAL":
      return only(splitByWeights(v, ctx.weights, "shares of the pool", ctx.contributions));
    case "FIXED":
      return only(splitByWeights(v, rule.percentages, "fixed percentages", ctx.contributions));
    case "LEAD":
      return only(ctx.weights.map((_, i) => (i === rule.partner ? v : ZERO)));
    case "CAPPED":
      return only(cappedSplit(v, ctx.weights, rule.caps ?? ctx.contributions, label, ctx.contributions));
    case "TIERED":
      // Worked out exactly slice by slice, then rounded once across the whole variance (exact.ts).
      return only(roundAcross(v, exactSplit(v, rule, ctx, label), ctx.contributions));
    case "RISKPOOL": {
      if (v.lte(0)) return applyRule(v, rule.then, ctx);
      const absorbed = smaller(v, pence(rule.reserve));
      return { ...applyRule(v.minus(absorbed), rule.then, ctx), riskPool: absorbed };
    }
    case "WATERFALL": {
      if (v.lte(0)) return applyRule(v, rule.then, ctx);
      const fromUnderspends = smaller(v, pence(rule.available));
      const afterUnderspends = v.minus(fromUnderspends);
      const fromRiskPool = smaller(afterUnderspends, pence(rule.reserve));
      const split = applyRule(afterUnderspends.minus(fromRiskPool), rule.then, ctx);
      return { parts: split.parts, riskPool: fromRiskPool, underspendsElsewhere: fromUnderspends };
    }
    case "OWN": {
      if (rule.amounts === null) return only(splitByWeights(v, ctx.contributions, "contributions to this line"));
      const parts = rule.amounts.map(roundPenny);
      const total = sum(parts);
      if (!total.eq(v))
        throw invalidValue(
          `OWN: the partners' own variances add up to ${pounds(total)}, but the variance is ${pounds(v)} ` +
            `(a difference of ${pounds(v.minus(total))}). Give each partner's variance on its own lines so that they add up to the variance.`,
        );
      return only(parts);
    }
  }
}

function smaller(a: Decimal, b: Decimal): Decimal {
  return a.lte(b) ? a : b;
}

/**
 * Limits, reserves and underspends available count in whole pence, rounded down (a reserve of
 * £100.005 absorbs at most £100.00), so every slice is whole pence and the parts add up exactly.
 */
function pence(limit: Decimal): Decimal {
  return limit.toDecimalPlaces(2, D.ROUND_DOWN);
}
