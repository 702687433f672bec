/**
 * The .xlsx renderer: writes a WorkbookPlan with ExcelJS (values, formulas with their results,
 * styles, number formats, column widths, row heights, frozen panes, A4 print set-up with repeated
 * title rows and columns and a header and footer), then adds what ExcelJS does not write: the
 * tables (ListObjects, with their totals-row formulas) and the charts, as parts of the zip.
 *
 * It uses ExcelJS's streaming writer: rows are written in order and not kept, so a 100,000-row
 * Detail sheet costs seconds and a few hundred MB (the in-memory writer took minutes and GBs).
 * The streaming writer has no table API, so each table's part is written here (./tables.ts) and
 * referenced from its sheet; charts are DrawingML parts (./charts.ts).
 *
 * Every formula is saved with the result the engine computed (the plan carries it), and every chart
 * series with its cached points, so a viewer that does not calculate (Protected View, Outlook and
 * Explorer previews, Quick Look, mobile viewers, pandas) shows every figure and both charts; the
 * workbook asks for a full calculation on load (calcPr fullCalcOnLoad), so Excel and LibreOffice
 * recalculate anyway. tests/xlsx/libreoffice.test.ts strips the saved results, recalculates in
 * LibreOffice and requires the same values, cell by cell.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { PassThrough } from "stream";
import {
  a1,
  columnLetters,
  isFormula,
  planSheetNames,
  shownCellValue,
  tableTotalResult,
  resolveSheetRefs,
  type CellStyle,
  type ChartBlock,
  type PlanValue,
  type PrintSetup,
  type SheetPlan,
  type TableBlock,
  type WorkbookPlan,
} from "../sheets/plan";
import { addChartsToZip, requestFullCalcOnLoad, RELS, type SheetCharts } from "./charts";
import { addTablesToZip, tableName, type TablePart } from "./tables";
import { rewriteReferences, type Renames } from "../sheets/references";
import { fitHeaderFooter, fitPlanToExcel, headerFooterCode } from "../sheets/excelLimits";
import { ooxmlText, xmlSafeText } from "./ooxmlText";

export interface RenderOptions {
  /** Called after each sheet is written (for a progress bar): sheets done, sheets in all, its name. */
  onSheet?: (done: number, total: number, name: string) => void;
  /** Called with each thing changed to keep Excel's limits (a cell cut at 32,767 characters, a footer title cut…), to tell the user. */
  onNote?: (note: string) => void;
}

type Cellish = ExcelJS.CellValue;

const HEADER_FILL = "FF005EB8";
const GREY = "FF808080";
const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: GREY } };

function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

/**
 * How formulas reach their sheets and tables: `{sheet:key}` tokens resolve to the final sheet
 * names, and references by planned name ('Detail'!A1, Detail[…]) are rewritten where a sheet or
 * table had to be named differently (an invalid character, or a name used twice).
 */
interface Naming {
  names: ReadonlyMap<string, string>;
  renames: Renames;
}

function formulaText(formula: string, n: Naming): string {
  return rewriteReferences(resolveSheetRefs(formula, n.names), n.renames);
}

/**
 * A plan value as an ExcelJS cell value. Text stays text even when it starts with = + - @: ExcelJS
 * writes strings as strings. Text is escaped as the file carries it (./ooxmlText.ts): a control
 * character as _x0007_, a literal _x0041_ so that Excel does not read it as "A".
 */
function cellValue(v: PlanValue, names: Naming): Cellish {
  if (v === null || v === undefined) return null;
  if (isFormula(v)) return { formula: formulaText(v.formula, names), result: textOut(finite(v.result)) } as ExcelJS.CellFormulaValue;
  return textOut(finite(v));
}

function textOut<T>(v: T): T | string {
  return typeof v === "string" ? ooxmlText(v) : v;
}

function finite<T>(v: T): T {
  if (typeof v === "number" && !Number.isFinite(v)) throw new Error(`[CareTrust] a plan holds a number that is not finite (${v})`);
  return v;
}

/** An ExcelJS style from a plan style and a number format; one object is shared by every cell it applies to. */
function excelStyle(style: CellStyle | undefined, numberFormat?: string | null): Partial<ExcelJS.Style> {
  const out: Partial<ExcelJS.Style> = {};
  if (style) {
    if (style.bold || style.italic || style.fontSize || style.fontColor)
      out.font = {
        name: "Arial",
        size: style.fontSize ?? 10,
        bold: style.bold ?? false,
        italic: style.italic ?? false,
        ...(style.fontColor ? { color: { argb: argb(style.fontColor) } } : {}),
      };
    if (style.fill) out.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
    if (style.wrap || style.horizontalAlignment)
      out.alignment = { wrapText: style.wrap ?? false, horizontal: style.horizontalAlignment, vertical: style.wrap ? "top" : undefined };
    if (style.borderTop || style.borderBottom) out.border = { ...(style.borderTop ? { top: thin } : {}), ...(style.borderBottom ? { bottom: thin } : {}) };
    if (style.numberFormat) out.numFmt = style.numberFormat;
  }
  if (numberFormat) out.numFmt = numberFormat;
  return out;
}

/** "&" starts a code in Excel header/footer text: a literal ampersand is "&&"; {page} and {pages} become &P and &N; escaped as the file carries text. */
export function hfText(text: string): string {
  return ooxmlText(headerFooterCode(text));
}

function pageSetup(print: PrintSetup): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9, // A4
    orientation: print.orientation,
    fitToPage: print.fitToWidth,
    fitToWidth: 1,
    fitToHeight: 0,
    scale: print.scale ?? 100,
    horizontalCentered: false,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(print.pageOrder ? { pageOrder: print.pageOrder } : {}),
    ...(print.repeatRows ? { printTitlesRow: `${print.repeatRows.first + 1}:${print.repeatRows.last + 1}` } : {}),
    ...(print.repeatColumns ? { printTitlesColumn: `${columnLetters(print.repeatColumns.first)}:${columnLetters(print.repeatColumns.last)}` } : {}),
  };
}

function headerFooter(print: PrintSetup): Partial<ExcelJS.HeaderFooter> {
  const part = (code: string, t?: string) => (t ? `&${code}${hfText(t)}` : "");
  // The plan already fits 255 characters; escaping (a literal _x0041_ in the title) can add a few, so fit again as written.
  const f = fitHeaderFooter(print.footer, hfText).parts;
  const h = print.header ? fitHeaderFooter(print.header, hfText).parts : null;
  const footer = `${part("L", f.left)}${part("C", f.center)}${part("R", f.right)}`;
  const header = h ? `${part("L", h.left)}${part("C", h.center)}${part("R", h.right)}` : "";
  return { differentFirst: false, differentOddEven: false, oddFooter: footer, ...(header ? { oddHeader: header } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Rows in order: every block of a sheet contributes cells to the rows it covers.
// ---------------------------------------------------------------------------------------------

interface CellOut {
  col: number;
  value: Cellish;
  style: Partial<ExcelJS.Style>;
}

interface RowSource {
  first: number;
  last: number;
  cells(row: number): CellOut[];
}

const TABLE_HEADER_STYLE = (alignRight: boolean): Partial<ExcelJS.Style> => ({
  font: { name: "Arial", size: 10, bold: true, color: { argb: "FFFFFFFF" } },
  fill: { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } },
  alignment: { wrapText: true, vertical: "bottom", horizontal: alignRight ? "right" : "left" },
});

function rangeSource(block: Extract<SheetPlan["blocks"][number], { kind: "range" }>, names: Naming): RowSource {
  const styles = (block.values[0] ?? []).map((_, c) => excelStyle(block.style, block.columnFormats?.[c] ?? null));
  const widest = Math.max(0, ...block.values.map((r) => r.length));
  while (styles.length < widest) styles.push(excelStyle(block.style, block.columnFormats?.[styles.length] ?? null));
  return {
    first: block.row,
    last: block.row + block.values.length - 1,
    cells: (row) => (block.values[row - block.row] ?? []).map((v, c) => ({ col: block.col + c, value: cellValue(v, names), style: styles[c] })),
  };
}

/** A table's cells (header, data rows, totals row) and its part, sized as Excel needs (at least one data row). */
function tableSource(block: TableBlock, name: string, names: Naming): { source: RowSource; part: TablePart } {
  const dataRows = Math.max(1, block.rows.length);
  const firstData = block.row + 1;
  const lastData = block.row + dataRows;
  const totalsRow = lastData + 1;
  const heads = block.columns.map((c) => TABLE_HEADER_STYLE(!!c.numberFormat && c.numberFormat !== "@"));
  const data = block.columns.map((c) => excelStyle(c.wrap ? { wrap: true } : undefined, c.numberFormat ?? null));
  const totals = block.columns.map((c) => ({
    ...excelStyle({ bold: true }, c.numberFormat ?? null),
    border: { top: thin, bottom: { style: "double" as const, color: { argb: GREY } } },
  }));
  const totalsFormula: (ExcelJS.CellFormulaValue | null)[] = block.columns.map((c, i) => {
    if (c.total === "sum") return { formula: `SUBTOTAL(109,${a1(firstData, block.col + i, dataRows, 1)})`, result: finite(tableTotalResult(block, i)), date1904: false };
    if (c.total && typeof c.total === "object" && isFormula(c.total))
      return { formula: formulaText(c.total.formula, names), result: finite(c.total.result) as ExcelJS.CellFormulaValue["result"], date1904: false };
    return null;
  });
  const source: RowSource = {
    first: block.row,
    last: block.showTotals ? totalsRow : lastData,
    cells: (row) => {
      if (row === block.row) return block.columns.map((c, i) => ({ col: block.col + i, value: ooxmlText(c.header), style: heads[i] }));
      if (row === totalsRow && block.showTotals)
        return block.columns.map((c, i) => ({
          col: block.col + i,
          value: totalsFormula[i] ?? (typeof c.total === "string" ? ooxmlText(c.total) : null),
          style: totals[i],
        }));
      const values = block.rows[row - firstData];
      return block.columns.map((_, i) => ({ col: block.col + i, value: values ? cellValue(values[i] ?? null, names) : null, style: data[i] }));
    },
  };
  const part: TablePart = {
    name,
    ref: a1(block.row, block.col, (block.showTotals ? totalsRow : lastData) - block.row + 1, block.columns.length),
    autoFilterRef: a1(block.row, block.col, lastData - block.row + 1, block.columns.length),
    showTotals: block.showTotals,
    style: block.style ?? "TableStyleMedium2",
    columns: block.columns.map((c, i) => ({
      // The column name is the header cell's text, escaped the same way, so Excel reads them equal.
      name: ooxmlText(c.header),
      totalsLabel: block.showTotals && totalsFormula[i] === null && typeof c.total === "string" && c.total !== "sum" ? ooxmlText(c.total) : null,
      totalsFormula: block.showTotals ? (totalsFormula[i]?.formula ?? null) : null,
    })),
  };
  return { source, part };
}

interface WrittenSheet {
  tables: TablePart[];
  charts: ChartBlock[];
}

/** Writes one sheet's rows in order, then its table and drawing references, and commits it. */
function writeSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  sheet: SheetPlan,
  name: string,
  names: Naming,
  usedTables: Set<string>,
  tableNo: { next: number },
  drawingNo: { next: number },
): WrittenSheet {
  const frozen = sheet.freeze && (sheet.freeze.rows > 0 || sheet.freeze.columns > 0);
  const ws = wb.addWorksheet(name, {
    properties: {
      ...(sheet.tabColor ? { tabColor: { argb: argb(sheet.tabColor) } } : {}),
      // With collapsed column groups, the sheet's outline level makes Excel show the + button over them.
      ...((sheet.collapsedColumns ?? []).length > 0 ? { outlineLevelCol: 1 } : {}),
    },
    pageSetup: pageSetup(sheet.print),
    headerFooter: headerFooter(sheet.print),
    views: frozen
      ? [{ state: "frozen", xSplit: sheet.freeze!.columns, ySplit: sheet.freeze!.rows, topLeftCell: a1(sheet.freeze!.rows, sheet.freeze!.columns), showGridLines: false }]
      : [{ showGridLines: false }],
  });
  // A width of 0 or less leaves the column at the default width (as the Office.js renderer does), not hidden.
  ws.columns = sheet.columnWidths.map((width) => (width > 0 ? { width } : {}));
  // Collapsed outline groups: each column at outline level 1 and hidden.
  for (const g of sheet.collapsedColumns ?? [])
    for (let c = g.first; c <= g.last; c++) {
      const col = ws.getColumn(c + 1);
      col.outlineLevel = 1;
      col.hidden = true;
    }

  const sources: RowSource[] = [];
  const tables: TablePart[] = [];
  const charts: ChartBlock[] = [];
  for (const block of sheet.blocks) {
    if (block.kind === "range") sources.push(rangeSource(block, names));
    else if (block.kind === "table") {
      const { source, part } = tableSource(block, tableName(block.name, usedTables), names);
      sources.push(source);
      tables.push(part);
    } else charts.push(block);
  }
  const heights = new Map((sheet.rowHeights ?? []).map((h) => [h.row, h.height]));
  sources.sort((a, b) => a.first - b.first);
  const last = Math.max(-1, ...sources.map((s) => s.last), ...heights.keys());
  let active: RowSource[] = [];
  let next = 0;
  for (let r = 0; r <= last; r++) {
    while (next < sources.length && sources[next].first <= r) active.push(sources[next++]);
    active = active.filter((s) => s.last >= r);
    if (active.length === 0 && !heights.has(r)) continue;
    const row = ws.getRow(r + 1);
    for (const s of active)
      for (const c of s.cells(r)) {
        const cell = row.getCell(c.col + 1);
        cell.value = c.value;
        cell.style = c.style;
      }
    const h = heights.get(r);
    if (h !== undefined) row.height = h;
    row.commit();
  }

  // References from the sheet to its tables and drawing; the parts themselves are added to the zip afterwards.
  const w = ws as unknown as {
    _sheetRelsWriter: { addRelationship(rel: { Type: string; Target: string }): string };
    _writeCloseWorksheet(): void;
    stream: { write(text: string): void };
  };
  let extra = "";
  if (charts.length > 0) {
    const id = w._sheetRelsWriter.addRelationship({ Type: RELS.drawing, Target: `../drawings/drawing${drawingNo.next++}.xml` });
    extra += `<drawing r:id="${id}"/>`;
  }
  if (tables.length > 0) {
    const ids = tables.map((t) => {
      t.partNo = tableNo.next++;
      return w._sheetRelsWriter.addRelationship({ Type: RELS.table, Target: `../tables/table${t.partNo}.xml` });
    });
    extra += `<tableParts count="${ids.length}">${ids.map((id) => `<tablePart r:id="${id}"/>`).join("")}</tableParts>`;
  }
  if (extra) {
    const close = w._writeCloseWorksheet.bind(w);
    w._writeCloseWorksheet = () => {
      w.stream.write(extra);
      close();
    };
  }
  ws.commit();
  return { tables, charts };
}

/** Renders a plan to the bytes of an .xlsx file. */
export async function renderXlsx(original: WorkbookPlan, options: RenderOptions = {}): Promise<Buffer> {
  const { plan, notes } = fitPlanToExcel(original);
  for (const n of notes) options.onNote?.(n);
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on("end", resolve);
    out.on("error", reject);
  });
  const created = new Date(`${plan.properties.created}T00:00:00Z`);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  const meta = wb as unknown as Record<string, unknown>;
  meta.creator = `Care Trust Calculator ${plan.properties.version}`;
  meta.lastModifiedBy = meta.creator;
  meta.title = xmlSafeText(plan.properties.title);
  meta.subject = meta.title;
  if (!Number.isNaN(created.getTime())) {
    meta.created = created;
    meta.modified = created;
  }

  const sheetNames = planSheetNames(plan);
  const renames: Renames = { sheets: new Map(), tables: new Map() };
  for (const sheet of plan.sheets) {
    const final = sheetNames.get(sheet.key)!;
    if (final !== sheet.name) renames.sheets.set(sheet.name.toLowerCase(), final);
  }
  // Table names, decided up front so a formula can refer to a table on a later sheet.
  const probe = new Set<string>();
  for (const sheet of plan.sheets)
    for (const b of sheet.blocks)
      if (b.kind === "table") {
        const final = tableName(b.name, probe);
        if (final !== b.name) renames.tables.set(b.name.toLowerCase(), final);
      }
  const names: Naming = { names: sheetNames, renames };
  const usedTables = new Set<string>();
  const tableNo = { next: 1 };
  const drawingNo = { next: 1 };
  const chartSheets: SheetCharts[] = [];
  const tableParts: TablePart[] = [];
  plan.sheets.forEach((sheet, index) => {
    const name = sheetNames.get(sheet.key)!;
    const written = writeSheet(wb, sheet, name, names, usedTables, tableNo, drawingNo);
    tableParts.push(...written.tables);
    if (written.charts.length > 0) chartSheets.push({ sheetName: name, sheetIndex: index, charts: written.charts, shown: (row, col) => shownCellValue(sheet, row, col) });
    options.onSheet?.(index + 1, plan.sheets.length, name);
  });
  await wb.commit();
  await done;

  const zip = await JSZip.loadAsync(Buffer.concat(chunks));
  await addTablesToZip(zip, tableParts);
  await addChartsToZip(zip, chartSheets);
  await requestFullCalcOnLoad(zip);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
