import { sum, ZERO, type Decimal } from "../money";
import { allocate } from "../allocate";
import type { VarianceShare } from "./riskShare";
import { splitTable } from "./table";

/**
 * The gross view of a pool settled as a whole (WATERFALL): what each partner's money did on each
 * line, with the underspends on some lines that met the overspends on others shown where they went,
 * instead of netted away.
 *
 * - An underspent line's underspend belongs to the partners who fund that line, in proportion to
 *   what each put into it. The part of it that met overspends elsewhere is theirs; the part left
 *   over (a net underspend of the pool) is shared by the agreement's underspend rule.
 * - Every overspent line's overspend is met, in proportion to its size, from each source: each
 *   partner's underspends used and its part of what was left to share, the underspends available
 *   outside the lines and the risk pool.
 *
 * So a partner's figure on a line is what its money bore of that line's variance (overspend
 * positive): its figures on all lines add up to its variance borne, and each line's figures plus
 * what the risk pool and outside underspends met add up to the line's variance, to the penny.
 */
export interface GrossLines {
  /** Per line, per partner, in £, overspend positive. */
  borne: Decimal[][];
  /** Per line: what the risk pool met. */
  riskPool: Decimal[];
  /** Per line: what underspends outside the lines met. */
  underspendsElsewhere: Decimal[];
}

/**
 * @param contributions Per line, per partner (after in-year changes).
 * @param variances Per line, expenditure − contributions.
 * @param net How the pool's net variance was shared (after lines' underspends met lines' overspends).
 */
export function grossWaterfall(contributions: readonly (readonly Decimal[])[], variances: readonly Decimal[], net: VarianceShare): GrossLines {
  const n = net.parts.length;
  const lines = variances.length;
  const borne = variances.map(() => Array.from({ length: n }, () => ZERO));
  const riskPool = variances.map(() => ZERO);
  const elsewhere = variances.map(() => ZERO);
  const over = variances.map((v, l) => l).filter((l) => variances[l].gt(0));
  const under = variances.map((v, l) => l).filter((l) => variances[l].lt(0));
  const overspends = sum(over.map((l) => variances[l]));
  const underspends = sum(under.map((l) => variances[l].negated()));
  const size = (xs: readonly Decimal[]) => xs.map((x) => x.abs());
  // Each underspend's funders: a line's underspend split by what each partner put into it.
  const byFunders = (amount: Decimal, l: number) => allocate(amount, contributions[l]);

  /** Spreads each source row over the overspent lines in proportion to their overspends. */
  const meetOverspends = (partnerMoney: readonly Decimal[], extra: readonly Decimal[]) => {
    if (over.length === 0 || overspends.isZero()) return;
    const table = splitTable([...partnerMoney, ...extra], over.map((l) => variances[l]));
    over.forEach((l, k) => {
      for (let i = 0; i < n; i++) borne[l][i] = table[i][k];
      underspendsOrPool(l, table[n][k], table[n + 1][k]);
    });
  };
  const underspendsOrPool = (l: number, fromElsewhere: Decimal, fromPool: Decimal) => {
    elsewhere[l] = fromElsewhere;
    riskPool[l] = fromPool;
  };

  if (overspends.gte(underspends)) {
    // Every line underspend met overspends: it is its funders' money, all of it used.
    const used = Array.from({ length: n }, () => ZERO);
    under.forEach((l) =>
      byFunders(variances[l].negated(), l).forEach((p, i) => {
        borne[l][i] = p.negated();
        used[i] = used[i].plus(p);
      }),
    );
    meetOverspends(
      used.map((u, i) => u.plus(net.parts[i])),
      [net.underspendsElsewhere, net.riskPool],
    );
  } else {
    // The overspends took part of each line underspend (in proportion to its size); the rest is the
    // pool's net underspend, shared by the agreement (net.parts, all ≤ 0), line by line.
    const taken = overspends.isZero() ? under.map(() => ZERO) : allocate(overspends, under.map((l) => variances[l].negated()));
    const used = Array.from({ length: n }, () => ZERO);
    const takenBy = under.map((l, k) => byFunders(taken[k], l));
    takenBy.forEach((parts) => parts.forEach((p, i) => (used[i] = used[i].plus(p))));
    const left = under.map((l, k) => variances[l].negated().minus(taken[k]));
    const shared = splitTable(size(net.parts), left);
    under.forEach((l, k) => {
      for (let i = 0; i < n; i++) borne[l][i] = takenBy[k][i].plus(shared[i][k]).negated();
    });
    meetOverspends(used, [ZERO, ZERO]);
  }
  for (let l = 0; l < lines; l++) borne[l] = borne[l].map((x) => (x.isZero() ? ZERO : x));
  return { borne, riskPool, underspendsElsewhere: elsewhere };
}
