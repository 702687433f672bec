/**
 * .xlsx (and .xlsm, .xltx: the same format) -> RawTable, read sparsely and as a stream.
 *
 * Only the cells the sheet holds are read, whatever the sheet's stated dimension or "used range":
 * a stray cell at XFD1 adds one long row, one at A1048576 one row, never a million empty ones.
 * The worksheet is inflated and tokenized chunk by chunk (zip.ts, xml.ts), so the XML of a
 * million-row sheet is never one string. Works on the parts Excel, LibreOffice and openpyxl write
 * (tables, inline strings, shared formulas, prefixed namespaces, strict OOXML relationship types).
 *
 * The sheet read is the one named (`sheet`), else the first visible worksheet whose first rows hold
 * a header (scored by `scoreHeader`: the number of known staff-list headings in a row), else the
 * first visible worksheet; the notes say which and why.
 */
import { attribute, scanXmlStream, scanXmlText, type XmlHandlers } from "./xml";
import { inflateEntry, readEntryText, readZipDirectory, type ZipEntry, type ZipLimits } from "./zip";
import { MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS, SHEET_PREVIEW_ROWS, ZIP_LIMITS } from "./limits";
import { StaffFileError } from "./errors";
import { escapeControls, showValue } from "../safeText";
import { TextKeeper } from "./keepText";
import type { RawCell, RawProblem, RawTable } from "../rawTable";

export interface XlsxReadOptions {
  /** The worksheet to read, by name (case does not matter). */
  sheet?: string | null;
  /** How many known staff-list headings a row holds; the staff sheet is the first with a row scoring at least `minHeaderScore`. */
  scoreHeader?: (row: readonly RawCell[]) => number;
  minHeaderScore?: number;
  /** The file's name as the user gave it, for messages. */
  file?: string | null;
  zipLimits?: ZipLimits;
}

interface SheetInfo {
  name: string;
  part: string;
  state: "visible" | "hidden" | "veryHidden";
  kind: "worksheet" | "chartsheet" | "other";
}

interface Workbook {
  sheets: SheetInfo[];
  date1904: boolean;
  sharedStringsPart: string | null;
  stylesPart: string | null;
}

// ---------------------------------------------------------------------------------------------
// Workbook structure: relationships, sheets, shared strings, styles.

function partDir(part: string): string {
  const i = part.lastIndexOf("/");
  return i < 0 ? "" : part.slice(0, i + 1);
}

function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const segments = (partDir(fromPart) + target).split("/");
  const out: string[] = [];
  for (const s of segments) {
    if (s === "..") out.pop();
    else if (s !== "." && s !== "") out.push(s);
  }
  return out.join("/");
}

function relsPartOf(part: string): string {
  return `${partDir(part)}_rels/${part.slice(partDir(part).length)}.rels`;
}

interface Relationship {
  type: string;
  target: string;
  external: boolean;
}

function parseRelationships(xml: string, what: string): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  scanXmlText(
    xml,
    {
      open(name, attrs) {
        if (name !== "Relationship") return;
        const id = attribute(attrs, "Id");
        const target = attribute(attrs, "Target");
        if (id && target !== null) rels.set(id, { type: attribute(attrs, "Type") ?? "", target, external: attribute(attrs, "TargetMode") === "External" });
      },
      close() {},
      text() {},
    },
    what,
  );
  return rels;
}

/** Built-in number formats that show a date or time (ECMA-376 18.8.30; 27-36 and 50-58 are the East Asian date formats). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A custom number format shows a date if, outside quoted text, escapes and [colour]/[$-locale] brackets, it has d, m, y, h or s. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[(?!h\]|hh\]|m\]|mm\]|s\]|ss\])[^\]]*\]/gi, "")
    .split(";")[0];
  return /[dmyhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

function parseDateStyles(xml: string, what: string): Set<number> {
  const customDate = new Set<number>();
  const dateStyles = new Set<number>();
  let inCellXfs = false;
  let xfIndex = 0;
  scanXmlText(
    xml,
    {
      open(name, attrs) {
        if (name === "numFmt") {
          const id = Number(attribute(attrs, "numFmtId"));
          if (isDateFormat(attribute(attrs, "formatCode") ?? "")) customDate.add(id);
        } else if (name === "cellXfs") inCellXfs = true;
        else if (name === "xf" && inCellXfs) {
          const id = Number(attribute(attrs, "numFmtId") ?? "0");
          if (BUILTIN_DATE_FORMATS.has(id) || customDate.has(id)) dateStyles.add(xfIndex);
          xfIndex++;
        }
      },
      close(name) {
        if (name === "cellXfs") inCellXfs = false;
      },
      text() {},
    },
    what,
  );
  return dateStyles;
}

function parseSharedStrings(xml: string, what: string): string[] {
  const strings: string[] = [];
  const keeper = new TextKeeper();
  let inSi = false;
  let inT = false;
  let phonetic = 0;
  let current = "";
  scanXmlText(
    xml,
    {
      open(name, _attrs, selfClosing) {
        if (name === "si") {
          inSi = true;
          current = "";
        } else if (name === "t" && inSi && phonetic === 0 && !selfClosing) inT = true;
        else if (name === "rPh") phonetic++;
      },
      close(name) {
        if (name === "si") {
          strings.push(keeper.keep(current));
          inSi = false;
        } else if (name === "t") inT = false;
        else if (name === "rPh") phonetic--;
      },
      text(t) {
        if (inT && current.length <= MAX_CELL_CHARS) current += t;
      },
    },
    what,
  );
  return strings;
}

class ZipWorkbook {
  readonly entries: Map<string, ZipEntry>;
  private readonly lowerNames: Map<string, string>;
  constructor(
    readonly bytes: Uint8Array,
    readonly what: string,
    readonly limits: ZipLimits,
  ) {
    this.entries = readZipDirectory(bytes, what, limits);
    this.lowerNames = new Map([...this.entries.keys()].map((k) => [k.toLowerCase(), k]));
  }

  entry(part: string): ZipEntry | null {
    const exact = this.entries.get(part);
    if (exact) return exact;
    // Some writers differ in case from their relationship targets; zip names are case-sensitive, Excel is not.
    const k = this.lowerNames.get(part.toLowerCase());
    return k ? this.entries.get(k)! : null;
  }

  async text(part: string): Promise<string | null> {
    const e = this.entry(part);
    return e ? readEntryText(this.bytes, e, this.what, this.limits) : null;
  }

  async relationships(part: string): Promise<Map<string, Relationship>> {
    const xml = await this.text(relsPartOf(part));
    return xml === null ? new Map() : parseRelationships(xml, this.what);
  }
}

async function readWorkbookStructure(zip: ZipWorkbook): Promise<Workbook> {
  const root = await zip.relationships("");
  let workbookPart: string | null = null;
  for (const r of root.values()) if (/\/officeDocument$/.test(r.type)) workbookPart = resolveTarget("", r.target);
  workbookPart ??= zip.entry("xl/workbook.xml") ? "xl/workbook.xml" : null;
  const xml = workbookPart ? await zip.text(workbookPart) : null;
  if (!workbookPart || xml === null)
    throw new StaffFileError(`${zip.what} is a zip file but not an Excel workbook (it has no workbook part). Save the staff list from Excel as .xlsx or CSV.`, "not-workbook");
  const rels = await zip.relationships(workbookPart);
  const sheets: SheetInfo[] = [];
  let date1904 = false;
  scanXmlText(
    xml,
    {
      open(name, attrs) {
        if (name === "workbookPr") date1904 = /^(1|true)$/.test(attribute(attrs, "date1904") ?? "");
        else if (name === "sheet") {
          const rel = rels.get(attribute(attrs, "id") ?? "");
          const state = attribute(attrs, "state");
          const type = rel?.type ?? "";
          sheets.push({
            name: attribute(attrs, "name") ?? "",
            part: rel && !rel.external ? resolveTarget(workbookPart!, rel.target) : "",
            state: state === "hidden" ? "hidden" : state === "veryHidden" ? "veryHidden" : "visible",
            kind: /\/worksheet$/.test(type) ? "worksheet" : /\/chartsheet$/.test(type) ? "chartsheet" : "other",
          });
        }
      },
      close() {},
      text() {},
    },
    zip.what,
  );
  let sharedStringsPart: string | null = null;
  let stylesPart: string | null = null;
  for (const r of rels.values()) {
    if (/\/sharedStrings$/.test(r.type)) sharedStringsPart = resolveTarget(workbookPart, r.target);
    if (/\/styles$/.test(r.type)) stylesPart = resolveTarget(workbookPart, r.target);
  }
  return { sheets, date1904, sharedStringsPart, stylesPart };
}

// ---------------------------------------------------------------------------------------------
// A worksheet, streamed.

/** "AB12" -> 27 (0-based column); -1 if the reference has no letters. */
function columnOfReference(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return i === 0 ? -1 : n - 1;
}

export function columnName(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Excel's serial date -> a Date at midnight UTC (1900 system counts the 29 February 1900 that never was). */
export function excelSerialToDate(serial: number, date1904: boolean): Date {
  const days = date1904 ? serial + 1462 : serial < 60 ? serial + 1 : serial;
  return new Date(Math.round((days - 25569) * 86400000));
}

interface SheetRead {
  rows: RawCell[][];
  rowNumbers: number[];
  hidden: Set<number>;
  problems: RawProblem[];
  autoFilter: string | null;
  /** The sheet was read to its end (false: stopped after the preview rows). */
  complete: boolean;
}

async function readSheet(zip: ZipWorkbook, sheet: SheetInfo, strings: readonly string[], dateStyles: ReadonlySet<number>, date1904: boolean, maxRows: number): Promise<SheetRead> {
  const entry = zip.entry(sheet.part);
  if (!entry) throw new StaffFileError(`${zip.what}: sheet "${escapeControls(sheet.name)}" is listed but its part ${sheet.part} is missing; open the file in Excel and save it again.`, "corrupt");
  const out: SheetRead = { rows: [], rowNumbers: [], hidden: new Set(), problems: [], autoFilter: null, complete: true };
  const keeper = new TextKeeper();
  const where = `${zip.what}, sheet "${escapeControls(sheet.name)}"`;

  let rowNumber = 0;
  let rowHidden = false;
  let cells: RawCell[] = [];
  let rowHasValue = false;
  let col = -1;
  let cellType = "n";
  let cellStyle = 0;
  let value = "";
  let hasValue = false;
  let formula = "";
  let hasFormula = false;
  let collect: "v" | "t" | "f" | null = null;
  let inInlineString = false;
  let phonetic = 0;
  let inSheetData = false;
  let stop = false;
  let outOfOrder = false;

  const problem = (column: number | null, message: string) => out.problems.push({ rowNumber, column, message });

  const finishCell = (): RawCell => {
    if (cellType === "e") {
      problem(col, `Cell ${columnName(col)}${rowNumber} holds the Excel error ${showValue(value, 20)}: correct the formula or type the value.`);
      return null;
    }
    if (!hasValue && hasFormula && cellType !== "inlineStr") {
      problem(col, `Cell ${columnName(col)}${rowNumber} holds a formula (=${showValue(formula, 60)}) saved without its result: open the file in Excel and save it again (Excel calculates it), or type the value.`);
      return null;
    }
    if (cellType === "s") {
      if (!hasValue) return null;
      const s = strings[Number(value)];
      if (s === undefined) {
        problem(col, `Cell ${columnName(col)}${rowNumber} points at shared text ${showValue(value, 20)} that the workbook does not have: the file is damaged; open it in Excel and save it again.`);
        return null;
      }
      return s;
    }
    if (cellType === "str" || cellType === "inlineStr") return hasValue || cellType === "inlineStr" ? keeper.keep(value) : null;
    if (!hasValue) return null;
    if (cellType === "b") return value.trim() === "1" || value.trim().toLowerCase() === "true";
    if (cellType === "d") {
      const d = new Date(value.trim().length === 10 ? `${value.trim()}T00:00:00Z` : value.trim());
      if (Number.isNaN(d.getTime())) {
        problem(col, `Cell ${columnName(col)}${rowNumber} holds a date Excel cannot read (${showValue(value, 40)}).`);
        return null;
      }
      return d;
    }
    const text = value.trim();
    if (text === "") return null;
    const n = Number(text);
    if (!Number.isFinite(n)) {
      problem(col, `Cell ${columnName(col)}${rowNumber} holds ${showValue(text, 40)}, which is not a number Excel can hold: correct it.`);
      return null;
    }
    return dateStyles.has(cellStyle) ? excelSerialToDate(n, date1904) : n;
  };

  const handlers: XmlHandlers = {
    open(name, attrs, selfClosing) {
      switch (name) {
        case "sheetData":
          inSheetData = true;
          return;
        case "row": {
          if (!inSheetData) return;
          const r = Number(attribute(attrs, "r"));
          const next = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
          if (next <= rowNumber) outOfOrder = true;
          rowNumber = next;
          const hidden = attribute(attrs, "hidden");
          rowHidden = hidden === "1" || hidden === "true";
          cells = [];
          rowHasValue = false;
          col = -1;
          if (selfClosing) return;
          return;
        }
        case "c": {
          if (!inSheetData) return;
          const ref = attribute(attrs, "r");
          const c = ref ? columnOfReference(ref) : -1;
          col = c >= 0 ? c : col + 1;
          cellType = attribute(attrs, "t") ?? "n";
          cellStyle = Number(attribute(attrs, "s") ?? "0");
          value = "";
          hasValue = false;
          formula = "";
          hasFormula = false;
          inInlineString = false;
          if (selfClosing) return;
          return;
        }
        case "v":
          if (col >= 0 && !selfClosing) {
            collect = "v";
            hasValue = true;
          }
          return;
        case "f":
          hasFormula = true;
          if (!selfClosing) collect = "f";
          return;
        case "is":
          inInlineString = true;
          return;
        case "rPh":
          phonetic++;
          return;
        case "t":
          if (inInlineString && phonetic === 0 && !selfClosing) {
            collect = "t";
            hasValue = true;
          }
          return;
        case "autoFilter":
          out.autoFilter = attribute(attrs, "ref");
          return;
      }
    },
    close(name) {
      switch (name) {
        case "v":
        case "t":
        case "f":
          collect = null;
          return;
        case "rPh":
          phonetic--;
          return;
        case "is":
          inInlineString = false;
          return;
        case "c": {
          if (col < 0 || !inSheetData) return;
          if (col >= MAX_COLUMNS) {
            problem(col, `Row ${rowNumber} has a cell beyond column XFD, Excel's last: the file is damaged.`);
            return;
          }
          let v = finishCell();
          if (typeof v === "string" && v.length > MAX_CELL_CHARS) {
            problem(col, `Cell ${columnName(col)}${rowNumber} holds more than ${MAX_CELL_CHARS.toLocaleString("en-GB")} characters, Excel's limit for a cell: shorten it.`);
            v = null;
          }
          if (v === null) return;
          while (cells.length < col) cells.push(null);
          cells[col] = v;
          rowHasValue = true;
          return;
        }
        case "row":
          if (!inSheetData) return;
          if (rowHasValue || out.problems.length > 0 && out.problems[out.problems.length - 1].rowNumber === rowNumber) {
            if (out.rows.length >= MAX_ROWS) throw new StaffFileError(`${where} has more than ${MAX_ROWS.toLocaleString("en-GB")} rows, Excel's limit: the file is damaged.`, "too-many-rows");
            if (rowHidden) out.hidden.add(out.rows.length);
            out.rows.push(cells);
            out.rowNumbers.push(rowNumber);
            if (out.rows.length >= maxRows) stop = true;
          }
          return;
        case "sheetData":
          inSheetData = false;
          return;
      }
    },
    text(t) {
      // Beyond Excel's limit the cell is a problem anyway: stop collecting (a hostile text node may be gigabytes).
      if (collect === "v" || collect === "t") {
        if (value.length <= MAX_CELL_CHARS) value += t;
      } else if (collect === "f" && formula.length <= MAX_CELL_CHARS) formula += t;
    },
  };
  await scanXmlStream(inflateEntry(zip.bytes, entry, zip.what, zip.limits.maxSheetBytes, zip.limits), handlers, zip.what, () => stop);
  if (stop) out.complete = false;
  if (outOfOrder) sortByRowNumber(out);
  return out;
}

/** Rows written out of order (allowed by no writer we know, but cheap to put right). */
function sortByRowNumber(s: SheetRead): void {
  const order = s.rowNumbers.map((_, i) => i).sort((a, b) => s.rowNumbers[a] - s.rowNumbers[b]);
  const hidden = new Set<number>();
  order.forEach((from, to) => {
    if (s.hidden.has(from)) hidden.add(to);
  });
  s.rows = order.map((i) => s.rows[i]);
  s.rowNumbers = order.map((i) => s.rowNumbers[i]);
  s.hidden = hidden;
}

// ---------------------------------------------------------------------------------------------

function bestHeader(read: SheetRead, score: (row: readonly RawCell[]) => number): { score: number; rowNumber: number } {
  let best = { score: 0, rowNumber: 0 };
  read.rows.forEach((row, i) => {
    const s = score(row);
    if (s > best.score) best = { score: s, rowNumber: read.rowNumbers[i] };
  });
  return best;
}

function listSheets(sheets: readonly SheetInfo[]): string {
  return sheets.map((s) => `"${escapeControls(s.name)}"${s.state !== "visible" ? " (hidden)" : ""}`).join(", ");
}

export async function readXlsx(bytes: Uint8Array, options: XlsxReadOptions = {}): Promise<RawTable> {
  const what = options.file ? `"${showValue(options.file, 120)}"` : "The workbook";
  const zip = new ZipWorkbook(bytes, what, options.zipLimits ?? ZIP_LIMITS);
  if (zip.entry("xl/workbook.bin"))
    throw new StaffFileError(`${what} is an Excel Binary Workbook (.xlsb), which is not read here: open it in Excel and save it as Excel Workbook (.xlsx) or CSV UTF-8.`, "xlsb");
  const wb = await readWorkbookStructure(zip);
  const worksheets = wb.sheets.filter((s) => s.kind === "worksheet" && s.part !== "");
  if (worksheets.length === 0) throw new StaffFileError(`${what} has no worksheets to read (only ${listSheets(wb.sheets) || "nothing"}).`, "no-sheets");

  const stylesXml = wb.stylesPart ? await zip.text(wb.stylesPart) : null;
  const dateStyles = stylesXml ? parseDateStyles(stylesXml, what) : new Set<number>();
  const sstXml = wb.sharedStringsPart ? await zip.text(wb.sharedStringsPart) : null;
  const strings = sstXml ? parseSharedStrings(sstXml, what) : [];

  const notes: string[] = [];
  let chosen: SheetInfo | null = null;
  if (options.sheet !== undefined && options.sheet !== null) {
    const wanted = options.sheet.trim().toLowerCase();
    chosen = worksheets.find((s) => s.name.trim().toLowerCase() === wanted) ?? null;
    if (!chosen)
      throw new StaffFileError(`${what} has no sheet named "${showValue(options.sheet, 60)}". Its sheets: ${listSheets(worksheets)}.`, "no-such-sheet");
    notes.push(`Read sheet "${escapeControls(chosen.name)}", as asked.`);
  } else if (worksheets.length === 1) {
    chosen = worksheets[0];
    notes.push(`Read sheet "${escapeControls(chosen.name)}", the workbook's only sheet.`);
  } else {
    const score = options.scoreHeader;
    const min = options.minHeaderScore ?? 3;
    const visible = worksheets.filter((s) => s.state === "visible");
    if (score) {
      for (const s of visible) {
        const preview = await readSheet(zip, s, strings, dateStyles, wb.date1904, SHEET_PREVIEW_ROWS);
        const best = bestHeader(preview, score);
        if (best.score >= min) {
          chosen = s;
          notes.push(
            `Read sheet "${escapeControls(s.name)}": its row ${best.rowNumber} holds ${best.score} staff-list headings${s !== visible[0] ? `, and no sheet before it has such a header` : ""} (sheets: ${listSheets(worksheets)}). Use --sheet NAME to read another.`,
          );
          break;
        }
      }
    }
    if (!chosen) {
      chosen = visible[0] ?? worksheets[0];
      notes.push(`Read sheet "${escapeControls(chosen.name)}", the first${visible.length ? " visible" : ""} sheet${score ? `: no sheet has a row of staff-list headings in its first ${SHEET_PREVIEW_ROWS} rows` : ""} (sheets: ${listSheets(worksheets)}). Use --sheet NAME to read another.`);
    }
  }

  const read = await readSheet(zip, chosen, strings, dateStyles, wb.date1904, Infinity);
  if (read.hidden.size > 0) notes.push(`${read.hidden.size.toLocaleString("en-GB")} row${read.hidden.size === 1 ? " is" : "s are"} hidden on sheet "${escapeControls(chosen.name)}"${read.autoFilter ? " (by hand or by its filter)" : ""}.`);
  if (chosen.state !== "visible") notes.push(`Sheet "${escapeControls(chosen.name)}" is hidden in the workbook.`);
  return {
    rows: read.rows,
    rowNumbers: read.rowNumbers,
    hidden: read.hidden,
    source: { kind: "xlsx", file: options.file ?? null, sheet: chosen.name, table: null, encoding: null, delimiter: null },
    notes,
    problems: read.problems,
  };
}
