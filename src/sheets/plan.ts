/**
 * A sheet plan: worksheets described as pure data (values, formulas, formats, tables, charts,
 * print set-up). Built from report models in src/sheets/, rendered by src/excel/ (Office.js,
 * into the open workbook) and src/xlsx/ (ExcelJS, to a file), so both produce the same sheets.
 * Rows and columns are 0-based here; renderers convert to A1 addresses with `a1`.
 */

import { columnLetters } from "../engine/columnLetters";
import { D as Decimal } from "../engine/money";

export type Scalar = string | number | boolean | null;

/**
 * A native Excel formula, written without the leading "=" (e.g. "SUM(D5:D204)"), with the value
 * the engine computed for it. The .xlsx saves the result with the formula, so a viewer that does
 * not recalculate (Protected View, previews, mobile viewers, pandas) still shows every figure; a
 * spreadsheet that recalculates must arrive at the same value (tests/xlsx/libreoffice.test.ts).
 */
export interface Formula {
  formula: string;
  result: FormulaResult;
}

export type FormulaResult = number | string | boolean;

/** A formula with the value it gives. */
export function formula(text: string, result: FormulaResult): Formula {
  return { formula: text, result };
}

/**
 * A cell's content. A string is always text, even if it begins with "=", "+", "-" or "@":
 * renderers must write it so Excel never evaluates it (staff names and free text come from users).
 */
export type PlanValue = Scalar | Formula;

export function isFormula(v: PlanValue): v is Formula {
  return typeof v === "object" && v !== null && "formula" in v;
}

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  /** "#RRGGBB" */
  fontColor?: string;
  /** "#RRGGBB" */
  fill?: string;
  wrap?: boolean;
  horizontalAlignment?: "left" | "center" | "right";
  /** An Excel number format, e.g. NUMBER_FORMATS.money. */
  numberFormat?: string;
  borderTop?: boolean;
  borderBottom?: boolean;
}

export const NUMBER_FORMATS = {
  money: "£#,##0.00;[Red]-£#,##0.00",
  moneyWhole: "£#,##0;[Red]-£#,##0",
  /** Board papers: whole pounds, negatives in brackets (the value keeps its pence). */
  moneyBoard: "£#,##0;(£#,##0);£0",
  /** Board papers in thousands (the heading says £000): 1,234,567.89 shows as 1,235. */
  moneyThousands: "#,##0,;(#,##0,);0",
  /** Discount factors. */
  factor: "0.0000",
  percent: "0.0%",
  decimal2: "0.00",
  integer: "0",
  text: "@",
  date: "dd/mm/yyyy",
} as const;

/** A rectangle of cells written at once, with one style for the whole block and optional per-column formats. */
export interface RangeBlock {
  kind: "range";
  row: number;
  col: number;
  values: PlanValue[][];
  style?: CellStyle;
  /** Number format per column of the block (null = general). Applied after `style.numberFormat`. */
  columnFormats?: (string | null)[];
}

export interface TableColumn {
  header: string;
  numberFormat?: string | null;
  /**
   * The totals-row cell for this column: "sum" writes SUBTOTAL(109, …) over the column's data cells
   * (its result is the sum of the column's values, `tableTotalResult`), a string writes a label, a
   * Formula writes that formula (e.g. a percentage of two totals).
   */
  total?: "sum" | string | Formula | null;
  /** Wrap the column's data cells (long titles, links), so the text stays inside the column's width on screen and in print. */
  wrap?: boolean;
}

/** A real Excel table (ListObject) with a header row, data rows and an optional totals row. */
export interface TableBlock {
  kind: "table";
  /** Table name, unique in the workbook: letters, digits and underscores, starting with a letter. */
  name: string;
  row: number;
  col: number;
  columns: TableColumn[];
  rows: PlanValue[][];
  /** Whether a totals row follows the data (formulas over the data cells). */
  showTotals: boolean;
  /** Built-in table style, e.g. "TableStyleMedium2". */
  style?: string;
}

/** A range of cells on this sheet by 0-based coordinates (inclusive). */
export interface CellRange {
  row: number;
  col: number;
  rowCount: number;
  colCount: number;
}

export interface ChartSeries {
  name: string;
  values: CellRange;
}

/** A native Excel chart over cells of the same sheet. */
export interface ChartBlock {
  kind: "chart";
  type: "columnClustered" | "barClustered";
  title: string;
  categories: CellRange;
  series: ChartSeries[];
  /** Where the chart sits: top-left cell and size in columns and rows. */
  anchor: { row: number; col: number; colSpan: number; rowSpan: number };
  /** Number format of the value axis (and of the data labels, when shown). */
  axisNumberFormat?: string;
  /** Show each bar's value on it (default false). */
  dataLabels?: boolean;
  /** Show a legend (default: when there is more than one series). */
  legend?: boolean;
  /** "#RRGGBB" per series (repeated if fewer than the series); default: the add-in's palette (src/sheets/palette.ts), the same in both renderers. */
  colors?: string[];
  /** The value axis starts here (e.g. 0, so bars are not exaggerated); default: the renderer's automatic minimum. */
  axisMin?: number;
}

export type Block = RangeBlock | TableBlock | ChartBlock;

export interface PrintSetup {
  orientation: "landscape" | "portrait";
  paper: "A4";
  /** Fit all columns onto one page width. */
  fitToWidth: boolean;
  /** 0-based inclusive rows repeated at the top of every printed page (title and table headings). */
  repeatRows?: { first: number; last: number };
  /** 0-based inclusive columns repeated at the left of every printed page (e.g. the employee reference). */
  repeatColumns?: { first: number; last: number };
  /** Print scale in percent when not fitting to width (default 100). */
  scale?: number;
  /** The order of pages when a sheet is wider and taller than a page (Excel's default is down, then over). */
  pageOrder?: "downThenOver" | "overThenDown";
  /**
   * Footer text: left carries the protective marking (e.g. "OFFICIAL-SENSITIVE"). Header and
   * footer text is literal, except "{page}" and "{pages}", the page number and the page count.
   */
  footer: { left: string; center?: string; right?: string };
  header?: { left?: string; center?: string; right?: string };
}

export interface SheetPlan {
  /** Stable identity of the sheet kind, e.g. "summary", "detail", "projection", "pool". */
  key: string;
  /** Desired worksheet name (≤ 31 characters, none of : \ / ? * [ ]); renderers make it unique. */
  name: string;
  blocks: Block[];
  /** Column widths in characters, from column A. */
  columnWidths: number[];
  /** Heights in points of particular 0-based rows (e.g. table headings that wrap onto two lines); others are the default. */
  rowHeights?: { row: number; height: number }[];
  freeze?: { rows: number; columns: number };
  /**
   * 0-based inclusive column ranges grouped in an outline and collapsed: hidden on screen and in
   * print until the reader opens them with the + above them (the Detail sheet's element columns,
   * so the sheet prints one page wide with the totals).
   */
  collapsedColumns?: { first: number; last: number }[];
  print: PrintSetup;
  tabColor?: string;
}

export interface WorkbookPlan {
  sheets: SheetPlan[];
  /** Title, add-in version and date for the document properties. */
  properties: { title: string; version: string; created: string };
}

const INVALID_SHEET_CHARS = /[:\\/?*[\]]/g;

export { columnLetters };

/** 0-based row and column -> "B3"; with a count, a range "B3:D10". */
export function a1(row: number, col: number, rowCount = 1, colCount = 1): string {
  const start = `${columnLetters(col)}${row + 1}`;
  if (rowCount === 1 && colCount === 1) return start;
  return `${start}:${columnLetters(col + colCount - 1)}${row + rowCount}`;
}

export function rangeA1(r: CellRange): string {
  return a1(r.row, r.col, r.rowCount, r.colCount);
}

/**
 * A worksheet name that is legal in Excel and not among `taken` (compared case-insensitively):
 * invalid characters removed, at most 31 characters, " (2)", " (3)" … added when needed.
 */
export function uniqueSheetName(desired: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((t) => t.toLowerCase()));
  const base = desired.replace(INVALID_SHEET_CHARS, " ").replace(/^'+|'+$/g, "").trim().slice(0, 31) || "Sheet";
  if (!used.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const candidate = base.slice(0, 31 - suffix.length) + suffix;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/** True for text Excel would read as a formula if typed in: renderers must force it to stay text. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text);
}

// ---------------------------------------------------------------------------------------------
// References between the sheets of one plan
// ---------------------------------------------------------------------------------------------

/**
 * Sheet names are only final when a renderer writes them (uniqueSheetName may add " (2)"). A plan
 * refers to another of its sheets in a formula either by its planned name, quoted ('Detail'!A1),
 * which a renderer rewrites when it had to rename that sheet (src/sheets/references.ts), or by key
 * with this token, `${sheetRef("detail")}!$M$5:$M$404`, which a renderer resolves with
 * `resolveSheetRefs`. The board pack uses planned names; the .xlsx renderer handles both.
 */
export function sheetRef(key: string): string {
  return `{sheet:${key}}`;
}

const SHEET_REF = /\{sheet:([A-Za-z0-9_.-]+)\}/g;

/** A worksheet name as a formula writes it: always quoted, apostrophes doubled ('Board summary', 'O''Brien'). */
export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * Replaces every `sheetRef(key)` in a formula with the quoted final name of that sheet.
 * @throws Error for a key the plan has no sheet for (a bug in the plan, not the user's data).
 */
export function resolveSheetRefs(formula: string, names: ReadonlyMap<string, string>): string {
  return formula.replace(SHEET_REF, (_, key: string) => {
    const name = names.get(key);
    if (name === undefined) throw new Error(`[CareTrust] formula refers to sheet "${key}", which is not in the plan`);
    return quoteSheetName(name);
  });
}

/** The final name of every sheet of a plan (key -> name), given the names already in the workbook. */
export function planSheetNames(plan: WorkbookPlan, taken: Iterable<string> = []): Map<string, string> {
  const used = [...taken];
  const names = new Map<string, string>();
  for (const sheet of plan.sheets) {
    const name = uniqueSheetName(sheet.name, used);
    used.push(name);
    names.set(sheet.key, name);
  }
  return names;
}

/** Every block of a kind, with the sheet it is on (for tests and renderers). */
export function blocksOf<K extends Block["kind"]>(plan: WorkbookPlan, kind: K): { sheet: SheetPlan; block: Extract<Block, { kind: K }> }[] {
  const out: { sheet: SheetPlan; block: Extract<Block, { kind: K }> }[] = [];
  for (const sheet of plan.sheets) for (const block of sheet.blocks) if (block.kind === kind) out.push({ sheet, block: block as Extract<Block, { kind: K }> });
  return out;
}

/** The cells of a table's data rows in one column (0-based index into `columns`), as a CellRange. */
export function tableColumnRange(table: TableBlock, column: number): CellRange {
  return { row: table.row + 1, col: table.col + column, rowCount: Math.max(1, table.rows.length), colCount: 1 };
}

/** The 0-based row of a table's totals row (only meaningful when showTotals). */
export function tableTotalsRow(table: TableBlock): number {
  return table.row + 1 + Math.max(1, table.rows.length);
}

/** A plan cell's value as a spreadsheet shows it: a formula's saved result, a scalar as it is. */
export function shownValue(v: PlanValue | undefined): Scalar {
  if (v === undefined) return null;
  return isFormula(v) ? v.result : v;
}

/**
 * The result of a "sum" total: SUBTOTAL(109, …) over the column's data cells, i.e. the sum of its
 * numbers (formula results included), text and blanks ignored as Excel ignores them. Summed in
 * exact decimals, then rounded once to a double, so it is the nearest double to the true sum.
 */
export function tableTotalResult(table: TableBlock, column: number): number {
  let total = new Decimal(0);
  for (const row of table.rows) {
    const v = shownValue(row[column]);
    if (typeof v === "number") total = total.plus(v);
  }
  return total.toNumber();
}

/** The content of a table's cell at an absolute 0-based row and column: header, data, or totals row. */
function tableCellAt(table: TableBlock, row: number, col: number): Scalar | undefined {
  const c = col - table.col;
  if (c < 0 || c >= table.columns.length) return undefined;
  const column = table.columns[c];
  if (row === table.row) return column.header;
  const firstData = table.row + 1;
  const dataRows = Math.max(1, table.rows.length);
  if (row >= firstData && row < firstData + dataRows) return shownValue(table.rows[row - firstData]?.[c] ?? null);
  if (table.showTotals && row === firstData + dataRows) {
    if (column.total === "sum") return tableTotalResult(table, c);
    if (typeof column.total === "string") return column.total;
    if (column.total && isFormula(column.total)) return column.total.result;
    return null;
  }
  return undefined;
}

/**
 * What a sheet shows at a 0-based row and column (a formula's result, a table's header or total),
 * null for an empty cell: for charts' cached values, which must match the cells they read.
 */
export function shownCellValue(sheet: SheetPlan, row: number, col: number): Scalar {
  let found: Scalar = null;
  for (const block of sheet.blocks) {
    if (block.kind === "range") {
      const v = block.values[row - block.row]?.[col - block.col];
      if (row >= block.row && col >= block.col && v !== undefined) found = shownValue(v);
    } else if (block.kind === "table") {
      const v = tableCellAt(block, row, col);
      if (v !== undefined) found = v;
    }
  }
  return found;
}
