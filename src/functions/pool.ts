import { invalidValue } from "../engine/errors";
import { D, sum, type Decimal } from "../engine/money";
import { allocate as allocatePence } from "../engine/allocate";
import {
  parseArrangement,
  parseArrangements,
  reserveLedger as reserveLedgerOf,
  settleYears,
  type RepaymentSchedule,
  type ReservePolicy,
  poolShares as sharesOf,
  settlePool,
  shareVariance,
  type Arrangement,
  type PoolStatement,
} from "../engine/pool";
import { financialYear, parseFinancialYear } from "../engine/years";
import { isOmitted, matrix, num, scalar, type Cell } from "./args";
import { excelCall } from "./excelErrors";

/**
 * Pooled budgets (Section 75 agreements, the Better Care Fund): penny-exact splits, shares of the
 * pool, the risk share of an over- or underspend, and each partner's memorandum account.
 * Sign convention: a variance is expenditure minus contributions, so an overspend is positive and
 * an underspend negative; what a partner bears has the sign of the variance.
 * Ranges are read row by row; spilled results keep the shape of the range given (column in,
 * column out). Only custom functions are exported from this module (the registry exposes every
 * export). See docs/pools.md.
 */

/**
 * The largest amount of money taken, in £. Results are Excel numbers, exact to the penny only
 * below about £90 trillion (2^53 pence); the largest pooled budgets are a few £bn.
 */
const MAX_MONEY = 1e13;
const MONEY = { min: -MAX_MONEY, max: MAX_MONEY };
const NON_NEGATIVE_MONEY = { min: 0, max: MAX_MONEY };

/** A range (a single value is a 1×1 range). */
function range(v: unknown, name: string): Cell[][] {
  return matrix(v, name);
}

/** Where cell k (0-based, row by row) of a range is, for messages. */
function where(m: Cell[][], k: number): string {
  const width = m[0].length;
  const r = Math.floor(k / width) + 1;
  const c = (k % width) + 1;
  if (m.length === 1 && width === 1) return "";
  if (width === 1) return ` (row ${r})`;
  if (m.length === 1) return ` (column ${c})`;
  return ` (row ${r}, column ${c})`;
}

/** The numbers in a range, row by row; a blank cell is 0, or an error where a figure must be given. */
function numbers(m: Cell[][], name: string, rule: { min?: number; max?: number }, blank: "zero" | "error" = "zero"): Decimal[] {
  return m.flat().map((c, k) => {
    if (!isOmitted(c)) return num(c, `${name}${where(m, k)}`, rule);
    if (blank === "error") throw invalidValue(`${name}${where(m, k)} is empty: give the figure (0 if it is nothing).`);
    return new D(0);
  });
}

/** Values laid out in the shape of a range, row by row. */
function shaped<T>(values: readonly T[], like: Cell[][]): T[][] {
  const width = like[0].length;
  return like.map((_, r) => values.slice(r * width, (r + 1) * width));
}

/** A money figure for a cell: exact pence, and 0 rather than -0. */
function money(d: Decimal): number {
  return d.isZero() ? 0 : d.toNumber();
}

/** The method argument: one cell. */
function methodCell(v: unknown): Cell {
  if (Array.isArray(v) && !(v.length === 1 && Array.isArray(v[0]) && (v[0] as unknown[]).length === 1))
    throw invalidValue('method must be a single cell, e.g. "PROPORTIONAL", or "CAPPED/PROPORTIONAL" for a different underspend method.');
  return scalar(v, "method");
}

/** The parameter cells, row by row; none when omitted. */
function parameterCells(v: unknown): Cell[] {
  return isOmitted(v) ? [] : range(v, "parameters").flat();
}

/**
 * Splits an amount between parts in proportion to weights, to the penny (largest remainder): the parts always add up to the amount. Ties for a spare penny go to the larger weight, then to the earlier cell.
 * @customfunction
 * @helpurl https://localhost:3000/help/allocate.html
 * @param amount The amount to split, in £ (e.g. a pooled budget or an overspend); rounded to the penny first.
 * @param weights A range of weights, none negative (e.g. contributions); blank cells count as 0. The result has the same shape.
 * @returns The parts in £, spilled in the shape of weights.
 */
export function allocate(amount: any, weights: any[][]): number[][] {
  return excelCall(() => {
    const a = num(amount, "amount", MONEY);
    const m = range(weights, "weights");
    // Weights are shares of the amount, never negative: the same rule as POOLSHARES' contributions.
    const w = m.flat().map((c, k) => (isOmitted(c) ? new D(0) : num(c, `weights${where(m, k)}`, { min: 0 })));
    if (sum(w).isZero()) {
      if (a.isZero()) return shaped(w.map(() => 0), m);
      throw invalidValue("The weights add up to zero, so there is nothing to split the amount in proportion to: give at least one weight above zero.");
    }
    return shaped(allocatePence(a, w).map(money), m);
  });
}

/**
 * Each partner's share of a pooled budget, as a fraction: its contribution divided by all the contributions, or the fixed shares set in the agreement.
 * @customfunction
 * @helpurl https://localhost:3000/help/poolshares.html
 * @param contributions Each partner's contribution in £ (base plus in-year changes), one cell per partner; blank counts as 0.
 * @param [fixedShares] Fixed shares from the agreement, one per partner in the same order, adding up to 100% (e.g. 60% and 40%). When given, these are the shares.
 * @returns The shares as fractions (format as %), spilled in the shape of contributions.
 */
export function poolShares(contributions: any[][], fixedShares?: any[][]): number[][] {
  return excelCall(() => {
    const m = range(contributions, "contributions");
    const c = numbers(m, "contributions", NON_NEGATIVE_MONEY);
    let fixed: Decimal[] | null = null;
    if (!isOmitted(fixedShares)) {
      const f = range(fixedShares, "fixedShares");
      fixed = numbers(f, "fixedShares", { min: 0 });
    }
    return shaped(sharesOf(c, fixed).map((s) => s.toNumber()), m);
  });
}

/**
 * What each partner bears of an overspend (positive) or underspend (negative) under the pool's risk-share clause, to the penny: PROPORTIONAL, FIXED, LEAD, CAPPED, TIERED, RISKPOOL, OWN or WATERFALL, or "OVER/UNDER" for two.
 * @customfunction
 * @helpurl https://localhost:3000/help/riskshare.html
 * @param variance The variance in £: expenditure minus contributions, an overspend positive, an underspend negative.
 * @param contributions Each partner's contribution in £, one cell per partner (a column or a row); blank counts as 0.
 * @param [method] PROPORTIONAL (default), FIXED, LEAD, CAPPED, TIERED, RISKPOOL, OWN or WATERFALL; "CAPPED/PROPORTIONAL" uses the first for an overspend, the second for an underspend. Each method is explained on the help page.
 * @param [parameters] Cells read in order, by method. FIXED: a percentage per partner. LEAD: the partner's number. CAPPED: a cap per partner. TIERED: limit, method, …. RISKPOOL: risk pool £. OWN: each partner's variance. WATERFALL: underspends, risk pool. See the help page.
 * @returns What each partner bears in £, with the sign of the variance, spilled in the shape of contributions. With a risk pool or underspends elsewhere, the parts add up to the variance less what they absorb.
 */
export function riskShare(variance: any, contributions: any[][], method?: any, parameters?: any[][]): number[][] {
  return excelCall(() => {
    const v = num(variance, "variance", MONEY);
    const m = range(contributions, "contributions");
    const c = numbers(m, "contributions", NON_NEGATIVE_MONEY);
    const arrangement = parseArrangement(methodCell(method), parameterCells(parameters), { partners: c.length, ownAmounts: true });
    const share = shareVariance(v, arrangement, { weights: c, contributions: c });
    return shaped(share.parts.map(money), m);
  });
}

/** A pool read from worksheet ranges: partners down a column (or along a row), service lines across. */
interface PoolArgs {
  names: string[];
  statement: PoolStatement;
  /** Whether partners run down the rows of contributions (else along its columns). */
  partnersDown: boolean;
  contributions: Cell[][];
}

function poolArgs(partners: unknown, contributions: unknown, expenditure: unknown, method: unknown, parameters: unknown, changes: unknown, fixedShares: unknown): PoolArgs {
  const p = range(partners, "partners");
  if (p.length > 1 && p[0].length > 1)
    throw invalidValue(`partners must be a single column or row of names; got ${p.length} rows by ${p[0].length} columns.`);
  const names = p.flat().map((c, k) => {
    if (isOmitted(c)) throw invalidValue(`partners${where(p, k)} is empty: give every partner a name.`);
    if (typeof c === "boolean") throw invalidValue(`partners${where(p, k)} must be a name, not ${c ? "TRUE" : "FALSE"}.`);
    if (typeof c === "number" && !Number.isFinite(c)) throw invalidValue(`partners${where(p, k)} is not a valid name.`);
    return String(c).trim();
  });
  const n = names.length;

  const cm = range(contributions, "contributions");
  // Partners run the same way in contributions as in the partners range; service lines run across.
  // With one partner, a single row of contributions is one partner's lines.
  const preferDown = p.length > 1 || (p[0].length === 1 && (n > 1 || cm.length === 1));
  const fits = (down: boolean) => (down ? cm.length : cm[0].length) === n;
  if (!fits(preferDown) && !fits(!preferDown))
    throw invalidValue(
      `contributions must have one ${preferDown ? "row" : "column"} per partner (${n}), with one ${preferDown ? "column" : "row"} per service line; got ${cm.length} row(s) by ${cm[0].length} column(s).`,
    );
  const partnersDown = fits(preferDown) ? preferDown : !preferDown;
  const lineCount = partnersDown ? cm[0].length : cm.length;
  const base = numbers(cm, "contributions", NON_NEGATIVE_MONEY);
  let change: Decimal[] | null = null;
  if (!isOmitted(changes)) {
    const ch = range(changes, "changes");
    if (ch.length !== cm.length || ch[0].length !== cm[0].length)
      throw invalidValue(`changes must be the same shape as contributions (${cm.length} by ${cm[0].length}); got ${ch.length} by ${ch[0].length}.`);
    change = numbers(ch, "changes", MONEY);
  }
  const at = (i: number, l: number) => (partnersDown ? i * cm[0].length + l : l * cm[0].length + i);

  const em = range(expenditure, "expenditure");
  if (em.length > 1 && em[0].length > 1) throw invalidValue("expenditure must be a single row or column, one figure per service line.");
  // A blank is more likely a figure not yet entered than nothing spent: say so rather than show a large underspend.
  const spend = numbers(em, "expenditure", NON_NEGATIVE_MONEY, "error");
  if (spend.length !== lineCount)
    throw invalidValue(`Give one expenditure figure per service line: contributions have ${lineCount} line(s), expenditure has ${spend.length}.`);

  const methods = isOmitted(method) ? [null] : range(method, "method").flat();
  if (methods.length !== 1 && methods.length !== lineCount)
    throw invalidValue(`Give one method for the whole pool, or one per service line (${lineCount}); got ${methods.length}.`);
  // ALIGNED marks a line as an aligned budget (each partner bears its own); the other lines are pooled.
  const isAligned = (c: Cell) => typeof c === "string" && c.trim().toUpperCase() === "ALIGNED";
  const aligned = methods.length === 1 ? Array.from({ length: lineCount }, () => isAligned(methods[0])) : methods.map(isAligned);
  const pooledMethods = methods.filter((c) => !isAligned(c));
  // The same text on every pooled line is one method for the pool (WATERFALL settles the pooled lines as a whole), its parameters given once.
  const sameForAll = pooledMethods.length > 0 && pooledMethods.every((c) => typeof c === "string" && typeof pooledMethods[0] === "string" && c.trim().toUpperCase() === pooledMethods[0].trim().toUpperCase());
  const onePoolMethod = methods.length === 1 || (sameForAll && aligned.some((a) => a));
  const parsed = parseArrangements(onePoolMethod ? pooledMethods.slice(0, 1) : pooledMethods, parameterCells(parameters), { partners: n, names, ownAmounts: false });
  const poolArrangement: Arrangement | undefined = onePoolMethod ? parsed[0] : undefined;
  let next = 0;
  const arrangements = aligned.map((a) => (a || onePoolMethod ? undefined : parsed[next++]));

  let fixed: Decimal[] | null = null;
  if (!isOmitted(fixedShares)) fixed = numbers(range(fixedShares, "fixedShares"), "fixedShares", { min: 0 });

  const statement = settlePool({
    partners: names,
    lines: Array.from({ length: lineCount }, (_, l) => ({
      name: lineCount > 1 ? `Line ${l + 1}` : "the pool",
      contributions: names.map((_, i) => ({ base: base[at(i, l)], changes: change ? [change[at(i, l)]] : [] })),
      expenditure: spend[l],
      arrangement: arrangements[l],
      aligned: aligned[l],
    })),
    fixedShares: fixed,
    arrangement: poolArrangement,
  });
  return { names, statement, partnersDown, contributions: cm };
}

/**
 * Each partner's memorandum account for a pooled budget: contributions, share, share of expenditure, variance borne and closing position, with a header row and a Total row (the columns are listed on the help page).
 * @customfunction
 * @helpurl https://localhost:3000/help/poolaccount.html
 * @param partners The partners' names, a column (or a row), one per partner.
 * @param contributions Base contributions in £: one row per partner (when partners is a column), one column per service line; a single column for a pool without lines.
 * @param expenditure What was spent in £ (outturn or forecast): one figure per service line, or one for the pool (0 if nothing; an empty cell is an error).
 * @param [method] One method for the pool, or one per service line, as for RISKSHARE (default PROPORTIONAL): WATERFALL settles the whole pool, OWN gives each line's variance to its funders, ALIGNED (per line) leaves each partner its own. See the help page.
 * @param [parameters] The methods' parameters, cells read in order, as for RISKSHARE (one line's after another). LEAD may name the partner. OWN takes none.
 * @param [changes] In-year changes to contributions in £ (either sign), the same shape as contributions; blank counts as 0.
 * @param [fixedShares] Fixed shares from the agreement, one per partner, adding up to 100%. When given they are the partners' shares and PROPORTIONAL follows them.
 * @returns A table: a header row, one row per partner, then Underspends elsewhere and Risk pool rows where used, and a Total row (then each partner's aligned budgets and a Total aligned row, where lines are ALIGNED). Variance borne: overspend positive. Closing position: positive is due back to the partner, negative is due from it. Overspends met and Underspends: the gross view, line by line (under WATERFALL, a partner's underspend that met another line's overspend counts where it went); Share of overspends met: of all the lines' overspends.
 */
export function poolAccount(
  partners: any[][],
  contributions: any[][],
  expenditure: any[][],
  method?: any[][],
  parameters?: any[][],
  changes?: any[][],
  fixedShares?: any[][],
): any[][] {
  return excelCall(() => {
    const { statement: s } = poolArgs(partners, contributions, expenditure, method, parameters, changes, fixedShares);
    const rows: (string | number)[][] = [
      [
        "Partner",
        "Base contribution",
        "In-year changes",
        "Contribution",
        "Share",
        "Share of expenditure",
        "Variance borne",
        "Closing position",
        "Overspends met",
        "Underspends",
        "Share of overspends met",
      ],
    ];
    const overspends = sum(s.lines.map((l) => (!l.aligned && l.variance.gt(0) ? l.variance : new D(0))));
    const shareOf = (amount: Decimal) => (overspends.isZero() ? "" : amount.dividedBy(overspends).toNumber());
    for (const a of s.partners)
      rows.push([
        a.partner,
        money(a.base),
        money(a.changes),
        money(a.contribution),
        a.share.toNumber(),
        money(a.shareOfExpenditure),
        money(a.varianceBorne),
        money(a.closing),
        money(a.overspendsMet),
        money(a.underspends),
        shareOf(a.overspendsMet),
      ]);
    // Amounts met other than by the partners fund expenditure too, and are drawn (negative closing).
    const absorbedRow = (label: string, amount: Decimal) => [label, "", "", "", "", money(amount), money(amount), money(amount.negated()), money(amount), 0, shareOf(amount)];
    if (s.underspendsElsewhere !== null) rows.push(absorbedRow("Underspends elsewhere", s.underspendsElsewhere));
    if (s.riskPool !== null) rows.push(absorbedRow("Risk pool", s.riskPool));
    const t = s.total;
    rows.push([
      "Total",
      money(t.base),
      money(t.changes),
      money(t.contribution),
      sum(s.partners.map((a) => a.share)).toNumber(),
      money(t.expenditure),
      money(t.variance),
      money(t.contribution.minus(t.expenditure)),
      money(overspends),
      money(sum(s.partners.map((a) => a.underspends))),
      overspends.isZero() ? "" : 1,
    ]);
    if (s.aligned) {
      // Aligned budgets, apart: each partner's own lines, its own over- or underspend.
      for (const a of s.aligned.partners)
        rows.push([
          `${a.partner} (aligned)`,
          money(a.base),
          money(a.changes),
          money(a.contribution),
          a.share.toNumber(),
          money(a.shareOfExpenditure),
          money(a.varianceBorne),
          money(a.closing),
          money(a.overspendsMet),
          money(a.underspends),
          a.shareOfOverspends === null ? "" : a.shareOfOverspends.toNumber(),
        ]);
      const at = s.aligned.total;
      const alignedOver = sum(s.aligned.partners.map((a) => a.overspendsMet));
      rows.push([
        "Total aligned",
        money(at.base),
        money(at.changes),
        money(at.contribution),
        sum(s.aligned.partners.map((a) => a.share)).toNumber(),
        money(at.expenditure),
        money(at.variance),
        money(at.contribution.minus(at.expenditure)),
        money(alignedOver),
        money(sum(s.aligned.partners.map((a) => a.underspends))),
        alignedOver.isZero() ? "" : 1,
      ]);
    }
    return rows;
  });
}

/**
 * What each partner bears of each service line's over- or underspend (or, with show "SPENT", what its money paid for), in the shape of contributions: the trail behind POOLACCOUNT. Under WATERFALL, the gross view (see the help page).
 * @customfunction
 * @helpurl https://localhost:3000/help/poollines.html
 * @param partners The partners' names, a column (or a row), one per partner.
 * @param contributions Base contributions in £: one row per partner (when partners is a column), one column per service line.
 * @param expenditure What each service line spent in £: one figure per line.
 * @param [method] One method for the pool, or one per service line; as for POOLACCOUNT (default PROPORTIONAL).
 * @param [parameters] The methods' parameters, cells read in order, as for POOLACCOUNT.
 * @param [changes] In-year changes to contributions in £ (either sign), the same shape as contributions.
 * @param [fixedShares] Fixed shares from the agreement, one per partner, adding up to 100%.
 * @param [show] VARIANCE (default): each partner's part of each line's variance, overspend positive. SPENT: what each partner's money paid for on each line (its contribution plus its part of the variance).
 * @returns One figure per partner per line in £, spilled in the shape of contributions.
 */
export function poolLines(
  partners: any[][],
  contributions: any[][],
  expenditure: any[][],
  method?: any[][],
  parameters?: any[][],
  changes?: any[][],
  fixedShares?: any[][],
  show?: any,
): number[][] {
  return excelCall(() => {
    const view = showArg(show);
    const { statement: s, partnersDown, contributions: cm } = poolArgs(partners, contributions, expenditure, method, parameters, changes, fixedShares);
    return cm.map((row, r) =>
      row.map((_, c) => {
        const [i, l] = partnersDown ? [r, c] : [c, r];
        const line = s.lines[l];
        return money(view === "SPENT" ? line.contributions[i].plus(line.borne[i]) : line.borne[i]);
      }),
    );
  });
}

/** POOLLINES' show argument. */
function showArg(v: unknown): "VARIANCE" | "SPENT" {
  if (isOmitted(v)) return "VARIANCE";
  const c = scalar(v, "show");
  const t = typeof c === "string" ? c.trim().toUpperCase() : "";
  if (t === "" || t === "VARIANCE") return "VARIANCE";
  if (t === "SPENT" || t === "PAID") return "SPENT";
  throw invalidValue(`show must be VARIANCE (each partner's part of each line's variance) or SPENT (what its money paid for on each line); got ${typeof c === "string" ? `"${c}"` : String(c)}.`);
}

/** Year labels: a range of years, or one first year from which `count` years follow. */
function yearLabels(v: unknown, count: number, name: string): string[] {
  if (isOmitted(v)) return Array.from({ length: count }, (_, k) => `Year ${k + 1}`);
  const cells = range(v, name).flat();
  const years = cells.map((c, k) => {
    const fy = parseFinancialYear(c);
    if (!fy) throw invalidValue(`${name}${cells.length > 1 ? ` (cell ${k + 1})` : ""} is empty: give a financial year such as "2025/26".`);
    return fy;
  });
  if (years.length === 1 && count > 1) return Array.from({ length: count }, (_, k) => financialYear(years[0].start + k).label);
  if (years.length !== count) throw invalidValue(`Give one year per column of figures (${count}), or the first year only; got ${years.length}.`);
  years.forEach((fy, k) => {
    if (k > 0 && fy.start !== years[k - 1].start + 1)
      throw invalidValue(`The years must follow one another: ${years[k - 1].label} is followed by ${fy.label}, not ${financialYear(years[k - 1].start + 1).label}.`);
  });
  return years.map((fy) => fy.label);
}

/**
 * A reserve's ledger year by year: opening balance, top-ups, draws and closing balance (closing = opening + top-ups − draws), each year opening where the last closed.
 * @customfunction
 * @helpurl https://localhost:3000/help/reserveledger.html
 * @param opening The reserve's balance at the start of the first year, in £.
 * @param topUps What is put into the reserve each year, in £ (a row or column, one per year; blank = 0).
 * @param draws What is taken out each year, in £ (the same number of cells; blank = 0). A year's draws may use its top-ups; the reserve never goes below zero.
 * @param [years] The years, one per cell, or the first year only (e.g. "2024/25"); default Year 1, Year 2, …
 * @returns A table: a header row, then one row per year: Year, Opening, Top-ups, Draws, Closing.
 */
export function reserveLedger(opening: any, topUps: any[][], draws: any[][], years?: any[][]): any[][] {
  return excelCall(() => {
    const o = num(opening, "opening", NON_NEGATIVE_MONEY);
    const up = numbers(range(topUps, "topUps"), "topUps", NON_NEGATIVE_MONEY);
    const down = numbers(range(draws, "draws"), "draws", NON_NEGATIVE_MONEY);
    if (up.length !== down.length) throw invalidValue(`Give one top-up and one draw per year: topUps has ${up.length} cells, draws ${down.length}.`);
    if (up.length > 100) throw invalidValue(`A ledger of ${up.length} years is more than 100: give one cell per year.`);
    const labels = yearLabels(years, up.length, "years");
    const rows: (string | number)[][] = [["Year", "Opening", "Top-ups", "Draws", "Closing"]];
    reserveLedgerOf(o, up, down, labels).forEach((y, k) => rows.push([labels[k], money(y.opening), money(y.topUps), money(y.draws), money(y.closing)]));
    return rows;
  });
}

/** POOLYEARS' reserve argument: opening, share of an underspend kept, ceiling, whether overspends are met first. */
function reserveArg(v: unknown): ReservePolicy | null {
  if (isOmitted(v)) return null;
  const cells = range(v, "reserve").flat();
  while (cells.length > 0 && isOmitted(cells[cells.length - 1])) cells.pop();
  if (cells.length === 0) return null;
  if (cells.length > 4) throw invalidValue(`reserve takes up to 4 cells (opening balance, share of an underspend kept, ceiling, TRUE/FALSE: overspends met first); got ${cells.length}.`);
  const opening = isOmitted(cells[0]) ? new D(0) : num(cells[0], "reserve (opening balance)", NON_NEGATIVE_MONEY);
  const keep = cells.length < 2 || isOmitted(cells[1]) ? new D(0) : num(cells[1], "reserve (share of an underspend kept)", { min: 0, max: 1 });
  const ceiling = cells.length < 3 || isOmitted(cells[2]) ? null : num(cells[2], "reserve (ceiling)", NON_NEGATIVE_MONEY);
  let first = true;
  if (cells.length >= 4 && !isOmitted(cells[3])) {
    if (typeof cells[3] !== "boolean") throw invalidValue("reserve cell 4 says whether an overspend is met from the reserve first: TRUE or FALSE.");
    first = cells[3];
  }
  return { opening, topUpFromUnderspend: keep, ceiling, drawOnOverspend: first };
}

/** POOLYEARS' repayments: rows of year, partner (name or number), share deferred, years, [lender]. */
function repaymentsArg(v: unknown, names: readonly string[]): RepaymentSchedule[] {
  if (isOmitted(v)) return [];
  const m = range(v, "repayments");
  if (m[0].length < 4 || m[0].length > 5)
    throw invalidValue(`repayments has one row per schedule: year, partner, share deferred (e.g. 75%), years to repay, [lender: a partner, or blank for the reserve]; got ${m[0].length} columns.`);
  const partnerOf = (c: Cell, where: string): number => {
    if (typeof c === "number" && Number.isInteger(c) && c >= 1 && c <= names.length) return c - 1;
    const i = typeof c === "string" ? names.findIndex((nm) => nm.toLowerCase() === c.trim().toLowerCase()) : -1;
    if (i < 0) throw invalidValue(`${where}: "${String(c)}" is not one of the partners (${names.join(", ")}); give its name or number.`);
    return i;
  };
  return m
    .filter((row) => !row.every(isOmitted))
    .map((row, k) => {
      const where = `repayments (row ${k + 1})`;
      const year = parseFinancialYear(row[0]);
      if (!year) throw invalidValue(`${where}: give the year whose overspend is repaid later, e.g. "2024/25".`);
      const years = num(row[3], `${where} years`, { min: 1, max: 30, integer: true }).toNumber();
      return {
        year: year.label,
        partner: partnerOf(row[1], where),
        share: num(row[2], `${where} share`, { min: 0, max: 1 }),
        years,
        lender: row.length < 5 || isOmitted(row[4]) ? "RESERVE" : partnerOf(row[4], `${where} lender`),
      };
    });
}

/**
 * A pooled budget over several financial years, spilled: per year and partner, contribution, its part of the variance under that year's rule, reserve met or kept, repayments, what is due and still owed; then totals. show "RESERVE": the reserve's ledger.
 * @customfunction
 * @helpurl https://localhost:3000/help/poolyears.html
 * @param partners The partners' names, a column, one per partner.
 * @param years The financial years, a row (e.g. "2024/25", "2025/26"), or the first year only.
 * @param contributions Each partner's contribution each year in £: one row per partner, one column per year.
 * @param expenditure What the pool spent each year in £: one cell per year.
 * @param [methods] The risk-share method: one for every year, or one per year (rules change between years); as for RISKSHARE.
 * @param [parameters] The methods' parameters, cells read in order (one year's after another), as for RISKSHARE.
 * @param [reserve] Up to 4 cells: opening balance £, share of an underspend kept in the reserve (e.g. 100%), ceiling £ (blank = none), TRUE/FALSE: an overspend is met from the reserve first (default TRUE).
 * @param [changes] In-year changes to contributions in £ (either sign), the same shape as contributions.
 * @param [repayments] One row per schedule: year, partner (name or number), share of its overspend deferred (e.g. 75%), years to repay, [lender: a partner; blank = the reserve].
 * @param [show] PARTNERS (default): each partner's account by year. RESERVE: the reserve's ledger by year.
 * @returns A table with a header row. PARTNERS: Year, Partner, Contribution, Variance borne, Met by reserve, Kept in reserve, Borne, Deferred, Repaid, Due to (from) partner, Owed at year end; then All years rows. RESERVE: Year, Opening, Top-ups, Draws, Closing.
 */
export function poolYears(
  partners: any[][],
  years: any[][],
  contributions: any[][],
  expenditure: any[][],
  methods?: any[][],
  parameters?: any[][],
  reserve?: any[][],
  changes?: any[][],
  repayments?: any[][],
  show?: any,
): any[][] {
  return excelCall(() => {
    const view = isOmitted(show) ? "PARTNERS" : String(scalar(show, "show")).trim().toUpperCase();
    if (view !== "PARTNERS" && view !== "RESERVE") throw invalidValue(`show must be PARTNERS (each partner's account by year) or RESERVE (the reserve's ledger); got "${String(scalar(show, "show"))}".`);
    const p = range(partners, "partners");
    if (p[0].length > 1) throw invalidValue(`partners must be a single column of names, one per partner; got ${p[0].length} columns.`);
    const names = p.flat().map((c, k) => {
      if (isOmitted(c) || typeof c === "boolean") throw invalidValue(`partners${where(p, k)} must be a name.`);
      return String(c).trim();
    });
    const cm = range(contributions, "contributions");
    if (cm.length !== names.length) throw invalidValue(`contributions must have one row per partner (${names.length}) and one column per year; got ${cm.length} row(s).`);
    const count = cm[0].length;
    if (count > 50) throw invalidValue(`${count} years is more than 50: give one column per year.`);
    const labels = yearLabels(years, count, "years");
    const base = numbers(cm, "contributions", NON_NEGATIVE_MONEY);
    let change: Decimal[] | null = null;
    if (!isOmitted(changes)) {
      const ch = range(changes, "changes");
      if (ch.length !== cm.length || ch[0].length !== count) throw invalidValue(`changes must be the same shape as contributions (${cm.length} by ${count}); got ${ch.length} by ${ch[0].length}.`);
      change = numbers(ch, "changes", MONEY);
    }
    const spend = numbers(range(expenditure, "expenditure"), "expenditure", NON_NEGATIVE_MONEY, "error");
    if (spend.length !== count) throw invalidValue(`Give one expenditure figure per year (${count}); got ${spend.length}.`);
    const methodCells = isOmitted(methods) ? [null] : range(methods, "methods").flat();
    if (methodCells.length !== 1 && methodCells.length !== count) throw invalidValue(`Give one method for every year, or one per year (${count}); got ${methodCells.length}.`);
    const arrangements = parseArrangements(methodCells, parameterCells(parameters), { partners: names.length, names, ownAmounts: false });
    const st = settleYears({
      partners: names,
      reserve: reserveArg(reserve),
      repayments: repaymentsArg(repayments, names),
      years: labels.map((year, k) => ({
        year,
        lines: [
          {
            name: "the pool",
            contributions: names.map((_, i) => ({ base: base[i * count + k], changes: change ? [change[i * count + k]] : [] })),
            expenditure: spend[k],
          },
        ],
        arrangement: arrangements.length === 1 ? arrangements[0] : arrangements[k],
      })),
    });
    if (view === "RESERVE") {
      if (st.years[0].reserve === null) throw invalidValue("The pool has no reserve: give its opening balance in reserve to see the ledger.");
      return [["Year", "Opening", "Top-ups", "Draws", "Closing"], ...st.years.map((y) => [y.year.label, money(y.reserve!.opening), money(y.reserve!.topUps), money(y.reserve!.draws), money(y.reserve!.closing)])];
    }
    const rows: (string | number)[][] = [
      ["Year", "Partner", "Contribution", "Variance borne", "Met by reserve", "Kept in reserve", "Borne", "Deferred", "Repaid", "Due to (from) partner", "Owed at year end"],
    ];
    for (const y of st.years)
      for (const a of y.partners)
        rows.push([
          y.year.label,
          a.partner,
          money(a.contribution),
          money(a.varianceBorne),
          money(a.metByReserve),
          money(a.toReserve),
          money(a.borne),
          money(a.deferred),
          money(a.repaid.plus(a.lent).plus(a.repaidToIt)),
          money(a.settlement.negated()),
          money(a.owedAtEnd),
        ]);
    st.partners.forEach((partner, i) => {
      const all = (f: (a: (typeof st.years)[number]["partners"][number]) => Decimal) => money(sum(st.years.map((y) => f(y.partners[i]))));
      rows.push([
        "All years",
        partner,
        all((a) => a.contribution),
        all((a) => a.varianceBorne),
        all((a) => a.metByReserve),
        all((a) => a.toReserve),
        all((a) => a.borne),
        all((a) => a.deferred),
        all((a) => a.repaid.plus(a.lent).plus(a.repaidToIt)),
        all((a) => a.settlement.negated()),
        money(st.outstanding[i]),
      ]);
    });
    return rows;
  });
}
