/**
 * Reading staff lists from the open workbook: the tables it has, the table the selection is in,
 * and one table's contents as a header row plus data rows (what src/intake/validate.ts reads).
 *
 * Round trips: listing is two syncs whatever the number of tables (names, then each table's size);
 * reading a table is one sync (its column names, the data body's values and the visible view of its
 * first column, which tells the rows hidden by a filter or by hand, together, and with them the
 * optional table of the user's own pay figures: readTableAndCompanion). A table too
 * big for one response (Excel on the web answers at most 5 MB) is read again in runs of rows.
 * Nothing is written, and nothing read leaves the task pane.
 */
import { officeErrorCode, describeOfficeError } from "./officeErrors";
import type { RawCell, RawTable } from "../intake/rawTable";

export interface TableSummary {
  name: string;
  /** Worksheet the table is on. */
  sheet: string;
  /** Data rows (the header and totals rows not counted). */
  rows: number;
  columns: number;
}

export interface TableData {
  name: string;
  sheet: string;
  /** Header row then data rows, as Excel gives them (numbers, text, booleans; "" for blank cells). */
  values: unknown[][];
  /** Worksheet row number (1-based) of the header row, so row issues can name the row the user sees. */
  headerRowNumber: number;
  /** Data rows read. */
  rows: number;
  /** Indexes into `values` (1 = the first data row) of rows hidden by a filter or by hand. */
  hiddenRows: number[];
  /** What the reader could not tell, in plain words (e.g. hidden rows when the first column is hidden). */
  notes: string[];
}

/** A table read from the workbook as the intake takes it: sheet row numbers, hidden rows and notes kept. */
export function rawTableOfTable(data: TableData): RawTable {
  return {
    rows: data.values as RawCell[][],
    rowNumbers: data.values.map((_, i) => data.headerRowNumber + i),
    hidden: new Set(data.hiddenRows),
    source: { kind: "workbook-table", file: null, sheet: data.sheet, table: data.name, encoding: null, delimiter: null },
    notes: data.notes,
  };
}

/** The sheet row numbers in a visible view's cell addresses ("Staff!B7" -> 7). */
function visibleRowNumbers(addresses: readonly (readonly string[])[]): Set<number> {
  const rows = new Set<number>();
  for (const row of addresses) if (row.length > 0) rows.add(firstRowOfAddress(row[0]));
  return rows;
}

/**
 * Hidden data rows from the visible view of the table's first column (loaded in the same sync as
 * the values): the rows not in it. When that column is itself hidden the view says nothing about
 * rows, so no row is taken as hidden and a note says so.
 */
function hiddenFrom(firstDataRow: number, rowCount: number, view: Excel.RangeView, firstColumn: Excel.Range, offset = 0): { hidden: number[]; note: string | null } {
  if (firstColumn.columnHidden === true) return { hidden: [], note: "The table's first column is hidden, so hidden rows could not be told apart: every row was read." };
  const visible = visibleRowNumbers(view.cellAddresses);
  const hidden: number[] = [];
  for (let i = 0; i < rowCount; i++) if (!visible.has(firstDataRow + i)) hidden.push(offset + i + 1);
  return { hidden, note: null };
}

/** Cells read per request when a table is too big for one response (about 2-3 MB of JSON). */
export const READ_CHUNK_CELLS = 100_000;

/** Excel refuses to read more than this many cells in one range (on every platform). */
export const MAX_READ_CELLS = 5_000_000;

export class ReadTableError extends Error {
  constructor(message: string, readonly cause?: unknown) {
    super(message);
    this.name = "ReadTableError";
  }
}

/** "Staff!B5:K350" -> 5 (the first row), also for quoted sheet names. */
export function firstRowOfAddress(address: string): number {
  const m = /!?\$?[A-Z]+\$?(\d+)(?::|$)/i.exec(address.slice(address.lastIndexOf("!") + 1));
  return m ? Number(m[1]) : 1;
}

/** The workbook's tables with their sheet and size, sorted as Excel lists them. Two syncs. */
export async function listTables(context: Excel.RequestContext): Promise<TableSummary[]> {
  const tables = context.workbook.tables;
  tables.load("items/name,items/worksheet/name");
  await context.sync();
  const bodies = tables.items.map((t) => {
    const body = t.getDataBodyRange();
    body.load("rowCount,columnCount");
    return body;
  });
  if (bodies.length > 0) await context.sync();
  return tables.items.map((t, i) => ({ name: t.name, sheet: t.worksheet.name, rows: bodies[i].rowCount, columns: bodies[i].columnCount }));
}

/** The name of the table the selection is in (or touches), or null if it is in none. One sync. Needs ExcelApi 1.9. */
export async function tableAtSelection(
  context: Excel.RequestContext,
  isSetSupported: (set: string, version: string) => boolean = defaultIsSetSupported,
): Promise<string | null> {
  try {
    // Range.getTables is ExcelApi 1.9; on older Excel, intersect the selection with each table's
    // range instead (getIntersectionOrNullObject, 1.4): still one round trip after listing tables.
    if (isSetSupported("ExcelApi", "1.9")) {
      const tables = context.workbook.getSelectedRange().getTables(false);
      tables.load("items/name");
      await context.sync();
      return tables.items.length > 0 ? tables.items[0].name : null;
    }
    const selection = context.workbook.getSelectedRange();
    const tables = context.workbook.tables;
    tables.load("items/name");
    await context.sync();
    const overlaps = tables.items.map((t) => {
      const o = t.getRange().getIntersectionOrNullObject(selection);
      o.load("address");
      return { name: t.name, overlap: o };
    });
    await context.sync();
    return overlaps.find((x) => !x.overlap.isNullObject)?.name ?? null;
  } catch (e) {
    // A chart or shape selected, or no range selection at all.
    if (officeErrorCode(e) === "InvalidSelection" || officeErrorCode(e) === "ItemNotFound") return null;
    throw new ReadTableError(`Could not find out where the selection is. ${describeOfficeError(e)}`, e);
  }
}

function defaultIsSetSupported(set: string, version: string): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  return office?.context?.requirements?.isSetSupported(set, version) ?? true;
}

/** Reads a table as header + data rows (the totals row left out). One sync for tables up to Excel's response limit. */
export async function readTable(context: Excel.RequestContext, name: string): Promise<TableData> {
  return (await readTableAndCompanion(context, name, null)).table;
}

/** A staff table read with the optional table beside it (the user's own pay figures). */
export interface TableAndCompanion {
  table: TableData;
  /** The optional table, or null when the workbook has none of that name (or it is the table itself). */
  companion: TableData | null;
  /** Why the optional table could not be read although it is there, in plain words (null: read, or not there). */
  companionNote: string | null;
}

/** The requests that read an optional table: queued with the staff table's, answered in the same sync. */
function queueCompanion(context: Excel.RequestContext, name: string) {
  // A missing table is a null object; what is asked of it comes back as null objects too, without failing the request.
  const table = context.workbook.tables.getItemOrNullObject(name);
  table.load("name");
  const sheet = table.worksheet;
  sheet.load("name");
  const header = table.getHeaderRowRange();
  header.load("values,address");
  const body = table.getDataBodyRange();
  body.load("values");
  return { table, sheet, header, body };
}

function companionData(q: ReturnType<typeof queueCompanion>): TableData | null {
  if (q.table.isNullObject) return null;
  const header = (q.header.values?.[0] ?? []) as unknown[];
  const values = (q.body.values ?? []) as unknown[][];
  return { name: q.table.name, sheet: q.sheet.name, values: [header, ...values], headerRowNumber: firstRowOfAddress(q.header.address), rows: values.length, hiddenRows: [], notes: [] };
}

/**
 * Reads a table as readTable does and, in the SAME sync, the optional table `companion` (the
 * user's own pay figures, src/report/suppliedPayTable.ts) if the workbook has one of that name: one
 * sync for both. Every row of the optional table is read, hidden or not. If this Excel refuses
 * the request because of the optional table (an Excel that fails on a missing table's null object
 * rather than answering null), the staff table is read again on its own with a check for the
 * optional one: two syncs, and the note says why the optional table was not read.
 */
export async function readTableAndCompanion(context: Excel.RequestContext, name: string, companion: string | null): Promise<TableAndCompanion> {
  const withCompanion = companion !== null && companion.toLowerCase() !== name.toLowerCase() ? companion : null;
  const table = context.workbook.tables.getItem(name);
  const columns = table.columns;
  columns.load("items/name");
  table.worksheet.load("name");
  const body = table.getDataBodyRange();
  body.load("address,rowCount,columnCount,values");
  const firstColumn = body.getColumn(0);
  firstColumn.load("columnHidden");
  const view = firstColumn.getVisibleView();
  view.load("cellAddresses");
  const other = withCompanion ? queueCompanion(context, withCompanion) : null;
  try {
    await context.sync();
  } catch (e) {
    const code = officeErrorCode(e);
    if (code === "ResponsePayloadSizeLimitExceeded" || code === "RequestPayloadSizeLimitExceeded") return readTableInRuns(context, name, withCompanion);
    if (withCompanion) return readAloneAfterRefusal(context, name, withCompanion, e);
    if (code === "ItemNotFound") throw new ReadTableError(`There is no table called "${name}" in this workbook any more: pick the table again.`, e);
    throw new ReadTableError(`Could not read the table "${name}". ${describeOfficeError(e)}`, e);
  }
  const header = columns.items.map((c) => c.name);
  const values = body.values as unknown[][] | null;
  if (!values) throw tooBig(name, body.rowCount, body.columnCount);
  const firstDataRow = firstRowOfAddress(body.address);
  const { hidden, note } = hiddenFrom(firstDataRow, values.length, view, firstColumn);
  return {
    table: {
      name,
      sheet: table.worksheet.name,
      values: [header, ...values],
      headerRowNumber: firstDataRow - 1,
      rows: values.length,
      hiddenRows: hidden,
      notes: note ? [note] : [],
    },
    companion: other ? companionData(other) : null,
    companionNote: null,
  };
}

/** The combined read was refused: the table on its own (its own errors as readTable gives them), and whether the optional table is there. */
async function readAloneAfterRefusal(context: Excel.RequestContext, name: string, companion: string, refusal: unknown): Promise<TableAndCompanion> {
  const there = context.workbook.tables.getItemOrNullObject(companion);
  there.load("name");
  const { table } = await readTableAndCompanion(context, name, null);
  return {
    table,
    companion: null,
    companionNote: there.isNullObject ? null : `The table "${companion}" could not be read, so none of its figures was used. ${describeOfficeError(refusal)}`,
  };
}

function tooBig(name: string, rows: number, columns: number): ReadTableError {
  return new ReadTableError(
    `The table "${name}" is too big to read (${rows.toLocaleString("en-GB")} rows × ${columns} columns; Excel reads at most ${MAX_READ_CELLS.toLocaleString("en-GB")} cells at once). Split it into smaller tables.`,
  );
}

/** The same as readTable, in runs of rows: one sync for the size (and the optional table), one for each run. */
async function readTableInRuns(context: Excel.RequestContext, name: string, companion: string | null): Promise<TableAndCompanion> {
  const table = context.workbook.tables.getItem(name);
  const columns = table.columns;
  columns.load("items/name");
  table.worksheet.load("name");
  const body = table.getDataBodyRange();
  body.load("address,rowCount,columnCount");
  const other = companion ? queueCompanion(context, companion) : null;
  try {
    await context.sync();
  } catch (e) {
    if (companion) return readAloneAfterRefusal(context, name, companion, e);
    throw new ReadTableError(`Could not read the table "${name}". ${describeOfficeError(e)}`, e);
  }
  const rowCount = body.rowCount;
  const colCount = body.columnCount;
  const perRun = Math.max(1, Math.floor(READ_CHUNK_CELLS / Math.max(colCount, 1)));
  const values: unknown[][] = [];
  const hiddenRows: number[] = [];
  const notes = new Set<string>();
  const firstDataRow = firstRowOfAddress(body.address);
  for (let start = 0; start < rowCount; start += perRun) {
    const n = Math.min(perRun, rowCount - start);
    const part = body.getCell(start, 0).getResizedRange(n - 1, colCount - 1);
    part.load("values");
    const firstColumn = part.getColumn(0);
    firstColumn.load("columnHidden");
    const view = firstColumn.getVisibleView();
    view.load("cellAddresses");
    try {
      await context.sync();
    } catch (e) {
      throw new ReadTableError(`Could not read the table "${name}" (rows ${start + 1} to ${start + n}). ${describeOfficeError(e)}`, e);
    }
    for (const row of part.values) values.push(row);
    const { hidden, note } = hiddenFrom(firstDataRow + start, n, view, firstColumn, start);
    for (const h of hidden) hiddenRows.push(h);
    if (note) notes.add(note);
  }
  return {
    table: {
      name,
      sheet: table.worksheet.name,
      values: [columns.items.map((c) => c.name), ...values],
      headerRowNumber: firstDataRow - 1,
      rows: values.length,
      hiddenRows,
      notes: [...notes],
    },
    companion: other ? companionData(other) : null,
    companionNote: null,
  };
}
