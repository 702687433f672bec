import { invalidValue, notAvailable } from "./errors";
import type { ByYear, Sourced } from "../data/types";

/** A financial year, 1 April to 31 March, named by its first calendar year: 2025 is "2025/26". */
export interface FinancialYear {
  readonly start: number;
  readonly label: string;
}

export function financialYear(start: number): FinancialYear {
  return { start, label: `${start}/${String((start + 1) % 100).padStart(2, "0")}` };
}

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

/**
 * Reads a year as a user types it: "2025/26", "2025-26", "2025/2026", 2025, or an Excel date
 * serial (the financial year containing that date). Returns null for an omitted argument.
 */
export function parseFinancialYear(input: unknown): FinancialYear | null {
  if (input === null || input === undefined || input === "") return null;
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw invalidValue("The year must be a number such as 2025, text such as \"2025/26\", or a date.");
    if (Number.isInteger(input) && input >= MIN_YEAR && input <= MAX_YEAR) return financialYear(input);
    if (input >= 32874 && input < 73051) return financialYearOfSerial(input); // 1 Jan 1990 .. 31 Dec 2099
    throw invalidValue(`${input} is not a year. Give a financial year such as "2025/26", a year such as 2025, or a date.`);
  }
  if (typeof input === "string") {
    const text = input.trim();
    const m = /^(\d{4})\s*(?:[/\-–]\s*(\d{2}|\d{4}))?$/.exec(text);
    if (m) {
      const start = Number(m[1]);
      if (m[2] !== undefined) {
        const end = Number(m[2]);
        const expected = m[2].length === 2 ? (start + 1) % 100 : start + 1;
        if (end !== expected)
          throw invalidValue(`"${text}" is not a financial year: the second year must follow the first, as in "${financialYear(start).label}".`);
      }
      if (start >= MIN_YEAR && start <= MAX_YEAR) return financialYear(start);
    }
    throw invalidValue(`"${text}" is not a financial year. Write it as "2025/26", "2025-26" or 2025.`);
  }
  if (typeof input === "boolean") throw invalidValue("The year must be a financial year such as \"2025/26\", not TRUE or FALSE.");
  throw invalidValue("The year must be a financial year such as \"2025/26\".");
}

/** The financial year (1 April start) containing an Excel date serial. */
export function financialYearOfSerial(serial: number): FinancialYear {
  const date = new Date(EXCEL_EPOCH_UTC + Math.floor(serial) * 86400000);
  const year = date.getUTCFullYear();
  return financialYear(date.getUTCMonth() >= 3 ? year : year - 1);
}

/** The years a table holds, oldest first. */
export function yearsIn<T>(table: ByYear<T>): string[] {
  return Object.keys(table).sort();
}

/** The latest year a table holds with an agreed (not pending) entry. */
export function latestYear<T>(table: ByYear<T>): FinancialYear {
  const years = yearsIn(table).filter((y) => !table[y].pending);
  return financialYear(Number(years[years.length - 1].slice(0, 4)));
}

/** The table's pending year entries (award not agreed), oldest first. */
export function pendingYears<T>(table: ByYear<T>): string[] {
  return yearsIn(table).filter((y) => table[y].pending);
}

/**
 * The entry for a year, or the latest agreed year when `year` is null.
 * `what` names the table in the message, e.g. "Agenda for Change pay scales".
 */
export function forYear<T>(table: ByYear<T>, year: FinancialYear | null, what: string): Sourced<T> & { year: FinancialYear } {
  let byLabel = resolved.get(table);
  if (!byLabel) resolved.set(table, (byLabel = new Map()));
  const key = year === null ? LATEST : year.label;
  const hit = byLabel.get(key);
  if (hit) return hit as Sourced<T> & { year: FinancialYear };
  const fy = year ?? latestYear(table);
  const entry = table[fy.label];
  if (!entry)
    throw notAvailable(`No ${what} for ${fy.label} in the data. Years held: ${yearsIn(table).join(", ")}.`);
  const found = Object.freeze({ ...entry, year: fy });
  byLabel.set(key, found);
  return found;
}

/** Lookups are on hot paths (every element of every person's package, every year): cache them per table. */
const resolved = new WeakMap<object, Map<string, Sourced<unknown> & { year: FinancialYear }>>();
const LATEST = "latest";
