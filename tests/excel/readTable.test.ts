import { firstRowOfAddress, listTables, rawTableOfTable, readTable, ReadTableError, tableAtSelection } from "../../src/excel/readTable";
import { FakeExcel } from "../../src/testSupport/recordingExcel";

const STAFF = [
  ["Employee reference", "Name", "Staff group", "FTE"],
  ["E1", "Ann Example", "Nursing", 1],
  ["E2", "=cmd|' /C calc'!A0", "Social work", 0.6],
  ["E3", "<img src=x onerror=alert(1)>", "Nursing", 0.8],
];

function workbook() {
  const fake = new FakeExcel();
  fake.workbook.addSheet("Notes");
  fake.workbook.seedTable("Staff", "StaffList", "B5", STAFF);
  fake.workbook.seedTable("Pool", "Partners", "A1", [
    ["Partner", "Contribution"],
    ["Trust", 100],
    ["Council", 50],
  ]);
  return fake;
}

describe("listTables", () => {
  test("names, sheets and row counts in two syncs, however many tables", async () => {
    const fake = workbook();
    const tables = await fake.run((ctx) => listTables(ctx));
    expect(tables).toEqual([
      { name: "StaffList", sheet: "Staff", rows: 3, columns: 4 },
      { name: "Partners", sheet: "Pool", rows: 2, columns: 2 },
    ]);
    expect(fake.syncs).toBe(2);
  });

  test("no tables: one sync, empty list", async () => {
    const fake = new FakeExcel();
    fake.workbook.addSheet("Sheet1");
    expect(await fake.run((ctx) => listTables(ctx))).toEqual([]);
    expect(fake.syncs).toBe(1);
  });
});

describe("tableAtSelection", () => {
  test("the table the selection is in, or null", async () => {
    const fake = workbook();
    fake.workbook.selection = { sheet: "Staff", address: "C7" };
    expect(await fake.run((ctx) => tableAtSelection(ctx))).toBe("StaffList");
    fake.workbook.selection = { sheet: "Staff", address: "A1" };
    expect(await fake.run((ctx) => tableAtSelection(ctx))).toBeNull();
    fake.workbook.selection = null; // a chart selected
    expect(await fake.run((ctx) => tableAtSelection(ctx))).toBeNull();
    expect(fake.syncs).toBe(3);
  });

  test("on Excel before ExcelApi 1.9 (no Range.getTables) it intersects the selection with each table instead", async () => {
    const fake = workbook();
    fake.excelApi = "1.8";
    const older = (set: string, version: string) => fake.isSetSupported(set, version);
    fake.workbook.selection = { sheet: "Staff", address: "C7" };
    expect(await fake.run((ctx) => tableAtSelection(ctx, older))).toBe("StaffList");
    fake.workbook.selection = { sheet: "Staff", address: "A1" };
    expect(await fake.run((ctx) => tableAtSelection(ctx, older))).toBeNull();
    fake.workbook.selection = { sheet: "Notes", address: "C7" };
    expect(await fake.run((ctx) => tableAtSelection(ctx, older))).toBeNull();
    expect(fake.syncs).toBe(6);
  });
});

describe("readTable", () => {
  test("header + rows in one sync, as Excel gives them, with the header's sheet row", async () => {
    const fake = workbook();
    const data = await fake.run((ctx) => readTable(ctx, "StaffList"));
    expect(fake.syncs).toBe(1);
    expect(data).toEqual({ name: "StaffList", sheet: "Staff", values: STAFF, headerRowNumber: 5, rows: 3, hiddenRows: [], notes: [] });
  });

  test("rows hidden by a filter or by hand are told in the same single sync, and reach the intake as hidden", async () => {
    const fake = workbook();
    fake.workbook.sheets.find((x) => x.name === "Staff")!.hiddenRows = new Set([6]); // sheet row 7: E2
    const data = await fake.run((ctx) => readTable(ctx, "StaffList"));
    expect(fake.syncs).toBe(1);
    expect(data.hiddenRows).toEqual([2]);
    const raw = rawTableOfTable(data);
    expect(raw.rowNumbers).toEqual([5, 6, 7, 8]);
    expect([...raw.hidden]).toEqual([2]);
    expect(raw.source).toMatchObject({ kind: "workbook-table", sheet: "Staff", table: "StaffList" });
  });

  test("with the table's first column hidden, no row is taken as hidden and a note says why", async () => {
    const fake = workbook();
    const sheet = fake.workbook.sheets.find((x) => x.name === "Staff")!;
    sheet.hiddenRows = new Set([6]);
    sheet.hiddenColumns = new Set([1]); // column B, the table's first
    const data = await fake.run((ctx) => readTable(ctx, "StaffList"));
    expect(data.hiddenRows).toEqual([]);
    expect(data.notes[0]).toMatch(/first column is hidden/);
  });

  test("the totals row is left out", async () => {
    const fake = workbook();
    const t = fake.workbook.tables.find((x) => x.name === "Partners")!;
    t.showTotals = true;
    const data = await fake.run((ctx) => readTable(ctx, "partners"));
    expect(data.values).toEqual([
      ["Partner", "Contribution"],
      ["Trust", 100],
      ["Council", 50],
    ]);
  });

  test("a missing table is a plain-words error", async () => {
    const fake = workbook();
    const err = await fake.run((ctx) => readTable(ctx, "Gone")).catch((e) => e);
    expect(err).toBeInstanceOf(ReadTableError);
    expect(err.message).toBe('There is no table called "Gone" in this workbook any more: pick the table again.');
  });

  test("a table too big for one response is read again in runs of rows", async () => {
    const fake = new FakeExcel({ responseLimitBytes: 2_000_000 });
    const rows = Array.from({ length: 60_000 }, (_, i) => [`E${i}`, `Person number ${i}`, "Nursing", 1]);
    fake.workbook.seedTable("Staff", "Big", "A1", [STAFF[0], ...rows]);
    const data = await fake.run((ctx) => readTable(ctx, "Big"));
    expect(data.rows).toBe(60_000);
    expect(data.values[0]).toEqual(STAFF[0]);
    expect(data.values[60_000]).toEqual(["E59999", "Person number 59999", "Nursing", 1]);
    expect(fake.requests.some((r) => r.refused)).toBe(false);
    expect(data.hiddenRows).toEqual([]);
    expect(fake.syncs).toBeGreaterThan(2); // the refused try, the size, then the runs
  });

  test("firstRowOfAddress", () => {
    expect(firstRowOfAddress("Staff!B6:E8")).toBe(6);
    expect(firstRowOfAddress("'My ''staff'' list'!$C$12:$D$30")).toBe(12);
    expect(firstRowOfAddress("A1")).toBe(1);
  });
});
