import { invalidValue } from "../engine/errors";
import { D } from "../engine/money";
import type { LocalScaleRow, ScaleRef } from "../engine/scales";
import { isOmitted, matrix, type Cell } from "./args";

function asNumber(c: Cell): number | null {
  if (typeof c === "number" && Number.isFinite(c)) return c;
  if (typeof c === "string" && /^\s*£?[\d,]+(\.\d+)?\s*$/.test(c)) return Number(c.replace(/[£,\s]/g, ""));
  return null;
}

/**
 * A local pay scale from a worksheet range: one row per grade, the grade in the first column and
 * the annual full-time pay for each step in the columns after it (step 1 first). A header row
 * (text where the pay would be) is skipped; blank cells after the last step are ignored.
 */
export function parseLocalScale(range: Cell[][]): LocalScaleRow[] {
  const rows: LocalScaleRow[] = [];
  range.forEach((row, r) => {
    if (row.every(isOmitted)) return;
    const grade = row[0];
    const payCells = row.slice(1);
    const lastFilled = payCells.reduce<number>((last, c, i) => (isOmitted(c) ? last : i), -1);
    const used = payCells.slice(0, lastFilled + 1);
    const numbers = used.map(asNumber);
    if (r === 0 && numbers.every((n) => n === null)) return; // header row
    if (isOmitted(grade)) throw invalidValue(`Local scale row ${r + 1}: the first column must name the grade.`);
    if (used.length === 0) throw invalidValue(`Local scale row ${r + 1} (grade ${grade}): give the pay for step 1 in the second column.`);
    numbers.forEach((n, i) => {
      if (n === null || n < 0)
        throw invalidValue(`Local scale row ${r + 1} (grade ${grade}), step ${i + 1}: "${String(used[i] ?? "")}" is not a pay figure.`);
    });
    rows.push({ grade: String(grade).trim(), steps: (numbers as number[]).map((n) => new D(n)) });
  });
  if (rows.length === 0) throw invalidValue("The local scale range is empty: give one row per grade, the grade then the pay for each step.");
  return rows;
}

/** The `scale` argument: "AFC", "NJC", or a range holding a local scale. */
export function scaleArg(v: unknown): ScaleRef {
  if (v === "AFC") return AFC; // as typed in most calls; the same as read below
  if (v === "NJC") return NJC;
  const cells = Array.isArray(v) ? matrix(v, "scale") : null;
  if (cells && !(cells.length === 1 && cells[0].length === 1)) return { kind: "LOCAL", rows: parseLocalScale(cells) };
  const x = cells ? cells[0][0] : (v as Cell);
  if (isOmitted(x)) throw invalidValue('scale is missing. Use "AFC", "NJC", or a range holding a local scale.');
  const t = String(x).trim().toUpperCase().replace(/[\s-]/g, "");
  if (t === "AFC" || t === "AGENDAFORCHANGE" || t === "NHS") return AFC;
  if (t === "NJC" || t === "GREENBOOK" || t === "COUNCIL") return NJC;
  throw invalidValue(`scale "${String(x)}" is not recognised. Use "AFC", "NJC", or a range holding a local scale (grade, then pay for each step).`);
}

const AFC: ScaleRef = Object.freeze({ kind: "AFC" });
const NJC: ScaleRef = Object.freeze({ kind: "NJC" });
