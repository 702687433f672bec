import { invalidNumber, invalidValue } from "../errors";
import { dec, roundPenny, sum, ZERO, type Decimal, type DecimalInput } from "../money";
import { pounds } from "./format";
import { partnerLabel, shareVariance, applyRule, validateRule, type ShareContext } from "./riskShare";
import { DEFAULT_ARRANGEMENT, usesRiskPool, type Arrangement, type WaterfallRule } from "./rules";
import { grossWaterfall } from "./gross";
import { poolShares } from "./shares";

/**
 * A pooled fund (a Section 75 pooled budget, a Better Care Fund pool) at the year end: what each
 * partner put in, what was spent, how the over- or underspend is shared, and each partner's
 * memorandum account (dual accountability).
 *
 * Sign convention: variance = expenditure − contributions, overspend positive, underspend
 * negative; what a partner bears has the sign of the variance.
 */

/** A partner's contribution: the base set in the agreement plus in-year changes (either sign). */
export interface Contribution {
  base: DecimalInput;
  changes?: readonly DecimalInput[];
}

/** A service line (scheme) of the pool, funded by the partners, with its own risk share. */
export interface ServiceLine {
  name: string;
  /** One contribution per partner, in partner order (zero where a partner puts nothing in). */
  contributions: readonly Contribution[];
  /** What the line spent (actual or forecast outturn), in £. */
  expenditure: DecimalInput;
  /** This line's risk-share arrangement; the pool's when omitted. */
  arrangement?: Arrangement;
}

export interface Pool {
  /** Partner names, unique. */
  partners: readonly string[];
  /** At least one. A pool without schemes is one line. */
  lines: readonly ServiceLine[];
  /**
   * Fixed shares of the pool set in the agreement (fractions adding up to 1), one per partner. When
   * given, they are each partner's share and the basis for PROPORTIONAL; otherwise contributions are.
   */
  fixedShares?: readonly DecimalInput[] | null;
  /**
   * The pool's risk-share arrangement, for every line without its own. A WATERFALL overspend rule
   * settles the pool as a whole: overspends on some lines are first met from underspends on the
   * others, then from underspends available elsewhere and the risk pool, then split.
   */
  arrangement?: Arrangement;
}

/** A partner's memorandum account, in £ (share as a fraction). */
export interface PartnerAccount {
  partner: string;
  base: Decimal;
  changes: Decimal;
  /** base + changes. */
  contribution: Decimal;
  /** The partner's share of the pool: fixed, or contribution ÷ all contributions. */
  share: Decimal;
  /** The part of the pool's expenditure this partner funds: contribution + variance borne. */
  shareOfExpenditure: Decimal;
  /** Its part of the over- (positive) or underspend (negative) under the risk share. */
  varianceBorne: Decimal;
  /** contribution − share of expenditure: positive is due back to the partner, negative is due from it. */
  closing: Decimal;
  /** The gross view: what its money met of the lines' overspends (the sum of its positive line figures). */
  overspendsMet: Decimal;
  /** The gross view: its part of the lines' underspends (the sum of its negative line figures). overspendsMet + underspends = varianceBorne. */
  underspends: Decimal;
  /** overspendsMet ÷ all the lines' overspends: "the NHS paid 82% once its own underspend is counted"; null when no line overspent. */
  shareOfOverspends: Decimal | null;
}

export interface LineStatement {
  name: string;
  contributions: Decimal[];
  contribution: Decimal;
  expenditure: Decimal;
  /** expenditure − contribution. */
  variance: Decimal;
  /**
   * Each partner's part of this line's variance. For a pool settled as a whole (WATERFALL), the
   * gross view (gross.ts): a line underspend that met another line's overspend shows, negative, on
   * the line where it arose against the partners who funded it, and positive on the lines it paid for.
   */
  borne: Decimal[];
  riskPool: Decimal;
  underspendsElsewhere: Decimal;
}

export interface PoolStatement {
  partners: PartnerAccount[];
  lines: LineStatement[];
  /** Absorbed by the risk pool; null when the arrangement has no risk pool. */
  riskPool: Decimal | null;
  /** Met from underspends outside these lines; null unless the arrangement is WATERFALL. */
  underspendsElsewhere: Decimal | null;
  total: {
    base: Decimal;
    changes: Decimal;
    contribution: Decimal;
    expenditure: Decimal;
    variance: Decimal;
  };
  /** Whether the pool was settled as a whole (WATERFALL) rather than line by line. */
  settledAsWhole: boolean;
}

function contributionOf(c: Contribution): { base: Decimal; changes: Decimal } {
  return { base: roundPenny(c.base), changes: sum((c.changes ?? []).map(roundPenny)) };
}

/**
 * Settles a pool: shares each line's variance under its arrangement (or the whole pool's, for a
 * WATERFALL) and builds each partner's memorandum account. Every amount is to the penny; a
 * partner's variance borne is the sum of its pennies on each line, and the partners' amounts, the
 * risk pool and underspends elsewhere add up exactly to the pool's variance.
 *
 * @throws EngineError for partners or lines that do not fit together, a negative contribution
 *   after in-year changes, negative expenditure, or a risk share that cannot be applied.
 */
export function settlePool(pool: Pool): PoolStatement {
  const names = pool.partners.map((p) => String(p).trim());
  const n = names.length;
  if (n === 0) throw invalidValue("A pool needs at least one partner.");
  names.forEach((name, i) => {
    if (!name) throw invalidValue(`Partner ${i + 1} has no name: give every partner a name.`);
    const j = names.findIndex((other) => other.toLowerCase() === name.toLowerCase());
    if (j !== i) throw invalidValue(`Two partners are called "${name}" (partners ${j + 1} and ${i + 1}): give each a different name.`);
  });
  if (pool.lines.length === 0) throw invalidValue("A pool needs at least one service line (a pool without schemes is one line).");
  const label = (i: number) => partnerLabel(names, i);

  const lines = pool.lines.map((line, l) => {
    const lineName = line.name || `line ${l + 1}`;
    if (line.contributions.length !== n)
      throw invalidValue(`${lineName} has ${line.contributions.length} contributions for ${n} partners: give one per partner (0 where a partner puts nothing in).`);
    const parts = line.contributions.map(contributionOf);
    const contributions = parts.map((p, i) => {
      const c = p.base.plus(p.changes);
      if (c.lt(0))
        throw invalidNumber(`${label(i)}'s contribution to ${lineName} is ${pounds(c)} after in-year changes: a contribution cannot be negative.`);
      return c;
    });
    const expenditure = roundPenny(line.expenditure);
    if (expenditure.lt(0)) throw invalidNumber(`${lineName}'s expenditure is ${pounds(expenditure)}: expenditure cannot be negative.`);
    const contribution = sum(contributions);
    return { name: lineName, parts, contributions, contribution, expenditure, variance: expenditure.minus(contribution), arrangement: line.arrangement };
  });

  const base = names.map((_, i) => sum(lines.map((l) => l.parts[i].base)));
  const changes = names.map((_, i) => sum(lines.map((l) => l.parts[i].changes)));
  const contribution = names.map((_, i) => sum(lines.map((l) => l.contributions[i])));
  const fixed = pool.fixedShares ? pool.fixedShares.map(dec) : null;
  const shares = poolShares(contribution, fixed, names);
  const poolArrangement = pool.arrangement ?? DEFAULT_ARRANGEMENT;
  const borne = names.map(() => ZERO);
  let riskPool = ZERO;
  let elsewhere = ZERO;
  let hasRiskPool = false;
  let hasElsewhere = false;
  let lineStatements: LineStatement[];

  const settledAsWhole = poolArrangement.overspend.method === "WATERFALL";
  if (settledAsWhole) {
    const named = lines.find((l) => l.arrangement);
    if (named)
      throw invalidValue(`WATERFALL settles the whole pool, so ${named.name} cannot have its own arrangement: remove it, or use another method for the pool.`);
    validateRule(poolArrangement.overspend, n, names);
    validateRule(poolArrangement.underspend, n, names);
    const rule = poolArrangement.overspend as WaterfallRule;
    const ctx: ShareContext = { weights: fixed ?? contribution, contributions: contribution, names };
    // Overspends on some lines are first met from underspends on the others …
    const overspends = sum(lines.map((l) => (l.variance.gt(0) ? l.variance : ZERO)));
    const underspends = sum(lines.map((l) => (l.variance.lt(0) ? l.variance.negated() : ZERO)));
    const offset = overspends.lte(underspends) ? overspends : underspends;
    const net = overspends.minus(offset).minus(underspends.minus(offset)); // the pool's variance
    // … then the WATERFALL's own steps (underspends elsewhere, risk pool, split) on what is left.
    const share = applyRule(net, net.lt(0) ? poolArrangement.underspend : rule, ctx);
    share.parts.forEach((p, i) => (borne[i] = p));
    riskPool = share.riskPool;
    elsewhere = share.underspendsElsewhere;
    hasRiskPool = true;
    hasElsewhere = true;
    const gross = grossWaterfall(lines.map((l) => l.contributions), lines.map((l) => l.variance), share);
    lineStatements = lines.map((l, k) => ({ ...statementOf(l), borne: gross.borne[k], riskPool: gross.riskPool[k], underspendsElsewhere: gross.underspendsElsewhere[k] }));
  } else {
    lineStatements = lines.map((l) => {
      const arrangement = l.arrangement ?? poolArrangement;
      if (l.arrangement?.overspend.method === "WATERFALL")
        throw invalidValue(`WATERFALL settles the whole pool: give it as the pool's method, not ${l.name}'s.`);
      hasRiskPool ||= usesRiskPool(arrangement.overspend) || usesRiskPool(arrangement.underspend);
      hasElsewhere ||= arrangement.underspend.method === "WATERFALL";
      const ctx: ShareContext = { weights: fixed ?? l.contributions, contributions: l.contributions, names };
      const share = withLine(lines.length > 1 ? l.name : null, () => shareVariance(l.variance, arrangement, ctx));
      share.parts.forEach((p, i) => (borne[i] = borne[i].plus(p)));
      riskPool = riskPool.plus(share.riskPool);
      elsewhere = elsewhere.plus(share.underspendsElsewhere);
      return { ...statementOf(l), borne: share.parts, riskPool: share.riskPool, underspendsElsewhere: share.underspendsElsewhere };
    });
  }

  const allOverspends = sum(lines.map((l) => (l.variance.gt(0) ? l.variance : ZERO)));
  const partners: PartnerAccount[] = names.map((partner, i) => {
    const shareOfExpenditure = contribution[i].plus(borne[i]);
    const overspendsMet = sum(lineStatements.map((l) => (l.borne[i].gt(0) ? l.borne[i] : ZERO)));
    return {
      partner,
      base: base[i],
      changes: changes[i],
      contribution: contribution[i],
      share: shares[i],
      shareOfExpenditure,
      varianceBorne: borne[i],
      closing: contribution[i].minus(shareOfExpenditure),
      overspendsMet,
      underspends: borne[i].minus(overspendsMet),
      shareOfOverspends: allOverspends.isZero() ? null : overspendsMet.dividedBy(allOverspends),
    };
  });
  const totalContribution = sum(contribution);
  const totalExpenditure = sum(lines.map((l) => l.expenditure));
  return {
    partners,
    lines: lineStatements,
    riskPool: hasRiskPool ? riskPool : null,
    underspendsElsewhere: hasElsewhere ? elsewhere : null,
    total: {
      base: sum(base),
      changes: sum(changes),
      contribution: totalContribution,
      expenditure: totalExpenditure,
      variance: totalExpenditure.minus(totalContribution),
    },
    settledAsWhole,
  };
}

function statementOf(l: { name: string; contributions: Decimal[]; contribution: Decimal; expenditure: Decimal; variance: Decimal }) {
  return { name: l.name, contributions: l.contributions, contribution: l.contribution, expenditure: l.expenditure, variance: l.variance };
}

/** Runs a line's settlement, naming the line in any error when the pool has several. */
function withLine<T>(name: string | null, body: () => T): T {
  try {
    return body();
  } catch (e) {
    if (name !== null && e instanceof Error && !e.message.startsWith(name)) e.message = `${name}: ${e.message}`;
    throw e;
  }
}
