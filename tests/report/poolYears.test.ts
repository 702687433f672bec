/**
 * The board pack's Pool statement over several years (issue 14): samples/scenario-pool-years.json
 * (a rule change in year two, a reserve, dated changes, an aligned budget, income netted by the
 * council, a repayment over three years). Every formula on the sheet carries the engine's result.
 */
import fs from "fs";
import path from "path";
import { buildBoardPack } from "../../src/report/boardPack";
import { parseBoardScenario } from "../../src/report/scenario";
import { isFormula, type Block } from "../../src/sheets/plan";
import { ROOT, sampleTable } from "./sample";

const scenario = () => parseBoardScenario(JSON.parse(fs.readFileSync(path.join(ROOT, "samples", "scenario-pool-years.json"), "utf8")));

describe("a pool over three years in the board pack", () => {
  const pack = buildBoardPack({ table: sampleTable(), scenario: scenario(), generatedOn: "2026-12-07", version: "test" });
  const r = pack.report;
  const pool = r.pool!;
  test("settles with no warning", () => expect(pack.warnings).toEqual([]));

  test("the pool carries its own years, independent of the pay year", () => {
    expect(pool.year).toBe("2026/27");
    expect(pool.years!.years).toEqual(["2024/25", "2025/26", "2026/27"]);
    expect(pool.years!.riskShares).toEqual(["PROPORTIONAL", "FIXED 40%, 40%, 20%", "FIXED 40%, 40%, 20%"]);
  });

  test("2024/25 worked by hand: income netted by the council, a virement out, a one-off, the reserve meeting it all", () => {
    // Community nursing: trust 6,200,000; ICB 1,200,000 + one-off 100,000 = 1,300,000; 7,500,000, spent 7,650,000:
    //   +150,000 × 6.2/7.5 = 124,000 (trust), × 1.3/7.5 = 26,000 (ICB).
    // Reablement: council 4,800,000 − virement out 150,000 = 4,650,000; ICB 600,000; client contributions budgeted
    //   400,000, received 352,000, a 48,000 shortfall the council bears alone (its contribution is net of charges).
    //   Variance 5,830,000 − 5,250,000 − 352,000 = 228,000; shared 180,000 × 4.65/5.25 = 159,428.57, × 0.6/5.25 = 20,571.43.
    // Council 159,428.57 + 48,000 = 207,428.57; ICB 26,000 + 20,571.43 = 46,571.43. Pool 378,000, all met by the
    // 400,000 reserve (22,000 left). Continuing healthcare is aligned: the ICB's own +140,000.
    const y = pool.years!.byYear[0];
    expect(y.map((a) => a.varianceBorne.toFixed(2))).toEqual(["124000.00", "207428.57", "46571.43"]);
    expect(y.map((a) => a.borne.toFixed(2))).toEqual(["0.00", "0.00", "0.00"]);
    expect(y.map((a) => a.aligned.toFixed(2))).toEqual(["0.00", "0.00", "140000.00"]);
    expect(pool.years!.reserve![0].closing.toFixed(2)).toBe("22000.00");
  });

  test("the ledger holds every year and the years chain; the council's repayment is lent by the trust", () => {
    const rs = pool.years!.reserve!;
    rs.forEach((x, k) => {
      expect(x.closing.eq(x.opening.plus(x.topUps).minus(x.draws))).toBe(true);
      if (k > 0) expect(x.opening.eq(rs[k - 1].closing)).toBe(true);
    });
    // 2025/26: the council defers half of what it bears, lent by the trust; repaid over 3 years from 2026/27.
    const council = pool.years!.byYear.map((y) => y[1]);
    expect(council[1].deferred.negated().times(2).minus(council[1].borne).abs().lte("0.01")).toBe(true);
    expect(pool.years!.byYear[1][0].lent.eq(council[1].deferred.negated())).toBe(true);
    expect(council[2].owedAtEnd.gt(0)).toBe(true); // two instalments still to come after the last year shown
  });

  test("every formula on the Pool statement carries a result", () => {
    const sheet = pack.workbook.sheets.find((s) => s.name === "Pool statement")!;
    const formulas = sheet.blocks.flatMap((b: Block) => (b.kind === "range" ? b.values.flat() : b.kind === "table" ? b.rows.flat() : [])).filter(isFormula);
    expect(formulas.length).toBeGreaterThan(20);
    formulas.forEach((f) => expect(f.result).not.toBeUndefined());
  });
});

describe("the pool's years in the scenario: each problem named where it is", () => {
  const base = () => JSON.parse(fs.readFileSync(path.join(ROOT, "samples", "scenario-pool-years.json"), "utf8"));
  const problems = (change: (s: any) => void): string => {
    const s = base();
    change(s);
    try {
      parseBoardScenario(s);
      return "";
    } catch (e) {
      return (e as Error).message;
    }
  };

  test("a misspelt setting, an unknown partner, a kind that is not one", () => {
    expect(problems((s) => (s.pool.reserve.openning = 5))).toContain('pool.reserve.openning: is not a setting; did you mean "opening"?');
    expect(problems((s) => (s.pool.years[0].changes[0].partner = "NHS England"))).toContain(
      'pool.years[0].changes[0].partner: should name one of the partners (Northshire Care Trust, Northshire County Council, Northshire ICB); got "NHS England".',
    );
    expect(problems((s) => (s.pool.years[0].changes[0].kind = "GIFT"))).toContain('pool.years[0].changes[0].kind: The kind of change "GIFT" is not recognised.');
    expect(problems((s) => (s.pool.years[0].lines[2].riskShare = "PROPORTIONAL"))).toContain("pool.years[0].lines[2].riskShare: an aligned line (each partner bears its own) has no risk share");
  });

  test("a pool's own year given as well as its years is refused; lines at the top level of a multi-year pool too", () => {
    expect(problems((s) => (s.pool.year = "2024/25"))).toContain("pool.year: give either the pool's one year (year) or its years (years), not both.");
    expect(problems((s) => (s.pool.lines = []))).toContain("pool.lines: give the lines inside each year (pool.years[].lines), not for the pool as a whole.");
  });

  test("a one-year pool carries its own year into the statement and the assumptions", () => {
    const s = JSON.parse(fs.readFileSync(path.join(ROOT, "samples", "scenario.json"), "utf8"));
    s.pool.year = "2024/25";
    const pack = buildBoardPack({ table: sampleTable(), scenario: parseBoardScenario(s), generatedOn: "2026-12-07", version: "test" });
    expect(pack.report.pool!.year).toBe("2024/25");
    expect(pack.report.assumptions.find((a) => a.label === "Pooled budget")!.value).toMatch(/; 2024\/25$/);
  });

  test("a date outside its year stops the pool with the year's dates, as a warning, the rest of the pack written", () => {
    const s = base();
    s.pool.years[0].changes[0].date = "2025-10-01";
    const pack = buildBoardPack({ table: sampleTable(), scenario: parseBoardScenario(s), generatedOn: "2026-12-07", version: "test" });
    expect(pack.warnings).toEqual(["The pooled budget statement is not included: 2024/25, change 1: 2025-10-01 is not in 2024/25 (1 April 2024 to 31 March 2025)."]);
  });
});
