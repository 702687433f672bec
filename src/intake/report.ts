import type { Decimal } from "../engine/money";
import type { UnsocialCategory } from "../engine/harmonise";
import type { TermsName } from "../engine/terms";
/**
 * The intake report: how a staff list was read, before anything is costed. Each column and what it
 * was taken as, each column not used (by name, with why), the header row found, hidden rows (left
 * out unless asked for, and listed), rows left out and why, and what the reader noted on the way
 * (encoding, separator, sheet). The CLI prints it, the pack carries it (sheet "Rows left out"),
 * the task pane shows it. Nothing in a staff list is ignored without being named here.
 */
import type { RawTableSource } from "./rawTable";
import type { StaffField } from "./vocabulary";

/** One problem in the staff table. `row` is 1-based as a spreadsheet or CSV file numbers it. */
export interface RowIssue {
  row: number;
  /** The column's heading as written in the table (or the expected heading, for a missing column); "" for the whole row. */
  column: string;
  message: string;
  /** Set when the row was left out for want of an unsocial-hours rate the scenario can give, so that rows wanting the same rate can be told once. */
  missingRate?: MissingRateCause;
}

/** An unsocial-hours rate neither the data nor the scenario gives (the engine's MissingRateError), and where the scenario takes it. */
export interface MissingRateCause {
  /** The side of the comparison that needs it. */
  side: "current" | "target";
  /** The rate to give: a council category, or one rate for a group (AfC's grouping, or council hours given together). */
  category: UnsocialCategory;
  /** The terms of that side. */
  terms: TermsName;
  /** The option of an appraisal whose own target terms need it (its index in "options"); absent for the scenario's. */
  option?: number;
}

export interface IntakeColumnUsed {
  /** The heading as written. */
  heading: string;
  /** The column letter in the table (A, B, ...). */
  column: string;
  field: StaffField;
  /** What it was taken as, in words. */
  takenAs: string;
}

export interface IntakeColumnNotUsed {
  heading: string;
  column: string;
  /** Why not, in words. */
  why: string;
}

export interface IntakeReport {
  /** Where the list came from (file, sheet, table, encoding, separator), when a reader said so. */
  source: RawTableSource | null;
  /** What the reader did that the user should know. */
  readerNotes: string[];
  /** The row number of the header row found (as the source numbers it). */
  headerRow: number;
  /** Rows above the header (titles, report parameters), not read as staff. */
  rowsAboveHeader: number;
  columnsUsed: IntakeColumnUsed[];
  columnsNotUsed: IntakeColumnNotUsed[];
  /** Problems that stop the whole list from being costed (a pay-like column not understood, a required column missing). */
  stops: RowIssue[];
  /** Rows hidden in the source (by a filter or by hand), by row number. */
  hiddenRows: number[];
  /** True when hidden rows were costed like the others (--include-hidden); false: left out and listed. */
  hiddenIncluded: boolean;
  /** Blank rows and rows of notes or totals below or within the table (not staff, not counted as people). */
  notStaffRows: { row: number; why: string }[];
  /** Staff rows (after the header, without blank, note and total rows). */
  staffRows: number;
  /** Staff rows read into staff records (rows with a problem and hidden rows left out). */
  rowsRead: number;
  /** People (distinct employee numbers, else references) in the staff rows. */
  people: number;
  /** People with at least one row left out for a problem (not hidden rows). */
  peopleLeftOut: number;
  /**
   * The full-time-equivalent basic pay (base year, £ a year) of the rows left out for a problem whose
   * pay could still be read (terms, a band/step or point on the scale, and the FTE), and how many
   * left-out rows it could not be worked out for.
   */
  payLeftOut: { amount: Decimal; rowsUnknown: number };
  /** Rows left out for a problem, with the problems (by row, then column). */
  issues: RowIssue[];
  /** The intake's own notes: how values were worked out (years of service from a date, a "Pay Point" read as the step or the point). */
  notes: string[];
}

/** The switch that costs hidden rows, named for both hosts: the pack says it whichever made it. */
const HIDDEN_SWITCH = '--include-hidden (command line) or "Cost hidden rows too" (task pane)';

/** The intake report as plain lines, for the command line and a plain list in the task pane. */
export function intakeReportLines(r: IntakeReport, options: { maxIssues?: number; issues?: boolean } = {}): string[] {
  const out: string[] = [];
  const src = r.source;
  if (src && r.readerNotes.length === 0) {
    const where = [src.file, src.sheet ? `sheet "${src.sheet}"` : null, src.table ? `table ${src.table}` : null].filter(Boolean).join(", ");
    if (where) out.push(`Read ${where}${src.encoding ? `, ${src.encoding}` : ""}${src.delimiter ? `, separated by ${delimiterName(src.delimiter)}` : ""}.`);
  }
  for (const n of r.readerNotes) out.push(n);
  out.push(`Header row: row ${r.headerRow}${r.rowsAboveHeader > 0 ? ` (${r.rowsAboveHeader} row${r.rowsAboveHeader === 1 ? "" : "s"} above it not read)` : ""}.`);
  out.push("Columns used:");
  for (const c of r.columnsUsed) out.push(`  ${c.column} "${c.heading}": ${c.takenAs}`);
  if (r.columnsNotUsed.length > 0) {
    out.push("Columns not used:");
    for (const c of r.columnsNotUsed) out.push(`  ${c.column} "${c.heading}": ${c.why}`);
  }
  for (const n of r.notes) out.push(n);
  if (r.hiddenRows.length > 0)
    out.push(
      `${r.hiddenRows.length} hidden row${r.hiddenRows.length === 1 ? "" : "s"} (${rowList(r.hiddenRows)}) ${r.hiddenIncluded ? `costed like the others (${HIDDEN_SWITCH} was on)` : `left out: they are hidden in the list (unhide them, or turn on ${HIDDEN_SWITCH}, to cost them)`}.`,
    );
  if (r.notStaffRows.length > 0) out.push(`${r.notStaffRows.length} row${r.notStaffRows.length === 1 ? "" : "s"} not staff (blank, notes or totals): ${rowList(r.notStaffRows.map((n) => n.row))}.`);
  for (const s of r.stops) out.push(`STOP: ${s.column ? `${s.column}: ` : ""}${s.message}`);
  const leftOut = rowsLeftOutForProblem(r);
  out.push(
    `${r.staffRows} staff row${r.staffRows === 1 ? "" : "s"} (${r.people} ${r.people === 1 ? "person" : "people"}); ${r.rowsRead} read; ${leftOut} left out for a problem (${r.peopleLeftOut} ${r.peopleLeftOut === 1 ? "person" : "people"}${leftOut > 0 ? `; ${payLeftOutWords(r)}` : ""}).`,
  );
  if (options.issues === false) return out;
  const max = options.maxIssues ?? Infinity;
  for (const i of r.issues.slice(0, max)) out.push(`  Row ${i.row}${i.column ? `, ${i.column}` : ""}: ${i.message}`);
  if (r.issues.length > max) out.push(`  … and ${r.issues.length - max} more problems: every one is on the "Rows left out" sheet.`);
  return out;
}

function delimiterName(d: string): string {
  return d === "," ? "commas" : d === ";" ? "semicolons" : d === "\t" ? "tabs" : `"${d}"`;
}

/** "3, 5, 7 to 9" (at most 20 runs, then "and N more"). */
export function rowList(rows: readonly number[]): string {
  const sorted = [...rows].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    runs.push(i === j ? String(sorted[i]) : `${sorted[i]} to ${sorted[j]}`);
    i = j + 1;
  }
  return runs.length > 20 ? `${runs.slice(0, 20).join(", ")} and ${runs.length - 20} more` : runs.join(", ");
}

/**
 * How much pay the rows left out carry, in words: "their FTE basic pay £61,234.50 a year" and, where
 * it cannot be worked out for some rows (`alsoUnknown`: rows left out later, at costing), says for how many.
 */
export function payLeftOutWords(report: IntakeReport, alsoUnknown = 0): string {
  const unknown = report.payLeftOut.rowsUnknown + alsoUnknown;
  const amount = `£${report.payLeftOut.amount.toDecimalPlaces(2).toNumber().toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  const rows = `${unknown} row${unknown === 1 ? "" : "s"}`;
  if (report.payLeftOut.amount.isZero() && unknown > 0) return `their pay cannot be worked out (${rows} without a readable pay point or FTE)`;
  return `their FTE basic pay ${amount} a year${unknown > 0 ? `, not counting ${rows} whose pay cannot be worked out` : ""}`;
}

/** Staff rows the intake left out for a problem (not hidden rows). */
export function rowsLeftOutForProblem(r: IntakeReport): number {
  return r.staffRows - r.rowsRead - (r.hiddenIncluded ? 0 : r.hiddenRows.length);
}
