/**
 * Settling a pool and each partner's memorandum account: contributions (base plus in-year
 * changes), shares, share of expenditure, variance borne and closing position.
 */
import { both, settlePool, PROPORTIONAL, type Arrangement, type Pool, type PoolStatement, type ServiceLine } from "../../../src/engine/pool";
import { d, ds } from "./helpers";

type Row = [string, string, string, string, string, string, string, string];
/** Each partner's account as strings: partner, base, changes, contribution, share, share of expenditure, variance borne, closing. */
function accounts(st: PoolStatement): Row[] {
  return st.partners.map((a) => [
    a.partner,
    a.base.toFixed(2),
    a.changes.toFixed(2),
    a.contribution.toFixed(2),
    a.share.toString(),
    a.shareOfExpenditure.toFixed(2),
    a.varianceBorne.toFixed(2),
    a.closing.toFixed(2),
  ]);
}

const line = (name: string, contributions: number[], expenditure: number, arrangement?: Arrangement): ServiceLine => ({
  name,
  contributions: contributions.map((base) => ({ base })),
  expenditure,
  arrangement,
});

describe("a pool without service lines (one line)", () => {
  test("two partners, in-year changes, overspend £50,000 shared in proportion", () => {
    // ICB: base 580,000 + 30,000 − 10,000 = 600,000; council 400,000; pool 1,000,000; spent 1,050,000 -> +50,000
    // ICB 50,000 × 600/1,000 = 30,000; council 50,000 × 400/1,000 = 20,000
    const st = settlePool({
      partners: ["ICB", "Council"],
      lines: [{ name: "Pool", contributions: [{ base: 580000, changes: [30000, -10000] }, { base: 400000 }], expenditure: 1050000 }],
    });
    expect(accounts(st)).toEqual([
      ["ICB", "580000.00", "20000.00", "600000.00", "0.6", "630000.00", "30000.00", "-30000.00"],
      ["Council", "400000.00", "0.00", "400000.00", "0.4", "420000.00", "20000.00", "-20000.00"],
    ]);
    expect(st.total.variance.toFixed(2)).toBe("50000.00");
    expect(st.riskPool).toBeNull();
    expect(st.underspendsElsewhere).toBeNull();
  });

  test("three partners, underspend £100,000 returned in proportion", () => {
    // pool 1,000,000, spent 900,000 -> -100,000: -50,000 / -30,000 / -20,000; closing +50,000 / +30,000 / +20,000 due back
    const st = settlePool({ partners: ["Trust", "Council", "Hospice"], lines: [line("Pool", [500000, 300000, 200000], 900000)] });
    expect(accounts(st)).toEqual([
      ["Trust", "500000.00", "0.00", "500000.00", "0.5", "450000.00", "-50000.00", "50000.00"],
      ["Council", "300000.00", "0.00", "300000.00", "0.3", "270000.00", "-30000.00", "30000.00"],
      ["Hospice", "200000.00", "0.00", "200000.00", "0.2", "180000.00", "-20000.00", "20000.00"],
    ]);
  });

  test("fixed shares: PROPORTIONAL follows them, not the contributions", () => {
    // contributions 700,000 / 300,000; fixed shares 50% / 50%; spent 900,000 -> -100,000 × 50% = -50,000 each
    const st = settlePool({ partners: ["ICB", "Council"], lines: [line("Pool", [700000, 300000], 900000)], fixedShares: ds(["0.5", "0.5"]) });
    expect(accounts(st).map((r) => [r[4], r[6], r[7]])).toEqual([
      ["0.5", "-50000.00", "50000.00"],
      ["0.5", "-50000.00", "50000.00"],
    ]);
  });

  test("a risk pool row: £20,000 of an £50,000 overspend absorbed, the rest by contribution", () => {
    // 50,000 − 20,000 = 30,000 × 0.6 / 0.4 = 18,000 / 12,000; shares of expenditure 618,000 + 412,000 + 20,000 = 1,050,000
    const st = settlePool({
      partners: ["ICB", "Council"],
      lines: [line("Pool", [600000, 400000], 1050000)],
      arrangement: both({ method: "RISKPOOL", reserve: d(20000), then: PROPORTIONAL }),
    });
    expect(accounts(st).map((r) => [r[5], r[6]])).toEqual([
      ["618000.00", "18000.00"],
      ["412000.00", "12000.00"],
    ]);
    expect(st.riskPool?.toFixed(2)).toBe("20000.00");
  });
});

describe("a pool of service lines", () => {
  // Community equipment: ICB 200,000 + council 200,000 = 400,000; spent 450,000 -> +50,000
  // Reablement:          ICB 300,000 + council 100,000 = 400,000; spent 380,000 -> −20,000
  // Carers:              council 200,000;                          spent 190,000 -> −10,000
  // Pool: ICB 500,000 + council 500,000 = 1,000,000; spent 1,020,000 -> +20,000
  const lines = [line("Community equipment", [200000, 200000], 450000), line("Reablement", [300000, 100000], 380000), line("Carers", [0, 200000], 190000)];
  const pool = (extra: Partial<Pool>): Pool => ({ partners: ["ICB", "Council"], lines, ...extra });

  test("line by line, each in proportion to what each partner put into it", () => {
    // Equipment +50,000 × 200/400 = 25,000 each; Reablement −20,000 × 300/400 = −15,000 (ICB), × 100/400 = −5,000 (council);
    // Carers −10,000 all council. ICB 25,000 − 15,000 = 10,000; council 25,000 − 5,000 − 10,000 = 10,000
    const st = settlePool(pool({}));
    expect(st.lines.map((l) => l.borne?.map((b) => b.toFixed(2)))).toEqual([
      ["25000.00", "25000.00"],
      ["-15000.00", "-5000.00"],
      ["0.00", "-10000.00"],
    ]);
    expect(accounts(st).map((r) => [r[3], r[4], r[5], r[6], r[7]])).toEqual([
      ["500000.00", "0.5", "510000.00", "10000.00", "-10000.00"],
      ["500000.00", "0.5", "510000.00", "10000.00", "-10000.00"],
    ]);
    expect(st.total.expenditure.toFixed(2)).toBe("1020000.00");
  });

  test("fixed shares of 70/30: PROPORTIONAL follows them line by line, OWN follows who funds each line", () => {
    // PROPORTIONAL: Equipment 50,000 × 70/30% = 35,000 / 15,000; Reablement −20,000 -> −14,000 / −6,000;
    // Carers −10,000 -> −7,000 / −3,000. ICB 35,000 − 14,000 − 7,000 = 14,000; council 15,000 − 6,000 − 3,000 = 6,000
    const proportional = settlePool(pool({ fixedShares: ds(["0.7", "0.3"]) }));
    expect(proportional.partners.map((a) => a.varianceBorne.toFixed(2))).toEqual(["14000.00", "6000.00"]);
    // OWN: as the line-by-line example above, 10,000 each
    const own = settlePool(pool({ fixedShares: ds(["0.7", "0.3"]), arrangement: both({ method: "OWN", amounts: null }) }));
    expect(own.partners.map((a) => a.varianceBorne.toFixed(2))).toEqual(["10000.00", "10000.00"]);
  });

  test("each line with its own arrangement: the host bears the equipment overspend", () => {
    // Equipment +50,000 -> ICB (LEAD 1); Reablement −15,000 / −5,000 (PROPORTIONAL); Carers −10,000 council
    // ICB 50,000 − 15,000 = 35,000; council −5,000 − 10,000 = −15,000; 35,000 − 15,000 = 20,000
    const st = settlePool({
      partners: ["ICB", "Council"],
      lines: [{ ...lines[0], arrangement: both({ method: "LEAD", partner: 0 }) }, lines[1], lines[2]],
    });
    expect(st.partners.map((a) => a.varianceBorne.toFixed(2))).toEqual(["35000.00", "-15000.00"]);
  });

  test("WATERFALL: underspends on other lines first, then the risk pool, then the split", () => {
    // overspends 50,000; underspends 20,000 + 10,000 = 30,000 meet 30,000 of it; 20,000 left;
    // no underspends available elsewhere (0); the £15,000 risk pool absorbs 15,000; 5,000 × 50% = 2,500 each
    const st = settlePool(pool({ arrangement: both({ method: "WATERFALL", available: d(0), reserve: d(15000), then: PROPORTIONAL }) }));
    expect(st.settledAsWhole).toBe(true);
    expect(st.partners.map((a) => a.varianceBorne.toFixed(2))).toEqual(["2500.00", "2500.00"]);
    expect(st.riskPool?.toFixed(2)).toBe("15000.00");
    expect(st.underspendsElsewhere?.toFixed(2)).toBe("0.00");
    // 2,500 + 2,500 + 15,000 + 0 = 20,000, the pool's variance
    // The gross view. Reablement's −20,000 belongs to its funders, 300/400 and 100/400: ICB −15,000, council −5,000;
    // Carers' −10,000 is the council's. All of it met Equipment's +50,000, with the 2,500 each and the 15,000 risk pool:
    // Equipment: ICB 15,000 + 2,500 = 17,500; council 5,000 + 10,000 + 2,500 = 17,500; risk pool 15,000 (17,500 + 17,500 + 15,000 = 50,000).
    expect(st.lines.map((l) => l.borne.map((b) => b.toFixed(2)))).toEqual([
      ["17500.00", "17500.00"],
      ["-15000.00", "-5000.00"],
      ["0.00", "-10000.00"],
    ]);
    expect(st.lines.map((l) => l.riskPool.toFixed(2))).toEqual(["15000.00", "0.00", "0.00"]);
    // ICB: met 17,500 of 50,000 overspent = 35%, its underspends −15,000, net 2,500
    expect(st.partners.map((a) => [a.overspendsMet.toFixed(2), a.underspends.toFixed(2), a.shareOfOverspends?.toString()])).toEqual([
      ["17500.00", "-15000.00", "0.35"],
      ["17500.00", "-15000.00", "0.35"],
    ]);
  });

  test("WATERFALL gross view: the NHS's underspend met the council's overspend, so the NHS paid 84% of it", () => {
    // NHS community services: ICB 600,000, spent 540,000 (−60,000). Council home care: 400,000, spent 500,000 (+100,000).
    // Net +40,000, shared by contributions 600/400: ICB 24,000, council 16,000 (the net view).
    // Gross: the council's +100,000 was met by the ICB's 60,000 underspend + 24,000 = 84,000 (84%), and the council's 16,000 (16%).
    const st = settlePool({
      partners: ["ICB", "Council"],
      lines: [line("NHS community services", [600000, 0], 540000), line("Home care", [0, 400000], 500000)],
      arrangement: both({ method: "WATERFALL", available: d(0), reserve: d(0), then: PROPORTIONAL }),
    });
    expect(st.partners.map((a) => a.varianceBorne.toFixed(2))).toEqual(["24000.00", "16000.00"]);
    expect(st.lines.map((l) => l.borne.map((b) => b.toFixed(2)))).toEqual([
      ["-60000.00", "0.00"],
      ["84000.00", "16000.00"],
    ]);
    expect(st.partners.map((a) => a.shareOfOverspends?.toString())).toEqual(["0.84", "0.16"]);
  });

  test("WATERFALL gross view with a net underspend: the part of a line's underspend not used goes by the underspend rule", () => {
    // NHS line: ICB 600,000, spent 500,000 (−100,000). Council line: 400,000, spent 440,000 (+40,000).
    // Net −60,000 by contributions 600/400: ICB −36,000, council −24,000.
    // Gross: 40,000 of the NHS line's underspend (the ICB's) met the council line's overspend; the other 60,000 is
    // shared −36,000 / −24,000. NHS line: ICB −(40,000 + 36,000) = −76,000, council −24,000; council line: ICB +40,000.
    const st = settlePool({
      partners: ["ICB", "Council"],
      lines: [line("NHS community services", [600000, 0], 500000), line("Home care", [0, 400000], 440000)],
      arrangement: both({ method: "WATERFALL", available: d(0), reserve: d(0), then: PROPORTIONAL }),
    });
    expect(st.partners.map((a) => a.varianceBorne.toFixed(2))).toEqual(["-36000.00", "-24000.00"]);
    expect(st.lines.map((l) => l.borne.map((b) => b.toFixed(2)))).toEqual([
      ["-76000.00", "-24000.00"],
      ["40000.00", "0.00"],
    ]);
    expect(st.partners.map((a) => a.shareOfOverspends?.toString())).toEqual(["1", "0"]);
  });

  test("WATERFALL with a net underspend: split by the underspend rule", () => {
    // Equipment spends 410,000 instead (+10,000): overspends 10,000 < underspends 30,000 -> net −20,000 -> −10,000 each
    const st = settlePool({
      partners: ["ICB", "Council"],
      lines: [line("Community equipment", [200000, 200000], 410000), lines[1], lines[2]],
      arrangement: { overspend: { method: "WATERFALL", available: d(0), reserve: d(15000), then: PROPORTIONAL }, underspend: PROPORTIONAL },
    });
    expect(st.partners.map((a) => a.varianceBorne.toFixed(2))).toEqual(["-10000.00", "-10000.00"]);
    expect(st.riskPool?.toFixed(2)).toBe("0.00");
  });

  test("WATERFALL cannot be one line's own method", () => {
    expect(() =>
      settlePool({
        partners: ["ICB", "Council"],
        lines: [{ ...lines[0], arrangement: both({ method: "WATERFALL", available: d(0), reserve: d(0), then: PROPORTIONAL }) }, lines[1]],
      }),
    ).toThrow("WATERFALL settles the whole pool: give it as the pool's method, not Community equipment's.");
  });

  test("an error on one line names the line", () => {
    expect(() =>
      settlePool({ partners: ["ICB", "Council"], lines: [lines[0], { ...lines[1], arrangement: both({ method: "FIXED", percentages: ds(["0.5", "0.4"]) }) }] }),
    ).toThrow(/^Reablement: The FIXED percentages add up to 90%/);
    expect(() =>
      settlePool({ partners: ["ICB", "Council"], lines: [lines[0], { ...lines[1], arrangement: both({ method: "CAPPED", caps: ds([1, 1]) }) }] }),
    ).toThrow(/^Reablement: The caps add up to £2.00, less than the underspend of £20,000.00/);
  });
});

describe("what does not fit is refused with what to change", () => {
  test("duplicate partner names", () => {
    expect(() => settlePool({ partners: ["ICB", "icb"], lines: [line("Pool", [1, 1], 2)] })).toThrow(
      'Two partners are called "icb" (partners 1 and 2): give each a different name.',
    );
  });
  test("a line with the wrong number of contributions", () => {
    expect(() => settlePool({ partners: ["ICB", "Council"], lines: [line("Pool", [1], 2)] })).toThrow(
      "Pool has 1 contributions for 2 partners: give one per partner (0 where a partner puts nothing in).",
    );
  });
  test("a contribution cut below zero by in-year changes", () => {
    expect(() =>
      settlePool({ partners: ["ICB", "Council"], lines: [{ name: "Pool", contributions: [{ base: 100, changes: [-150] }, { base: 100 }], expenditure: 0 }] }),
    ).toThrow("ICB's contribution to Pool is -£50.00 after in-year changes: a contribution cannot be negative.");
  });
  test("fixed shares that do not add up to 100%", () => {
    expect(() => settlePool({ partners: ["ICB", "Council"], lines: [line("Pool", [1, 1], 2)], fixedShares: ds([60, 40]) })).toThrow(
      "The fixed shares add up to 10000%, not 100%: change them so they add up to 100%.",
    );
  });
  test("no contributions and no fixed shares: no shares", () => {
    expect(() => settlePool({ partners: ["ICB", "Council"], lines: [line("Pool", [0, 0], 2)] })).toThrow(/The contributions add up to zero/);
  });
});
