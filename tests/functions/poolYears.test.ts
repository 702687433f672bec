/**
 * POOLYEARS (a pool over several years, spilled) and RESERVELEDGER, as Excel calls them.
 * The figures are the worked examples of tests/engine/pool/years.test.ts, arithmetic in comments.
 */
import * as pool from "../../src/functions/pool";

/** The functions as Excel calls them: omitted arguments as null. */
const f = pool as unknown as { [K in keyof typeof pool]: (...args: any[]) => any };

function excelError(call: () => unknown): { code: string; message: string } {
  try {
    call();
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error("expected an Excel error");
}

const PARTNERS = [["NHS Board"], ["Council"]];

describe("RESERVELEDGER", () => {
  test("drawn and rebuilt over three years: closing = opening + top-ups − draws", () => {
    // 80,000 − 50,000 = 30,000; 30,000 − 30,000 = 0; 0 + 50,000 = 50,000
    expect(f.reserveLedger(80000, [[0, 0, 50000]], [[50000, 30000, 0]], [["2023/24"]])).toEqual([
      ["Year", "Opening", "Top-ups", "Draws", "Closing"],
      ["2023/24", 80000, 0, 50000, 30000],
      ["2024/25", 30000, 0, 30000, 0],
      ["2025/26", 0, 50000, 0, 50000],
    ]);
  });
  test("a draw larger than the reserve holds is refused, naming the year", () => {
    const e = excelError(() => f.reserveLedger(1000, [[0, 0]], [[500, 600]], [["2024/25", "2025/26"]]));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe("2025/26: draws of £600.00 are more than the reserve holds (£500.00 + top-ups £0.00 = £500.00).");
  });
});

describe("POOLYEARS", () => {
  // 72/28 by contributions in 2023/24, FIXED 60/40 from 2024/25; reserve 80,000, overspends met first,
  // underspends kept up to a 50,000 ceiling.
  const args = [
    PARTNERS,
    [["2023/24", "2024/25", "2025/26"]],
    [
      [720000, 720000, 750000],
      [280000, 280000, 300000],
    ],
    [[1050000, 1100000, 990000]],
    [["PROPORTIONAL", "FIXED", "FIXED"]],
    [["60%", "40%", "60%", "40%"]],
    [[80000, 1, 50000]],
  ] as const;

  test("each partner by year, then all years", () => {
    // 2023/24: +50,000 → 36,000 / 14,000, all met by the reserve (80,000 → 30,000).
    // 2024/25: +100,000 → 60/40 = 60,000 / 40,000; the reserve's 30,000 cuts 18,000 / 12,000 → 42,000 / 28,000 due from them.
    // 2025/26: −60,000 → −36,000 / −24,000; 50,000 kept (ceiling) 30,000 / 20,000; −6,000 / −4,000 due back.
    expect(f.poolYears(...args)).toEqual([
      ["Year", "Partner", "Contribution", "Variance borne", "Met by reserve", "Kept in reserve", "Borne", "Deferred", "Repaid", "Due to (from) partner", "Owed at year end"],
      ["2023/24", "NHS Board", 720000, 36000, -36000, 0, 0, 0, 0, 0, 0],
      ["2023/24", "Council", 280000, 14000, -14000, 0, 0, 0, 0, 0, 0],
      ["2024/25", "NHS Board", 720000, 60000, -18000, 0, 42000, 0, 0, -42000, 0],
      ["2024/25", "Council", 280000, 40000, -12000, 0, 28000, 0, 0, -28000, 0],
      ["2025/26", "NHS Board", 750000, -36000, 0, 30000, -6000, 0, 0, 6000, 0],
      ["2025/26", "Council", 300000, -24000, 0, 20000, -4000, 0, 0, 4000, 0],
      ["All years", "NHS Board", 2190000, 60000, -54000, 30000, 36000, 0, 0, -36000, 0],
      ["All years", "Council", 860000, 30000, -26000, 20000, 24000, 0, 0, -24000, 0],
    ]);
  });

  test("show RESERVE: the reserve's ledger", () => {
    const a = [...args, null, null, "RESERVE"];
    expect(f.poolYears(...a)).toEqual([
      ["Year", "Opening", "Top-ups", "Draws", "Closing"],
      ["2023/24", 80000, 0, 50000, 30000],
      ["2024/25", 30000, 0, 30000, 0],
      ["2025/26", 0, 50000, 0, 50000],
    ]);
  });

  test("a repayment over three years, lent by the reserve", () => {
    // 2024/25: +100,000 by contributions 600/400 → 60,000 / 40,000; the reserve does not meet overspends (FALSE);
    // the council defers 75% (30,000), repaid 10,000 a year from 2025/26; owed 30,000, 20,000, 10,000, 0.
    const rows = f.poolYears(
      [["ICB"], ["Council"]],
      [["2024/25"]],
      [
        [600000, 600000, 600000, 600000],
        [400000, 400000, 400000, 400000],
      ],
      [[1100000, 1000000, 1000000, 1000000]],
      null,
      null,
      [[50000, 0, null, false]],
      null,
      [["2024/25", "Council", 0.75, 3]],
    );
    const council = rows.filter((r: unknown[]) => r[1] === "Council").map((r: unknown[]) => [r[0], r[7], r[8], r[9], r[10]]);
    expect(council).toEqual([
      ["2024/25", -30000, 0, -10000, 30000],
      ["2025/26", 0, 10000, -10000, 20000],
      ["2026/27", 0, 10000, -10000, 10000],
      ["2027/28", 0, 10000, -10000, 0],
      ["All years", -30000, 30000, -40000, 0],
    ]);
  });

  test("errors say what to change", () => {
    expect(excelError(() => f.poolYears(PARTNERS, [["2024/25", "2026/27"]], [[1, 1], [1, 1]], [[2, 2]])).message).toBe(
      "The years must follow one another: 2024/25 is followed by 2026/27, not 2025/26.",
    );
    expect(excelError(() => f.poolYears(PARTNERS, [["2024/25"]], [[1, 1]], [[2, 2]])).message).toBe(
      "contributions must have one row per partner (2) and one column per year; got 1 row(s).",
    );
    expect(excelError(() => f.poolYears(PARTNERS, [["2024/25"]], [[1], [1]], [[2]], null, null, null, null, null, "BOTH")).message).toBe(
      'show must be PARTNERS (each partner\'s account by year) or RESERVE (the reserve\'s ledger); got "BOTH".',
    );
  });
});
