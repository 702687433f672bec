/**
 * Whole-table functions: one call for a whole staff list, one spilled row per staff row, errors
 * in the cells of the bad rows only. Expected figures are worked by hand here:
 *  2025/26: employer NI 15% above £5,000; Apprenticeship Levy 0.5%; NHS employer FULL 23.78%, LOCAL 14.38%.
 *  2024/25: employer NI 13.8% above £9,100.
 */
import * as tables from "../../src/functions/tables";
import * as f from "../../src/functions/functions";
import { FUNCTIONS } from "../../src/functions/registry";

/** Called as Excel and the command line call them: a single value may stand where a range is declared. */
const costTable = tables.costTable as unknown as (...args: unknown[]) => any[][];
const salaryTable = tables.salaryTable as unknown as (...args: unknown[]) => any[][];

type ErrCell = { code: string; message: string };
const isErr = (c: unknown): c is ErrCell => typeof c === "object" && c !== null && typeof (c as ErrCell).code === "string";

function excelError(call: () => unknown): ErrCell {
  try {
    call();
  } catch (e) {
    return e as ErrCell;
  }
  throw new Error("expected an Excel error");
}

describe("COSTTABLE", () => {
  test("is registered as a custom function, with SALARYTABLE", () => {
    expect(FUNCTIONS.get("COSTTABLE")).toBe(tables.costTable);
    expect(FUNCTIONS.get("SALARYTABLE")).toBe(tables.salaryTable);
  });

  test("hand-worked rows, 2025/26: NHS FULL, LGPS at 19.5%, NONE below the NI threshold", () => {
    const result = costTable([[31049], [26403], [4000]], [["NHS"], ["LGPS"], ["NONE"]], "2025/26", [["FULL"], [0.195], [null]]);
    expect(result).toEqual([
      // 31,049: NI (31,049 - 5,000) x 15% = 3,907.35; pension 31,049 x 23.78% = 7,383.4522 -> 7,383.45; levy 155.245 -> 155.25
      [31049, 3907.35, 7383.45, 155.25, 42495.05],
      // 26,403: NI 21,403 x 15% = 3,210.45; pension 26,403 x 19.5% = 5,148.585 -> 5,148.59; levy 132.015 -> 132.02
      [26403, 3210.45, 5148.59, 132.02, 34894.06],
      // 4,000: below the threshold, no pension; levy 20.00
      [4000, 0, 0, 20, 4020],
    ]);
  });

  test("a single scheme and a single rate apply to every row; 2024/25 LOCAL", () => {
    // 40,000: NI (40,000 - 9,100) x 13.8% = 4,264.20; pension 40,000 x 14.38% = 5,752.00; levy 200.00
    expect(costTable([[40000], [40000]], "NHS", "2024/25", "LOCAL")).toEqual([
      [40000, 4264.2, 5752, 200, 50216.2],
      [40000, 4264.2, 5752, 200, 50216.2],
    ]);
    expect(costTable([[40000]], [["nhs"]], 2024, [["local"]])).toEqual([[40000, 4264.2, 5752, 200, 50216.2]]);
  });

  test("each row equals COSTBREAKDOWN for the same arguments", () => {
    const pays = [[18000], [52809.5], [100000], ["£31,049"]];
    const rows = costTable(pays, "LGPS5050", "2025/26", 0.21);
    pays.forEach(([p], i) => expect(rows[i]).toEqual(f.costBreakdown(p, "LGPS5050", "2025/26", 0.21)[0]));
  });

  test("bad rows carry their own error in all five cells and the good rows are still costed", () => {
    const rows = costTable([[30000], ["thirty"], [-5], [30000], [30000]], [["NHS"], ["NHS"], ["NHS"], ["LGPS"], ["PPF"]], "2025/26");
    // 30,000: NI 3,750.00; pension 7,134.00; levy 150.00
    expect(rows[0]).toEqual([30000, 3750, 7134, 150, 41034]);
    const expectRow = (i: number, code: string, message: RegExp) => {
      expect(rows[i]).toHaveLength(5);
      for (const c of rows[i]) {
        expect(isErr(c)).toBe(true);
        expect((c as ErrCell).code).toBe(code);
        expect((c as ErrCell).message).toMatch(message);
      }
    };
    expectRow(1, "#VALUE!", /^Row 2: pay must be a number; got "thirty"/);
    expectRow(2, "#VALUE!", /^Row 3: pay must be at least 0/);
    expectRow(3, "#N/A", /^Row 4: LGPS employer rates are set by each pension fund/);
    expectRow(4, "#VALUE!", /^Row 5: scheme "PPF" is not recognised. Use one of: NHS, LGPS, LGPS5050, NONE/);
  });

  test("blank rows spill blanks, not zeros or errors (null and \"\" from the web, 0 beside no scheme from desktop)", () => {
    const rows = costTable([[null], [30000], [""], [0]], [[null], ["NHS"], [""], [0]], "2025/26");
    expect(rows).toEqual([["", "", "", "", ""], [30000, 3750, 7134, 150, 41034], ["", "", "", "", ""], ["", "", "", "", ""]]);
  });

  test("a real zero pay with a scheme is costed as zero", () => {
    expect(costTable([[0]], [["NHS"]], "2025/26")).toEqual([[0, 0, 0, 0, 0]]);
  });

  test("shape: one row of five per input row, for a single value and for 1,000 rows", () => {
    expect(costTable(30000, "NONE", "2025/26")).toEqual([[30000, 3750, 0, 150, 33900]]);
    const many = costTable(Array.from({ length: 1000 }, (_, i) => [20000 + i]), "NONE", "2025/26");
    expect(many).toHaveLength(1000);
    expect(many.every((r) => r.length === 5 && r.every((c) => typeof c === "number"))).toBe(true);
    // 20,999: NI 15,999 x 15% = 2,399.85; levy 104.995 -> 105.00
    expect(many[999]).toEqual([20999, 2399.85, 0, 105, 23503.85]);
  });

  test("whole-call problems are one error with a message saying what to change", () => {
    expect(excelError(() => costTable([[1, 2]], "NHS")).message).toMatch(/pays must be a single column/);
    expect(excelError(() => costTable([[1], [2]], [["NHS"], ["NHS"], ["NHS"]])).message).toMatch(/schemes must be a column the same height as the first range \(2 rows\)/);
    expect(excelError(() => costTable([[1], [2]], null)).message).toMatch(/schemes is missing/);
    expect((costTable([[1], [2]], [[""]])[1][0] as ErrCell).message).toMatch(/^Row 2: scheme is missing/);
    expect(excelError(() => costTable(null, "NHS")).code).toBe("#VALUE!");
    expect(excelError(() => costTable([[1], [2, 3]], "NHS")).message).toMatch(/rectangular/);
    expect(excelError(() => costTable([[1]], "NHS", "2025/27")).code).toBe("#VALUE!");
  });

  test("a year not in the data is #N/A in each row", () => {
    const rows = costTable([[30000]], "NHS", "2019/20");
    expect((rows[0][0] as ErrCell).code).toBe("#N/A");
    expect((rows[0][0] as ErrCell).message).toMatch(/^Row 1: No .* for 2019\/20/);
  });
});

describe("SALARYTABLE", () => {
  test("AfC and NJC rows from the published 2025/26 tables", () => {
    // AfC band 6 step 2 £40,823; band 5 entry £31,049; NJC SCP 7 £26,403.
    expect(salaryTable([["AFC"], ["AFC"], ["NJC"]], [["6"], [5], [7]], [[2], [null], [null]], "2025/26")).toEqual([[40823], [31049], [26403]]);
  });

  test("one scale for every row, steps omitted = entry; blank rows blank; bad rows errors", () => {
    const rows = salaryTable("AFC", [[5], [null], ["10"], ["6"]], [[1], [null], [1], [4]], "2025/26");
    expect(rows[0]).toEqual([31049]);
    expect(rows[1]).toEqual([""]);
    expect((rows[2][0] as ErrCell).code).toBe("#N/A");
    expect((rows[2][0] as ErrCell).message).toMatch(/^Row 3: "10" is not an Agenda for Change band/);
    expect((rows[3][0] as ErrCell).code).toBe("#VALUE!");
    expect((rows[3][0] as ErrCell).message).toMatch(/^Row 4: Band 6 has steps 1 to 3/);
  });

  test("a desktop 0 in the step column is empty (entry step on AfC, the point on NJC); a local scale range per row is refused", () => {
    expect(salaryTable("NJC", [[7]], [[0]], "2025/26")).toEqual([[26403]]);
    expect(salaryTable("AFC", [[5]], [[0]], "2025/26")).toEqual([[31049]]);
    const rows = salaryTable([["LOCAL"]], [["A"]]);
    expect((rows[0][0] as ErrCell).message).toMatch(/Use "AFC" or "NJC"/);
  });

  test("the result feeds COSTTABLE", () => {
    const pays = salaryTable("AFC", [[5], [6]], [[1], [2]], "2025/26");
    expect(costTable(pays, "NHS", "2025/26").map((r) => r[4])).toEqual([
      42495.05, // 31,049 as above
      // 40,823: NI 35,823 x 15% = 5,373.45; pension 40,823 x 23.78% = 9,707.7094 -> 9,707.71; levy 204.115 -> 204.12
      56108.28, // 40,823 + 5,373.45 + 9,707.71 + 204.12
    ]);
  });
});

describe("LEVELUPTABLE", () => {
  const levelUpTable = tables.levelUpTable as unknown as (...args: unknown[]) => any[][];
  const HEADER = ["Employee reference", "Staff group", "Current employer", "Current terms", "Band or grade", "Step", "FTE", "Years of service", "Pension scheme", "Target job match", "HCAS area"];
  const nurse = ["N1", "Nursing", "Trust", "AFC", "5", 1, 1, 2, "NHS", "5", ""];
  const social = ["C1", "Social work", "Council", "NJC", 23, "", 0.8, 6, "LGPS", "5", ""];
  const admin = ["C2", "Admin", "Council", "NJC", 9, "", 1, 1, "LGPS", "", ""];

  test("is registered", () => expect(FUNCTIONS.get("LEVELUPTABLE")).toBe(tables.levelUpTable));

  test("hand-worked: an AfC band 5 step 1 nurse matched to band 5 costs what COST gives, and levelling up costs nothing", () => {
    const rows = levelUpTable([HEADER, nurse], "AFC", "2025/26");
    expect(rows[0]).toEqual(["Current cost", "Target cost", "Levelled-up cost", "Cost of levelling up"]);
    // £31,049 + NI 3,907.35 + pension 7,383.45 + levy 155.25 = £42,495.05 (see COSTTABLE above)
    expect(rows[1]).toEqual([42495.05, 42495.05, 42495.05, 0]);
  });

  test("each row's levelled-up cost is LEVELUP for that person", () => {
    const rows = levelUpTable([HEADER, nurse, social], "AFC", "2025/26", 0.195);
    const levelUp = FUNCTIONS.get("LEVELUP")!;
    expect(rows[1][2]).toBe(levelUp("AFC", "5", 1, 1, 2, "AFC", "5", "2025/26", "NHS", 0.195, null, null));
    expect(rows[2][2]).toBe(levelUp("NJC", 23, null, 0.8, 6, "AFC", "5", "2025/26", "LGPS", 0.195, null, null));
    expect(rows[2][3]).toBeCloseTo((rows[2][2] as number) - (rows[2][0] as number), 2);
  });

  test("a job-match table fills in an empty target; bad rows carry their errors; blank rows blank; the rest costed", () => {
    const broken = ["C3", "Admin", "Council", "NJC", 9, "", 1.5, 1, "LGPS", "", ""];
    const dup = ["N1", "Nursing", "Trust", "AFC", "5", 1, 1, 2, "NHS", "5", ""];
    const unmatched = ["C4", "Admin", "Council", "NJC", 40, "", 1, 1, "LGPS", "", ""];
    const blank = HEADER.map(() => null);
    const rows = levelUpTable([HEADER, nurse, admin, blank, broken, dup, unmatched], "AFC", "2025/26", 0.195, [["Current grade", "Target grade"], ["7-11", "3"]]);
    expect(rows).toHaveLength(7);
    expect(rows[1][2]).toBe(42495.05);
    expect(rows[2].every((c) => typeof c === "number")).toBe(true);
    expect(rows[3]).toEqual(["", "", "", ""]);
    const err = (r: number) => rows[r][0] as ErrCell;
    expect(err(4).code).toBe("#VALUE!");
    expect(err(4).message).toMatch(/^Row 5: FTE: FTE must be more than 0 and at most 1/);
    expect(rows[4].every((c) => c === rows[4][0])).toBe(true);
    expect(err(5).message).toMatch(/^Row 6: Employee reference: Employee reference N1 is also on row 2/);
    expect(err(6).code).toBe("#VALUE!");
    expect(err(6).message).toMatch(/^Row 7: No job match for NJC SCP 40/);
  });

  test("rows above the header spill blanks, so the result lines up with the range", () => {
    const rows = levelUpTable([["Staff list, March 2026", null, null, null, null, null, null, null, null, null, null], HEADER, nurse], "AFC", "2025/26");
    expect(rows).toEqual([["", "", "", ""], ["Current cost", "Target cost", "Levelled-up cost", "Cost of levelling up"], [42495.05, 42495.05, 42495.05, 0]]);
  });

  test("a table missing a required column is one error saying which", () => {
    const e = excelError(() => levelUpTable([HEADER.slice(0, 8), nurse.slice(0, 8)], "AFC"));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/no "Pension scheme" column/);
    expect(excelError(() => levelUpTable([HEADER], "AFC")).message).toMatch(/at least one row of staff/);
    expect(excelError(() => levelUpTable([HEADER, nurse], "XYZ")).message).toMatch(/targetTerms "XYZ" is not recognised/);
  });
});
