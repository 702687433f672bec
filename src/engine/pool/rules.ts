import type { Decimal } from "../money";

/**
 * Risk-share rules: how a variance on a pooled budget (or on one service line of it) is shared
 * between the partners.
 *
 * Sign convention, everywhere in the pool engine: a variance is expenditure minus budget
 * (contributions), so an OVERSPEND IS POSITIVE and an UNDERSPEND IS NEGATIVE. What a partner
 * bears has the sign of the variance: a positive amount is more the partner must pay in, a
 * negative amount is money coming back to it. Caps, tier limits, reserves and underspends
 * available are sizes (never negative) that apply to either sign.
 *
 * @see ../../../docs/pools.md for each method with a worked example.
 */

/** The methods, as users type them (case-insensitive). */
export const METHODS = ["PROPORTIONAL", "FIXED", "LEAD", "CAPPED", "TIERED", "RISKPOOL", "OWN", "WATERFALL"] as const;
export type Method = (typeof METHODS)[number];

/** In proportion to the partners' shares of the pool (their contributions, or fixed shares where the agreement sets them). */
export interface ProportionalRule {
  method: "PROPORTIONAL";
}

/** Fixed percentages set in the agreement, one per partner, adding up to 100% (e.g. 50/50). */
export interface FixedRule {
  method: "FIXED";
  /** Fractions (0.6 for 60%), one per partner. */
  percentages: readonly Decimal[];
}

/** The lead (host) partner bears it all. */
export interface LeadRule {
  method: "LEAD";
  /** The lead partner's position, 0 for the first. */
  partner: number;
}

/**
 * Each partner bears its proportional share up to its cap; what is above a partner's cap falls to
 * the partners still under theirs, in proportion to their shares. `null` caps mean "each partner's
 * contribution" (the common "capped at contribution" clause); a `null` inside the list means that
 * partner has no cap.
 */
export interface CappedRule {
  method: "CAPPED";
  caps: readonly (Decimal | null)[] | null;
}

export type SimpleRule = ProportionalRule | FixedRule | LeadRule | CappedRule;

/** One tier: the variance up to `upTo` (measured from zero, in £) is shared by `rule`. */
export interface Tier {
  upTo: Decimal;
  rule: SimpleRule;
}

/** The first £X one way, (optionally the next tiers other ways), the rest another way. */
export interface TieredRule {
  method: "TIERED";
  /** Upper limits ascending, each measured from zero. */
  tiers: readonly Tier[];
  rest: SimpleRule;
}

/** How an amount is split once reserves and underspends have done their part. */
export type SplitRule = SimpleRule | TieredRule;

/** A risk pool (contingency) absorbs an overspend first, up to `reserve`; the rest is split. An underspend goes straight to the split. */
export interface RiskPoolRule {
  method: "RISKPOOL";
  reserve: Decimal;
  then: SplitRule;
}

/**
 * Each partner bears the variance on its own service lines. `amounts` are those variances, one per
 * partner, when the caller knows them (they must add up to the variance); `null` inside a pool of
 * service lines means "in proportion to what each partner puts into this line" (a line funded by
 * one partner is that partner's alone).
 */
export interface OwnRule {
  method: "OWN";
  amounts: readonly Decimal[] | null;
}

/**
 * An overspend is met first from underspends elsewhere in the pool, then from the risk pool, then
 * split. `available` is the underspend available from outside what is being shared (inside a pool
 * of service lines, the lines' own underspends are added to it). An underspend goes straight to
 * the split.
 */
export interface WaterfallRule {
  method: "WATERFALL";
  available: Decimal;
  reserve: Decimal;
  then: SplitRule;
}

export type Rule = SplitRule | RiskPoolRule | OwnRule | WaterfallRule;

/** A risk-share clause: one rule for an overspend, one (possibly the same) for an underspend. */
export interface Arrangement {
  overspend: Rule;
  underspend: Rule;
}

export const PROPORTIONAL: ProportionalRule = Object.freeze({ method: "PROPORTIONAL" });

/** The same rule both ways. */
export function both(rule: Rule): Arrangement {
  return { overspend: rule, underspend: rule };
}

/** The default when an agreement says nothing else: in proportion, both ways. */
export const DEFAULT_ARRANGEMENT: Arrangement = Object.freeze(both(PROPORTIONAL));

/** Methods allowed as the split inside TIERED tiers. */
export const SIMPLE_METHODS: readonly Method[] = ["PROPORTIONAL", "FIXED", "LEAD", "CAPPED"];
/** Methods allowed as the split after RISKPOOL or WATERFALL. */
export const SPLIT_METHODS: readonly Method[] = [...SIMPLE_METHODS, "TIERED"];

const ALIASES: Readonly<Record<string, Method>> = {
  PROPORTIONATE: "PROPORTIONAL",
  PRORATA: "PROPORTIONAL",
  CONTRIBUTIONS: "PROPORTIONAL",
  PERCENTAGES: "FIXED",
  FIXEDPERCENTAGES: "FIXED",
  HOST: "LEAD",
  CAP: "CAPPED",
  TIER: "TIERED",
  TIERS: "TIERED",
  CONTINGENCY: "RISKPOOL",
  RESERVE: "RISKPOOL",
  OWNRISK: "OWN",
};

/** A method from what a user typed: case, spaces, hyphens and underscores do not matter ("Risk pool", "pro-rata"). */
export function methodFromText(text: string): Method | null {
  const t = text.trim().toUpperCase().replace(/[\s_-]+/g, "");
  if ((METHODS as readonly string[]).includes(t)) return t as Method;
  return ALIASES[t] ?? null;
}

/** Whether a rule (or any rule inside it) draws on a risk pool. */
export function usesRiskPool(rule: Rule): boolean {
  return rule.method === "RISKPOOL" || rule.method === "WATERFALL";
}
