/**
 * The pool custom functions, called exactly as Excel calls them (ranges as 2-D arrays, omitted
 * arguments as null), and through the command line. Expected figures are worked by hand here.
 */
import * as pool from "../../src/functions/pool";
import { runFn } from "../../src/cli/fn";

/** The functions as Excel calls them: a single value or null where a range is declared is allowed. */
const f = pool as unknown as { [K in keyof typeof pool]: (...args: any[]) => any };

function excelError(call: () => unknown): { code: string; message: string } {
  try {
    call();
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error("expected an Excel error");
}

const THREE = [[500000], [300000], [200000]]; // a column: NHS trust, council, third partner
const TWO = [[600000], [400000]]; // a column: ICB, council

describe("ALLOCATE", () => {
  test("£100 three ways, the spare penny to the first of the tied parts; column in, column out", () => {
    // 10,000p / 3 = 3,333.33p; floors 9,999p; 1p left -> first
    expect(f.allocate(100, [[1], [1], [1]])).toEqual([[33.34], [33.33], [33.33]]);
  });
  test("row in, row out; an overspend of £1,000,000.01 by 500:300:200", () => {
    // 100,000,001p × 0.5 = 50,000,000.5p; × 0.3 = 30,000,000.3p; × 0.2 = 20,000,000.2p; 1p -> first (.5)
    expect(f.allocate("£1,000,000.01", [[500000, 300000, 200000]])).toEqual([[500000.01, 300000, 200000]]);
  });
  test("a 2 × 2 range keeps its shape; a blank weight is 0", () => {
    // -£90 by 1:2:0:6 (9): -10, -20, 0, -60
    expect(f.allocate(-90, [[1, 2], [null, 6]])).toEqual([[-10, -20], [0, -60]]);
  });
  test("weights adding up to zero", () => {
    const e = excelError(() => f.allocate(100, [[0], [""]]));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe("The weights add up to zero, so there is nothing to split the amount in proportion to: give at least one weight above zero.");
  });
  test("nothing to split between weights of zero is zero each", () => {
    expect(f.allocate(0, [[0], [0]])).toEqual([[0], [0]]);
  });
  test("text where a weight belongs", () => {
    const e = excelError(() => f.allocate(100, [[1], ["NHS"]]));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe('weights (row 2) must be a number; got "NHS".');
  });
  test("an amount beyond any pooled budget", () => {
    const e = excelError(() => f.allocate(1e300, [[1]]));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/^amount must be at most 10000000000000/);
  });
});

describe("POOLSHARES", () => {
  test("by contribution: 600,000 / 1,000,000 = 0.6; 400,000 / 1,000,000 = 0.4", () => {
    expect(f.poolShares(TWO)).toEqual([[0.6], [0.4]]);
  });
  test("three partners in a row", () => {
    expect(f.poolShares([[500000, 300000, 200000]])).toEqual([[0.5, 0.3, 0.2]]);
  });
  test("fixed shares set in the agreement are the shares", () => {
    expect(f.poolShares(TWO, [[0.5], ["50%"]])).toEqual([[0.5], [0.5]]);
  });
  test("fixed shares that do not add up to 100%", () => {
    const e = excelError(() => f.poolShares(TWO, [[0.5], [0.4]]));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe("The fixed shares add up to 90%, not 100%: change them so they add up to 100%.");
  });
  test("one fixed share per partner", () => {
    expect(excelError(() => f.poolShares(TWO, [[1]])).message).toBe("Give one fixed share per partner: there are 2 partners and 1 fixed shares.");
  });
  test("a negative contribution", () => {
    const e = excelError(() => f.poolShares([[100], [-5]]));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe("contributions (row 2) must be at least 0; got -5.");
  });
  test("contributions adding up to zero", () => {
    expect(excelError(() => f.poolShares([[0], [null]])).message).toBe(
      "The contributions add up to zero, so there are no shares: give the contributions, or fixed shares.",
    );
  });
});

describe("RISKSHARE: each method, as a finance officer would enter it", () => {
  test("PROPORTIONAL, underspend £100,000, three partners (the default method)", () => {
    // -100,000 × 500/1,000 = -50,000.00; × 300/1,000 = -30,000.00; × 200/1,000 = -20,000.00
    expect(f.riskShare(-100000, THREE, "PROPORTIONAL")).toEqual([[-50000], [-30000], [-20000]]);
    expect(f.riskShare(-100000, THREE, null, null)).toEqual([[-50000], [-30000], [-20000]]);
  });
  test("PROPORTIONAL, contributions in a row: the result is a row", () => {
    expect(f.riskShare(100000, [[500000, 300000, 200000]])).toEqual([[50000, 30000, 20000]]);
  });
  test("FIXED 50/50, overspend £75,000.01, two partners", () => {
    // 7,500,001p × 50% = 3,750,000.5p each; 1p left; tie -> the larger contribution (ICB)
    expect(f.riskShare(75000.01, TWO, "FIXED", [["50%"], ["50%"]])).toEqual([[37500.01], [37500]]);
  });
  test("LEAD: partner 2 (the council) bears an overspend of £12,345.67", () => {
    expect(f.riskShare(12345.67, THREE, "lead", 2)).toEqual([[0], [12345.67], [0]]);
  });
  test("CAPPED: NHS at £20,000, council no cap, third at £15,000; overspend £100,000", () => {
    // 50,000 / 30,000 / 20,000 in proportion; NHS and third held at caps; council 100,000 − 35,000 = 65,000
    expect(f.riskShare(100000, THREE, "CAPPED", [[20000], [null], [15000]])).toEqual([[20000], [65000], [15000]]);
  });
  test("CAPPED with no caps given: capped at contributions", () => {
    const e = excelError(() => f.riskShare(150000, [[60000], [40000]], "CAPPED"));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe(
      "The caps add up to £100,000.00, less than the overspend of £150,000.00: the caps cannot absorb £50,000.00. Raise the caps, or leave a partner's cap empty for no cap.",
    );
  });
  test("TIERED: first £100,000 50/50, the rest by contribution; overspend £250,000", () => {
    // 50,000 each; rest 150,000 × 0.6 / 0.4 = 90,000 / 60,000 -> 140,000 / 110,000
    expect(f.riskShare(250000, TWO, "TIERED", [[100000], ["FIXED"], [0.5], [0.5], ["PROPORTIONAL"]])).toEqual([[140000], [110000]]);
  });
  test("RISKPOOL: £500,000 risk pool, then 50/50; overspend £800,000", () => {
    // 800,000 − 500,000 = 300,000 × 50% = 150,000 each
    expect(f.riskShare(800000, TWO, "RISKPOOL", [[500000, "FIXED", 0.5, 0.5]])).toEqual([[150000], [150000]]);
  });
  test("OWN: each partner's own lines, +40,000, -10,000, +5,000", () => {
    expect(f.riskShare(35000, THREE, "OWN", [[40000], [-10000], [5000]])).toEqual([[40000], [-10000], [5000]]);
  });
  test("WATERFALL: £30,000 of underspends elsewhere, £50,000 risk pool, then by contribution; overspend £100,000", () => {
    // 100,000 − 30,000 − 50,000 = 20,000 × 0.5 / 0.3 / 0.2 = 10,000 / 6,000 / 4,000
    expect(f.riskShare(100000, THREE, "WATERFALL", [[30000], [50000]])).toEqual([[10000], [6000], [4000]]);
  });
  test("CAPPED/PROPORTIONAL: the overspend capped, the underspend in proportion", () => {
    const caps = [[10000], [null]];
    // overspend 30,000: ICB 18,000 > 10,000 -> 10,000; council 20,000
    expect(f.riskShare(30000, TWO, "CAPPED/PROPORTIONAL", caps)).toEqual([[10000], [20000]]);
    // underspend -30,000: -18,000 / -12,000
    expect(f.riskShare(-30000, TWO, "CAPPED/PROPORTIONAL", caps)).toEqual([[-18000], [-12000]]);
  });
  test("numbers as text, as cells formatted as text hold them", () => {
    expect(f.riskShare("-100,000", [["500000"], ["£300,000"], ["200000"]], "proportional")).toEqual([[-50000], [-30000], [-20000]]);
  });
});

describe("RISKSHARE errors say what to change", () => {
  test.each<[string, unknown[], string, string | RegExp]>([
    ["an unknown method", [100, THREE, "EVENLY"], "#VALUE!", '"EVENLY" is not a risk-share method. Use one of: PROPORTIONAL, FIXED, LEAD, CAPPED, TIERED, RISKPOOL, OWN, WATERFALL.'],
    ["FIXED not adding up to 100%", [100, TWO, "FIXED", [[0.6], [0.3]]], "#VALUE!", "The FIXED percentages add up to 90%, not 100%: change them so they add up to 100%."],
    ["FIXED typed as 60 and 40", [100, TWO, "FIXED", [[60], [40]]], "#VALUE!", /not as 60\.$/],
    ["a lead partner not there", [100, THREE, "LEAD", 4], "#VALUE!", "The lead partner (parameters cell 1) must be a partner number from 1 to 3; got 4."],
    ["parameters PROPORTIONAL does not use", [100, THREE, "PROPORTIONAL", [[1]]], "#VALUE!", /^Parameters cell 1 \(1\) is left over: PROPORTIONAL does not use it/],
    ["OWN variances not adding up", [100, TWO, "OWN", [[60], [30]]], "#VALUE!", /^OWN: the partners' own variances add up to £90.00, but the variance is £100.00/],
    ["the variance as text", [[["lots"]], THREE], "#VALUE!", 'variance must be a number; got "lots".'],
    ["a missing variance", [null, THREE], "#VALUE!", "variance is missing. Give a number."],
    ["an infinite variance", [Infinity, THREE], "#VALUE!", "variance is not a finite number."],
    ["contributions missing", [100, null], "#VALUE!", "contributions is missing. Give a range."],
    ["a method range", [100, THREE, [["FIXED", "LEAD"]]], "#VALUE!", /^method must be a single cell/],
    ["contributions of zero", [100, [[0], [0]]], "#VALUE!", /^Cannot split £100.00 in proportion to the shares of the pool: they add up to zero/],
  ])("%s", (_, args, code, message) => {
    const e = excelError(() => f.riskShare(...args));
    expect(e.code).toBe(code);
    if (typeof message === "string") expect(e.message).toBe(message);
    else expect(e.message).toMatch(message);
  });
});

describe("POOLACCOUNT: each partner's memorandum account", () => {
  const HEADER = [
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
  ];

  test("two partners, one pool, in-year changes, overspend £50,000 in proportion", () => {
    // ICB 580,000 + 20,000 = 600,000; council 400,000; spent 1,050,000 -> +50,000: 30,000 / 20,000
    expect(f.poolAccount([["ICB"], ["Council"]], [[580000], [400000]], 1050000, null, null, [[20000], [null]])).toEqual([
      HEADER,
      ["ICB", 580000, 20000, 600000, 0.6, 630000, 30000, -30000, 30000, 0, 0.6],
      ["Council", 400000, 0, 400000, 0.4, 420000, 20000, -20000, 20000, 0, 0.4],
      ["Total", 980000, 20000, 1000000, 1, 1050000, 50000, -50000, 50000, 0, 1],
    ]);
  });

  test("three partners, underspend £100,000: closing positions due back", () => {
    expect(f.poolAccount([["Trust"], ["Council"], ["Hospice"]], THREE, 900000)).toEqual([
      HEADER,
      ["Trust", 500000, 0, 500000, 0.5, 450000, -50000, 50000, 0, -50000, ""],
      ["Council", 300000, 0, 300000, 0.3, 270000, -30000, 30000, 0, -30000, ""],
      ["Hospice", 200000, 0, 200000, 0.2, 180000, -20000, 20000, 0, -20000, ""],
      ["Total", 1000000, 0, 1000000, 1, 900000, -100000, 100000, 0, -100000, ""],
    ]);
  });

  // Service lines across, partners down:      Equipment  Reablement  Carers
  const LINES = [
    [200000, 300000, 0], //                      ICB
    [200000, 100000, 200000], //                 Council
  ];
  const SPENT = [[450000, 380000, 190000]]; // +50,000, −20,000, −10,000: pool +20,000

  test("service lines, WATERFALL: other lines' underspends first, then a £15,000 risk pool, then the split", () => {
    // overspend 50,000 − underspends 30,000 = 20,000; nothing available elsewhere; risk pool 15,000; 5,000 × 50% = 2,500 each
    expect(f.poolAccount([["ICB"], ["Council"]], LINES, SPENT, "WATERFALL", [[0, 15000]])).toEqual([
      HEADER,
      // Gross: Equipment's +50,000 met by ICB 15,000 (its Reablement underspend) + 2,500, council 5,000 + 10,000 + 2,500, risk pool 15,000
      ["ICB", 500000, 0, 500000, 0.5, 502500, 2500, -2500, 17500, -15000, 0.35],
      ["Council", 500000, 0, 500000, 0.5, 502500, 2500, -2500, 17500, -15000, 0.35],
      ["Underspends elsewhere", "", "", "", "", 0, 0, 0, 0, 0, 0],
      ["Risk pool", "", "", "", "", 15000, 15000, -15000, 15000, 0, 0.3],
      ["Total", 1000000, 0, 1000000, 1, 1020000, 20000, -20000, 50000, -30000, 1],
    ]);
  });

  test("service lines, one method per line, LEAD naming its partner", () => {
    // Equipment +50,000 -> ICB; Reablement −20,000 × 300/400, 100/400 = −15,000 / −5,000; Carers −10,000 council
    // ICB 50,000 − 15,000 = 35,000; council −5,000 − 10,000 = −15,000
    const account = f.poolAccount([["ICB"], ["Council"]], LINES, SPENT, [["LEAD", "PROPORTIONAL", "OWN"]], [["icb"]]);
    expect(account.map((r: unknown[]) => [r[0], r[6]])).toEqual([
      ["Partner", "Variance borne"],
      ["ICB", 35000],
      ["Council", -15000],
      ["Total", 20000],
    ]);
  });

  test("partners in a row, lines down", () => {
    const down = f.poolAccount([["ICB", "Council"]], [[200000, 200000], [300000, 100000], [0, 200000]], [[450000], [380000], [190000]]);
    expect(down.map((r: unknown[]) => r[6])).toEqual(["Variance borne", 10000, 10000, 20000]);
  });

  test("errors", () => {
    expect(excelError(() => f.poolAccount([["ICB"], ["Council"]], [[1], [2], [3]], 6)).message).toBe(
      "contributions must have one row per partner (2), with one column per service line; got 3 row(s) by 1 column(s).",
    );
    expect(excelError(() => f.poolAccount([["ICB"], ["Council"]], LINES, 100)).message).toBe(
      "Give one expenditure figure per service line: contributions have 3 line(s), expenditure has 1.",
    );
    expect(excelError(() => f.poolAccount([["ICB"], [""]], TWO, 100)).message).toBe("partners (row 2) is empty: give every partner a name.");
    expect(excelError(() => f.poolAccount([["ICB"], ["Council"]], TWO, 100, "LEAD", "NHS")).message).toBe(
      'The lead partner "NHS" is not one of the partners (ICB, Council).',
    );
    const negative = excelError(() => f.poolAccount([["ICB"], ["Council"]], TWO, 100, null, null, [[-700000], [0]]));
    expect(negative.code).toBe("#VALUE!");
    expect(negative.message).toBe("ICB's contribution to the pool is -£100,000.00 after in-year changes: a contribution cannot be negative.");
    expect(excelError(() => f.poolAccount([["ICB"], ["Council"]], LINES, [[450000, null, 190000]])).message).toBe(
      "expenditure (column 2) is empty: give the figure (0 if it is nothing).",
    );
  });
});

describe("POOLLINES: each partner's part of each line's variance", () => {
  test("line by line, in the shape of contributions", () => {
    // Equipment 25,000 / 25,000; Reablement −15,000 / −5,000; Carers 0 / −10,000
    expect(f.poolLines([["ICB"], ["Council"]], [[200000, 300000, 0], [200000, 100000, 200000]], [[450000, 380000, 190000]])).toEqual([
      [25000, -15000, 0],
      [25000, -5000, -10000],
    ]);
  });
  test("WATERFALL: the gross view, each line's underspend shown where it arose and where it went", () => {
    // Equipment +50,000, Reablement −20,000 (ICB −15,000, council −5,000), Carers −10,000 (council); risk pool 15,000;
    // Equipment met by ICB 15,000 + 2,500 and council 15,000 + 2,500; the risk pool's 15,000 is not a partner's.
    const lines = [[200000, 300000, 0], [200000, 100000, 200000]];
    expect(f.poolLines([["ICB"], ["Council"]], lines, [[450000, 380000, 190000]], "WATERFALL", [[0, 15000]])).toEqual([
      [17500, -15000, 0],
      [17500, -5000, -10000],
    ]);
    // SPENT: what each partner's money paid for: contribution + its part. ICB 200,000 + 17,500; 300,000 − 15,000; 0.
    expect(f.poolLines([["ICB"], ["Council"]], lines, [[450000, 380000, 190000]], "WATERFALL", [[0, 15000]], null, null, "SPENT")).toEqual([
      [217500, 285000, 0],
      [217500, 95000, 190000],
    ]);
  });
  test("show must be VARIANCE or SPENT", () => {
    expect(excelError(() => f.poolLines([["ICB"], ["Council"]], TWO, 100, null, null, null, null, "GROSS")).message).toBe(
      'show must be VARIANCE (each partner\'s part of each line\'s variance) or SPENT (what its money paid for on each line); got "GROSS".',
    );
  });
});

describe("the command line evaluates them", () => {
  test("caretrust fn RISKSHARE -100000 '[[500000],[300000],[200000]]' PROPORTIONAL", () => {
    expect(runFn("RISKSHARE", ["-100000", "[[500000],[300000],[200000]]", "PROPORTIONAL"])).toEqual({
      exitCode: 0,
      stdout: "[[-50000],[-30000],[-20000]]\n",
      stderr: "",
    });
  });
  test("caretrust fn RISKSHARE 100000 '[[500000],[300000],[200000]]' CAPPED '[[20000],[null],[15000]]'", () => {
    expect(runFn("RISKSHARE", ["100000", "[[500000],[300000],[200000]]", "CAPPED", "[[20000],[null],[15000]]"]).stdout).toBe("[[20000],[65000],[15000]]\n");
  });
  test("caretrust fn ALLOCATE 100 '[[1,1,1]]'", () => {
    expect(runFn("ALLOCATE", ["100", "[[1,1,1]]"]).stdout).toBe("[[33.34,33.33,33.33]]\n");
  });
  test("an error exits 1 with its code and message", () => {
    const r = runFn("RISKSHARE", ["100", "[[1],[1]]", "FIXED", "[[0.6],[0.3]]"]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^#VALUE! The FIXED percentages add up to 90%/);
  });
});

describe("the worked examples in docs/pools.md", () => {
  test("ALLOCATE(1000000.01, B2:B4)", () => {
    expect(f.allocate(1000000.01, THREE)).toEqual([[500000.01], [300000], [200000]]);
  });
  test("POOLSHARES(B2:B4) and with fixed shares 40/40/20", () => {
    expect(f.poolShares(THREE)).toEqual([[0.5], [0.3], [0.2]]);
    expect(f.poolShares(THREE, [["40%"], ["40%"], ["20%"]])).toEqual([[0.4], [0.4], [0.2]]);
  });
  test("RISKSHARE table", () => {
    expect(f.riskShare(100000, THREE, "FIXED", [[0.4], [0.4], [0.2]])).toEqual([[40000], [40000], [20000]]);
    expect(f.riskShare(200000, THREE, "TIERED", [[50000], ["LEAD"], [1], [150000], ["FIXED"], ["50%"], ["30%"], ["20%"], ["PROPORTIONAL"]])).toEqual([
      [125000],
      [45000],
      [30000],
    ]);
    expect(f.riskShare(50000, THREE, "RISKPOOL", 20000)).toEqual([[15000], [9000], [6000]]);
    expect(f.riskShare(100000, THREE, "WATERFALL", [[30000, 50000]])).toEqual([[10000], [6000], [4000]]);
  });
  test("the parameters examples", () => {
    expect(f.riskShare(100000, THREE, "RISKPOOL", [[500000, "FIXED", "50%", "25%", "25%"]])).toEqual([[0], [0], [0]]);
    expect(f.riskShare(100000, THREE, "WATERFALL", [[30000, 50000, "LEAD", 1]])).toEqual([[20000], [0], [0]]);
    // CAPPED/FIXED on an underspend: the FIXED part applies, -10,000 × 50/30/20%
    expect(f.riskShare(-10000, THREE, "CAPPED/FIXED", [[20000], [null], [15000], ["50%"], ["30%"], ["20%"]])).toEqual([[-5000], [-3000], [-2000]]);
  });
});

test("docs: quarterly instalments, ALLOCATE(400000.02, {1,1,1,1})", () => {
  // 40,000,002p / 4 = 10,000,000.5p each; floors 40,000,000p; 2p left; all tied -> the first two
  expect(f.allocate(400000.02, [[1, 1, 1, 1]])).toEqual([[100000.01, 100000.01, 100000, 100000]]);
});

describe("ALIGNED lines beside pooled ones", () => {
  // Reablement (pooled) ICB 300,000 / council 100,000, spent 440,000: +40,000.
  // Equipment (pooled) 100,000 / 100,000, spent 180,000: −20,000.
  // Continuing healthcare (aligned) ICB 500,000, spent 560,000: +60,000, the ICB's own.
  const LINES4 = [
    [300000, 100000, 500000],
    [100000, 100000, 0],
  ];
  const SPENT4 = [[440000, 180000, 560000]];

  test("POOLACCOUNT shows the aligned budgets apart, after the pool's Total", () => {
    // WATERFALL on the pooled lines: 40,000 − 20,000 = 20,000 × 400/600, 200/600 = 13,333.33 / 6,666.67.
    // Gross: equipment's −20,000 is −10,000 each; reablement's +40,000 met by ICB 10,000 + 13,333.33 and council 10,000 + 6,666.67.
    const account = f.poolAccount([["ICB"], ["Council"]], LINES4, SPENT4, [["WATERFALL", "WATERFALL", "ALIGNED"]], [[0, 0]]);
    expect(account.map((r: unknown[]) => [r[0], r[3], r[6], r[8]])).toEqual([
      ["Partner", "Contribution", "Variance borne", "Overspends met"],
      ["ICB", 400000, 13333.33, 23333.33],
      ["Council", 200000, 6666.67, 16666.67],
      ["Underspends elsewhere", "", 0, 0],
      ["Risk pool", "", 0, 0],
      ["Total", 600000, 20000, 40000],
      ["ICB (aligned)", 500000, 60000, 60000],
      ["Council (aligned)", 0, 0, 0],
      ["Total aligned", 500000, 60000, 60000],
    ]);
  });

  test("POOLLINES: the aligned line is its funder's own", () => {
    expect(f.poolLines([["ICB"], ["Council"]], LINES4, SPENT4, [["PROPORTIONAL", "PROPORTIONAL", "ALIGNED"]])).toEqual([
      [30000, -10000, 60000],
      [10000, -10000, 0],
    ]);
  });
});

describe("ALLOCATE's limits agree with POOLSHARES' (issue 13 item 7)", () => {
  test("a negative weight is refused, as POOLSHARES refuses a negative contribution", () => {
    const e = excelError(() => f.allocate(100, [[500000], [-300000]]));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/weights \(row 2\) must be at least 0/);
  });
  test("caretrust fn ALLOCATE 100 500000,300000 is refused as a list, not read as the one number 500000300000", () => {
    const e = excelError(() => f.allocate(100, "500000,300000"));
    expect(e.message).toMatch(/reads as a list.*\[\[500000\],\[300000\]\]/);
    // Thousands separators are still read: "31,049" is 31049.
    expect(f.allocate("1,000", [["31,049"], ["31,049"]])).toEqual([[500], [500]]);
  });
});
