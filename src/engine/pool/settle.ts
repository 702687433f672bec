import { invalidNumber, invalidValue } from "../errors";
import { dec, roundPenny, sum, ZERO, type Decimal, type DecimalInput } from "../money";
import { pounds } from "./format";
import { partnerLabel, shareVariance, applyRule, validateRule, type ShareContext } from "./riskShare";
import { DEFAULT_ARRANGEMENT, usesRiskPool, type Arrangement, type WaterfallRule } from "./rules";
import { exactRule } from "./exact";
import { grossWaterfall } from "./gross";
import { roundLines } from "./table";
import { poolShares } from "./shares";
import { splitByWeights } from "./split";

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
  /**
   * An aligned budget beside the pool: each partner keeps its own money and bears its own over- or
   * underspend (in proportion to what it put in; a line funded by one partner is its alone). Never
   * shared, never netted against the pooled lines, and shown apart in every statement.
   */
  aligned?: boolean;
  /** Income the line collects (client contributions, grants): what was budgeted and what came in. */
  income?: LineIncome;
}

/**
 * Income on a line. The line's budget is the partners' contributions plus the income budgeted; its
 * variance is expenditure − contributions − income received. How the income variance (a shortfall
 * is positive, like an overspend) is netted is set by the agreement: with the line's variance,
 * shared by the line's rule (the default), or borne by one partner alone (e.g. a council whose
 * contribution is "net of charges" bears a shortfall in charges).
 */
export interface LineIncome {
  budget: DecimalInput;
  actual: DecimalInput;
  /** The partner (0 = first) who bears the income variance alone; omitted: shared with the line's variance. */
  bornBy?: number | null;
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
  /** An aligned budget: each partner bears its own, never shared. */
  aligned: boolean;
  /** Income budgeted and received (0 where the line has none). variance = expenditure − contribution − incomeActual. */
  incomeBudget: Decimal;
  incomeActual: Decimal;
}

export interface PoolStatement {
  /** The pooled lines' memorandum accounts (aligned lines are apart, in `aligned`). */
  partners: PartnerAccount[];
  /** The aligned lines' accounts, per partner; null when every line is pooled. */
  aligned: { partners: PartnerAccount[]; total: PoolTotal } | null;
  lines: LineStatement[];
  /** Absorbed by the risk pool; null when the arrangement has no risk pool. */
  riskPool: Decimal | null;
  /** Met from underspends outside these lines; null unless the arrangement is WATERFALL. */
  underspendsElsewhere: Decimal | null;
  /** The pooled lines. */
  total: PoolTotal;
  /** Whether the pool was settled as a whole (WATERFALL) rather than line by line. */
  settledAsWhole: boolean;
}

export interface PoolTotal {
  base: Decimal;
  changes: Decimal;
  contribution: Decimal;
  expenditure: Decimal;
  /** Income received on these lines. */
  income: Decimal;
  /** expenditure − contribution − income. */
  variance: Decimal;
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
    const incomeBudget = roundPenny(line.income?.budget ?? 0);
    const incomeActual = roundPenny(line.income?.actual ?? 0);
    if (incomeBudget.lt(0) || incomeActual.lt(0))
      throw invalidNumber(`${lineName}'s income is negative (budget ${pounds(incomeBudget)}, received ${pounds(incomeActual)}): give income as a positive amount.`);
    const incomeBornBy = line.income?.bornBy ?? null;
    if (incomeBornBy !== null && (!Number.isInteger(incomeBornBy) || incomeBornBy < 0 || incomeBornBy >= n))
      throw invalidNumber(`${lineName}: the partner who bears the income variance must be a partner number from 1 to ${n}; got ${incomeBornBy + 1}.`);
    const aligned = line.aligned === true;
    if (aligned && line.arrangement)
      throw invalidValue(`${lineName} is an aligned budget (each partner bears its own), so it cannot have a risk-share rule: remove the rule, or pool the line.`);
    const contribution = sum(contributions);
    const variance = expenditure.minus(contribution).minus(incomeActual);
    // An income variance borne by one partner is taken out of what the line's rule shares.
    const incomeVariance = incomeBornBy === null ? ZERO : incomeBudget.minus(incomeActual);
    return {
      name: lineName,
      parts,
      contributions,
      contribution,
      expenditure,
      variance,
      shared: variance.minus(incomeVariance),
      incomeVariance,
      incomeBornBy,
      incomeBudget,
      incomeActual,
      aligned,
      arrangement: line.arrangement,
    };
  });
  type Line = (typeof lines)[number];
  const pooled = lines.filter((l) => !l.aligned);
  const alignedLines = lines.filter((l) => l.aligned);

  const fixed = pool.fixedShares ? pool.fixedShares.map(dec) : null;
  // The shares of the pool, checked before any line is settled (a pool nobody funds has none).
  if (pooled.length > 0) poolShares(names.map((_, i) => sum(pooled.map((l) => l.contributions[i]))), fixed, names);
  const poolArrangement = pool.arrangement ?? DEFAULT_ARRANGEMENT;
  const statements = new Map<Line, LineStatement>();
  let riskPool = ZERO;
  let elsewhere = ZERO;
  let hasRiskPool = false;
  let hasElsewhere = false;
  const withIncome = (l: Line, parts: Decimal[]) => (l.incomeBornBy === null ? parts : parts.map((p, i) => (i === l.incomeBornBy ? p.plus(l.incomeVariance) : p)));

  const settledAsWhole = poolArrangement.overspend.method === "WATERFALL";
  if (settledAsWhole && pooled.length > 0) {
    const named = pooled.find((l) => l.arrangement);
    if (named)
      throw invalidValue(`WATERFALL settles the whole pool, so ${named.name} cannot have its own arrangement: remove it, or use another method for the pool.`);
    validateRule(poolArrangement.overspend, n, names);
    validateRule(poolArrangement.underspend, n, names);
    const rule = poolArrangement.overspend as WaterfallRule;
    const contribution = names.map((_, i) => sum(pooled.map((l) => l.contributions[i])));
    const ctx: ShareContext = { weights: fixed ?? contribution, contributions: contribution, names };
    // Overspends on some lines are first met from underspends on the others …
    const overspends = sum(pooled.map((l) => (l.shared.gt(0) ? l.shared : ZERO)));
    const underspends = sum(pooled.map((l) => (l.shared.lt(0) ? l.shared.negated() : ZERO)));
    const offset = overspends.lte(underspends) ? overspends : underspends;
    const net = overspends.minus(offset).minus(underspends.minus(offset)); // the pool's variance
    // … then the WATERFALL's own steps (underspends elsewhere, risk pool, split) on what is left.
    const share = applyRule(net, net.lt(0) ? poolArrangement.underspend : rule, ctx);
    riskPool = share.riskPool;
    elsewhere = share.underspendsElsewhere;
    hasRiskPool = true;
    hasElsewhere = true;
    const gross = grossWaterfall(pooled.map((l) => l.contributions), pooled.map((l) => l.shared), share);
    pooled.forEach((l, k) =>
      statements.set(l, { ...statementOf(l), borne: withIncome(l, gross.borne[k]), riskPool: gross.riskPool[k], underspendsElsewhere: gross.underspendsElsewhere[k] }),
    );
  } else {
    // Each line is shared under its rule; the pennies are then rounded across the lines and the
    // partners at once (table.ts, roundLines), so every line adds up to its variance and every
    // partner's total is within a penny of its exact share of the whole pool.
    const exact: Decimal[][] = [];
    const totals: Decimal[] = [];
    const shares = pooled.map((l) => {
      const arrangement = l.arrangement ?? poolArrangement;
      if (l.arrangement?.overspend.method === "WATERFALL")
        throw invalidValue(`WATERFALL settles the whole pool: give it as the pool's method, not ${l.name}'s.`);
      hasRiskPool ||= usesRiskPool(arrangement.overspend) || usesRiskPool(arrangement.underspend);
      hasElsewhere ||= arrangement.underspend.method === "WATERFALL";
      const ctx: ShareContext = { weights: fixed ?? l.contributions, contributions: l.contributions, names };
      const share = withLine(lines.length > 1 ? l.name : null, () => shareVariance(l.shared, arrangement, ctx));
      const v = roundPenny(l.shared);
      const e = exactRule(v.isZero() ? ZERO : v, v.lt(0) ? arrangement.underspend : arrangement.overspend, ctx, (i) => partnerLabel(names, i));
      exact.push(e.parts);
      totals.push(v.minus(share.riskPool).minus(share.underspendsElsewhere));
      riskPool = riskPool.plus(share.riskPool);
      elsewhere = elsewhere.plus(share.underspendsElsewhere);
      return share;
    });
    const rounded = roundLines(exact, totals);
    pooled.forEach((l, k) =>
      statements.set(l, { ...statementOf(l), borne: withIncome(l, rounded[k]), riskPool: shares[k].riskPool, underspendsElsewhere: shares[k].underspendsElsewhere }),
    );
  }
  // Aligned lines: each partner bears its own, in proportion to what it put in.
  alignedLines.forEach((l) => {
    const parts = withLine(l.name, () => (l.shared.isZero() ? names.map(() => ZERO) : splitByWeights(l.shared, l.contributions, `contributions to ${l.name}`)));
    statements.set(l, { ...statementOf(l), borne: withIncome(l, parts), riskPool: ZERO, underspendsElsewhere: ZERO });
  });
  const lineStatements = lines.map((l) => statements.get(l) as LineStatement);

  const accounts = (subset: readonly Line[], shareBasis: readonly Decimal[] | null): { partners: PartnerAccount[]; total: PoolTotal } => {
    const st = subset.map((l) => statements.get(l) as LineStatement);
    const base = names.map((_, i) => sum(subset.map((l) => l.parts[i].base)));
    const changes = names.map((_, i) => sum(subset.map((l) => l.parts[i].changes)));
    const contribution = names.map((_, i) => sum(subset.map((l) => l.contributions[i])));
    const shares = sum(contribution).isZero() && !shareBasis ? names.map(() => ZERO) : poolShares(contribution, shareBasis, names);
    const allOverspends = sum(st.map((l) => (l.variance.gt(0) ? l.variance : ZERO)));
    const partners = names.map((partner, i): PartnerAccount => {
      const varianceBorne = sum(st.map((l) => l.borne[i]));
      const shareOfExpenditure = contribution[i].plus(varianceBorne);
      const overspendsMet = sum(st.map((l) => (l.borne[i].gt(0) ? l.borne[i] : ZERO)));
      return {
        partner,
        base: base[i],
        changes: changes[i],
        contribution: contribution[i],
        share: shares[i],
        shareOfExpenditure,
        varianceBorne,
        closing: contribution[i].minus(shareOfExpenditure),
        overspendsMet,
        underspends: varianceBorne.minus(overspendsMet),
        shareOfOverspends: allOverspends.isZero() ? null : overspendsMet.dividedBy(allOverspends),
      };
    });
    const totalContribution = sum(contribution);
    const expenditure = sum(subset.map((l) => l.expenditure));
    const income = sum(subset.map((l) => l.incomeActual));
    return {
      partners,
      total: {
        base: sum(base),
        changes: sum(changes),
        contribution: totalContribution,
        expenditure,
        income,
        variance: expenditure.minus(totalContribution).minus(income),
      },
    };
  };
  const main = accounts(pooled, fixed);
  return {
    partners: main.partners,
    aligned: alignedLines.length > 0 ? accounts(alignedLines, null) : null,
    lines: lineStatements,
    riskPool: hasRiskPool ? riskPool : null,
    underspendsElsewhere: hasElsewhere ? elsewhere : null,
    total: main.total,
    settledAsWhole: settledAsWhole && pooled.length > 0,
  };
}

function statementOf(l: {
  name: string;
  contributions: Decimal[];
  contribution: Decimal;
  expenditure: Decimal;
  variance: Decimal;
  aligned: boolean;
  incomeBudget: Decimal;
  incomeActual: Decimal;
}) {
  return {
    name: l.name,
    contributions: l.contributions,
    contribution: l.contribution,
    expenditure: l.expenditure,
    variance: l.variance,
    aligned: l.aligned,
    incomeBudget: l.incomeBudget,
    incomeActual: l.incomeActual,
  };
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
