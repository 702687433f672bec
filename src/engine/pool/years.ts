import { invalidNumber, invalidValue } from "../errors";
import { dec, roundPenny, sum, ZERO, type Decimal, type DecimalInput } from "../money";
import { allocate } from "../allocate";
import { financialYear, parseFinancialYear, type FinancialYear } from "../years";
import { pounds } from "./format";
import { partnerLabel } from "./riskShare";
import type { Arrangement } from "./rules";
import { settlePool, type PoolStatement, type ServiceLine } from "./settle";

/**
 * A pool over several financial years (issue 14): each year its own contributions (with dated
 * changes), expenditure and income per line, and its own risk-share rule; a reserve carried from
 * year to year (opening balance, draws, top-ups, closing balance); and repayment schedules (a
 * partner repays a share of an overspend over N years). Pure: the year-by-year arithmetic only.
 *
 * The order within a year, as IJB and Section 75 agreements set it out:
 *  1. the year's pool is settled under that year's rule (settlePool: lines, aligned lines, income,
 *     WATERFALL's gross view);
 *  2. an overspend on the pooled lines is met from the reserve first (when the agreement says so),
 *     up to its balance; each partner's part is cut in proportion to what it would have borne;
 *  3. then from a contingency a partner holds outside the pool (a dated CONTINGENCY), which is that
 *     partner's money: it bears the amount used, and the others' parts are cut in proportion;
 *  4. an underspend on the pooled lines tops the reserve up by the share the agreement sets (up to
 *     its ceiling); each partner's return is cut in proportion;
 *  5. a partner may defer a share of what it bears, repaid over N years in equal instalments
 *     (to the penny, the spare pence first), lent by the reserve or by another partner;
 *  6. instalments due this year are paid, and planned top-ups and draws are made.
 * Aligned lines are never touched by the reserve: each partner bears its own.
 */

/** The kinds of dated change to a contribution. */
export const CHANGE_KINDS = ["VIREMENT_OUT", "ONE_OFF", "ADVANCE", "CONTINGENCY"] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface DatedChange {
  /** The date the change takes effect, "2025-10-01" (ISO), within the pool's year. */
  date: string;
  /** The partner, 0 = first. */
  partner: number;
  /** The service line, 0 = first (default). Not used for CONTINGENCY. */
  line?: number;
  /**
   * VIREMENT_OUT: money taken out of the pool (the contribution falls; give the amount positive).
   * ONE_OFF: a one-off contribution this year. ADVANCE: money advanced from next year's
   * contribution (this year's rises, next year's falls by the same). CONTINGENCY: money the partner
   * holds outside the pool, drawn only to meet an overspend (step 3).
   */
  kind: ChangeKind;
  amount: DecimalInput;
  note?: string;
}

/** One year of the pool. */
export interface PoolYear {
  /** "2025/26" (or 2025). */
  year: string | number;
  lines: readonly ServiceLine[];
  /** That year's rule (rules change between years); PROPORTIONAL when omitted. */
  arrangement?: Arrangement;
  fixedShares?: readonly DecimalInput[] | null;
  changes?: readonly DatedChange[];
  /** Planned draws on the reserve to fund this year's spending, by line (0 = first): income to the line from the reserve. */
  reserveDraws?: readonly { line?: number; amount: DecimalInput; note?: string }[];
  /** Planned top-ups paid into the reserve by a partner (outside the risk share). */
  reserveTopUps?: readonly { partner: number; amount: DecimalInput; note?: string }[];
}

export interface ReservePolicy {
  /** The balance at the start of the first year. */
  opening: DecimalInput;
  /** Whether an overspend is met from the reserve before the partners pay (default true). */
  drawOnOverspend?: boolean;
  /** The share of an underspend kept in the reserve rather than returned (0 to 1; default 0). */
  topUpFromUnderspend?: DecimalInput;
  /** The most the reserve holds after top-ups from underspends; null or omitted: no ceiling. */
  ceiling?: DecimalInput | null;
}

export interface RepaymentSchedule {
  /** The year whose overspend is partly deferred. */
  year: string | number;
  /** The partner who repays, 0 = first. */
  partner: number;
  /** The share of what it bears that year that it repays later (0 to 1), or … */
  share?: DecimalInput;
  /** … the amount in £ (no more than it bears). */
  amount?: DecimalInput;
  /** Over how many years, starting the year after. */
  years: number;
  /** Who lends the money meanwhile: "RESERVE" (default) or another partner (0 = first). */
  lender?: "RESERVE" | number;
}

export interface MultiYearPool {
  partners: readonly string[];
  years: readonly PoolYear[];
  reserve?: ReservePolicy | null;
  repayments?: readonly RepaymentSchedule[];
}

/** A partner's year, in £. Money the partner pays is positive in paid; "due" is what it is owed back (negative: it owes). */
export interface PartnerYear {
  partner: string;
  /** Its contributions to the pooled lines this year, after dated changes. */
  contribution: Decimal;
  /** The dated changes within that (virements out, one-offs, advances, last year's advance taken back). */
  changes: Decimal;
  /** Its part of the pooled lines' variance under the year's rule (before the reserve). */
  varianceBorne: Decimal;
  /** What the reserve met of its part of an overspend (≤ 0: it bears less). */
  metByReserve: Decimal;
  /** Its contingency used (≥ 0) and what that took off the others (≤ 0), net. */
  contingency: Decimal;
  /** What of its share of an underspend went to the reserve instead of back to it (≥ 0). */
  toReserve: Decimal;
  /** Its part after the reserve and contingencies: varianceBorne + metByReserve + contingency + toReserve. */
  borne: Decimal;
  /** Its own variance on aligned lines (never shared, never met by the reserve). */
  aligned: Decimal;
  /** Deferred under a repayment schedule this year (≤ 0: it pays that much less now). */
  deferred: Decimal;
  /** Lent to another partner this year (≥ 0), under a schedule. */
  lent: Decimal;
  /** Instalments it repaid this year (≥ 0). */
  repaid: Decimal;
  /** Instalments repaid to it this year, as a lender (≤ 0). */
  repaidToIt: Decimal;
  /** Planned top-ups it paid into the reserve (≥ 0). */
  reserveTopUp: Decimal;
  /** What it pays in (positive) or gets back (negative) at the year end: borne + aligned + deferred + lent + repaid + repaidToIt + reserveTopUp. */
  settlement: Decimal;
  /** What it still owes under repayment schedules at the year end. */
  owedAtEnd: Decimal;
  /** What is still owed to it (as a lender) at the year end. */
  owedToItAtEnd: Decimal;
}

export interface ReserveYear {
  opening: Decimal;
  /** Underspends kept, planned top-ups, instalments repaid to the reserve. */
  topUps: Decimal;
  /** Overspends met, planned draws, loans to partners under repayment schedules. */
  draws: Decimal;
  /** opening + topUps − draws. */
  closing: Decimal;
  /** The parts, for the ledger's lines. */
  detail: { label: string; amount: Decimal }[];
}

export interface YearStatement {
  year: FinancialYear;
  statement: PoolStatement;
  partners: PartnerYear[];
  reserve: ReserveYear | null;
  /** The dated changes applied, in date order, with the partner's name. */
  changes: { date: string; partner: string; line: string; kind: ChangeKind; amount: Decimal; note: string }[];
}

export interface MultiYearStatement {
  partners: readonly string[];
  years: YearStatement[];
  /** Across the years, per partner: contributions, borne, settlements. */
  totals: { partner: string; contribution: Decimal; borne: Decimal; aligned: Decimal; settlement: Decimal }[];
  /** What partners still owe under schedules after the last year (per partner). */
  outstanding: Decimal[];
  /** Advances from a year after the last, still to be taken back (per partner). */
  advancesOutstanding: Decimal[];
}

/** Splits `amount` (same sign as the weights' total) over partners in proportion to weights' sizes; zeros if nothing to split. */
function spread(amount: Decimal, weights: readonly Decimal[]): Decimal[] {
  if (amount.isZero() || weights.every((w) => w.isZero())) return weights.map(() => ZERO);
  return allocate(amount, weights.map((w) => w.abs()));
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The financial year (1 April start) of an ISO date, checked. */
function yearOfDate(date: string, where: string): number {
  const m = ISO_DATE.exec(date.trim());
  if (!m) throw invalidValue(`${where}: the date "${date}" should be written as 2025-10-01 (year-month-day).`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) throw invalidValue(`${where}: "${date}" is not a date.`);
  return mo >= 4 ? y : y - 1;
}

/**
 * Settles a pool year by year, carrying the reserve, advances and repayment schedules forward.
 * Every split is to the penny by the largest remainder, so in every year the partners' parts, the
 * reserve's and the risk pool's add up to the pool's variance, and the reserve's closing balance
 * is its opening plus top-ups less draws.
 * @throws EngineError naming the year and what to change.
 */
export function settleYears(pool: MultiYearPool): MultiYearStatement {
  const names = pool.partners.map((p) => String(p).trim());
  const n = names.length;
  if (pool.years.length === 0) throw invalidValue("A pool over several years needs at least one year.");
  const label = (i: number) => partnerLabel(names, i);
  const checkPartner = (i: number, where: string) => {
    if (!Number.isInteger(i) || i < 0 || i >= n) throw invalidNumber(`${where}: the partner must be a partner number from 1 to ${n}; got ${i + 1}.`);
  };
  const fys = pool.years.map((y, k) => {
    const fy = parseFinancialYear(y.year);
    if (!fy) throw invalidValue(`Year ${k + 1} has no financial year: give it, e.g. "2025/26".`);
    return fy;
  });
  fys.forEach((fy, k) => {
    if (k > 0 && fy.start !== fys[k - 1].start + 1)
      throw invalidValue(`The years must follow one another: ${fys[k - 1].label} is followed by ${fy.label}, not ${financialYear(fys[k - 1].start + 1).label}.`);
  });
  const policy = pool.reserve ?? null;
  const opening = policy ? roundPenny(policy.opening) : ZERO;
  if (opening.lt(0)) throw invalidNumber(`The reserve's opening balance is ${pounds(opening)}: a reserve cannot be below zero.`);
  const topUpShare = policy?.topUpFromUnderspend === undefined ? ZERO : dec(policy.topUpFromUnderspend);
  if (topUpShare.lt(0) || topUpShare.gt(1)) throw invalidNumber(`The share of an underspend kept in the reserve must be from 0% to 100%; got ${topUpShare.times(100).toString()}%.`);
  const ceiling = policy?.ceiling === undefined || policy?.ceiling === null ? null : roundPenny(policy.ceiling);
  if (ceiling !== null && ceiling.lt(0)) throw invalidNumber(`The reserve's ceiling must not be negative; got ${pounds(ceiling)}.`);
  const drawOnOverspend = policy ? policy.drawOnOverspend !== false : false;

  const repayments = (pool.repayments ?? []).map((r, k) => {
    const where = `Repayment ${k + 1}`;
    const fy = parseFinancialYear(r.year);
    const at = fy ? fys.findIndex((f) => f.start === fy.start) : -1;
    if (at < 0) throw invalidValue(`${where}: its year ${fy?.label ?? String(r.year)} is not one of the pool's years (${fys.map((f) => f.label).join(", ")}).`);
    checkPartner(r.partner, where);
    if (!Number.isInteger(r.years) || r.years < 1 || r.years > 30) throw invalidNumber(`${where}: repaid over ${r.years} years; give a whole number of years from 1 to 30.`);
    if ((r.share === undefined) === (r.amount === undefined)) throw invalidValue(`${where}: give either the share of its overspend repaid later or the amount, not ${r.share === undefined ? "neither" : "both"}.`);
    const share = r.share === undefined ? null : dec(r.share);
    if (share !== null && (share.lt(0) || share.gt(1))) throw invalidNumber(`${where}: the share deferred must be from 0% to 100%.`);
    const lender = r.lender ?? "RESERVE";
    if (lender !== "RESERVE") {
      checkPartner(lender, `${where} (lender)`);
      if (lender === r.partner) throw invalidValue(`${where}: ${label(r.partner)} cannot lend to itself; the lender is the reserve or another partner.`);
    } else if (!policy) throw invalidValue(`${where}: lent by the reserve, but the pool has no reserve: give the reserve (its opening balance), or a partner as the lender.`);
    return { at, partner: r.partner, share, amount: r.amount === undefined ? null : roundPenny(r.amount), years: r.years, lender, instalments: [] as Decimal[] };
  });

  let balance = opening;
  let advanceBack: { partner: number; line: number; amount: Decimal }[] = [];
  const owed = names.map(() => ZERO);
  const owedTo = names.map(() => ZERO);
  const years: YearStatement[] = pool.years.map((py, k) => {
    const fy = fys[k];
    const where = fy.label;
    // 1. Contributions with dated changes; last year's advances taken back.
    const changesBy = py.lines.map(() => names.map(() => [] as Decimal[]));
    const contingencies = names.map(() => ZERO);
    const applied: YearStatement["changes"] = [];
    const lineOf = (line: number | undefined, w: string) => {
      const l = line ?? 0;
      if (!Number.isInteger(l) || l < 0 || l >= py.lines.length) throw invalidNumber(`${w}: the line must be a line number from 1 to ${py.lines.length}; got ${l + 1}.`);
      return l;
    };
    const nextAdvances: typeof advanceBack = [];
    for (const a of advanceBack) {
      const l = Math.min(a.line, py.lines.length - 1);
      changesBy[l][a.partner].push(a.amount.negated());
      applied.push({ date: `${fy.start}-04-01`, partner: names[a.partner], line: py.lines[l].name, kind: "ADVANCE", amount: a.amount.negated(), note: "advance from this year taken back" });
    }
    [...(py.changes ?? [])]
      .map((c, j) => ({ c, j }))
      .sort((a, b) => a.c.date.localeCompare(b.c.date) || a.j - b.j)
      .forEach(({ c, j }) => {
        const w = `${where}, change ${j + 1}`;
        checkPartner(c.partner, w);
        if (!(CHANGE_KINDS as readonly string[]).includes(c.kind)) throw invalidValue(`${w}: "${String(c.kind)}" is not a kind of change. Use one of: ${CHANGE_KINDS.join(", ")}.`);
        if (yearOfDate(c.date, w) !== fy.start) throw invalidValue(`${w}: ${c.date} is not in ${fy.label} (1 April ${fy.start} to 31 March ${fy.start + 1}).`);
        const amount = roundPenny(c.amount);
        if (amount.lt(0)) throw invalidNumber(`${w}: give the amount as a positive figure (${pounds(amount)}); the kind says which way it goes.`);
        const l = c.kind === "CONTINGENCY" ? 0 : lineOf(c.line, w);
        if (c.kind === "CONTINGENCY") contingencies[c.partner] = contingencies[c.partner].plus(amount);
        else {
          const signed = c.kind === "VIREMENT_OUT" ? amount.negated() : amount;
          changesBy[l][c.partner].push(signed);
          if (c.kind === "ADVANCE") nextAdvances.push({ partner: c.partner, line: l, amount });
        }
        applied.push({ date: c.date, partner: names[c.partner], line: c.kind === "CONTINGENCY" ? "" : py.lines[l].name, kind: c.kind, amount: c.kind === "VIREMENT_OUT" ? amount.negated() : amount, note: c.note ?? "" });
      });
    advanceBack = nextAdvances;
    // Planned draws fund a line's spending: income to that line from the reserve.
    const drawsBy = py.lines.map(() => ZERO);
    (py.reserveDraws ?? []).forEach((d, j) => {
      const l = lineOf(d.line, `${where}, reserve draw ${j + 1}`);
      const amount = roundPenny(d.amount);
      if (amount.lt(0)) throw invalidNumber(`${where}, reserve draw ${j + 1}: give the amount as a positive figure.`);
      drawsBy[l] = drawsBy[l].plus(amount);
    });
    const plannedDraws = sum(drawsBy);
    if (plannedDraws.gt(0) && !policy) throw invalidValue(`${where}: a draw on the reserve, but the pool has no reserve: give the reserve (its opening balance).`);
    if (plannedDraws.gt(balance)) throw invalidValue(`${where}: planned draws of ${pounds(plannedDraws)} are more than the reserve holds (${pounds(balance)}).`);
    const lines: ServiceLine[] = py.lines.map((l, li) => ({
      ...l,
      contributions: l.contributions.map((c, i) => ({ base: c.base, changes: [...(c.changes ?? []), ...changesBy[li][i]] })),
      ...(drawsBy[li].gt(0)
        ? { income: { budget: dec(l.income?.budget ?? 0).plus(drawsBy[li]), actual: dec(l.income?.actual ?? 0).plus(drawsBy[li]), bornBy: l.income?.bornBy ?? null } }
        : {}),
    }));
    let statement: PoolStatement;
    try {
      statement = settlePool({ partners: names, lines, arrangement: py.arrangement, fixedShares: py.fixedShares });
    } catch (e) {
      if (e instanceof Error) e.message = `${where}: ${e.message}`;
      throw e;
    }
    const open = balance;
    const detail: ReserveYear["detail"] = [];
    let topUps = ZERO;
    let draws = plannedDraws;
    if (plannedDraws.gt(0)) detail.push({ label: "Planned draws to fund spending", amount: plannedDraws.negated() });
    balance = balance.minus(plannedDraws);

    const before = statement.partners.map((a) => a.varianceBorne);
    const total = sum(before);
    // 2. The reserve meets an overspend first.
    let metByReserve = names.map(() => ZERO);
    if (drawOnOverspend && total.gt(0) && balance.gt(0)) {
      const draw = total.lte(balance) ? total : balance;
      metByReserve = spread(draw, before.map((b) => (b.gt(0) ? b : ZERO))).map((x) => x.negated());
      balance = balance.minus(draw);
      draws = draws.plus(draw);
      detail.push({ label: "Overspend met", amount: draw.negated() });
    }
    let after = before.map((b, i) => b.plus(metByReserve[i]));
    // 3. A partner's contingency, after the reserve.
    const contingency = names.map(() => ZERO);
    contingencies.forEach((c, holder) => {
      const left = sum(after);
      if (c.isZero() || !left.gt(0)) return;
      const used = c.lte(left) ? c : left;
      const relief = spread(used, after.map((b) => (b.gt(0) ? b : ZERO)));
      relief.forEach((r, i) => (contingency[i] = contingency[i].minus(r)));
      contingency[holder] = contingency[holder].plus(used);
      after = after.map((b, i) => b.minus(relief[i]).plus(i === holder ? used : ZERO));
    });
    // 4. An underspend tops the reserve up.
    const toReserve = names.map(() => ZERO);
    const net = sum(after);
    if (policy && net.lt(0) && topUpShare.gt(0)) {
      let keep = roundPenny(net.negated().times(topUpShare));
      if (ceiling !== null) keep = keep.lte(ceiling.minus(balance)) ? keep : ceiling.minus(balance).gt(0) ? ceiling.minus(balance) : ZERO;
      if (keep.gt(0)) {
        spread(keep, after.map((b) => (b.lt(0) ? b : ZERO))).forEach((x, i) => (toReserve[i] = x));
        after = after.map((b, i) => b.plus(toReserve[i]));
        balance = balance.plus(keep);
        topUps = topUps.plus(keep);
        detail.push({ label: "Underspend kept", amount: keep });
      }
    }
    // 5. Deferrals under repayment schedules starting this year.
    const deferred = names.map(() => ZERO);
    const lent = names.map(() => ZERO);
    for (const r of repayments.filter((x) => x.at === k)) {
      const bears = after[r.partner].plus(deferred[r.partner]);
      if (!bears.gt(0)) throw invalidValue(`${where}: ${label(r.partner)} bears no overspend (${pounds(bears)}), so there is nothing to repay over ${r.years} years.`);
      const amount = r.amount ?? roundPenny(bears.times(r.share as Decimal));
      if (amount.gt(bears)) throw invalidValue(`${where}: ${label(r.partner)} would defer ${pounds(amount)}, more than the ${pounds(bears)} it bears.`);
      if (r.lender === "RESERVE") {
        if (amount.gt(balance)) throw invalidValue(`${where}: the reserve holds ${pounds(balance)}, not enough to lend ${label(r.partner)} ${pounds(amount)}: lend less, or name a partner as the lender.`);
        balance = balance.minus(amount);
        draws = draws.plus(amount);
        detail.push({ label: `Lent to ${label(r.partner)} (repaid over ${r.years} years)`, amount: amount.negated() });
      } else lent[r.lender] = lent[r.lender].plus(amount);
      deferred[r.partner] = deferred[r.partner].minus(amount);
      owed[r.partner] = owed[r.partner].plus(amount);
      if (r.lender !== "RESERVE") owedTo[r.lender] = owedTo[r.lender].plus(amount);
      r.instalments = allocate(amount, Array.from({ length: r.years }, () => 1));
    }
    // 6. Instalments due this year (schedules from earlier years), and planned top-ups.
    const repaid = names.map(() => ZERO);
    const repaidToIt = names.map(() => ZERO);
    for (const r of repayments.filter((x) => x.at < k && k - x.at <= x.years)) {
      const due = r.instalments[k - r.at - 1];
      repaid[r.partner] = repaid[r.partner].plus(due);
      owed[r.partner] = owed[r.partner].minus(due);
      if (r.lender === "RESERVE") {
        balance = balance.plus(due);
        topUps = topUps.plus(due);
        detail.push({ label: `Repaid by ${label(r.partner)}`, amount: due });
      } else {
        repaidToIt[r.lender] = repaidToIt[r.lender].minus(due);
        owedTo[r.lender] = owedTo[r.lender].minus(due);
      }
    }
    const reserveTopUp = names.map(() => ZERO);
    (py.reserveTopUps ?? []).forEach((t, j) => {
      checkPartner(t.partner, `${where}, reserve top-up ${j + 1}`);
      if (!policy) throw invalidValue(`${where}: a top-up of the reserve, but the pool has no reserve: give the reserve (its opening balance).`);
      const amount = roundPenny(t.amount);
      if (amount.lt(0)) throw invalidNumber(`${where}, reserve top-up ${j + 1}: give the amount as a positive figure.`);
      reserveTopUp[t.partner] = reserveTopUp[t.partner].plus(amount);
      balance = balance.plus(amount);
      topUps = topUps.plus(amount);
      detail.push({ label: `Top-up paid by ${label(t.partner)}`, amount });
    });

    const partners = names.map((partner, i): PartnerYear => {
      const a = statement.partners[i];
      const aligned = statement.aligned ? statement.aligned.partners[i].varianceBorne : ZERO;
      const borne = after[i];
      const settlement = borne.plus(aligned).plus(deferred[i]).plus(lent[i]).plus(repaid[i]).plus(repaidToIt[i]).plus(reserveTopUp[i]);
      return {
        partner,
        contribution: a.contribution,
        changes: a.changes,
        varianceBorne: a.varianceBorne,
        metByReserve: metByReserve[i],
        contingency: contingency[i],
        toReserve: toReserve[i],
        borne,
        aligned,
        deferred: deferred[i],
        lent: lent[i],
        repaid: repaid[i],
        repaidToIt: repaidToIt[i],
        reserveTopUp: reserveTopUp[i],
        settlement,
        owedAtEnd: owed[i],
        owedToItAtEnd: owedTo[i],
      };
    });
    const reserve: ReserveYear | null = policy ? { opening: open, topUps, draws, closing: balance, detail } : null;
    return { year: fy, statement, partners, reserve, changes: applied };
  });

  return {
    partners: names,
    years,
    totals: names.map((partner, i) => ({
      partner,
      contribution: sum(years.map((y) => y.partners[i].contribution)),
      borne: sum(years.map((y) => y.partners[i].borne)),
      aligned: sum(years.map((y) => y.partners[i].aligned)),
      settlement: sum(years.map((y) => y.partners[i].settlement)),
    })),
    outstanding: owed,
    advancesOutstanding: names.map((_, i) => sum(advanceBack.filter((a) => a.partner === i).map((a) => a.amount))),
  };
}

/**
 * A reserve's ledger, year by year: closing = opening + top-ups − draws, each year opening where
 * the last closed. A year's draws may use that year's top-ups; a reserve never goes below zero.
 * @param topUps, draws One amount per year (≥ 0), the same number.
 * @throws EngineError naming the year whose draws are more than the reserve holds.
 */
export function reserveLedger(opening: DecimalInput, topUps: readonly DecimalInput[], draws: readonly DecimalInput[], labels: readonly string[]): ReserveYear[] {
  if (topUps.length !== draws.length) throw invalidValue(`Give one top-up and one draw per year: ${topUps.length} top-ups, ${draws.length} draws.`);
  let balance = roundPenny(opening);
  if (balance.lt(0)) throw invalidNumber(`The opening balance is ${pounds(balance)}: a reserve cannot be below zero.`);
  return topUps.map((t, k) => {
    const up = roundPenny(t);
    const down = roundPenny(draws[k]);
    if (up.lt(0) || down.lt(0)) throw invalidNumber(`${labels[k]}: give top-ups and draws as positive amounts.`);
    const open = balance;
    if (down.gt(open.plus(up)))
      throw invalidNumber(`${labels[k]}: draws of ${pounds(down)} are more than the reserve holds (${pounds(open)} + top-ups ${pounds(up)} = ${pounds(open.plus(up))}).`);
    balance = open.plus(up).minus(down);
    return { opening: open, topUps: up, draws: down, closing: balance, detail: [] };
  });
}
