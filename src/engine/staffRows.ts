/**
 * Raw staff rows -> validated StaffMember records.
 *
 * The input is a table as Office.js `range.values` or a CSV parser gives it: a header row, then one
 * row per person, each cell a number, text, boolean or empty. Headers are matched forgivingly
 * (case, spaces, underscores and punctuation do not matter; common synonyms such as "Emp Ref",
 * "Band", "SCP", "WTE" are known). Every problem is reported by row and column with what to
 * change; rows with a problem are left out and every other row is still read. Nothing is guessed:
 * an empty required cell is a problem, not a default.
 *
 * Linear in the number of rows (one pass, a Map for duplicate references), so 100,000 rows are
 * read in well under a second or two.
 */
import { columnLetters } from "./columnLetters";
import { EngineError } from "./errors";
import { D, ZERO, type Decimal } from "./money";
import type { Scheme } from "./oncosts";
import { afcBands, afcPay, njcPay, normaliseAfcBand } from "./scales";
import type { StaffMember } from "./staff";
import { standardHours, type HcasChoice, type TermsName } from "./terms";
import type { FinancialYear } from "./years";

/** One problem in the staff table. `row` is 1-based as a spreadsheet or CSV file numbers it (the header is row 1 unless told otherwise). */
export interface RowIssue {
  row: number;
  /** The column's heading as written in the table (or the expected heading, for a missing column); "" for the whole row. */
  column: string;
  message: string;
}

export interface StaffRowsResult {
  members: StaffMember[];
  /** The row number each member was read from (parallel to `members`), for problems found later. */
  memberRows: number[];
  issues: RowIssue[];
  /** Data rows left out: rows with a problem and blank rows. */
  skippedRows: number;
  /** Data rows in the table (after the header), blank rows included. */
  totalRows: number;
  /** Row number of the header row found. */
  headerRow: number;
  /** Headings that matched no known column and were ignored. */
  ignoredColumns: string[];
  /** The column each field was read from (field -> heading as written). */
  columns: Partial<Record<StaffField, string>>;
}

export interface StaffRowsOptions {
  /** The financial year whose pay scales bands, steps and spinal column points are checked against; null = the latest in the data. */
  year?: FinancialYear | null;
  /** The terms target job matches are on: an AfC band or NJC points are then required of them. */
  targetTerms?: TermsName | null;
  /** Row number of table[0] on the sheet or in the file (default 1): a table starting at A5 passes 5. */
  firstRowNumber?: number;
}

export type StaffField =
  | "ref"
  | "name"
  | "group"
  | "employer"
  | "terms"
  | "grade"
  | "scp"
  | "step"
  | "fte"
  | "weeklyHours"
  | "yearsService"
  | "yearsInGrade"
  | "scheme"
  | "hcasArea"
  | "localAllowance"
  | "unsocialNightsAndSaturdays"
  | "unsocialSundaysAndPublicHolidays"
  | "targetGrade"
  | "gradeTop";

interface ColumnSpec {
  field: StaffField;
  /** The heading we document and use in messages. */
  heading: string;
  synonyms: string[];
}

/** The documented columns (docs/staff-list.md), in the order we suggest. */
export const STAFF_COLUMNS: readonly ColumnSpec[] = [
  {
    field: "ref",
    heading: "Employee reference",
    synonyms: [
      "employee ref", "emp ref", "employee reference number", "employee number", "employee no", "emp no", "employee id",
      "emp id", "staff id", "staff number", "staff no", "staff ref", "staff reference", "payroll number", "payroll no",
      "payroll ref", "payroll reference", "assignment number", "assignment no", "person number", "person id", "ref",
      "reference", "id",
    ],
  },
  { field: "name", heading: "Name", synonyms: ["employee name", "full name", "staff name", "surname and forename", "forename and surname"] },
  {
    field: "group",
    heading: "Staff group",
    synonyms: ["group", "professional group", "occupational group", "occupation group", "occupation", "staff category", "job family", "staff type"],
  },
  {
    field: "employer",
    heading: "Current employer",
    synonyms: ["employer", "organisation", "organization", "current organisation", "current organization", "transferring employer", "from employer", "org"],
  },
  {
    field: "terms",
    heading: "Current terms",
    synonyms: ["terms", "terms and conditions", "current terms and conditions", "t and cs", "ts and cs", "tcs", "pay terms", "contract terms", "conditions", "pay scale", "scale"],
  },
  {
    field: "grade",
    heading: "Band or grade",
    synonyms: [
      "band", "grade", "pay band", "afc band", "grade or band", "current band", "current grade", "band or scp", "grade or scp",
      "band scp", "grade scp", "pay grade", "band grade",
    ],
  },
  { field: "scp", heading: "Spinal column point", synonyms: ["scp", "spinal point", "spine point", "njc scp", "njc point", "spinal column", "current scp"] },
  { field: "step", heading: "Step", synonyms: ["pay step", "band step", "afc step", "increment", "pay point", "step on band", "step point"] },
  { field: "fte", heading: "FTE", synonyms: ["wte", "whole time equivalent", "full time equivalent", "fte ratio"] },
  {
    field: "weeklyHours",
    heading: "Weekly hours",
    synonyms: ["hours", "contracted hours", "hours week", "contracted weekly hours", "hrs", "weekly contracted hours", "hours a week"],
  },
  {
    field: "yearsService",
    heading: "Years of service",
    synonyms: ["service", "years service", "length of service", "reckonable service", "continuous service", "service years", "service in years", "los"],
  },
  { field: "yearsInGrade", heading: "Years in grade", synonyms: ["years in band", "time in grade", "time in band", "years on grade", "years on band"] },
  { field: "scheme", heading: "Pension scheme", synonyms: ["pension", "scheme", "pension scheme membership"] },
  { field: "hcasArea", heading: "HCAS area", synonyms: ["hcas", "high cost area", "high cost area supplement", "hcas zone", "high cost area zone"] },
  {
    field: "localAllowance",
    heading: "London weighting",
    synonyms: ["local allowance", "london allowance", "weighting", "location allowance", "london weighting allowance", "local weighting"],
  },
  {
    field: "unsocialNightsAndSaturdays",
    heading: "Unsocial hours nights and Saturdays",
    synonyms: [
      "unsocial nights and saturdays", "unsocial hours saturdays and nights", "unsocial saturdays and nights", "nights and saturdays",
      "unsocial hours nights saturdays", "unsocial nights", "unsocial hours nights", "unsocial hours saturday and night",
      "unsocial hours night and saturday", "unsocial night and saturday",
    ],
  },
  {
    field: "unsocialSundaysAndPublicHolidays",
    heading: "Unsocial hours Sundays and public holidays",
    synonyms: [
      "unsocial sundays and public holidays", "unsocial hours sundays and bank holidays", "unsocial sundays and bank holidays",
      "sundays and public holidays", "sundays and bank holidays", "unsocial hours sundays", "unsocial sundays",
      "unsocial hours sunday and public holiday", "unsocial sunday and bank holiday",
    ],
  },
  {
    field: "targetGrade",
    heading: "Target job match",
    synonyms: ["target grade", "target band", "job match", "matched grade", "matched band", "target", "new grade", "new band", "target job", "target scp", "target points"],
  },
  {
    field: "gradeTop",
    heading: "Top of grade",
    synonyms: ["grade top", "top scp", "top point", "grade top scp", "top of grade scp", "max scp", "maximum scp", "grade max", "scp top"],
  },
];

const STOP_WORDS = new Set(["and", "the", "of", "per", "a", "in"]);

/** "Emp_Ref", "emp ref", "EMP-REF" -> "empref"; "&" reads as "and"; small words dropped except in "years in grade". */
export function normaliseHeading(text: string): string {
  const tokens = text
    .toLowerCase()
    .replace(/&/g, " and ")
    .split(/[^a-z0-9]+/)
    .filter((t) => t !== "");
  const kept = tokens.filter((t) => !STOP_WORDS.has(t));
  return (kept.length > 0 ? kept : tokens).join("");
}

const HEADING_INDEX: ReadonlyMap<string, StaffField> = (() => {
  const m = new Map<string, StaffField>();
  for (const spec of STAFF_COLUMNS) {
    for (const h of [spec.heading, ...spec.synonyms]) {
      const key = normaliseHeading(h);
      if (m.has(key) && m.get(key) !== spec.field) throw new Error(`[CareTrust] heading synonym "${h}" is ambiguous`);
      m.set(key, spec.field);
    }
  }
  return m;
})();

const SPEC_BY_FIELD = new Map(STAFF_COLUMNS.map((s) => [s.field, s]));

/** Headings that are known but cannot be placed in one column (an "Unsocial hours" column must be split in two). */
const AMBIGUOUS_HEADINGS: ReadonlyMap<string, string> = new Map([
  [
    normaliseHeading("Unsocial hours"),
    'Unsocial hours are paid at different rates for nights and Saturdays and for Sundays and public holidays: split this column into "Unsocial hours nights and Saturdays" and "Unsocial hours Sundays and public holidays" (hours a week each). It is ignored.',
  ],
]);

export function fieldForHeading(text: string): StaffField | null {
  return HEADING_INDEX.get(normaliseHeading(text)) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Cell readers. Each returns a value or throws CellProblem with the message for the user.
// ---------------------------------------------------------------------------------------------

class CellProblem extends Error {}

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

function show(v: unknown): string {
  if (typeof v === "string") return `"${v.length > 60 ? `${v.slice(0, 57)}...` : v}"`;
  if (v instanceof Date) return `the date ${v.toISOString().slice(0, 10)}`;
  return String(v);
}

function text(v: unknown): string {
  if (typeof v === "string") return v.trim();
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  if (typeof v === "boolean") throw new CellProblem(`expected text, got ${v ? "TRUE" : "FALSE"}`);
  if (v instanceof Date) throw new CellProblem(`expected text, got ${show(v)}`);
  return String(v).trim();
}

const NUMBER_TEXT = /^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i;

/** A number from a cell: numbers as they are; text with £, commas and spaces accepted ("£1,234.50"); `percent` accepts "80%". */
function number(v: unknown, what: string, percent = false): Decimal {
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new CellProblem(`${what} must be a number; got ${show(v)}.`);
    return new D(v);
  }
  if (typeof v === "string") {
    let t = v.trim().replace(/[£,\s]/g, "");
    let scale = 1;
    if (percent && t.endsWith("%")) {
      t = t.slice(0, -1);
      scale = 100;
    }
    if (NUMBER_TEXT.test(t)) return new D(t).dividedBy(scale);
  }
  throw new CellProblem(`${what} must be a number; got ${show(v)}.`);
}

function canon(v: string): string {
  return normaliseHeading(v);
}

const TERMS_VALUES: ReadonlyMap<string, TermsName> = new Map([
  ...["afc", "agenda for change", "nhs", "nhs afc", "afc nhs", "a4c", "nhs agenda for change", "agenda for change nhs"].map(
    (s): [string, TermsName] => [canon(s), "AFC"],
  ),
  ...["njc", "green book", "njc green book", "council", "local government", "nj c", "njc local government"].map(
    (s): [string, TermsName] => [canon(s), "NJC"],
  ),
]);

const SCHEME_VALUES: ReadonlyMap<string, Scheme> = new Map([
  ...["nhs", "nhsps", "nhs pension", "nhs pension scheme", "nhs pensions", "nhs 2015", "nhs 2015 scheme"].map((s): [string, Scheme] => [canon(s), "NHS"]),
  ...["lgps", "local government pension scheme", "lgps main", "lgps main section", "lgps 100"].map((s): [string, Scheme] => [canon(s), "LGPS"]),
  ...["lgps 50/50", "lgps5050", "lgps 50 50", "50/50", "lgps 50/50 section", "lgps fifty fifty"].map((s): [string, Scheme] => [canon(s), "LGPS5050"]),
  ...["none", "no", "opted out", "not in scheme", "no scheme", "not a member", "non member", "nonmember"].map((s): [string, Scheme] => [
    canon(s),
    "NONE",
  ]),
]);

const HCAS_VALUES: ReadonlyMap<string, HcasChoice> = new Map([
  ...["inner", "inner london"].map((s): [string, HcasChoice] => [canon(s), "INNER"]),
  ...["outer", "outer london"].map((s): [string, HcasChoice] => [canon(s), "OUTER"]),
  ...["fringe", "fringe zone", "london fringe"].map((s): [string, HcasChoice] => [canon(s), "FRINGE"]),
  ...["none", "no", "n/a", "na", "0"].map((s): [string, HcasChoice] => [canon(s), "NONE"]),
]);

/** "SCP 23", "23", 23 -> 23. */
function spinalPoint(v: unknown): number {
  const t = typeof v === "number" ? String(v) : typeof v === "string" ? v.trim().replace(/^(scp|point|spinal column point)\s*/i, "") : "";
  if (/^\d+$/.test(t)) return Number(t);
  throw new CellProblem(`${show(v)} is not a spinal column point: give the NJC point as a whole number, such as 23.`);
}

function engineMessage(e: unknown): string {
  if (e instanceof EngineError) return e.message;
  throw e;
}

// ---------------------------------------------------------------------------------------------

const HEADER_SEARCH_ROWS = 20;

/** The header row: the first of the first 20 rows in which at least three cells are known headings (row 0 if none). */
export function findHeaderRow(table: readonly unknown[][]): number {
  const limit = Math.min(table.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < limit; r++) {
    const row = table[r] ?? [];
    let known = 0;
    for (const c of row) if (typeof c === "string" && fieldForHeading(c)) known++;
    if (known >= 3) return r;
  }
  return 0;
}

const REQUIRED: readonly (StaffField | [StaffField, StaffField])[] = [
  "ref",
  "group",
  "employer",
  "terms",
  ["grade", "scp"],
  ["fte", "weeklyHours"],
  "yearsService",
  "scheme",
];

function heading(field: StaffField): string {
  return SPEC_BY_FIELD.get(field)!.heading;
}

/**
 * Reads a staff table. `table[0]` (or the first row with three known headings among the first 20)
 * is the header. Returns the good rows as StaffMember records, every problem by row and column,
 * and how many rows were left out.
 */
export function readStaffRows(table: readonly unknown[][], options: StaffRowsOptions = {}): StaffRowsResult {
  const firstRowNumber = options.firstRowNumber ?? 1;
  const year = options.year ?? null;
  const issues: RowIssue[] = [];
  const empty = (headerRow: number, totalRows: number): StaffRowsResult => ({
    members: [],
    memberRows: [],
    issues,
    skippedRows: totalRows,
    totalRows,
    headerRow,
    ignoredColumns: [],
    columns: {},
  });

  if (!Array.isArray(table) || table.length === 0) {
    issues.push({ row: firstRowNumber, column: "", message: "The staff table is empty: give a header row and one row per person." });
    return empty(firstRowNumber, 0);
  }

  const h = findHeaderRow(table);
  const headerRowNumber = firstRowNumber + h;
  const header = Array.isArray(table[h]) ? table[h] : [];
  const colOf = new Map<StaffField, number>();
  const headingText: string[] = header.map((c) => (isBlank(c) ? "" : String(c).trim()));
  const ignoredColumns: string[] = [];

  headingText.forEach((ht, c) => {
    if (ht === "") return;
    const field = fieldForHeading(ht);
    if (!field) {
      const why = AMBIGUOUS_HEADINGS.get(normaliseHeading(ht));
      if (why) issues.push({ row: headerRowNumber, column: ht, message: why });
      ignoredColumns.push(ht);
      return;
    }
    const first = colOf.get(field);
    if (first !== undefined) {
      issues.push({
        row: headerRowNumber,
        column: ht,
        message: `Column "${ht}" is a second "${heading(field)}" column (the first is "${headingText[first]}", column ${columnLetters(first)}). Only the first is read; delete or rename this one.`,
      });
      return;
    }
    colOf.set(field, c);
  });

  const totalRows = table.length - h - 1;
  const missing: string[] = [];
  for (const req of REQUIRED) {
    if (typeof req === "string") {
      if (!colOf.has(req)) missing.push(`"${heading(req)}"`);
    } else if (!colOf.has(req[0]) && !colOf.has(req[1])) missing.push(`"${heading(req[0])}" (or "${heading(req[1])}")`);
  }
  if (missing.length > 0) {
    issues.push({
      row: headerRowNumber,
      column: missing.join(", ").replace(/"/g, ""),
      message: `The staff table has no ${missing.join(", ")} column${missing.length > 1 ? "s" : ""}. Add ${missing.length > 1 ? "them" : "it"} with ${missing.length > 1 ? "these headings" : "this heading"} (see docs/staff-list.md for the accepted names); no row can be costed without ${missing.length > 1 ? "them" : "it"}.`,
    });
    return { ...empty(headerRowNumber, Math.max(0, totalRows)), ignoredColumns };
  }

  const columns: Partial<Record<StaffField, string>> = {};
  for (const [f, c] of colOf) columns[f] = headingText[c];

  const validBands = afcBands(year);
  /** Scale checks by grade and step: a staff list has few distinct grades, so each is checked once. */
  const scaleChecks = new Map<string, string | null>();
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
  let skipped = 0;
  let blankRun: { from: number; to: number } | null = null;
  const flushBlank = (): void => {
    if (!blankRun) return;
    const { from, to } = blankRun;
    issues.push({
      row: from,
      column: "",
      message: from === to ? "This row is blank and is left out." : `Rows ${from} to ${to} are blank and are left out.`,
    });
    blankRun = null;
  };

  for (let r = h + 1; r < table.length; r++) {
    const rowNumber = firstRowNumber + r;
    const cells = Array.isArray(table[r]) ? table[r] : [];
    let blank = true;
    for (const c of colOf.values()) if (!isBlank(cells[c])) { blank = false; break; }
    if (blank) {
      skipped++;
      if (blankRun && blankRun.to === rowNumber - 1) blankRun.to = rowNumber;
      else {
        flushBlank();
        blankRun = { from: rowNumber, to: rowNumber };
      }
      continue;
    }
    flushBlank();

    const rowIssues: RowIssue[] = [];
    const get = (f: StaffField): unknown => {
      const c = colOf.get(f);
      return c === undefined ? undefined : cells[c];
    };
    const colName = (f: StaffField): string => {
      const c = colOf.get(f);
      return c === undefined ? heading(f) : headingText[c];
    };
    const problem = (f: StaffField, message: string): void => {
      rowIssues.push({ row: rowNumber, column: colName(f), message });
    };
    /** Runs a reader over one cell; a CellProblem becomes an issue for that column. */
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

    // Reference and duplicates.
    const ref = requiredText("ref", "The employee reference");
    if (ref !== "") {
      const key = ref.toUpperCase();
      const first = firstRefRow.get(key);
      if (first !== undefined)
        problem("ref", `Employee reference ${ref} is also on row ${first}; this row is left out. Give each person one row with a unique reference.`);
    }

    const name = read("name", (v) => (isBlank(v) ? null : text(v)), null);
    const group = requiredText("group", "The staff group");
    const employer = requiredText("employer", "The current employer");

    const terms = read<TermsName | null>(
      "terms",
      (v) => {
        if (isBlank(v)) throw new CellProblem('The current terms are empty: write AFC (Agenda for Change) or NJC (Green Book).');
        const t = TERMS_VALUES.get(canon(text(v)));
        if (!t) throw new CellProblem(`Current terms ${show(v)} are not recognised: write AFC (Agenda for Change) or NJC (Green Book).`);
        return t;
      },
      null,
    );

    // Grade and step, checked against the pay scales of the year.
    let grade = "";
    let step: number | null = null;
    if (terms === "AFC") {
      const band = read(
        "grade",
        (v) => {
          if (isBlank(v)) throw new CellProblem(`The band is empty: give the Agenda for Change band (${validBands.join(", ")}).`);
          const b = normaliseAfcBand(text(v));
          if (!validBands.includes(b))
            throw new CellProblem(`${show(v)} is not an Agenda for Change band. Bands: ${validBands.join(", ")}.`);
          return b;
        },
        "",
      );
      step = read<number | null>(
        "step",
        (v) => {
          if (isBlank(v))
            throw new CellProblem(
              colOf.has("step")
                ? "The pay step is empty: give the AfC step (1 = entry step of the band)."
                : 'The table has no "Step" column: Agenda for Change staff need their pay step (1 = entry step of the band).',
            );
          const n = number(v, "The pay step");
          if (!n.isInteger() || n.lt(1)) throw new CellProblem(`The pay step must be a whole number from 1; got ${show(v)}.`);
          return n.toNumber();
        },
        null,
      );
      if (band !== "" && step !== null) {
        const why = checkScale(`A|${band}|${step}`, () => afcPay(band, step!, year));
        if (why === null) grade = band;
        else problem("step", why);
      }
    } else if (terms === "NJC") {
      const f: StaffField = colOf.has("scp") && !isBlank(get("scp")) ? "scp" : colOf.has("grade") ? "grade" : "scp";
      const point = read<number | null>(
        f,
        (v) => {
          if (isBlank(v)) throw new CellProblem("The spinal column point is empty: give the NJC spinal column point (a whole number).");
          return spinalPoint(v);
        },
        null,
      );
      if (point !== null) {
        const why = checkScale(`N|${point}`, () => njcPay(point, year));
        if (why === null) grade = String(point);
        else problem(f, why);
      }
      read(
        "step",
        (v) => {
          if (isBlank(v) || v === 1 || v === "1") return null;
          throw new CellProblem(`NJC pay is set by the spinal column point alone: leave the step empty for NJC staff; got ${show(v)}.`);
        },
        null,
      );
    }

    // Hours and FTE.
    const weeklyHours = read<Decimal | null>(
      "weeklyHours",
      (v) => {
        if (isBlank(v)) return null;
        const n = number(v, "Weekly hours");
        if (n.lte(0) || n.gt(168)) throw new CellProblem(`Weekly hours must be more than 0 and at most 168; got ${show(v)}.`);
        return n;
      },
      null,
    );
    let fte = read<Decimal | null>(
      "fte",
      (v) => {
        if (isBlank(v)) return null;
        const n = number(v, "FTE", true);
        if (n.lte(0) || n.gt(1))
          throw new CellProblem(`FTE must be more than 0 and at most 1 (full time is 1, half time 0.5); got ${show(v)}.`);
        return n;
      },
      null,
    );
    if (fte === null && !rowIssues.some((i) => i.column === colName("fte") || i.column === colName("weeklyHours"))) {
      if (weeklyHours !== null && terms !== null) {
        const full = standardHours(terms);
        if (weeklyHours.gt(full))
          problem(
            "weeklyHours",
            `Weekly hours ${weeklyHours.toString()} are more than full time on ${terms === "AFC" ? "Agenda for Change" : "NJC terms"} (${full.toString()}); give the FTE (at most 1) and the contracted hours.`,
          );
        else fte = weeklyHours.dividedBy(full);
      } else if (weeklyHours === null) problem(colOf.has("fte") ? "fte" : "weeklyHours", "FTE is empty: give the full-time equivalent (more than 0, at most 1) or the weekly hours.");
    }

    const years = (f: StaffField, what: string, required: boolean): Decimal | null =>
      read<Decimal | null>(
        f,
        (v) => {
          if (isBlank(v)) {
            if (required) throw new CellProblem(`${what} is empty: give completed years (0 for less than a year).`);
            return null;
          }
          const n = number(v, what);
          if (n.isNegative() || n.gt(60)) throw new CellProblem(`${what} must be from 0 to 60 years; got ${show(v)}.`);
          return n;
        },
        null,
      );
    const yearsService = years("yearsService", "Years of service", true);
    const yearsInGrade = years("yearsInGrade", "Years in grade", false);
    if (yearsService !== null && yearsInGrade !== null && yearsInGrade.gt(yearsService))
      problem("yearsInGrade", `Years in grade (${yearsInGrade.toString()}) cannot be more than years of service (${yearsService.toString()}).`);

    const scheme = read<Scheme | null>(
      "scheme",
      (v) => {
        if (isBlank(v)) throw new CellProblem("The pension scheme is empty: write NHS, LGPS, LGPS 50/50 or NONE (not in a scheme).");
        const s = SCHEME_VALUES.get(canon(text(v)));
        if (!s) throw new CellProblem(`Pension scheme ${show(v)} is not recognised: write NHS, LGPS, LGPS 50/50 or NONE.`);
        return s;
      },
      null,
    );

    const hcasArea = read<HcasChoice>(
      "hcasArea",
      (v) => {
        if (isBlank(v)) return "NONE";
        const a = HCAS_VALUES.get(canon(text(v)));
        if (!a) throw new CellProblem(`HCAS area ${show(v)} is not recognised: write INNER, OUTER, FRINGE or leave it empty (none).`);
        return a;
      },
      "NONE",
    );
    if (hcasArea !== "NONE" && terms === "NJC")
      problem("hcasArea", "The High Cost Area Supplement is an Agenda for Change payment: for NJC staff leave it empty and give any London weighting in £ a year.");

    const money = (f: StaffField, what: string): Decimal =>
      read(
        f,
        (v) => {
          if (isBlank(v)) return ZERO;
          const n = number(v, what);
          if (n.isNegative()) throw new CellProblem(`${what} must not be negative; got ${show(v)}.`);
          return n;
        },
        ZERO,
      );
    const localAllowance = money("localAllowance", "London weighting (£ a year, full time)");

    const maxHours = weeklyHours ?? (terms ? standardHours(terms) : new D(168));
    const unsocial = (f: StaffField, what: string): Decimal =>
      read(
        f,
        (v) => {
          if (isBlank(v)) return ZERO;
          const n = number(v, what);
          if (n.isNegative() || n.gt(maxHours))
            throw new CellProblem(`${what} must be from 0 to the weekly hours (${maxHours.toString()}); got ${show(v)}.`);
          return n;
        },
        ZERO,
      );
    const unsocialNights = unsocial("unsocialNightsAndSaturdays", "Unsocial hours on nights and Saturdays (hours a week)");
    const unsocialSundays = unsocial("unsocialSundaysAndPublicHolidays", "Unsocial hours on Sundays and public holidays (hours a week)");
    if (unsocialNights.plus(unsocialSundays).gt(maxHours))
      problem("unsocialSundaysAndPublicHolidays", `Unsocial hours together (${unsocialNights.plus(unsocialSundays).toString()}) are more than the weekly hours (${maxHours.toString()}).`);

    const targetGrade = read<string | null>("targetGrade", (v) => (isBlank(v) ? null : targetMatch(text(v), options.targetTerms ?? null, year, validBands)), null);

    // NJC staff: the top spinal column point of their grade, for increments on current terms.
    const gradeTop = read<number | null>(
      "gradeTop",
      (v) => {
        if (isBlank(v) || terms !== "NJC") return null;
        const top = spinalPoint(v);
        const point = Number(grade);
        if (grade !== "" && top < point)
          throw new CellProblem(`The top of the grade (SCP ${top}) is below the person's own point (SCP ${point}): give the grade's highest spinal column point.`);
        const why = checkScale(`N|${top}`, () => njcPay(top, year));
        if (why !== null) throw new CellProblem(why);
        return top;
      },
      null,
    );

    if (rowIssues.length > 0) {
      for (const i of rowIssues) issues.push(i);
      skipped++;
      continue;
    }
    firstRefRow.set(ref.toUpperCase(), rowNumber);
    members.push({
      ref,
      name,
      group,
      employer,
      terms: terms!,
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
      targetGrade,
      ...(gradeTop !== null ? { gradeTop } : {}),
    });
    memberRows.push(rowNumber);
  }
  flushBlank();
  return { members, memberRows, issues, skippedRows: skipped, totalRows: Math.max(0, totalRows), headerRow: headerRowNumber, ignoredColumns, columns };
}

/**
 * A target job match: an AfC band ("6", "Band 8a") or NJC points as a single point or a grade's
 * range ("29", "SCP 29-32"). Normalised to "6" / "8a" / "29" / "29-32".
 */
function targetMatch(t: string, targetTerms: TermsName | null, year: FinancialYear | null, validBands: readonly string[]): string {
  const band = normaliseAfcBand(t);
  const points = /^(?:scp\s*)?(\d+)\s*(?:(?:-|–|to)\s*(?:scp\s*)?(\d+))?$/i.exec(t.trim());
  const looksAfc = /^band\s*/i.test(t.trim()) || (validBands.includes(band) && !(targetTerms === "NJC" && points));
  if (targetTerms !== "NJC" && looksAfc && validBands.includes(band)) return band;
  if (targetTerms === "AFC")
    throw new CellProblem(`Target job match "${t}" is not an Agenda for Change band. Bands: ${validBands.join(", ")}.`);
  if (!points)
    throw new CellProblem(
      `Target job match "${t}" is not ${targetTerms === "NJC" ? "" : "an Agenda for Change band or "}NJC spinal column points: write a band such as 6, or points such as 29-32.`,
    );
  const lo = Number(points[1]);
  const hi = points[2] !== undefined ? Number(points[2]) : lo;
  if (hi < lo) throw new CellProblem(`Target job match "${t}": the first point must not be above the last, as in ${hi}-${lo}.`);
  for (const p of lo === hi ? [lo] : [lo, hi]) {
    try {
      njcPay(p, year);
    } catch (e) {
      throw new CellProblem(`Target job match "${t}": ${engineMessage(e)}`);
    }
  }
  return lo === hi ? String(lo) : `${lo}-${hi}`;
}

