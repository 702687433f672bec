/**
 * The intake: staff lists as they arrive -> validated StaffMember records and an intake report.
 *
 *   readers (./readers, the FILES side; src/excel/readTable.ts in Excel) -> RawTable (./rawTable.ts)
 *   -> column vocabulary (./vocabulary.ts) -> value normalisers (./normalise.ts)
 *   -> validation (./validate.ts) -> StaffMember[] + IntakeReport (./report.ts)
 */
export { readStaffRows, readStaffRowsSteps, readStaffTable, readStaffTableSteps, STAFF_ROWS_PER_STEP, rawTableOf, findHeaderRow, type StaffRowsOptions, type StaffRowsResult, type StaffListDefaults } from "./validate";
export { intakeReportLines, payLeftOutWords, rowList, type IntakeReport, type IntakeColumnUsed, type IntakeColumnNotUsed, type RowIssue, type MissingRateCause } from "./report";
export { STAFF_COLUMNS, fieldForHeading, normaliseHeading, documentedHeading, headingsFor, payLikeHeading, type StaffField, type HeadingSource, type ColumnSpec } from "./vocabulary";
export type { RawTable, RawCell, RawTableSource } from "./rawTable";
