/**
 * A staff table (RawTable, or Office.js-style values) -> validated StaffMember records and the
 * intake report.
 *
 * Stages: find the header row (title rows above it are skipped) -> recognise each column from the
 * vocabulary (./vocabulary.ts), settle ambiguous headings by their values, and stop on a column
 * that looks like pay but is not understood -> read each row with the named normalisers
 * (./normalise.ts), checking grades and points against the year's pay scales -> StaffMember
 * records, every problem by row and column, and the IntakeReport (./report.ts).
 *
 * Nothing is guessed: an empty required cell is a problem, not a default, and a value that could be
 * read two ways is refused. Rows with a problem are left out and every other row is still read.
 * Linear in the number of rows (a Map for references, a cache of scale checks), and each value-only
 * cell reader runs once per distinct value (perValue): npm run bench -- --only readers.
 */
import { columnLetters } from "../engine/columnLetters";
import { EngineError } from "../engine/errors";
import { D, ZERO, type Decimal } from "../engine/money";

import type { Scheme } from "../engine/oncosts";
import { afcBands, afcPay, njcPay, payOrSupplied, type SuppliedPay } from "../engine/scales";
import type { StaffMember } from "../engine/staff";
import { standardHours, type HcasChoice, type TermsName } from "../engine/terms";
import type { FinancialYear } from "../engine/years";
import * as N from "./normalise";
import { CellProblem, isBlank, show, text } from "./normalise";
import type { RawTable } from "./rawTable";
import type { IntakeColumnNotUsed, IntakeColumnUsed, IntakeReport, RowIssue } from "./report";
import { AMBIGUOUS, documentedHeading, fieldForHeading, KNOWN_NOT_USED, normaliseHeading, payLikeHeading, SPEC_BY_FIELD, type StaffField } from "./vocabulary";

/**
 * The staff list checks that an NJC point is on the spine in the year, not its pay: in a year whose
 * award is pending any assumed award will do here (the scenario's is applied when people are costed).
 */
const ANY_AWARD = ZERO;

export type { RowIssue } from "./report";
export type { StaffField } from "./vocabulary";

export interface StaffRowsResult {
  members: StaffMember[];
  /** The row number each member was read from (parallel to `members`), for problems found later. */
  memberRows: number[];
  /** Every problem: the header's (stops) and each row's, by row. */
  issues: RowIssue[];
  /** Staff rows left out for a problem (blank rows, notes and hidden rows are not counted here: see the report). */
  skippedRows: number;
  /** Staff rows in the table (after the header; blank, note and total rows not counted). */
  totalRows: number;
  /** Row number of the header row found. */
  headerRow: number;
  /** Headings not used (each with why in the report). */
  ignoredColumns: string[];
  /** The column each field was read from (field -> heading as written). */
  columns: Partial<Record<StaffField, string>>;
  /** How the list was read. */
  report: IntakeReport;
}

export interface StaffListDefaults {
  /** The employer of everyone in a list without a "Current employer" column (an ESR export: the trust itself). */
  employer?: string | null;
  /** The terms of everyone in a list without a "Current terms" column. */
  terms?: TermsName | null;
}

export interface StaffRowsOptions {
  /** The financial year whose pay scales bands, steps and points are checked against (and whose 1 April dates of service are counted to); null = the latest in the data. */
  year?: FinancialYear | null;
  /** The terms target job matches are on: an AfC band or NJC points are then required of them. */
  targetTerms?: TermsName | null;
  /** Row number of table[0] on the sheet or in the file (default 1): a table starting at A5 passes 5. Ignored for a RawTable (it carries its row numbers). */
  firstRowNumber?: number;
  /** Cost rows hidden in the source like the others (default: leave them out and list them). */
  includeHidden?: boolean;
  /** Values for the whole list when it has no column for them. */
  defaults?: StaffListDefaults;
  /** Pay figures the user supplied (the scenario's suppliedPay): a point they cover is accepted. */
  suppliedPay?: readonly SuppliedPay[];
}

/** A table of values (Office.js range.values, a CSV parse) as a RawTable. */
export function rawTableOf(table: readonly unknown[][], firstRowNumber = 1): RawTable {
  const rows = (Array.isArray(table) ? table : []).map((r) => (Array.isArray(r) ? (r as RawTable["rows"][number]) : []));
  return { rows, rowNumbers: rows.map((_, i) => firstRowNumber + i), hidden: new Set(), source: { kind: "range", file: null, sheet: null, table: null, encoding: null, delimiter: null }, notes: [] };
}

const HEADER_SEARCH_ROWS = 30;

/** The header row: the first of the first 30 rows in which at least three cells are known headings (row 0 if none). */
export function findHeaderRow(table: readonly (readonly unknown[])[]): number {
  const limit = Math.min(table.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const row = table[r] ?? [];
    let known = 0;
    for (const c of row) if (typeof c === "string" && (fieldForHeading(c) || AMBIGUOUS.has(normaliseHeading(c)))) known++;
    if (known >= 3) return r;
  }
  return 0;
}

const REQUIRED: readonly (StaffField | StaffField[])[] = [
  "ref",
  "group",
  "employer",
  "terms",
  ["grade", "scp", "payPoint"],
  ["fte", "weeklyHours"],
  ["yearsService", "serviceStartDate", "latestStartDate"],
  "scheme",
];

function engineMessage(e: unknown): string {
  if (e instanceof EngineError) return e.message;
  throw e;
}

/** The 1 April that starts the pack's financial year (UTC): the given year, else the latest year of AfC pay in the data. */
function yearStart(year: FinancialYear | null): Date {
  return new Date(Date.UTC(year?.start ?? afcPay("5", 1, null).year!.start, 3, 1));
}

/** Reads a staff table given as values (header row first, or title rows above it). */
export function readStaffRows(table: readonly unknown[][], options: StaffRowsOptions = {}): StaffRowsResult {
  return readStaffTable(rawTableOf(table, options.firstRowNumber ?? 1), options);
}

/** Staff rows read and checked between two steps of readStaffRowsSteps (a few tens of milliseconds' work). */
export const STAFF_ROWS_PER_STEP = 250;

/**
 * readStaffRows a step at a time: yields the number of staff rows checked so far every
 * `rowsPerStep` of them, so a caller (the task pane) can hand the thread back between steps.
 * Pure; the same result as readStaffRows.
 */
export function readStaffRowsSteps(table: readonly unknown[][], options: StaffRowsOptions = {}, rowsPerStep = STAFF_ROWS_PER_STEP): Generator<number, StaffRowsResult, void> {
  return readStaffTableSteps(rawTableOf(table, options.firstRowNumber ?? 1), options, rowsPerStep);
}

/** A column all blank or 0 below the header: a pay-like column with nothing in it is named as not used instead of stopping the run. */
function allBlankOrZero(rows: RawTable["rows"], from: number, c: number): boolean {
  for (let r = from; r < rows.length; r++) {
    const v = rows[r]?.[c];
    if (isBlank(v) || v === 0 || (typeof v === "string" && /^\s*[£]?0+(\.0+)?\s*$/.test(v))) continue;
    return false;
  }
  return true;
}

/** Do two columns hold the same value in every row below the header? */
function sameValues(rows: RawTable["rows"], from: number, a: number, b: number): boolean {
  for (let r = from; r < rows.length; r++) {
    const x = rows[r]?.[a];
    const y = rows[r]?.[b];
    if ((isBlank(x) ? "" : String(x).trim()) !== (isBlank(y) ? "" : String(y).trim())) return false;
  }
  return true;
}

/** What most non-blank cells of a column are: numbers, dates, terms names, or other text. */
function columnKind(rows: RawTable["rows"], from: number, c: number): { numbers: number; dates: number; terms: number; text: number; example: string | null } {
  const k = { numbers: 0, dates: 0, terms: 0, text: 0, example: null as string | null };
  const limit = Math.min(rows.length, from + 2000);
  for (let r = from; r < limit; r++) {
    const v = rows[r]?.[c];
    if (isBlank(v)) continue;
    if (N.looksLikeDate(v)) k.dates++;
    else if (N.looksLikeNumber(v)) k.numbers++;
    else if (N.termsName(v)) k.terms++;
    else {
      k.text++;
      if (k.example === null) k.example = String(v).trim();
    }
  }
  return k;
}

/** A row of notes or totals within or below the table: not a person. */
function notStaffRow(cells: readonly unknown[], refCol: number | undefined): string | null {
  let filled = 0;
  let first: unknown = null;
  for (const v of cells)
    if (!isBlank(v)) {
      filled++;
      if (first === null) first = v;
    }
  if (filled === 0) return "blank";
  if (typeof first === "string" && /^\s*(grand\s+)?totals?\b/i.test(first)) return "a total";
  if (refCol !== undefined && isBlank(cells[refCol]) && filled <= 2) return "a note, not a staff row";
  // One cell of words (a reference has no spaces): "Produced by ESR on 01/04/2026", "Report end".
  if (filled === 1 && typeof first === "string" && /\S\s+\S/.test(first.trim())) return "a note, not a staff row";
  return null;
}

/** The most distinct values (and weekly hours) a reader remembers: unique values cannot grow it without limit. */
const MAX_REMEMBERED = 50_000;

/**
 * A cell reader that remembers its answer, or the problem it found, for each distinct text or
 * number: `read` must depend on the value alone. Other values (a Date, a boolean) are read each time.
 */
function perValue<T>(read: (v: unknown) => T): (v: unknown) => T {
  const seen = new Map<string | number, { value: T } | { problem: CellProblem }>();
  return (v) => {
    // -0 is kept apart from 0 (a Map would not), though no reader tells them apart today.
    if (typeof v !== "string" && (typeof v !== "number" || Object.is(v, -0))) return read(v);
    let known = seen.get(v);
    if (known === undefined) {
      try {
        known = { value: read(v) };
      } catch (e) {
        if (!(e instanceof CellProblem)) throw e;
        known = { problem: e };
      }
      if (seen.size < MAX_REMEMBERED) seen.set(v, known);
    }
    if ("problem" in known) throw known.problem;
    return known.value;
  };
}

/**
 * Reads a staff table as a reader handed it over. Returns the good rows as StaffMember records,
 * every problem by row and column, and the intake report.
 */
export function readStaffTable(raw: RawTable, options: StaffRowsOptions = {}): StaffRowsResult {
  const steps = readStaffTableSteps(raw, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** readStaffTable a step at a time (see readStaffRowsSteps). */
export function* readStaffTableSteps(raw: RawTable, options: StaffRowsOptions = {}, rowsPerStep = STAFF_ROWS_PER_STEP): Generator<number, StaffRowsResult, void> {
  const year = options.year ?? null;
  const rows = raw.rows;
  const rowNo = (i: number) => raw.rowNumbers[i] ?? i + 1;
  const issues: RowIssue[] = [];
  const stops: RowIssue[] = [];
  const notes: string[] = [];
  const columnsUsed: IntakeColumnUsed[] = [];
  const columnsNotUsed: IntakeColumnNotUsed[] = [];
  const report: IntakeReport = {
    source: raw.source ?? null,
    readerNotes: [...(raw.notes ?? [])],
    headerRow: rowNo(0),
    rowsAboveHeader: 0,
    columnsUsed,
    columnsNotUsed,
    stops,
    hiddenRows: [],
    hiddenIncluded: options.includeHidden === true,
    notStaffRows: [],
    staffRows: 0,
    rowsRead: 0,
    people: 0,
    peopleLeftOut: 0,
    payLeftOut: { amount: ZERO, rowsUnknown: 0 },
    issues,
    notes,
  };
  const result = (members: StaffMember[], memberRows: number[], skipped: number, columns: Partial<Record<StaffField, string>>): StaffRowsResult => ({
    members,
    memberRows,
    issues,
    skippedRows: skipped,
    totalRows: report.staffRows,
    headerRow: report.headerRow,
    ignoredColumns: columnsNotUsed.map((c) => c.heading),
    columns,
    report,
  });
  const stop = (row: number, column: string, message: string) => {
    const i = { row, column, message };
    stops.push(i);
    issues.push(i);
  };

  if (rows.length === 0 || rows.every((r) => r.every(isBlank))) {
    stop(rowNo(0), "", "The staff table is empty: give a header row and one row per person.");
    return result([], [], 0, {});
  }

  const h = findHeaderRow(rows);
  const headerRowNumber = rowNo(h);
  report.headerRow = headerRowNumber;
  report.rowsAboveHeader = h;
  const header = rows[h] ?? [];
  const headingText: string[] = header.map((c) => (isBlank(c) ? "" : String(c).trim()));
  const colOf = new Map<StaffField, number>();
  const use = (field: StaffField, c: number, takenAs?: string) => {
    colOf.set(field, c);
    columnsUsed.push({ heading: headingText[c], column: columnLetters(c), field, takenAs: takenAs ?? SPEC_BY_FIELD.get(field)!.takenAs });
  };
  const notUsed = (c: number, why: string) => columnsNotUsed.push({ heading: headingText[c], column: columnLetters(c), why });

  // Rows are ragged: a column past every row below the header is blank (a stray cell at XFD1 makes
  // the header 16,384 cells long; those columns need no look down).
  let widthBelow = 0;
  for (let r = h + 1; r < rows.length; r++) widthBelow = Math.max(widthBelow, rows[r]?.length ?? 0);

  // Pass 1: headings that name one field.
  const later: number[] = [];
  headingText.forEach((ht, c) => {
    if (ht === "") {
      if (c < widthBelow && !allBlankOrZero(rows, h + 1, c)) notUsed(c, "a column with no heading: not read (give it a heading if it matters)");
      return;
    }
    const field = fieldForHeading(ht);
    if (!field) {
      later.push(c);
      return;
    }
    const first = colOf.get(field);
    if (first !== undefined && sameValues(rows, h + 1, first, c)) {
      notUsed(c, `a second "${documentedHeading(field)}" column with the same values as "${headingText[first]}" (column ${columnLetters(first)}): not used`);
      return;
    }
    if (first !== undefined) {
      stop(
        headerRowNumber,
        ht,
        `Column "${ht}" is a second "${documentedHeading(field)}" column (the first is "${headingText[first]}", column ${columnLetters(first)}): two columns for one thing could disagree. Delete or rename one of them.`,
      );
      notUsed(c, `a second "${documentedHeading(field)}" column`);
      return;
    }
    use(field, c);
  });

  // Pass 2: headings that could mean two things, settled by their values; then the rest.
  for (const c of later) {
    const ht = headingText[c];
    const key = normaliseHeading(ht);
    const amb = AMBIGUOUS.get(key);
    if (amb) {
      const k = columnKind(rows, h + 1, c);
      if (amb.kind === "termsOrPayScaleCode") {
        if (k.terms > 0 && k.text === 0 && k.numbers === 0 && !colOf.has("terms")) use("terms", c, "the terms each person is on now (its values are AFC or NJC)");
        else
          notUsed(
            c,
            k.text + k.numbers > 0
              ? `holds pay scale codes${k.example ? ` (such as "${k.example}")` : ""}, not the terms; the codes are not read (no published list of ESR pay scale codes was found: docs/staff-list.md): the terms are read from ${colOf.has("terms") ? `"${headingText[colOf.get("terms")!]}"` : "a Current terms column"}`
              : "not used: the terms are read from their own column",
          );
      } else if (amb.kind === "serviceOrTeam") {
        if (k.text > 0 || (k.numbers === 0 && k.dates === 0)) notUsed(c, `holds names${k.example ? ` (such as "${k.example}")` : ""}, not years of service: not used`);
        else if (k.dates > 0 && k.numbers === 0 && !colOf.has("serviceStartDate")) use("serviceStartDate", c, "the start of continuous service (its values are dates)");
        else if (k.dates === 0 && !colOf.has("yearsService")) use("yearsService", c, "completed years of service (its values are numbers)");
        else notUsed(c, "mixes dates and numbers, or another column gives the service: not used");
      } else if (amb.kind === "employerOrCostCentre") {
        notUsed(c, 'the organisation in an ESR export is the cost centre (the team), not the employer: not used. The employer comes from a "Current employer" column or the scenario\'s staffList.employer');
      } else {
        if (allBlankOrZero(rows, h + 1, c)) notUsed(c, "holds nothing but blanks and zeros: not used");
        else stop(headerRowNumber, ht, `${amb.message} The list is not costed until then.`);
      }
      continue;
    }
    const why = KNOWN_NOT_USED.get(key);
    if (why) {
      notUsed(c, why);
      continue;
    }
    const payLike = payLikeHeading(ht);
    if (payLike) {
      if (allBlankOrZero(rows, h + 1, c)) notUsed(c, "looks like pay but holds nothing but blanks and zeros: not used");
      else stop(headerRowNumber, ht, payLike);
      continue;
    }
    notUsed(c, "not a heading the calculator knows: not used");
  }

  // An ESR-style list: the assignment number is the row's reference, the employee number the person.
  if (!colOf.has("ref") && colOf.has("person")) {
    const c = colOf.get("person")!;
    colOf.delete("person");
    colOf.set("ref", c);
    const u = columnsUsed.find((x) => x.field === "person")!;
    u.field = "ref";
    u.takenAs = "the reference of each person (one row each)";
  }

  const defaults = options.defaults ?? {};
  const missing: string[] = [];
  for (const req of REQUIRED) {
    const alts = typeof req === "string" ? [req] : req;
    if (alts.some((f) => colOf.has(f))) continue;
    if (alts[0] === "employer" && defaults.employer) continue;
    if (alts[0] === "terms" && defaults.terms) continue;
    missing.push(alts.length === 1 ? `"${documentedHeading(alts[0])}"` : `"${documentedHeading(alts[0])}" (or ${alts.slice(1).map((f) => `"${documentedHeading(f)}"`).join(" or ")})`);
  }
  if (defaults.employer && !colOf.has("employer")) notes.push(`Everyone's current employer is "${defaults.employer}" (the scenario's staffList.employer): the list has no employer column.`);
  if (defaults.terms && !colOf.has("terms")) notes.push(`Everyone's current terms are ${defaults.terms} (the scenario's staffList.terms): the list has no terms column.`);

  // Rows: staff rows, blank/note/total rows, hidden rows.
  const refCol = colOf.get("ref");
  const staffRowIdx: number[] = [];
  for (let r = h + 1; r < rows.length; r++) {
    const why = notStaffRow(rows[r] ?? [], refCol);
    if (why) {
      report.notStaffRows.push({ row: rowNo(r), why });
      continue;
    }
    staffRowIdx.push(r);
    if (raw.hidden.has(r)) report.hiddenRows.push(rowNo(r));
  }
  report.staffRows = staffRowIdx.length;
  const personCol = colOf.get("person") ?? refCol;
  const personKey = (r: number): string => {
    const v = personCol === undefined ? undefined : rows[r]?.[personCol];
    return isBlank(v) ? `#row${r}` : String(v).trim().toUpperCase();
  };
  const people = new Set<string>();
  for (const r of staffRowIdx) people.add(personKey(r));
  report.people = people.size;
  // With no person column the person is the reference (personKey is the reference as the check below
  // compares it): when every row's is distinct, no row can repeat another's, and that check is skipped.
  const refsDistinct = personCol === refCol && people.size === staffRowIdx.length;

  if (missing.length > 0) {
    const many = missing.length > 1;
    stop(
      headerRowNumber,
      missing.join(", ").replace(/"/g, ""),
      `The staff table has no ${missing.join(", ")} column${many ? "s" : ""}. Add ${many ? "them" : "it"} with ${many ? "these headings" : "this heading"} (see docs/staff-list.md for the accepted names); no row can be costed without ${many ? "them" : "it"}.`,
    );
  }
  if (stops.length > 0) {
    report.peopleLeftOut = report.people;
    report.payLeftOut.rowsUnknown = report.staffRows;
    const columns: Partial<Record<StaffField, string>> = {};
    for (const [f, c] of colOf) columns[f] = headingText[c];
    return result([], [], staffRowIdx.length, columns);
  }

  const columns: Partial<Record<StaffField, string>> = {};
  for (const [f, c] of colOf) columns[f] = headingText[c];
  const serviceDate = yearStart(year);
  const serviceDateText = `1 April ${serviceDate.getUTCFullYear()}`;
  if (!colOf.has("yearsService")) {
    const from = colOf.has("serviceStartDate") ? "serviceStartDate" : "latestStartDate";
    notes.push(`Years of service are the completed years from "${headingText[colOf.get(from)!]}" to ${serviceDateText}, the start of the pack's financial year.`);
  }
  if (colOf.has("payPoint"))
    notes.push(
      `"${headingText[colOf.get("payPoint")!]}" is read as the pay step for Agenda for Change staff${colOf.has("step") ? " when the Step column is empty" : ""} and as the spinal column point for NJC staff${colOf.has("scp") ? " when the spinal column point column is empty" : ""}.`,
    );
  if (colOf.has("grade") && (colOf.has("scp") || colOf.has("payPoint")))
    notes.push(`NJC staff are paid by their spinal column point; "${headingText[colOf.get("grade")!]}" is not read as a point for them (a local grade is not a point).`);

  const validBands = afcBands(year);
  const scaleChecks = new Map<string, string | null>();
  /** FTE basic pay of a row left out whose terms, grade and FTE could be read (null when its pay cannot be worked out). */
  const payOfLeftOut = (terms: TermsName, grade: string, step: number | null, fte: Decimal): Decimal | null => {
    try {
      const full = terms === "AFC" ? payOrSupplied(options.suppliedPay, "AFC", grade, step, year, () => afcPay(grade, step, year)) : payOrSupplied(options.suppliedPay, "NJC", grade, 1, year, () => njcPay(Number(grade), year, ANY_AWARD));
      return full.pay.times(fte);
    } catch {
      return null;
    }
  };
  const checkScale = (key: string, check: () => unknown): string | null => {
    let why = scaleChecks.get(key);
    if (why === undefined) {
      try {
        check();
        why = null;
      } catch (e) {
        why = engineMessage(e);
      }
      scaleChecks.set(key, why);
    }
    return why;
  };
  const firstRefRow = new Map<string, number>();
  const members: StaffMember[] = [];
  const memberRows: number[] = [];
  const peopleLeftOut = new Set<string>();
  let skipped = 0;
  const includeHidden = options.includeHidden === true;
  // Cells and rows the reader could not read: each row with one is left out, by row and column.
  const readerProblems = new Map<number, RowIssue[]>();
  const rowsInTable = raw.problems && raw.problems.length > 0 ? new Set(raw.rowNumbers) : null;
  for (const p of raw.problems ?? []) {
    const column = p.column === null ? "" : headingText[p.column] || columnLetters(p.column);
    const issue = { row: p.rowNumber, column, message: p.message };
    if (p.rowNumber <= headerRowNumber) {
      notes.push(`Row ${p.rowNumber}${column ? `, ${column}` : ""} (above the staff rows): ${p.message}`);
      continue;
    }
    if (!rowsInTable!.has(p.rowNumber)) {
      // A row the reader could not read at all (a CSV row whose quote never closes): left out, person unknown.
      issues.push(issue);
      skipped++;
      report.staffRows++;
      continue;
    }
    const list = readerProblems.get(p.rowNumber);
    if (list) list.push(issue);
    else readerProblems.set(p.rowNumber, [issue]);
  }

  // Per-row state read by the helpers below (made once, not once a row).
  let rowNumber = 0;
  let cells: readonly unknown[] = [];
  let rowIssues: RowIssue[] = [];
  const get = (f: StaffField): unknown => {
    const c = colOf.get(f);
    return c === undefined ? undefined : cells[c];
  };
  const colName = (f: StaffField): string => {
    const c = colOf.get(f);
    return c === undefined ? documentedHeading(f) : headingText[c];
  };
  const problem = (f: StaffField, message: string): void => {
    rowIssues.push({ row: rowNumber, column: colName(f), message });
  };
  const read = <T>(f: StaffField, fn: (v: unknown) => T, fallback: T): T => {
    try {
      return fn(get(f));
    } catch (e) {
      if (e instanceof CellProblem) {
        problem(f, e.message);
        return fallback;
      }
      throw e;
    }
  };
  const requiredText = (f: StaffField, what: string): string =>
    read(
      f,
      (v) => {
        if (isBlank(v)) throw new CellProblem(`${what} is empty: fill it in.`);
        return text(v);
      },
      "",
    );
  const optionalText = (v: unknown): string | null => (isBlank(v) ? null : text(v));
  const refWhat = colOf.has("person") ? "The assignment number" : "The employee reference";

  // The cell readers that depend on the cell's value alone, each remembering its answer (or problem)
  // per distinct value: an export repeats a few terms, bands, FTEs, years and schemes in every row.
  const termsOf = perValue<TermsName | null>((v) => {
    if (isBlank(v)) throw new CellProblem("The current terms are empty: write AFC (Agenda for Change) or NJC (Green Book).");
    const t = N.termsName(text(v));
    if (!t) throw new CellProblem(`Current terms ${show(v)} are not recognised: write AFC (Agenda for Change) or NJC (Green Book).`);
    return t;
  });
  const bandOf = perValue((v) => {
    if (isBlank(v)) throw new CellProblem(`The band is empty: give the Agenda for Change band (${validBands.join(", ")}).`);
    const b = N.afcBand(v);
    if (b === null || !validBands.includes(b)) throw new CellProblem(`${show(v)} is not an Agenda for Change band. Bands: ${validBands.join(", ")}.`);
    return b;
  });
  const payStepOf = perValue(N.payStep);
  const spinalPointOf = perValue(N.spinalPoint);
  const weeklyHoursOf = perValue((v) => (isBlank(v) ? null : N.weeklyHours(v)));
  const fteOf = perValue((v) => (isBlank(v) ? null : N.fte(v)));
  const yearsServiceOf = perValue((v) => {
    if (isBlank(v)) throw new CellProblem("Years of service is empty: give completed years (0 for less than a year).");
    if (N.looksLikeDate(v)) return new D(N.completedYears(N.date(v, "The service date"), serviceDate));
    return N.years(v, "Years of service");
  });
  const yearsFromDateOf = perValue((v) => {
    if (isBlank(v)) throw new CellProblem(`The service start date is empty: give the date (the years of service are counted from it to ${serviceDateText}).`);
    return new D(N.completedYears(N.date(v, "The date"), serviceDate));
  });
  const yearsInGradeOf = perValue((v) => (isBlank(v) ? null : N.years(v, "Years in grade")));
  const schemeOf = perValue(N.pensionScheme);
  const hcasOf = perValue(N.hcasZone);
  const localAllowanceOf = perValue((v) => (isBlank(v) ? ZERO : N.money(v, "London weighting (£ a year, full time)", 50_000)));
  const targetGradeOf = perValue((v) => (isBlank(v) ? null : targetMatch(text(v), options.targetTerms ?? null, year, validBands)));
  const fullHours = new Map<TermsName, Decimal>();
  const fullHoursOf = (t: TermsName): Decimal => {
    let hours = fullHours.get(t);
    if (hours === undefined) fullHours.set(t, (hours = standardHours(t)));
    return hours;
  };
  /**
   * The FTE from weekly hours and the FTE given, or why they cannot be used: worked out once per
   * terms, FTE and hours (the readers above hand back one Decimal per distinct value, so the
   * Decimals themselves are the keys).
   */
  const hoursAndFteKnown = new Map<string, Map<Decimal | null, Map<Decimal | null, { fte: Decimal | null; problem: string | null; problemField: StaffField | null }>>>();
  const hoursAndFte = (terms: TermsName, fte: Decimal | null, weeklyHours: Decimal | null) => {
    let byFte = hoursAndFteKnown.get(terms);
    if (byFte === undefined) hoursAndFteKnown.set(terms, (byFte = new Map()));
    let byHours = byFte.get(fte);
    if (byHours === undefined) {
      byHours = new Map();
      if (byFte.size < MAX_REMEMBERED) byFte.set(fte, byHours);
    }
    let known = byHours.get(weeklyHours);
    if (known === undefined) {
      known = { fte, problem: null, problemField: null };
      const full = fullHoursOf(terms);
      if (fte === null && weeklyHours !== null) {
        if (weeklyHours.gt(full))
          known = {
            fte: null,
            problemField: "weeklyHours",
            problem: `Weekly hours ${weeklyHours.toString()} are more than full time on ${terms === "AFC" ? "Agenda for Change" : "NJC terms"} (${full.toString()}); give the FTE (at most 1) and the contracted hours.`,
          };
        else known.fte = weeklyHours.dividedBy(full);
      } else if (fte !== null && weeklyHours !== null) {
        // Exports round FTE to 2 to 4 places: 0.01 FTE (about 22 minutes a week) apart is the same contract.
        const fromHours = weeklyHours.dividedBy(full);
        if (fromHours.minus(fte).abs().gt(0.01) && weeklyHours.lte(full))
          known = {
            fte,
            problemField: "fte",
            problem: `FTE ${fte.toString()} and ${weeklyHours.toString()} contracted hours disagree: ${weeklyHours.toString()} hours is ${fromHours.toDecimalPlaces(4).toString()} FTE of the ${full.toString()}-hour week. Correct whichever is wrong.`,
          };
      }
      if (byHours.size < MAX_REMEMBERED) byHours.set(weeklyHours, known);
    }
    return known;
  };
  const ANY_WEEK = new D(168);
  // Hours of a kind are checked against the row's weekly hours: one reader per kind and weekly hours.
  // (Keyed by the Decimal itself: the readers above hand back one Decimal per distinct value.)
  const hoursOfKindReaders = new Map<Decimal, Map<string, (v: unknown) => Decimal>>();
  const hoursOfKindOf = (what: string, maxHours: Decimal): ((v: unknown) => Decimal) => {
    let byKind = hoursOfKindReaders.get(maxHours);
    if (byKind === undefined) {
      byKind = new Map();
      if (hoursOfKindReaders.size < MAX_REMEMBERED) hoursOfKindReaders.set(maxHours, byKind);
    }
    let reader = byKind.get(what);
    if (reader === undefined) byKind.set(what, (reader = perValue((v) => (isBlank(v) ? ZERO : N.hoursOfKind(v, what, maxHours)))));
    return reader;
  };

  // One staff row: a function of its own (not the generator's body), so it is compiled and optimised apart.
  const checkRow = (r: number): void => {
    rowNumber = rowNo(r);
    cells = rows[r] ?? [];
    rowIssues = [];

    const ref = requiredText("ref", refWhat);
    const refKey = refsDistinct ? "" : ref.toUpperCase();
    if (ref !== "" && !refsDistinct) {
      const first = firstRefRow.get(refKey);
      if (first !== undefined)
        problem(
          "ref",
          colOf.has("person")
            ? `Assignment ${ref} is also on row ${first}; this row is left out. Each assignment has one row.`
            : `Employee reference ${ref} is also on row ${first}; this row is left out. Give each row a unique reference (with several posts, an "Assignment number" column and an "Employee number" column).`,
        );
    }
    const person = colOf.has("person") ? read("person", optionalText, null) : null;

    const name = read("name", optionalText, null);
    const group = requiredText("group", "The staff group");
    const employer = colOf.has("employer") ? requiredText("employer", "The current employer") : (defaults.employer ?? "");

    const terms = colOf.has("terms") ? read<TermsName | null>("terms", termsOf, null) : (defaults.terms ?? null);

    let grade = "";
    let step: number | null = null;
    if (terms === "AFC") {
      const band = read("grade", bandOf, "");
      const stepField: StaffField = colOf.has("step") && (!colOf.has("payPoint") || !isBlank(get("step"))) ? "step" : colOf.has("payPoint") ? "payPoint" : "step";
      step = read<number | null>(
        stepField,
        (v) => {
          if (isBlank(v))
            throw new CellProblem(
              colOf.has(stepField)
                ? "The pay step is empty: give the AfC step (1 = entry step of the band)."
                : 'The table has no "Step" column: Agenda for Change staff need their pay step (1 = entry step of the band).',
            );
          return payStepOf(v);
        },
        null,
      );
      if (band !== "" && step !== null) {
        const why = checkScale(`A|${band}|${step}`, () => payOrSupplied(options.suppliedPay, "AFC", band, step, year, () => afcPay(band, step!, year)));
        if (why === null) grade = band;
        else problem(stepField, why);
      }
    } else if (terms === "NJC") {
      // The spinal point wins: the SCP column, else a Pay Point column, else (only in a list with
      // neither) the band-or-grade column as our own lists use it. A local grade is never a point.
      const f: StaffField = colOf.has("scp") && (!isBlank(get("scp")) || !colOf.has("payPoint")) ? "scp" : colOf.has("payPoint") ? "payPoint" : colOf.has("scp") ? "scp" : "grade";
      const point = read<number | null>(
        f,
        (v) => {
          if (isBlank(v)) throw new CellProblem("The spinal column point is empty: give the NJC spinal column point (a whole number).");
          return spinalPointOf(v);
        },
        null,
      );
      if (point !== null) {
        const why = checkScale(`N|${point}`, () => payOrSupplied(options.suppliedPay, "NJC", String(point), 1, year, () => njcPay(point, year, ANY_AWARD)));
        if (why === null) grade = String(point);
        else problem(f, why);
      }
      if (colOf.has("step"))
        read(
          "step",
          (v) => {
            if (isBlank(v) || v === 1 || v === "1") return null;
            throw new CellProblem(
              `NJC pay is set by the spinal column point alone, so a step is not used for NJC staff; got ${show(v)}.${f === "grade" ? ' If this is the spinal column point, head the column "Spinal column point" (or SCP).' : " Leave it empty."}`,
            );
          },
          null,
        );
    }

    // Hours and FTE: either, or both when they agree.
    const weeklyHours = read<Decimal | null>("weeklyHours", weeklyHoursOf, null);
    let fte = read<Decimal | null>("fte", fteOf, null);
    const hoursOrFteProblem = rowIssues.length > 0 && rowIssues.some((i) => i.column === colName("fte") || i.column === colName("weeklyHours"));
    if (!hoursOrFteProblem && terms !== null) {
      if (fte === null && weeklyHours === null) problem(colOf.has("fte") ? "fte" : "weeklyHours", "FTE is empty: give the full-time equivalent (more than 0, at most 1) or the weekly hours.");
      else {
        const h = hoursAndFte(terms, fte, weeklyHours);
        if (h.problem !== null) problem(h.problemField!, h.problem);
        else fte = h.fte;
      }
    }

    // Years of service: a years column, else completed years from a start date to the year's 1 April.
    let yearsService: Decimal | null = null;
    if (colOf.has("yearsService")) yearsService = read<Decimal | null>("yearsService", yearsServiceOf, null);
    else {
      const f: StaffField = colOf.has("serviceStartDate") && (!isBlank(get("serviceStartDate")) || !colOf.has("latestStartDate")) ? "serviceStartDate" : "latestStartDate";
      yearsService = read<Decimal | null>(f, yearsFromDateOf, null);
    }
    const yearsInGrade = read<Decimal | null>("yearsInGrade", yearsInGradeOf, null);
    if (yearsService !== null && yearsInGrade !== null && yearsInGrade.gt(yearsService))
      problem("yearsInGrade", `Years in grade (${yearsInGrade.toString()}) cannot be more than years of service (${yearsService.toString()}).`);

    const scheme = read<Scheme | null>("scheme", schemeOf, null);
    const hcasArea = read<HcasChoice>("hcasArea", hcasOf, "NONE");
    if (hcasArea !== "NONE" && terms === "NJC")
      problem("hcasArea", "The High Cost Area Supplement is an Agenda for Change payment: for NJC staff leave it empty and give any London weighting in £ a year.");

    const localAllowance = read("localAllowance", localAllowanceOf, ZERO);

    const maxHours = weeklyHours ?? (terms ? fullHoursOf(terms) : ANY_WEEK);
    const unsocial = (f: StaffField, what: string): Decimal => read(f, hoursOfKindOf(what, maxHours), ZERO);
    const unsocialNights = unsocial("unsocialNightsAndSaturdays", "Unsocial hours on nights and Saturdays (hours a week)");
    const unsocialSundays = unsocial("unsocialSundaysAndPublicHolidays", "Unsocial hours on Sundays and public holidays (hours a week)");
    if (!(unsocialNights.isZero() && unsocialSundays.isZero()) && unsocialNights.plus(unsocialSundays).gt(maxHours))
      problem("unsocialSundaysAndPublicHolidays", `Unsocial hours together (${unsocialNights.plus(unsocialSundays).toString()}) are more than the weekly hours (${maxHours.toString()}).`);
    // Council enhancements, each category apart (null: the list has no such column).
    const councilHours = (f: StaffField, what: string): Decimal | null => (colOf.has(f) ? unsocial(f, what) : null);
    const nights = councilHours("unsocialNights", "Night hours (a week)");
    const saturdays = councilHours("unsocialSaturdays", "Saturday hours (a week)");
    const sundays = councilHours("unsocialSundays", "Sunday hours (a week)");
    const publicHolidays = councilHours("unsocialPublicHolidays", "Public holiday hours (a week)");
    const councilTotal = [nights, saturdays, sundays, publicHolidays].reduce<Decimal>((t, h) => (h && !h.isZero() ? t.plus(h) : t), ZERO);
    if (!councilTotal.isZero() && councilTotal.gt(maxHours))
      problem(colOf.has("unsocialPublicHolidays") ? "unsocialPublicHolidays" : colOf.has("unsocialSundays") ? "unsocialSundays" : "unsocialNights", `Night, Saturday, Sunday and public holiday hours together (${councilTotal.toString()}) are more than the weekly hours (${maxHours.toString()}).`);

    const targetGrade = read<string | null>("targetGrade", targetGradeOf, null);

    const gradeTop = read<number | null>(
      "gradeTop",
      (v) => {
        if (isBlank(v) || terms !== "NJC") return null;
        const top = N.spinalPoint(v);
        const point = Number(grade);
        if (grade !== "" && top < point)
          throw new CellProblem(`The top of the grade (SCP ${top}) is below the person's own point (SCP ${point}): give the grade's highest spinal column point.`);
        const why = checkScale(`N|${top}`, () => njcPay(top, year, ANY_AWARD));
        if (why !== null) throw new CellProblem(why);
        return top;
      },
      null,
    );

    const unreadable = readerProblems.get(rowNumber);
    if (unreadable) rowIssues.unshift(...unreadable);
    if (rowIssues.length > 0 || terms === null) {
      for (const i of rowIssues) issues.push(i);
      skipped++;
      peopleLeftOut.add(personKey(r));
      const pay = terms !== null && grade !== "" && fte !== null ? payOfLeftOut(terms, grade, step, fte) : null;
      if (pay === null) report.payLeftOut.rowsUnknown++;
      else report.payLeftOut.amount = report.payLeftOut.amount.plus(pay);
      return;
    }
    if (!refsDistinct) firstRefRow.set(refKey, rowNumber);
    const member = {
      ref,
      name,
      group,
      employer,
      terms,
      grade,
      step: terms === "AFC" ? step : null,
      fte: fte!,
      weeklyHours,
      yearsService: yearsService!,
      yearsInGrade,
      scheme: scheme!,
      hcasArea,
      localAllowance,
      unsocialNightsAndSaturdays: unsocialNights,
      unsocialSundaysAndPublicHolidays: unsocialSundays,
    } as StaffMember;
    // The optional fields only when given, in this order (no spread objects made per row).
    if (nights !== null) member.unsocialNights = nights;
    if (saturdays !== null) member.unsocialSaturdays = saturdays;
    if (sundays !== null) member.unsocialSundays = sundays;
    if (publicHolidays !== null) member.unsocialPublicHolidays = publicHolidays;
    member.targetGrade = targetGrade;
    if (gradeTop !== null) member.gradeTop = gradeTop;
    if (person !== null) member.person = person;
    members.push(member);
    memberRows.push(rowNumber);
  };

  let checked = 0;
  for (const r of staffRowIdx) {
    if (++checked % rowsPerStep === 0) yield checked;
    if (!includeHidden && raw.hidden.has(r)) continue;
    checkRow(r);
  }
  report.rowsRead = members.length;
  report.peopleLeftOut = peopleLeftOut.size;
  issues.sort((a, b) => a.row - b.row);
  return result(members, memberRows, skipped, columns);
}

/**
 * A target job match: an AfC band ("6", "Band 6", "Band 8 - Range A") or NJC points as a single
 * point or a grade's range ("29", "SCP 29-32"). Normalised to "6" / "8a" / "29" / "29-32".
 */
function targetMatch(t: string, targetTerms: TermsName | null, year: FinancialYear | null, validBands: readonly string[]): string {
  const band = N.afcBand(t) ?? t.trim().toLowerCase();
  const points = /^(?:scp\s*)?(\d+)\s*(?:(?:-|–|to)\s*(?:scp\s*)?(\d+))?$/i.exec(t.trim());
  const looksAfc = /^band\s*/i.test(t.trim()) || (validBands.includes(band) && !(targetTerms === "NJC" && points));
  if (targetTerms !== "NJC" && looksAfc && validBands.includes(band)) return band;
  if (targetTerms === "AFC") throw new CellProblem(`Target job match "${t}" is not an Agenda for Change band. Bands: ${validBands.join(", ")}.`);
  if (!points)
    throw new CellProblem(
      `Target job match "${t}" is not ${targetTerms === "NJC" ? "" : "an Agenda for Change band or "}NJC spinal column points: write a band such as 6, or points such as 29-32.`,
    );
  const lo = Number(points[1]);
  const hi = points[2] !== undefined ? Number(points[2]) : lo;
  if (hi < lo) throw new CellProblem(`Target job match "${t}": the first point must not be above the last, as in ${hi}-${lo}.`);
  for (const p of lo === hi ? [lo] : [lo, hi]) {
    try {
      njcPay(p, year, ANY_AWARD);
    } catch (e) {
      throw new CellProblem(`Target job match "${t}": ${engineMessage(e)}`);
    }
  }
  return lo === hi ? String(lo) : `${lo}-${hi}`;
}
