/**
 * The user's own pay figures as a table in the workbook (issue 9 item 6): the table the task pane
 * reads beside the staff list, named SuppliedPay, one figure a row. Each row is turned into the
 * scenario file's `suppliedPay` entry and checked by the same code (checkSuppliedPayEntries in
 * ./scenario.ts, which applies the engine's one rule, suppliedPayProblem). A bad row is reported by
 * worksheet row and column with what to change; the good rows are used. Pure: the cells come from
 * src/excel.
 */
import type { SuppliedPay } from "../engine/scales";
import type { FinancialYear } from "../engine/years";
import { checkSuppliedPayEntries, type SuppliedPayField, type SuppliedPayInput } from "./scenario";

/** The table's name (Excel table names have no spaces) and the sheet the pane creates it on. */
export const SUPPLIED_PAY_TABLE = "SuppliedPay";
export const SUPPLIED_PAY_SHEET = "Supplied pay";

type Column = "scale" | "grade" | "step" | "year" | "pay" | "note";

/** The table's columns as the pane creates them: heading, Excel number format, width in characters. */
export const SUPPLIED_PAY_COLUMNS: readonly { key: Column; heading: string; numberFormat: string; width: number }[] = [
  { key: "scale", heading: "Scale", numberFormat: "@", width: 10 },
  { key: "grade", heading: "Band or point", numberFormat: "@", width: 14 },
  { key: "step", heading: "Step", numberFormat: "0", width: 8 },
  { key: "year", heading: "Year", numberFormat: "@", width: 10 },
  { key: "pay", heading: "Full-time pay (£ a year)", numberFormat: "#,##0.00", width: 24 },
  { key: "note", heading: "Note", numberFormat: "@", width: 40 },
];

/** What the sheet says above the table (the pane writes these lines; the table starts below them). */
export const SUPPLIED_PAY_GUIDE: readonly string[] = [
  "Your own pay figures: full-time annual basic pay for a point or band and step the published scales do not hold (a local spinal column point, say), or a year's scale agreed before the data holds it (NJC 2026/27 once agreed: one row a point).",
  'One figure a row. Scale: NJC or AFC. Band or point: the NJC spinal column point (44), or the AfC band (8a) with its Step (1 = entry). Year: 2025/26 (blank: the board pack\'s year). Example: NJC | 44 | (blank) | 2025/26 | 52,300 | local point, pay policy 2025.',
  'A figure is used only where the data has none (a figure the data already holds is refused) and is labelled "supplied by you" wherever it appears in the board pack. Later years take it uplifted by the assumed pay award.',
];

/** Headings taken for each column, after lower-casing and dropping everything but letters and digits. */
const HEADINGS: Record<string, Column> = {
  scale: "scale",
  payscale: "scale",
  terms: "scale",
  bandorpoint: "grade",
  pointorband: "grade",
  gradeorpoint: "grade",
  band: "grade",
  point: "grade",
  grade: "grade",
  scp: "grade",
  spinalcolumnpoint: "grade",
  spinalpoint: "grade",
  paypoint: "grade",
  step: "step",
  afcstep: "step",
  year: "year",
  financialyear: "year",
  fulltimepayayear: "pay",
  fulltimepay: "pay",
  fulltimeannualpay: "pay",
  annualpay: "pay",
  payayear: "pay",
  pay: "pay",
  note: "note",
  notes: "note",
  comment: "note",
  source: "note",
};

const squash = (v: unknown) => String(v ?? "").toLowerCase().replace(/[^a-z0-9]/g, "");
const REQUIRED: readonly Column[] = ["scale", "grade", "pay"];

export interface SuppliedPayTableProblem {
  /** Worksheet row (the heading row for a problem with a column). */
  row: number;
  /** The column's heading as the table has it. */
  column: string;
  message: string;
}

export interface SuppliedPayTableResult {
  /** The good rows as a scenario file's `suppliedPay` entries: give them to the scenario (parseBoardScenario). */
  entries: SuppliedPayInput[];
  /** The same rows as the engine takes them. */
  figures: SuppliedPay[];
  /** Each row (or column) not used, and what to change. */
  problems: SuppliedPayTableProblem[];
  /** Rows with anything in them (blank rows are not counted). */
  rowsRead: number;
}

/**
 * Reads the SuppliedPay table: `values` is the heading row then the data rows as Excel gives them
 * ("" for a blank cell); `headerRowNumber` the worksheet row of the headings; `baseYear` the year a
 * row without a Year is for (the board pack's). A blank table supplies nothing, without a problem.
 */
export function suppliedPayFromTable(values: readonly (readonly unknown[])[], headerRowNumber: number, baseYear: FinancialYear | null): SuppliedPayTableResult {
  const header = values[0] ?? [];
  const problems: SuppliedPayTableProblem[] = [];
  const at = new Map<Column, number>();
  header.forEach((h, c) => {
    const heading = String(h ?? "").trim();
    const key = HEADINGS[squash(h)];
    if (!key) {
      problems.push({ row: headerRowNumber, column: heading, message: `Not used: the columns are ${SUPPLIED_PAY_COLUMNS.map((x) => `"${x.heading}"`).join(", ")}. Rename or remove this column.` });
    } else if (at.has(key)) {
      problems.push({ row: headerRowNumber, column: heading, message: `Not used: "${String(header[at.get(key)!])}" is already taken as this column. Remove one of the two.` });
    } else at.set(key, c);
  });
  const dataRows = values.slice(1).map((row, i) => ({ row, number: headerRowNumber + 1 + i })).filter(({ row }) => row.some((v) => String(v ?? "").trim() !== ""));
  const missing = REQUIRED.filter((k) => !at.has(k));
  if (missing.length > 0) {
    if (dataRows.length > 0 || header.length > 0) {
      const names = (ks: readonly Column[]) => ks.map((k) => `"${SUPPLIED_PAY_COLUMNS.find((x) => x.key === k)!.heading}"`).join(", ");
      problems.push({
        row: headerRowNumber,
        column: "(heading row)",
        message: `The table has no ${names(missing)} column, so none of its figures was used. It needs ${names(REQUIRED)}; "Step", "Year" and "Note" are optional.`,
      });
    }
    return { entries: [], figures: [], problems, rowsRead: dataRows.length };
  }

  const cell = (row: readonly unknown[], key: Column): unknown => {
    const c = at.get(key);
    if (c === undefined) return undefined;
    const v = row[c];
    if (v === null || v === undefined) return undefined;
    if (typeof v === "string") return v.trim() === "" ? undefined : v.trim();
    return v;
  };
  const entries: SuppliedPayInput[] = dataRows.map(({ row }) => {
    const scale = cell(row, "scale");
    const grade = cell(row, "grade");
    const step = cell(row, "step");
    const year = cell(row, "year");
    const note = cell(row, "note");
    // Which setting the Band or point column is: the point for the NJC, the band otherwise (AfC, or a scale not recognised: that is reported).
    const isNjc = ["njc", "greenbook"].includes(squash(scale));
    const entry: Record<string, unknown> = { scale, pay: cell(row, "pay") };
    if (grade !== undefined) entry[isNjc ? "point" : "band"] = grade;
    // A step typed into a text cell ("2") is the number 2, as the cell shows it.
    if (step !== undefined) entry.step = typeof step === "string" && /^\d+$/.test(step) ? Number(step) : step;
    if (year !== undefined) entry.year = year;
    if (note !== undefined) entry.note = typeof note === "string" ? note : String(note);
    return entry as unknown as SuppliedPayInput;
  });

  const checked = checkSuppliedPayEntries(entries, baseYear);
  const columnOf: Record<SuppliedPayField, Column> = { scale: "scale", year: "year", point: "grade", band: "grade", step: "step", pay: "pay", note: "note" };
  for (const p of checked.problems) {
    const key = p.field ? columnOf[p.field] : "grade";
    const c = at.get(key);
    const heading = c !== undefined ? String(header[c]).trim() : SUPPLIED_PAY_COLUMNS.find((x) => x.key === key)!.heading;
    // The scenario file's messages follow the setting's name ("pay: is missing: …"): here the column's heading leads.
    const message = p.message.startsWith("is ") ? `"${heading}" ${p.message}` : `${p.message.charAt(0).toUpperCase()}${p.message.slice(1)}`;
    problems.push({ row: dataRows[p.index].number, column: heading, message: `${message} This figure was not used.` });
  }
  problems.sort((a, b) => a.row - b.row);
  return { entries: checked.used.map((i) => entries[i]), figures: checked.figures, problems, rowsRead: dataRows.length };
}
