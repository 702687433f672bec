import { costResolvedPence, resolveScenario, type JobMatchRow, type ResolvedScenario } from "../engine/harmonise";
import { employerCost, employerCostPence, SCHEMES, type EmployerRate, type Scheme } from "../engine/oncosts";
import type { Decimal } from "../engine/money";
import { readStaffRows, type RowIssue } from "../intake";
import { TERMS_NAMES, type TermsName } from "../engine/terms";
import { invalidValue } from "../engine/errors";
import { scalePay, type ScaleRef } from "../engine/scales";
import type { FinancialYear } from "../engine/years";
import { award, choice, isOmitted, matrix, num, optNum, optStep, out, outPence, pendingNjcAward, roundedPenceArg, text, year as yearArg, type Cell } from "./args";
import { cellError, excelCall } from "./excelErrors";

/**
 * Whole tables in one call. Excel pays a round trip for every custom-function call, so a staff
 * list of thousands of rows costed cell by cell leaves cells on #BUSY! and recalculation slow.
 * These functions take whole columns and spill one result row per staff row, in one call:
 *  - a row with a problem gets its Excel error (with a message naming the row) in its own cells,
 *    and every other row is still computed;
 *  - a blank row spills blanks (""), so the result lines up with the staff list.
 * Only custom functions are exported from this module (the registry exposes every export).
 */

type Row = (number | string | CustomFunctions.Error)[];

/** A range that must be one column (one row per person); a single value is a column of one. */
function columnArg(v: unknown, name: string): Cell[] {
  const m = matrix(v, name);
  if (m[0].length !== 1)
    throw invalidValue(`${name} must be a single column, one row per person; got ${m.length} row(s) by ${m[0].length} columns.`);
  return m.map((r) => r[0]);
}

/**
 * A per-row argument: a column the same height as the main column, or a single value used for
 * every row. Returns a reader for row i. Omitted (when allowed) reads null for every row; a
 * single blank cell is a blank for every row, so each row reports what it lacks.
 */
function perRowArg(v: unknown, name: string, height: number, optional: boolean): (i: number) => Cell {
  if (isOmitted(v)) {
    if (optional) return () => null;
    throw invalidValue(`${name} is missing: give a column the same height as the first range (${height} rows), or one value for every row.`);
  }
  if (!Array.isArray(v)) return () => v as Cell;
  const m = matrix(v, name);
  if (m.length === 1 && m[0].length === 1) {
    const only = m[0][0];
    return () => only;
  }
  if (m[0].length !== 1 || m.length !== height)
    throw invalidValue(
      `${name} must be a column the same height as the first range (${height} rows), or one value for every row; got ${m.length} row(s) by ${m[0].length} column(s).`,
    );
  return (i) => m[i][0];
}

/** Parses each distinct cell value once: a column of "NHS"/"LGPS" is a handful of distinct values. */
function memo<T>(parse: (c: Cell) => T): (c: Cell) => T {
  const cache = new Map<Cell, { ok: true; v: T } | { ok: false; e: unknown }>();
  return (c) => {
    let hit = cache.get(c);
    if (!hit) {
      try {
        hit = { ok: true, v: parse(c) };
      } catch (e) {
        hit = { ok: false, e };
      }
      if (cache.size < 10000) cache.set(c, hit);
    }
    if (!hit.ok) throw hit.e;
    return hit.v;
  };
}

function rowError(e: unknown, index: number, width: number): Row {
  const base = cellError(e);
  const err = new CustomFunctions.Error(base.code as CustomFunctions.ErrorCode, `Row ${index + 1}: ${base.message ?? base.code}`);
  return new Array<Row[number]>(width).fill(err);
}

function blankRow(width: number): Row {
  return new Array<Row[number]>(width).fill("");
}

/** The cell is blank as Excel sends it: null or "" (the web), or a 0 standing for an empty cell (desktop) where 0 is never a valid value. */
function blankOrZero(c: Cell): boolean {
  return isOmitted(c) || c === 0;
}

function employerRateCell(c: Cell): EmployerRate {
  if (isOmitted(c)) return null;
  if (typeof c === "string" && /^\s*(full|local)\s*$/i.test(c)) return c.trim().toUpperCase() as "FULL" | "LOCAL";
  return num(c, "employerRate", { min: 0, max: 1 });
}

function costRows(payCol: Cell[], schemeAt: (i: number) => Cell, fy: FinancialYear | null, rateAt: (i: number) => Cell): Row[] {
  const parseScheme = memo((c) => choice(c, "scheme", SCHEMES) as Scheme);
  const parseRate = memo(employerRateCell);
  const rows: Row[] = new Array(payCol.length);
  for (let i = 0; i < payCol.length; i++) {
    const pay = payCol[i];
    const scheme = schemeAt(i);
    // A blank row: no pay, or (desktop Excel) a 0 for the empty pay cell with no scheme beside it.
    if (isOmitted(pay) || (pay === 0 && blankOrZero(scheme))) {
      rows[i] = blankRow(5);
      continue;
    }
    try {
      // A number pay straight to pence (as COST reads it); anything else the decimal way, with the same figures and messages.
      const pence = roundedPenceArg(pay);
      const p = pence === null ? num(pay, "pay", { min: 0 }) : null;
      const s = parseScheme(scheme);
      const rate = parseRate(rateAt(i));
      if (pence !== null) {
        const c = employerCostPence(pence, s, fy, rate);
        rows[i] = [outPence(c.pay), outPence(c.employerNi), outPence(c.employerPension), outPence(c.apprenticeshipLevy), outPence(c.total)];
      } else {
        const c = employerCost(p as Decimal, s, fy, rate);
        rows[i] = [out(c.pay), out(c.employerNi), out(c.employerPension), out(c.apprenticeshipLevy), out(c.total)];
      }
    } catch (e) {
      rows[i] = rowError(e, i, 5);
    }
  }
  return rows;
}

/**
 * The employer cost of a whole staff list in one call: for each row of pay, spills pay, employer NI, employer pension, Apprenticeship Levy and total. A bad row shows its error, naming the row; the others are still costed. Far faster than COST in every row.
 * @customfunction
 * @helpurl https://localhost:3000/help/costtable.html
 * @param pays Annual pay in £ for each member of staff: a single column, one row per person.
 * @param schemes Pension scheme ("NHS", "LGPS", "LGPS5050" or "NONE"): a column the same height as pays, or one value for every row.
 * @param [year] Financial year, e.g. "2025/26", 2025 or a date. Default: the one default year, the latest year for which every scale and rate is agreed (2025/26 while the NJC 2026/27 award is pending).
 * @param [employerRates] Employer pension rate as a fraction (0.195 for 19.5%), a column the same height as pays or one value for every row; required for LGPS rows; for NHS rows "FULL" (default) or "LOCAL".
 * @returns One row per staff row, five columns in £ a year: pay, NI, pension, levy, total.
 */
export function costTable(pays: any[][], schemes: any[][], year?: any, employerRates?: any[][]): any[][] {
  return excelCall(() => {
    const payCol = columnArg(pays, "pays");
    const schemeAt = perRowArg(schemes, "schemes", payCol.length, false);
    const rateAt = perRowArg(employerRates, "employerRates", payCol.length, true);
    return costRows(payCol, schemeAt, yearArg(year), rateAt);
  });
}

function scaleCell(c: Cell): ScaleRef {
  if (isOmitted(c)) throw invalidValue('scale is missing. Use "AFC" or "NJC".');
  const t = String(c).trim().toUpperCase().replace(/[\s-]/g, "");
  if (t === "AFC" || t === "AGENDAFORCHANGE" || t === "NHS") return { kind: "AFC" };
  if (t === "NJC" || t === "GREENBOOK" || t === "COUNCIL") return { kind: "NJC" };
  throw invalidValue(`scale "${String(c)}" is not recognised. Use "AFC" or "NJC" (for a local scale, use SALARY with the scale range).`);
}

/**
 * Annual full-time basic pay for a whole staff list in one call: for each row's band (or NJC point) and step, spills the pay. A bad row shows its error, naming the row; the others are still read. Far faster than SALARY in every row; feeds COSTTABLE.
 * @customfunction
 * @helpurl https://localhost:3000/help/salarytable.html
 * @param scales "AFC" or "NJC": a column the same height as grades, or one value for every row.
 * @param grades The AfC band ("6", 6 or "8a") or the NJC spinal column point for each person: a single column, one row per person.
 * @param [steps] The AfC pay step (1 = entry) for each row: a column the same height as grades, or one value for every row. Default 1; leave empty for NJC rows.
 * @param [year] Financial year, e.g. "2025/26", 2025 or a date. Default: the one default year, the latest year for which every scale and rate is agreed (2025/26 while the NJC 2026/27 award is pending).
 * @param [assumedAward] For a year whose NJC award is pending (2026/27): the award to assume on the 2025/26 rates (0 for those rates, 0.033 for the employers' offer). Required there for NJC rows.
 * @returns One column: annual full-time basic pay in £ for each row.
 */
export function salaryTable(scales: any[][], grades: any[][], steps?: any[][], year?: any, assumedAward?: any): any[][] {
  return excelCall(() => {
    const gradeCol = columnArg(grades, "grades");
    const scaleAt = perRowArg(scales, "scales", gradeCol.length, false);
    const stepAt = perRowArg(steps, "steps", gradeCol.length, true);
    const fy = yearArg(year);
    const given = award(assumedAward, "assumedAward");
    const parseScale = memo(scaleCell);
    const rows: Row[] = new Array(gradeCol.length);
    for (let i = 0; i < gradeCol.length; i++) {
      const grade = gradeCol[i];
      if (isOmitted(grade) || (grade === 0 && blankOrZero(scaleAt(i)))) {
        rows[i] = blankRow(1);
        continue;
      }
      try {
        // Checked in SALARY's order (scale, grade, step), so a row shows the error SALARY would.
        let scale: ScaleRef | null = null;
        let scaleProblem: unknown = null;
        try {
          scale = parseScale(scaleAt(i));
        } catch (e) {
          scaleProblem = e;
        }
        if (scale === null) throw scaleProblem;
        const g = text(grade, "grade");
        rows[i] = [out(scalePay(scale, g, optStep(stepAt(i)), fy, pendingNjcAward(fy, scale.kind === "NJC", given)).pay)];
      } catch (e) {
        rows[i] = rowError(e, i, 1);
      }
    }
    return rows;
  });
}

/** Job-match rows from a two-column range (current grade, target grade); blank rows and a header row are skipped. */
function jobMatchArg(v: unknown): JobMatchRow[] {
  if (isOmitted(v) || (Array.isArray(v) && v.length === 1 && Array.isArray(v[0]) && v[0].length === 1 && isOmitted(v[0][0]))) return [];
  const rows = matrix(v, "jobMatch");
  if (rows[0].length < 2)
    throw invalidValue('jobMatch must be a range of two columns: the current grade (AfC band, or NJC points such as "29-32"), then the target grade.');
  const out: JobMatchRow[] = [];
  rows.forEach((row, i) => {
    if (isOmitted(row[0]) && isOmitted(row[1])) return;
    if (i === 0 && typeof row[0] === "string" && /[a-z]{3,}/i.test(row[0]) && !/^\s*(band|scp)/i.test(row[0])) return; // a header row
    if (isOmitted(row[0]) || isOmitted(row[1])) throw invalidValue(`jobMatch row ${i + 1}: give both the current grade and the target grade.`);
    out.push({ from: String(row[0]).trim(), to: String(row[1]).trim() });
  });
  return out;
}

const LEVELUP_HEADER = ["Current cost", "Target cost", "Levelled-up cost", "Cost of levelling up"];

/** A staff row readStaffRows reported: #VALUE! with every problem of the row, by column. */
function issueError(issues: readonly RowIssue[], width: number): Row {
  const text = issues.map((i) => (i.column ? `${i.column}: ${i.message}` : i.message)).join(" ");
  const err = new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `Row ${issues[0].row}: ${text}`);
  return new Array<Row[number]>(width).fill(err);
}

/**
 * The cost of levelling up a whole staff list in one call: for each person of the staff table (with its header row), the cost now, on the target terms, levelled up, and the difference. A bad row shows its error, naming it; the others are costed.
 * @customfunction
 * @helpurl https://localhost:3000/help/leveluptable.html
 * @param staffTable The staff list with its header row: Employee reference, Staff group, Current employer, Current terms, Band or grade, Step, FTE (or Weekly hours), Years of service, Pension scheme; optional columns are on the help page.
 * @param targetTerms The terms everyone is harmonised onto: "AFC" or "NJC".
 * @param [year] Financial year, e.g. "2025/26", 2025 or a date. Default: the one default year, the latest year for which every scale and rate is agreed (2025/26 while the NJC 2026/27 award is pending).
 * @param [lgpsRate] The LGPS fund's employer rate as a fraction (0.195 for 19.5%); required when anyone is in the LGPS.
 * @param [jobMatch] A two-column job-match table (current grade, target grade) for people whose Target job match is empty, e.g. "29-31" and "6".
 * @param [coverProportion] The share of time off to value as the cost of cover (0 to 5; default 0: leave and hours not valued in money).
 * @param [assumedAward] For a year whose NJC award is pending (2026/27): the award to assume on the 2025/26 rates (0 for those rates, 0.033 for the employers' offer). Required there.
 * @returns A header row, then one row per row of the table: current cost, target cost, levelled-up cost and the cost of levelling up, in £ a year.
 */
export function levelUpTable(staffTable: any[][], targetTerms: any, year?: any, lgpsRate?: any, jobMatch?: any[][], coverProportion?: any, assumedAward?: any): any[][] {
  return excelCall(() => {
    const table = matrix(staffTable, "staffTable");
    if (table.length < 2) throw invalidValue("staffTable must be the staff list with its header row and at least one row of staff.");
    const target: TermsName = choice(targetTerms, "targetTerms", TERMS_NAMES);
    const fy = yearArg(year);
    // Anyone may be on NJC terms in a staff list: a pending NJC year always needs the assumed award.
    const njcAward = pendingNjcAward(fy, true, award(assumedAward, "assumedAward"));
    const scenario: ResolvedScenario = resolveScenario({
      target: { terms: target },
      year: fy,
      ...(njcAward !== null ? { payAwards: { byYear: { [fy.label]: { NJC: njcAward } } } } : {}),
      projectionYears: 1,
      protection: { kind: "NONE" },
      lgpsEmployerRate: optNum(lgpsRate, "lgpsRate", { min: 0, max: 1 }),
      coverProportion: optNum(coverProportion, "coverProportion", { min: 0, max: 5 }),
      jobMatch: jobMatchArg(jobMatch),
    });
    const read = readStaffRows(table, { year: scenario.year, targetTerms: target, firstRowNumber: 1 });
    const header = read.headerRow - 1;
    if (read.report.stops.length > 0) throw invalidValue(read.report.stops.map((i) => i.message).join(" "));
    const issuesByRow = new Map<number, RowIssue[]>();
    for (const i of read.issues) {
      if (i.row === read.headerRow) continue;
      const list = issuesByRow.get(i.row);
      if (list) list.push(i);
      else issuesByRow.set(i.row, [i]);
    }
    const byRef = new Map(read.members.map((m) => [m.ref, m] as const));
    const refCol = read.columns.ref === undefined ? -1 : table[header].findIndex((c) => typeof c === "string" && c.trim() === read.columns.ref);
    const width = LEVELUP_HEADER.length;
    const rows: Row[] = new Array(table.length);
    for (let r = 0; r < table.length; r++) {
      if (r < header) {
        rows[r] = blankRow(width);
        continue;
      }
      if (r === header) {
        rows[r] = LEVELUP_HEADER.slice();
        continue;
      }
      const rowNumber = r + 1;
      const issues = issuesByRow.get(rowNumber);
      if (issues) {
        rows[r] = issueError(issues, width);
        continue;
      }
      const ref = refCol >= 0 ? table[r][refCol] : null;
      const member = isOmitted(ref) ? undefined : byRef.get(String(ref).trim());
      if (!member) {
        rows[r] = blankRow(width); // a blank row, a note or a total (the intake report lists them)
        continue;
      }
      try {
        // The base year in whole pence, each figure made a number once.
        const y = costResolvedPence(member, scenario).years[0];
        rows[r] = [outPence(y.current.total), outPence(y.target.total), outPence(y.levelledUp.total), outPence(y.levelledUp.total - y.current.total)];
      } catch (e) {
        rows[r] = rowError(e, rowNumber - 1, width);
      }
    }
    return rows;
  });
}
