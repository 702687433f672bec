/**
 * Worked examples for every risk-share method, overspend (positive) and underspend (negative),
 * with two partners (an ICB and a council) and three (NHS trust, council, a third partner).
 * The arithmetic is written out beside each expectation.
 */
import { EngineError } from "../../../src/engine/errors";
import { PROPORTIONAL, shareVariance, type FixedRule, type LeadRule, type Rule, type SplitRule } from "../../../src/engine/pool";
import { byContribution, d, ds, share } from "./helpers";

const THREE = [500000, 300000, 200000]; // NHS trust, council, third partner: £1,000,000 in all
const TWO = [600000, 400000]; // ICB, council: £1,000,000 in all

const fixed = (...p: (string | number)[]): FixedRule => ({ method: "FIXED", percentages: ds(p) });
const lead = (n: number): LeadRule => ({ method: "LEAD", partner: n - 1 });

describe("PROPORTIONAL: in proportion to contributions", () => {
  test("three partners, overspend £100,000", () => {
    // 100,000 × 500/1,000 = 50,000.00; × 300/1,000 = 30,000.00; × 200/1,000 = 20,000.00
    expect(share(100000, THREE, PROPORTIONAL).pence).toEqual(["50000.00", "30000.00", "20000.00"]);
  });
  test("three partners, underspend £100,000 (the CLI example)", () => {
    // -100,000 × 500/1,000 = -50,000.00; × 300/1,000 = -30,000.00; × 200/1,000 = -20,000.00
    expect(share(-100000, THREE, PROPORTIONAL).pence).toEqual(["-50000.00", "-30000.00", "-20000.00"]);
  });
  test("two partners, overspend £10,000.01: the spare penny to the larger remainder", () => {
    // 1,000,001p × 0.6 = 600,000.6p; × 0.4 = 400,000.4p; floors 600,000 + 400,000 = 1,000,000p;
    // 1p left -> ICB (remainder .6 beats .4): 6,000.01 and 4,000.00
    expect(share("10000.01", TWO, PROPORTIONAL).pence).toEqual(["6000.01", "4000.00"]);
  });
  test("two partners, underspend £333.33", () => {
    // 33,333p × 0.6 = 19,999.8p; × 0.4 = 13,333.2p; floors 19,999 + 13,333 = 33,332p; 1p left -> ICB (.8)
    // -> -200.00 and -133.33; -200.00 + -133.33 = -333.33
    expect(share("-333.33", TWO, PROPORTIONAL).pence).toEqual(["-200.00", "-133.33"]);
  });
  test("equal partners: a tied penny goes to the partner listed first", () => {
    // 10,000p / 3 = 3,333.33p each; floors 9,999p; 1p left; remainders and weights tie -> first
    expect(share(100, [1, 1, 1], PROPORTIONAL).pence).toEqual(["33.34", "33.33", "33.33"]);
  });
  test("contributions adding up to zero cannot share a variance in proportion", () => {
    expect(() => share(100, [0, 0], PROPORTIONAL)).toThrow(/add up to zero/);
  });
});

describe("FIXED: agreed percentages", () => {
  test("two partners 50/50, overspend £75,000.01", () => {
    // 7,500,001p × 50% = 3,750,000.5p each; floors 7,500,000p; 1p left; remainders and weights tie -> ICB (first)
    expect(share("75000.01", TWO, fixed("0.5", "0.5")).pence).toEqual(["37500.01", "37500.00"]);
  });
  test("two partners 50/50, underspend £75,000", () => {
    expect(share(-75000, TWO, fixed("0.5", "0.5")).pence).toEqual(["-37500.00", "-37500.00"]);
  });
  test("three partners 40/35/25, underspend £20,000", () => {
    // -20,000 × 40% = -8,000; × 35% = -7,000; × 25% = -5,000
    expect(share(-20000, THREE, fixed("0.4", "0.35", "0.25")).pence).toEqual(["-8000.00", "-7000.00", "-5000.00"]);
  });
  test("three partners 40/35/25, overspend £1,000.01", () => {
    // 100,001p × 0.40 = 40,000.4p; × 0.35 = 35,000.35p; × 0.25 = 25,000.25p; floors 100,000p; 1p -> first (.4)
    expect(share("1000.01", THREE, fixed("0.4", "0.35", "0.25")).pence).toEqual(["400.01", "350.00", "250.00"]);
  });
  test("percentages that do not add up to 100% are refused, saying what they add up to", () => {
    expect(() => share(100, TWO, fixed("0.6", "0.3"))).toThrow("The FIXED percentages add up to 90%, not 100%: change them so they add up to 100%.");
  });
  test("percentages typed as 60 and 40 get a hint", () => {
    expect(() => share(100, TWO, fixed(60, 40))).toThrow(/Type them as percentages \(60%\) or fractions \(0.6\), not as 60/);
  });
  test("1/3 typed as =1/3 in each cell passes (within 0.0000001%)", () => {
    const third = 1 / 3;
    expect(share(100, THREE, fixed(third, third, third)).pence).toEqual(["33.34", "33.33", "33.33"]);
  });
  test("one percentage per partner", () => {
    expect(() => share(100, THREE, fixed("0.5", "0.5"))).toThrow("FIXED needs one percentage per partner (3); got 2.");
  });
});

describe("LEAD: the lead (host) partner bears it all", () => {
  test("three partners, the council (2) leads, overspend £12,345.67", () => {
    expect(share("12345.67", THREE, lead(2)).pence).toEqual(["0.00", "12345.67", "0.00"]);
  });
  test("two partners, the ICB (1) leads, underspend £5,000", () => {
    expect(share(-5000, TWO, lead(1)).pence).toEqual(["-5000.00", "0.00"]);
  });
  test("a lead partner who is not there", () => {
    expect(() => share(100, THREE, lead(4))).toThrow("The lead partner must be a partner number from 1 to 3; got 4.");
  });
});

describe("CAPPED: each bears up to its cap, the rest falls to the others in proportion", () => {
  const capped = (...caps: (number | string | null)[]): Rule => ({ method: "CAPPED", caps: caps.map((c) => (c === null ? null : d(c))) });
  test("three partners, overspend £100,000, NHS capped at £20,000 and the third at £15,000", () => {
    // In proportion: 50,000 / 30,000 / 20,000; NHS (50,000 > 20,000) and third (20,000 > 15,000) held at their caps;
    // the council, with no cap, takes the rest: 100,000 − 20,000 − 15,000 = 65,000
    expect(share(100000, THREE, capped(20000, null, 15000)).pence).toEqual(["20000.00", "65000.00", "15000.00"]);
  });
  test("three partners, a cascade: the council reaches its cap only after the NHS's excess falls to it", () => {
    // In proportion: 50,000 / 30,000 / 20,000; NHS over 45,000 -> held at 45,000.
    // Rest 55,000 by 300:200: council 33,000 (> 32,000 cap) -> held at 32,000. Rest 100,000 − 45,000 − 32,000 = 23,000 -> third.
    expect(share(100000, THREE, capped(45000, 32000, null)).pence).toEqual(["45000.00", "32000.00", "23000.00"]);
  });
  test("two partners, underspend £30,000, the ICB's share capped at £10,000", () => {
    // In proportion: -18,000 / -12,000; ICB held at -10,000; council -30,000 + 10,000 = -20,000
    expect(share(-30000, TWO, capped(10000, null)).pence).toEqual(["-10000.00", "-20000.00"]);
  });
  test("two partners capped at their contributions (no caps given): within the caps it is proportional", () => {
    // 80,000 × 0.6 = 48,000 (≤ 600,000); × 0.4 = 32,000 (≤ 400,000)
    expect(share(80000, TWO, { method: "CAPPED", caps: null }).pence).toEqual(["48000.00", "32000.00"]);
  });
  test("two partners capped at their contributions: a pool overspent by more than it holds cannot be absorbed", () => {
    // caps 60,000 + 40,000 = 100,000 < 150,000: 50,000 is left over
    expect(() => share(150000, [60000, 40000], { method: "CAPPED", caps: null })).toThrow(
      "The caps add up to £100,000.00, less than the overspend of £150,000.00: the caps cannot absorb £50,000.00. Raise the caps, or leave a partner's cap empty for no cap.",
    );
  });
  test("pennies: a cap of 1p, and the tie for the spare penny after it", () => {
    // 100p / 3 = 33.33p each; the third held at 1p; 99p by 1:1 = 49.5p each; 1p left, tie -> first
    expect(share(1, [1, 1, 1], capped(null, null, "0.01")).pence).toEqual(["0.50", "0.49", "0.01"]);
  });
  test("the rest cannot fall to partners with no share", () => {
    expect(() => share(100, [100, 0], capped(50, null))).toThrow(/cannot fall to the others in proportion/);
  });
});

describe("TIERED: the first £X one way, the rest another", () => {
  const firstHalfThenProportional: Rule = { method: "TIERED", tiers: [{ upTo: d(100000), rule: fixed("0.5", "0.5") }], rest: PROPORTIONAL };
  test("two partners, overspend £250,000: first £100,000 50/50, the rest by contribution", () => {
    // first 100,000 × 50% = 50,000 each; rest 150,000 × 0.6 = 90,000 and × 0.4 = 60,000
    // ICB 50,000 + 90,000 = 140,000; council 50,000 + 60,000 = 110,000
    expect(share(250000, TWO, firstHalfThenProportional).pence).toEqual(["140000.00", "110000.00"]);
  });
  test("two partners, underspend £60,000: all within the first tier", () => {
    // -60,000 × 50% = -30,000 each
    expect(share(-60000, TWO, firstHalfThenProportional).pence).toEqual(["-30000.00", "-30000.00"]);
  });
  const threeTiers: Rule = {
    method: "TIERED",
    tiers: [
      { upTo: d(50000), rule: lead(1) },
      { upTo: d(150000), rule: fixed("0.5", "0.3", "0.2") },
    ],
    rest: PROPORTIONAL,
  };
  test("three partners, overspend £200,000: host bears the first £50,000, 50/30/20 up to £150,000, then by contribution", () => {
    // tier 1: 50,000 -> NHS; tier 2: 100,000 -> 50,000 / 30,000 / 20,000; rest 50,000 -> 25,000 / 15,000 / 10,000
    // NHS 50,000 + 50,000 + 25,000 = 125,000; council 30,000 + 15,000 = 45,000; third 20,000 + 10,000 = 30,000
    expect(share(200000, THREE, threeTiers).pence).toEqual(["125000.00", "45000.00", "30000.00"]);
  });
  test("three partners, underspend £80,000: first £50,000 to the host, £30,000 50/30/20", () => {
    // -50,000 -> NHS; -30,000 × 50/30/20% = -15,000 / -9,000 / -6,000
    expect(share(-80000, THREE, threeTiers).pence).toEqual(["-65000.00", "-9000.00", "-6000.00"]);
  });
  test("limits must go up", () => {
    const bad: Rule = { method: "TIERED", tiers: [{ upTo: d(100), rule: PROPORTIONAL }, { upTo: d(50), rule: PROPORTIONAL }], rest: PROPORTIONAL };
    expect(() => share(10, TWO, bad)).toThrow("TIERED limits must go up: tier 2 ends at £50.00, not above tier 1's £100.00. Each limit is measured from zero.");
  });
});

describe("RISKPOOL: a risk pool (contingency) absorbs an overspend first, then the split", () => {
  const halfAndHalfAfter = (reserve: number): Rule => ({ method: "RISKPOOL", reserve: d(reserve), then: fixed("0.5", "0.5") });
  test("two partners, £500,000 risk pool, overspend £800,000, then 50/50", () => {
    // 800,000 − 500,000 absorbed = 300,000; × 50% = 150,000 each
    const r = share(800000, TWO, halfAndHalfAfter(500000));
    expect(r.pence).toEqual(["150000.00", "150000.00"]);
    expect(r.riskPool.toFixed(2)).toBe("500000.00");
  });
  test("two partners, an overspend within the risk pool: the partners bear nothing", () => {
    const r = share(300000, TWO, halfAndHalfAfter(500000));
    expect(r.pence).toEqual(["0.00", "0.00"]);
    expect(r.riskPool.toFixed(2)).toBe("300000.00");
  });
  test("two partners, underspend £200,000: the risk pool is not touched, 50/50", () => {
    const r = share(-200000, TWO, halfAndHalfAfter(500000));
    expect(r.pence).toEqual(["-100000.00", "-100000.00"]);
    expect(r.riskPool.toFixed(2)).toBe("0.00");
  });
  test("three partners, £20,000 risk pool, overspend £50,000, the rest by contribution", () => {
    // 50,000 − 20,000 = 30,000: × 0.5 = 15,000; × 0.3 = 9,000; × 0.2 = 6,000
    const r = share(50000, THREE, { method: "RISKPOOL", reserve: d(20000), then: PROPORTIONAL });
    expect(r.pence).toEqual(["15000.00", "9000.00", "6000.00"]);
    expect(r.riskPool.toFixed(2)).toBe("20000.00");
  });
});

describe("OWN: each partner bears the variance on its own service lines", () => {
  const own = (...a: number[]): Rule => ({ method: "OWN", amounts: ds(a) });
  test("three partners: +40,000, -10,000 and +5,000 on their own lines, a net overspend of £35,000", () => {
    // 40,000 − 10,000 + 5,000 = 35,000
    expect(share(35000, THREE, own(40000, -10000, 5000)).pence).toEqual(["40000.00", "-10000.00", "5000.00"]);
  });
  test("two partners, net underspend £15,000: -20,000 and +5,000", () => {
    expect(share(-15000, TWO, own(-20000, 5000)).pence).toEqual(["-20000.00", "5000.00"]);
  });
  test("own variances that do not add up to the variance", () => {
    expect(() => share(-15000, TWO, own(-20000, 4000))).toThrow(
      "OWN: the partners' own variances add up to -£16,000.00, but the variance is -£15,000.00 (a difference of £1,000.00).",
    );
  });
  test("without the amounts, a line's variance falls to those who fund it, in proportion", () => {
    const r = shareVariance(9000, { overspend: { method: "OWN", amounts: null }, underspend: PROPORTIONAL }, {
      weights: ds([0.5, 0.5]), // fixed shares of the pool, which OWN ignores
      contributions: ds([0, 90000]),
    });
    expect(r.parts.map((p) => p.toFixed(2))).toEqual(["0.00", "9000.00"]);
  });
});

describe("WATERFALL: underspends elsewhere first, then the risk pool, then the split", () => {
  const waterfall = (available: number, reserve: number, then: SplitRule = PROPORTIONAL): Rule => ({
    method: "WATERFALL",
    available: d(available),
    reserve: d(reserve),
    then: then,
  });
  test("three partners, overspend £100,000; £30,000 underspent elsewhere; £50,000 risk pool; then by contribution", () => {
    // 100,000 − 30,000 (underspends) = 70,000; − 50,000 (risk pool) = 20,000; × 0.5 / 0.3 / 0.2 = 10,000 / 6,000 / 4,000
    const r = share(100000, THREE, waterfall(30000, 50000));
    expect(r.pence).toEqual(["10000.00", "6000.00", "4000.00"]);
    expect(r.underspendsElsewhere.toFixed(2)).toBe("30000.00");
    expect(r.riskPool.toFixed(2)).toBe("50000.00");
  });
  test("three partners, underspend £40,000: straight to the split", () => {
    // -40,000 × 0.5 / 0.3 / 0.2 = -20,000 / -12,000 / -8,000
    expect(share(-40000, THREE, waterfall(30000, 50000)).pence).toEqual(["-20000.00", "-12000.00", "-8000.00"]);
  });
  test("two partners, overspend £60,000 wholly met from £80,000 of underspends", () => {
    const r = share(60000, TWO, waterfall(80000, 10000, fixed("0.5", "0.5")));
    expect(r.pence).toEqual(["0.00", "0.00"]);
    expect(r.underspendsElsewhere.toFixed(2)).toBe("60000.00");
    expect(r.riskPool.toFixed(2)).toBe("0.00");
  });
  test("two partners, overspend £100,000: £20,000 underspends, £30,000 risk pool, then 50/50", () => {
    // 100,000 − 20,000 − 30,000 = 50,000; × 50% = 25,000 each
    expect(share(100000, TWO, waterfall(20000, 30000, fixed("0.5", "0.5"))).pence).toEqual(["25000.00", "25000.00"]);
  });
});

describe("different rules for overspends and underspends", () => {
  test("overspend borne by the host, underspend returned in proportion", () => {
    const arrangement = { overspend: lead(1), underspend: PROPORTIONAL };
    expect(share(1000, TWO, arrangement).pence).toEqual(["1000.00", "0.00"]);
    expect(share(-1000, TWO, arrangement).pence).toEqual(["-600.00", "-400.00"]);
  });
  test("the rule not used this year is still checked", () => {
    const arrangement = { overspend: PROPORTIONAL, underspend: fixed("0.7", "0.7") };
    expect(() => share(1000, TWO, arrangement)).toThrow(/add up to 140%/);
  });
  test("errors are EngineErrors with a kind", () => {
    try {
      share(100, THREE, lead(9));
      throw new Error("no error");
    } catch (e) {
      expect(e).toBeInstanceOf(EngineError);
      expect((e as EngineError).kind).toBe("number");
    }
  });
});

test("a zero variance bears nothing, whatever the rule", () => {
  expect(shareVariance(0, { overspend: PROPORTIONAL, underspend: PROPORTIONAL }, byContribution(THREE)).parts.map(String)).toEqual(["0", "0", "0"]);
});
