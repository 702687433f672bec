/**
 * Reading .xlsx files with ExcelJS, working around what its reader cannot parse.
 *
 * ExcelJS 4.4 fails on a table column that carries a <totalsRowFormula> (the form Excel itself
 * writes for a custom totals-row formula, and the form this renderer writes): "Cannot set
 * properties of undefined (setting 'filterButton')". The formula is also in the totals cell, so
 * the element is removed from the table parts before ExcelJS reads the file; nothing is lost for
 * reading values.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";

export async function loadWorkbook(bytes: Buffer | Uint8Array | ArrayBuffer): Promise<ExcelJS.Workbook> {
  const zip = await JSZip.loadAsync(bytes);
  let changed = false;
  for (const part of Object.keys(zip.files).filter((p) => /^xl\/tables\/[^/]+\.xml$/.test(p))) {
    const xml = await zip.file(part)!.async("string");
    const fixed = xml.replace(/<tableColumn\b([^>]*?)>\s*(?:<calculatedColumnFormula\b[^>]*>[\s\S]*?<\/calculatedColumnFormula>\s*)?<totalsRowFormula\b[^>]*>[\s\S]*?<\/totalsRowFormula>\s*<\/tableColumn>/g, "<tableColumn$1/>");
    if (fixed !== xml) {
      zip.file(part, fixed);
      changed = true;
    }
  }
  const wb = new ExcelJS.Workbook();
  const data = changed ? await zip.generateAsync({ type: "arraybuffer" }) : bytes;
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  return wb;
}
