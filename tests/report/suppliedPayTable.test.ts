/**
 * The SuppliedPay table (issue 9 item 6, the task pane's place for the user's own figures): each row
 * read as the scenario file's `suppliedPay` entry and checked by the same code; a bad row reported by
 * worksheet row and column with what to change, the good rows used.
 */
import { buildBoardPack } from "../../src/report/boardPack";
import { parseBoardScenario } from "../../src/report/scenario";
import { SUPPLIED_PAY_COLUMNS, suppliedPayFromTable } from "../../src/report/suppliedPayTable";
import { financialYear } from "../../src/engine/years";

const HEADINGS = SUPPLIED_PAY_COLUMNS.map((c) => c.heading);
const Y2025 = financialYear(2025);

describe("reading the SuppliedPay table", () => {
  it("gives its headings in the order the pane creates them", () => {
    expect(HEADINGS).toEqual(["Scale", "Band or point", "Step", "Year", "Full-time pay (£ a year)", "Note"]);
  });

  it("turns each row into a scenario entry: NJC by point, AfC by band and step, a blank Year as the pack's year", () => {
    // Header on worksheet row 4: data on rows 5 and 6. NJC SCP 44 is above the 2025/26 spine (2 to 43);
    // AfC band 9 has 4 steps in the data, so a step 5 is a gap the user may fill.
    const r = suppliedPayFromTable(
      [HEADINGS, ["NJC", 44, "", "2025/26", 52805, "local pay policy 2025"], ["AfC", "9", 5, "", "£120,000.00", ""]],
      4,
      Y2025,
    );
    expect(r.problems).toEqual([]);
    expect(r.rowsRead).toBe(2);
    expect(r.entries).toEqual([
      { scale: "NJC", point: 44, year: "2025/26", pay: 52805, note: "local pay policy 2025" },
      { scale: "AfC", band: "9", step: 5, pay: "£120,000.00" },
    ]);
    expect(r.figures.map((f) => [f.scale, f.grade, f.step, f.year.label, f.pay.toFixed(2), f.note])).toEqual([
      ["NJC", "44", 1, "2025/26", "52805.00", "local pay policy 2025"],
      ["AFC", "9", 5, "2025/26", "120000.00", null],
    ]);
  });

  it("reports each bad row by worksheet row and column with what to change, and uses the good rows", () => {
    const r = suppliedPayFromTable(
      [
        HEADINGS,
        ["NJC", 44, "", "2025/26", 52805, ""], // row 2: good
        ["NJC", 20, "", "2025/26", 30000, ""], // row 3: the data holds SCP 20 in 2025/26
        ["NJC", 45, "", "2025/26", 4400, "monthly?"], // row 4: not an annual figure
        ["AFC", "6", "", "2025/26", 40000, ""], // row 5: no step
        ["Gold", 44, "", "", 52805, ""], // row 6: no such scale
        ["NJC", 44, "", "2025/26", 52900, ""], // row 7: a second figure for SCP 44
        ["", "", "", "", "", ""], // row 8: blank, not counted
        ["NJC", 46, "", "2037/38", 60000, ""], // row 9: more than 10 years after the data's last year
      ],
      1,
      Y2025,
    );
    expect(r.rowsRead).toBe(7);
    expect(r.entries).toEqual([{ scale: "NJC", point: 44, year: "2025/26", pay: 52805 }]);
    expect(r.problems.map((p) => [p.row, p.column])).toEqual([
      [3, "Band or point"],
      [4, "Full-time pay (£ a year)"],
      [5, "Step"],
      [6, "Scale"],
      [7, "Band or point"],
      [9, "Year"],
    ]);
    expect(r.problems[0].message).toMatch(/^The data already holds £[\d,]+ for NJC SCP 20 in 2025\/26 \(from the published scale\): remove this entry\..* This figure was not used\.$/);
    expect(r.problems[1].message).toMatch(/^The pay for NJC SCP 45 in 2025\/26 must be a full-time annual figure from £5,000 to £300,000; got £4400 \(a monthly or hourly figure\?\)\./);
    expect(r.problems[2].message).toBe('"Step" is missing: give the AfC step (1 = entry). This figure was not used.');
    expect(r.problems[3].message).toBe('The scale "Gold" is not recognised. Use one of: NJC, AFC. This figure was not used.');
    expect(r.problems[4].message).toBe("A second figure for NJC SCP 44 in 2025/26: keep one. This figure was not used.");
    expect(r.problems[5].message).toMatch(/^2037\/38 is more than 10 years after the last year in the data \(2026\/27\): check the year\./);
  });

  it("takes a whole year's scale the data does not hold as agreed: NJC 2026/27 (award pending) and AfC 2027/28 (after the data), one row a point", () => {
    const r = suppliedPayFromTable(
      [HEADINGS, ["NJC", 10, "", "2026/27", 28950, "NJC 2026/27 as agreed"], ["NJC", 11, "", "2026/27", 29420, ""], ["AFC", "5", 1, "2027/28", 33450, ""]],
      4,
      Y2025,
    );
    expect(r.problems).toEqual([]);
    expect(r.figures.map((f) => `${f.scale} ${f.grade} ${f.step} ${f.year.label} ${f.pay.toString()}`)).toEqual([
      "NJC 10 1 2026/27 28950",
      "NJC 11 1 2026/27 29420",
      "AFC 5 1 2027/28 33450",
    ]);
  });

  it("an empty table (the one the pane creates has one blank row) supplies nothing and says nothing", () => {
    expect(suppliedPayFromTable([HEADINGS, ["", "", "", "", "", ""]], 4, Y2025)).toEqual({ entries: [], figures: [], problems: [], rowsRead: 0 });
    expect(suppliedPayFromTable([HEADINGS], 4, Y2025)).toEqual({ entries: [], figures: [], problems: [], rowsRead: 0 });
  });

  it("a missing column is one problem on the heading row, and no figure is used; an unknown column is named as not used", () => {
    const r = suppliedPayFromTable([["Scale", "Point", "Salary band", "Pay"], ["NJC", 44, "x", 52805]], 4, Y2025);
    expect(r.entries).toHaveLength(1); // "Point" and "Pay" are recognised headings
    expect(r.problems).toEqual([{ row: 4, column: "Salary band", message: expect.stringMatching(/^Not used: the columns are "Scale", "Band or point", .* Rename or remove this column\.$/) }]);

    const noPay = suppliedPayFromTable([["Scale", "Band or point"], ["NJC", 44]], 4, Y2025);
    expect(noPay.entries).toEqual([]);
    expect(noPay.problems).toEqual([
      { row: 4, column: "(heading row)", message: 'The table has no "Full-time pay (£ a year)" column, so none of its figures was used. It needs "Scale", "Band or point", "Full-time pay (£ a year)"; "Step", "Year" and "Note" are optional.' },
    ]);
  });

  it("the good rows go into the scenario as suppliedPay and are costed and labelled as the scenario file's are", () => {
    const table = suppliedPayFromTable([HEADINGS, ["NJC", 44, "", "2025/26", 52805, "local pay policy 2025"], ["NJC", "abc", "", "", 1, ""]], 1, Y2025);
    expect(table.problems.map((p) => [p.row, p.column])).toEqual([[3, "Full-time pay (£ a year)"]]);
    const scenario = parseBoardScenario({ targetTerms: "AFC", financialYear: "2025/26", projectionYears: 1, protection: "NONE", increments: false, lgpsEmployerRate: "19%", suppliedPay: table.entries });
    const staff = [
      ["Employee reference", "Staff group", "Current employer", "Current terms", "SCP", "FTE", "Years of service", "Pension scheme", "Target job match"],
      ["C1", "Social work", "Northshire Council", "NJC", 44, 1, 5, "LGPS", "8a"],
    ];
    const pack = buildBoardPack({ table: staff, scenario, generatedOn: "2026-12-07", version: "9.9.9" });
    // Full-time £52,805 × FTE 1 = £52,805.00.
    expect(pack.report.people[0].current.basicPay).toBe(5280500); // whole pence
    expect(pack.report.assumptions.find((a) => a.label === "Pay supplied by you")!.value).toContain("supplied by you: local pay policy 2025");
  });
});
