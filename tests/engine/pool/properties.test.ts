/**
 * Invariants of the pool engine, checked with fast-check over random amounts and partners:
 *  - every split adds up exactly to the amount (partners + risk pool + underspends = variance);
 *  - with non-negative weights no partner's part has the opposite sign to the amount;
 *  - caps are respected;
 *  - results do not depend on the order partners are listed (except where a rule names a
 *    partner). Ties for a spare penny between partners with identical terms go to the one listed
 *    first, so the comparison is of who-with-what-terms gets what, not of list positions.
 */
import fc from "fast-check";
import { D, sum, type Decimal } from "../../../src/engine/money";
import { allocate } from "../../../src/engine/allocate";
import { both, cappedSplit, settlePool, shareVariance, splitByWeights, type Rule, type SplitRule } from "../../../src/engine/pool";
import { splitTable } from "../../../src/engine/pool/table";

const RUNS = Number(process.env.PROPERTY_RUNS ?? 300);
const pennies = (p: number) => new D(p).dividedBy(100);
/** An amount in whole pence, up to £10bn either way, with small amounts well represented. */
const amountPence = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -1e12, max: 1e12 }));
/** Non-negative weights (contributions in pence, or small ratios), at least one above zero. */
const weights = (min = 1, max = 7) =>
  fc
    .array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 1e11 })), { minLength: min, maxLength: max })
    .filter((w) => w.some((x) => x > 0));
const permutation = (n: number) => fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n });

/** Who-with-what-terms gets what: (terms, part) pairs, sorted, so list order does not matter. */
function canonical(terms: readonly string[], parts: readonly Decimal[]): string[] {
  return terms.map((t, i) => `${t}|${parts[i].toFixed(2)}`).sort();
}
const toS = (xs: readonly Decimal[]) => xs.map((x) => x.toFixed(2));

describe("allocate", () => {
  test("the parts add up exactly to the amount, for any weights that do not add up to zero", () => {
    fc.assert(
      fc.property(amountPence, fc.array(fc.integer({ min: -1e9, max: 1e9 }), { minLength: 1, maxLength: 8 }).filter((w) => w.reduce((a, b) => a + b, 0) !== 0), (a, w) => {
        expect(sum(allocate(pennies(a), w)).eq(pennies(a))).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
  test("fractional weights and amounts with fractions of a penny: the parts add up to the amount rounded to the penny", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 6 }).filter((w) => w.some((x) => x > 0)), (a, w) => {
        const parts = allocate(a, w);
        expect(sum(parts).eq(new D(a).toDecimalPlaces(2, D.ROUND_HALF_UP))).toBe(true);
        parts.forEach((p) => expect(p.decimalPlaces()).toBeLessThanOrEqual(2));
      }),
      { numRuns: RUNS },
    );
  });
  test("with non-negative weights no part has the opposite sign to the amount, and each is within a penny of its exact share", () => {
    fc.assert(
      fc.property(amountPence, weights(), (a, w) => {
        const amount = pennies(a);
        const total = sum(w.map((x) => new D(x)));
        allocate(amount, w).forEach((p, i) => {
          if (amount.gte(0)) expect(p.gte(0)).toBe(true);
          else expect(p.lte(0)).toBe(true);
          expect(p.minus(amount.times(w[i]).dividedBy(total)).abs().lt("0.01")).toBe(true);
        });
      }),
      { numRuns: RUNS },
    );
  });
  test("the order of the weights does not matter", () => {
    fc.assert(
      fc.property(amountPence, weights(2, 7).chain((w) => fc.tuple(fc.constant(w), permutation(w.length))), (a, [w, order]) => {
        const before = allocate(pennies(a), w);
        const after = allocate(pennies(a), order.map((i) => w[i]));
        expect(canonical(order.map((i) => String(w[i])), after)).toEqual(canonical(w.map(String), before));
      }),
      { numRuns: RUNS },
    );
  });
  test("an underspend mirrors the overspend exactly", () => {
    fc.assert(
      fc.property(amountPence, weights(), (a, w) => {
        expect(toS(allocate(pennies(-a), w))).toEqual(toS(allocate(pennies(a), w).map((p) => p.negated())));
      }),
      { numRuns: RUNS },
    );
  });
});

describe("CAPPED", () => {
  /** Partners with weights and caps (null = no cap), and an amount the caps can absorb. */
  const cappedCase = weights(2, 6).chain((w) =>
    fc
      .tuple(
        fc.constant(w),
        fc.array(fc.option(fc.integer({ min: 0, max: 1e9 }), { nil: null }), { minLength: w.length, maxLength: w.length }),
        amountPence,
        permutation(w.length),
      )
      .filter(([, caps]) => caps.some((c, i) => c === null && w[i] > 0) || true),
  );

  test("caps are respected, the parts add up to the variance, and signs agree; or a clear error", () => {
    fc.assert(
      fc.property(cappedCase, ([w, caps, a]) => {
        const v = pennies(a);
        let parts: Decimal[];
        try {
          parts = cappedSplit(v, w, caps.map((c) => (c === null ? null : pennies(c))));
        } catch (e) {
          // Only when the caps cannot absorb it, or the rest has nobody with a share to fall to.
          expect((e as Error).message).toMatch(/caps cannot absorb|cannot fall to the others/);
          return;
        }
        expect(sum(parts).eq(v)).toBe(true);
        parts.forEach((p, i) => {
          if (caps[i] !== null) expect(p.abs().lte(pennies(caps[i] as number))).toBe(true);
          expect(v.gte(0) ? p.gte(0) : p.lte(0)).toBe(true);
        });
      }),
      { numRuns: RUNS },
    );
  });
  test("when the caps add up to at least the variance and every partner has a share, it is absorbed", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1e9 }), { minLength: 2, maxLength: 6 }).chain((w) =>
          fc.tuple(fc.constant(w), fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: w.length, maxLength: w.length })),
        ),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.boolean(),
        ([w, caps], fraction, under) => {
          const room = caps.reduce((x, y) => x + y, 0);
          const a = Math.floor(room * fraction) * (under ? -1 : 1);
          const parts = cappedSplit(pennies(a), w, caps.map(pennies));
          expect(sum(parts).eq(pennies(a))).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });
  test("when no cap binds it is the proportional split", () => {
    fc.assert(
      fc.property(amountPence, weights(2, 6), (a, w) => {
        const v = pennies(a);
        const proportional = splitByWeights(v, w, "weights");
        const caps = proportional.map((p) => p.abs()); // each cap exactly the proportional share
        expect(toS(cappedSplit(v, w, caps))).toEqual(toS(proportional));
      }),
      { numRuns: RUNS },
    );
  });
  test("the order of the partners does not matter", () => {
    fc.assert(
      fc.property(cappedCase, ([w, caps, a, order]) => {
        const run = (ws: number[], cs: (number | null)[]) => {
          try {
            return cappedSplit(pennies(a), ws, cs.map((c) => (c === null ? null : pennies(c))));
          } catch (e) {
            return (e as Error).message.replace(/partner \d+/g, "partner");
          }
        };
        const before = run(w, caps);
        const after = run(order.map((i) => w[i]), order.map((i) => caps[i]));
        if (typeof before === "string" || typeof after === "string") {
          expect(typeof after).toBe(typeof before);
          return;
        }
        const terms = (ws: number[]) => ws.map(String);
        expect(canonical(terms(order.map((i) => w[i])), after)).toEqual(canonical(terms(w), before));
      }),
      { numRuns: RUNS },
    );
  });
});

describe("every method", () => {
  /** A rule for n partners, built from per-partner terms so that permuting the partners permutes the rule. */
  interface Terms {
    percentage: number[]; // FIXED, in hundredths of a percent, adding up to 10,000
    cap: (number | null)[]; // pence
  }
  const terms = (n: number): fc.Arbitrary<Terms> =>
    fc.tuple(
      fc.array(fc.integer({ min: 0, max: 100 }), { minLength: n, maxLength: n }).filter((p) => p.some((x) => x > 0)),
      fc.array(fc.option(fc.integer({ min: 0, max: 1e10 }), { nil: null }), { minLength: n, maxLength: n }),
    ).map(([raw, cap]) => {
      const total = raw.reduce((x, y) => x + y, 0);
      const percentage = raw.map((x) => Math.floor((x * 10000) / total));
      percentage[percentage.indexOf(Math.max(...percentage))] += 10000 - percentage.reduce((x, y) => x + y, 0);
      return { percentage, cap };
    });
  type Build = (t: Terms) => Rule;
  const fixedOf = (t: Terms) => ({ method: "FIXED" as const, percentages: t.percentage.map((p) => new D(p).dividedBy(10000)) });
  const cappedOf = (t: Terms) => ({ method: "CAPPED" as const, caps: t.cap.map((c) => (c === null ? null : pennies(c))) });
  const split: Record<string, (t: Terms) => SplitRule> = {
    PROPORTIONAL: () => ({ method: "PROPORTIONAL" }),
    FIXED: fixedOf,
    CAPPED: cappedOf,
    TIERED: (t) => ({ method: "TIERED", tiers: [{ upTo: new D(25000), rule: fixedOf(t) }, { upTo: new D(1e6), rule: { method: "PROPORTIONAL" } }], rest: cappedOf(t) }),
  };
  const methods: Record<string, Build> = {
    ...split,
    RISKPOOL: (t) => ({ method: "RISKPOOL", reserve: new D(50000), then: split.TIERED(t) }),
    WATERFALL: (t) => ({ method: "WATERFALL", available: new D(12345.67), reserve: new D(50000), then: fixedOf(t) }),
  };

  // Contributions all different: a tie for a penny between partners with the same contribution
  // goes to the first listed (tested separately below), the one place where order may matter.
  const distinct = fc
    .uniqueArray(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 1e11 })), { minLength: 2, maxLength: 6 })
    .filter((w) => w.some((x) => x > 0));
  const scenario = distinct.chain((w) => fc.tuple(fc.constant(w), terms(w.length), amountPence, permutation(w.length)));

  describe.each(Object.keys(methods))("%s", (name) => {
    const build = methods[name];
    const run = (w: number[], t: Terms, a: number) => {
      const c = w.map((x) => pennies(x));
      try {
        return shareVariance(pennies(a), both(build(t)), { weights: c, contributions: c });
      } catch (e) {
        return (e as Error).message.replace(/partner \d+/g, "partner");
      }
    };

    test("partners + risk pool + underspends elsewhere = the variance, to the penny; no part of the opposite sign", () => {
      fc.assert(
        fc.property(scenario, ([w, t, a]) => {
          const r = run(w, t, a);
          if (typeof r === "string") {
            expect(r).toMatch(/caps cannot absorb|cannot fall to the others/);
            return;
          }
          const v = pennies(a);
          expect(sum(r.parts).plus(r.riskPool).plus(r.underspendsElsewhere).eq(v)).toBe(true);
          r.parts.forEach((p) => expect(v.gte(0) ? p.gte(0) : p.lte(0)).toBe(true));
          r.parts.forEach((p) => expect(p.decimalPlaces()).toBeLessThanOrEqual(2));
        }),
        { numRuns: RUNS },
      );
    });

    test("the order the partners are listed in does not matter", () => {
      fc.assert(
        fc.property(scenario, ([w, t, a, order]) => {
          const permuted: Terms = { percentage: order.map((i) => t.percentage[i]), cap: order.map((i) => t.cap[i]) };
          const before = run(w, t, a);
          const after = run(order.map((i) => w[i]), permuted, a);
          if (typeof before === "string" || typeof after === "string") {
            expect(after).toEqual(before);
            return;
          }
          expect(toS(after.parts)).toEqual(toS(order.map((i) => before.parts[i])));
          expect(after.riskPool.eq(before.riskPool)).toBe(true);
        }),
        { numRuns: RUNS },
      );
    });
  });

  test("the documented tie-break: equal remainders go to the larger weight, then the larger contribution, then the first listed", () => {
    const c = [new D(100), new D(300), new D(300)];
    // £0.01 by FIXED 1/3 each: three tied remainders; the larger contributions (partners 2 and 3) first, then position -> partner 2
    const third = new D(1).dividedBy(3);
    const r = shareVariance("0.01", both({ method: "FIXED", percentages: [third, third, third] }), { weights: c, contributions: c });
    expect(toS(r.parts)).toEqual(["0.00", "0.01", "0.00"]);
  });

  test("LEAD names a partner: whoever is listed where, the named partner bears it all", () => {
    fc.assert(
      fc.property(scenario, fc.nat(), ([w, , a, order], k) => {
        const leader = k % w.length;
        const c = order.map((i) => pennies(w[i]));
        const r = shareVariance(pennies(a), both({ method: "LEAD", partner: order.indexOf(leader) }), { weights: c, contributions: c });
        r.parts.forEach((p, j) => expect(p.toFixed(2)).toBe(order[j] === leader ? pennies(a).toFixed(2) : "0.00"));
      }),
      { numRuns: RUNS },
    );
  });

  test("OWN: each partner bears exactly its own lines' variance, whatever the order", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e9, max: 1e9 }), { minLength: 1, maxLength: 6 }), (own) => {
        const v = pennies(own.reduce((x, y) => x + y, 0));
        const c = own.map(() => new D(1));
        const r = shareVariance(v, both({ method: "OWN", amounts: own.map(pennies) }), { weights: c, contributions: c });
        expect(toS(r.parts)).toEqual(toS(own.map(pennies)));
      }),
      { numRuns: RUNS },
    );
  });
});

describe("settlePool", () => {
  const poolCase = fc
    .integer({ min: 1, max: 4 })
    .chain((n) =>
      fc.tuple(
        fc.constant(n),
        // lines × partners contributions in pence; each line's expenditure in pence
        fc.array(
          fc.tuple(fc.array(fc.integer({ min: 0, max: 1e10 }), { minLength: n, maxLength: n }), fc.integer({ min: 0, max: 2e10 })),
          { minLength: 1, maxLength: 4 },
        ),
        fc.constantFrom("PROPORTIONAL", "OWN", "WATERFALL", "RISKPOOL"),
        fc.integer({ min: 0, max: 1e9 }),
      ),
    )
    .filter(([, lines]) => lines.some(([c]) => c.some((x) => x > 0)));

  const arrangementOf = (method: string, reserve: number): Rule =>
    method === "WATERFALL"
      ? { method: "WATERFALL", available: new D(0), reserve: pennies(reserve), then: { method: "PROPORTIONAL" } }
      : method === "RISKPOOL"
        ? { method: "RISKPOOL", reserve: pennies(reserve), then: { method: "PROPORTIONAL" } }
        : method === "OWN"
          ? { method: "OWN", amounts: null }
          : { method: "PROPORTIONAL" };

  test("the accounts add up: shares of expenditure + risk pool + underspends elsewhere = expenditure; closing = −variance borne", () => {
    fc.assert(
      fc.property(poolCase, ([n, lines, method, reserve]) => {
        const names = [...Array(n).keys()].map((i) => `P${i}`);
        let st;
        try {
          st = settlePool({
            partners: names,
            lines: lines.map(([c, e], l) => ({ name: `L${l}`, contributions: c.map((x) => ({ base: pennies(x) })), expenditure: pennies(e) })),
            arrangement: both(arrangementOf(method, reserve)),
          });
        } catch (e) {
          // A line nobody funds cannot share its variance in proportion.
          expect((e as Error).message).toMatch(/add up to zero/);
          return;
        }
        const absorbed = (st.riskPool ?? new D(0)).plus(st.underspendsElsewhere ?? new D(0));
        expect(sum(st.partners.map((a) => a.shareOfExpenditure)).plus(absorbed).eq(st.total.expenditure)).toBe(true);
        expect(sum(st.partners.map((a) => a.varianceBorne)).plus(absorbed).eq(st.total.variance)).toBe(true);
        st.partners.forEach((a) => expect(a.closing.eq(a.varianceBorne.negated())).toBe(true));
        expect(sum(st.partners.map((a) => a.share)).minus(1).abs().lt("1e-30")).toBe(true);
        // The gross view, line by line (WATERFALL included): each line's figures + what the risk pool and
        // outside underspends met = the line's variance; a partner's figures over the lines = its variance borne.
        st.lines.forEach((l) => expect(sum(l.borne).plus(l.riskPool).plus(l.underspendsElsewhere).eq(l.variance)).toBe(true));
        st.partners.forEach((a, i) => {
          expect(sum(st.lines.map((l) => l.borne[i])).eq(a.varianceBorne)).toBe(true);
          expect(a.overspendsMet.plus(a.underspends).eq(a.varianceBorne)).toBe(true);
        });
        // A line's figures never have the opposite sign to its variance.
        st.lines.forEach((l) => l.borne.forEach((b) => expect(l.variance.gte(0) ? b.gte(0) : b.lte(0)).toBe(true)));
      }),
      { numRuns: RUNS },
    );
  });
});

describe("splitTable (controlled rounding)", () => {
  test("every row and every column adds up to its total, and every cell is within a penny of its exact share", () => {
    const totals = fc
      .tuple(fc.array(fc.oneof(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 1e9 })), { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 6 }), fc.array(fc.nat(), { minLength: 6, maxLength: 6 }))
      .map(([rows, m, cuts]) => {
        // Columns: the same total as the rows, cut into m pieces.
        const total = rows.reduce((a, b) => a + b, 0);
        const points = cuts.slice(0, m - 1).map((c) => (total === 0 ? 0 : c % (total + 1))).sort((a, b) => a - b);
        const cols = [...points, total].map((p, k) => p - (k === 0 ? 0 : [...points, total][k - 1]));
        return { rows, cols, total };
      });
    fc.assert(
      fc.property(totals, ({ rows, cols, total }) => {
        const t = splitTable(rows.map(pennies), cols.map(pennies));
        rows.forEach((r, i) => expect(sum(t[i]).eq(pennies(r))).toBe(true));
        cols.forEach((c, j) => expect(sum(t.map((row) => row[j])).eq(pennies(c))).toBe(true));
        if (total > 0)
          t.forEach((row, i) => row.forEach((x, j) => expect(x.minus(pennies(rows[i]).times(cols[j]).dividedBy(total)).abs().lt("0.01")).toBe(true)));
      }),
      { numRuns: RUNS },
    );
  });
});
