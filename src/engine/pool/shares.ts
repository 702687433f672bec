import { invalidNumber, invalidValue } from "../errors";
import { dec, sum, type Decimal, type DecimalInput } from "../money";
import { percent, pounds } from "./format";
import { partnerLabel } from "./riskShare";

/** Fixed shares may miss 100% by this much (1/3 entered as =1/3 in three cells). */
const TOLERANCE = dec("1e-9");

/**
 * Each partner's share of the pool, as a fraction: its contribution ÷ all contributions, or the
 * fixed shares set in the agreement. Shares are not rounded (they are ratios, not money); money is
 * split by them with `allocate`.
 *
 * @param contributions £ per partner (base plus in-year changes), none negative.
 * @param fixedShares Fractions per partner adding up to 1 (100%), or null for shares by contribution.
 * @throws EngineError for negative contributions, contributions adding up to zero (without fixed
 *   shares), or fixed shares that are negative, the wrong number, or do not add up to 100%.
 */
export function poolShares(contributions: readonly DecimalInput[], fixedShares?: readonly DecimalInput[] | null, names?: readonly string[]): Decimal[] {
  const c = contributions.map(dec);
  if (c.length === 0) throw invalidValue("There are no partners: give one contribution per partner.");
  const negative = c.findIndex((x) => x.lt(0));
  if (negative >= 0) throw invalidNumber(`A contribution cannot be negative; ${partnerLabel(names, negative)} has ${pounds(c[negative])}.`);
  if (fixedShares) {
    const f = fixedShares.map(dec);
    if (f.length !== c.length)
      throw invalidValue(`Give one fixed share per partner: there are ${c.length} partners and ${f.length} fixed shares.`);
    const neg = f.findIndex((x) => x.lt(0));
    if (neg >= 0) throw invalidNumber(`A fixed share cannot be negative; ${partnerLabel(names, neg)} has ${percent(f[neg])}.`);
    const total = sum(f);
    if (total.minus(1).abs().gt(TOLERANCE)) {
      const hint = total.eq(100) ? " Type them as percentages (60%) or fractions (0.6), not as 60." : "";
      throw invalidValue(`The fixed shares add up to ${percent(total)}, not 100%: change them so they add up to 100%.${hint}`);
    }
    return f;
  }
  const total = sum(c);
  if (total.isZero()) throw invalidValue("The contributions add up to zero, so there are no shares: give the contributions, or fixed shares.");
  return c.map((x) => x.dividedBy(total));
}
