/**
 * The board pack, from a staff table and a scenario to a workbook plan: the one pure entry point
 * the task pane and the command line both call.
 *
 *   const { workbook, issues } = buildBoardPack({ table, scenario, generatedOn: "2026-11-29", version: "0.1.0" });
 *
 * `table` is the staff list as Office.js `range.values` or a CSV gives it (header row first);
 * `scenario` comes from parseBoardScenario(json). Nothing here reads the clock, the file system
 * or the workbook, and nothing sets a timer: the date and the add-in version are passed in.
 *
 * The work is a generator, buildBoardPackSteps, that yields its progress every few dozen people
 * costed (well under 100 ms of work a step). Two drivers run it: buildBoardPack, all at once
 * (the command line, the tests, the benchmark), and buildBoardPackAsync, which awaits the caller's
 * `yieldToUi` between steps, so the task pane can let Office and the user have the thread (and
 * cancel) while a long staff list is costed. All three give the same result for the same input.
 */
import { defaultBaseYear } from "../engine/harmonise";
import { rawTableOf, readStaffTableSteps, type IntakeReport, type RawTable, type RowIssue, type StaffListDefaults } from "../intake";
import { boardWorkbookPlanSteps, type BoardLayout, type LayoutStep } from "../sheets/board";
import type { WorkbookPlan } from "../sheets/plan";
import { buildReportSteps, type ReportOutput, type ReportStep } from "./build";
import type { BoardReport, Headline } from "./model";
import type { BoardScenario } from "./scenario";

export type { BoardScenario } from "./scenario";
export type { RowIssue, IntakeReport } from "../intake";

export type BoardPackStage = "read" | "cost" | "layout";

/** Progress: the stage, and how far through it ("cost": people costed of those to cost). */
export interface BoardPackStep {
  stage: BoardPackStage;
  done: number;
  total: number;
  /** "cost" only: 1, or 2 and more when protection outlasted the projection and everyone is costed again over more years. */
  pass?: number;
  /** "cost" only: the years projected in this pass. */
  years?: number;
  /** "layout" only: the sheet being laid out (done and total count its rows where it has many). */
  sheet?: string;
  /** "cost" only: present while the options of an appraisal are costed (every option for each person). */
  options?: true;
}

export interface BoardPackStepOptions {
  /** People costed between two steps; default about 250 person-years' work (50 people over 5 years). */
  peoplePerStep?: number;
}

export interface BoardPackInput {
  /** Header row, then one row per person (cells: number, text, boolean or empty). Ignored when `raw` is given. */
  table: unknown[][];
  /** The staff list as a reader handed it over (file readers, Office.js): row numbers, hidden rows and the reader's notes kept. */
  raw?: RawTable;
  /** Cost rows hidden in the list (by a filter or by hand) like the others; default: leave them out and list them. */
  includeHidden?: boolean;
  /** Values for the whole list when it has no column for them (an ESR export has no employer column). */
  staffListDefaults?: StaffListDefaults;
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
  /** Staff rows left out of every figure for a problem (blank, note, total and hidden rows are not counted: see `intake`). */
  skippedRows: number;
  /** How the staff list was read: columns used and not used, hidden rows, rows left out and why. */
  intake: IntakeReport;
  /** Headline figures (base year), for a status line. */
  headline: Headline;
  /** The report model the sheets were laid out from. */
  report: BoardReport;
  /** Where the tables sit on the sheets. */
  layout: BoardLayout;
  /** Problems that leave part of the pack out (e.g. a pool that cannot be settled), in words. */
  warnings: string[];
}

/** A cost step as a board pack step. */
function* costSteps(steps: Generator<ReportStep, ReportOutput, void>): Generator<BoardPackStep, ReportOutput, void> {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    yield { stage: "cost", done: r.value.done, total: r.value.total, pass: r.value.pass, years: r.value.years, ...(r.value.options ? { options: true as const } : {}) };
  }
}

/** A layout step as a board pack step. */
function* layoutSteps<T>(steps: Generator<LayoutStep, T, void>): Generator<BoardPackStep, T, void> {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    yield { stage: "layout", done: r.value.done, total: r.value.total, sheet: r.value.sheet };
  }
}

/**
 * Builds the board pack one step at a time, yielding progress: "read" (0, every few hundred rows, then every row), "cost"
 * (0, then every few dozen people, for each pass), "layout" (before each sheet, and every few hundred rows of the Detail sheet); it returns the pack.
 * Bad rows are reported and left out; the good rows are costed. Pure: nothing happens between
 * steps but what the caller does. `input.onProgress` is not called here (the drivers call it).
 * @throws ScenarioError (from the first next()) when the scenario cannot be applied at all.
 */
export function* buildBoardPackSteps(input: BoardPackInput, options: BoardPackStepOptions = {}): Generator<BoardPackStep, BoardPackResult, void> {
  const { scenario } = input;
  const year = scenario.harmonisation.year ?? defaultBaseYear();
  const raw = input.raw ?? rawTableOf(input.table, input.firstRowNumber ?? 1);
  const rowCount = raw.rows.length;
  yield { stage: "read", done: 0, total: rowCount };
  const reading = readStaffTableSteps(raw, {
    year,
    targetTerms: scenario.harmonisation.target.terms,
    includeHidden: input.includeHidden,
    defaults: input.staffListDefaults ?? scenario.staffList ?? undefined,
    suppliedPay: scenario.harmonisation.suppliedPay ?? undefined,
  });
  let read = reading.next();
  while (!read.done) {
    yield { stage: "read", done: read.value, total: rowCount };
    read = reading.next();
  }
  let rows: typeof read.value | null = read.value;
  const intake = rows.report;
  const { totalRows, skippedRows } = rows;
  yield { stage: "read", done: rowCount, total: rowCount };
  const { report, costingIssues } = yield* costSteps(
    buildReportSteps(
      {
        members: rows.members,
        memberRows: rows.memberRows,
        scenario,
        generatedOn: input.generatedOn,
        version: input.version,
        rows: { total: totalRows, leftOut: skippedRows, issues: rows.issues, intake },
      },
      { peoplePerStep: options.peoplePerStep },
    ),
  );
  rows = null; // the staff records are not needed to lay out the sheets: let them go first
  const { plan, layout } = yield* layoutSteps(boardWorkbookPlanSteps(report));
  return {
    workbook: plan,
    issues: report.rows.issues,
    totalRows,
    skippedRows: skippedRows + costingIssues.length,
    intake,
    headline: report.headline,
    report,
    layout,
    warnings: [
      ...(report.poolProblem ? [`The pooled budget statement is not included: ${report.poolProblem}`] : []),
      ...(report.appraisal && report.appraisal.leftOut > 0
        ? [`${report.appraisal.leftOut} staff are left out of the options appraisal (an option could not cost them; see the rows listed): the options cover ${report.appraisal.headcount}.`]
        : []),
    ],
  };
}

/** Progress as buildBoardPack has always reported it: every step but the costing's "0 done". */
function forwardProgress(input: BoardPackInput, step: BoardPackStep): void {
  if (input.onProgress && !(step.stage === "cost" && step.done === 0)) input.onProgress(step.stage, step.done, step.total);
}

/**
 * Builds the board pack, all at once. Bad rows are reported and left out; the good rows are costed.
 * @throws ScenarioError when the scenario cannot be applied at all (e.g. no target terms).
 */
export function buildBoardPack(input: BoardPackInput): BoardPackResult {
  const steps = buildBoardPackSteps(input);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    forwardProgress(input, r.value);
  }
}

/** Thrown by buildBoardPackAsync when `cancelled()` said so: nothing was built. */
export class BoardPackCancelled extends Error {
  constructor() {
    super("The board pack was cancelled.");
    this.name = "BoardPackCancelled";
  }
}

export interface BoardPackAsyncOptions extends BoardPackStepOptions {
  /**
   * Called after every step with its progress. Return a promise to hand the thread back before the
   * next step (the task pane resolves it on the next turn of the event loop, every few tens of
   * milliseconds); return nothing to go straight on. A rejection abandons the build with that error.
   */
  yieldToUi: (step: BoardPackStep) => Promise<void> | void;
  /** Asked after every step: true abandons the build, which rejects with BoardPackCancelled. */
  cancelled?: () => boolean;
}

/**
 * Builds the board pack a step at a time, awaiting `yieldToUi` between steps: the same result as
 * buildBoardPack for the same input. `input.onProgress` is called as buildBoardPack calls it.
 * @throws ScenarioError when the scenario cannot be applied at all; BoardPackCancelled when cancelled.
 */
export async function buildBoardPackAsync(input: BoardPackInput, options: BoardPackAsyncOptions): Promise<BoardPackResult> {
  const steps = buildBoardPackSteps(input, options);
  let finished = false;
  try {
    for (;;) {
      const r = steps.next();
      if (r.done) {
        finished = true;
        return r.value;
      }
      forwardProgress(input, r.value);
      const turn = options.yieldToUi(r.value);
      if (turn) await turn;
      if (options.cancelled?.()) throw new BoardPackCancelled();
    }
  } finally {
    // Abandoned (cancelled, or yieldToUi failed): close the generator so nothing more runs.
    if (!finished) steps.return(undefined as never);
  }
}
