import { applyPlan, ApplyPlanError, charsToPoints, headerFooterText } from "../../src/excel/applyPlan";
import { EXCEL_WEB_REQUEST_LIMIT_BYTES } from "../../src/excel/payload";
import { rewriteReferences, uniqueTableName } from "../../src/sheets/references";
import { NUMBER_FORMATS, type WorkbookPlan } from "../../src/sheets/plan";
import { FakeExcel, typeInput } from "../../src/testSupport/recordingExcel";
import { boardPlan, DETAIL_COLUMNS } from "./planFixtures";

async function render(plan: WorkbookPlan, fake = new FakeExcel(), options: Parameters<typeof applyPlan>[2] = {}) {
  const result = await fake.run((ctx) => applyPlan(ctx, plan, options));
  return { fake, result, wb: fake.workbook };
}

function userWorkbook(): FakeExcel {
  const fake = new FakeExcel();
  fake.workbook.seedTable("Staff", "StaffList", "A1", [
    ["Employee reference", "Name"],
    ["E1", "A Person"],
  ]);
  return fake;
}

describe("applyPlan writes the plan", () => {
  test("sheets, cells, formats, tables, chart, layout and print set-up, in three round trips (read, write, print set-up)", async () => {
    const fake = userWorkbook();
    const { result, wb } = await render(boardPlan({ rows: 10 }), fake);

    expect(result.syncs).toBe(3);
    expect(fake.syncs).toBe(3);
    expect(result.printSetup).toBe("written");
    // The print set-up has a request of its own, the last one: nothing else in it.
    expect(fake.log.filter((a) => a.sync === 3).every((a) => /pageLayout|suspendApiCalculationUntilNextSync/.test(`${a.target}.${a.name}`))).toBe(true);
    expect(fake.log.some((a) => a.sync === 2 && /pageLayout/.test(a.target))).toBe(false);
    expect(wb.sheets.map((s) => s.name)).toEqual(["Staff", "Board summary", "Detail"]);
    expect(result.sheets.map((s) => [s.key, s.name, s.tables, s.charts])).toEqual([
      ["summary", "Board summary", ["GroupTable"], 1],
      ["detail", "Detail", ["DetailTable"], 0],
    ]);
    expect(wb.active?.name).toBe("Board summary");

    // values and formulas
    expect(wb.cell("Board summary", "A1")).toMatchObject({ kind: "text", value: "Board summary: harmonisation of terms" });
    expect(wb.cell("Board summary", "B3")).toMatchObject({ kind: "number", value: 10, numberFormat: NUMBER_FORMATS.money });
    expect(wb.cell("Board summary", "B5")).toMatchObject({ kind: "formula", value: "=SUM('Detail'!M5:M14)", numberFormat: NUMBER_FORMATS.money });
    expect(wb.cell("Detail", "A5")).toMatchObject({ kind: "text", value: "E100000" });
    expect(wb.cell("Detail", "H5")).toMatchObject({ kind: "number", numberFormat: NUMBER_FORMATS.money });
    expect(wb.cell("Detail", "W14")).toMatchObject({ kind: "number", value: 0.0291, numberFormat: NUMBER_FORMATS.percent });

    // tables with SUBTOTAL totals over the data rows
    const detail = wb.tables.find((t) => t.name === "DetailTable")!;
    expect(detail).toMatchObject({ row: 3, col: 0, dataRows: 10, showTotals: true, style: "TableStyleMedium2" });
    expect(detail.columns).toEqual(DETAIL_COLUMNS.map((c) => c.header));
    expect(wb.cell("Detail", "A15")).toMatchObject({ kind: "text", value: "Total" });
    expect(wb.cell("Detail", "G15")).toMatchObject({ kind: "formula", value: "=SUBTOTAL(109,G5:G14)", numberFormat: NUMBER_FORMATS.decimal2 });
    expect(wb.cell("Detail", "V15")).toMatchObject({ kind: "formula", value: "=SUBTOTAL(109,V5:V14)", numberFormat: NUMBER_FORMATS.money });
    expect(wb.cell("Detail", "W15")?.value ?? "").toBe(""); // the default total Excel puts in the last column is cleared
    expect(wb.cell("Board summary", "C16")).toMatchObject({ kind: "formula", value: "=SUBTOTAL(109,C11:C15)" });

    // chart
    const chart = wb.sheet("Board summary").charts[0];
    expect(chart).toMatchObject({ type: "ColumnClustered", title: "Cost by staff group", legendVisible: true, legendPosition: "Bottom", valueAxisNumberFormat: NUMBER_FORMATS.moneyWhole, position: ["E10", "K25"] });
    // no colours in the plan: the shared palette, as the .xlsx renderer draws them
    expect(chart.series).toEqual([
      { name: "Current cost", values: "B11:B15", xValues: "A11:A15", color: "#005EB8" },
      { name: "Target cost", values: "C11:C15", xValues: "A11:A15", color: "#00A499" },
    ]);

    // layout and print
    const s = wb.sheet("Board summary");
    expect(s.columnWidths.get(0)).toBe(charsToPoints(34));
    expect(s.columnWidths.get(1)).toBe(charsToPoints(18));
    expect(s.columnWidths.get(2)).toBe(charsToPoints(18));
    expect(s.freeze).toEqual({ rows: 1, columns: 0 });
    expect(s.tabColor).toBe("#0F6CBD");
    expect(s.pageLayout).toEqual({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: null },
      printTitleRows: "$1:$1",
      headersFooters: { leftFooter: "OFFICIAL-SENSITIVE", rightFooter: "Care Trust Calculator 0.1.0" },
    });
    expect(wb.sheet("Detail").freeze).toEqual({ rows: 4, columns: 2 });
    expect(wb.sheet("Detail").pageLayout.printTitleRows).toBe("$4:$4");
    expect(wb.sheet("Board summary").formats).toContainEqual({ address: "A1", prop: "format.font.bold", value: true });

    // calculation suspended for each write request (the cells', then the print set-up's)
    expect(wb.calcSuspensions).toBe(2);
    // the user's sheet is untouched
    expect(wb.values("Staff", "A1:B2")).toEqual([
      ["Employee reference", "Name"],
      ["E1", "A Person"],
    ]);
  });

  test("the same number of syncs, and the same number of actions, for 10 and 10,000 rows", async () => {
    const small = await render(boardPlan({ rows: 10 }));
    const large = await render(boardPlan({ rows: 10_000 }));
    expect(small.fake.syncs).toBe(3);
    expect(large.fake.syncs).toBe(3);
    expect(large.fake.log.length).toBe(small.fake.log.length);
    expect(large.fake.largestRequestBytes).toBeLessThan(EXCEL_WEB_REQUEST_LIMIT_BYTES);
    expect(large.wb.tables.find((t) => t.name === "DetailTable")!.dataRows).toBe(10_000);
    expect(large.wb.cell("Detail", "A10004")).toMatchObject({ kind: "text", value: "E109999" });
    report("10 rows", small);
    report("10,000 rows", large);
  });

  test("50,000 rows: split into requests under 5 MB, few syncs, every row written", async () => {
    const { fake, result, wb } = await render(boardPlan({ rows: 50_000 }));
    const total = fake.requests.reduce((s, r) => s + r.bytes, 0);
    expect(fake.requests.every((r) => !r.refused && r.bytes < EXCEL_WEB_REQUEST_LIMIT_BYTES)).toBe(true);
    // requests are filled close to the 4 MB budget: no more syncs than the data needs, plus the read, the print set-up and one spare
    expect(fake.syncs).toBeGreaterThan(3);
    expect(fake.syncs).toBeLessThanOrEqual(Math.ceil(total / 3_500_000) + 2);
    expect(result.syncs).toBe(fake.syncs);
    expect(result.largestRequestBytes).toBeLessThanOrEqual(4_000_000);
    // the renderer's estimate is on the safe side of what was sent
    for (let i = 0; i < result.requestBytes.length; i++) expect(result.requestBytes[i]).toBeGreaterThanOrEqual(fake.requests[i + 1].bytes * 0.95);
    expect(wb.tables.find((t) => t.name === "DetailTable")!.dataRows).toBe(50_000);
    expect(wb.cell("Detail", "A50004")).toMatchObject({ kind: "text", value: "E149999" });
    expect(wb.cell("Detail", "V50004")).toMatchObject({ kind: "number", numberFormat: NUMBER_FORMATS.money });
    expect(wb.cell("Detail", "G50005")).toMatchObject({ kind: "formula", value: "=SUBTOTAL(109,G5:G50004)" });
    report("50,000 rows", { fake, result });
  });

  test("a tiny budget still writes everything, with more syncs (the split is by size, not by rows)", async () => {
    const { fake, wb } = await render(boardPlan({ rows: 2_000 }), new FakeExcel(), { budgetBytes: 100_000 });
    expect(fake.syncs).toBeGreaterThan(5);
    expect(fake.requests.every((r) => r.bytes < 140_000)).toBe(true);
    expect(wb.cell("Detail", "A2004")).toMatchObject({ kind: "text", value: "E101999" });
  });
});

describe("never touching sheets it did not create", () => {
  test("unique sheet and table names when they exist, references rewritten, existing sheets unchanged", async () => {
    const fake = new FakeExcel();
    const wb = fake.workbook;
    wb.seedTable("Detail", "DetailTable", "A1", [
      ["Mine", "Amount"],
      ["x", 1],
    ]);
    wb.addSheet("Board summary");
    wb.addSheet("board summary (2)".toUpperCase()); // case-insensitive clash
    wb.names.push("GroupTable");
    const before = JSON.stringify([...wb.sheet("Detail").cells]);

    const { result } = await render(boardPlan({ rows: 5 }), fake);

    expect(result.sheets.map((s) => s.name)).toEqual(["Board summary (3)", "Detail (2)"]);
    expect(result.sheets.map((s) => s.tables)).toEqual([["GroupTable_2"], ["DetailTable_2"]]);
    expect(wb.sheets.map((s) => s.name)).toEqual(["Detail", "Board summary", "BOARD SUMMARY (2)", "Board summary (3)", "Detail (2)"]);
    // formulas follow the renames
    expect(wb.cell("Board summary (3)", "B4")).toMatchObject({ kind: "formula", value: "=SUM('Detail (2)'!G5:G9)" });
    expect(wb.cell("Board summary (3)", "B7")).toMatchObject({ kind: "formula", value: "=SUM(DetailTable_2[Levelled-up total cost])" });
    // the user's sheets: same cells, and no writes addressed to them
    expect(JSON.stringify([...wb.sheet("Detail").cells])).toBe(before);
    expect(wb.sheet("Board summary").cells.size).toBe(0);
    const touched = fake.log.filter((a) => /worksheets\.(getItem|getItemOrNullObject)\(/.test(a.target) || /^workbook\.worksheets\.add\("(Detail|Board summary)"\)/.test(a.target));
    expect(touched).toEqual([]);
  });
});

describe("print set-up cannot sink the pack", () => {
  test("Excel refusing the page layout leaves every sheet written, and the result says print set-up was skipped", async () => {
    const fake = userWorkbook();
    fake.failWhen = (a) => (/pageLayout/.test(a.target) && a.name === "zoom" ? "GeneralException" : null);
    const { result, wb } = await render(boardPlan({ rows: 10 }), fake);
    expect(result.printSetup).toBe("skipped");
    expect(result.warnings.join(" ")).toMatch(/^Excel refused the print set-up \(Excel reported a general error.*\): every sheet is written, but A4 landscape, fit to width/);
    expect(wb.sheets.map((s) => s.name)).toEqual(["Staff", "Board summary", "Detail"]);
    expect(wb.cell("Detail", "A14")).toMatchObject({ kind: "text", value: "E100009" });
    expect(wb.tables.map((t) => t.name)).toEqual(["StaffList", "GroupTable", "DetailTable"]);
    expect(result.syncs).toBe(3);
    expect(fake.syncs).toBe(3);
  });

  test("fit to one page wide leaves the height free with null, as the typings document, not 0", async () => {
    const { fake } = await render(boardPlan({ rows: 2 }));
    const zooms = fake.log.filter((a) => a.name === "zoom").map((a) => a.args[0]);
    expect(zooms.length).toBeGreaterThan(0);
    for (const z of zooms) expect(z).toEqual({ horizontalFitToPages: 1, verticalFitToPages: null });
  });

  test("an Excel without page layout (before ExcelApi 1.9) gets no print request at all: two round trips, and says so", async () => {
    const fake = new FakeExcel({ excelApi: "1.8" });
    const { result } = await render(boardPlan({ rows: 10 }), fake, { isSetSupported: (s, v) => fake.isSetSupported(s, v) });
    expect(result.printSetup).toBe("unsupported");
    expect(fake.syncs).toBe(2);
    expect(result.warnings.join(" ")).toContain("cannot set up printing from an add-in (it needs ExcelApi 1.9)");
  });
});

describe("rollback", () => {
  test("a failure part-way removes the sheets it created and says so in plain words", async () => {
    const fake = userWorkbook();
    fake.failWhen = (a) => (a.name === "add" && /\.charts$/.test(a.target) ? "GeneralException" : null);
    const err = await render(boardPlan({ rows: 10 }), fake).catch((e) => e);
    expect(err).toBeInstanceOf(ApplyPlanError);
    expect(err.removedSheets).toEqual(["Board summary", "Detail"]);
    expect(err.leftSheets).toEqual([]);
    expect(err.message).toMatch(/^The board pack could not be written\. Excel reported a general error/);
    expect(err.message).toContain('The sheets it had added ("Board summary", "Detail") have been removed; your own sheets were not changed.');
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["Staff"]);
    expect(fake.workbook.tables.map((t) => t.name)).toEqual(["StaffList"]);
    expect(fake.workbook.values("Staff", "A2:B2")).toEqual([["E1", "A Person"]]);
  });

  test("a failure in a later request of a big write (after sheets exist) also rolls back", async () => {
    const fake = userWorkbook();
    fake.failWhen = (a) => (a.sync === 3 ? "InvalidArgument" : null);
    const err = await render(boardPlan({ rows: 50_000 }), fake).catch((e) => e);
    expect(err).toBeInstanceOf(ApplyPlanError);
    expect(err.message).toContain("Excel did not accept part of what was written");
    expect(err.removedSheets).toEqual(["Board summary", "Detail"]);
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["Staff"]);
  });

  test("a request refused as too large is reported as such, and rolled back", async () => {
    const fake = userWorkbook();
    fake.requestLimitBytes = 200_000; // stricter than the renderer's budget
    const err = await render(boardPlan({ rows: 5_000 }), fake).catch((e) => e);
    expect(err).toBeInstanceOf(ApplyPlanError);
    expect(err.message).toContain("Excel refused the request as too large.");
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["Staff"]);
  });

  test("a plan with no sheets fails before anything is sent", async () => {
    const fake = userWorkbook();
    const err = await render({ sheets: [], properties: { title: "", version: "", created: "" } }, fake).catch((e) => e);
    expect(err).toBeInstanceOf(ApplyPlanError);
    expect(fake.syncs).toBe(0);
  });
});

describe("text stays text", () => {
  const risky = ["=HYPERLINK(\"http://x\",\"y\")", "+44 1234", "-", "-abc", "@SUM(A1)", "=1+1", "00123", "TRUE", "1/4", "<img src=x onerror=alert(1)>"];

  test("the fake types input like Excel (so the test below means something)", () => {
    expect(typeInput("=1+1", "General")!.kind).toBe("formula");
    expect(typeInput("+A1", "General")!.kind).toBe("formula");
    expect(typeInput("-abc", "General")!.kind).toBe("formula");
    expect(typeInput("@x", "General")!.kind).toBe("formula");
    expect(typeInput("00123", "General")).toMatchObject({ kind: "number", value: 123 });
    expect(typeInput("=1+1", "@")).toMatchObject({ kind: "text", value: "=1+1" });
  });

  test("strings beginning with = + - @ (and other look-alikes) are written as text, in tables and ranges", async () => {
    const plan = boardPlan({ rows: risky.length, name: (i) => risky[i] });
    plan.sheets[0].blocks.push({ kind: "range", row: 30, col: 0, values: [risky.slice(0, 5), risky.slice(5)], style: { bold: true } });
    plan.sheets[0].blocks.push({ kind: "range", row: 33, col: 0, values: [["Note", 1], ["=mixed", { formula: "1+1", result: 2 }]] });
    const { wb } = await render(plan);
    risky.forEach((text, i) => {
      expect(wb.cell("Detail", `B${5 + i}`)).toEqual({ kind: "text", value: text, numberFormat: "@" });
    });
    risky.forEach((text, i) => {
      expect(wb.cell("Board summary", `${"ABCDE"[i % 5]}${31 + Math.floor(i / 5)}`)).toEqual({ kind: "text", value: text, numberFormat: "@" });
    });
    // a column mixing text and a formula: the text cell is text, the formula cell is a formula
    expect(wb.cell("Board summary", "A35")).toMatchObject({ kind: "text", value: "=mixed", numberFormat: "@" });
    expect(wb.cell("Board summary", "B35")).toMatchObject({ kind: "formula", value: "=1+1", numberFormat: "General" });
    // the format is sent before the value, in the same request
    const names = risky.length;
    expect(names).toBeGreaterThan(0);
  });

  test("a formula or number in a column formatted as Text is not made text", async () => {
    const plan = boardPlan({ rows: 2 });
    plan.sheets[0].blocks.push({ kind: "range", row: 40, col: 0, values: [["label"], [{ formula: "1+1", result: 2 }], [5]], columnFormats: [NUMBER_FORMATS.text] });
    const table = plan.sheets[1].blocks.find((b) => b.kind === "table");
    if (table?.kind !== "table") throw new Error("fixture");
    table.columns[0] = { header: "Employee reference", numberFormat: NUMBER_FORMATS.text, total: "sum" };
    const { wb } = await render(plan);
    expect(wb.cell("Board summary", "A41")).toMatchObject({ kind: "text", numberFormat: "@" });
    expect(wb.cell("Board summary", "A42")).toMatchObject({ kind: "formula", value: "=1+1", numberFormat: "General" });
    expect(wb.cell("Board summary", "A43")).toMatchObject({ kind: "number", value: 5, numberFormat: "General" });
    expect(wb.cell("Detail", "A5")).toMatchObject({ kind: "text", numberFormat: "@" });
    expect(wb.cell("Detail", "A7")).toMatchObject({ kind: "formula", value: "=SUBTOTAL(109,A5:A6)", numberFormat: "General" });
  });

  test("the Text format goes before the values it protects", async () => {
    const { fake } = await render(boardPlan({ rows: 3, name: () => "=1+1" }));
    const detailWrites = fake.log.filter((a) => a.kind === "set" && /add\("Detail"\)\.getRange\("A5:W7"\)/.test(a.target));
    expect(detailWrites.map((a) => a.name)).toEqual(["formulas"]);
    const nameFormat = fake.log.findIndex((a) => a.kind === "set" && a.name === "numberFormat" && /add\("Detail"\)\.getRange\("A5:F7"\)/.test(a.target));
    const values = fake.log.findIndex((a) => a.kind === "set" && a.name === "formulas" && /add\("Detail"\)\.getRange\("A5:W7"\)/.test(a.target));
    expect(nameFormat).toBeGreaterThanOrEqual(0);
    expect(nameFormat).toBeLessThan(values);
  });
});

describe("plan details", () => {
  test("a totals formula, repeated print columns, a print scale and page-number codes in the footer", async () => {
    const plan = boardPlan({ rows: 4, marking: "OFFICIAL-SENSITIVE & PERSONAL" });
    const detail = plan.sheets[1];
    const table = detail.blocks.find((b) => b.kind === "table")!;
    if (table.kind !== "table") throw new Error("fixture");
    // a percentage of two totals, as the report puts under "Difference %"
    table.columns[table.columns.length - 1] = { ...table.columns[table.columns.length - 1], total: { formula: "IF(M9=0,0,V9/M9)" } as unknown as string };
    Object.assign(detail.print, { repeatColumns: { first: 0, last: 1 }, fitToWidth: false, scale: 85, footer: { left: "OFFICIAL-SENSITIVE & PERSONAL", right: "Page {page} of {pages}" } });
    const { wb } = await render(plan);
    expect(wb.cell("Detail", "W9")).toMatchObject({ kind: "formula", value: "=IF(M9=0,0,V9/M9)", numberFormat: NUMBER_FORMATS.percent });
    const pl = wb.sheet("Detail").pageLayout;
    expect(pl.printTitleColumns).toBe("$A:$B");
    expect(pl.zoom).toEqual({ scale: 85 });
    expect(pl.headersFooters).toEqual({ leftFooter: "OFFICIAL-SENSITIVE && PERSONAL", rightFooter: "Page &P of &N" });
  });
});

describe("older Excel", () => {
  test("without ExcelApi 1.9 the print set-up is skipped with a warning, the rest written", async () => {
    const { wb, result } = await render(boardPlan({ rows: 3 }), new FakeExcel(), { isSetSupported: (_s, v) => Number(v.split(".")[1]) <= 8 });
    expect(wb.sheet("Detail").pageLayout.orientation).toBeNull();
    expect(result.warnings.join(" ")).toMatch(/print/i);
    expect(wb.tables.map((t) => t.name)).toEqual(["GroupTable", "DetailTable"]);
  });
});

describe("helpers", () => {
  test("references to renamed sheets and tables are rewritten outside string literals only", () => {
    const renames = { sheets: new Map([["detail", "Detail (2)"], ["it's", "It's (2)"]]), tables: new Map([["detailtable", "DetailTable_2"]]) };
    expect(rewriteReferences("SUM('Detail'!A1:A3)+Detail!B2", renames)).toBe("SUM('Detail (2)'!A1:A3)+'Detail (2)'!B2");
    expect(rewriteReferences("'It''s'!A1&\"Detail!A1\"", renames)).toBe("'It''s (2)'!A1&\"Detail!A1\"");
    expect(rewriteReferences("SUM(DetailTable[Cost])+OtherTable[Cost]", renames)).toBe("SUM(DetailTable_2[Cost])+OtherTable[Cost]");
    expect(rewriteReferences("SUM(MyDetail!A1)", renames)).toBe("SUM(MyDetail!A1)");
  });

  test("table names are legal and unique", () => {
    expect(uniqueTableName("Detail", [])).toBe("Detail");
    expect(uniqueTableName("Detail", ["detail", "Detail_2"])).toBe("Detail_3");
    expect(uniqueTableName("AB12", [])).toBe("T_AB12");
    expect(uniqueTableName("2026 costs", [])).toBe("T_2026_costs");
  });

  test("header and footer text escapes &", () => {
    expect(headerFooterText("OFFICIAL-SENSITIVE & PERSONAL")).toBe("OFFICIAL-SENSITIVE && PERSONAL");
  });
});

function report(label: string, r: { fake: FakeExcel; result: { requestBytes: number[] } }) {
  const sizes = r.fake.requests.map((q) => q.bytes.toLocaleString("en-GB")).join(", ");
  // Printed so the figures can be quoted; asserted above.
  console.log(`${label}: ${r.fake.syncs} syncs; measured request bytes [${sizes}]; renderer's estimates [${r.result.requestBytes.map((b) => b.toLocaleString("en-GB")).join(", ")}]`);
}
