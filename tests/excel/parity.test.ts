/**
 * Renderer parity: the same sheet plan (src/sheets/plan.ts) is rendered by Office.js
 * (src/excel/applyPlan.ts, into the open workbook) and by ExcelJS (src/xlsx/render.ts, to a
 * file), and both must produce the same sheets (DESIGN.md). This test keeps them from drifting:
 *
 * 1. PARITY below has a row for every field of every plan type, read from plan.ts itself
 *    (./planFields.ts): how each renderer honours it, and a check of it in what each wrote. A field
 *    added to plan.ts with no row here fails the first test, naming the field.
 * 2. The probe plan (./probePlan.ts) sets every field and every literal value; a field it does not
 *    set fails the second test, so each check below has something to find.
 * 3. Each row's checks run against the probe plan rendered by both renderers: by applyPlan into
 *    the recording fake of the Excel API (src/testSupport/recordingExcel.ts), and by renderXlsx to a file
 *    read back with ExcelJS and as XML.
 * 4. docs/task-pane.md lists the same fields in its parity table.
 *
 * A renderer may leave a field out only by design, with the reason in its row (`not`); the only
 * such field is the workbook's document properties, which the task pane does not touch.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { applyPlan, charsToPoints, type ApplyResult } from "../../src/excel/applyPlan";
import { CHART_COLORS } from "../../src/sheets/palette";
import { FakeExcel, type FakeCell, type FakeChart, type FakeSheet, type FakeWorkbook } from "../../src/testSupport/recordingExcel";
import { renderXlsx } from "../../src/xlsx/render";
import { loadWorkbook } from "../../src/xlsx/read";
import { NUMBER_FORMATS } from "../../src/sheets/plan";
import { coveredFields, planFields } from "./planFields";
import { PROBE_AXIS_FORMAT, PROBE_MONEY, probePlan } from "./probePlan";

// ---- what each renderer wrote ------------------------------------------------------------------

interface OfficeOut {
  fake: FakeExcel;
  wb: FakeWorkbook;
  result: ApplyResult;
  sheet(name: string): FakeSheet;
  cell(sheet: string, address: string): FakeCell | undefined;
  /** The value of the last format property `prop` ("format.font.bold") set on exactly `address`. */
  format(sheet: string, address: string, prop: string): unknown;
  chart(sheet: string, index: number): FakeChart;
}

interface XlsxOut {
  wb: ExcelJS.Workbook;
  /** Every XML part of the file, by path. */
  xml: Record<string, string>;
  sheet(name: string): ExcelJS.Worksheet;
  cell(sheet: string, address: string): ExcelJS.Cell;
  /** The chart part of the n-th chart (1-based, in plan order). */
  chart(n: number): string;
  table(): string;
}

async function renderOffice(): Promise<OfficeOut> {
  const fake = new FakeExcel();
  const result = await fake.run((ctx) => applyPlan(ctx, probePlan()));
  const wb = fake.workbook;
  return {
    fake,
    wb,
    result,
    sheet: (name) => wb.sheet(name),
    cell: (sheet, address) => wb.cell(sheet, address),
    format: (sheet, address, prop) => [...wb.sheet(sheet).formats].reverse().find((f) => f.address === address && f.prop === prop)?.value,
    chart: (sheet, index) => wb.sheet(sheet).charts[index],
  };
}

async function renderFile(): Promise<XlsxOut> {
  const buf = await renderXlsx(probePlan());
  const zip = await JSZip.loadAsync(buf);
  const xml: Record<string, string> = {};
  for (const p of Object.keys(zip.files).filter((f) => f.endsWith(".xml") || f.endsWith(".rels"))) xml[p] = await zip.file(p)!.async("string");
  const wb = await loadWorkbook(buf);
  return {
    wb,
    xml,
    sheet: (name) => wb.getWorksheet(name)!,
    cell: (sheet, address) => wb.getWorksheet(sheet)!.getCell(address),
    chart: (n) => xml[`xl/charts/chart${n}.xml`],
    table: () => xml["xl/tables/table1.xml"],
  };
}

// ---- the parity table --------------------------------------------------------------------------

interface Honoured<T> {
  /** How the renderer honours the field. */
  how: string;
  check: (out: T) => void;
}

/** Left out by this renderer, by design. */
interface NotHonoured {
  not: string;
}

interface Row {
  office: Honoured<OfficeOut> | NotHonoured;
  xlsx: Honoured<XlsxOut> | NotHonoured;
}

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

/** Field -> how each renderer honours it, and the check of it in the probe plan's output. */
const PARITY: Record<string, Row> = {
  // -- cells
  "Formula.formula": {
    office: { how: "`formulas` with a leading =, sheet and table renames and `{sheet:key}` tokens resolved", check: (o) => {
      expect(o.cell("Probe", "F3")).toMatchObject({ kind: "formula", value: "=SUM(B3:C3)" });
      expect(o.cell("Probe", "G3")).toMatchObject({ kind: "formula", value: "='Second'!B2*2" });
    } },
    xlsx: { how: "`<f>`, references rewritten the same way", check: (x) => {
      expect(x.cell("Probe", "F3").value).toMatchObject({ formula: "SUM(B3:C3)" });
      expect(x.cell("Probe", "G3").value).toMatchObject({ formula: "'Second'!B2*2" });
    } },
  },
  "Formula.result": {
    office: { how: "not sent: Excel calculates the formula as soon as it is written, in the open workbook", check: (o) => {
      expect(o.cell("Probe", "F3")).toMatchObject({ kind: "formula", value: "=SUM(B3:C3)" });
    } },
    xlsx: { how: "`<v>` after the `<f>`: the engine's value saved with the formula, so viewers that do not calculate show it", check: (x) => {
      expect(x.cell("Probe", "F3").value).toEqual({ formula: "SUM(B3:C3)", result: 1234.75 });
      expect(x.cell("Probe", "G3").value).toEqual({ formula: "'Second'!B2*2", result: 2 });
      expect(x.xml["xl/worksheets/sheet1.xml"]).toContain("<f>SUM(B3:C3)</f><v>1234.75</v>");
    } },
  },
  "CellStyle.bold": {
    office: { how: "`format.font.bold`", check: (o) => expect(o.format("Probe", "A1", "format.font.bold")).toBe(true) },
    xlsx: { how: "cell font bold", check: (x) => expect(x.cell("Probe", "A1").font.bold).toBe(true) },
  },
  "CellStyle.italic": {
    office: { how: "`format.font.italic`", check: (o) => expect(o.format("Probe", "A1", "format.font.italic")).toBe(true) },
    xlsx: { how: "cell font italic", check: (x) => expect(x.cell("Probe", "A1").font.italic).toBe(true) },
  },
  "CellStyle.fontSize": {
    office: { how: "`format.font.size`", check: (o) => expect(o.format("Probe", "A1", "format.font.size")).toBe(14) },
    xlsx: { how: "cell font size", check: (x) => expect(x.cell("Probe", "A1").font.size).toBe(14) },
  },
  "CellStyle.fontColor": {
    office: { how: "`format.font.color`", check: (o) => expect(o.format("Probe", "A1", "format.font.color")).toBe("#112233") },
    xlsx: { how: "cell font colour", check: (x) => expect(x.cell("Probe", "A1").font.color).toEqual({ argb: argb("#112233") }) },
  },
  "CellStyle.fill": {
    office: { how: "`format.fill.color`", check: (o) => expect(o.format("Probe", "A1", "format.fill.color")).toBe("#DDEEFF") },
    xlsx: { how: "solid pattern fill", check: (x) => expect(x.cell("Probe", "A1").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: argb("#DDEEFF") } }) },
  },
  "CellStyle.wrap": {
    office: { how: "`format.wrapText`", check: (o) => expect(o.format("Probe", "A1", "format.wrapText")).toBe(true) },
    xlsx: { how: "alignment wrapText", check: (x) => expect(x.cell("Probe", "A1").alignment.wrapText).toBe(true) },
  },
  "CellStyle.horizontalAlignment": {
    office: { how: "`format.horizontalAlignment` (Left, Center, Right)", check: (o) => expect(o.format("Probe", "A1", "format.horizontalAlignment")).toBe("Center") },
    xlsx: { how: "alignment horizontal", check: (x) => expect(x.cell("Probe", "A1").alignment.horizontal).toBe("center") },
  },
  "CellStyle.horizontalAlignment=left": {
    office: { how: "Left", check: (o) => expect(o.format("Probe", "A2", "format.horizontalAlignment")).toBe("Left") },
    xlsx: { how: "left", check: (x) => expect(x.cell("Probe", "A2").alignment.horizontal).toBe("left") },
  },
  "CellStyle.horizontalAlignment=center": {
    office: { how: "Center", check: (o) => expect(o.format("Probe", "A1", "format.horizontalAlignment")).toBe("Center") },
    xlsx: { how: "center", check: (x) => expect(x.cell("Probe", "A1").alignment.horizontal).toBe("center") },
  },
  "CellStyle.horizontalAlignment=right": {
    office: { how: "Right", check: (o) => expect(o.format("Probe", "B2", "format.horizontalAlignment")).toBe("Right") },
    xlsx: { how: "right", check: (x) => expect(x.cell("Probe", "B2").alignment.horizontal).toBe("right") },
  },
  "CellStyle.numberFormat": {
    office: { how: "`numberFormat` of the block's number and formula cells (never on text)", check: (o) => {
      expect(o.cell("Probe", "B3")?.numberFormat).toBe(PROBE_MONEY);
      expect(o.cell("Probe", "F3")?.numberFormat).toBe(PROBE_MONEY);
    } },
    xlsx: { how: "cell numFmt", check: (x) => {
      expect(x.cell("Probe", "B3").numFmt).toBe(PROBE_MONEY);
      expect(x.cell("Probe", "F3").numFmt).toBe(PROBE_MONEY);
    } },
  },
  "CellStyle.borderTop": {
    office: { how: "`format.borders.getItem(\"EdgeTop\").style` Continuous", check: (o) => expect(o.format("Probe", "A1", "format.borders.EdgeTop.style")).toBe("Continuous") },
    xlsx: { how: "thin top border", check: (x) => expect(x.cell("Probe", "A1").border.top?.style).toBe("thin") },
  },
  "CellStyle.borderBottom": {
    office: { how: "`format.borders.getItem(\"EdgeBottom\").style` Continuous", check: (o) => expect(o.format("Probe", "A1", "format.borders.EdgeBottom.style")).toBe("Continuous") },
    xlsx: { how: "thin bottom border", check: (x) => expect(x.cell("Probe", "A1").border.bottom?.style).toBe("thin") },
  },

  // -- range blocks
  "RangeBlock.kind": {
    office: { how: "written as cells (`formulas`, whole block at once)", check: (o) => expect(o.cell("Probe", "A1")).toMatchObject({ kind: "text", value: "Probe title" }) },
    xlsx: { how: "written as cells, row by row", check: (x) => expect(x.cell("Probe", "A1").value).toBe("Probe title") },
  },
  "RangeBlock.row": {
    office: { how: "top row of the block's address", check: (o) => expect(o.cell("Probe", "A3")?.value).toBe("=not a formula") },
    xlsx: { how: "row of each cell", check: (x) => expect(x.cell("Probe", "A3").value).toBe("=not a formula") },
  },
  "RangeBlock.col": {
    office: { how: "left column of the block's address", check: (o) => expect(o.cell("Probe", "B2")?.value).toBe("Right") },
    xlsx: { how: "column of each cell", check: (x) => expect(x.cell("Probe", "B2").value).toBe("Right") },
  },
  "RangeBlock.values": {
    office: { how: "text (with the Text format first, so it stays text), numbers, booleans, empty cells, formulas", check: (o) => {
      expect(o.cell("Probe", "A3")).toEqual({ kind: "text", value: "=not a formula", numberFormat: "@" });
      expect(o.cell("Probe", "B3")).toMatchObject({ kind: "number", value: 1234.5 });
      expect(o.cell("Probe", "D3")).toMatchObject({ kind: "boolean", value: true });
      expect(o.cell("Probe", "E3")?.value ?? "").toBe("");
    } },
    xlsx: { how: "strings as strings (never formulas), numbers, booleans, empty cells, formulas", check: (x) => {
      expect(x.cell("Probe", "A3").type).toBe(ExcelJS.ValueType.String);
      expect(x.cell("Probe", "B3").value).toBe(1234.5);
      expect(x.cell("Probe", "D3").value).toBe(true);
      expect(x.cell("Probe", "E3").value).toBeNull();
    } },
  },
  "RangeBlock.style": {
    office: { how: "each style property set once on the block's whole range", check: (o) => expect(o.format("Probe", "A2", "format.horizontalAlignment")).toBe("Left") },
    xlsx: { how: "one style object for the block's cells", check: (x) => expect(x.cell("Probe", "A2").alignment.horizontal).toBe("left") },
  },
  "RangeBlock.columnFormats": {
    office: { how: "`numberFormat` per column, over the block's format", check: (o) => expect(o.cell("Probe", "C3")?.numberFormat).toBe(NUMBER_FORMATS.percent) },
    xlsx: { how: "numFmt per column", check: (x) => expect(x.cell("Probe", "C3").numFmt).toBe(NUMBER_FORMATS.percent) },
  },

  // -- tables
  "TableColumn.header": {
    office: { how: "header row cells (Text), then `tables.add(address, true)`", check: (o) => expect(o.wb.tables.find((t) => t.name === "ProbeTable")!.columns).toEqual(["Name", "Amount", "Share"]) },
    xlsx: { how: "header row cells and `<tableColumn name>`", check: (x) => expect(x.table()).toContain('<tableColumn id="2" name="Amount"') },
  },
  "TableColumn.numberFormat": {
    office: { how: "`numberFormat` of the column's data cells", check: (o) => {
      expect(o.cell("Probe", "B6")?.numberFormat).toBe(PROBE_MONEY);
      expect(o.cell("Probe", "A7")).toEqual({ kind: "text", value: "=Bob", numberFormat: "@" });
    } },
    xlsx: { how: "numFmt of the column's data cells", check: (x) => {
      expect(x.cell("Probe", "B6").numFmt).toBe(PROBE_MONEY);
      expect(x.cell("Probe", "A7").value).toBe("=Bob");
    } },
  },
  "TableColumn.wrap": {
    office: { how: "`format.wrapText = true` on the column's data cells", check: (o) => {
      expect(o.format("Probe", "C6:C7", "format.wrapText")).toBe(true);
      expect(o.format("Probe", "B6:B7", "format.wrapText")).toBeUndefined();
    } },
    xlsx: { how: "`wrapText` (top-aligned) in the data cells' alignment", check: (x) => {
      expect(x.cell("Probe", "C6").alignment).toMatchObject({ wrapText: true, vertical: "top" });
      expect(x.cell("Probe", "B6").alignment?.wrapText ?? false).toBe(false);
    } },
  },
  "TableColumn.total": {
    office: { how: "totals row: a label, `SUBTOTAL(109, …)` over the data cells, or the formula", check: (o) => {
      expect(o.cell("Probe", "A8")).toMatchObject({ kind: "text", value: "Total" });
      expect(o.cell("Probe", "B8")).toMatchObject({ kind: "formula", value: "=SUBTOTAL(109,B6:B7)", numberFormat: PROBE_MONEY });
      expect(o.cell("Probe", "C8")).toMatchObject({ kind: "formula", value: "=IF(B8=0,0,B6/B8)", numberFormat: NUMBER_FORMATS.percent });
    } },
    xlsx: { how: "totals row cells, and `totalsRowLabel` / `totalsRowFormula` in the table part", check: (x) => {
      expect(x.cell("Probe", "A8").value).toBe("Total");
      expect(x.cell("Probe", "B8").value).toEqual({ formula: "SUBTOTAL(109,B6:B7)", result: 300 });
      expect(x.cell("Probe", "C8").value).toEqual({ formula: "IF(B8=0,0,B6/B8)", result: 100 / 300 });
      expect(x.table()).toContain("<totalsRowFormula>IF(B8=0,0,B6/B8)</totalsRowFormula>");
      expect(x.table()).toContain('totalsRowLabel="Total"');
    } },
  },
  "TableBlock.kind": {
    office: { how: "a ListObject, `sheet.tables.add`", check: (o) => expect(o.wb.tables.map((t) => t.name)).toEqual(["ProbeTable"]) },
    xlsx: { how: "a table part (./tables.ts) referenced from the sheet", check: (x) => expect(x.xml["xl/worksheets/sheet1.xml"]).toContain("<tableParts count=\"1\">") },
  },
  "TableBlock.name": {
    office: { how: "`table.name` (made unique in the workbook)", check: (o) => expect(o.result.sheets[0].tables).toEqual(["ProbeTable"]) },
    xlsx: { how: "`name` and `displayName` (made unique in the file)", check: (x) => expect(x.table()).toContain('name="ProbeTable" displayName="ProbeTable"') },
  },
  "TableBlock.row": {
    office: { how: "top of the table's address", check: (o) => expect(o.wb.tables[0].row).toBe(4) },
    xlsx: { how: "top of `ref`", check: (x) => expect(x.table()).toContain('ref="A5:C8"') },
  },
  "TableBlock.col": {
    office: { how: "left of the table's address", check: (o) => expect(o.wb.tables[0].col).toBe(0) },
    xlsx: { how: "left of `ref`", check: (x) => expect(x.table()).toContain('ref="A5:C8"') },
  },
  "TableBlock.columns": {
    office: { how: "one table column each", check: (o) => expect(o.wb.tables[0].columns).toHaveLength(3) },
    xlsx: { how: "one `<tableColumn>` each", check: (x) => expect(x.table()).toContain('<tableColumns count="3">') },
  },
  "TableBlock.rows": {
    office: { how: "data rows written as one range (cut only at the request budget)", check: (o) => {
      expect(o.wb.tables[0].dataRows).toBe(2);
      expect(o.cell("Probe", "B7")?.value).toBe(200);
    } },
    xlsx: { how: "data rows", check: (x) => expect(x.cell("Probe", "B7").value).toBe(200) },
  },
  "TableBlock.showTotals": {
    office: { how: "`table.showTotals`, then the totals row's cells", check: (o) => expect(o.wb.tables[0].showTotals).toBe(true) },
    xlsx: { how: "`totalsRowCount=\"1\"` and the totals row", check: (x) => expect(x.table()).toContain('totalsRowCount="1"') },
  },
  "TableBlock.style": {
    office: { how: "`table.style` (default TableStyleMedium2)", check: (o) => expect(o.wb.tables[0].style).toBe("TableStyleLight9") },
    xlsx: { how: "`<tableStyleInfo name>` (default TableStyleMedium2)", check: (x) => expect(x.table()).toContain('<tableStyleInfo name="TableStyleLight9"') },
  },

  // -- charts
  "CellRange.row": {
    office: { how: "address of a series' values and categories", check: (o) => expect(o.chart("Probe", 0).series[0].values).toBe("B6:B7") },
    xlsx: { how: "`<c:f>` of a series' values and categories", check: (x) => expect(x.chart(1)).toContain("<c:f>&apos;Probe&apos;!$B$6:$B$7</c:f>") },
  },
  "CellRange.col": {
    office: { how: "(as CellRange.row)", check: (o) => expect(o.chart("Probe", 0).series[1].values).toBe("C6:C7") },
    xlsx: { how: "(as CellRange.row)", check: (x) => expect(x.chart(1)).toContain("<c:f>&apos;Probe&apos;!$C$6:$C$7</c:f>") },
  },
  "CellRange.rowCount": {
    office: { how: "(as CellRange.row)", check: (o) => expect(o.chart("Probe", 0).series[0].xValues).toBe("A6:A7") },
    xlsx: { how: "(as CellRange.row)", check: (x) => expect(x.chart(1)).toContain("<c:f>&apos;Probe&apos;!$A$6:$A$7</c:f>") },
  },
  "CellRange.colCount": {
    office: { how: "(as CellRange.row); one column: series by columns", check: (o) => expect(o.chart("Probe", 0).seriesBy).toBe("Columns") },
    xlsx: { how: "(as CellRange.row)", check: (x) => expect(x.chart(1)).toContain("$B$6:$B$7") },
  },
  "ChartSeries.name": {
    office: { how: "`series.name`", check: (o) => expect(o.chart("Probe", 0).series.map((s) => s.name)).toEqual(["Amount", "Share"]) },
    xlsx: { how: "`<c:tx><c:v>`", check: (x) => expect(x.chart(1)).toContain("<c:tx><c:v>Share</c:v></c:tx>") },
  },
  "ChartSeries.values": {
    office: { how: "the first series from `charts.add`, the others `series.add` + `setValues` (ExcelApi 1.7)", check: (o) => expect(o.chart("Probe", 0).series.map((s) => s.values)).toEqual(["B6:B7", "C6:C7"]) },
    xlsx: { how: "`<c:val><c:numRef>`", check: (x) => expect(x.chart(1)).toContain("<c:val><c:numRef><c:f>&apos;Probe&apos;!$C$6:$C$7</c:f>") },
  },
  "ChartBlock.kind": {
    office: { how: "`sheet.charts.add`, after the cells it reads", check: (o) => expect(o.sheet("Probe").charts).toHaveLength(2) },
    xlsx: { how: "a DrawingML chart part and drawing (./charts.ts)", check: (x) => expect(x.xml["xl/drawings/drawing1.xml"].match(/<xdr:twoCellAnchor/g)).toHaveLength(2) },
  },
  "ChartBlock.type": {
    office: { how: "ColumnClustered or BarClustered", check: (o) => expect(o.sheet("Probe").charts.map((c) => c.type)).toEqual(["ColumnClustered", "BarClustered"]) },
    xlsx: { how: "`<c:barDir>` col or bar", check: (x) => expect([x.chart(1), x.chart(2)].map((c) => /<c:barDir val="(\w+)"/.exec(c)![1])).toEqual(["col", "bar"]) },
  },
  "ChartBlock.type=columnClustered": {
    office: { how: "ColumnClustered", check: (o) => expect(o.chart("Probe", 0).categoryAxisReversed).toBeNull() },
    xlsx: { how: "`col`, categories left to right", check: (x) => expect(x.chart(1)).toContain('<c:barDir val="col"/>') },
  },
  "ChartBlock.type=barClustered": {
    office: { how: "BarClustered; categories top to bottom (`categoryAxis.reversePlotOrder`, 1.7) with the value axis at the bottom (`categoryAxis.position` Maximum, 1.8)", check: (o) => {
      expect(o.chart("Probe", 1)).toMatchObject({ type: "BarClustered", categoryAxisReversed: true, categoryAxisPosition: "Maximum" });
    } },
    xlsx: { how: "`bar`; category axis `maxMin`, value axis crossing at `max`", check: (x) => {
      expect(x.chart(2)).toContain('<c:barDir val="bar"/>');
      expect(x.chart(2)).toContain('<c:orientation val="maxMin"/>');
      expect(x.chart(2)).toContain('<c:crosses val="max"/>');
    } },
  },
  "ChartBlock.title": {
    office: { how: "`chart.title.text`", check: (o) => expect(o.chart("Probe", 0).title).toBe("Probe columns") },
    xlsx: { how: "`<c:title>` rich text", check: (x) => expect(x.chart(1)).toContain("<a:t>Probe columns</a:t>") },
  },
  "ChartBlock.categories": {
    office: { how: "`setXAxisValues` on every series (ExcelApi 1.7)", check: (o) => expect(o.chart("Probe", 0).series.map((s) => s.xValues)).toEqual(["A6:A7", "A6:A7"]) },
    xlsx: { how: "`<c:cat><c:strRef>` on every series", check: (x) => expect(x.chart(1).match(/<c:cat><c:strRef><c:f>&apos;Probe&apos;!\$A\$6:\$A\$7<\/c:f>/g)).toHaveLength(2) },
  },
  "ChartBlock.series": {
    office: { how: "one chart series each", check: (o) => expect(o.chart("Probe", 0).series).toHaveLength(2) },
    xlsx: { how: "one `<c:ser>` each", check: (x) => expect(x.chart(1).match(/<c:ser>/g)).toHaveLength(2) },
  },
  "ChartBlock.anchor.row": {
    office: { how: "`chart.setPosition(top-left cell, bottom-right cell)`", check: (o) => expect(o.chart("Probe", 1).position).toEqual(["I13", "M22"]) },
    xlsx: { how: "`<xdr:from>` and `<xdr:to>` of a two-cell anchor (to = the cell after the last)", check: (x) => expect(x.xml["xl/drawings/drawing1.xml"]).toContain("<xdr:from><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>12</xdr:row>") },
  },
  "ChartBlock.anchor.col": {
    office: { how: "(as anchor.row)", check: (o) => expect(o.chart("Probe", 0).position![0]).toBe("I1") },
    xlsx: { how: "(as anchor.row)", check: (x) => expect(x.xml["xl/drawings/drawing1.xml"]).toContain("<xdr:from><xdr:col>8</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>0</xdr:row>") },
  },
  "ChartBlock.anchor.colSpan": {
    office: { how: "(as anchor.row): the chart covers colSpan columns", check: (o) => expect(o.chart("Probe", 0).position![1]).toBe("M10") },
    xlsx: { how: "(as anchor.row)", check: (x) => expect(x.xml["xl/drawings/drawing1.xml"]).toContain("<xdr:to><xdr:col>13</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>10</xdr:row>") },
  },
  "ChartBlock.anchor.rowSpan": {
    office: { how: "(as anchor.row): the chart covers rowSpan rows", check: (o) => expect(o.chart("Probe", 1).position![1]).toBe("M22") },
    xlsx: { how: "(as anchor.row)", check: (x) => expect(x.xml["xl/drawings/drawing1.xml"]).toContain("<xdr:to><xdr:col>13</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>22</xdr:row>") },
  },
  "ChartBlock.axisNumberFormat": {
    office: { how: "`axes.valueAxis.numberFormat` (ExcelApi 1.8), and the data labels'", check: (o) => expect(o.chart("Probe", 0).valueAxisNumberFormat).toBe(PROBE_AXIS_FORMAT) },
    xlsx: { how: "`<c:numFmt>` of the value axis, and the data labels'", check: (x) => expect(x.chart(1)).toContain(`<c:numFmt formatCode="${PROBE_AXIS_FORMAT}" sourceLinked="0"/><c:majorTickMark`) },
  },
  "ChartBlock.dataLabels": {
    office: { how: "`chart.dataLabels.showValue`, position OutsideEnd, `numberFormat` the axis format (1.8)", check: (o) => {
      expect(o.chart("Probe", 0).dataLabels).toEqual({ showValue: true, position: "OutsideEnd", numberFormat: PROBE_AXIS_FORMAT });
      expect(o.chart("Probe", 1).dataLabels).toBeNull();
    } },
    xlsx: { how: "`<c:dLbls>` on each series: showVal, outEnd, the axis format", check: (x) => {
      expect(x.chart(1).match(/<c:showVal val="1"\/>/g)).toHaveLength(2);
      expect(x.chart(1)).toContain('<c:dLblPos val="outEnd"/>');
      expect(x.chart(2)).not.toContain("<c:dLbls>");
    } },
  },
  "ChartBlock.legend": {
    office: { how: "`legend.visible` (default: more than one series), at the bottom", check: (o) => {
      expect(o.chart("Probe", 0).legendVisible).toBe(false);
      expect(o.chart("Probe", 1).legendVisible).toBe(false);
      expect(o.chart("Second", 0)).toMatchObject({ legendVisible: true, legendPosition: "Bottom" });
    } },
    xlsx: { how: "`<c:legend>` at the bottom, or none (same default)", check: (x) => {
      expect(x.chart(1)).not.toContain("<c:legend>");
      expect(x.chart(2)).not.toContain("<c:legend>");
      expect(x.chart(3)).toContain('<c:legend><c:legendPos val="b"/>');
    } },
  },
  "ChartBlock.colors": {
    office: { how: "`series.format.fill.setSolidColor` per series; default the shared palette (src/sheets/palette.ts)", check: (o) => {
      expect(o.chart("Probe", 0).series.map((s) => s.color)).toEqual(["#FF0000", "#00FF00"]);
      expect(o.chart("Second", 0).series.map((s) => s.color)).toEqual(CHART_COLORS.slice(0, 2));
    } },
    xlsx: { how: "`<a:solidFill><a:srgbClr>` per series; default the same palette", check: (x) => {
      expect(x.chart(1)).toContain('<a:srgbClr val="FF0000"/>');
      expect(x.chart(1)).toContain('<a:srgbClr val="00FF00"/>');
      for (const c of CHART_COLORS.slice(0, 2)) expect(x.chart(3)).toContain(`<a:srgbClr val="${c.slice(1)}"/>`);
    } },
  },
  "ChartBlock.axisMin": {
    office: { how: "`axes.valueAxis.minimum`; automatic when absent", check: (o) => {
      expect(o.chart("Probe", 0).valueAxisMinimum).toBe(0);
      expect(o.chart("Probe", 1).valueAxisMinimum).toBeNull();
    } },
    xlsx: { how: "`<c:min>` in the value axis' scaling; none when absent", check: (x) => {
      expect(x.chart(1)).toContain('<c:min val="0"/>');
      expect(x.chart(2)).not.toContain("<c:min ");
    } },
  },

  // -- print set-up (Office.js: worksheet.pageLayout, ExcelApi 1.9)
  "PrintSetup.orientation": {
    office: { how: "`pageLayout.orientation`", check: (o) => expect(o.sheet("Probe").pageLayout.orientation).toBe("Landscape") },
    xlsx: { how: "`<pageSetup orientation>`", check: (x) => expect(x.sheet("Probe").pageSetup.orientation).toBe("landscape") },
  },
  "PrintSetup.orientation=landscape": {
    office: { how: "Landscape", check: (o) => expect(o.sheet("Probe").pageLayout.orientation).toBe("Landscape") },
    xlsx: { how: "landscape", check: (x) => expect(x.sheet("Probe").pageSetup.orientation).toBe("landscape") },
  },
  "PrintSetup.orientation=portrait": {
    office: { how: "Portrait", check: (o) => expect(o.sheet("Second").pageLayout.orientation).toBe("Portrait") },
    xlsx: { how: "portrait", check: (x) => expect(x.sheet("Second").pageSetup.orientation).toBe("portrait") },
  },
  "PrintSetup.paper": {
    office: { how: "`pageLayout.paperSize` A4", check: (o) => expect(o.sheet("Probe").pageLayout.paperSize).toBe("A4") },
    xlsx: { how: "`paperSize=\"9\"` (A4)", check: (x) => expect(x.sheet("Probe").pageSetup.paperSize).toBe(9) },
  },
  "PrintSetup.fitToWidth": {
    office: { how: "`pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: null }` (null leaves the height free, as the typings document), in the print set-up's own request", check: (o) => expect(o.sheet("Probe").pageLayout.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: null }) },
    xlsx: { how: "`fitToPage` with fitToWidth 1, fitToHeight 0", check: (x) => expect(x.sheet("Probe").pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 0 }) },
  },
  "PrintSetup.repeatRows.first": {
    office: { how: "`pageLayout.setPrintTitleRows(\"$1:$2\")`", check: (o) => expect(o.sheet("Probe").pageLayout.printTitleRows).toBe("$1:$2") },
    xlsx: { how: "`_xlnm.Print_Titles` rows", check: (x) => expect(x.xml["xl/workbook.xml"]).toContain("&apos;Probe&apos;!$1:$2</definedName>") },
  },
  "PrintSetup.repeatRows.last": {
    office: { how: "(as repeatRows.first)", check: (o) => expect(o.sheet("Probe").pageLayout.printTitleRows).toBe("$1:$2") },
    xlsx: { how: "(as repeatRows.first)", check: (x) => expect(x.sheet("Probe").pageSetup.printTitlesRow).toBe("1:2") },
  },
  "PrintSetup.repeatColumns.first": {
    office: { how: "`pageLayout.setPrintTitleColumns(\"$A:$A\")`", check: (o) => expect(o.sheet("Probe").pageLayout.printTitleColumns).toBe("$A:$A") },
    xlsx: { how: "`_xlnm.Print_Titles` columns", check: (x) => expect(x.xml["xl/workbook.xml"]).toContain("&apos;Probe&apos;!$A:$A,") },
  },
  "PrintSetup.repeatColumns.last": {
    office: { how: "(as repeatColumns.first)", check: (o) => expect(o.sheet("Probe").pageLayout.printTitleColumns).toBe("$A:$A") },
    xlsx: { how: "(as repeatColumns.first)", check: (x) => expect(x.sheet("Probe").pageSetup.printTitlesColumn).toBe("A:A") },
  },
  "PrintSetup.scale": {
    office: { how: "`pageLayout.zoom = { scale }` when not fitting to width", check: (o) => expect(o.sheet("Second").pageLayout.zoom).toEqual({ scale: 75 }) },
    xlsx: { how: "`<pageSetup scale>` with fitToPage off", check: (x) => expect(x.sheet("Second").pageSetup).toMatchObject({ fitToPage: false, scale: 75 }) },
  },
  "PrintSetup.pageOrder": {
    office: { how: "`pageLayout.printOrder`", check: (o) => expect(o.sheet("Probe").pageLayout.printOrder).toBe("OverThenDown") },
    xlsx: { how: "`<pageSetup pageOrder>`", check: (x) => expect(x.xml["xl/worksheets/sheet1.xml"]).toContain('pageOrder="overThenDown"') },
  },
  "PrintSetup.pageOrder=downThenOver": {
    office: { how: "DownThenOver", check: (o) => expect(o.sheet("Second").pageLayout.printOrder).toBe("DownThenOver") },
    xlsx: { how: "downThenOver (the default, so no attribute)", check: (x) => expect(x.sheet("Second").pageSetup.pageOrder).toBe("downThenOver") },
  },
  "PrintSetup.pageOrder=overThenDown": {
    office: { how: "OverThenDown", check: (o) => expect(o.sheet("Probe").pageLayout.printOrder).toBe("OverThenDown") },
    xlsx: { how: "overThenDown", check: (x) => expect(x.sheet("Probe").pageSetup.pageOrder).toBe("overThenDown") },
  },
  "PrintSetup.footer.left": {
    office: { how: "`headersFooters.defaultForAllPages.leftFooter`; & doubled, {page} &P, {pages} &N", check: (o) => expect(o.sheet("Probe").pageLayout.headersFooters.leftFooter).toBe("MARK && CO") },
    xlsx: { how: "`&L…` in `<oddFooter>`, coded the same way", check: (x) => expect(x.sheet("Probe").headerFooter.oddFooter).toContain("&LMARK && CO&C") },
  },
  "PrintSetup.footer.center": {
    office: { how: "`centerFooter`", check: (o) => expect(o.sheet("Probe").pageLayout.headersFooters.centerFooter).toBe("Centre") },
    xlsx: { how: "`&C…`", check: (x) => expect(x.sheet("Probe").headerFooter.oddFooter).toContain("&CCentre&R") },
  },
  "PrintSetup.footer.right": {
    office: { how: "`rightFooter`", check: (o) => expect(o.sheet("Probe").pageLayout.headersFooters.rightFooter).toBe("Page &P of &N") },
    xlsx: { how: "`&R…`", check: (x) => expect(x.sheet("Probe").headerFooter.oddFooter).toContain("&RPage &P of &N") },
  },
  "PrintSetup.header.left": {
    office: { how: "`leftHeader`", check: (o) => expect(o.sheet("Probe").pageLayout.headersFooters.leftHeader).toBe("HL") },
    xlsx: { how: "`&L…` in `<oddHeader>`", check: (x) => expect(x.sheet("Probe").headerFooter.oddHeader).toBe("&LHL&CHC&RHR") },
  },
  "PrintSetup.header.center": {
    office: { how: "`centerHeader`", check: (o) => expect(o.sheet("Probe").pageLayout.headersFooters.centerHeader).toBe("HC") },
    xlsx: { how: "`&C…`", check: (x) => expect(x.sheet("Probe").headerFooter.oddHeader).toContain("&CHC") },
  },
  "PrintSetup.header.right": {
    office: { how: "`rightHeader`", check: (o) => expect(o.sheet("Probe").pageLayout.headersFooters.rightHeader).toBe("HR") },
    xlsx: { how: "`&R…`", check: (x) => expect(x.sheet("Probe").headerFooter.oddHeader).toContain("&RHR") },
  },

  // -- sheets
  "SheetPlan.key": {
    office: { how: "the sheet `sheetRef(key)` tokens resolve to; the sheet to activate; returned with each written sheet", check: (o) => {
      expect(o.result.sheets.map((s) => s.key)).toEqual(["probe", "second"]);
      expect(o.cell("Probe", "G3")?.value).toBe("='Second'!B2*2");
    } },
    xlsx: { how: "the sheet `sheetRef(key)` tokens resolve to", check: (x) => expect(x.cell("Probe", "G3").value).toMatchObject({ formula: "'Second'!B2*2" }) },
  },
  "SheetPlan.name": {
    office: { how: "a new worksheet, the name made legal and unique in the workbook", check: (o) => expect(o.wb.sheets.map((s) => s.name)).toEqual(["Probe", "Second"]) },
    xlsx: { how: "a worksheet, the name made legal and unique in the file", check: (x) => expect(x.wb.worksheets.map((w) => w.name)).toEqual(["Probe", "Second"]) },
  },
  "SheetPlan.blocks": {
    office: { how: "ranges and tables in order, then the charts", check: (o) => expect(o.result.sheets.map((s) => [s.tables.length, s.charts])).toEqual([[1, 2], [0, 1]]) },
    xlsx: { how: "every block's cells merged row by row; tables and charts as parts", check: (x) => expect(Object.keys(x.xml).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))).toHaveLength(3) },
  },
  "SheetPlan.columnWidths": {
    office: { how: "`format.columnWidth` in points, runs of equal widths at once (ExcelApi 1.2); 0 leaves the default", check: (o) => {
      const w = o.sheet("Probe").columnWidths;
      expect([w.get(0), w.get(1), w.get(2), w.get(3)]).toEqual([charsToPoints(20), charsToPoints(12), undefined, charsToPoints(15)]);
    } },
    xlsx: { how: "`<col width>` in characters; 0 leaves the default", check: (x) => {
      const ws = x.sheet("Probe");
      expect([1, 2, 3, 4].map((c) => ws.getColumn(c).width)).toEqual([20, 12, undefined, 15]);
    } },
  },
  "SheetPlan.rowHeights.row": {
    office: { how: "`format.rowHeight` (ExcelApi 1.2): the rows of one height at once, `getRanges(\"5:6, 10:10\")` (1.9) or a range per run of rows", check: (o) => {
      expect([...o.sheet("Probe").rowHeights].sort((a, b) => a[0] - b[0])).toEqual([[4, 30], [5, 30], [9, 30], [11, 45]]);
    } },
    xlsx: { how: "`<row ht customHeight>`", check: (x) => {
      const ws = x.sheet("Probe");
      expect([5, 6, 7, 10, 12].map((r) => ws.getRow(r).height)).toEqual([30, 30, undefined, 30, 45]);
    } },
  },
  "SheetPlan.rowHeights.height": {
    office: { how: "(as rowHeights.row), in points", check: (o) => expect(o.sheet("Probe").rowHeights.get(11)).toBe(45) },
    xlsx: { how: "(as rowHeights.row), in points", check: (x) => expect(x.xml["xl/worksheets/sheet1.xml"]).toContain('<row r="12" ht="45" customHeight="1"') },
  },
  "SheetPlan.freeze.rows": {
    office: { how: "`freezePanes.freezeRows` / `freezeColumns` / `freezeAt` (ExcelApi 1.7)", check: (o) => expect(o.sheet("Probe").freeze).toEqual({ rows: 2, columns: 1 }) },
    xlsx: { how: "a frozen pane, ySplit", check: (x) => expect(x.sheet("Probe").views[0]).toMatchObject({ state: "frozen", ySplit: 2 }) },
  },
  "SheetPlan.collapsedColumns.first": {
    office: { how: "`Range.group(\"ByColumns\")` then `hideGroupDetails` (ExcelApi 1.10); before that `columnHidden = true` (1.2)", check: (o) => {
      expect(o.sheet("Probe").columnGroups).toEqual([{ first: 5, last: 6 }]);
      expect([...(o.sheet("Probe").hiddenColumns ?? [])].sort()).toEqual([5, 6]);
    } },
    xlsx: { how: "each column at `outlineLevel` 1 and `hidden`; the sheet's `outlineLevelCol` 1", check: (x) => {
      const cols = x.xml["xl/worksheets/sheet1.xml"].match(/<col [^>]*>/g) ?? [];
      const hidden = cols.filter((c) => /hidden="1"/.test(c) && /outlineLevel="1"/.test(c));
      expect(hidden.map((c) => [/min="(\d+)"/.exec(c)![1], /max="(\d+)"/.exec(c)![1]])).toEqual([["6", "6"], ["7", "7"]]);
      expect(x.xml["xl/worksheets/sheet1.xml"]).toMatch(/<sheetFormatPr[^>]*outlineLevelCol="1"/);
      expect(x.sheet("Probe").getColumn(5).hidden).toBe(false);
    } },
  },
  "SheetPlan.collapsedColumns.last": {
    office: { how: "(as collapsedColumns.first)", check: (o) => expect(o.sheet("Probe").hiddenColumns?.has(7)).toBe(false) },
    xlsx: { how: "(as collapsedColumns.first)", check: (x) => expect(x.sheet("Probe").getColumn(7).hidden).toBe(true) },
  },
  "SheetPlan.freeze.columns": {
    office: { how: "(as freeze.rows)", check: (o) => expect(o.sheet("Probe").freeze?.columns).toBe(1) },
    xlsx: { how: "a frozen pane, xSplit", check: (x) => expect(x.sheet("Probe").views[0]).toMatchObject({ state: "frozen", xSplit: 1 }) },
  },
  "SheetPlan.print": {
    office: { how: "`worksheet.pageLayout` (ExcelApi 1.9; left out with a warning before)", check: (o) => expect(o.sheet("Second").pageLayout.headersFooters).toEqual({ leftFooter: "M" }) },
    xlsx: { how: "`<pageSetup>`, `<headerFooter>`, print titles", check: (x) => expect(x.sheet("Second").headerFooter.oddFooter).toBe("&LM") },
  },
  "SheetPlan.tabColor": {
    office: { how: "`worksheet.tabColor` (ExcelApi 1.7)", check: (o) => expect(o.sheet("Probe").tabColor).toBe("#123456") },
    xlsx: { how: "`<tabColor rgb>`", check: (x) => expect(x.sheet("Probe").properties.tabColor).toEqual({ argb: "FF123456" }) },
  },

  // -- the workbook
  "WorkbookPlan.sheets": {
    office: { how: "added after the workbook's own sheets, in plan order; the first (or \"summary\") activated", check: (o) => {
      expect(o.wb.sheets.map((s) => s.name)).toEqual(["Probe", "Second"]);
      expect(o.wb.active?.name).toBe("Probe");
    } },
    xlsx: { how: "in plan order", check: (x) => expect(x.wb.worksheets.map((w) => w.name)).toEqual(["Probe", "Second"]) },
  },
  "WorkbookPlan.properties.title": {
    office: { not: "The task pane does not touch the workbook's document properties, which belong to the user's workbook (docs/task-pane.md); the title, version and date are on every sheet instead." },
    xlsx: { how: "document title and subject", check: (x) => expect(x.wb.title).toBe("Probe pack") },
  },
  "WorkbookPlan.properties.version": {
    office: { not: "As properties.title." },
    xlsx: { how: "creator and last modified by, \"Care Trust Calculator <version>\"", check: (x) => expect(x.wb.creator).toBe("Care Trust Calculator 9.8.7") },
  },
  "WorkbookPlan.properties.created": {
    office: { not: "As properties.title." },
    xlsx: { how: "created and modified dates", check: (x) => expect(x.wb.created.toISOString()).toBe("2026-01-02T00:00:00.000Z") },
  },
};

// ---- the tests ---------------------------------------------------------------------------------

const fields = planFields();

describe("renderer parity: every field of src/sheets/plan.ts", () => {
  test("has a row in the parity table (how each renderer honours it), and every row is a field", () => {
    const unhandled = fields.filter((f) => !(f in PARITY));
    const stale = Object.keys(PARITY).filter((f) => !fields.includes(f));
    expect({ unhandled, stale }).toEqual({ unhandled: [], stale: [] });
  });

  test("is set by the probe plan, so its checks have something to find", () => {
    const covered = coveredFields(probePlan(), "WorkbookPlan");
    expect(fields.filter((f) => !covered.has(f))).toEqual([]);
  });

  test("is honoured by both renderers, or left out by one by design with the reason given", () => {
    const oneSided = Object.entries(PARITY).filter(([, row]) => "not" in row.office || "not" in row.xlsx).map(([f]) => f);
    // Only the document properties, which the task pane deliberately leaves alone.
    expect(oneSided).toEqual(["WorkbookPlan.properties.title", "WorkbookPlan.properties.version", "WorkbookPlan.properties.created"]);
    for (const f of oneSided) expect("not" in PARITY[f].xlsx).toBe(false);
  });

  test("is listed in the parity table of docs/task-pane.md", () => {
    const doc = fs.readFileSync(path.join(__dirname, "..", "..", "docs", "task-pane.md"), "utf8");
    const listed = new Set([...doc.matchAll(/^\| `([A-Za-z.=]+)` \|/gm)].map((m) => m[1]));
    expect(fields.filter((f) => !listed.has(f))).toEqual([]);
  });
});

describe("renderer parity: the probe plan as each renderer wrote it", () => {
  let office: OfficeOut;
  let xlsx: XlsxOut;
  beforeAll(async () => {
    [office, xlsx] = await Promise.all([renderOffice(), renderFile()]);
  });

  test("applyPlan wrote it in three round trips (read, write, print set-up) with no warnings", () => {
    expect(office.result.syncs).toBe(3);
    expect(office.result.warnings).toEqual([]);
  });

  const rows = fields.filter((f) => f in PARITY).map((f) => [f, PARITY[f]] as const);
  test.each(rows.filter(([, r]) => "check" in r.office))("Office.js: %s", (_f, row) => (row.office as Honoured<OfficeOut>).check(office));
  test.each(rows.filter(([, r]) => "check" in r.xlsx))(".xlsx: %s", (_f, row) => (row.xlsx as Honoured<XlsxOut>).check(xlsx));
});

/** The parity table as Markdown (for docs/task-pane.md): `PRINT_PARITY=1 npx jest tests/excel/parity`. */
if (process.env.PRINT_PARITY) {
  test("print the parity table", () => {
    const side = (s: { how: string } | NotHonoured) => ("not" in s ? `not written: ${s.not}` : s.how);
    const lines = ["| Field | Office.js (applyPlan) | .xlsx (renderXlsx) |", "|---|---|---|"];
    for (const f of fields) lines.push(`| \`${f}\` | ${side(PARITY[f].office).replace(/\|/g, "\\|")} | ${side(PARITY[f].xlsx).replace(/\|/g, "\\|")} |`);
    fs.writeFileSync(path.join(__dirname, "..", "..", "out", "parity-table.md"), lines.join("\n") + "\n");
  });
}
