/**
 * Aligned budgets beside pooled ones (each partner bears its own, never shared, shown apart), and
 * income lines (client contributions, grants) netted as the agreement says (issue 14, items 2 and 6).
 */
import { both, settlePool, PROPORTIONAL, type ServiceLine } from "../../../src/engine/pool";
import { d } from "./helpers";

const line = (name: string, contributions: number[], expenditure: number, extra: Partial<ServiceLine> = {}): ServiceLine => ({
  name,
  contributions: contributions.map((base) => ({ base })),
  expenditure,
  ...extra,
});
const money = (xs: { toFixed(n: number): string }[]) => xs.map((x) => x.toFixed(2));

describe("aligned and pooled lines in one arrangement", () => {
  const lines = [
    line("Reablement", [300000, 100000], 440000), //             pooled: +40,000
    line("Community equipment", [100000, 100000], 180000), //    pooled: −20,000
    line("Continuing healthcare", [500000, 0], 560000, { aligned: true }), // the ICB's own: +60,000
    line("Residential care", [0, 800000], 790000, { aligned: true }), //     the council's own: −10,000
  ];

  test("line by line, in proportion: risk shared on the pooled lines only; each bears its own aligned line", () => {
    // Pooled: reablement +40,000 × 300/400, 100/400 = 30,000 / 10,000; equipment −20,000 × ½ = −10,000 each.
    // ICB pooled 30,000 − 10,000 = 20,000; council 10,000 − 10,000 = 0.
    // Aligned (apart): ICB +60,000 on continuing healthcare; council −10,000 on residential care.
    const st = settlePool({ partners: ["ICB", "Council"], lines });
    expect(money(st.partners.map((a) => a.varianceBorne))).toEqual(["20000.00", "0.00"]);
    expect(money(st.partners.map((a) => a.contribution))).toEqual(["400000.00", "200000.00"]);
    expect(st.total.variance.toFixed(2)).toBe("20000.00");
    expect(st.aligned).not.toBeNull();
    expect(money(st.aligned!.partners.map((a) => a.varianceBorne))).toEqual(["60000.00", "-10000.00"]);
    expect(money(st.aligned!.partners.map((a) => a.contribution))).toEqual(["500000.00", "800000.00"]);
    expect(st.aligned!.total.variance.toFixed(2)).toBe("50000.00");
    expect(st.lines.map((l) => l.aligned)).toEqual([false, false, true, true]);
  });

  test("WATERFALL nets the pooled lines only: an aligned overspend is not met from pooled underspends", () => {
    // Pooled: reablement +40,000 met first from equipment's −20,000; 20,000 left × 400/600, 200/600 = 13,333.33 / 6,666.67
    // (1,333,333.33p and 666,666.67p: cut to 1,333,333 + 666,666, the spare penny to the larger remainder, .67, the council).
    // The ICB's +60,000 on continuing healthcare stays its own.
    const st = settlePool({ partners: ["ICB", "Council"], lines, arrangement: both({ method: "WATERFALL", available: d(0), reserve: d(0), then: PROPORTIONAL }) });
    expect(money(st.partners.map((a) => a.varianceBorne))).toEqual(["13333.33", "6666.67"]);
    expect(money(st.aligned!.partners.map((a) => a.varianceBorne))).toEqual(["60000.00", "-10000.00"]);
    expect(money(st.lines[2].borne)).toEqual(["60000.00", "0.00"]);
  });

  test("an aligned line cannot carry a risk-share rule", () => {
    expect(() => settlePool({ partners: ["ICB", "Council"], lines: [line("CHC", [1, 0], 2, { aligned: true, arrangement: both(PROPORTIONAL) })] })).toThrow(
      "CHC is an aligned budget (each partner bears its own), so it cannot have a risk-share rule: remove the rule, or pool the line.",
    );
  });
});

describe("income on a line", () => {
  // Home care: ICB 200,000, council 300,000, client contributions budgeted 100,000 (gross budget 600,000);
  // spent 620,000, client contributions received 80,000.
  // Variance = 620,000 − 500,000 − 80,000 = +40,000: 20,000 overspent on care, 20,000 short on charges.
  const homeCare = (bornBy?: number) => line("Home care", [200000, 300000], 620000, { income: { budget: 100000, actual: 80000, bornBy } });

  test("netted with the line's variance (the default): the 40,000 shared by contributions", () => {
    // 40,000 × 200/500 = 16,000; × 300/500 = 24,000
    const st = settlePool({ partners: ["ICB", "Council"], lines: [homeCare()] });
    expect(st.lines[0].variance.toFixed(2)).toBe("40000.00");
    expect(money(st.partners.map((a) => a.varianceBorne))).toEqual(["16000.00", "24000.00"]);
    expect(st.total.income.toFixed(2)).toBe("80000.00");
  });

  test("the council's contribution is net of charges: it bears the 20,000 shortfall alone", () => {
    // Care overspend 620,000 − 600,000 = 20,000 × 200/500 = 8,000 and × 300/500 = 12,000; the council adds the 20,000 shortfall.
    const st = settlePool({ partners: ["ICB", "Council"], lines: [homeCare(1)] });
    expect(money(st.partners.map((a) => a.varianceBorne))).toEqual(["8000.00", "32000.00"]);
    // Partners' shares of expenditure + income received = expenditure: 208,000 + 332,000 + 80,000 = 620,000
    const shares = st.partners.map((a) => a.shareOfExpenditure);
    expect(shares[0].plus(shares[1]).plus(st.total.income).toFixed(2)).toBe("620000.00");
  });

  test("a grant received above budget is an underspend", () => {
    // Grant budgeted 50,000, received 60,000; spent exactly the gross budget 550,000 → variance −10,000 × ½ each
    const st = settlePool({ partners: ["ICB", "Council"], lines: [line("Carers", [250000, 250000], 550000, { income: { budget: 50000, actual: 60000 } })] });
    expect(money(st.partners.map((a) => a.varianceBorne))).toEqual(["-5000.00", "-5000.00"]);
  });
});
