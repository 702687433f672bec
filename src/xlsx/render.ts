/**
 * The .xlsx renderer: writes a WorkbookPlan with ExcelJS (values, formulas with no cached results,
 * styles, number formats, real tables, column widths, frozen panes, A4 print set-up with repeated
 * title rows and a footer), then adds the charts as DrawingML parts (./charts.ts).
 *
 * Formulas are written without results, so a spreadsheet opening the file must calculate them:
 * what a reader sees is what the formulas give, not what this code thought they would give.
 */
import ExcelJS from "exceljs";
import {
  a1,
  columnLetters,
  isFormula,
  planSheetNames,
  resolveSheetRefs,
  type CellStyle,
  type ChartBlock,
  type PlanValue,
  type PrintSetup,
  type RangeBlock,
  type SheetPlan,
  type TableBlock,
  type WorkbookPlan,
} from "../sheets/plan";
import JSZip from "jszip";
import { addChartsToZip, addTotalsFormulas, type SheetCharts } from "./charts";

export interface RenderOptions {
  /** Called after each sheet is laid out (for a progress bar): sheets done, sheets in all. */
  onSheet?: (done: number, total: number, name: string) => void;
}

type Cellish = ExcelJS.CellValue;

function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

/** A plan value as an ExcelJS cell value. Text stays text even when it starts with = + - @: ExcelJS writes strings as strings. */
function cellValue(v: PlanValue, names: ReadonlyMap<string, string>): Cellish {
  if (v === null || v === undefined) return null;
  if (isFormula(v)) return { formula: resolveSheetRefs(v.formula, names) } as ExcelJS.CellFormulaValue;
  if (typeof v === "number" && !Number.isFinite(v)) throw new Error(`[CareTrust] a plan holds a number that is not finite (${v})`);
  return v;
}

const HEADER_FILL = "FF005EB8";
const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF808080" } };

function applyStyle(cell: ExcelJS.Cell, style: CellStyle | undefined, numberFormat?: string | null): void {
  if (style) {
    if (style.bold || style.italic || style.fontSize || style.fontColor) {
      cell.font = {
        name: "Arial",
        size: style.fontSize ?? 10,
        bold: style.bold ?? false,
        italic: style.italic ?? false,
        ...(style.fontColor ? { color: { argb: argb(style.fontColor) } } : {}),
      };
    }
    if (style.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
    if (style.wrap || style.horizontalAlignment)
      cell.alignment = { wrapText: style.wrap ?? false, horizontal: style.horizontalAlignment, vertical: style.wrap ? "top" : undefined };
    if (style.borderTop || style.borderBottom) cell.border = { ...(style.borderTop ? { top: thin } : {}), ...(style.borderBottom ? { bottom: thin } : {}) };
    if (style.numberFormat) cell.numFmt = style.numberFormat;
  }
  if (numberFormat) cell.numFmt = numberFormat;
}

function writeRange(ws: ExcelJS.Worksheet, block: RangeBlock, names: ReadonlyMap<string, string>): void {
  block.values.forEach((rowValues, r) => {
    const row = ws.getRow(block.row + r + 1);
    rowValues.forEach((v, c) => {
      const cell = row.getCell(block.col + c + 1);
      cell.value = cellValue(v, names);
      applyStyle(cell, block.style, block.columnFormats?.[c] ?? null);
    });
  });
}

/** Excel table names: letters, digits, underscores and full stops, starting with a letter or underscore; unique in the workbook. */
function tableName(name: string, used: Set<string>): string {
  let base = name.replace(/[^A-Za-z0-9_.]/g, "_");
  if (!/^[A-Za-z_]/.test(base)) base = `T_${base}`;
  let candidate = base;
  for (let i = 2; used.has(candidate.toLowerCase()); i++) candidate = `${base}_${i}`;
  used.add(candidate.toLowerCase());
  return candidate;
}

type TotalsFormulas = Map<string, Map<string, string>>;

function writeTable(ws: ExcelJS.Worksheet, block: TableBlock, names: ReadonlyMap<string, string>, usedTables: Set<string>, totals: TotalsFormulas): void {
  // Excel needs at least one data row in a table: an empty table gets one blank row.
  const rows = block.rows.length > 0 ? block.rows : [block.columns.map(() => null)];
  const firstDataRow = block.row + 1;
  const lastDataRow = block.row + rows.length;
  const columns: ExcelJS.TableColumnProperties[] = block.columns.map((c, i) => {
    const col: ExcelJS.TableColumnProperties = { name: c.header, filterButton: true };
    if (c.total === "sum") {
      const range = a1(firstDataRow, block.col + i, lastDataRow - firstDataRow + 1, 1);
      col.totalsRowFunction = "custom";
      col.totalsRowFormula = `SUBTOTAL(109,${range})`;
    } else if (c.total && typeof c.total === "object" && isFormula(c.total)) {
      col.totalsRowFunction = "custom";
      col.totalsRowFormula = resolveSheetRefs(c.total.formula, names);
    } else if (block.showTotals && typeof c.total === "string" && i === 0) col.totalsRowLabel = c.total;
    else if (block.showTotals && i === 0) col.totalsRowLabel = "";
    return col;
  });
  const name = tableName(block.name, usedTables);
  if (block.showTotals) {
    const custom = new Map<string, string>();
    for (const c of columns) if (c.totalsRowFunction === "custom" && c.totalsRowFormula) custom.set(c.name, c.totalsRowFormula);
    if (custom.size > 0) totals.set(name, custom);
  }
  ws.addTable({
    name,
    ref: a1(block.row, block.col),
    headerRow: true,
    totalsRow: block.showTotals,
    style: { theme: (block.style ?? "TableStyleMedium2") as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
    columns,
    rows: rows.map((r) => r.map((v) => cellValue(v, names))),
  });
  // Number formats by column, and labels in the totals row beyond the first column.
  block.columns.forEach((c, i) => {
    const colNo = block.col + i + 1;
    // Headings styled on the cells as well as by the table style, so they print the same where
    // table styles are not drawn (LibreOffice's PDF export).
    const head = ws.getRow(block.row + 1).getCell(colNo);
    head.alignment = { wrapText: true, vertical: "bottom", horizontal: c.numberFormat && c.numberFormat !== "@" ? "right" : "left" };
    head.font = { name: "Arial", size: 10, bold: true, color: { argb: "FFFFFFFF" } };
    head.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
    if (c.numberFormat) for (let r = firstDataRow; r <= lastDataRow + (block.showTotals ? 1 : 0); r++) ws.getRow(r + 1).getCell(colNo).numFmt = c.numberFormat;
    if (block.showTotals) {
      const cell = ws.getRow(lastDataRow + 2).getCell(colNo);
      cell.font = { name: "Arial", size: 10, bold: true };
      cell.border = { top: thin, bottom: { style: "double", color: { argb: "FF808080" } } };
      if (typeof c.total === "string" && c.total !== "sum" && i > 0) cell.value = c.total;
    }
  });
}

/** "&" starts a code in Excel header/footer text: a literal ampersand is "&&"; {page} and {pages} become &P and &N. */
export function hfText(text: string): string {
  return text.replace(/&/g, "&&").replace(/\{page\}/g, "&P").replace(/\{pages\}/g, "&N");
}

function applyPrint(ws: ExcelJS.Worksheet, print: PrintSetup): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: print.orientation,
    fitToPage: print.fitToWidth,
    fitToWidth: 1,
    fitToHeight: 0,
    scale: print.scale ?? 100,
    horizontalCentered: false,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(print.repeatRows ? { printTitlesRow: `${print.repeatRows.first + 1}:${print.repeatRows.last + 1}` } : {}),
    ...(print.repeatColumns
      ? { printTitlesColumn: `${columnLetters(print.repeatColumns.first)}:${columnLetters(print.repeatColumns.last)}` }
      : {}),
  };
  const part = (code: string, t?: string) => (t ? `&${code}${hfText(t)}` : "");
  const footer = `${part("L", print.footer.left)}${part("C", print.footer.center)}${part("R", print.footer.right)}`;
  const header = print.header ? `${part("L", print.header.left)}${part("C", print.header.center)}${part("R", print.header.right)}` : "";
  ws.headerFooter = { differentFirst: false, differentOddEven: false, oddFooter: footer, ...(header ? { oddHeader: header } : {}) };
}

function layoutSheet(ws: ExcelJS.Worksheet, sheet: SheetPlan, names: ReadonlyMap<string, string>, usedTables: Set<string>, totals: TotalsFormulas): ChartBlock[] {
  const charts: ChartBlock[] = [];
  sheet.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const h of sheet.rowHeights ?? []) ws.getRow(h.row + 1).height = h.height;
  for (const block of sheet.blocks) {
    if (block.kind === "range") writeRange(ws, block, names);
    else if (block.kind === "table") writeTable(ws, block, names, usedTables, totals);
    else charts.push(block);
  }
  if (sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.columns > 0))
    ws.views = [
      {
        state: "frozen",
        xSplit: sheet.freeze.columns,
        ySplit: sheet.freeze.rows,
        topLeftCell: a1(sheet.freeze.rows, sheet.freeze.columns),
        showGridLines: false,
      },
    ];
  else ws.views = [{ showGridLines: false }];
  applyPrint(ws, sheet.print);
  return charts;
}

/** Renders a plan to the bytes of an .xlsx file. */
export async function renderXlsx(plan: WorkbookPlan, options: RenderOptions = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = `Care Trust Calculator ${plan.properties.version}`;
  wb.lastModifiedBy = wb.creator;
  wb.title = plan.properties.title;
  wb.subject = plan.properties.title;
  wb.company = "";
  const created = new Date(`${plan.properties.created}T00:00:00Z`);
  if (!Number.isNaN(created.getTime())) {
    wb.created = created;
    wb.modified = created;
  }
  wb.calcProperties = { fullCalcOnLoad: true };
  const names = planSheetNames(plan);
  const usedTables = new Set<string>();
  const chartSheets: SheetCharts[] = [];
  const totals: TotalsFormulas = new Map();
  plan.sheets.forEach((sheet, index) => {
    const name = names.get(sheet.key)!;
    const ws = wb.addWorksheet(name, {
      properties: sheet.tabColor ? { tabColor: { argb: argb(sheet.tabColor) } } : {},
    });
    const charts = layoutSheet(ws, sheet, names, usedTables, totals);
    if (charts.length > 0) chartSheets.push({ sheetName: name, sheetIndex: index, charts });
    options.onSheet?.(index + 1, plan.sheets.length, name);
  });
  const bytes = await wb.xlsx.writeBuffer();
  const zip = await JSZip.loadAsync(bytes as ArrayBuffer);
  await addTotalsFormulas(zip, totals);
  await addChartsToZip(zip, chartSheets);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
