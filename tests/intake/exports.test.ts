/** Staff lists in the shapes ESR and council payrolls export them (synthetic people). */
import { readStaffTable, rawTableOf } from "../../src/intake";
import type { RawTable } from "../../src/intake/rawTable";
import { financialYear } from "../../src/engine/years";

const Y = financialYear(2025);

const ESR: unknown[][] = [
  ["Staff in Post - Northshire Community Health NHS Trust"],
  ["Report run 01/03/2026 by payroll"],
  [],
  ["Employee Number", "Assignment Number", "Full Name", "Organisation", "Staff Group", "Pay Scale", "Grade", "Step Point", "Contracted Hours", "Contracted WTE", "NHS Start Date", "Latest Start Date", "Pension Scheme", "Annual Salary", "Position Title"],
  ["10001", "10001-1", "A Person", "123 District Nursing", "Nursing and Midwifery Registered", "CODE-A", "Band 8 - Range A", 2, 37.5, 1, "01/04/2015", "01/06/2020", "NHS Pension 2015", "£55,000.00", "Team Lead"],
  ["10002", "10002-1", "B Person", "123 District Nursing", "Nursing and Midwifery Registered", "CODE-B", "Band 5", 1, 22.5, 0.6, "02/04/2015", "02/04/2015", "NHS 1995 Section", "£17,000.00", "Staff Nurse"],
  ["10002", "10002-2", "B Person", "124 Bank", "Nursing and Midwifery Registered", "CODE-B", "Band 5", 1, 7.5, 0.2, "02/04/2015", "01/01/2024", "NHS 2008 Section", "£5,000.00", "Staff Nurse"],
  ["Total", "", "", "", "", "", "", "", 67.5, 1.8],
];

describe("an ESR Staff in Post export", () => {
  const r = readStaffTable(rawTableOf(ESR), { year: Y, defaults: { employer: "Northshire Community Health NHS Trust", terms: "AFC" } });

  it("finds the header under the title rows and reads every assignment, keyed by the assignment number", () => {
    expect(r.issues).toEqual([]);
    expect(r.report.headerRow).toBe(4);
    expect(r.report.rowsAboveHeader).toBe(3);
    expect(r.members.map((m) => [m.ref, m.person, m.grade, m.step, m.fte.toString(), m.scheme])).toEqual([
      ["10001-1", "10001", "8a", 2, "1", "NHS"],
      ["10002-1", "10002", "5", 1, "0.6", "NHS"],
      ["10002-2", "10002", "5", 1, "0.2", "NHS"],
    ]);
    expect(r.members.every((m) => m.employer === "Northshire Community Health NHS Trust" && m.terms === "AFC")).toBe(true);
  });

  it("counts people, not assignments, and the total row is not a person", () => {
    expect(r.report.staffRows).toBe(3);
    expect(r.report.people).toBe(2);
    expect(r.report.notStaffRows).toEqual([{ row: 8, why: "a total" }]);
  });

  it("counts completed years of NHS service to 1 April of the pack's year (not from the latest start)", () => {
    // 01/04/2015 -> 1 April 2025: 10 completed years; 02/04/2015: one day short, 9.
    expect(r.members.map((m) => m.yearsService.toNumber())).toEqual([10, 9, 9]);
    expect(r.report.notes.join(" ")).toMatch(/completed years from "NHS Start Date" to 1 April 2025/);
  });

  it("names every column not used and why: Organisation is the cost centre, Pay Scale holds codes, salary is worked out", () => {
    const notUsed = Object.fromEntries(r.report.columnsNotUsed.map((c) => [c.heading, c.why]));
    expect(notUsed["Organisation"]).toMatch(/cost centre/);
    expect(notUsed["Pay Scale"]).toMatch(/pay scale codes \(such as "CODE-A"\), not the terms/);
    expect(notUsed["Annual Salary"]).toMatch(/worked out from the band/);
    expect(notUsed["Position Title"]).toMatch(/job title/);
    expect(r.report.columnsUsed.map((c) => c.heading)).toEqual(expect.arrayContaining(["Employee Number", "Assignment Number", "Contracted WTE", "Contracted Hours", "NHS Start Date", "Grade", "Step Point"]));
  });

  it("without the scenario's employer the missing column is named, with where Organisation went", () => {
    const bare = readStaffTable(rawTableOf(ESR), { year: Y, defaults: { terms: "AFC" } });
    expect(bare.members).toEqual([]);
    expect(bare.report.stops[0].message).toMatch(/no "Current employer" column/);
  });
});

const COUNCIL: unknown[][] = [
  ["Person Number", "Post Number", "Name", "Service", "Job Family", "Grade", "SCP", "Hours", "FTE", "Continuous Service Date", "Location Allowance", "Pension Scheme"],
  ["P1", "POST-1", "C Person", "Reablement", "Social care", "PO1", 29, 37, 1, "2010-09-01", "£1,200.00", "LGPS Main Scheme"],
  ["P2", "POST-2", "D Person", "Reablement", "Social care", "Grade 6", 23, 18.5, 0.5, "2021-04-01", "", "LGPS 50/50"],
  ["P3", "POST-3", "E Person", "Hospital Discharge", "Social care", "Grade 6", 23, 22.5, 1, "2021-04-01", "", "LGPS"],
];

describe("a council establishment report", () => {
  const r = readStaffTable(rawTableOf(COUNCIL), { year: Y, defaults: { employer: "Northshire County Council", terms: "NJC" } });

  it("pays NJC staff by the spinal point and never reads the local grade as a point", () => {
    expect(r.members.map((m) => [m.ref, m.grade, m.fte.toString(), m.scheme, m.localAllowance.toString()])).toEqual([
      ["POST-1", "29", "1", "LGPS", "1200"],
      ["POST-2", "23", "0.5", "LGPS5050", "0"],
    ]);
    expect(r.report.notes.join(" ")).toMatch(/"Grade" is not read as a point/);
  });

  it("does not take a Service column of team names as years of service", () => {
    expect(r.report.columnsNotUsed).toContainEqual({ heading: "Service", column: "D", why: expect.stringMatching(/holds names \(such as "Reablement"\), not years of service/) });
    // 1 September 2010 -> 1 April 2025: 14 completed years.
    expect(r.members[0].yearsService.toNumber()).toBe(14);
  });

  it("FTE 1 with 22.5 contracted hours is a row problem, naming both", () => {
    expect(r.issues).toEqual([{ row: 4, column: "FTE", message: expect.stringMatching(/FTE 1 and 22.5 contracted hours disagree: 22.5 hours is 0.6081 FTE of the 37-hour week/) }]);
    expect(r.report.peopleLeftOut).toBe(1);
  });

  it("reads a Pay Point column as the spinal point for NJC staff", () => {
    const t = COUNCIL.map((row) => [...row.slice(0, 6), ...row.slice(7)]);
    t[0].splice(6, 0, "Pay Point");
    t.slice(1).forEach((row, i) => row.splice(6, 0, COUNCIL[i + 1][6]));
    const p = readStaffTable(rawTableOf(t), { year: Y, defaults: { employer: "Council", terms: "NJC" } });
    expect(p.members.map((m) => m.grade)).toEqual(["29", "23"]);
  });

  it("stops on a pay-like column it does not understand, and on one that could be two things", () => {
    const withOvertime = COUNCIL.map((row, i) => [...row, i === 0 ? "Overtime" : 3]);
    const o = readStaffTable(rawTableOf(withOvertime), { year: Y, defaults: { employer: "Council", terms: "NJC" } });
    expect(o.members).toEqual([]);
    expect(o.report.stops[0]).toMatchObject({ column: "Overtime", message: expect.stringMatching(/looks like an enhancement/) });
    const withOlw = COUNCIL.map((row, i) => [...row, i === 0 ? "Outer London Weighting" : 500]);
    const w = readStaffTable(rawTableOf(withOlw), { year: Y, defaults: { employer: "Council", terms: "NJC" } });
    expect(w.report.stops[0].message).toMatch(/HCAS area.*London weighting/);
  });
});

describe("hidden rows", () => {
  const table: RawTable = { ...rawTableOf(COUNCIL.slice(0, 3)), hidden: new Set([2]) };
  it("are left out by default and listed", () => {
    const r = readStaffTable(table, { year: Y, defaults: { employer: "Council", terms: "NJC" } });
    expect(r.members.map((m) => m.ref)).toEqual(["POST-1"]);
    expect(r.report.hiddenRows).toEqual([3]);
    expect(r.report.hiddenIncluded).toBe(false);
    expect(r.skippedRows).toBe(0);
  });
  it("are costed with includeHidden", () => {
    const r = readStaffTable(table, { year: Y, includeHidden: true, defaults: { employer: "Council", terms: "NJC" } });
    expect(r.members.map((m) => m.ref)).toEqual(["POST-1", "POST-2"]);
    expect(r.report.hiddenIncluded).toBe(true);
  });
});

describe("cells the reader could not read", () => {
  it("leave their row out, by row and column", () => {
    const raw: RawTable = { ...rawTableOf(COUNCIL.slice(0, 3)), problems: [{ rowNumber: 3, column: 8, message: "A formula saved without its result." }, { rowNumber: 7, column: null, message: "A quote never closes." }] };
    const r = readStaffTable(raw, { year: Y, defaults: { employer: "Council", terms: "NJC" } });
    expect(r.members.map((m) => m.ref)).toEqual(["POST-1"]);
    expect(r.issues[0]).toEqual({ row: 3, column: "FTE", message: "A formula saved without its result." });
    expect(r.issues.at(-1)).toEqual({ row: 7, column: "", message: "A quote never closes." });
  });
});
