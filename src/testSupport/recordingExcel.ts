/**
 * A recording fake of the part of the Excel JavaScript API the add-in uses.
 *
 * It behaves like Office.js where it matters for these tests:
 * - Nothing happens until `context.sync()`: property sets, method calls and loads are queued as
 *   actions on object paths, as Office.js queues them, and run in order at the sync.
 * - Each sync's request is serialised as JSON the way Office.js builds one (Actions + ObjectPaths)
 *   and its size in bytes recorded; a request over `requestLimitBytes` (default 5,000,000, Excel on
 *   the web's limit) is refused whole with RequestPayloadSizeLimitExceeded, as Excel on the web does.
 * - An action that fails stops the batch: actions before it have taken effect, later ones have not,
 *   and sync rejects with an error carrying an Office-style `code` (ItemAlreadyExists, ItemNotFound,
 *   InvalidArgument …). `failWhen` injects failures.
 * - Reading a property that was not loaded throws, as does reading one before its sync.
 * - A *OrNullObject method gives a null object: see `nullObjects` for what is asked of it.
 * - Cells are typed the way Excel types input: a string written to `values` or `formulas` becomes a
 *   formula if it starts with "=" (or "+", "-", "@" before something that is not a number), a number
 *   if it looks like one ("00123" -> 123), TRUE/FALSE a boolean, except in a cell whose number format
 *   is Text ("@"), where it stays exactly as written.
 * - Requirement sets: with `excelApi` (e.g. "1.7") it is an Excel that supports ExcelApi up to that
 *   version only, and a member from a later set fails at the sync with ApiNotFound, as Office.js does
 *   on an older Excel. The sets are those of the Office.js API reference (API_SETS below); a member
 *   not listed there is ExcelApi 1.1.
 * - Property values are checked where the API reference restricts them (enums such as
 *   `legend.position` or `pageLayout.printOrder`, `axis.minimum` a number or "", row heights 0 to
 *   409 points), so a misspelt value fails here as it would in Excel.
 *
 * It records every action (`fake.log`) and every request (`fake.requests`), and exposes the resulting
 * workbook (sheets, cells, tables, charts, page layout) for assertions.
 *
 * Self-contained (no imports, no Node APIs) so the Chromium test can transpile it and run it in the
 * page as the stand-in `Excel`.
 */

export type CellKind = "text" | "number" | "boolean" | "formula";

export interface FakeCell {
  kind: CellKind;
  /** Text, number or boolean; for a formula, its text with the "=". */
  value: string | number | boolean;
  numberFormat: string;
}

export interface FakeTable {
  name: string;
  sheet: FakeSheet;
  /** 0-based, inclusive: header row first, data rows, then the totals row when shown. */
  row: number;
  col: number;
  dataRows: number;
  columns: string[];
  style: string;
  showTotals: boolean;
}

export interface FakeSeries {
  name: string;
  values: string;
  xValues: string | null;
  /** Set by `series.format.fill.setSolidColor`. */
  color?: string;
}

export interface FakeDataLabels {
  showValue?: boolean;
  position?: string;
  numberFormat?: string;
}

export interface FakeChart {
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  series: FakeSeries[];
  legendPosition: string | null;
  /** `legend.visible` as set (null: never set, Excel's default). */
  legendVisible: boolean | null;
  valueAxisNumberFormat: string | null;
  /** `axes.valueAxis.minimum` as set (null: automatic). */
  valueAxisMinimum: number | null;
  /** `axes.categoryAxis.reversePlotOrder` and `.position` as set. */
  categoryAxisReversed: boolean | null;
  categoryAxisPosition: string | null;
  /** `chart.dataLabels` properties as set (null: never touched). */
  dataLabels: FakeDataLabels | null;
  position: [string, string] | null;
}

export interface FakePageLayout {
  orientation: string | null;
  paperSize: string | null;
  zoom: any;
  printTitleRows: string | null;
  printTitleColumns?: string | null;
  /** `printOrder` as set ("DownThenOver" | "OverThenDown"); absent: never set. */
  printOrder?: string;
  headersFooters: Record<string, string>;
}

export interface FakeSheet {
  name: string;
  cells: Map<string, FakeCell>;
  /** Column index -> width in points. */
  columnWidths: Map<number, number>;
  /** Row index (0-based) -> height in points, for rows whose height was set. */
  rowHeights: Map<number, number>;
  formats: { address: string; prop: string; value: unknown }[];
  freeze: { rows: number; columns: number } | null;
  pageLayout: FakePageLayout;
  tabColor: string | null;
  charts: FakeChart[];
  /** Rows (0-based) hidden by a filter or by hand: a Range's visible view leaves them out. */
  hiddenRows?: Set<number>;
  /** Columns (0-based) hidden. */
  hiddenColumns?: Set<number>;
  /** Column ranges (0-based, inclusive) grouped in an outline by `Range.group("ByColumns")`. */
  columnGroups?: { first: number; last: number }[];
}

export interface RequestRecord {
  /** 1-based number of the sync. */
  sync: number;
  bytes: number;
  actions: number;
  refused: boolean;
}

export interface LoggedAction {
  sync: number;
  kind: "set" | "call" | "load";
  /** Object path as text, e.g. workbook.worksheets.add("Summary").getRange("A1:C3") */
  target: string;
  name: string;
  args: unknown[];
}

export interface FakeError extends Error {
  code: string;
}

export function officeError(code: string, message: string): FakeError {
  const e = new Error(message) as FakeError;
  e.name = "RichApi.Error";
  e.code = code;
  return e;
}

// ---------------------------------------------------------------------------------------------
// Addresses

/**
 * Column letters from a 0-based index: src/engine/columnLetters.ts's rule, written again here
 * because this file has no imports: the Chromium tests transpile it alone into the page
 * (tests/taskpane/standIn.ts).
 */
export function colLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}


function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

const MAX_ROW = 1048575;
const MAX_COL = 16383;

/** "B3", "B3:D10", "$A$1:$B$2", "A:C", "3:5", "Sheet!A1" -> 0-based inclusive rectangle. */
export function parseAddress(address: string): Rect {
  const bang = address.lastIndexOf("!");
  const a = (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, "").toUpperCase();
  const [p, q] = a.split(":");
  const part = (s: string) => {
    const m = /^([A-Z]*)(\d*)$/.exec(s);
    if (!m || (m[1] === "" && m[2] === "")) throw officeError("InvalidArgument", `Bad address ${address}`);
    return { c: m[1] === "" ? null : colIndex(m[1]), r: m[2] === "" ? null : Number(m[2]) - 1 };
  };
  const s = part(p);
  const e = q === undefined ? s : part(q);
  return {
    r0: s.r ?? 0,
    c0: s.c ?? 0,
    r1: e.r ?? (s.r === null ? MAX_ROW : s.r),
    c1: e.c ?? (s.c === null ? MAX_COL : s.c),
  };
}

export function rectAddress(r: Rect): string {
  const s = `${colLetters(r.c0)}${r.r0 + 1}`;
  if (r.r0 === r.r1 && r.c0 === r.c1) return s;
  return `${s}:${colLetters(r.c1)}${r.r1 + 1}`;
}

function key(r: number, c: number): string {
  return `${r},${c}`;
}

function utf8Bytes(s: string): number {
  let bytes = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

const INVALID_SHEET_NAME = /[:\\/?*[\]]/;
const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;

// ---------------------------------------------------------------------------------------------
// The model: nodes that object paths resolve to.

interface Node {
  describe: string;
  /** The Office.js class this node stands for (e.g. "RangeFormat"), for the requirement sets of its members. */
  cls?: string;
  get?(prop: string): Node;
  call?(method: string, args: any[]): Node | void;
  set?(prop: string, value: any): void;
  read?(prop: string): any;
  /** For collections: the item nodes, for loads of items/… */
  items?(): Node[];
  isNull?: boolean;
}

/**
 * ExcelApi requirement set of each modelled member above 1.1, from the Office.js API reference
 * (learn.microsoft.com/javascript/api/excel; each class page gives "API set: ExcelApi 1.x" per
 * member). A member not listed here is ExcelApi 1.1.
 */
export const API_SETS: Readonly<Record<string, string>> = {
  "Application.suspendApiCalculationUntilNextSync": "1.6",
  "WorksheetCollection.getItemOrNullObject": "1.4",
  "TableCollection.getItemOrNullObject": "1.4",
  "Worksheet.freezePanes": "1.7",
  "Worksheet.tabColor": "1.7",
  "Worksheet.pageLayout": "1.9",
  "Worksheet.getRanges": "1.9",
  "Range.getResizedRange": "1.2",
  "Range.getVisibleView": "1.3",
  "Range.columnHidden": "1.2",
  "Range.group": "1.10",
  "Range.hideGroupDetails": "1.10",
  "RangeView.cellAddresses": "1.3",
  "Range.getTables": "1.9",
  "Range.getIntersectionOrNullObject": "1.4",
  "TableScopedCollection.getFirst": "1.9",
  "RangeFormat.columnWidth": "1.2",
  "RangeFormat.rowHeight": "1.2",
  "ChartSeriesCollection.add": "1.7",
  "ChartSeries.setValues": "1.7",
  "ChartSeries.setXAxisValues": "1.7",
  "ChartAxis.numberFormat": "1.8",
  "ChartAxis.reversePlotOrder": "1.7",
  "ChartAxis.position": "1.8",
  "ChartDataLabels.numberFormat": "1.8",
};

function versionNumber(v: string): number {
  const [major, minor] = v.split(".").map(Number);
  return major * 1000 + (minor || 0);
}

function unsupported(node: Node, what: string): never {
  throw officeError("ApiNotFound", `FakeExcel does not model ${node.describe}.${what}`);
}

function shapeMatrix(value: any, rows: number, cols: number, what: string): any[][] {
  if (!Array.isArray(value)) return Array.from({ length: rows }, () => Array.from({ length: cols }, () => value));
  if (value.length === 1 && Array.isArray(value[0]) && value[0].length === 1 && (rows !== 1 || cols !== 1)) {
    const v = value[0][0];
    return Array.from({ length: rows }, () => Array.from({ length: cols }, () => v));
  }
  if (value.length !== rows || value.some((r: any) => !Array.isArray(r) || r.length !== cols)) {
    throw officeError("InvalidArgument", `The ${what} array does not match the size of the range (${rows} x ${cols}).`);
  }
  return value;
}

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** How Excel types a value written to a cell (values and formulas both read input like typing). */
export function typeInput(v: any, numberFormat: string): FakeCell | null {
  if (v === null || v === undefined) return undefined as any; // unchanged
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw officeError("InvalidArgument", "A number must be finite.");
    return { kind: "number", value: v, numberFormat };
  }
  if (typeof v === "boolean") return { kind: "boolean", value: v, numberFormat };
  if (typeof v !== "string") throw officeError("InvalidArgument", `Unsupported cell value ${JSON.stringify(v)}`);
  if (v === "") return null; // empty
  if (numberFormat === "@") return { kind: "text", value: v, numberFormat };
  if (v.startsWith("=") && v.length > 1) return { kind: "formula", value: v, numberFormat };
  if (NUMBER_TEXT.test(v)) return { kind: "number", value: Number(v), numberFormat };
  if (/^[+\-@]./.test(v)) return { kind: "formula", value: `=${v}`, numberFormat };
  if (/^(true|false)$/i.test(v)) return { kind: "boolean", value: v.toLowerCase() === "true", numberFormat };
  return { kind: "text", value: v, numberFormat };
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  tables: FakeTable[] = [];
  names: string[] = [];
  active: FakeSheet | null = null;
  selection: { sheet: string; address: string } | null = null;
  calcSuspensions = 0;

  sheet(name: string): FakeSheet {
    const s = this.findSheet(name);
    if (!s) throw new Error(`No sheet ${name}; sheets are ${this.sheets.map((x) => x.name).join(", ")}`);
    return s;
  }

  findSheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  addSheet(name: string): FakeSheet {
    if (typeof name !== "string" || name.length === 0 || name.length > 31 || INVALID_SHEET_NAME.test(name) || /^'|'$/.test(name)) {
      throw officeError("InvalidArgument", `The sheet name "${name}" is not valid.`);
    }
    if (this.findSheet(name)) throw officeError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
    const sheet: FakeSheet = {
      name,
      cells: new Map(),
      columnWidths: new Map(),
      rowHeights: new Map(),
      formats: [],
      freeze: null,
      pageLayout: { orientation: null, paperSize: null, zoom: null, printTitleRows: null, headersFooters: {} },
      tabColor: null,
      charts: [],
    };
    this.sheets.push(sheet);
    if (!this.active) this.active = sheet;
    return sheet;
  }

  deleteSheet(sheet: FakeSheet): void {
    if (this.sheets.length === 1) throw officeError("InvalidOperation", "A workbook must keep at least one sheet.");
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.tables = this.tables.filter((t) => t.sheet !== sheet);
    if (this.active === sheet) this.active = this.sheets[0];
  }

  /** Cell contents as Excel would return `values`: "" for empty, the formula's text for formulas (no calc engine). */
  cellValue(sheet: FakeSheet, r: number, c: number): string | number | boolean {
    const cell = sheet.cells.get(key(r, c));
    return cell ? cell.value : "";
  }

  cell(sheetName: string, address: string): FakeCell | undefined {
    const { r0, c0 } = parseAddress(address);
    return this.sheet(sheetName).cells.get(key(r0, c0));
  }

  /** Values of a rectangle as a matrix (see cellValue). */
  values(sheetName: string, address: string): (string | number | boolean)[][] {
    const sheet = this.sheet(sheetName);
    const r = parseAddress(address);
    const out: (string | number | boolean)[][] = [];
    for (let i = r.r0; i <= r.r1; i++) {
      const row: (string | number | boolean)[] = [];
      for (let j = r.c0; j <= r.c1; j++) row.push(this.cellValue(sheet, i, j));
      out.push(row);
    }
    return out;
  }

  /** Seeds a sheet holding a table (header + rows) at `topLeft`, as a user's staff list. */
  seedTable(sheetName: string, tableName: string, topLeft: string, values: (string | number | boolean | null)[][]): FakeTable {
    const sheet = this.findSheet(sheetName) ?? this.addSheet(sheetName);
    const { r0, c0 } = parseAddress(topLeft);
    values.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === null || v === "") return;
        const typed: FakeCell =
          typeof v === "string" ? { kind: "text", value: v, numberFormat: "General" } : { kind: typeof v === "number" ? "number" : "boolean", value: v, numberFormat: "General" };
        sheet.cells.set(key(r0 + i, c0 + j), typed);
      }),
    );
    const table: FakeTable = {
      name: tableName,
      sheet,
      row: r0,
      col: c0,
      dataRows: Math.max(values.length - 1, 1),
      columns: values[0].map(String),
      style: "TableStyleMedium2",
      showTotals: false,
    };
    this.tables.push(table);
    return table;
  }

  tableRect(t: FakeTable, part: "all" | "body" | "header"): Rect {
    const c1 = t.col + t.columns.length - 1;
    if (part === "header") return { r0: t.row, c0: t.col, r1: t.row, c1 };
    if (part === "body") return { r0: t.row + 1, c0: t.col, r1: t.row + t.dataRows, c1 };
    return { r0: t.row, c0: t.col, r1: t.row + t.dataRows + (t.showTotals ? 1 : 0), c1 };
  }
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

class WorkbookNode implements Node {
  describe = "workbook";
  cls = "Workbook";
  constructor(private wb: FakeWorkbook) {}
  get(prop: string): Node {
    if (prop === "worksheets") return new WorksheetsNode(this.wb);
    if (prop === "tables") return new TablesNode(this.wb, null);
    if (prop === "names") return new NamesNode(this.wb);
    if (prop === "application") return new ApplicationNode(this.wb);
    return unsupported(this, prop);
  }
  call(method: string): Node {
    if (method === "getSelectedRange") {
      const sel = this.wb.selection;
      if (!sel) throw officeError("InvalidSelection", "The current selection is not a range.");
      return new RangeNode(this.wb, this.wb.sheet(sel.sheet), parseAddress(sel.address));
    }
    return unsupported(this, `${method}()`);
  }
}

class ApplicationNode implements Node {
  describe = "workbook.application";
  cls = "Application";
  constructor(private wb: FakeWorkbook) {}
  call(method: string): void {
    if (method === "suspendApiCalculationUntilNextSync") {
      this.wb.calcSuspensions++;
      return;
    }
    unsupported(this, `${method}()`);
  }
}

class NamesNode implements Node {
  describe = "workbook.names";
  cls = "NamedItemCollection";
  constructor(private wb: FakeWorkbook) {}
  items(): Node[] {
    return this.wb.names.map((n) => ({ describe: `name ${n}`, read: (p: string) => (p === "name" ? n : undefined) }));
  }
}

class WorksheetsNode implements Node {
  describe = "workbook.worksheets";
  cls = "WorksheetCollection";
  constructor(private wb: FakeWorkbook) {}
  items(): Node[] {
    return this.wb.sheets.map((s) => new SheetNode(this.wb, s));
  }
  call(method: string, args: any[]): Node {
    if (method === "add") return new SheetNode(this.wb, this.wb.addSheet(args[0]));
    if (method === "getItem") {
      const s = this.wb.findSheet(args[0]);
      if (!s) throw officeError("ItemNotFound", `No sheet named "${args[0]}".`);
      return new SheetNode(this.wb, s);
    }
    if (method === "getItemOrNullObject") {
      const s = this.wb.findSheet(args[0]);
      return s ? new SheetNode(this.wb, s) : new NullNode("worksheet");
    }
    if (method === "getActiveWorksheet") return new SheetNode(this.wb, this.wb.active!);
    return unsupported(this, `${method}()`);
  }
}

class NullNode implements Node {
  isNull = true;
  constructor(public describe: string) {}
  read(): any {
    return undefined;
  }
}

class SheetNode implements Node {
  describe: string;
  cls = "Worksheet";
  constructor(
    private wb: FakeWorkbook,
    readonly sheet: FakeSheet,
  ) {
    this.describe = `worksheet "${sheet.name}"`;
  }
  private live(): FakeSheet {
    if (!this.wb.sheets.includes(this.sheet)) throw officeError("ItemNotFound", `The sheet "${this.sheet.name}" was deleted.`);
    return this.sheet;
  }
  read(prop: string): any {
    if (prop === "name") return this.live().name;
    if (prop === "tabColor") return this.live().tabColor ?? "";
    return unsupported(this, prop);
  }
  set(prop: string, value: any): void {
    const s = this.live();
    if (prop === "tabColor") s.tabColor = value;
    else if (prop === "name") {
      if (this.wb.findSheet(value) && this.wb.findSheet(value) !== s) throw officeError("ItemAlreadyExists", `A sheet named "${value}" already exists.`);
      s.name = value;
    } else unsupported(this, prop);
  }
  get(prop: string): Node {
    const s = this.live();
    if (prop === "tables") return new TablesNode(this.wb, s);
    if (prop === "charts") return new ChartsNode(this.wb, s);
    if (prop === "freezePanes") return new FreezePanesNode(s);
    if (prop === "pageLayout") return new PageLayoutNode(s);
    return unsupported(this, prop);
  }
  call(method: string, args: any[]): Node | void {
    const s = this.live();
    if (method === "getRange") return new RangeNode(this.wb, s, parseAddress(args[0] ?? "A1"));
    if (method === "getRanges") {
      // "A1:B2, A5:B5" or "A1:B2; A5:B5" (the API reference's examples); each area on this sheet.
      const areas = String(args[0] ?? "").split(/[,;]/).map((a) => a.trim());
      if (areas.some((a) => a === "")) throw officeError("InvalidArgument", `getRanges: bad address list "${args[0]}"`);
      return new RangeAreasNode(s, areas.map(parseAddress));
    }
    if (method === "activate") {
      this.wb.active = s;
      return;
    }
    if (method === "delete") {
      this.wb.deleteSheet(s);
      return;
    }
    return unsupported(this, `${method}()`);
  }
}

class RangeNode implements Node {
  describe: string;
  cls = "Range";
  constructor(
    private wb: FakeWorkbook,
    readonly sheet: FakeSheet,
    readonly rect: Rect,
  ) {
    this.describe = `range ${sheet.name}!${rectAddress(rect)}`;
  }
  private get rows() {
    return this.rect.r1 - this.rect.r0 + 1;
  }
  private get cols() {
    return this.rect.c1 - this.rect.c0 + 1;
  }
  read(prop: string): any {
    const { r0, c0, r1, c1 } = this.rect;
    if (prop === "address") return `${/[^A-Za-z0-9_]/.test(this.sheet.name) ? `'${this.sheet.name.replace(/'/g, "''")}'` : this.sheet.name}!${rectAddress(this.rect)}`;
    if (prop === "rowCount") return this.rows;
    if (prop === "columnCount") return this.cols;
    if (prop === "columnHidden") {
      // true when every column is hidden, false when none, null when some (as Excel answers).
      const hidden = [...Array(this.cols).keys()].filter((j) => this.sheet.hiddenColumns?.has(c0 + j)).length;
      return hidden === this.cols ? true : hidden === 0 ? false : null;
    }
    if (prop === "values" || prop === "formulas" || prop === "numberFormat" || prop === "text") {
      if (this.rows * this.cols > 5_000_000) return null;
      const out: any[][] = [];
      for (let r = r0; r <= r1; r++) {
        const row: any[] = [];
        for (let c = c0; c <= c1; c++) {
          const cell = this.sheet.cells.get(key(r, c));
          if (prop === "numberFormat") row.push(cell?.numberFormat ?? "General");
          else if (prop === "text") row.push(cell ? String(cell.value) : "");
          else if (prop === "values" && cell?.kind === "formula") row.push(0);
          else row.push(cell ? cell.value : "");
        }
        out.push(row);
      }
      return out;
    }
    return unsupported(this, prop);
  }
  set(prop: string, value: any): void {
    const { r0, c0 } = this.rect;
    if (prop === "columnHidden") {
      const hidden = (this.sheet.hiddenColumns ??= new Set());
      for (let c = c0; c <= this.rect.c1; c++) {
        if (value) hidden.add(c);
        else hidden.delete(c);
      }
      return;
    }
    if (prop === "numberFormat") {
      const m = shapeMatrix(value, this.rows, this.cols, "numberFormat");
      for (let i = 0; i < this.rows; i++) {
        for (let j = 0; j < this.cols; j++) {
          const f = m[i][j];
          if (f === null || f === undefined) continue;
          if (typeof f !== "string") throw officeError("InvalidArgument", "A number format must be text.");
          const k = key(r0 + i, c0 + j);
          const cell = this.sheet.cells.get(k);
          if (cell) cell.numberFormat = f;
          else this.sheet.cells.set(k, { kind: "text", value: "", numberFormat: f });
        }
      }
      return;
    }
    if (prop === "values" || prop === "formulas") {
      const m = shapeMatrix(value, this.rows, this.cols, prop);
      for (let i = 0; i < this.rows; i++) {
        for (let j = 0; j < this.cols; j++) {
          const k = key(r0 + i, c0 + j);
          const existing = this.sheet.cells.get(k);
          const fmt = existing?.numberFormat ?? "General";
          const typed = typeInput(m[i][j], fmt);
          if (typed === undefined) continue;
          if (typed === null) {
            if (fmt === "General") this.sheet.cells.delete(k);
            else this.sheet.cells.set(k, { kind: "text", value: "", numberFormat: fmt });
          } else this.sheet.cells.set(k, typed);
        }
      }
      return;
    }
    unsupported(this, prop);
  }
  get(prop: string): Node {
    if (prop === "format") return new FormatNode(this.sheet, [this.rect], "format");
    return unsupported(this, prop);
  }
  call(method: string, args: any[]): Node {
    if (method === "getTables") return new TableScopedNode(this.wb, this.sheet, this.rect);
    if (method === "group" || method === "hideGroupDetails") {
      if (args[0] !== "ByColumns" && args[0] !== "ByRows") throw officeError("InvalidArgument", `${method} takes "ByColumns" or "ByRows".`);
      if (args[0] === "ByColumns") {
        const { c0, c1 } = this.rect;
        if (method === "group") (this.sheet.columnGroups ??= []).push({ first: c0, last: c1 });
        else {
          if (!(this.sheet.columnGroups ?? []).some((g) => g.first <= c0 && g.last >= c1)) throw officeError("InvalidOperation", "hideGroupDetails: these columns are not grouped.");
          const hidden = (this.sheet.hiddenColumns ??= new Set());
          for (let c = c0; c <= c1; c++) hidden.add(c);
        }
      }
      return new NullNode(`${method} returns nothing`);
    }
    if (method === "getIntersectionOrNullObject") {
      const other = args[0];
      if (!(other instanceof RangeNode)) throw officeError("InvalidArgument", "getIntersectionOrNullObject needs a Range.");
      const r = { r0: Math.max(this.rect.r0, other.rect.r0), c0: Math.max(this.rect.c0, other.rect.c0), r1: Math.min(this.rect.r1, other.rect.r1), c1: Math.min(this.rect.c1, other.rect.c1) };
      if (other.sheet !== this.sheet || r.r0 > r.r1 || r.c0 > r.c1) return new NullNode(`no intersection of ${this.describe} and ${other.describe}`);
      return new RangeNode(this.wb, this.sheet, r);
    }
    if (method === "getCell") {
      const r = this.rect.r0 + args[0];
      const c = this.rect.c0 + args[1];
      return new RangeNode(this.wb, this.sheet, { r0: r, c0: c, r1: r, c1: c });
    }
    if (method === "getResizedRange") {
      return new RangeNode(this.wb, this.sheet, { ...this.rect, r1: this.rect.r1 + args[0], c1: this.rect.c1 + args[1] });
    }
    if (method === "getColumn") {
      const c = this.rect.c0 + args[0];
      return new RangeNode(this.wb, this.sheet, { r0: this.rect.r0, c0: c, r1: this.rect.r1, c1: c });
    }
    if (method === "getVisibleView") return new RangeViewNode(this.sheet, this.rect);
    if (method === "select") {
      this.wb.active = this.sheet;
      this.wb.selection = { sheet: this.sheet.name, address: rectAddress(this.rect) };
      return new NullNode("select returns nothing");
    }
    return unsupported(this, `${method}()`);
  }
}

/** `range.getVisibleView()`: the cells of the range in rows and columns that are not hidden. */
class RangeViewNode implements Node {
  describe: string;
  cls = "RangeView";
  constructor(
    readonly sheet: FakeSheet,
    readonly rect: Rect,
  ) {
    this.describe = `visible view of ${sheet.name}!${rectAddress(rect)}`;
  }
  read(prop: string): any {
    if (prop !== "cellAddresses") return unsupported(this, prop);
    const { r0, c0, r1, c1 } = this.rect;
    const sheetName = /[^A-Za-z0-9_]/.test(this.sheet.name) ? `'${this.sheet.name.replace(/'/g, "''")}'` : this.sheet.name;
    const out: string[][] = [];
    for (let r = r0; r <= r1; r++) {
      if (this.sheet.hiddenRows?.has(r)) continue;
      const row: string[] = [];
      for (let c = c0; c <= c1; c++) if (!this.sheet.hiddenColumns?.has(c)) row.push(`${sheetName}!${rectAddress({ r0: r, c0: c, r1: r, c1: c })}`);
      if (row.length > 0) out.push(row);
    }
    return out;
  }
  set(prop: string): void {
    unsupported(this, prop);
  }
  get(prop: string): Node {
    return unsupported(this, prop);
  }
  call(method: string): Node {
    return unsupported(this, `${method}()`);
  }
}

/** `worksheet.getRanges(…)`: several rectangles of one sheet; its `format` applies to all of them. */
class RangeAreasNode implements Node {
  describe: string;
  cls = "RangeAreas";
  constructor(
    private sheet: FakeSheet,
    private rects: Rect[],
  ) {
    this.describe = `range areas ${sheet.name}!${rects.map(rectAddress).join(",")}`;
  }
  get(prop: string): Node {
    if (prop === "format") return new FormatNode(this.sheet, this.rects, "format");
    return unsupported(this, prop);
  }
}

const FORMAT_CLASSES: Record<string, string> = { format: "RangeFormat", font: "RangeFont", fill: "RangeFill", borders: "RangeBorderCollection" };

/** Excel's highest row height, in points. */
const MAX_ROW_HEIGHT = 409;

class FormatNode implements Node {
  cls: string;
  constructor(
    private sheet: FakeSheet,
    private rects: Rect[],
    readonly describe: string,
  ) {
    this.cls = FORMAT_CLASSES[describe.split(".").pop()!] ?? "RangeBorder";
  }
  get(prop: string): Node {
    if (prop === "font" || prop === "fill" || prop === "borders") return new FormatNode(this.sheet, this.rects, `${this.describe}.${prop}`);
    return unsupported(this, prop);
  }
  call(method: string, args: any[]): Node {
    if (this.describe.endsWith("borders") && method === "getItem") return new FormatNode(this.sheet, this.rects, `${this.describe}.${args[0]}`);
    return unsupported(this, `${method}()`);
  }
  set(prop: string, value: any): void {
    if (this.cls === "RangeFormat" && prop === "columnWidth") {
      if (typeof value !== "number" || value < 0) throw officeError("InvalidArgument", "columnWidth must be a number of points.");
      for (const rect of this.rects) for (let c = rect.c0; c <= rect.c1; c++) this.sheet.columnWidths.set(c, value);
      return;
    }
    if (this.cls === "RangeFormat" && prop === "rowHeight") {
      if (typeof value !== "number" || !Number.isFinite(value) || value < 0 || value > MAX_ROW_HEIGHT)
        throw officeError("InvalidArgument", `rowHeight must be a number of points from 0 to ${MAX_ROW_HEIGHT}.`);
      for (const rect of this.rects) for (let r = rect.r0; r <= rect.r1; r++) this.sheet.rowHeights.set(r, value);
      return;
    }
    const address = this.rects.map(rectAddress).join(",");
    const allowed = ["bold", "italic", "size", "color", "wrapText", "horizontalAlignment", "style"];
    if (!allowed.includes(prop)) unsupported(this, prop);
    if (prop === "horizontalAlignment" && !["General", "Left", "Center", "Right", "Fill", "Justify", "CenterAcrossSelection", "Distributed"].includes(value)) {
      throw officeError("InvalidArgument", `Bad horizontalAlignment ${value}`);
    }
    this.sheet.formats.push({ address, prop: `${this.describe}.${prop}`, value });
  }
}

class TablesNode implements Node {
  describe: string;
  cls = "TableCollection";
  constructor(
    private wb: FakeWorkbook,
    private sheet: FakeSheet | null,
  ) {
    this.describe = sheet ? `worksheet "${sheet.name}".tables` : "workbook.tables";
  }
  items(): Node[] {
    return this.wb.tables.filter((t) => !this.sheet || t.sheet === this.sheet).map((t) => new TableNode(this.wb, t));
  }
  call(method: string, args: any[]): Node {
    if (method === "getItem" || method === "getItemOrNullObject") {
      const t = this.wb.tables.find((x) => x.name.toLowerCase() === String(args[0]).toLowerCase() && (!this.sheet || x.sheet === this.sheet));
      if (t) return new TableNode(this.wb, t);
      if (method === "getItemOrNullObject") return new NullNode(`table "${args[0]}" (none)`);
      throw officeError("ItemNotFound", `No table named "${args[0]}".`);
    }
    if (method === "add") {
      let sheet = this.sheet;
      let address = args[0];
      if (address && typeof address === "object" && address instanceof RangeNode) {
        sheet = address.sheet;
        address = rectAddress(address.rect);
      }
      if (!sheet) {
        const bang = String(address).lastIndexOf("!");
        sheet = this.wb.sheet(String(address).slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'"));
      }
      const rect = parseAddress(String(address));
      if (!args[1]) unsupported(this, "add(…, hasHeaders=false)");
      for (const t of this.wb.tables) {
        if (t.sheet === sheet && overlaps(this.wb.tableRect(t, "all"), rect)) throw officeError("InvalidArgument", "A table cannot overlap another table.");
      }
      const columns: string[] = [];
      for (let c = rect.c0; c <= rect.c1; c++) {
        const cell = sheet.cells.get(key(rect.r0, c));
        let header = cell && cell.value !== "" ? String(cell.value) : `Column${c - rect.c0 + 1}`;
        if (cell?.kind === "formula") throw officeError("InvalidArgument", "FakeExcel: a table header holds a formula");
        while (columns.some((h) => h.toLowerCase() === header.toLowerCase())) header = `${header}2`;
        columns.push(header);
      }
      let n = this.wb.tables.length + 1;
      while (this.wb.tables.some((t) => t.name.toLowerCase() === `table${n}`)) n++;
      const table: FakeTable = {
        name: `Table${n}`,
        sheet,
        row: rect.r0,
        col: rect.c0,
        dataRows: Math.max(rect.r1 - rect.r0, 1),
        columns,
        style: "TableStyleMedium2",
        showTotals: false,
      };
      this.wb.tables.push(table);
      return new TableNode(this.wb, table);
    }
    return unsupported(this, `${method}()`);
  }
}

class TableScopedNode implements Node {
  describe = "range.getTables()";
  cls = "TableScopedCollection";
  constructor(
    private wb: FakeWorkbook,
    private sheet: FakeSheet,
    private rect: Rect,
  ) {}
  private found(): FakeTable[] {
    return this.wb.tables.filter((x) => x.sheet === this.sheet && overlaps(this.wb.tableRect(x, "all"), this.rect));
  }
  items(): Node[] {
    return this.found().map((t) => new TableNode(this.wb, t));
  }
  call(method: string): Node {
    const t = this.found()[0];
    if (method === "getFirst") {
      if (!t) throw officeError("ItemNotFound", "The range is in no table.");
      return new TableNode(this.wb, t);
    }
    return unsupported(this, `${method}()`);
  }
}

class TableNode implements Node {
  describe: string;
  cls = "Table";
  constructor(
    private wb: FakeWorkbook,
    readonly table: FakeTable,
  ) {
    this.describe = `table "${table.name}"`;
  }
  read(prop: string): any {
    const t = this.table;
    if (prop === "name") return t.name;
    if (prop === "showTotals") return t.showTotals;
    if (prop === "showHeaders") return true;
    if (prop === "style") return t.style;
    return unsupported(this, prop);
  }
  set(prop: string, value: any): void {
    const t = this.table;
    if (prop === "name") {
      if (typeof value !== "string" || !TABLE_NAME.test(value) || value.length > 255) throw officeError("InvalidArgument", `The table name "${value}" is not valid.`);
      const clash = this.wb.tables.some((x) => x !== t && x.name.toLowerCase() === value.toLowerCase()) || this.wb.names.some((n) => n.toLowerCase() === value.toLowerCase());
      if (clash) throw officeError("ItemAlreadyExists", `The name "${value}" is already in use.`);
      t.name = value;
    } else if (prop === "style") t.style = value;
    else if (prop === "showTotals") {
      if (value && !t.showTotals) {
        const r = t.row + t.dataRows + 1;
        const sheet = t.sheet;
        for (let c = 0; c < t.columns.length; c++) sheet.cells.delete(key(r, t.col + c));
        sheet.cells.set(key(r, t.col), { kind: "text", value: "Total", numberFormat: "General" });
        const last = t.col + t.columns.length - 1;
        if (t.columns.length > 1) sheet.cells.set(key(r, last), { kind: "formula", value: `=SUBTOTAL(109,[${t.columns[t.columns.length - 1]}])`, numberFormat: "General" });
      }
      t.showTotals = Boolean(value);
    } else unsupported(this, prop);
  }
  get(prop: string): Node {
    if (prop === "worksheet") return new SheetNode(this.wb, this.table.sheet);
    if (prop === "columns") {
      const t = this.table;
      return {
        describe: `${this.describe}.columns`,
        items: () => t.columns.map((name) => ({ describe: `column ${name}`, read: (p: string) => (p === "name" ? name : unsupported({ describe: "column" }, p)) })),
      };
    }
    return unsupported(this, prop);
  }
  call(method: string): Node {
    if (method === "getRange") return new RangeNode(this.wb, this.table.sheet, this.wb.tableRect(this.table, "all"));
    if (method === "getDataBodyRange") return new RangeNode(this.wb, this.table.sheet, this.wb.tableRect(this.table, "body"));
    if (method === "getHeaderRowRange") return new RangeNode(this.wb, this.table.sheet, this.wb.tableRect(this.table, "header"));
    return unsupported(this, `${method}()`);
  }
}

class ChartsNode implements Node {
  describe: string;
  cls = "ChartCollection";
  constructor(
    private wb: FakeWorkbook,
    private sheet: FakeSheet,
  ) {
    this.describe = `worksheet "${sheet.name}".charts`;
  }
  call(method: string, args: any[]): Node {
    if (method !== "add") return unsupported(this, `${method}()`);
    const [type, source, seriesBy] = args;
    if (!["ColumnClustered", "BarClustered", "Line", "Pie"].includes(type)) throw officeError("InvalidArgument", `Chart type ${type}`);
    if (!(source instanceof RangeNode)) throw officeError("InvalidArgument", "charts.add needs a Range.");
    const rect = source.rect;
    const byRows = seriesBy === "Rows";
    const count = byRows ? rect.r1 - rect.r0 + 1 : rect.c1 - rect.c0 + 1;
    const chart: FakeChart = {
      type,
      source: rectAddress(rect),
      seriesBy: seriesBy ?? "Auto",
      title: "",
      series: Array.from({ length: count }, (_, i) => ({
        name: `Series${i + 1}`,
        values: rectAddress(byRows ? { ...rect, r0: rect.r0 + i, r1: rect.r0 + i } : { ...rect, c0: rect.c0 + i, c1: rect.c0 + i }),
        xValues: null,
      })),
      legendPosition: null,
      legendVisible: null,
      valueAxisNumberFormat: null,
      valueAxisMinimum: null,
      categoryAxisReversed: null,
      categoryAxisPosition: null,
      dataLabels: null,
      position: null,
    };
    this.sheet.charts.push(chart);
    return new ChartNode(chart);
  }
}

const LEGEND_POSITIONS = ["Top", "Bottom", "Left", "Right", "Corner", "Custom"];
const DATA_LABEL_POSITIONS = ["None", "Center", "InsideEnd", "InsideBase", "OutsideEnd", "Left", "Right", "Top", "Bottom", "BestFit", "Callout"];
const AXIS_POSITIONS = ["Automatic", "Maximum", "Minimum", "Custom"];

function oneOf(what: string, value: any, allowed: string[]): void {
  if (!allowed.includes(value)) throw officeError("InvalidArgument", `${what} must be one of ${allowed.join(", ")}; got ${JSON.stringify(value)}`);
}

function booleanValue(what: string, value: any): boolean {
  if (typeof value !== "boolean") throw officeError("InvalidArgument", `${what} must be true or false`);
  return value;
}

/** ChartFill.setSolidColor takes "#RRGGBB" (or "RRGGBB") or an HTML colour name. */
function solidColor(value: any): string {
  if (typeof value !== "string" || !/^(#?[0-9A-Fa-f]{6}|[A-Za-z]+)$/.test(value)) throw officeError("InvalidArgument", `setSolidColor: bad colour ${JSON.stringify(value)}`);
  return value;
}

class ChartNode implements Node {
  describe = "chart";
  cls = "Chart";
  constructor(private chart: FakeChart) {}
  get(prop: string): Node {
    const ch = this.chart;
    if (prop === "title")
      return { describe: "chart.title", cls: "ChartTitle", set: (p: string, v: any) => (p === "text" ? void (ch.title = v) : unsupported(this, `title.${p}`)) };
    if (prop === "legend")
      return {
        describe: "chart.legend",
        cls: "ChartLegend",
        set: (p: string, v: any) => {
          if (p === "position") {
            oneOf("legend.position", v, LEGEND_POSITIONS);
            ch.legendPosition = v;
          } else if (p === "visible") ch.legendVisible = booleanValue("legend.visible", v);
          else unsupported(this, `legend.${p}`);
        },
      };
    if (prop === "axes")
      return {
        describe: "chart.axes",
        cls: "ChartAxes",
        get: (p: string) => {
          if (p === "valueAxis")
            return {
              describe: "chart.axes.valueAxis",
              cls: "ChartAxis",
              set: (q: string, v: any) => {
                if (q === "numberFormat") ch.valueAxisNumberFormat = v;
                else if (q === "minimum") {
                  if (!(v === "" || (typeof v === "number" && Number.isFinite(v)))) throw officeError("InvalidArgument", "axis minimum must be a number or \"\" (automatic)");
                  ch.valueAxisMinimum = v === "" ? null : v;
                } else unsupported(this, `valueAxis.${q}`);
              },
            };
          if (p === "categoryAxis")
            return {
              describe: "chart.axes.categoryAxis",
              cls: "ChartAxis",
              set: (q: string, v: any) => {
                if (q === "reversePlotOrder") ch.categoryAxisReversed = booleanValue("categoryAxis.reversePlotOrder", v);
                else if (q === "position") {
                  oneOf("categoryAxis.position", v, AXIS_POSITIONS);
                  ch.categoryAxisPosition = v;
                } else unsupported(this, `categoryAxis.${q}`);
              },
            };
          return unsupported(this, `axes.${p}`);
        },
      };
    if (prop === "dataLabels")
      return {
        describe: "chart.dataLabels",
        cls: "ChartDataLabels",
        set: (p: string, v: any) => {
          const labels = (ch.dataLabels ??= {});
          if (p === "showValue") labels.showValue = booleanValue("dataLabels.showValue", v);
          else if (p === "position") {
            oneOf("dataLabels.position", v, DATA_LABEL_POSITIONS);
            labels.position = v;
          } else if (p === "numberFormat") labels.numberFormat = v;
          else unsupported(this, `dataLabels.${p}`);
        },
      };
    if (prop === "series")
      return {
        describe: "chart.series",
        cls: "ChartSeriesCollection",
        call: (m: string, args: any[]) => {
          if (m === "getItemAt") {
            const s = ch.series[args[0]];
            if (!s) throw officeError("ItemNotFound", `No series ${args[0]}`);
            return seriesNode(s);
          }
          if (m === "add") {
            const s: FakeSeries = { name: args[0] ?? `Series${ch.series.length + 1}`, values: "", xValues: null };
            ch.series.push(s);
            return seriesNode(s);
          }
          return unsupported(this, `series.${m}()`);
        },
      };
    return unsupported(this, prop);
  }
  call(method: string, args: any[]): void {
    if (method === "setPosition") {
      this.chart.position = [String(args[0]), String(args[1])];
      return;
    }
    unsupported(this, `${method}()`);
  }
}

function seriesNode(s: FakeSeries): Node {
  return {
    describe: "chart series",
    cls: "ChartSeries",
    set: (p: string, v: any) => (p === "name" ? void (s.name = v) : unsupported({ describe: "series" }, p)),
    get: (p: string) => {
      if (p !== "format") return unsupported({ describe: "series" }, p);
      return {
        describe: "chart series.format",
        cls: "ChartSeriesFormat",
        get: (q: string) => {
          if (q !== "fill") return unsupported({ describe: "series.format" }, q);
          return {
            describe: "chart series.format.fill",
            cls: "ChartFill",
            call: (m: string, args: any[]) => {
              if (m !== "setSolidColor") return unsupported({ describe: "series.format.fill" }, `${m}()`);
              s.color = solidColor(args[0]);
            },
          };
        },
      };
    },
    call: (m: string, args: any[]) => {
      const r = args[0];
      if (!(r instanceof RangeNode)) throw officeError("InvalidArgument", `${m} needs a Range.`);
      if (m === "setValues") s.values = rectAddress(r.rect);
      else if (m === "setXAxisValues") s.xValues = rectAddress(r.rect);
      else unsupported({ describe: "series" }, `${m}()`);
    },
  };
}

class FreezePanesNode implements Node {
  describe = "freezePanes";
  cls = "WorksheetFreezePanes";
  constructor(private sheet: FakeSheet) {}
  call(method: string, args: any[]): void {
    if (method === "freezeRows") this.sheet.freeze = { rows: args[0], columns: 0 };
    else if (method === "freezeColumns") this.sheet.freeze = { rows: 0, columns: args[0] };
    else if (method === "freezeAt") {
      const r = parseAddress(String(args[0]));
      this.sheet.freeze = { rows: r.r1 + 1, columns: r.c1 + 1 };
    } else if (method === "unfreeze") this.sheet.freeze = null;
    else unsupported(this, `${method}()`);
  }
}

const HF_PROPS = ["leftFooter", "centerFooter", "rightFooter", "leftHeader", "centerHeader", "rightHeader"];

class PageLayoutNode implements Node {
  describe = "pageLayout";
  cls = "PageLayout";
  constructor(private sheet: FakeSheet) {}
  set(prop: string, value: any): void {
    const pl = this.sheet.pageLayout;
    if (prop === "orientation") {
      if (value !== "Portrait" && value !== "Landscape") throw officeError("InvalidArgument", `orientation ${value}`);
      pl.orientation = value;
    } else if (prop === "paperSize") pl.paperSize = value;
    else if (prop === "printOrder") {
      oneOf("printOrder", value, ["DownThenOver", "OverThenDown"]);
      pl.printOrder = value;
    }
    else if (prop === "zoom") {
      if (!value || typeof value !== "object") throw officeError("InvalidArgument", "zoom must be an object");
      if (value.scale !== undefined && value.scale !== null && (value.horizontalFitToPages || value.verticalFitToPages)) {
        throw officeError("InvalidArgument", "zoom: scale and fit-to-pages are exclusive");
      }
      // PageLayoutZoomOptions: a number of pages, or null for the dimension left free (the typings
      // document null, not 0); the scale 10 to 400.
      for (const k of ["horizontalFitToPages", "verticalFitToPages"]) {
        const v = value[k];
        if (v !== undefined && v !== null && !(Number.isInteger(v) && v >= 1)) throw officeError("InvalidArgument", `zoom.${k} ${v}: a number of pages, or null`);
      }
      if (value.scale !== undefined && value.scale !== null && !(value.scale >= 10 && value.scale <= 400)) throw officeError("InvalidArgument", `zoom.scale ${value.scale}`);
      pl.zoom = value;
    } else unsupported(this, prop);
  }
  call(method: string, args: any[]): void {
    if (method === "setPrintTitleRows") {
      if (!/^\$\d+:\$\d+$/.test(String(args[0]))) throw officeError("InvalidArgument", `print title rows ${args[0]}`);
      this.sheet.pageLayout.printTitleRows = String(args[0]);
      return;
    }
    if (method === "setPrintTitleColumns") {
      if (!/^\$[A-Z]+:\$[A-Z]+$/.test(String(args[0]))) throw officeError("InvalidArgument", `print title columns ${args[0]}`);
      this.sheet.pageLayout.printTitleColumns = String(args[0]);
      return;
    }
    unsupported(this, `${method}()`);
  }
  get(prop: string): Node {
    const pl = this.sheet.pageLayout;
    if (prop === "headersFooters")
      return {
        describe: "pageLayout.headersFooters",
        cls: "HeaderFooterGroup",
        get: (p: string) => {
          if (p !== "defaultForAllPages") return unsupported(this, `headersFooters.${p}`);
          return {
            describe: "pageLayout.headersFooters.defaultForAllPages",
            cls: "HeaderFooter",
            set: (q: string, v: any) => {
              if (!HF_PROPS.includes(q)) unsupported(this, `defaultForAllPages.${q}`);
              pl.headersFooters[q] = v;
            },
          };
        },
      };
    return unsupported(this, prop);
  }
}

// ---------------------------------------------------------------------------------------------
// Proxies and the request queue

interface PathInfo {
  id: number;
  parent: number | null;
  type: "root" | "prop" | "method" | "item";
  name: string;
  args: any[];
}

interface Action {
  kind: "set" | "call" | "load";
  target: number;
  name: string;
  args: any[];
  /** For calls that return an object: the proxy id of the result. */
  result?: number;
}

const SCALARS = new Set(["name", "values", "formulas", "numberFormat", "text", "address", "rowCount", "columnCount", "items", "isNullObject", "showTotals", "showHeaders", "style", "tabColor", "count"]);
const PROXY_ID = Symbol("fakeProxyId");

export interface FakeOptions {
  /** Requests bigger than this are refused (default 5,000,000 bytes, Excel on the web). Infinity to accept all. */
  requestLimitBytes?: number;
  /** Responses bigger than this are refused (default 5,000,000 bytes, Excel on the web). */
  responseLimitBytes?: number;
  /** Called for every action as it runs; return an error code (e.g. "GeneralException") to make it fail. */
  failWhen?: (a: LoggedAction) => string | null | undefined | false;
  /**
   * The highest ExcelApi requirement set this Excel supports (e.g. "1.7"); using a member of a later
   * set (API_SETS) fails with ApiNotFound. Default: every set.
   */
  excelApi?: string;
  /**
   * What is asked of a null object (from a *OrNullObject method): "propagate" (default) answers
   * null objects for its navigation and method calls, and isNullObject for its loads, without
   * failing the request (public add-in code relies on this, e.g. `tables.getItemOrNullObject(x).getRange()`
   * in the batch that tests isNullObject; the API reference does not say, and no real Excel was tried here);
   * "fail" refuses the request (InvalidObjectPath), for code that must cope with an Excel that does.
   * Setting a property on a null object always fails.
   */
  nullObjects?: "propagate" | "fail";
}

export class FakeExcel {
  readonly workbook = new FakeWorkbook();
  readonly requests: RequestRecord[] = [];
  readonly log: LoggedAction[] = [];
  syncs = 0;
  requestLimitBytes: number;
  responseLimitBytes: number;
  private responseBytes = 0;
  failWhen: FakeOptions["failWhen"];
  excelApi: string | undefined;
  nullObjects: "propagate" | "fail";

  private nextId = 1;
  private paths = new Map<number, PathInfo>();
  private sentPaths = new Set<number>();
  private nodes = new Map<number, Node>();
  private loaded: Map<number, Record<string, any>> = new Map<number, Record<string, any>>();
  private pending: Action[] = [];
  private childProxies = new Map<number, Map<string, { callable: any; navId: number }>>();

  constructor(options: FakeOptions = {}) {
    this.requestLimitBytes = options.requestLimitBytes ?? 5_000_000;
    this.responseLimitBytes = options.responseLimitBytes ?? 5_000_000;
    this.failWhen = options.failWhen;
    this.excelApi = options.excelApi;
    this.nullObjects = options.nullObjects ?? "propagate";
  }

  /** Whether this Excel has `isSetSupported("ExcelApi", version)`, as Office.context.requirements answers. */
  isSetSupported(set: string, version: string): boolean {
    if (set !== "ExcelApi" || this.excelApi === undefined) return true;
    return versionNumber(version) <= versionNumber(this.excelApi);
  }

  /** Fails, as an older Excel does, when `node`'s member belongs to a requirement set this Excel lacks. */
  private requireApi(node: Node, member: string): void {
    if (this.excelApi === undefined || !node.cls) return;
    const needs = API_SETS[`${node.cls}.${member}`];
    if (needs && versionNumber(needs) > versionNumber(this.excelApi)) {
      throw officeError("ApiNotFound", `${node.cls}.${member} needs ExcelApi ${needs}; this Excel has ExcelApi ${this.excelApi}.`);
    }
  }

  /** A new RequestContext (as Excel.run gives) on this workbook. */
  createContext(): Excel.RequestContext {
    const rootId = this.newPath(null, "root", "workbook", []);
    this.nodes.set(rootId, new WorkbookNode(this.workbook));
    const workbook = this.proxy(rootId);
    const ctx = {
      workbook,
      sync: () => this.sync(),
      trackedObjects: { add() {}, remove() {} },
    };
    return ctx as unknown as Excel.RequestContext;
  }

  /** Excel.run: runs the batch with a fresh context, then sends anything still queued. */
  async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const ctx = this.createContext();
    const result = await batch(ctx);
    if (this.pending.length > 0) await this.sync();
    return result;
  }

  get pendingActions(): number {
    return this.pending.length;
  }

  get largestRequestBytes(): number {
    return this.requests.reduce((m, r) => Math.max(m, r.bytes), 0);
  }

  // -- proxies

  private newPath(parent: number | null, type: PathInfo["type"], name: string, args: any[]): number {
    const id = this.nextId++;
    this.paths.set(id, { id, parent, type, name, args });
    return id;
  }

  private proxy(id: number): any {
    const target = function () {} as any;
    return new Proxy(target, {
      get: (_t, prop) => {
        if (prop === PROXY_ID) return id;
        if (typeof prop === "symbol") return undefined;
        if (prop === "then" || prop === "toJSON") return undefined;
        if (prop === "load") {
          return (props?: any) => {
            this.pending.push({ kind: "load", target: id, name: "load", args: [normaliseLoad(props)] });
            return this.proxy(id);
          };
        }
        if (prop === "context") return undefined;
        const data = this.loaded.get(id);
        if (data && prop in data) return data[prop];
        if (SCALARS.has(prop)) {
          throw new Error(`FakeExcel: "${prop}" of ${this.describePath(id)} was read before it was loaded and synced.`);
        }
        return this.child(id, prop);
      },
      set: (_t, prop, value) => {
        if (typeof prop === "symbol") return false;
        this.pending.push({ kind: "set", target: id, name: prop, args: [value] });
        return true;
      },
    });
  }

  /** `parent.prop`: navigation if read further, a method if called. */
  private child(parent: number, prop: string): any {
    let byName = this.childProxies.get(parent);
    if (!byName) this.childProxies.set(parent, (byName = new Map()));
    const existing = byName.get(prop);
    if (existing) return existing.callable;
    const navId = this.newPath(parent, "prop", prop, []);
    const nav = this.proxy(navId);
    const callable = new Proxy(function () {} as any, {
      apply: (_t, _this, args) => {
        const resultId = this.newPath(parent, "method", prop, args);
        this.pending.push({ kind: "call", target: parent, name: prop, args, result: resultId });
        return this.proxy(resultId);
      },
      get: (_t, p) => {
        return nav[p as any];
      },
      set: (_t, p, v) => {
        nav[p as any] = v;
        return true;
      },
    });
    byName.set(prop, { callable, navId });
    return callable;
  }

  describePath(id: number): string {
    const p = this.paths.get(id);
    if (!p) return "?";
    if (p.type === "root") return "workbook";
    const parent = p.parent === null ? "" : this.describePath(p.parent);
    if (p.type === "prop") return `${parent}.${p.name}`;
    if (p.type === "item") return `${parent}[${p.name}]`;
    return `${parent}.${p.name}(${p.args.map((a) => (a && a[PROXY_ID] ? `<${this.describePath(a[PROXY_ID])}>` : JSON.stringify(a))).join(",")})`;
  }

  private resolve(id: number): Node {
    const known = this.nodes.get(id);
    if (known) return known;
    const p = this.paths.get(id);
    if (!p || p.parent === null) throw new Error(`FakeExcel: unknown object ${id}`);
    if (p.type === "method") throw officeError("InvalidObjectPath", `FakeExcel: ${this.describePath(id)} was used before the call that creates it ran.`);
    const parent = this.resolve(p.parent);
    if (parent.isNull) {
      if (this.nullObjects === "fail") throw officeError("InvalidObjectPath", `${this.describePath(id)} is on a null object.`);
      const node = new NullNode(`${this.describePath(id)} (on a null object)`);
      this.nodes.set(id, node);
      return node;
    }
    if (!parent.get) throw officeError("ApiNotFound", `FakeExcel does not model ${parent.describe}.${p.name}`);
    this.requireApi(parent, p.name);
    const node = parent.get(p.name);
    // Navigation under a live collection item or sheet may change (a sheet renamed); cache anyway: the model objects are stable.
    this.nodes.set(id, node);
    return node;
  }

  // -- sync

  private requestJson(actions: Action[]): { json: string; paths: number[] } {
    // Office.js sends { Actions: [...], ObjectPaths: { id: {...} } }; the paths each action needs, once.
    const objectPaths: Record<string, any> = {};
    const addPath = (id: number) => {
      let cur: number | null = id;
      while (cur !== null && !this.sentPaths.has(cur) && !(cur in objectPaths)) {
        const p: PathInfo = this.paths.get(cur)!;
        objectPaths[cur] = { Id: cur, ObjectPathType: p.type, Name: p.name, ParentObjectPathId: p.parent, ArgumentInfo: { Arguments: p.type === "method" ? p.args : [] } };
        cur = p.parent;
      }
    };
    const replacer = (_k: string, v: any) => (v && (typeof v === "function" || typeof v === "object") && v[PROXY_ID] ? { ReferenceId: v[PROXY_ID] } : v);
    const out = actions.map((a, i) => {
      addPath(a.target);
      if (a.result) addPath(a.result);
      return { Id: i, ActionType: a.kind === "set" ? "SetProperty" : a.kind === "load" ? "Query" : "Method", Name: a.name, ObjectPathId: a.target, ArgumentInfo: { Arguments: a.args } };
    });
    return { json: JSON.stringify({ Actions: out, ObjectPaths: objectPaths }, replacer), paths: Object.keys(objectPaths).map(Number) };
  }

  async sync(): Promise<void> {
    await Promise.resolve();
    this.syncs++;
    const actions = this.pending;
    this.pending = [];
    const { json, paths } = this.requestJson(actions);
    const bytes = utf8Bytes(json);
    const refused = bytes > this.requestLimitBytes;
    this.requests.push({ sync: this.syncs, bytes, actions: actions.length, refused });
    if (refused) {
      throw officeError("RequestPayloadSizeLimitExceeded", `The request payload size has exceeded the limit (${bytes} bytes).`);
    }
    for (const id of paths) this.sentPaths.add(id);
    this.responseBytes = 0;
    const loadedBefore = new Map(this.loaded);
    for (const a of actions) {
      const target = this.describePath(a.target);
      const logged: LoggedAction = { sync: this.syncs, kind: a.kind, target, name: a.name, args: a.args.map((x) => (x && x[PROXY_ID] ? `<${this.describePath(x[PROXY_ID])}>` : x)) };
      this.log.push(logged);
      const failure = this.failWhen?.(logged);
      if (failure) throw officeError(failure, `Injected failure at ${target}.${a.name}`);
      this.run1(a);
    }
    if (this.responseBytes > this.responseLimitBytes) {
      this.loaded = loadedBefore;
      throw officeError("ResponsePayloadSizeLimitExceeded", `The response payload size has exceeded the limit (${this.responseBytes} bytes).`);
    }
  }

  private run1(a: Action): void {
    const node = this.resolve(a.target);
    if (a.kind === "set") {
      if (node.isNull) throw officeError("InvalidObjectPath", `Setting ${a.name} on a null object.`);
      if (!node.set) throw officeError("ApiNotFound", `FakeExcel does not model setting ${node.describe}.${a.name}`);
      this.requireApi(node, a.name);
      node.set(a.name, a.args[0]);
      return;
    }
    if (a.kind === "call") {
      if (node.isNull) {
        if (this.nullObjects === "fail") throw officeError("InvalidObjectPath", `Calling ${a.name} on a null object.`);
        if (a.result !== undefined) this.nodes.set(a.result, new NullNode(`${a.name}() of a null object`));
        return;
      }
      if (!node.call) throw officeError("ApiNotFound", `FakeExcel does not model ${node.describe}.${a.name}()`);
      this.requireApi(node, a.name);
      const args = a.args.map((x) => (x && x[PROXY_ID] ? this.resolve(x[PROXY_ID]) : x));
      const result = node.call(a.name, args);
      if (a.result !== undefined && result) this.nodes.set(a.result, result);
      return;
    }
    this.load(a.target, node, a.args[0] as string[][]);
  }

  private load(id: number, node: Node, paths: string[][]): void {
    const data = this.loaded.get(id) ?? {};
    this.loaded.set(id, data);
    data.isNullObject = Boolean(node.isNull);
    if (node.isNull) return;
    const itemPaths = paths.filter((p) => p[0] === "items").map((p) => p.slice(1));
    if (itemPaths.length > 0) {
      if (!node.items) throw officeError("InvalidArgument", `FakeExcel: ${node.describe} is not a collection`);
      data.items = node.items().map((itemNode, i) => {
        const itemId = this.newPath(id, "item", String(i), []);
        this.nodes.set(itemId, itemNode);
        this.load(itemId, itemNode, itemPaths);
        return this.proxy(itemId);
      });
    }
    for (const p of paths) {
      if (p[0] === "items") continue;
      if (p.length === 1) {
        if (!node.read) throw officeError("ApiNotFound", `FakeExcel cannot read ${node.describe}.${p[0]}`);
        data[p[0]] = node.read(p[0]);
        this.responseBytes += utf8Bytes(JSON.stringify(data[p[0]]) ?? "");
      } else {
        // navigation: load on the child proxy of this one
        this.child(id, p[0]);
        const childId = this.childProxies.get(id)!.get(p[0])!.navId;
        this.load(childId, this.resolve(childId), [p.slice(1)]);
      }
    }
  }

}

function normaliseLoad(props: any): string[][] {
  if (props === undefined) throw new Error("FakeExcel: load() with no properties (load only what you read).");
  const list: string[] = typeof props === "string" ? props.split(",") : Array.isArray(props) ? props : Object.keys(props);
  return list.map((s) => s.trim()).filter((s) => s !== "").map((s) => s.split("/").map((x) => x.trim()));
}
