/**
 * A split built of slices (TIERED tiers, CAPPED's water-filling) is rounded once across the whole
 * amount (issue 13, item 5): every part is within a penny of its exact share and the parts add up
 * to the amount. The exact shares here are worked out independently of the engine.
 */
import fc from "fast-check";
import { D, sum, type Decimal } from "../../../src/engine/money";
import { both, settlePool, shareVariance, type SimpleRule, type SplitRule } from "../../../src/engine/pool";
import { riskShare } from "../../../src/functions/pool";
import { s } from "./helpers";

const RUNS = Number(process.env.PROPERTY_RUNS ?? 300);
const pennies = (p: number) => new D(p).dividedBy(100);
const PENNY = new D("0.01");

describe("TIERED keeps every part within a penny of its exact share", () => {
  test("issue 13's case: £0.05 in five tiers of a penny each, two equal partners, gives 0.03 / 0.02, not 0.05 / 0", () => {
    // Exact shares: each tier 0.01 × 1/2 = 0.005 to each partner; five tiers: 0.025 each.
    // Rounded once: 2p each, 1p left; equal remainders (.5p), equal contributions: the first listed.
    const tiers = [0.01, "PROPORTIONAL", 0.02, "PROPORTIONAL", 0.03, "PROPORTIONAL", 0.04, "PROPORTIONAL", "PROPORTIONAL"];
    expect(riskShare(0.05, [[1], [1]], "TIERED", [tiers])).toEqual([[0.03], [0.02]]);
  });

  test("three tiers that each leave a third of a penny: the spare pennies spread, not piled on one partner", () => {
    // Partners 1, 1, 1 (equal). Variance £0.10: tier 1 up to £0.01 → 1/3p each; up to £0.02 → 1/3p each; rest £0.08 → 8/3p each.
    // Exact share each: (1 + 1 + 8)/3 = 10/3p = 3.333…p. Rounded once: 3p each, 1p left to the first: 4p, 3p, 3p.
    // (Rounded per tier, the first partner would take the spare penny of each of the two first tiers and the rest: 1+1+3 = 5p.)
    const rule: SplitRule = {
      method: "TIERED",
      tiers: [
        { upTo: new D("0.01"), rule: { method: "PROPORTIONAL" } },
        { upTo: new D("0.02"), rule: { method: "PROPORTIONAL" } },
      ],
      rest: { method: "PROPORTIONAL" },
    };
    const c = [new D(1), new D(1), new D(1)];
    expect(s(shareVariance("0.10", both(rule), { weights: c, contributions: c }).parts)).toEqual(["0.04", "0.03", "0.03"]);
  });
});

/** Exact shares of one slice, worked out here from the rule's definition. */
function exactSlice(v: Decimal, rule: SimpleRule, w: readonly Decimal[]): Decimal[] {
  if (rule.method === "LEAD") return w.map((_, i) => (i === rule.partner ? v : new D(0)));
  const basis = rule.method === "FIXED" ? rule.percentages : w;
  const total = sum(basis);
  return basis.map((x) => v.times(x).dividedBy(total));
}

/** CAPPED's exact shares by bisection on λ: each bears min(cap, λ × weight), adding up to |v|. */
function exactCapped(v: Decimal, w: readonly Decimal[], caps: readonly (Decimal | null)[]): Decimal[] {
  const size = v.abs();
  const at = (lambda: Decimal) => w.map((x, i) => {
    const p = lambda.times(x);
    const cap = caps[i];
    return cap !== null && p.gt(cap) ? cap : p;
  });
  let lo = new D(0);
  let hi = new D(1);
  while (sum(at(hi)).lt(size)) hi = hi.times(2);
  for (let k = 0; k < 200; k++) {
    const mid = lo.plus(hi).dividedBy(2);
    if (sum(at(mid)).lt(size)) lo = mid;
    else hi = mid;
  }
  return at(hi).map((p) => (v.lt(0) ? p.negated() : p));
}

describe("property: every split's parts are each within a penny of the exact share and add up to the whole", () => {
  const partners = fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 1e9 })), { minLength: 1, maxLength: 5 }).filter((w) => w.some((x) => x > 0));
  const amount = fc.oneof(fc.integer({ min: -500, max: 500 }), fc.integer({ min: -1e11, max: 1e11 }));

  const simple = (n: number): fc.Arbitrary<SimpleRule> =>
    fc.oneof(
      fc.constant<SimpleRule>({ method: "PROPORTIONAL" }),
      fc.integer({ min: 0, max: n - 1 }).map((partner): SimpleRule => ({ method: "LEAD", partner })),
      fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).filter((p) => p.some((x) => x > 0)).map((p): SimpleRule => {
        const total = p.reduce((a, b) => a + b, 0);
        return { method: "FIXED", percentages: p.map((x) => new D(x).dividedBy(total)) };
      }),
    );

  test("TIERED over PROPORTIONAL, FIXED and LEAD slices (limits in pence, as small as a penny)", () => {
    const tiered = partners.chain((w) =>
      fc.tuple(
        fc.constant(w),
        fc.uniqueArray(fc.oneof(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 1e10 })), { minLength: 1, maxLength: 5 }).map((xs) => xs.sort((a, b) => a - b)),
        fc.array(simple(w.length), { minLength: 6, maxLength: 6 }),
        amount,
      ),
    );
    fc.assert(
      fc.property(tiered, ([w, limits, rules, a]) => {
        const weights = w.map((x) => new D(x));
        const v = pennies(a);
        const rule: SplitRule = { method: "TIERED", tiers: limits.map((l, k) => ({ upTo: pennies(l), rule: rules[k] })), rest: rules[5] };
        const parts = shareVariance(v, both(rule), { weights, contributions: weights }).parts;
        // The exact shares: each slice of the variance's size, split by its own rule, added up.
        const exact = weights.map(() => new D(0));
        let from = new D(0);
        const sign = v.lt(0) ? -1 : 1;
        [...limits.map((l, k) => ({ upTo: pennies(l), rule: rules[k] })), { upTo: v.abs(), rule: rules[5] }].forEach(({ upTo, rule: r }) => {
          const to = D.min(upTo, v.abs());
          if (to.lte(from)) return;
          exactSlice(to.minus(from).times(sign), r, weights).forEach((x, i) => (exact[i] = exact[i].plus(x)));
          from = to;
        });
        expect(sum(parts).eq(v)).toBe(true);
        parts.forEach((p, i) => expect(p.minus(exact[i]).abs().lt(PENNY)).toBe(true));
      }),
      { numRuns: RUNS },
    );
  });

  test("CAPPED (water-filling): within a penny of min(cap, λ × share), never past a cap", () => {
    const capped = partners.chain((w) =>
      fc.tuple(fc.constant(w), fc.array(fc.option(fc.integer({ min: 0, max: 1e10 }), { nil: null }), { minLength: w.length, maxLength: w.length }), amount),
    );
    fc.assert(
      fc.property(capped, ([w, caps, a]) => {
        const weights = w.map((x) => new D(x));
        const capsD = caps.map((c) => (c === null ? null : pennies(c)));
        const v = pennies(a);
        let parts: Decimal[];
        try {
          parts = shareVariance(v, both({ method: "CAPPED", caps: capsD }), { weights, contributions: weights }).parts;
        } catch (e) {
          expect((e as Error).message).toMatch(/caps cannot absorb|cannot fall to the others/);
          return;
        }
        const exact = exactCapped(v, weights, capsD);
        expect(sum(parts).eq(v)).toBe(true);
        parts.forEach((p, i) => {
          expect(p.minus(exact[i]).abs().lt(PENNY)).toBe(true);
          if (capsD[i] !== null) expect(p.abs().lte(capsD[i] as Decimal)).toBe(true);
        });
      }),
      { numRuns: RUNS },
    );
  });
});

describe("a pool of lines is rounded across the lines and the partners at once", () => {
  test("three lines each overspent by a penny, two equal partners: 0.02 / 0.01, not 0.03 / 0", () => {
    // Each line: 1p × ½ = 0.5p each. Rounded line by line, the first partner would win every tie: 3p / 0p,
    // 1.5p from its exact 1.5p share of the whole. Rounded across: each line still adds up to 1p, and the
    // partners' totals are 2p and 1p, each within a penny of 1.5p.
    const line = (name: string) => ({ name, contributions: [{ base: 100 }, { base: 100 }], expenditure: "200.01" });
    const st = settlePool({ partners: ["A", "B"], lines: [line("L1"), line("L2"), line("L3")] });
    expect(st.lines.map((l) => sum(l.borne).toFixed(2))).toEqual(["0.01", "0.01", "0.01"]);
    expect(st.partners.map((a) => a.varianceBorne.toFixed(2))).toEqual(["0.02", "0.01"]);
  });

  test("property: every line adds up to its variance, every cell and every partner's total within a penny of exact", () => {
    const poolCase = fc
      .integer({ min: 2, max: 4 })
      .chain((n) =>
        fc.tuple(
          fc.constant(n),
          fc.array(fc.tuple(fc.array(fc.integer({ min: 0, max: 1e8 }), { minLength: n, maxLength: n }), fc.integer({ min: 0, max: 2e8 })), { minLength: 1, maxLength: 8 }),
          fc.constantFrom("PROPORTIONAL", "OWN", "FIXED", "RISKPOOL"),
        ),
      )
      .filter(([, lines]) => lines.every(([c]) => c.some((x) => x > 0)));
    fc.assert(
      fc.property(poolCase, ([n, lines, method]) => {
        const pct = Array.from({ length: n }, (_, i) => new D(i + 1).dividedBy((n * (n + 1)) / 2));
        const rule =
          method === "FIXED"
            ? { method: "FIXED" as const, percentages: pct }
            : method === "OWN"
              ? { method: "OWN" as const, amounts: null }
              : method === "RISKPOOL"
                ? { method: "RISKPOOL" as const, reserve: new D("123.45"), then: { method: "PROPORTIONAL" as const } }
                : { method: "PROPORTIONAL" as const };
        const st = settlePool({
          partners: Array.from({ length: n }, (_, i) => `P${i}`),
          lines: lines.map(([c, e], l) => ({ name: `L${l}`, contributions: c.map((x) => ({ base: pennies(x) })), expenditure: pennies(e) })),
          arrangement: both(rule),
        });
        // The exact shares, worked here: each line's variance (less what the risk pool took) by the rule's weights.
        const exactTotals = Array.from({ length: n }, () => new D(0));
        st.lines.forEach((l) => {
          const toShare = l.variance.minus(l.riskPool);
          const w = method === "FIXED" ? pct : l.contributions;
          const total = sum(w);
          const exact = w.map((x) => toShare.times(x).dividedBy(total));
          expect(sum(l.borne).plus(l.riskPool).eq(l.variance)).toBe(true);
          l.borne.forEach((b, i) => {
            expect(b.minus(exact[i]).abs().lt(PENNY)).toBe(true);
            exactTotals[i] = exactTotals[i].plus(exact[i]);
          });
        });
        st.partners.forEach((a, i) => expect(a.varianceBorne.minus(exactTotals[i]).abs().lt(PENNY)).toBe(true));
      }),
      { numRuns: Math.min(RUNS, 150) },
    );
  });
});
