import zlib from "zlib";
import { readStaffFile } from "../../../src/intake/readers";
import { sniffFormat } from "../../../src/intake/readers/sniff";
import { inlineRow, workbookParts, zipBytes } from "../../../src/testSupport/zipBytes";

const oleHeader = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** The first bytes of an OLE compound document whose directory names the given streams (enough for sniffing). */
function oleWith(...streams: string[]): Buffer {
  return Buffer.concat([Buffer.from(oleHeader), Buffer.alloc(504), ...streams.map((s) => Buffer.from(s, "utf16le")), Buffer.alloc(64)]);
}

const goodSheet = inlineRow(1, ["Ref", "Name"]) + inlineRow(2, ["N1", "Ann"]);

describe("formats told by content, not by name", () => {
  it("says what an .xls, an encrypted workbook, an .ods, an .xlsb or a Word file is, and how to save it as .xlsx or CSV", async () => {
    await expect(readStaffFile(oleWith("Workbook"), { file: "list.xlsx" })).rejects.toThrow(/"list.xlsx" is an Excel 97-2003 workbook \(.xls\), an old format not read here: open it in Excel .* save it as "Excel Workbook \(.xlsx\)" or "CSV UTF-8/);
    await expect(readStaffFile(oleWith("EncryptionInfo", "EncryptedPackage"), { file: "list.xlsx" })).rejects.toThrow(/password-protected \(encrypted\) workbook.*remove the password/);
    const ods = zipBytes([{ name: "mimetype", data: "application/vnd.oasis.opendocument.spreadsheet", method: 0 }, { name: "content.xml", data: "<office:document-content/>" }]);
    await expect(readStaffFile(ods, { file: "list.csv" })).rejects.toThrow(/OpenDocument spreadsheet \(.ods\).*save it as "Excel Workbook \(.xlsx\)"/);
    await expect(readStaffFile(zipBytes([{ name: "xl/workbook.bin", data: "x" }]))).rejects.toThrow(/Excel Binary Workbook \(.xlsb\)/);
    await expect(readStaffFile(zipBytes([{ name: "word/document.xml", data: "x" }]))).rejects.toThrow(/is a Word document, not a staff list/);
    expect(sniffFormat(Buffer.from("%PDF-1.7\n")).kind).toBe("pdf");
  });

  it("reads an .xlsx whatever it is named (.xlsm, .csv)", async () => {
    const t = await readStaffFile(zipBytes(workbookParts([{ name: "Staff", sheetData: goodSheet }])), { file: "list.xlsm" });
    expect(t.rows).toEqual([["Ref", "Name"], ["N1", "Ann"]]);
  });
});

describe("zip integrity and decompression bombs", () => {
  it("refuses a workbook part whose CRC check fails", async () => {
    const parts = workbookParts([{ name: "Staff", sheetData: goodSheet }]);
    parts[4] = { ...parts[4], declaredCrc: 0x12345678 };
    await expect(readStaffFile(zipBytes(parts), { file: "x.xlsx" })).rejects.toThrow(/"x.xlsx" is damaged and cannot be read \(part xl\/worksheets\/sheet1.xml fails its CRC check\)/);
  });

  it("refuses a zip bomb on its declared sizes before inflating it", async () => {
    // 64 MB of the same row, deflated to about 100 kB: a ratio no workbook has.
    const row = inlineRow(2, ["N1", "Ann"]);
    const bomb = Buffer.from(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${row.repeat(Math.ceil(64e6 / row.length))}</sheetData></worksheet>`);
    const packed = zlib.deflateRawSync(bomb).length;
    expect(bomb.length / packed).toBeGreaterThan(250);
    const parts = workbookParts([{ name: "Staff", sheetData: "" }]);
    parts[4] = { name: parts[4].name, data: bomb };
    await expect(readStaffFile(zipBytes(parts))).rejects.toThrow(/looks like a zip bomb and is not read/);
  });

  it("stops inflating as soon as a part inflates to more than it declared", async () => {
    const parts = workbookParts([{ name: "Staff", sheetData: goodSheet.repeat(200) }]);
    parts[4] = { ...parts[4], declaredSize: 100 };
    await expect(readStaffFile(zipBytes(parts))).rejects.toThrow(/inflates to more than the 100 bytes the zip declares/);
  });

  it("refuses a part declaring more than the limit, and a cut-short file", async () => {
    const parts = workbookParts([{ name: "Staff", sheetData: goodSheet }]);
    parts[4] = { ...parts[4], declaredSize: 3_000_000_000 };
    await expect(readStaffFile(zipBytes(parts))).rejects.toThrow(/would inflate to 3000 MB, more than the 2147 MB read here/);
    const whole = zipBytes(workbookParts([{ name: "Staff", sheetData: goodSheet }]));
    await expect(readStaffFile(whole.subarray(0, whole.length - 30))).rejects.toThrow(/no zip directory at its end: the file is cut short/);
  });

  it("refuses a DOCTYPE (entity expansion, external entities) in any part", async () => {
    const parts = workbookParts([{ name: "Staff", sheetData: "" }]);
    parts[4] = { name: parts[4].name, data: '<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaa">]><worksheet><sheetData><row r="1"><c t="inlineStr"><is><t>&a;</t></is></c></row></sheetData></worksheet>' };
    await expect(readStaffFile(zipBytes(parts))).rejects.toThrow(/declares its own XML entities or document type/);
  });
});
