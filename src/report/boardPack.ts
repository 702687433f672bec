/**
 * The board pack, from a staff table and a scenario to a workbook plan: the one pure entry point
 * the task pane and the command line both call.
 *
 *   const { workbook, issues } = buildBoardPack({ table, scenario, generatedOn: "2026-11-29", version: "0.1.0" });
 *
 * `table` is the staff list as Office.js `range.values` or a CSV gives it (header row first);
 * `scenario` comes from parseBoardScenario(json). Nothing here reads the clock, the file system
 * or the workbook: the date and the add-in version are passed in.
 */
import { defaultBaseYear } from "../engine/harmonise";
import { readStaffRows, type RowIssue } from "../engine/staffRows";
import { boardWorkbookPlan, type BoardLayout } from "../sheets/board";
import type { WorkbookPlan } from "../sheets/plan";
import { buildReport } from "./build";
import type { BoardReport, Headline } from "./model";
import type { BoardScenario } from "./scenario";

export type { BoardScenario } from "./scenario";
export type { RowIssue } from "../engine/staffRows";

export type BoardPackStage = "read" | "cost" | "layout";

export interface BoardPackInput {
  /** Header row, then one row per person (cells: number, text, boolean or empty). */
  table: unknown[][];
  scenario: BoardScenario;
  /** The date printed on the pack, ISO "2026-11-29". */
  generatedOn: string;
  /** The add-in version printed on the pack (package.json version). */
  version: string;
  /** Row number of table[0] on its sheet (a table starting at A5 passes 5), so problems name the sheet's rows. Default 1. */
  firstRowNumber?: number;
  /** Progress on large lists: stage, done, total. */
  onProgress?: (stage: BoardPackStage, done: number, total: number) => void;
}

export interface BoardPackResult {
  /** The sheets to write. */
  workbook: WorkbookPlan;
  /** Every problem in the staff list (row, column, what to change), validation and costing, by row. */
  issues: RowIssue[];
  /** Rows of the staff list (after the header). */
  totalRows: number;
  /** Rows left out of every figure (problems and blank rows). */
  skippedRows: number;
  /** Headline figures (base year), for a status line. */
  headline: Headline;
  /** The report model the sheets were laid out from. */
  report: BoardReport;
  /** Where the tables sit on the sheets. */
  layout: BoardLayout;
  /** Problems that leave part of the pack out (e.g. a pool that cannot be settled), in words. */
  warnings: string[];
}

/**
 * Builds the board pack. Bad rows are reported and left out; the good rows are costed.
 * @throws ScenarioError when the scenario cannot be applied at all (e.g. no target terms).
 */
export function buildBoardPack(input: BoardPackInput): BoardPackResult {
  const { scenario } = input;
  const year = scenario.harmonisation.year ?? defaultBaseYear();
  input.onProgress?.("read", 0, input.table.length);
  const rows = readStaffRows(input.table, { year, targetTerms: scenario.harmonisation.target.terms, firstRowNumber: input.firstRowNumber ?? 1 });
  input.onProgress?.("read", input.table.length, input.table.length);
  const { report, costingIssues } = buildReport({
    members: rows.members,
    memberRows: rows.memberRows,
    scenario,
    generatedOn: input.generatedOn,
    version: input.version,
    rows: { total: rows.totalRows, leftOut: rows.skippedRows, issues: rows.issues },
    onProgress: input.onProgress ? (done, total) => input.onProgress!("cost", done, total) : undefined,
  });
  input.onProgress?.("layout", 0, 1);
  const { plan, layout } = boardWorkbookPlan(report);
  input.onProgress?.("layout", 1, 1);
  return {
    workbook: plan,
    issues: report.rows.issues,
    totalRows: rows.totalRows,
    skippedRows: rows.skippedRows + costingIssues.length,
    headline: report.headline,
    report,
    layout,
    warnings: report.poolProblem ? [`The pooled budget statement is not included: ${report.poolProblem}`] : [],
  };
}
