/**
 * Reading staff lists from the open workbook: the tables it has, the table the selection is in,
 * and one table's contents as a header row plus data rows (what src/intake/validate.ts reads).
 *
 * Round trips: listing is two syncs whatever the number of tables (names, then each table's size);
 * reading a table is one sync (its column names and the data body's values together). A table too
 * big for one response (Excel on the web answers at most 5 MB) is read again in runs of rows.
 * Nothing is written, and nothing read leaves the task pane.
 */
import { officeErrorCode, describeOfficeError } from "./officeErrors";

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
  const table = context.workbook.tables.getItem(name);
  const columns = table.columns;
  columns.load("items/name");
  table.worksheet.load("name");
  const body = table.getDataBodyRange();
  body.load("address,rowCount,columnCount,values");
  try {
    await context.sync();
  } catch (e) {
    const code = officeErrorCode(e);
    if (code === "ItemNotFound") throw new ReadTableError(`There is no table called "${name}" in this workbook any more: pick the table again.`, e);
    if (code !== "ResponsePayloadSizeLimitExceeded" && code !== "RequestPayloadSizeLimitExceeded") {
      throw new ReadTableError(`Could not read the table "${name}". ${describeOfficeError(e)}`, e);
    }
    return readTableInRuns(context, name);
  }
  const header = columns.items.map((c) => c.name);
  const values = body.values as unknown[][] | null;
  if (!values) throw tooBig(name, body.rowCount, body.columnCount);
  return {
    name,
    sheet: table.worksheet.name,
    values: [header, ...values],
    headerRowNumber: firstRowOfAddress(body.address) - 1,
    rows: values.length,
  };
}

function tooBig(name: string, rows: number, columns: number): ReadTableError {
  return new ReadTableError(
    `The table "${name}" is too big to read (${rows.toLocaleString("en-GB")} rows × ${columns} columns; Excel reads at most ${MAX_READ_CELLS.toLocaleString("en-GB")} cells at once). Split it into smaller tables.`,
  );
}

/** The same as readTable, in runs of rows: one sync for the size, one for each run. */
async function readTableInRuns(context: Excel.RequestContext, name: string): Promise<TableData> {
  const table = context.workbook.tables.getItem(name);
  const columns = table.columns;
  columns.load("items/name");
  table.worksheet.load("name");
  const body = table.getDataBodyRange();
  body.load("address,rowCount,columnCount");
  await context.sync();
  const rowCount = body.rowCount;
  const colCount = body.columnCount;
  const perRun = Math.max(1, Math.floor(READ_CHUNK_CELLS / Math.max(colCount, 1)));
  const values: unknown[][] = [];
  for (let start = 0; start < rowCount; start += perRun) {
    const n = Math.min(perRun, rowCount - start);
    const part = body.getCell(start, 0).getResizedRange(n - 1, colCount - 1);
    part.load("values");
    try {
      await context.sync();
    } catch (e) {
      throw new ReadTableError(`Could not read the table "${name}" (rows ${start + 1} to ${start + n}). ${describeOfficeError(e)}`, e);
    }
    for (const row of part.values) values.push(row);
  }
  return {
    name,
    sheet: table.worksheet.name,
    values: [columns.items.map((c) => c.name), ...values],
    headerRowNumber: firstRowOfAddress(body.address) - 1,
    rows: values.length,
  };
}
