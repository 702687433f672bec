/**
 * The Office.js renderer: writes a sheet plan (src/sheets/plan.ts) into the open workbook.
 *
 * Round trips: one `context.sync()` to read the names already in the workbook (sheets, tables,
 * defined names), then the writes, queued as whole ranges and sent together, then the print set-up
 * of every sheet in a request of its own: if Excel refuses it (a printer driver, a policy, a value
 * this Excel does not take), the sheets stay written and the result says print set-up was skipped. A plan of any number
 * of rows goes in one write request while it stays under the request budget (4 MB by default; Excel
 * on the web refuses requests over 5 MB); past that, big blocks are cut into runs of rows and the
 * renderer syncs whenever the next queued write would take the request over the budget. So the
 * number of syncs is 3 for everything up to about 4 MB of data (2 where Excel cannot set up
 * printing), and grows only with the data's size beyond that, never with its row count as such.
 *
 * What it never does: overwrite, rename or edit a sheet it did not create. New sheets get unique
 * names (" (2)", " (3)" …), and so do tables; formulas in the plan that name a sheet or table that
 * had to be renamed are rewritten to the new name, and `sheetRef(key)` tokens become the final name
 * of that sheet (as the .xlsx renderer does). If any write fails, the sheets it created are deleted
 * again and an ApplyPlanError says in plain words what happened.
 *
 * Parity with the .xlsx renderer (src/xlsx/render.ts): every field of the plan is honoured by both;
 * tests/excel/parity.test.ts holds the table of how, field by field, and fails when a field of
 * src/sheets/plan.ts is honoured by one renderer only. What needs a requirement set above ExcelApi
 * 1.1 (the manifest requires none) is guarded with `isSetSupported` and reported in `warnings`
 * when left out.
 *
 * Text stays text: every cell whose plan value is a string gets the Text number format ("@")
 * queued *before* its value, in the same request. Office.js reads a string written to `values` or
 * `formulas` the way Excel reads typing, so "=1+1", "+44…", "-", "@x", "00123" or "1/4" would
 * otherwise become a formula, a number or a date; in a cell formatted as Text Excel keeps exactly
 * the characters written. (The other way, a leading apostrophe, depends on Excel stripping it on
 * the way in; the Text format does not.) Formulas are only ever the plan's `{ formula }` cells.
 */
import {
  a1,
  columnLetters,
  isFormula,
  rangeA1,
  resolveSheetRefs,
  uniqueSheetName,
  type CellStyle,
  type ChartBlock,
  type PlanValue,
  type PrintSetup,
  type RangeBlock,
  type SheetPlan,
  type TableBlock,
  type WorkbookPlan,
} from "../sheets/plan";
import { ACTION_OVERHEAD_BYTES, actionBytes, DEFAULT_REQUEST_BUDGET_BYTES, utf8Length } from "./payload";
import { rewriteReferences, uniqueTableName, type Renames } from "../sheets/references";
import { describeOfficeError } from "./officeErrors";
import { fitPlanToExcel, PlanTooLargeError } from "../sheets/excelLimits";
import { CHART_COLORS } from "../sheets/palette";

export interface ApplyProgress {
  /** "sending": a write request is about to go to Excel (the first one is the first change to the workbook). */
  stage: "reading" | "writing" | "finishing" | "sending";
  /** The sheet being queued (name as written), while writing. */
  sheet?: string;
  sheetIndex?: number;
  sheetCount?: number;
}

export interface ApplyOptions {
  /** Largest estimated request, in bytes, before the renderer syncs (default 4,000,000; Excel on the web's limit is 5 MB). */
  budgetBytes?: number;
  onProgress?: (p: ApplyProgress) => void;
  /** Requirement-set check; defaults to Office.context.requirements.isSetSupported, or "yes" outside Office. */
  isSetSupported?: (set: string, version: string) => boolean;
  /** Key of the sheet to activate at the end (default "summary", else the first sheet). */
  activateKey?: string;
  /**
   * Called often while the write requests are built (between writes, and every few hundred rows of
   * a block); return a promise to hand the thread back first (the task pane does, every few tens of
   * milliseconds). The number of round trips does not change.
   */
  yieldToUi?: () => Promise<void> | void;
  /**
   * Asked at the same points: true stops. Before the first write request is sent nothing has been
   * queued on the context, so nothing is written; after it, the sheets added are removed again. In
   * both cases applyPlan throws an ApplyPlanError with `cancelled` set.
   */
  cancelled?: () => boolean;
}

export interface WrittenSheet {
  key: string;
  /** Name as written (unique in the workbook). */
  name: string;
  /** Name the plan asked for. */
  requestedName: string;
  /** Table names as written. */
  tables: string[];
  charts: number;
  /** Rows of data written (table data rows plus range-block rows). */
  rows: number;
}

export interface ApplyResult {
  sheets: WrittenSheet[];
  /** Every context.sync() round trip, the first read included. */
  syncs: number;
  /** Estimated size in bytes of each write request sent. */
  requestBytes: number[];
  largestRequestBytes: number;
  /** Things left out because this Excel lacks the API (e.g. print set-up before ExcelApi 1.9), or refused (print set-up). */
  warnings: string[];
  /**
   * "written"; "skipped" when Excel refused it (the sheets are written; `warnings` says what to set by
   * hand); "unsupported" when this Excel cannot set up printing from an add-in (before ExcelApi 1.9).
   */
  printSetup: "written" | "skipped" | "unsupported";
}

/** Writing failed; `message` is for the user. The sheets created so far were removed (see `removedSheets`). */
export class ApplyPlanError extends Error {
  constructor(
    message: string,
    readonly removedSheets: string[],
    /** Sheets it created but could not remove (the user must delete them). */
    readonly leftSheets: string[],
    readonly cause?: unknown,
    /** The user cancelled (see ApplyOptions.cancelled). */
    readonly cancelled = false,
  ) {
    super(message);
    this.name = "ApplyPlanError";
  }
}

/** Excel's column-width unit is the point; the plan's is characters of the default font (Calibri 11: 7 px each plus 5 px padding). */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/**
 * Header and footer text as Excel codes it: "&" starts a code (&P page, &N pages, &D date…), so a
 * literal one is written "&&"; the plan's "{page}" and "{pages}" become &P and &N.
 */
export function headerFooterText(text: string): string {
  return text.replace(/&/g, "&&").replace(/\{page\}/g, "&P").replace(/\{pages\}/g, "&N");
}

const TEXT_FORMAT = "@";
/** Rows of cells turned into a write between two chances to hand the thread back (a few milliseconds' work). */
const ROWS_BETWEEN_PAUSES = 128;

/** Thrown (inside applyPlan) when `cancelled()` said so. */
class ApplyCancelled extends Error {}
const GENERAL_FORMAT = "General";

/**
 * Collects the writes of a request and sends them when the next one would take it over the budget.
 * The Office.js calls themselves are held back (as closures, in order) until the request is sent:
 * until then nothing is queued on the context, so a cancel or a failure in building the requests
 * leaves Excel untouched, and the JavaScript work of building them can pause between writes
 * (`pause`) without adding a round trip.
 */
class Batcher {
  private pendingBytes = 0;
  private pendingActions = 0;
  private pending: (() => void)[] = [];
  syncs = 0;
  /** Write requests sent so far. */
  sent = 0;
  readonly requests: number[] = [];

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly budget: number,
    /** Queued at the start of each write request (null: nothing), with its estimated bytes. */
    private readonly startRequest: { bytes: number; enqueue: () => void } | null,
    private readonly hooks: { pause?: () => Promise<void> | void; cancelled?: () => boolean; onSend?: () => void } = {},
  ) {}

  /** Lets the caller have the thread (when its slice is up), and stops if cancelled. */
  async pause(): Promise<void> {
    const turn = this.hooks.pause?.();
    if (turn) await turn;
    if (this.hooks.cancelled?.()) throw new ApplyCancelled("cancelled");
  }

  async queue(bytes: number, enqueue: () => void): Promise<void> {
    if (this.pendingActions > 0 && this.pendingBytes + bytes > this.budget) await this.flush();
    if (this.pendingActions === 0) {
      if (this.startRequest) {
        this.pending.push(this.startRequest.enqueue);
        this.pendingBytes += this.startRequest.bytes;
      }
      this.pendingActions++;
    }
    this.pending.push(enqueue);
    this.pendingBytes += bytes;
    this.pendingActions++;
    await this.pause();
  }

  /** A small write: `actions` queued Office.js actions whose arguments together are `argument`. */
  set(argument: unknown, enqueue: () => void, actions = 1): Promise<void> {
    return this.queue(actionBytes(argument) + (actions - 1) * ACTION_OVERHEAD_BYTES, enqueue);
  }

  /** Bytes that still fit in the current request. */
  left(): number {
    return this.budget - this.pendingBytes - (this.pendingActions === 0 ? ACTION_OVERHEAD_BYTES : 0);
  }

  get hasPending(): boolean {
    return this.pendingActions > 0;
  }

  /** Forgets what is queued after a failed sync (Office.js has dropped the failed request). */
  discard(): void {
    this.pending = [];
    this.pendingBytes = 0;
    this.pendingActions = 0;
  }

  /** Queues the request's writes on the context, in order, and sends them: one round trip. */
  async flush(): Promise<void> {
    if (this.pendingActions === 0) return;
    await this.pause();
    this.hooks.onSend?.();
    const writes = this.pending;
    this.pending = [];
    this.requests.push(this.pendingBytes);
    this.pendingBytes = 0;
    this.pendingActions = 0;
    this.sent++;
    for (const write of writes) write();
    try {
      await this.context.sync();
    } finally {
      this.syncs++;
    }
  }
}

/**
 * How formulas reach their sheets and tables: `{sheet:key}` tokens resolve to the final sheet names
 * (key -> name written), and references by planned name are rewritten where a sheet or table had
 * to be named differently.
 */
interface Naming {
  names: ReadonlyMap<string, string>;
  renames: Renames;
}

function formulaText(formula: string, naming: Naming): string {
  return rewriteReferences(resolveSheetRefs(formula.replace(/^=/, ""), naming.names), naming.renames);
}

/** A cell as Office.js's `formulas` takes it. Strings are left as they are: their cell is formatted as Text first. */
function officeCell(v: PlanValue, naming: Naming, warn: (m: string) => void): string | number | boolean {
  if (v === null) return "";
  if (isFormula(v)) return `=${formulaText(v.formula, naming)}`;
  if (typeof v === "number" && !Number.isFinite(v)) {
    warn("A cell held a number Excel cannot store (not finite); it was left empty.");
    return "";
  }
  return v;
}

/**
 * The number format a cell needs: Text for strings, else the column's or block's format; null = an
 * empty cell, any format will do. A formula or number never gets Text (in a Text cell a formula
 * would be kept as its characters), whatever the column's format says.
 */
function cellFormat(v: PlanValue, columnFormat: string | null): string | null {
  if (v === null) return null;
  if (typeof v === "string") return TEXT_FORMAT;
  return nonText(columnFormat);
}

function nonText(format: string | null | undefined): string {
  return !format || format === TEXT_FORMAT ? GENERAL_FORMAT : format;
}

interface CellsSpec {
  /** The sheet, once its `add` has been queued (writes are queued in order when a request is sent). */
  sheet: () => Excel.Worksheet;
  row: number;
  col: number;
  values: PlanValue[][];
  /** Number format per column (null = General). */
  columnFormats: (string | null)[];
}

/**
 * Writes a rectangle of cells: number formats first (so Text is in place before the values), then
 * the values and formulas as whole ranges, cut into runs of rows only where the budget needs it.
 */
async function writeCells(b: Batcher, spec: CellsSpec, naming: Naming, warn: (m: string) => void, minChunkBytes: number): Promise<void> {
  const { sheet, row, col, values } = spec;
  const rowCount = values.length;
  if (rowCount === 0) return;
  const width = values.reduce((m, r) => Math.max(m, r.length), 0);
  if (width === 0) return;

  // Number formats: one per column when each column needs one format, else a matrix.
  const colFormat: (string | null)[] = [];
  let uniform = true;
  for (let c = 0; c < width && uniform; c++) {
    let seen: string | null = null;
    const fallback = spec.columnFormats[c] ?? null;
    for (let r = 0; r < rowCount; r++) {
      if (r % (ROWS_BETWEEN_PAUSES * 8) === ROWS_BETWEEN_PAUSES * 8 - 1) await b.pause();
      const f = cellFormat(values[r][c] ?? null, fallback);
      if (f === null) continue;
      if (seen === null) seen = f;
      else if (seen !== f) {
        uniform = false;
        break;
      }
    }
    colFormat.push(seen);
  }

  if (uniform) {
    // runs of adjacent columns with the same format; General is a new sheet's default already
    for (let c = 0; c < width; ) {
      const f = colFormat[c];
      let e = c + 1;
      while (e < width && colFormat[e] === f) e++;
      if (f !== null && f !== GENERAL_FORMAT) {
        const address = a1(row, col + c, rowCount, e - c);
        const fmt = [[f]];
        await b.set(fmt, () => {
          sheet().getRange(address).numberFormat = fmt;
        });
      }
      c = e;
    }
  }

  // Values (with their format rows when formats are a matrix), in runs of rows that fit in what is
  // left of the current request: one run, one write, unless the data outgrows the request budget.
  let start = 0;
  let chunk: (string | number | boolean)[][] = [];
  let chunkFormats: string[][] = [];
  let bytes = 0;
  const overhead = (uniform ? 1 : 2) * ACTION_OVERHEAD_BYTES + 64;
  let limit = b.left() - overhead;
  const flushChunk = async () => {
    if (chunk.length === 0) return;
    const address = a1(row + start, col, chunk.length, width);
    const cells = chunk;
    if (!uniform) {
      const formats = chunkFormats;
      await b.queue(ACTION_OVERHEAD_BYTES + utf8Length(JSON.stringify(formats)), () => {
        sheet().getRange(address).numberFormat = formats;
      });
    }
    await b.queue(ACTION_OVERHEAD_BYTES + utf8Length(JSON.stringify(address)) + bytes + 2, () => {
      sheet().getRange(address).formulas = cells;
    });
    start += chunk.length;
    chunk = [];
    chunkFormats = [];
    bytes = 0;
  };
  for (let r = 0; r < rowCount; r++) {
    if (r % ROWS_BETWEEN_PAUSES === ROWS_BETWEEN_PAUSES - 1) await b.pause();
    const src = values[r];
    const out: (string | number | boolean)[] = new Array(width);
    for (let c = 0; c < width; c++) out[c] = officeCell(src[c] ?? null, naming, warn);
    let rowBytes = utf8Length(JSON.stringify(out)) + 1;
    let fmtRow: string[] | null = null;
    if (!uniform) {
      fmtRow = new Array(width);
      for (let c = 0; c < width; c++) fmtRow[c] = cellFormat(src[c] ?? null, spec.columnFormats[c] ?? null) ?? GENERAL_FORMAT;
      rowBytes += utf8Length(JSON.stringify(fmtRow)) + 1;
    }
    if (bytes + rowBytes > limit) {
      if (bytes < minChunkBytes && b.hasPending) {
        // Too little room left for a run worth cutting: send what is queued; this run starts the next request.
        await b.flush();
        limit = b.left() - overhead;
      }
      if (bytes + rowBytes > limit && chunk.length > 0) {
        // The run fills this request: queue it; the next row starts a new run (and request).
        await flushChunk();
        limit = b.left() - overhead;
      }
    }
    chunk.push(out);
    if (fmtRow) chunkFormats.push(fmtRow);
    bytes += rowBytes;
  }
  await flushChunk();
}

async function applyStyle(b: Batcher, sheet: () => Excel.Worksheet, address: string, style: CellStyle): Promise<void> {
  const r = () => sheet().getRange(address);
  if (style.bold !== undefined) await b.set(style.bold, () => void (r().format.font.bold = style.bold!));
  if (style.italic !== undefined) await b.set(style.italic, () => void (r().format.font.italic = style.italic!));
  if (style.fontSize !== undefined) await b.set(style.fontSize, () => void (r().format.font.size = style.fontSize!));
  if (style.fontColor !== undefined) await b.set(style.fontColor, () => void (r().format.font.color = style.fontColor!));
  if (style.fill !== undefined) await b.set(style.fill, () => void (r().format.fill.color = style.fill!));
  if (style.wrap !== undefined) await b.set(style.wrap, () => void (r().format.wrapText = style.wrap!));
  if (style.horizontalAlignment !== undefined) {
    const h = ({ left: "Left", center: "Center", right: "Right" } as const)[style.horizontalAlignment];
    await b.set(h, () => void (r().format.horizontalAlignment = h));
  }
  if (style.borderTop) await b.set("Continuous", () => void (r().format.borders.getItem("EdgeTop").style = "Continuous"));
  if (style.borderBottom) await b.set("Continuous", () => void (r().format.borders.getItem("EdgeBottom").style = "Continuous"));
}

interface SheetContext {
  b: Batcher;
  sheet: Excel.Worksheet;
  naming: Naming;
  takenTableNames: Set<string>;
  written: WrittenSheet;
  supports: (version: string) => boolean;
  warn: (m: string) => void;
  chunkBytes: number;
}

async function writeRangeBlock(s: SheetContext, block: RangeBlock): Promise<void> {
  const width = block.values.reduce((m, r) => Math.max(m, r.length), 0);
  if (block.values.length === 0 || width === 0) return;
  const base = block.style?.numberFormat ?? null;
  const columnFormats = Array.from({ length: width }, (_, c) => block.columnFormats?.[c] ?? base);
  await writeCells(s.b, { sheet: () => s.sheet, row: block.row, col: block.col, values: block.values, columnFormats }, s.naming, s.warn, s.chunkBytes);
  if (block.style) {
    const { numberFormat: _ignored, ...visual } = block.style;
    await applyStyle(s.b, () => s.sheet, a1(block.row, block.col, block.values.length, width), visual);
  }
  s.written.rows += block.values.length;
}

async function writeTableBlock(s: SheetContext, block: TableBlock, desiredToWritten: Map<string, string>): Promise<void> {
  const width = block.columns.length;
  if (width === 0) return;
  const name = desiredToWritten.get(block.name.toLowerCase()) ?? block.name;
  const formats = block.columns.map((c) => c.numberFormat ?? null);
  // Header row, then the data; an empty table still needs one (blank) data row in Excel.
  await writeCells(s.b, { sheet: () => s.sheet, row: block.row, col: block.col, values: [block.columns.map((c) => c.header)], columnFormats: formats }, s.naming, s.warn, s.chunkBytes);
  const dataRows = Math.max(block.rows.length, 1);
  if (block.rows.length > 0) {
    await writeCells(s.b, { sheet: () => s.sheet, row: block.row + 1, col: block.col, values: block.rows, columnFormats: formats }, s.naming, s.warn, s.chunkBytes);
  }
  for (let c = 0; c < width; c++) {
    if (!block.columns[c].wrap) continue;
    const cells = a1(block.row + 1, block.col + c, dataRows, 1);
    await s.b.set([cells, "wrap"], () => void (s.sheet.getRange(cells).format.wrapText = true));
  }
  const address = a1(block.row, block.col, 1 + dataRows, width);
  const style = block.style ?? "TableStyleMedium2";
  let table!: Excel.Table;
  await s.b.set([address, true], () => {
    table = s.sheet.tables.add(address, true);
  });
  await s.b.set(name, () => void (table.name = name));
  await s.b.set(style, () => void (table.style = style));

  if (block.showTotals) {
    await s.b.set(true, () => void (table.showTotals = true));
    const totalsRow = block.row + 1 + dataRows;
    const cells: (string | number)[][] = [[]];
    const fmts: string[][] = [[]];
    for (let c = 0; c < width; c++) {
      const col = block.columns[c];
      const total = col.total as PlanValue | "sum" | undefined;
      if (total === "sum") {
        cells[0].push(`=SUBTOTAL(109,${a1(block.row + 1, block.col + c, dataRows, 1)})`);
        fmts[0].push(nonText(col.numberFormat));
      } else if (total !== null && total !== undefined && isFormula(total)) {
        cells[0].push(officeCell(total, s.naming, s.warn) as string);
        fmts[0].push(nonText(col.numberFormat));
      } else if (typeof total === "string") {
        cells[0].push(total);
        fmts[0].push(TEXT_FORMAT);
      } else {
        cells[0].push("");
        fmts[0].push(col.numberFormat ?? GENERAL_FORMAT);
      }
    }
    const totalsAddress = a1(totalsRow, block.col, 1, width);
    await s.b.set(fmts, () => void (s.sheet.getRange(totalsAddress).numberFormat = fmts));
    await s.b.set(cells, () => void (s.sheet.getRange(totalsAddress).formulas = cells));
  }
  s.written.tables.push(name);
  s.written.rows += block.rows.length;
}

async function writeChartBlock(s: SheetContext, block: ChartBlock): Promise<void> {
  if (block.series.length === 0) return;
  const bar = block.type === "barClustered";
  const type = bar ? "BarClustered" : "ColumnClustered";
  const first = block.series[0].values;
  const seriesBy = first.colCount === 1 ? "Columns" : "Rows";
  const sourceAddress = rangeA1(first);
  const categories = rangeA1(block.categories);
  const colors = block.colors && block.colors.length > 0 ? block.colors : CHART_COLORS;
  const colorOf = (i: number) => colors[i % colors.length];
  let chart!: Excel.Chart;
  await s.b.set([type, sourceAddress, seriesBy], () => {
    chart = s.sheet.charts.add(type, s.sheet.getRange(sourceAddress), seriesBy);
  }, 2);
  await s.b.set(block.title, () => void (chart.title.text = block.title));
  const firstName = block.series[0].name;
  const firstColor = colorOf(0);
  await s.b.set(firstName, () => void (chart.series.getItemAt(0).name = firstName));
  await s.b.set(firstColor, () => chart.series.getItemAt(0).format.fill.setSolidColor(firstColor));
  if (s.supports("1.7")) {
    await s.b.set(categories, () => chart.series.getItemAt(0).setXAxisValues(s.sheet.getRange(categories)));
    for (let i = 1; i < block.series.length; i++) {
      const series = block.series[i];
      const values = rangeA1(series.values);
      const color = colorOf(i);
      await s.b.set([series.name, values, categories, color], () => {
        const added = chart.series.add(series.name);
        added.setValues(s.sheet.getRange(values));
        added.setXAxisValues(s.sheet.getRange(categories));
        added.format.fill.setSolidColor(color);
      }, 4);
    }
  } else {
    s.warn("This version of Excel cannot give a chart its category labels or more than one series (it needs ExcelApi 1.7): the chart shows the first series only.");
  }
  // Bars read top to bottom in the sheet's order, with the value axis along the bottom, as the .xlsx draws them.
  if (bar && s.supports("1.7")) await s.b.set(true, () => void (chart.axes.categoryAxis.reversePlotOrder = true));
  if (bar && s.supports("1.8")) await s.b.set("Maximum", () => void (chart.axes.categoryAxis.position = "Maximum"));
  // The legend: shown at the bottom when asked for, or by default when there is more than one series.
  const legend = block.legend ?? block.series.length > 1;
  await s.b.set(legend, () => void (chart.legend.visible = legend));
  if (legend) await s.b.set("Bottom", () => void (chart.legend.position = "Bottom"));
  if (block.axisMin !== undefined) {
    const min = block.axisMin;
    await s.b.set(min, () => void (chart.axes.valueAxis.minimum = min));
  }
  const canFormat = s.supports("1.8");
  if (block.axisNumberFormat && canFormat) {
    const fmt = block.axisNumberFormat;
    await s.b.set(fmt, () => void (chart.axes.valueAxis.numberFormat = fmt));
  }
  if (block.dataLabels) {
    await s.b.set(true, () => void (chart.dataLabels.showValue = true));
    await s.b.set("OutsideEnd", () => void (chart.dataLabels.position = "OutsideEnd"));
    if (block.axisNumberFormat && canFormat) {
      const fmt = block.axisNumberFormat;
      await s.b.set(fmt, () => void (chart.dataLabels.numberFormat = fmt));
    }
  }
  if (block.axisNumberFormat && !canFormat) s.warn("This version of Excel cannot set a chart's number format (it needs ExcelApi 1.8): the chart's axis shows plain numbers.");
  const { row, col, colSpan, rowSpan } = block.anchor;
  const from = a1(row, col);
  const to = a1(row + Math.max(rowSpan, 1) - 1, col + Math.max(colSpan, 1) - 1);
  await s.b.set([from, to], () => chart.setPosition(from, to));
  s.written.charts++;
}

const PRINT_UNSUPPORTED =
  "This version of Excel cannot set up printing from an add-in (it needs ExcelApi 1.9): set A4 landscape, fit to width and the footer by hand.";

/** Queues a sheet's page layout: orientation, A4, page order, fit to width or scale, print titles, header and footer. */
async function writePrint(s: SheetContext, print: PrintSetup): Promise<void> {
  const pl = () => s.sheet.pageLayout;
  const orientation = print.orientation === "portrait" ? "Portrait" : "Landscape";
  await s.b.set(orientation, () => void (pl().orientation = orientation));
  await s.b.set("A4", () => void (pl().paperSize = "A4"));
  const p = print;
  if (p.pageOrder) {
    const order = p.pageOrder === "overThenDown" ? "OverThenDown" : "DownThenOver";
    await s.b.set(order, () => void (pl().printOrder = order));
  }
  if (p.fitToWidth) {
    // PageLayoutZoomOptions must be set as a whole: one page wide, as many tall as it takes. The
    // typings document null (not 0) for the dimension left free (Excel.PageLayoutZoomOptions).
    const zoom = { horizontalFitToPages: 1, verticalFitToPages: null as unknown as number };
    await s.b.set(zoom, () => void (pl().zoom = zoom));
  } else if (p.scale !== undefined && p.scale !== 100) {
    const zoom = { scale: Math.min(400, Math.max(10, Math.round(p.scale))) };
    await s.b.set(zoom, () => void (pl().zoom = zoom));
  }
  if (p.repeatRows) {
    const rows = `$${p.repeatRows.first + 1}:$${p.repeatRows.last + 1}`;
    await s.b.set(rows, () => pl().setPrintTitleRows(rows));
  }
  if (p.repeatColumns) {
    const cols = `$${columnLetters(p.repeatColumns.first)}:$${columnLetters(p.repeatColumns.last)}`;
    await s.b.set(cols, () => pl().setPrintTitleColumns(cols));
  }
  const hf = () => pl().headersFooters.defaultForAllPages;
  const parts: [keyof Excel.HeaderFooter, string | undefined][] = [
    ["leftFooter", print.footer.left],
    ["centerFooter", print.footer.center],
    ["rightFooter", print.footer.right],
    ["leftHeader", print.header?.left],
    ["centerHeader", print.header?.center],
    ["rightHeader", print.header?.right],
  ];
  for (const [prop, text] of parts) {
    if (text === undefined || text === "") continue;
    const value = headerFooterText(text);
    await s.b.set(value, () => {
      (hf() as unknown as Record<string, string>)[prop] = value;
    });
  }
}

/** Column widths, runs of equal widths at once. */
async function writeColumnWidths(s: SheetContext, widths: readonly number[]): Promise<void> {
  if (!widths.some((w) => w > 0)) return;
  if (!s.supports("1.2")) {
    s.warn("This version of Excel cannot set column widths or row heights from an add-in (it needs ExcelApi 1.2): widen the columns by hand.");
    return;
  }
  for (let c = 0; c < widths.length; ) {
    let e = c + 1;
    while (e < widths.length && widths[e] === widths[c]) e++;
    if (widths[c] > 0) {
      const address = `${columnLetters(c)}:${columnLetters(e - 1)}`;
      const points = charsToPoints(widths[c]);
      await s.b.set(points, () => void (s.sheet.getRange(address).format.columnWidth = points));
    }
    c = e;
  }
}

/** Longest address list given to one `getRanges` call (Excel's limit for a reference typed as text is 255 characters). */
const MAX_AREAS_ADDRESS = 255;

/**
 * Row heights: the rows of each height together. Runs of adjacent rows are one range ("5:6"); the
 * runs of one height are one `getRanges("5:6, 20:20")` where ExcelApi 1.9 has it, so the actions
 * grow with the number of distinct heights, not of rows.
 */
export function rowHeightGroups(heights: readonly { row: number; height: number }[], multiArea: boolean): { address: string; height: number }[] {
  const byRow = new Map<number, number>();
  for (const h of heights) if (Number.isFinite(h.height) && h.height >= 0 && h.row >= 0) byRow.set(h.row, h.height); // the last given for a row wins
  const byHeight = new Map<number, number[]>();
  for (const [row, height] of [...byRow].sort((a, b) => a[0] - b[0])) {
    const rows = byHeight.get(height);
    if (rows) rows.push(row);
    else byHeight.set(height, [row]);
  }
  const out: { address: string; height: number }[] = [];
  for (const [height, rows] of byHeight) {
    const runs: string[] = [];
    for (let i = 0; i < rows.length; ) {
      let j = i;
      while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
      runs.push(`${rows[i] + 1}:${rows[j] + 1}`);
      i = j + 1;
    }
    if (!multiArea) {
      for (const address of runs) out.push({ address, height });
      continue;
    }
    let current = "";
    for (const run of runs) {
      const next = current ? `${current}, ${run}` : run;
      if (current && next.length > MAX_AREAS_ADDRESS) {
        out.push({ address: current, height });
        current = run;
      } else current = next;
    }
    if (current) out.push({ address: current, height });
  }
  return out;
}

async function writeRowHeights(s: SheetContext, heights: readonly { row: number; height: number }[]): Promise<void> {
  if (heights.length === 0) return;
  if (!s.supports("1.2")) {
    s.warn("This version of Excel cannot set column widths or row heights from an add-in (it needs ExcelApi 1.2): widen the columns by hand.");
    return;
  }
  const multiArea = s.supports("1.9");
  for (const { address, height } of rowHeightGroups(heights, multiArea)) {
    if (address.includes(",")) await s.b.set([address, height], () => void (s.sheet.getRanges(address).format.rowHeight = height), 2);
    else await s.b.set([address, height], () => void (s.sheet.getRange(address).format.rowHeight = height), 2);
  }
}

async function writeSheet(s: SheetContext, plan: SheetPlan, tableNames: Map<string, string>): Promise<void> {
  for (const block of plan.blocks) {
    if (block.kind === "range") await writeRangeBlock(s, block);
    else if (block.kind === "table") await writeTableBlock(s, block, tableNames);
  }
  // Charts after the cells they draw from.
  for (const block of plan.blocks) if (block.kind === "chart") await writeChartBlock(s, block);

  await writeColumnWidths(s, plan.columnWidths);
  await writeCollapsedColumns(s, plan.collapsedColumns ?? []);
  await writeRowHeights(s, plan.rowHeights ?? []);
  await writeSheetSettings(s, plan);
}

/**
 * Collapsed column groups: grouped in an outline and collapsed where ExcelApi 1.10 has
 * `Range.group` (the reader opens them with +), else hidden (ExcelApi 1.2; the reader unhides them).
 */
async function writeCollapsedColumns(s: SheetContext, groups: readonly { first: number; last: number }[]): Promise<void> {
  if (groups.length === 0) return;
  if (!s.supports("1.2")) {
    s.warn("This version of Excel cannot hide columns from an add-in (it needs ExcelApi 1.2): the Detail sheet prints every column.");
    return;
  }
  const outline = s.supports("1.10");
  for (const g of groups) {
    const address = `${columnLetters(g.first)}:${columnLetters(g.last)}`;
    await s.b.set([address, outline], () => {
      const range = s.sheet.getRange(address);
      if (outline) {
        range.group("ByColumns");
        range.hideGroupDetails("ByColumns");
      } else range.columnHidden = true;
    });
  }
}

/** Frozen panes and the tab colour. */
async function writeSheetSettings(s: SheetContext, plan: SheetPlan): Promise<void> {

  if (plan.freeze && (plan.freeze.rows > 0 || plan.freeze.columns > 0)) {
    if (s.supports("1.7")) {
      const { rows, columns } = plan.freeze;
      if (columns === 0) await s.b.set(rows, () => s.sheet.freezePanes.freezeRows(rows));
      else if (rows === 0) await s.b.set(columns, () => s.sheet.freezePanes.freezeColumns(columns));
      else {
        const address = a1(0, 0, rows, columns);
        await s.b.set(address, () => s.sheet.freezePanes.freezeAt(address));
      }
    } else s.warn("This version of Excel cannot freeze panes from an add-in (it needs ExcelApi 1.7).");
  }
  if (plan.tabColor) {
    if (s.supports("1.7")) {
      const color = plan.tabColor;
      await s.b.set(color, () => void (s.sheet.tabColor = color));
    } else s.warn("This version of Excel cannot colour sheet tabs from an add-in (it needs ExcelApi 1.7).");
  }
}

/**
 * The print set-up of every sheet, in a request of its own after the sheets are written: Excel can
 * refuse page layout (no printer driver, a policy, a value it does not take), and a refused action
 * stops its request, so it must not share one with the cells. Refused: the sheets stay as written
 * and a warning says what to set by hand.
 */
async function writePrintSetup(b: Batcher, sheets: { s: SheetContext; print: PrintSetup }[], supports: (v: string) => boolean, warn: (m: string) => void): Promise<ApplyResult["printSetup"]> {
  if (!supports("1.9")) {
    warn(PRINT_UNSUPPORTED);
    return "unsupported";
  }
  try {
    for (const { s, print } of sheets) await writePrint(s, print);
    await b.flush();
    return "written";
  } catch (e) {
    b.discard();
    if (e instanceof ApplyCancelled) {
      warn("You cancelled after every sheet was written: the print set-up (A4 landscape, fit to width, repeated headings, header and footer) was not applied. Set it on the Page Layout tab before printing.");
      return "skipped";
    }
    warn(
      `Excel refused the print set-up (${describeOfficeError(e)}): every sheet is written, but A4 landscape, fit to width, ` +
        "the repeated headings and the header and footer with the marking are not set. Set them on the Page Layout tab before printing.",
    );
    return "skipped";
  }
}

function defaultIsSetSupported(set: string, version: string): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const req = office?.context?.requirements;
  if (req && typeof req.isSetSupported === "function") return req.isSetSupported(set, version);
  return true;
}

/** Checks the plan before anything is written, so a bad plan fails with no change to the workbook. */
function checkPlan(plan: WorkbookPlan): void {
  if (!plan.sheets || plan.sheets.length === 0) throw new ApplyPlanError("There was nothing to write: the board pack has no sheets.", [], []);
  const keys = new Set<string>();
  for (const sheet of plan.sheets) {
    if (keys.has(sheet.key)) throw new ApplyPlanError(`The board pack names the sheet "${sheet.key}" twice; nothing was written.`, [], []);
    keys.add(sheet.key);
  }
  // Every sheetRef(key) token names a sheet of the plan.
  const identity = new Map([...keys].map((k) => [k, k]));
  const check = (v: unknown) => {
    if (v && typeof v === "object" && isFormula(v as PlanValue) && (v as { formula: string }).formula.includes("{sheet:")) {
      try {
        resolveSheetRefs((v as { formula: string }).formula, identity);
      } catch (e) {
        throw new ApplyPlanError(`The board pack has a formula that refers to a sheet it does not have; nothing was written. (${(e as Error).message})`, [], [], e);
      }
    }
  };
  for (const sheet of plan.sheets)
    for (const block of sheet.blocks) {
      if (block.kind === "range") for (const row of block.values) for (const v of row) check(v);
      else if (block.kind === "table") {
        for (const row of block.rows) for (const v of row) check(v);
        for (const c of block.columns) check(c.total);
      }
    }
}

/**
 * Writes the plan into the workbook behind `context`. Adds sheets only; see the module comment for
 * the round trips and the text rule. Throws ApplyPlanError (plain words) after removing what it added.
 */
export async function applyPlan(context: Excel.RequestContext, original: WorkbookPlan, options: ApplyOptions = {}): Promise<ApplyResult> {
  checkPlan(original);
  // Excel's limits (cell text, table headings, headers and footers, rows and columns), as the .xlsx renderer keeps them.
  let fitted: ReturnType<typeof fitPlanToExcel>;
  try {
    fitted = fitPlanToExcel(original);
  } catch (e) {
    if (e instanceof PlanTooLargeError) throw new ApplyPlanError(`Nothing was written: ${e.message}`, [], [], e);
    throw e;
  }
  const plan = fitted.plan;
  const budget = options.budgetBytes ?? DEFAULT_REQUEST_BUDGET_BYTES;
  // A run of rows is cut short only if at least this much of the request is left; otherwise the request is sent first.
  const chunkBytes = Math.max(Math.floor(budget / 8), 1024);
  const isSetSupported = options.isSetSupported ?? defaultIsSetSupported;
  const supports = (v: string) => isSetSupported("ExcelApi", v);
  const progress = options.onProgress ?? (() => {});
  const warnings: string[] = [];
  const warn = (m: string) => {
    if (!warnings.includes(m)) warnings.push(m);
  };
  for (const n of fitted.notes) warn(n);

  // Round trip 1: the names already taken.
  progress({ stage: "reading" });
  const workbook = context.workbook;
  const sheets = workbook.worksheets;
  sheets.load("items/name");
  workbook.tables.load("items/name");
  workbook.names.load("items/name");
  try {
    await context.sync();
  } catch (e) {
    throw new ApplyPlanError(`Nothing was written: Excel could not list the workbook's sheets. ${describeOfficeError(e)}`, [], [], e);
  }
  const originalSheets = sheets.items.map((s) => s.name);
  const takenSheets = new Set(originalSheets.map((n) => n.toLowerCase()));
  const takenTables = new Set<string>([...workbook.tables.items.map((t) => t.name), ...workbook.names.items.map((n) => n.name)].map((n) => n.toLowerCase()));

  const renames: Renames = { sheets: new Map(), tables: new Map() };
  const sheetNames: string[] = [];
  const namesByKey = new Map<string, string>();
  for (const sp of plan.sheets) {
    const name = uniqueSheetName(sp.name, takenSheets);
    takenSheets.add(name.toLowerCase());
    sheetNames.push(name);
    namesByKey.set(sp.key, name);
    if (name !== sp.name) renames.sheets.set(sp.name.toLowerCase(), name);
  }
  const naming: Naming = { names: namesByKey, renames };
  const tableNames = new Map<string, string>();
  for (const sp of plan.sheets) {
    for (const block of sp.blocks) {
      if (block.kind !== "table") continue;
      const name = uniqueTableName(block.name, takenTables);
      takenTables.add(name.toLowerCase());
      tableNames.set(block.name.toLowerCase(), name);
      if (name !== block.name) renames.tables.set(block.name.toLowerCase(), name);
    }
  }

  const canSuspendCalc = supports("1.6");
  const b = new Batcher(
    context,
    budget,
    canSuspendCalc ? { bytes: ACTION_OVERHEAD_BYTES, enqueue: () => workbook.application.suspendApiCalculationUntilNextSync() } : null,
    { pause: options.yieldToUi, cancelled: options.cancelled, onSend: () => progress({ stage: "sending" }) },
  );
  const created: string[] = [];
  const written: WrittenSheet[] = [];
  const prints: { s: SheetContext; print: PrintSetup }[] = [];

  try {
    const handles: Excel.Worksheet[] = [];
    for (const name of sheetNames) {
      await b.set(name, () => {
        handles.push(sheets.add(name));
      });
      created.push(name);
    }
    for (let i = 0; i < plan.sheets.length; i++) {
      const sp = plan.sheets[i];
      progress({ stage: "writing", sheet: sheetNames[i], sheetIndex: i, sheetCount: plan.sheets.length });
      const w: WrittenSheet = { key: sp.key, name: sheetNames[i], requestedName: sp.name, tables: [], charts: 0, rows: 0 };
      written.push(w);
      const sheetIndex = i;
      const s: SheetContext = { b, get sheet() { return handles[sheetIndex]; }, naming, takenTableNames: takenTables, written: w, supports, warn, chunkBytes };
      await writeSheet(s, sp, tableNames);
      prints.push({ s, print: sp.print });
    }
    progress({ stage: "finishing" });
    const activateKey = options.activateKey ?? "summary";
    const target = Math.max(0, plan.sheets.findIndex((s) => s.key === activateKey));
    await b.set(null, () => handles[target].activate());
    await b.flush();
  } catch (e) {
    if (e instanceof ApplyCancelled && b.sent === 0) throw new ApplyPlanError("You cancelled it before anything was written: the workbook was not changed.", [], [], e, true);
    const { removed, left } = await rollback(context, created, originalSheets);
    if (e instanceof ApplyCancelled) throw new ApplyPlanError(cancelledMessage(removed, left), removed, left, e, true);
    throw new ApplyPlanError(failureMessage(e, removed, left), removed, left, e);
  }
  const printSetup = await writePrintSetup(b, prints, supports, warn);

  return {
    sheets: written,
    syncs: 1 + b.syncs,
    requestBytes: b.requests,
    largestRequestBytes: b.requests.reduce((m, x) => Math.max(m, x), 0),
    warnings,
    printSetup,
  };
}

/** Deletes the sheets this run added (those named in `created` that were not there before). */
async function rollback(context: Excel.RequestContext, created: string[], original: string[]): Promise<{ removed: string[]; left: string[] }> {
  const ours = new Set(created.map((n) => n.toLowerCase()));
  const before = new Set(original.map((n) => n.toLowerCase()));
  let lastPresent: string[] = created.filter((n) => !before.has(n.toLowerCase()));
  // Twice at most: if the failure came from our own code, the first sync also sends what was still queued.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      const present = sheets.items.filter((s) => ours.has(s.name.toLowerCase()) && !before.has(s.name.toLowerCase()));
      lastPresent = present.map((s) => s.name);
      if (present.length === 0) return { removed: [], left: [] };
      for (const s of present) s.delete();
      await context.sync();
      return { removed: lastPresent, left: [] };
    } catch {
      // try once more with a fresh queue
    }
  }
  return { removed: [], left: lastPresent };
}

function cancelledMessage(removed: string[], left: string[]): string {
  const list = (names: string[]) => names.map((n) => `"${n}"`).join(", ");
  if (left.length > 0) return `You cancelled it while it was writing. It could not remove the sheets it had added (${list(left)}): please delete them yourself. Your own sheets were not changed.`;
  return `You cancelled it while it was writing: the sheets it had added${removed.length > 0 ? ` (${list(removed)})` : ""} have been removed, and your own sheets were not changed.`;
}

function failureMessage(e: unknown, removed: string[], left: string[]): string {
  const why = describeOfficeError(e);
  const list = (names: string[]) => names.map((n) => `"${n}"`).join(", ");
  let after: string;
  if (left.length > 0) after = `It could not remove the sheets it had added (${list(left)}): please delete them yourself. Your own sheets were not changed.`;
  else if (removed.length > 0) after = `The sheets it had added (${list(removed)}) have been removed; your own sheets were not changed.`;
  else after = "Nothing was added to the workbook.";
  return `The board pack could not be written. ${why} ${after}`;
}

/** Excel.run(context => applyPlan(context, plan, options)), for the task pane. */
export function applyPlanToWorkbook(plan: WorkbookPlan, options: ApplyOptions = {}): Promise<ApplyResult> {
  return Excel.run((context) => applyPlan(context, plan, options));
}
