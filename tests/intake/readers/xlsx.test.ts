import ExcelJS from "exceljs";
import { readStaffFile } from "../../../src/intake/readers";
import { excelSerialToDate, isDateFormat } from "../../../src/intake/readers/xlsx";
import { inlineRow, workbookParts, zipBytes } from "../../../src/testSupport/zipBytes";
import type { RawCell } from "../../../src/intake/rawTable";

const HEADINGS = new Set(["ref", "name", "band", "fte", "pension scheme", "terms"]);
const scoreHeader = (row: readonly RawCell[]) => row.filter((c) => typeof c === "string" && HEADINGS.has(c.trim().toLowerCase())).length;

async function excelJsBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe(".xlsx read sparsely", () => {
  it("reads values, dates, booleans, rich text and formula results from an Excel-shaped workbook (ExcelJS), title rows kept", async () => {
    const bytes = await excelJsBytes((wb) => {
      const ws = wb.addWorksheet("Staff");
      ws.getCell("A1").value = "Transfer list (synthetic)";
      ws.addRow([]);
      ws.addRow(["Ref", "Name", "Band", "FTE", "Start", "Bank"]);
      ws.addRow(["N1", { richText: [{ text: "Ann " }, { text: "Example", font: { bold: true } }] }, 6, 0.8, new Date(Date.UTC(2019, 3, 1)), true]);
      ws.getCell("D5").value = { formula: "0.5*2", result: 1 } as ExcelJS.CellFormulaValue;
      ws.getCell("A5").value = "N2";
      ws.getCell("C5").value = { formula: '"Band "&"5"', result: "Band 5" } as ExcelJS.CellFormulaValue;
    });
    const t = await readStaffFile(bytes, { file: "staff.xlsx" });
    expect(t.rows).toEqual([
      ["Transfer list (synthetic)"],
      ["Ref", "Name", "Band", "FTE", "Start", "Bank"],
      ["N1", "Ann Example", 6, 0.8, new Date(Date.UTC(2019, 3, 1)), true],
      ["N2", null, "Band 5", 1],
    ]);
    expect(t.rowNumbers).toEqual([1, 3, 4, 5]);
    expect(t.source).toMatchObject({ kind: "xlsx", file: "staff.xlsx", sheet: "Staff" });
    expect(t.problems).toEqual([]);
  });

  it("reports a formula saved without its result as a problem of that cell, and reads the rest of the row", async () => {
    const bytes = zipBytes(workbookParts([{ name: "Staff", sheetData: `${inlineRow(1, ["Ref", "FTE"])}<row r="2"><c r="A2" t="inlineStr"><is><t>N1</t></is></c><c r="B2"><f>SUM(C2:D2)</f></c></row>` }]));
    const t = await readStaffFile(bytes);
    expect(t.rows).toEqual([["Ref", "FTE"], ["N1"]]);
    expect(t.problems).toEqual([{ rowNumber: 2, column: 1, message: expect.stringMatching(/^Cell B2 holds a formula \(=SUM\(C2:D2\)\) saved without its result: open the file in Excel and save it again/) }]);
  });

  it("reads the openpyxl shape (inline strings, a table part ExcelJS cannot read) and a prefixed namespace", async () => {
    const rows = inlineRow(1, ["Ref", "Name", "FTE"]) + inlineRow(2, ["N1", "Ann", 1]);
    const parts = workbookParts([{ name: "Sheet1", sheetData: rows, after: '<tableParts count="1"><tablePart r:id="rId1"/></tableParts>' }]);
    parts.push({ name: "xl/worksheets/_rels/sheet1.xml.rels", data: '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="/xl/tables/table1.xml"/></Relationships>' });
    parts.push({ name: "xl/tables/table1.xml", data: '<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="Staff" displayName="Staff" ref="A1:C2"><tableColumns count="3"><tableColumn id="1" name="Ref"/><tableColumn id="2" name="Name"/><tableColumn id="3" name="FTE"/></tableColumns><tableStyleInfo name="TableStyleMedium9" showRowStripes="1"/></table>' });
    expect((await readStaffFile(zipBytes(parts))).rows).toEqual([["Ref", "Name", "FTE"], ["N1", "Ann", 1]]);
    const prefixed = await readStaffFile(zipBytes(workbookParts([{ name: "S", sheetData: `<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Ref</x:t></x:is></x:c></x:row>` }], { prefix: "x" })));
    expect(prefixed.rows).toEqual([["Ref"]]);
  });

  it("lists hidden rows (by hand or by a filter) in RawTable.hidden", async () => {
    const bytes = await excelJsBytes((wb) => {
      const ws = wb.addWorksheet("Staff");
      ws.addRow(["Ref", "Name"]);
      ws.addRow(["N1", "Ann"]);
      ws.addRow(["N2", "Leaver"]).hidden = true;
      ws.addRow(["N3", "Bob"]);
      ws.autoFilter = "A1:B4";
    });
    const t = await readStaffFile(bytes);
    expect([...t.hidden]).toEqual([2]);
    expect(t.rows[2]).toEqual(["N2", "Leaver"]);
    expect(t.notes).toContain('1 row is hidden on sheet "Staff" (by hand or by its filter).');
  });

  it("finds the sheet holding the staff table after a cover sheet, says which, and takes a sheet by name", async () => {
    const bytes = await excelJsBytes((wb) => {
      wb.addWorksheet("Cover").addRow(["Staff transfer, December"]);
      const notes = wb.addWorksheet("Notes");
      notes.addRow(["Name", "Note"]);
      const ws = wb.addWorksheet("Staff");
      ws.addRow(["Staff in Post"]);
      ws.addRow(["Ref", "Name", "Band", "FTE"]);
      ws.addRow(["N1", "Ann", 6, 1]);
    });
    const t = await readStaffFile(bytes, { scoreHeader });
    expect(t.source.sheet).toBe("Staff");
    expect(t.notes[0]).toBe('Read sheet "Staff": its row 2 holds 4 staff-list headings, and no sheet before it has such a header (sheets: "Cover", "Notes", "Staff"). Use --sheet NAME to read another.');
    const named = await readStaffFile(bytes, { scoreHeader, sheet: "notes" });
    expect(named.source.sheet).toBe("Notes");
    expect(named.rows).toEqual([["Name", "Note"]]);
    await expect(readStaffFile(bytes, { sheet: "Payroll" })).rejects.toThrow('has no sheet named "Payroll". Its sheets: "Cover", "Notes", "Staff".');
    const none = await readStaffFile(bytes);
    expect(none.source.sheet).toBe("Cover");
  });

  it("costs a stray cell at XFD1 or A1048576 one cell, whatever the stated dimension", async () => {
    const rows = [inlineRow(1, ["Ref", "Name"]), ...Array.from({ length: 3000 }, (_, i) => inlineRow(i + 2, [`N${i + 1}`, "Ann"]))].join("");
    const stray = `<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row>`;
    const t = await readStaffFile(zipBytes(workbookParts([{ name: "S", sheetData: rows + stray, dimension: "A1:XFD1048576" }])));
    expect(t.rows.length).toBe(3002);
    expect(t.rowNumbers[3001]).toBe(1048576);
    const wide = rows.replace('<row r="1">', '<row r="1"><c r="XFD1" t="inlineStr"><is><t>x</t></is></c>').replace(/(<row r="1">)(<c r="XFD1"[^]*?<\/c>)([^]*?)(<\/row>)/, "$1$3$2$4");
    const w = await readStaffFile(zipBytes(workbookParts([{ name: "S", sheetData: wide }])));
    expect(w.rows[0].length).toBe(16384);
    expect(w.rows[0][16383]).toBe("x");
    expect(w.rows[1]).toEqual(["N1", "Ann"]);
  });

  it("reads shared strings and dates by their number format", async () => {
    const styles = '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs></styleSheet>';
    const parts = workbookParts([{ name: "S", sheetData: `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>43556</v></c><c r="C1" s="2"><v>43557</v></c><c r="D1" s="0"><v>43556</v></c></row>` }], { sharedStrings: ["Ann"], styles });
    const t = await readStaffFile(zipBytes(parts));
    expect(t.rows[0]).toEqual(["Ann", new Date(Date.UTC(2019, 3, 1)), new Date(Date.UTC(2019, 3, 2)), 43556]);
    expect(isDateFormat('#,##0.00 "days"')).toBe(false);
    expect(isDateFormat("[$-809]dd mmmm yyyy")).toBe(true);
    expect(isDateFormat("[Red]0.00")).toBe(false);
    // Serial 1 is 1 January 1900; 61 is 1 March 1900 (Excel counts a 29 February 1900).
    expect(excelSerialToDate(1, false).toISOString().slice(0, 10)).toBe("1900-01-01");
    expect(excelSerialToDate(61, false).toISOString().slice(0, 10)).toBe("1900-03-01");
    expect(excelSerialToDate(0, true).toISOString().slice(0, 10)).toBe("1904-01-01");
  });

  it("reports an Excel error value and a number beyond what Excel holds as cell problems", async () => {
    const t = await readStaffFile(zipBytes(workbookParts([{ name: "S", sheetData: `<row r="1"><c r="A1" t="e"><v>#N/A</v></c><c r="B1"><v>1e400</v></c><c r="C1"><v>1e300</v></c></row>` }])));
    expect(t.rows[0]).toEqual([null, null, 1e300]);
    expect(t.problems!.map((p) => p.message)).toEqual(["Cell A1 holds the Excel error #N/A: correct the formula or type the value.", "Cell B1 holds 1e400, which is not a number Excel can hold: correct it."]);
  });
});
