import { readStaffRows, normaliseHeading, fieldForHeading, findHeaderRow } from "../../src/intake";
import { financialYear } from "../../src/engine/years";
import { STAFF_HEADER } from "../excel/staffFixtures";

const Y = financialYear(2025);

const HEADER = STAFF_HEADER;

const nurse = ["N001", "Alex Example", "Nursing", "Northshire NHS Trust", "AFC", "6", 2, 1, 37.5, 4, 3, "NHS", "OUTER", "", 4, 2, "29-31"];
const social = ["C001", "Sam Sample", "Social work", "Northshire County Council", "NJC", "30", "", 0.8, 29.6, 7, 2, "LGPS", "", 1200, 0, 0, "6"];

function table(...rows: unknown[][]): unknown[][] {
  return [HEADER, ...rows];
}

describe("readStaffRows: good rows", () => {
  it("reads AfC and NJC rows into StaffMember records", () => {
    const r = readStaffRows(table(nurse, social), { year: Y });
    expect(r.issues).toEqual([]);
    expect(r.skippedRows).toBe(0);
    expect(r.totalRows).toBe(2);
    expect(r.members).toHaveLength(2);
    const [n, s] = r.members;
    expect(n).toMatchObject({ ref: "N001", name: "Alex Example", group: "Nursing", terms: "AFC", grade: "6", step: 2, scheme: "NHS", hcasArea: "OUTER", targetGrade: "29-31" });
    expect(n.fte.toString()).toBe("1");
    expect(n.unsocialNightsAndSaturdays.toString()).toBe("4");
    expect(s).toMatchObject({ ref: "C001", terms: "NJC", grade: "30", step: null, scheme: "LGPS", hcasArea: "NONE", targetGrade: "6" });
    expect(s.localAllowance.toString()).toBe("1200");
    expect(s.weeklyHours!.toString()).toBe("29.6");
  });

  it("matches headings forgivingly: case, spaces, underscores and synonyms", () => {
    expect(normaliseHeading("Emp_Ref")).toBe("empref");
    expect(fieldForHeading("EMP REF")).toBe("ref");
    expect(fieldForHeading("emp-ref")).toBe("ref");
    expect(fieldForHeading("Band")).toBe("grade");
    expect(fieldForHeading("SCP")).toBe("scp");
    expect(fieldForHeading("wte")).toBe("fte");
    expect(fieldForHeading("Unsocial hours: nights & Saturdays")).toBe("unsocialNightsAndSaturdays");
    expect(fieldForHeading("years_in_grade")).toBe("yearsInGrade");
    expect(fieldForHeading("Favourite colour")).toBeNull();
    const t = [
      ["emp ref", "STAFF_GROUP", "employer", "terms", "Band", "SCP", "step", "wte", "Service", "pension"],
      ["A1", "Nursing", "Trust", "Agenda for Change", "Band 8A", "", 1, "100%", 12, "NHS Pension Scheme"],
      ["B1", "Social work", "Council", "Green Book", "", "SCP 29", "", "0.5", "3", "LGPS 50/50"],
    ];
    const r = readStaffRows(t, { year: Y });
    expect(r.issues).toEqual([]);
    expect(r.members.map((m) => [m.grade, m.step, m.fte.toString(), m.scheme])).toEqual([
      ["8a", 1, "1", "NHS"],
      ["29", null, "0.5", "LGPS5050"],
    ]);
  });

  it("takes FTE from weekly hours when FTE is not given", () => {
    const t = [
      ["Ref", "Group", "Employer", "Terms", "Grade", "Step", "Hours", "Years of service", "Scheme"],
      ["A", "Admin", "Trust", "AFC", "3", 1, 18.75, 1, "NHS"],
      ["B", "Admin", "Council", "NJC", "10", "", "18.5", 1, "LGPS"],
    ];
    const r = readStaffRows(t, { year: Y });
    expect(r.issues).toEqual([]);
    expect(r.members.map((m) => m.fte.toString())).toEqual(["0.5", "0.5"]);
  });

  it("finds the header below title rows and numbers rows as the sheet does", () => {
    const t = [["Staff list for transfer"], [], HEADER, nurse, ["N002", ...nurse.slice(1, 4), "AFC", "9", 9, ...nurse.slice(7)]];
    expect(findHeaderRow(t)).toBe(2);
    const r = readStaffRows(t, { year: Y, firstRowNumber: 5 });
    expect(r.headerRow).toBe(7);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ row: 9, column: "Step" });
  });
});

describe("readStaffRows: bad input is reported by row and column, good rows still read", () => {
  it("names every missing required column in one message", () => {
    const r = readStaffRows([["Employee reference", "Name", "Band"], ["A", "B", "5"]], { year: Y });
    expect(r.members).toEqual([]);
    expect(r.skippedRows).toBe(1);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0].row).toBe(1);
    expect(r.issues[0].message).toMatch(
      /"Staff group", "Current employer", "Current terms", "FTE" \(or "Weekly hours"\), "Years of service" \(or "Continuous service date" or "Latest start date"\), "Pension scheme" columns/,
    );
    expect(r.report.stops).toHaveLength(1);
  });

  it("reports an empty table", () => {
    expect(readStaffRows([]).issues[0].message).toMatch(/empty/);
  });

  it("stops on two columns for one thing (they could disagree), naming both", () => {
    const t = [[...HEADER, "WTE"], [...nurse, 0.2]];
    const r = readStaffRows(t, { year: Y });
    expect(r.members).toEqual([]);
    expect(r.issues).toEqual([{ row: 1, column: "WTE", message: expect.stringMatching(/second "FTE" column \(the first is "FTE", column H\)/) }]);
    expect(r.report.stops).toHaveLength(1);
  });

  it("stops on a single 'Unsocial hours' column with hours in it (it must be split), and names an empty one as not used", () => {
    const t = [[...HEADER.slice(0, 14), "Unsocial hours"], nurse.slice(0, 15)];
    const r = readStaffRows(t, { year: Y });
    expect(r.issues[0]).toMatchObject({ row: 1, column: "Unsocial hours", message: expect.stringMatching(/split this column/) });
    expect(r.members).toHaveLength(0);
    const empty = readStaffRows([[...HEADER.slice(0, 14), "Unsocial hours"], [...nurse.slice(0, 14), ""]], { year: Y });
    expect(empty.members).toHaveLength(1);
    expect(empty.report.columnsNotUsed).toEqual([{ heading: "Unsocial hours", column: "O", why: expect.stringMatching(/nothing but blanks/) }]);
  });

  it("reports duplicate employee references and keeps the first", () => {
    const r = readStaffRows(table(nurse, social, ["n001", ...nurse.slice(1)]), { year: Y });
    expect(r.members.map((m) => m.ref)).toEqual(["N001", "C001"]);
    expect(r.issues).toEqual([{ row: 4, column: "Employee reference", message: expect.stringMatching(/n001 is also on row 2; this row is left out/) }]);
    expect(r.skippedRows).toBe(1);
  });

  it("reports unknown bands, steps beyond the band and unknown or unconfirmed spinal points", () => {
    const rows = [
      ["X1", ...nurse.slice(1, 5), "10", 1, ...nurse.slice(7)],
      ["X2", ...nurse.slice(1, 5), "5", 4, ...nurse.slice(7)],
      ["X3", ...social.slice(1, 5), "99", ...social.slice(6)],
      ["X4", ...social.slice(1, 5), "60", ...social.slice(6)],
      ["X5", ...social.slice(1, 5), "thirty", ...social.slice(6)],
      ["X6", ...nurse.slice(1, 5), "6", 1.5, ...nurse.slice(7)],
    ];
    const r = readStaffRows(table(nurse, ...rows), { year: Y });
    expect(r.members.map((m) => m.ref)).toEqual(["N001"]);
    const byRow = Object.fromEntries(r.issues.map((i) => [i.row, i]));
    expect(byRow[3]).toMatchObject({ column: "Band or grade", message: expect.stringMatching(/"10" is not an Agenda for Change band. Bands: 1, 2, .*9/) });
    expect(byRow[4]).toMatchObject({ column: "Step", message: expect.stringMatching(/Band 5 has steps 1 to 3/) });
    expect(byRow[5]).toMatchObject({ column: "Band or grade", message: expect.stringMatching(/point 99 is not on the NJC pay spine/) });
    expect(byRow[6]).toMatchObject({ column: "Band or grade", message: expect.stringMatching(/point 60 is not on the NJC pay spine/) });
    expect(byRow[7]).toMatchObject({ column: "Band or grade", message: expect.stringMatching(/"thirty" is not a spinal column point/) });
    expect(byRow[8]).toMatchObject({ column: "Step", message: expect.stringMatching(/whole number/) });
    expect(r.skippedRows).toBe(6);
  });

  it("reports FTE of 0, below 0 or above 1, and text in numeric columns", () => {
    const rows = [
      ["F1", ...nurse.slice(1, 7), 0, ...nurse.slice(8)],
      ["F2", ...nurse.slice(1, 7), -0.5, ...nurse.slice(8)],
      ["F3", ...nurse.slice(1, 7), 1.2, ...nurse.slice(8)],
      ["F4", ...nurse.slice(1, 7), "full time", ...nurse.slice(8)],
      ["F5", ...nurse.slice(1, 9), "ten", ...nurse.slice(10)],
      ["F6", ...nurse.slice(1, 13), "lots", ...nurse.slice(14)],
      ["F7", ...nurse.slice(1, 7), true, ...nurse.slice(8)],
    ];
    const r = readStaffRows(table(...rows, nurse), { year: Y });
    expect(r.members.map((m) => m.ref)).toEqual(["N001"]);
    expect(r.issues.map((i) => [i.row, i.column])).toEqual([
      [2, "FTE"],
      [3, "FTE"],
      [4, "FTE"],
      [5, "FTE"],
      [6, "Years of service"],
      [7, "London weighting"],
      [8, "FTE"],
    ]);
    expect(r.issues[0].message).toMatch(/FTE must be more than 0 and at most 1 .* got 0\./);
    expect(r.issues[3].message).toMatch(/FTE must be a number; got "full time"/);
    expect(r.issues[4].message).toMatch(/Years of service must be a number; got "ten"/);
  });

  it("reports several problems in one row, each in its column", () => {
    const bad = ["", "", "", "", "Civil service", "6", 1, 1, "", "", "", "Teachers", "Zone 9", "", "", "", ""];
    const r = readStaffRows(table(bad), { year: Y });
    expect(r.issues.map((i) => i.column)).toEqual([
      "Employee reference",
      "Staff group",
      "Current employer",
      "Current terms",
      "Years of service",
      "Pension scheme",
      "HCAS area",
    ]);
    for (const i of r.issues) expect(i.row).toBe(2);
  });

  it("lists blank rows, notes and totals as not staff: they are not people left out", () => {
    const r = readStaffRows(table(nurse, [], ["", null, "  "], social, [], ["Total", "", "", "", "", "", "", 1.8], ["Produced by the payroll system"]), { year: Y });
    expect(r.members).toHaveLength(2);
    expect(r.skippedRows).toBe(0);
    expect(r.issues).toEqual([]);
    expect(r.report.notStaffRows.map((n) => [n.row, n.why])).toEqual([
      [3, "blank"],
      [4, "blank"],
      [6, "blank"],
      [7, "a total"],
      [8, "a note, not a staff row"],
    ]);
    expect(r.report.people).toBe(2);
    expect(r.report.staffRows).toBe(2);
  });

  it("reports target job matches that are neither a band nor NJC points, and checks them against the target terms", () => {
    const withTarget = (ref: string, t: string) => [ref, ...nurse.slice(1, 16), t];
    const r = readStaffRows(table(withTarget("T1", "Band 6"), withTarget("T2", "SCP 31-29"), withTarget("T3", "manager"), withTarget("T4", "29-60")), {
      year: Y,
      targetTerms: "NJC",
    });
    expect(r.issues.map((i) => [i.row, i.column])).toEqual([
      [2, "Target job match"],
      [3, "Target job match"],
      [4, "Target job match"],
      [5, "Target job match"],
    ]);
    expect(r.issues[3].message).toMatch(/point 60/);
    const ok = readStaffRows(table(withTarget("T5", "SCP 29 to 31")), { year: Y, targetTerms: "NJC" });
    expect(ok.members[0].targetGrade).toBe("29-31");
  });

  it("rejects HCAS for NJC staff and unsocial hours beyond the weekly hours", () => {
    const r = readStaffRows(table(["Z1", ...social.slice(1, 12), "INNER", ...social.slice(13)], ["Z2", ...nurse.slice(1, 14), 30, 10, ""]), { year: Y });
    expect(r.issues.map((i) => [i.row, i.column])).toEqual([
      [2, "HCAS area"],
      [3, "Unsocial hours Sundays and public holidays"],
    ]);
  });
});

describe("readStaffRows: row numbers and the top of the grade", () => {
  it("gives the row each member came from", () => {
    const r = readStaffRows(table(nurse, [], social), { year: Y });
    expect(r.memberRows).toEqual([2, 4]);
  });

  it("reads the top of an NJC grade, and checks it", () => {
    const t = [[...HEADER, "Top of grade"], [...social, "SCP 31"], ["C2", ...social.slice(1, 5), "30", ...social.slice(6), 29], ["C3", ...social.slice(1), 60], [...nurse, 31]];
    const r = readStaffRows(t, { year: Y });
    expect(r.members.map((m) => [m.ref, m.gradeTop ?? null])).toEqual([
      ["C001", 31],
      ["N001", null],
    ]);
    expect(r.issues.map((i) => [i.row, i.column])).toEqual([
      [3, "Top of grade"],
      [4, "Top of grade"],
    ]);
    expect(r.issues[0].message).toMatch(/below the person's own point/);
  });
});

describe("readStaffRows: 100,000 rows", () => {
  it("reads 100,000 rows with a sprinkling of bad ones, reporting each", () => {
    const rows: unknown[][] = [HEADER];
    for (let i = 0; i < 100_000; i++) {
      const base = i % 2 === 0 ? nurse : social;
      const row = [`E${i}`, ...base.slice(1)];
      if (i % 1000 === 7) row[7] = 2; // FTE over 1
      if (i % 5000 === 9) row[0] = "E0"; // duplicate of the first
      rows.push(row);
    }
    const r = readStaffRows(rows, { year: Y });
    expect(r.totalRows).toBe(100_000);
    expect(r.skippedRows).toBe(100 + 20);
    expect(r.members).toHaveLength(100_000 - 120);
    expect(r.issues).toHaveLength(120);
  });
});
