/**
 * CSV and tab-separated text -> RawTable, read the way Excel reads it.
 *
 * Excel's rules, which csv-parse does not follow (it failed a whole file on `Rosa O"Brien`):
 * - a field is quoted only if its first character is a quote; a quote anywhere else in an unquoted
 *   field is text (`Rosa O"Brien`);
 * - in a quoted field `""` is one quote and line breaks are text; anything after the closing quote,
 *   up to the separator, is kept as text (`"Band "6` -> `Band 6`);
 * - a first line `sep=;` names the separator and is not a row.
 * Where Excel would swallow the rest of the file into one cell (a quote that never closes), the
 * row is reported as broken and reading resumes on the next line, so the other rows are read.
 *
 * The separator is told by content: comma, semicolon (Excel in much of Europe) or tab (Excel's
 * "Text" and "Unicode Text"), whichever splits the first records most consistently.
 */
import { MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS } from "./limits";
import { StaffFileError } from "./errors";
import type { RawCell, RawProblem } from "../rawTable";
import { ColumnTextKeeper } from "./keepText";

export type Delimiter = "," | ";" | "\t";
const CANDIDATES: readonly Delimiter[] = [",", ";", "\t"];

export const DELIMITER_NAMES: Record<Delimiter, string> = { ",": "comma", ";": "semicolon", "\t": "tab" };

export interface DelimitedRead {
  rows: RawCell[][];
  rowNumbers: number[];
  problems: RawProblem[];
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Where the line holding `pos` ends (after its line break). */
function nextLineStart(text: string, pos: number): number {
  for (let i = pos; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) return i + 1;
    if (c === CR) return text.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
  }
  return text.length;
}

/**
 * Splits `text` into records and fields. `onRecord` gets each record's fields ("" for an empty
 * field) and its 1-based number; `onBroken` a record whose quote never closes. Stops after
 * `maxRecords` records (all, if omitted).
 */
export function splitDelimited(
  text: string,
  delimiter: Delimiter,
  onRecord: (fields: string[], recordNumber: number) => void,
  onBroken: (recordNumber: number, startOffset: number) => void,
  maxRecords = Infinity,
  start = 0,
): void {
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  let pos = start;
  let record = 0;
  while (pos < n && record < maxRecords) {
    record++;
    const recordStart = pos;
    const fields: string[] = [];
    let broken = false;
    for (;;) {
      // One field starting at pos.
      let value: string;
      if (text.charCodeAt(pos) === QUOTE) {
        let p = pos + 1;
        value = "";
        for (;;) {
          const q = text.indexOf('"', p);
          if (q < 0) {
            broken = true;
            break;
          }
          value += text.slice(p, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += '"';
            p = q + 2;
          } else {
            p = q + 1;
            break;
          }
        }
        if (broken) break;
        // Text after the closing quote, up to the separator or line end, is kept.
        let e = p;
        while (e < n) {
          const c = text.charCodeAt(e);
          if (c === d || c === LF || c === CR) break;
          e++;
        }
        if (e > p) value += text.slice(p, e);
        pos = e;
      } else {
        let e = pos;
        while (e < n) {
          const c = text.charCodeAt(e);
          if (c === d || c === LF || c === CR) break;
          e++;
        }
        value = text.slice(pos, e);
        pos = e;
      }
      fields.push(value);
      if (pos >= n) break;
      const c = text.charCodeAt(pos);
      if (c === d) {
        pos++;
        if (pos >= n) {
          fields.push("");
          break;
        }
        continue;
      }
      // Line break: end of record.
      pos += c === CR && text.charCodeAt(pos + 1) === LF ? 2 : 1;
      break;
    }
    if (broken) {
      onBroken(record, recordStart);
      pos = nextLineStart(text, recordStart);
      continue;
    }
    onRecord(fields, record);
  }
}

/** The separator: the candidate that splits the first records into the same number (more than one) of fields most often. */
export function detectDelimiter(text: string): Delimiter {
  const sample = text.length > 65536 ? text.slice(0, text.lastIndexOf("\n", 65536) + 1 || 65536) : text;
  let best: Delimiter = ",";
  let bestScore = -1;
  for (const delimiter of CANDIDATES) {
    const counts = new Map<number, number>();
    splitDelimited(
      sample,
      delimiter,
      (fields) => {
        if (fields.length > 1) counts.set(fields.length, (counts.get(fields.length) ?? 0) + 1);
      },
      () => {},
      50,
    );
    let score = 0;
    for (const [width, times] of counts) score = Math.max(score, times * 100_000 + width);
    if (score > bestScore) {
      bestScore = score;
      best = delimiter;
    }
  }
  return best;
}

/** Reads delimited text into rows of cells (empty fields as null), with problems for broken rows and cells beyond Excel's limits. */
export function readDelimited(text: string, delimiter: Delimiter, start = 0): DelimitedRead {
  const out: DelimitedRead = { rows: [], rowNumbers: [], problems: [] };
  const keeper = new ColumnTextKeeper();
  splitDelimited(
    text,
    delimiter,
    (fields, recordNumber) => {
      if (recordNumber > MAX_ROWS)
        throw new StaffFileError(
          `The file has more than ${MAX_ROWS.toLocaleString("en-GB")} rows, Excel's limit, so it is not read. A staff list is far shorter: save only the staff table, or split the file.`,
          "too-many-rows",
        );
      let cells: RawCell[] = fields;
      if (fields.length > MAX_COLUMNS) {
        out.problems.push({ rowNumber: recordNumber, column: MAX_COLUMNS, message: `Row ${recordNumber} has ${fields.length.toLocaleString("en-GB")} fields, more than Excel's ${MAX_COLUMNS.toLocaleString("en-GB")} columns: those past column XFD are not read.` });
        cells = fields.slice(0, MAX_COLUMNS);
      }
      // Empty fields are empty cells; a blank line is a row with no cells.
      let last = -1;
      for (let i = 0; i < cells.length; i++) {
        const v = cells[i] as string;
        if (v === "") cells[i] = null;
        else {
          last = i;
          if (v.length > MAX_CELL_CHARS) {
            out.problems.push({ rowNumber: recordNumber, column: i, message: `Row ${recordNumber}, field ${i + 1} holds ${v.length.toLocaleString("en-GB")} characters, more than Excel's limit of ${MAX_CELL_CHARS.toLocaleString("en-GB")} for a cell: shorten it.` });
            cells[i] = null;
          } else cells[i] = keeper.keep(i, v);
        }
      }
      if (last < cells.length - 1) cells.length = last + 1;
      out.rows.push(cells);
      out.rowNumbers.push(recordNumber);
    },
    (recordNumber) => {
      out.problems.push({
        rowNumber: recordNumber,
        column: null,
        message: `Row ${recordNumber} cannot be read: a field starts with a quote (") that is never closed. Put a second quote where the text ends, or remove the first. The rows after it are read as usual.`,
      });
    },
    Infinity,
    start,
  );
  return out;
}
