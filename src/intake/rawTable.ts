/**
 * What every reader of a staff list hands to the intake: the cells as found, where they came from,
 * and what the reader did on the way (encoding, separator, sheet chosen, rows hidden).
 *
 * Readers (CSV, .xlsx, the open workbook through Office.js) only read: they never decide what a
 * column means or whether a row is costed. The intake (column vocabulary, value normalisers,
 * validation, intake report) takes a RawTable and decides, so the same rules apply whichever way
 * the list arrived.
 */

/** A cell as read: a number, text, a boolean, a date, or null for an empty cell. */
export type RawCell = number | string | boolean | Date | null;

export interface RawTableSource {
  /** How the list arrived. */
  kind: "csv" | "xlsx" | "workbook-table" | "range";
  /** The file's name as the user gave it (CLI), or null in Excel. */
  file: string | null;
  /** The worksheet the cells came from (xlsx and workbook), else null. */
  sheet: string | null;
  /** The Excel table (ListObject) read, if the cells came from one. */
  table: string | null;
  /** The text encoding a CSV was read in ("UTF-8", "UTF-8 with BOM", "Windows-1252", "UTF-16LE"...), else null. */
  encoding: string | null;
  /** The separator a CSV was read with ("," ";" "\t"), else null. */
  delimiter: string | null;
}

/**
 * A row or cell the reader could not read: a CSV row whose quote never closes, a formula cell saved
 * without its result, a cell holding an Excel error or more text than Excel allows. The cell's value in
 * `rows` is null. The intake reports each by row (and column) and leaves that row out; the rest is read.
 */
export interface RawProblem {
  /** The 1-based row number in the source, as in `rowNumbers` (a broken CSV row is not in `rows` at all). */
  rowNumber: number;
  /** The 0-based column of the cell, or null for the whole row. */
  column: number | null;
  /** What is wrong and what to do, in plain words; any text from the file in it is already escaped (safeText.ts). */
  message: string;
}

export interface RawTable {
  /**
   * The cells, top to bottom: title rows, the header, the data and notes below, as they are in the
   * source. Rows may differ in length (each is as long as its last cell): never pad them all to the
   * widest, since one stray cell at XFD1 would then cost 16,384 cells a row.
   * CSV: every record, blank ones included. Workbook files: only rows holding a value; `rowNumbers`
   * keeps the sheet's numbering, so a stray cell at A1048576 is one row, not a million.
   */
  rows: RawCell[][];
  /** The 1-based row number in the source (sheet row or CSV line record) of rows[i]. */
  rowNumbers: number[];
  /** Indexes into `rows` of rows hidden in the source (by a filter or by hand); the intake decides what to do with them. */
  hidden: ReadonlySet<number>;
  source: RawTableSource;
  /** What the reader did that the user should know, in plain words ("Read as Windows-1252", "Sheet "Staff" chosen: ..."). */
  notes: string[];
  /** Rows and cells that could not be read (absent: none). */
  problems?: RawProblem[];
}
