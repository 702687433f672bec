import ExcelJS from "exceljs";
import JSZip from "jszip";
import { execFileSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { renderXlsx, hfText } from "../../src/xlsx/render";
import { chartXml } from "../../src/xlsx/charts";
import { loadWorkbook } from "../../src/xlsx/read";
import { buildBoardPack } from "../../src/report/boardPack";
import { columnLetters, type WorkbookPlan } from "../../src/sheets/plan";
import { HEADER, sampleScenario, sampleTable, singleScenario } from "../report/sample";

const GEN = { generatedOn: "2026-11-29", version: "0.1.0" };

/** Reads the file back with ExcelJS (through loadWorkbook: ExcelJS cannot parse <totalsRowFormula>). */
async function readBack(buf: Buffer): Promise<ExcelJS.Workbook> {
  return loadWorkbook(buf);
}

function tablesOf(ws: ExcelJS.Worksheet): { name: string; tableRef: string; totalsRow: boolean; columns: { name: string; totalsRowFormula?: string }[] }[] {
  const t = (ws as unknown as { tables: Record<string, { table: any }> }).tables;
  return Object.values(t).map((x) => x.table);
}

describe("renderXlsx on the sample board pack", () => {
  let buf: Buffer;
  let wb: ExcelJS.Workbook;
  let zip: JSZip;
  // The single-scenario pack (the options appraisal's sheets are checked in tests/xlsx/libreoffice.test.ts).
  const pack = buildBoardPack({ table: sampleTable(), scenario: singleScenario(), ...GEN });

  beforeAll(async () => {
    buf = await renderXlsx(pack.workbook);
    wb = await readBack(buf);
    zip = await JSZip.loadAsync(buf);
  });

  it("writes the sheets in order with their names, and the document properties", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Board summary", "Detail", "Projection", "Pool statement", "Assumptions and sources", "Rows left out"]);
    expect(wb.creator).toBe("Care Trust Calculator 0.1.0");
    expect(wb.title).toBe(pack.report.title);
  });

  it("writes real tables with SUBTOTAL(109) totals over each column's cells", async () => {
    const detail = wb.getWorksheet("Detail")!;
    const [t] = tablesOf(detail);
    expect(t.name).toBe("Detail");
    const d = pack.layout.detail;
    const lastRow = d.firstDataRow + pack.report.people.length; // 1-based last data row
    expect(t.tableRef).toBe(`A${d.headerRow + 1}:${String.fromCharCode(64 + Math.floor(d.table.columns.length / 26))}${String.fromCharCode(65 + (d.table.columns.length - 1) % 26)}${lastRow + 1}`);
    expect(t.totalsRow).toBe(true);
    // ExcelJS leaves out <totalsRowFormula>; the renderer adds it to the table part.
    const parts = await Promise.all(Object.keys(zip.files).filter((p) => /^xl\/tables\/.+\.xml$/.test(p)).map((p) => zip.file(p)!.async("string")));
    const detailXml = parts.find((x) => /<table\b[^>]*name="Detail"/.test(x))!;
    const fte = columnLetters(d.col.fte);
    expect(detailXml).toContain(`<tableColumn id="${d.col.fte + 1}" name="FTE" totalsRowFunction="custom"><totalsRowFormula>SUBTOTAL(109,${fte}${d.firstDataRow + 1}:${fte}${lastRow})</totalsRowFormula></tableColumn>`);
    expect(detailXml).toContain('<tableColumn id="1" name="Employee reference" totalsRowLabel="Total"/>');
    const totalCell = detail.getRow(lastRow + 1).getCell(d.col.fte + 1);
    expect(totalCell.value).toEqual({ formula: `SUBTOTAL(109,${fte}${d.firstDataRow + 1}:${fte}${lastRow})`, result: pack.headline.fte.toNumber() });
    const names = wb.worksheets.flatMap((w) => tablesOf(w).map((x) => x.name));
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(["Options", "ProtectionByYear", "ByStaffGroup", "ByEmployer", "Projection", "PoolPartners", "PoolLines", "Assumptions", "Sources", "RowsLeftOut"]));
  });

  it("writes formulas across sheets by their final names, each with the engine's result saved, and asks for a full calculation on load", async () => {
    const summary = wb.getWorksheet("Board summary")!;
    const cost = summary.getRow(pack.layout.summary.options.row + 2).getCell(2).value as ExcelJS.CellFormulaValue;
    const col = columnLetters(pack.layout.detail.col.options.current.total);
    const last = pack.layout.detail.firstDataRow + pack.report.people.length;
    expect(cost.formula).toBe(`SUM('Detail'!$${col}$6:$${col}$${last})`);
    expect(cost.result).toBe(pack.headline.current.toNumber());
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(xml).toContain(`<f>SUM(&apos;Detail&apos;!$${col}$6:$${col}$${last})</f><v>${pack.headline.current.toNumber()}</v></c>`);
    // Not one formula without a saved value, on any sheet.
    for (const p of Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f)))
      expect(await zip.file(p)!.async("string")).not.toMatch(/<\/f><\/c>|<f>[^<]*<\/f>(?!<v>)/);
    expect(await zip.file("xl/workbook.xml")!.async("string")).toMatch(/<calcPr [^>]*fullCalcOnLoad="1"\/>/);
  });

  it("caches every chart series' points and categories: the values the cells show", async () => {
    const charts = await Promise.all(Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p)).sort().map((p) => zip.file(p)!.async("string")));
    expect(charts).toHaveLength(2);
    const options = charts.find((x) => x.includes("Change from current terms"))!;
    const h = pack.headline;
    const points = [...options.matchAll(/<c:numCache>(.*?)<\/c:numCache>/g)][0][1];
    expect(points).toContain('<c:ptCount val="4"/>');
    [h.current, h.target, h.protected, h.levelledUp].forEach((v, i) => expect(points).toContain(`<c:pt idx="${i}"><c:v>${v.minus(h.current).toNumber()}</c:v></c:pt>`));
    expect(options).toContain('<c:pt idx="0"><c:v>Current terms (no change)</c:v></c:pt>');
    const byYear = charts.find((x) => x.includes("Cost by year"))!;
    expect([...byYear.matchAll(/<c:numCache>/g)]).toHaveLength(3);
    expect(byYear).toContain(`<c:pt idx="0"><c:v>${pack.report.projection[0].year}</c:v></c:pt>`);
    expect(byYear).toContain(`<c:v>${pack.report.projection[0].protected.toNumber()}</c:v>`);
  });

  it("applies £ and % number formats, column widths, frozen headings and print set-up", () => {
    const summary = wb.getWorksheet("Board summary")!;
    const r = pack.layout.summary.options.row + 2;
    // The summary: whole pounds, negatives in brackets (a board paper); the Detail sheet keeps pence.
    expect(summary.getRow(r).getCell(2).numFmt).toBe("£#,##0;(£#,##0);£0");
    expect(wb.getWorksheet("Detail")!.getRow(pack.layout.detail.firstDataRow + 1).getCell(pack.layout.detail.col.options.current.total + 1).numFmt).toBe("£#,##0.00;[Red]-£#,##0.00");
    expect(summary.getRow(r).getCell(4).numFmt).toBe("0.0%");
    expect(summary.getColumn(1).width).toBe(34);
    const detail = wb.getWorksheet("Detail")!;
    expect(detail.views[0]).toMatchObject({ state: "frozen", ySplit: pack.layout.detail.firstDataRow, xSplit: 1 });
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup.paperSize).toBe(9);
      expect(ws.pageSetup.orientation).toBe("landscape");
      expect(ws.headerFooter.oddFooter).toBe("&LOFFICIAL-SENSITIVE&C" + hfText(pack.report.title) + "&RPage &P of &N");
      // The Detail sheet also carries its title in the header, on every page.
      expect(ws.headerFooter.oddHeader).toBe(ws.name === "Detail" ? `&LDetail: cost per person, ${pack.report.baseYear}&COFFICIAL-SENSITIVE` : "&COFFICIAL-SENSITIVE");
    }
    expect(summary.pageSetup.fitToPage).toBe(true);
    expect(summary.pageSetup.fitToWidth).toBe(1);
    expect(summary.pageSetup.fitToHeight).toBe(0);
    // The Detail sheet prints one page wide: its element columns are collapsed (hidden, outline level 1).
    expect(detail.pageSetup.fitToPage).toBe(true);
    expect(detail.pageSetup.fitToWidth).toBe(1);
    const d = pack.layout.detail.col.options.current;
    expect(detail.getColumn(d.first + 1).hidden).toBe(true);
    expect(detail.getColumn(d.first + 1).outlineLevel).toBe(1);
    expect(detail.getColumn(d.total + 1).hidden).toBe(false);
  });

  it("defines print titles (repeated rows and columns) for every sheet", async () => {
    const xml = await zip.file("xl/workbook.xml")!.async("string");
    expect(xml).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;Board summary&apos;!$1:$3</definedName>`);
    expect(xml).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="1">&apos;Detail&apos;!$4:$5</definedName>`);
  });

  it("adds the charts as DrawingML parts LibreOffice can read", async () => {
    for (const p of ["xl/charts/chart1.xml", "xl/charts/chart2.xml", "xl/drawings/drawing1.xml", "xl/drawings/_rels/drawing1.xml.rels", "xl/drawings/drawing2.xml"])
      expect(zip.file(p)).not.toBeNull();
    const types = await zip.file("[Content_Types].xml")!.async("string");
    expect(types).toContain('<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>');
    expect(types).toContain('<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>');
    const sheet1 = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const rels1 = await zip.file("xl/worksheets/_rels/sheet1.xml.rels")!.async("string");
    const id = /<drawing r:id="(rId\d+)"\/>/.exec(sheet1)![1];
    expect(rels1).toContain(`<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/>`);
    expect(sheet1.indexOf("<drawing ")).toBeLessThan(sheet1.indexOf("<tableParts"));
    const chart = await zip.file("xl/charts/chart1.xml")!.async("string");
    const o = pack.layout.summary.options.row;
    expect(chart).toContain(`<c:f>&apos;Board summary&apos;!$A$${o + 2}:$A$${o + 5}</c:f>`);
    // The change from current terms (column C), so small differences show: no value axis forced from £0.
    expect(chart).toContain(`<c:f>&apos;Board summary&apos;!$C$${o + 2}:$C$${o + 5}</c:f>`);
    expect(chart).not.toContain('<c:min val="0"/>');
    // Well-formed XML, checked by xmllint where it is installed.
    const xmllint = ["/usr/bin/xmllint", "/usr/local/bin/xmllint"].find((p) => fs.existsSync(p));
    if (xmllint) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ct-xml-"));
      for (const p of ["xl/charts/chart1.xml", "xl/charts/chart2.xml", "xl/drawings/drawing1.xml", "xl/worksheets/sheet1.xml", "[Content_Types].xml"]) {
        const file = path.join(dir, path.basename(p));
        fs.writeFileSync(file, await zip.file(p)!.async("nodebuffer"));
        execFileSync(xmllint, ["--noout", file]);
      }
    }
  });
});

describe("renderXlsx details", () => {
  it("writes text starting with = + - @ as text, never as a formula", async () => {
    const table = [HEADER, ["=1+1", "=HYPERLINK(\"http://x\")", "+Group", "@Employer", "AFC", "5", 2, 1, 3, "NHS", "5"]];
    const pack = buildBoardPack({ table, scenario: sampleScenario({ pool: null, includeNames: true }), ...GEN });
    const buf = await renderXlsx(pack.workbook);
    const wb = await readBack(buf);
    const row = wb.getWorksheet("Detail")!.getRow(pack.layout.detail.firstDataRow + 1);
    for (const [c, text] of [[1, "=1+1"], [2, "=HYPERLINK(\"http://x\")"], [3, "+Group"], [4, "@Employer"]] as const) {
      expect(row.getCell(c).type).toBe(ExcelJS.ValueType.String);
      expect(row.getCell(c).value).toBe(text);
    }
    const xml = await (await JSZip.loadAsync(buf)).file("xl/worksheets/sheet2.xml")!.async("string");
    expect(xml).not.toContain("<f>1+1</f>");
    expect(xml).not.toContain("HYPERLINK");
  });

  it("makes sheet and table names unique, escapes & in footers, and gives an empty table one blank row", async () => {
    const plan: WorkbookPlan = {
      properties: { title: "T", version: "1", created: "2026-01-02" },
      sheets: ["A", "a"].map((name, i) => ({
        key: `k${i}`,
        name,
        columnWidths: [10, 10],
        print: { orientation: "portrait", paper: "A4", fitToWidth: false, footer: { left: "R&D {page}" } },
        blocks: [{ kind: "table", name: "Same", row: 0, col: 0, columns: [{ header: "X", total: "Total" }, { header: "Y", total: "sum" }], rows: [], showTotals: true }],
      })),
    };
    const wb = await readBack(await renderXlsx(plan));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["A", "a (2)"]);
    expect(wb.worksheets.flatMap((w) => tablesOf(w).map((t) => t.name))).toEqual(["Same", "Same_2"]);
    expect(wb.worksheets[0].headerFooter.oddFooter).toBe("&LR&&D &P");
    expect(tablesOf(wb.worksheets[0])[0].tableRef).toBe("A1:B3");
    expect(wb.created.toISOString()).toBe("2026-01-02T00:00:00.000Z");
  });

  it("rewrites formulas that name a sheet the renderer had to rename, and resolves {sheet:key}", async () => {
    const print = { orientation: "landscape" as const, paper: "A4" as const, fitToWidth: true, footer: { left: "M" } };
    const plan: WorkbookPlan = {
      properties: { title: "T", version: "1", created: "2026-01-02" },
      sheets: [
        { key: "a", name: "Costs: 2025", columnWidths: [10], print, blocks: [{ kind: "table", name: "Costs", row: 0, col: 0, columns: [{ header: "X" }], rows: [[1], [2]], showTotals: false }] },
        { key: "b", name: "Sum", columnWidths: [10], print, blocks: [{ kind: "range", row: 0, col: 0, values: [[{ formula: "SUM('Costs: 2025'!A2:A3)+{sheet:a}!A2", result: 4 }]] }] },
      ],
    };
    const wb = await readBack(await renderXlsx(plan));
    expect(wb.worksheets[0].name).toBe("Costs  2025");
    expect(wb.worksheets[1].getCell("A1").value).toEqual({ formula: "SUM('Costs  2025'!A2:A3)+'Costs  2025'!A2", result: 4 });
  });

  it("writes bar charts with their own axis order, colours and escaped titles", () => {
    const xml = chartXml(
      {
        kind: "chart",
        type: "barClustered",
        title: "Costs <&> more",
        categories: { row: 1, col: 0, rowCount: 2, colCount: 1 },
        series: [{ name: "A & B", values: { row: 1, col: 1, rowCount: 2, colCount: 1 } }],
        anchor: { row: 0, col: 3, colSpan: 4, rowSpan: 10 },
        colors: ["#123456"],
      },
      "It's a sheet",
      (row, col) => (col === 0 ? `Row ${row}` : row * 10),
    );
    expect(xml).toContain('<c:strCache><c:ptCount val="2"/><c:pt idx="0"><c:v>Row 1</c:v></c:pt><c:pt idx="1"><c:v>Row 2</c:v></c:pt></c:strCache>');
    expect(xml).toContain('<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="2"/><c:pt idx="0"><c:v>10</c:v></c:pt><c:pt idx="1"><c:v>20</c:v></c:pt></c:numCache>');
    expect(xml).toContain('<c:barDir val="bar"/>');
    expect(xml).toContain("Costs &lt;&amp;&gt; more");
    expect(xml).toContain("<c:v>A &amp; B</c:v>");
    expect(xml).toContain("<c:f>&apos;It&apos;&apos;s a sheet&apos;!$A$2:$A$3</c:f>");
    expect(xml).toContain('<a:srgbClr val="123456"/>');
    expect(xml).not.toContain("<c:legend>");
  });
});
