/**
 * The user's own pay figures in the workbook, as the task pane reads and makes them: the SuppliedPay
 * table read in the same sync as the staff table (src/excel/readTable.ts readTableAndCompanion), and
 * "Add a table for your own pay figures" (src/excel/suppliedPayTable.ts), which never overwrites.
 */
import { rawTableOfTable, readTableAndCompanion, ReadTableError } from "../../src/excel/readTable";
import { addSuppliedPayTable } from "../../src/excel/suppliedPayTable";
import { SUPPLIED_PAY_COLUMNS, SUPPLIED_PAY_GUIDE, SUPPLIED_PAY_TABLE, suppliedPayFromTable } from "../../src/report/suppliedPayTable";
import { financialYear } from "../../src/engine/years";
import { FakeExcel } from "../../src/testSupport/recordingExcel";
import { buildBoardPack } from "../../src/report/boardPack";
import { parseBoardScenario } from "../../src/report/scenario";
import { staffTable } from "./staffFixtures";

const STAFF = [
  ["Employee reference", "Staff group", "Current employer", "Current terms", "SCP", "FTE", "Years of service", "Pension scheme", "Target job match"],
  ["C1", "Social work", "Northshire Council", "NJC", 44, 1, 5, "LGPS", "8a"],
];
const HEADINGS = SUPPLIED_PAY_COLUMNS.map((c) => c.heading);

function workbook(options: ConstructorParameters<typeof FakeExcel>[0] = {}) {
  const fake = new FakeExcel(options);
  fake.workbook.seedTable("Staff", "StaffList", "A1", STAFF);
  return fake;
}

describe("reading the SuppliedPay table with the staff table", () => {
  test("both tables in ONE sync; the figures' rows keep their worksheet row numbers", async () => {
    const fake = workbook();
    fake.workbook.seedTable("Supplied pay", SUPPLIED_PAY_TABLE, "A5", [HEADINGS, ["NJC", 44, "", "2025/26", 52805, "local pay policy 2025"], ["NJC", 20, "", "2025/26", 30000, ""]]);
    const read = await fake.run((ctx) => readTableAndCompanion(ctx, "StaffList", SUPPLIED_PAY_TABLE));
    expect(fake.syncs).toBe(1);
    expect(read.table.values).toEqual(STAFF);
    expect(read.companionNote).toBeNull();
    expect(read.companion).toEqual({
      name: "SuppliedPay",
      sheet: "Supplied pay",
      values: [HEADINGS, ["NJC", 44, "", "2025/26", 52805, "local pay policy 2025"], ["NJC", 20, "", "2025/26", 30000, ""]],
      headerRowNumber: 5,
      rows: 2,
      hiddenRows: [],
      notes: [],
    });
    // Worksheet row 7 (the header is on row 5) holds SCP 20, which the data already has.
    const r = suppliedPayFromTable(read.companion!.values, read.companion!.headerRowNumber, financialYear(2025));
    expect(r.entries).toHaveLength(1);
    expect(r.problems.map((p) => [p.row, p.column])).toEqual([[7, "Band or point"]]);
  });

  test("no SuppliedPay table: still one sync, nothing supplied, nothing said", async () => {
    const fake = workbook();
    const read = await fake.run((ctx) => readTableAndCompanion(ctx, "StaffList", SUPPLIED_PAY_TABLE));
    expect(fake.syncs).toBe(1);
    expect(read.companion).toBeNull();
    expect(read.companionNote).toBeNull();
    expect(read.table.rows).toBe(1);
  });

  test("an Excel that refuses a missing table's null object: the staff table is read again alone (two syncs), and the figures table looked for", async () => {
    const fake = workbook({ nullObjects: "fail" });
    const read = await fake.run((ctx) => readTableAndCompanion(ctx, "StaffList", SUPPLIED_PAY_TABLE));
    expect(fake.syncs).toBe(2);
    expect(read.table.values).toEqual(STAFF);
    expect(read.companion).toBeNull();
    expect(read.companionNote).toBeNull(); // it is not there: nothing to say

    // There, and read in the one sync, on the same Excel.
    const withTable = workbook({ nullObjects: "fail" });
    withTable.workbook.seedTable("Supplied pay", SUPPLIED_PAY_TABLE, "A1", [HEADINGS, ["NJC", 44, "", "", 52805, ""]]);
    const both = await withTable.run((ctx) => readTableAndCompanion(ctx, "StaffList", SUPPLIED_PAY_TABLE));
    expect(withTable.syncs).toBe(1);
    expect(both.companion!.rows).toBe(1);
  });

  test("if the figures table is there but cannot be read, the staff table is still read and a note says why", async () => {
    const fake = workbook();
    fake.workbook.seedTable("Supplied pay", SUPPLIED_PAY_TABLE, "A1", [HEADINGS, ["NJC", 44, "", "", 52805, ""]]);
    let refused = false;
    fake.failWhen = (a) => (!refused && /SuppliedPay/.test(a.target) && a.kind === "load" ? ((refused = true), "GeneralException") : null);
    const read = await fake.run((ctx) => readTableAndCompanion(ctx, "StaffList", SUPPLIED_PAY_TABLE));
    expect(read.table.rows).toBe(1);
    expect(read.companion).toBeNull();
    expect(read.companionNote).toMatch(/^The table "SuppliedPay" could not be read, so none of its figures was used\. Excel reported a general error/);
  });

  test("a missing staff table is still the plain-words error", async () => {
    const fake = workbook({ nullObjects: "fail" });
    const err = await fake.run((ctx) => readTableAndCompanion(ctx, "Gone", SUPPLIED_PAY_TABLE)).catch((e) => e);
    expect(err).toBeInstanceOf(ReadTableError);
    expect(err.message).toBe('There is no table called "Gone" in this workbook any more: pick the table again.');
  });

  test("a staff table too big for one response: read in runs, the figures table with the first of them", async () => {
    const fake = new FakeExcel({ responseLimitBytes: 2_000_000 });
    const rows = Array.from({ length: 60_000 }, (_, i) => [`E${i}`, "Social work", "Northshire Council", "NJC", 20, 1, 5, "LGPS", "3"]);
    fake.workbook.seedTable("Staff", "Big", "A1", [STAFF[0], ...rows]);
    fake.workbook.seedTable("Supplied pay", SUPPLIED_PAY_TABLE, "A1", [HEADINGS, ["NJC", 44, "", "", 52805, ""]]);
    const read = await fake.run((ctx) => readTableAndCompanion(ctx, "Big", SUPPLIED_PAY_TABLE));
    expect(read.table.rows).toBe(60_000);
    expect(read.companion!.values[1]).toEqual(["NJC", 44, "", "", 52805, ""]);
  });
});

describe("Add a table for your own pay figures", () => {
  test("makes the sheet, the guide and an empty formatted table named SuppliedPay, and selects its first cell", async () => {
    const fake = workbook();
    const outcome = await fake.run((ctx) => addSuppliedPayTable(ctx));
    expect(outcome).toEqual({ kind: "created", sheet: "Supplied pay", table: "SuppliedPay", address: "A5:F6" });
    expect(fake.syncs).toBe(2);
    const t = fake.workbook.tables.find((x) => x.name === "SuppliedPay")!;
    expect(t.sheet.name).toBe("Supplied pay");
    expect(t.columns).toEqual(HEADINGS);
    expect(t.dataRows).toBe(1);
    expect(fake.workbook.values("Supplied pay", "A1:A3").map((r) => r[0])).toEqual([...SUPPLIED_PAY_GUIDE]);
    expect(SUPPLIED_PAY_GUIDE.join(" ")).toContain("Example: NJC | 44 |");
    expect(fake.workbook.values("Supplied pay", "A6:F6")).toEqual([["", "", "", "", "", ""]]); // the example is in the guide, never a row that would be used
    // Year as text, so "2025/26" stays as typed; pay in pounds and pence.
    expect(fake.workbook.cell("Supplied pay", "D6")!.numberFormat).toBe("@");
    expect(fake.workbook.cell("Supplied pay", "E6")!.numberFormat).toBe("#,##0.00");
    expect(fake.workbook.selection).toEqual({ sheet: "Supplied pay", address: "A6" });
    expect(fake.workbook.active!.name).toBe("Supplied pay");
    // The table as made reads as "nothing supplied".
    const read = await fake.run((ctx) => readTableAndCompanion(ctx, "StaffList", SUPPLIED_PAY_TABLE));
    expect(suppliedPayFromTable(read.companion!.values, read.companion!.headerRowNumber, financialYear(2025))).toEqual({ entries: [], figures: [], problems: [], rowsRead: 0 });
  });

  test("never overwrites: an existing SuppliedPay table (anywhere) is selected and left as it is", async () => {
    const fake = workbook();
    fake.workbook.seedTable("My figures", SUPPLIED_PAY_TABLE, "C3", [HEADINGS, ["NJC", 44, "", "", 52805, "mine"]]);
    const before = JSON.stringify([...fake.workbook.sheet("My figures").cells]);
    const outcome = await fake.run((ctx) => addSuppliedPayTable(ctx));
    expect(outcome).toEqual({ kind: "table-exists", sheet: "My figures", table: "SuppliedPay" });
    expect(JSON.stringify([...fake.workbook.sheet("My figures").cells])).toBe(before);
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["Staff", "My figures"]);
    expect(fake.workbook.selection).toEqual({ sheet: "My figures", address: "C3:H4" });
    expect(fake.log.filter((a) => a.kind === "set")).toEqual([]);
  });

  test("never overwrites: a sheet called Supplied pay without the table is shown and nothing is changed", async () => {
    const fake = workbook();
    fake.workbook.addSheet("Supplied pay");
    fake.workbook.seedTable("Supplied pay", "Other", "A1", [["a", "b"], [1, 2]]);
    const outcome = await fake.run((ctx) => addSuppliedPayTable(ctx));
    expect(outcome).toEqual({ kind: "sheet-exists", sheet: "Supplied pay" });
    expect(fake.workbook.tables.map((t) => t.name)).toEqual(["StaffList", "Other"]);
    expect(fake.workbook.active!.name).toBe("Supplied pay");
    expect(fake.log.filter((a) => a.kind === "set")).toEqual([]);
  });

  test("if Excel refuses part of it, the new sheet is taken away again and the error says so", async () => {
    const fake = workbook();
    fake.failWhen = (a) => (a.kind === "set" && a.name === "name" && /tables\.add/.test(a.target) ? "ItemAlreadyExists" : null);
    const err = await fake.run((ctx) => addSuppliedPayTable(ctx)).catch((e) => e);
    expect(err.message).toMatch(/^Could not add the table of your own pay figures\./);
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["Staff"]);
  });
});

describe('"Cost hidden rows too": rows hidden in the workbook, read in one sync, costed only when asked', () => {
  test("off: hidden rows are left out and listed; on: costed like the others, and the intake report says which", async () => {
    const fake = new FakeExcel();
    fake.workbook.seedTable("Staff", "StaffList", "A1", staffTable(6));
    fake.workbook.sheet("Staff").hiddenRows = new Set([2, 4]); // worksheet rows 3 and 5 (a filter, or by hand)
    const read = await fake.run((ctx) => readTableAndCompanion(ctx, "StaffList", SUPPLIED_PAY_TABLE));
    expect(fake.syncs).toBe(1);
    const scenario = parseBoardScenario({ targetTerms: "AFC", financialYear: "2025/26", protection: "NONE", lgpsEmployerRate: "19.5%" });
    const pack = (includeHidden: boolean) =>
      buildBoardPack({ table: read.table.values, raw: rawTableOfTable(read.table), includeHidden, scenario, generatedOn: "2026-12-07", version: "9.9.9", firstRowNumber: read.table.headerRowNumber });
    const off = pack(false);
    expect(off.intake.hiddenRows).toEqual([3, 5]);
    expect(off.intake.hiddenIncluded).toBe(false);
    expect(off.report.people).toHaveLength(4);
    const on = pack(true);
    expect(on.intake.hiddenIncluded).toBe(true);
    expect(on.report.people).toHaveLength(6);
  });
});
