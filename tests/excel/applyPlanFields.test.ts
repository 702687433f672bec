/**
 * The plan fields applyPlan honours beyond cells and tables (row heights, page order, chart
 * options, sheetRef tokens), the requirement-set guards for each, and the recording fake's
 * faithfulness to the Office.js API reference where these tests rely on it.
 */
import { applyPlan, ApplyPlanError, rowHeightGroups, type ApplyOptions } from "../../src/excel/applyPlan";
import { buildBoardPack } from "../../src/report/boardPack";
import { parseBoardScenario } from "../../src/report/scenario";
import { FakeExcel, type LoggedAction } from "../../src/testSupport/recordingExcel";
import { blocksOf, type WorkbookPlan } from "../../src/sheets/plan";
import { boardPlan } from "./planFixtures";
import { probePlan } from "./probePlan";
import { SCENARIO, staffTable } from "./staffFixtures";

async function render(plan: WorkbookPlan, fake = new FakeExcel(), options: ApplyOptions = {}) {
  const result = await fake.run((ctx) => applyPlan(ctx, plan, { isSetSupported: (s, v) => fake.isSetSupported(s, v), ...options }));
  return { fake, result, wb: fake.workbook };
}

const rowHeightWrites = (log: LoggedAction[]) => log.filter((a) => a.kind === "set" && a.name === "rowHeight").map((a) => [/\.(getRanges?\("[^"]*"\))\.format$/.exec(a.target)![1], a.args[0]]);

describe("row heights", () => {
  test("the rows of one height in one action: getRanges for several runs (ExcelApi 1.9), getRange for one", async () => {
    const { fake, wb } = await render(probePlan());
    expect(rowHeightWrites(fake.log)).toEqual([
      ['getRanges("5:6, 10:10")', 30],
      ['getRange("12:12")', 45],
    ]);
    expect([...wb.sheet("Probe").rowHeights].sort((a, b) => a[0] - b[0])).toEqual([[4, 30], [5, 30], [9, 30], [11, 45]]);
  });

  test("before ExcelApi 1.9 (no getRanges), a range per run of rows; before 1.2, none, with a warning", async () => {
    const older = await render(probePlan(), new FakeExcel({ excelApi: "1.8" }));
    expect(rowHeightWrites(older.fake.log)).toEqual([
      ['getRange("5:6")', 30],
      ['getRange("10:10")', 30],
      ['getRange("12:12")', 45],
    ]);
    expect(older.wb.sheet("Probe").rowHeights.size).toBe(4);
    const oldest = await render(probePlan(), new FakeExcel({ excelApi: "1.1" }));
    expect(rowHeightWrites(oldest.fake.log)).toEqual([]);
    expect(oldest.result.warnings.join(" ")).toMatch(/column widths or row heights .*ExcelApi 1\.2/);
  });

  test("grouping: adjacent rows merge, the last height given for a row wins, long lists are cut at 255 characters", () => {
    expect(rowHeightGroups([{ row: 2, height: 20 }, { row: 3, height: 20 }, { row: 4, height: 20 }, { row: 7, height: 20 }, { row: 3, height: 40 }], true)).toEqual([
      { address: "3:3, 5:5, 8:8", height: 20 },
      { address: "4:4", height: 40 },
    ]);
    const many = Array.from({ length: 200 }, (_, i) => ({ row: i * 2, height: 18 }));
    const groups = rowHeightGroups(many, true);
    expect(groups.length).toBeGreaterThan(1);
    expect(groups.every((g) => g.address.length <= 255 && g.height === 18)).toBe(true);
    expect(groups.flatMap((g) => g.address.split(", ")).length).toBe(200);
    expect(rowHeightGroups(many, false)).toHaveLength(200);
    expect(rowHeightGroups([{ row: 1, height: Number.NaN }, { row: 2, height: -1 }], true)).toEqual([]);
  });

  test("the number of row-height actions does not grow with the data rows", async () => {
    const withHeights = (rows: number) => {
      const plan = boardPlan({ rows });
      plan.sheets[1].rowHeights = [{ row: 3, height: 42 }];
      return plan;
    };
    const small = await render(withHeights(10));
    const large = await render(withHeights(10_000));
    expect(small.fake.syncs).toBe(3);
    expect(large.fake.syncs).toBe(3);
    expect(rowHeightWrites(large.fake.log)).toEqual([['getRange("4:4")', 42]]);
    expect(large.fake.log.length).toBe(small.fake.log.length);
  });
});

describe("charts and print", () => {
  test("a chart's options, page order and the palette, as the parity table says (probe plan)", async () => {
    const { wb } = await render(probePlan());
    const [columns, bars] = wb.sheet("Probe").charts;
    expect(columns).toMatchObject({ legendVisible: false, valueAxisMinimum: 0, dataLabels: { showValue: true, position: "OutsideEnd" } });
    expect(bars).toMatchObject({ categoryAxisReversed: true, categoryAxisPosition: "Maximum", legendVisible: false, dataLabels: null });
    expect(wb.sheet("Probe").pageLayout.printOrder).toBe("OverThenDown");
    expect(wb.sheet("Second").pageLayout.printOrder).toBe("DownThenOver");
  });

  test("a plan with no page order leaves Excel's own", async () => {
    const { wb } = await render(boardPlan({ rows: 2 }));
    expect(wb.sheet("Detail").pageLayout.printOrder).toBeUndefined();
  });
});

describe("sheetRef tokens", () => {
  test("resolve to the sheet's final name, also when it had to be renamed", async () => {
    const fake = new FakeExcel();
    fake.workbook.addSheet("Second");
    const { wb } = await render(probePlan(), fake);
    expect(wb.cell("Probe", "G3")).toMatchObject({ kind: "formula", value: "='Second (2)'!B2*2" });
  });

  test("a token naming no sheet of the plan fails before anything is sent", async () => {
    const plan = probePlan();
    plan.sheets[1].blocks.push({ kind: "range", row: 20, col: 0, values: [[{ formula: "{sheet:nowhere}!A1", result: 0 }]] });
    const fake = new FakeExcel();
    const err = await render(plan, fake).catch((e) => e);
    expect(err).toBeInstanceOf(ApplyPlanError);
    expect(err.message).toMatch(/refers to a sheet it does not have; nothing was written/);
    expect(fake.syncs).toBe(0);
  });
});

describe("requirement sets: every member above ExcelApi 1.1 is guarded", () => {
  const versions = ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9"];

  test.each(versions)("an Excel with ExcelApi %s writes the probe plan, leaving out only what it lacks", async (v) => {
    const { result, wb } = await render(probePlan(), new FakeExcel({ excelApi: v }));
    expect(wb.sheets.map((s) => s.name)).toEqual(["Probe", "Second"]);
    expect(wb.cell("Probe", "F3")).toMatchObject({ kind: "formula", value: "=SUM(B3:C3)" });
    const n = Number(v.split(".")[1]);
    expect(result.warnings.length === 0).toBe(n >= 9);
    if (n < 9) expect(result.warnings.join(" ")).toMatch(/ExcelApi 1\.9/);
    if (n < 7) expect(result.warnings.join(" ")).toMatch(/ExcelApi 1\.7/);
  });

  test("the fake does refuse a later member: the same plan without the guard fails with ApiNotFound", async () => {
    const fake = new FakeExcel({ excelApi: "1.8" });
    fake.workbook.addSheet("Mine");
    const err = await fake.run((ctx) => applyPlan(ctx, probePlan(), { isSetSupported: () => true })).catch((e) => e);
    expect(err).toBeInstanceOf(ApplyPlanError);
    expect(err.cause).toMatchObject({ code: "ApiNotFound" });
    expect(err.message).toContain("This version of Excel lacks a feature the add-in needs");
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["Mine"]);
  });

  test("the real board pack at ExcelApi 1.7 (what the task pane requires): written, print set-up and chart number formats left out with a warning", async () => {
    const table = staffTable(8);
    const pack = buildBoardPack({ table, scenario: parseBoardScenario(SCENARIO), generatedOn: "2026-11-29", version: "0.1.0", firstRowNumber: 1 });
    const { result, wb } = await render(pack.workbook, new FakeExcel({ excelApi: "1.7" }));
    expect(result.syncs).toBe(2);
    expect(wb.sheets.map((s) => s.name)).toEqual(pack.workbook.sheets.map((s) => s.name));
    expect(result.warnings).toHaveLength(2);
    expect(result.warnings.join(" ")).toMatch(/ExcelApi 1\.9.*ExcelApi 1\.8|ExcelApi 1\.8.*ExcelApi 1\.9/);
    // row heights (1.2) are there
    for (const sheet of pack.workbook.sheets) {
      const written = wb.sheet(sheet.name).rowHeights;
      expect([...written].sort((a, b) => a[0] - b[0])).toEqual((sheet.rowHeights ?? []).map((h) => [h.row, h.height]));
    }
  });

  test("the real board pack with every set: its row heights, page order and chart options reach the workbook", async () => {
    const table = staffTable(8);
    const pack = buildBoardPack({ table, scenario: parseBoardScenario(SCENARIO), generatedOn: "2026-11-29", version: "0.1.0", firstRowNumber: 1 });
    const { result, wb } = await render(pack.workbook);
    expect(result.warnings).toEqual([]);
    for (const sheet of pack.workbook.sheets) {
      expect([...wb.sheet(sheet.name).rowHeights].sort((a, b) => a[0] - b[0])).toEqual((sheet.rowHeights ?? []).map((h) => [h.row, h.height]));
      const order = sheet.print.pageOrder;
      expect(wb.sheet(sheet.name).pageLayout.printOrder).toBe(order === undefined ? undefined : order === "overThenDown" ? "OverThenDown" : "DownThenOver");
    }
    for (const { sheet, block } of blocksOf(pack.workbook, "chart")) {
      const chart = wb.sheet(sheet.name).charts.find((c) => c.title === block.title)!;
      expect(chart.legendVisible).toBe(block.legend ?? block.series.length > 1);
      expect(chart.valueAxisMinimum).toBe(block.axisMin ?? null);
      expect(chart.dataLabels?.showValue ?? false).toBe(block.dataLabels ?? false);
      if (block.colors) expect(chart.series.map((s) => s.color)).toEqual(block.series.map((_, i) => block.colors![i % block.colors!.length]));
    }
  });
});

describe("the recording fake checks values as the API reference restricts them", () => {
  async function attempt(edit: (ctx: Excel.RequestContext) => void, options = {}) {
    const fake = new FakeExcel(options);
    return fake
      .run(async (ctx) => {
        edit(ctx);
        await ctx.sync();
      })
      .then(() => "ok")
      .catch((e) => e.code);
  }
  const sheet = (ctx: Excel.RequestContext) => ctx.workbook.worksheets.add("S");
  const chart = (ctx: Excel.RequestContext) => {
    const s = sheet(ctx);
    return s.charts.add("ColumnClustered", s.getRange("A1:A2"), "Columns");
  };

  test("page order, row height, legend, data labels, axis minimum and colours", async () => {
    expect(await attempt((ctx) => void (sheet(ctx).pageLayout.printOrder = "OverThenDown"))).toBe("ok");
    expect(await attempt((ctx) => void ((sheet(ctx).pageLayout as any).printOrder = "Sideways"))).toBe("InvalidArgument");
    expect(await attempt((ctx) => void ((sheet(ctx).pageLayout as any).pageOrder = "OverThenDown"))).toBe("ApiNotFound");
    expect(await attempt((ctx) => void (sheet(ctx).getRange("3:4").format.rowHeight = 409))).toBe("ok");
    expect(await attempt((ctx) => void (sheet(ctx).getRange("3:4").format.rowHeight = 410))).toBe("InvalidArgument");
    expect(await attempt((ctx) => void ((chart(ctx).legend as any).position = "Middle"))).toBe("InvalidArgument");
    expect(await attempt((ctx) => void ((chart(ctx).legend as any).visible = "yes"))).toBe("InvalidArgument");
    expect(await attempt((ctx) => void ((chart(ctx).dataLabels as any).position = "Outside"))).toBe("InvalidArgument");
    expect(await attempt((ctx) => void (chart(ctx).axes.valueAxis.minimum = ""))).toBe("ok");
    expect(await attempt((ctx) => void (chart(ctx).axes.valueAxis.minimum = "zero"))).toBe("InvalidArgument");
    expect(await attempt((ctx) => chart(ctx).series.getItemAt(0).format.fill.setSolidColor("#00A499"))).toBe("ok");
    expect(await attempt((ctx) => chart(ctx).series.getItemAt(0).format.fill.setSolidColor("#00A4"))).toBe("InvalidArgument");
  });

  test("members of a later requirement set fail on an older Excel, at the sync", async () => {
    expect(await attempt((ctx) => void (sheet(ctx).getRange("A:A").format.columnWidth = 50), { excelApi: "1.1" })).toBe("ApiNotFound");
    expect(await attempt((ctx) => void (sheet(ctx).getRange("A:A").format.columnWidth = 50), { excelApi: "1.2" })).toBe("ok");
    expect(await attempt((ctx) => void (sheet(ctx).getRanges("1:1, 3:3").format.rowHeight = 20), { excelApi: "1.8" })).toBe("ApiNotFound");
    expect(await attempt((ctx) => void (sheet(ctx).pageLayout.orientation = "Portrait"), { excelApi: "1.8" })).toBe("ApiNotFound");
    expect(await attempt((ctx) => void (chart(ctx).axes.categoryAxis.reversePlotOrder = true), { excelApi: "1.6" })).toBe("ApiNotFound");
    expect(await attempt((ctx) => void (chart(ctx).axes.valueAxis.minimum = 0), { excelApi: "1.1" })).toBe("ok");
    expect(await attempt((ctx) => void (chart(ctx).dataLabels.numberFormat = "0"), { excelApi: "1.7" })).toBe("ApiNotFound");
    expect(new FakeExcel({ excelApi: "1.7" }).isSetSupported("ExcelApi", "1.10")).toBe(false);
    expect(new FakeExcel({ excelApi: "1.10" }).isSetSupported("ExcelApi", "1.9")).toBe(true);
  });
});
