/**
 * A pool over several financial years (issue 14): a reserve drawn and rebuilt, a rule that changes
 * in year two, repayment schedules, dated changes (virement out, one-off, advance, contingency).
 * The arithmetic is in the comments; the ledger's invariants are checked over random pools.
 */
import fc from "fast-check";
import { D, sum, type Decimal } from "../../../src/engine/money";
import { both, settleYears, PROPORTIONAL, type MultiYearPool, type PoolYear, type ServiceLine } from "../../../src/engine/pool";
import { d, ds } from "./helpers";

const one = (contributions: number[], expenditure: number): ServiceLine[] => [{ name: "Pool", contributions: contributions.map((base) => ({ base })), expenditure }];
const money = (xs: readonly Decimal[]) => xs.map((x) => x.toFixed(2));
const FIXED_60_40 = both({ method: "FIXED", percentages: ds(["0.6", "0.4"]) });

describe("a reserve drawn and rebuilt over three years, the rule changing in year two", () => {
  // An IJB: NHS Board and council, 72/28 by contributions in 2023/24, then a fixed 60/40 split from 2024/25.
  // The reserve meets an overspend first; an underspend goes to the reserve, up to a ceiling of £50,000.
  const pool: MultiYearPool = {
    partners: ["NHS Board", "Council"],
    reserve: { opening: 80000, drawOnOverspend: true, topUpFromUnderspend: 1, ceiling: 50000 },
    years: [
      { year: "2023/24", lines: one([720000, 280000], 1050000) },
      { year: "2024/25", lines: one([720000, 280000], 1100000), arrangement: FIXED_60_40 },
      { year: "2025/26", lines: one([750000, 300000], 990000), arrangement: FIXED_60_40 },
    ],
  };
  const st = settleYears(pool);

  test("2023/24: overspend 50,000 (72/28: 36,000 / 14,000) met in full by the reserve: 80,000 → 30,000", () => {
    const y = st.years[0];
    expect(money(y.partners.map((p) => p.varianceBorne))).toEqual(["36000.00", "14000.00"]);
    expect(money(y.partners.map((p) => p.metByReserve))).toEqual(["-36000.00", "-14000.00"]);
    expect(money(y.partners.map((p) => p.borne))).toEqual(["0.00", "0.00"]);
    expect(money([y.reserve!.opening, y.reserve!.topUps, y.reserve!.draws, y.reserve!.closing])).toEqual(["80000.00", "0.00", "50000.00", "30000.00"]);
  });

  test("2024/25, the rule now 60/40: overspend 100,000 → 60,000 / 40,000; the reserve's 30,000 cuts them 18,000 / 12,000", () => {
    // 72/28 would have given 72,000 / 28,000: the rule of the year is used, not last year's.
    const y = st.years[1];
    expect(money(y.partners.map((p) => p.varianceBorne))).toEqual(["60000.00", "40000.00"]);
    expect(money(y.partners.map((p) => p.borne))).toEqual(["42000.00", "28000.00"]);
    expect(money(y.partners.map((p) => p.settlement))).toEqual(["42000.00", "28000.00"]);
    expect(money([y.reserve!.opening, y.reserve!.draws, y.reserve!.closing])).toEqual(["30000.00", "30000.00", "0.00"]);
  });

  test("2025/26: underspend 60,000 (60/40: −36,000 / −24,000); the reserve rebuilt to its 50,000 ceiling, 10,000 returned", () => {
    // Kept: 50,000 × 36/60 = 30,000 and × 24/60 = 20,000; returned −6,000 / −4,000.
    const y = st.years[2];
    expect(money(y.partners.map((p) => p.varianceBorne))).toEqual(["-36000.00", "-24000.00"]);
    expect(money(y.partners.map((p) => p.toReserve))).toEqual(["30000.00", "20000.00"]);
    expect(money(y.partners.map((p) => p.borne))).toEqual(["-6000.00", "-4000.00"]);
    expect(money([y.reserve!.opening, y.reserve!.topUps, y.reserve!.closing])).toEqual(["0.00", "50000.00", "50000.00"]);
  });

  test("across the years: what each partner bore adds up, and the reserve's movements explain its change", () => {
    // NHS 0 + 42,000 − 6,000 = 36,000; council 0 + 28,000 − 4,000 = 24,000.
    expect(money(st.totals.map((t) => t.borne))).toEqual(["36000.00", "24000.00"]);
    // 80,000 + (0 + 0 + 50,000) − (50,000 + 30,000 + 0) = 50,000
    const moves = sum(st.years.map((y) => y.reserve!.topUps.minus(y.reserve!.draws)));
    expect(d(80000).plus(moves).toFixed(2)).toBe(st.years[2].reserve!.closing.toFixed(2));
  });
});

describe("a repayment over three years", () => {
  const onBudget = (year: string): PoolYear => ({ year, lines: one([600000, 400000], 1000000) });

  test("the council defers 75% of its 40,000 share, lent by the reserve, repaid 10,000 a year", () => {
    // 2024/25: overspend 100,000 × 600/1,000 and 400/1,000 = 60,000 / 40,000. The reserve does not meet overspends here.
    // The council defers 40,000 × 75% = 30,000: it pays 10,000 now; the reserve lends 30,000 (50,000 → 20,000).
    // 2025/26 to 2027/28: 10,000 a year back to the reserve: 30,000, 40,000, 50,000; owed 20,000, 10,000, 0.
    const st = settleYears({
      partners: ["ICB", "Council"],
      reserve: { opening: 50000, drawOnOverspend: false },
      years: [{ year: "2024/25", lines: one([600000, 400000], 1100000) }, onBudget("2025/26"), onBudget("2026/27"), onBudget("2027/28")],
      repayments: [{ year: "2024/25", partner: 1, share: 0.75, years: 3 }],
    });
    expect(money(st.years[0].partners.map((p) => p.settlement))).toEqual(["60000.00", "10000.00"]);
    expect(money(st.years.map((y) => y.partners[1].repaid))).toEqual(["0.00", "10000.00", "10000.00", "10000.00"]);
    expect(money(st.years.map((y) => y.partners[1].owedAtEnd))).toEqual(["30000.00", "20000.00", "10000.00", "0.00"]);
    expect(money(st.years.map((y) => y.reserve!.closing))).toEqual(["20000.00", "30000.00", "40000.00", "50000.00"]);
    // Across the years the council paid what it bore: 10,000 + 3 × 10,000 = 40,000.
    expect(st.totals[1].settlement.toFixed(2)).toBe("40000.00");
    expect(money(st.outstanding)).toEqual(["0.00", "0.00"]);
  });

  test("an amount that does not divide by three: the spare pennies first; lent by the other partner", () => {
    // 10,000.01 over 3 years: 1,000,001p ÷ 3 = 333,333.67p each; 333,333 × 3 = 999,999p; the 2 spare pence to the
    // first two instalments: 3,333.34, 3,333.34, 3,333.33. The ICB lends: it pays 10,000.01 more now and gets the instalments back.
    const st = settleYears({
      partners: ["ICB", "Council"],
      years: [{ year: "2024/25", lines: one([600000, 400000], 1100000) }, onBudget("2025/26"), onBudget("2026/27"), onBudget("2027/28")],
      repayments: [{ year: 2024, partner: 1, amount: 10000.01, years: 3, lender: 0 }],
    });
    expect(money(st.years[0].partners.map((p) => p.settlement))).toEqual(["70000.01", "29999.99"]);
    expect(money(st.years.slice(1).map((y) => y.partners[1].repaid))).toEqual(["3333.34", "3333.34", "3333.33"]);
    expect(money(st.years.slice(1).map((y) => y.partners[0].repaidToIt))).toEqual(["-3333.34", "-3333.34", "-3333.33"]);
    expect(money(st.totals.map((t) => t.settlement))).toEqual(["60000.00", "40000.00"]);
  });

  test("a schedule running past the last year leaves the rest outstanding", () => {
    const st = settleYears({
      partners: ["ICB", "Council"],
      reserve: { opening: 50000, drawOnOverspend: false },
      years: [{ year: "2024/25", lines: one([600000, 400000], 1100000) }, onBudget("2025/26")],
      repayments: [{ year: "2024/25", partner: 1, amount: 30000, years: 3 }],
    });
    expect(money(st.outstanding)).toEqual(["0.00", "20000.00"]);
  });
});

describe("dated changes within a year", () => {
  test("a virement out, a one-off contribution, an advance from next year and a partner's contingency", () => {
    // 2025/26: NHS 600,000, council 400,000.
    //  1 Sep: the council vires 50,000 out of the pool      → council 350,000
    // 15 Nov: the NHS adds a one-off 25,000                  → NHS 625,000
    // 10 Jan: the council advances 30,000 from 2026/27       → council 380,000; 2026/27 falls by 30,000
    //  1 Apr: the NHS holds a 20,000 contingency outside the pool.
    // Pool 1,005,000; spent 1,065,000: +60,000 × 625/1,005 = 37,313.43 and × 380/1,005 = 22,686.57
    // (3,731,343.28p and 2,268,656.71p: the spare penny to the larger remainder, .71, the council).
    // The NHS contingency meets 20,000 of the 60,000: the parts are cut by 20,000 × 37,313.43/60,000 = 12,437.81 and
    // 20,000 × 22,686.57/60,000 = 7,562.19; the NHS bears the 20,000 it used: 37,313.43 − 12,437.81 + 20,000 = 44,875.62;
    // the council 22,686.57 − 7,562.19 = 15,124.38. 44,875.62 + 15,124.38 = 60,000.
    const st = settleYears({
      partners: ["NHS", "Council"],
      years: [
        {
          year: "2025/26",
          lines: one([600000, 400000], 1065000),
          arrangement: both(PROPORTIONAL),
          changes: [
            { date: "2026-01-10", partner: 1, kind: "ADVANCE", amount: 30000, note: "from 2026/27" },
            { date: "2025-09-01", partner: 1, kind: "VIREMENT_OUT", amount: 50000 },
            { date: "2025-11-15", partner: 0, kind: "ONE_OFF", amount: 25000 },
            { date: "2025-04-01", partner: 0, kind: "CONTINGENCY", amount: 20000 },
          ],
        },
        { year: "2026/27", lines: one([600000, 400000], 970000) },
      ],
    });
    const [y1, y2] = st.years;
    expect(money(y1.partners.map((p) => p.contribution))).toEqual(["625000.00", "380000.00"]);
    expect(money(y1.partners.map((p) => p.varianceBorne))).toEqual(["37313.43", "22686.57"]);
    expect(money(y1.partners.map((p) => p.contingency))).toEqual(["7562.19", "-7562.19"]);
    expect(money(y1.partners.map((p) => p.borne))).toEqual(["44875.62", "15124.38"]);
    expect(y1.changes.map((c) => [c.date, c.kind, c.amount.toFixed(2)])).toEqual([
      ["2025-04-01", "CONTINGENCY", "20000.00"],
      ["2025-09-01", "VIREMENT_OUT", "-50000.00"],
      ["2025-11-15", "ONE_OFF", "25000.00"],
      ["2026-01-10", "ADVANCE", "30000.00"],
    ]);
    // 2026/27: the council's 400,000 less the 30,000 advanced = 370,000; 970,000 spent on 970,000: no variance.
    expect(money(y2.partners.map((p) => p.contribution))).toEqual(["600000.00", "370000.00"]);
    expect(money(y2.partners.map((p) => p.borne))).toEqual(["0.00", "0.00"]);
  });

  test("a change dated outside the pool's year is refused with the year's dates", () => {
    expect(() =>
      settleYears({ partners: ["NHS", "Council"], years: [{ year: "2025/26", lines: one([1, 1], 2), changes: [{ date: "2026-04-01", partner: 0, kind: "ONE_OFF", amount: 5 }] }] }),
    ).toThrow("2025/26, change 1: 2026-04-01 is not in 2025/26 (1 April 2025 to 31 March 2026).");
  });

  test("years must follow one another", () => {
    expect(() => settleYears({ partners: ["A", "B"], years: [{ year: "2024/25", lines: one([1, 1], 2) }, { year: "2026/27", lines: one([1, 1], 2) }] })).toThrow(
      "The years must follow one another: 2024/25 is followed by 2026/27, not 2025/26.",
    );
  });
});

describe("property: the reserve ledger and the parts, every year", () => {
  const RUNS = Number(process.env.PROPERTY_RUNS ?? 200);
  const yearCase = fc.record({
    c: fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 2, maxLength: 3 }),
    spend: fc.integer({ min: 0, max: 3e9 }),
  });
  const poolCase = fc.record({
    n: fc.constant(0),
    years: fc.array(yearCase, { minLength: 1, maxLength: 5 }),
    opening: fc.integer({ min: 0, max: 5e8 }),
    keep: fc.integer({ min: 0, max: 100 }),
    ceiling: fc.option(fc.integer({ min: 0, max: 1e9 }), { nil: null }),
    draw: fc.boolean(),
  });
  const p = (x: number) => new D(x).dividedBy(100);

  test("closing = opening + top-ups − draws; never below zero; each year opens where the last closed; parts add up", () => {
    fc.assert(
      fc.property(poolCase, (pc) => {
        const width = pc.years[0].c.length;
        const years = pc.years.map((y, k) => ({
          year: 2020 + k,
          lines: one(Array.from({ length: width }, (_, i) => (y.c[i] ?? 0) + 1), 0).map((l) => ({ ...l, contributions: l.contributions.map((c) => ({ base: p(Number(c.base)) })), expenditure: p(y.spend) })),
        }));
        const st = settleYears({
          partners: Array.from({ length: width }, (_, i) => `P${i}`),
          reserve: { opening: p(pc.opening), drawOnOverspend: pc.draw, topUpFromUnderspend: new D(pc.keep).dividedBy(100), ceiling: pc.ceiling === null ? null : p(pc.ceiling) },
          years,
        });
        let last = p(pc.opening);
        st.years.forEach((y) => {
          const r = y.reserve!;
          expect(r.opening.eq(last)).toBe(true);
          expect(r.closing.eq(r.opening.plus(r.topUps).minus(r.draws))).toBe(true);
          expect(r.closing.gte(0)).toBe(true);
          last = r.closing;
          // The partners' parts after the reserve + what the reserve met − what it kept = their parts under the rule
          const met = sum(y.partners.map((q) => q.metByReserve));
          const kept = sum(y.partners.map((q) => q.toReserve));
          expect(sum(y.partners.map((q) => q.borne)).eq(sum(y.partners.map((q) => q.varianceBorne)).plus(met).plus(kept))).toBe(true);
          // … and those add up to the year's variance (no risk pool here)
          expect(sum(y.partners.map((q) => q.varianceBorne)).eq(y.statement.total.variance)).toBe(true);
          // A partner's part never changes sign through the reserve.
          y.partners.forEach((q) => expect(q.varianceBorne.gte(0) ? q.borne.gte(0) && q.borne.lte(q.varianceBorne) : q.borne.lte(0) && q.borne.gte(q.varianceBorne)).toBe(true));
        });
        // Across years: the sum of each year's settlements = the totals.
        st.totals.forEach((t, i) => expect(t.settlement.eq(sum(st.years.map((y) => y.partners[i].settlement)))).toBe(true));
      }),
      { numRuns: RUNS },
    );
  });
});
