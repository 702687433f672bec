/**
 * The task pane's "Add a table for your own pay figures": a new sheet "Supplied pay" with a few
 * lines saying what goes in it (and an example) above an empty Excel table named SuppliedPay with
 * the headings src/report/suppliedPayTable.ts reads. It never overwrites: if the table is already
 * in the workbook it is selected; if a sheet of that name exists without it, that sheet is shown
 * and nothing is changed. Two syncs (look, then act).
 */
import { SUPPLIED_PAY_COLUMNS, SUPPLIED_PAY_GUIDE, SUPPLIED_PAY_SHEET, SUPPLIED_PAY_TABLE } from "../report/suppliedPayTable";
import { columnLetters as colLetters } from "../sheets/plan";
import { charsToPoints } from "./applyPlan";
import { describeOfficeError } from "./officeErrors";

export type AddSuppliedPayOutcome =
  /** Created: the sheet and its empty table, the first cell of the table selected. */
  | { kind: "created"; sheet: string; table: string; address: string }
  /** The table was already in the workbook (on `sheet`): selected, nothing changed. */
  | { kind: "table-exists"; sheet: string; table: string }
  /** A sheet of that name exists without the table: shown, nothing changed. */
  | { kind: "sheet-exists"; sheet: string };

export class AddSuppliedPayError extends Error {
  constructor(message: string, readonly cause?: unknown) {
    super(message);
    this.name = "AddSuppliedPayError";
  }
}

export async function addSuppliedPayTable(context: Excel.RequestContext): Promise<AddSuppliedPayOutcome> {
  const table = context.workbook.tables.getItemOrNullObject(SUPPLIED_PAY_TABLE);
  table.load("name");
  const tableSheet = table.worksheet;
  tableSheet.load("name");
  const sheet = context.workbook.worksheets.getItemOrNullObject(SUPPLIED_PAY_SHEET);
  sheet.load("name");
  try {
    await context.sync();
  } catch (e) {
    throw new AddSuppliedPayError(`Could not look for a table of your own pay figures. ${describeOfficeError(e)}`, e);
  }

  if (!table.isNullObject) {
    tableSheet.activate();
    table.getRange().select();
    await context.sync();
    return { kind: "table-exists", sheet: tableSheet.name, table: table.name };
  }
  if (!sheet.isNullObject) {
    sheet.activate();
    await context.sync();
    return { kind: "sheet-exists", sheet: sheet.name };
  }

  const guideRows = SUPPLIED_PAY_GUIDE.length;
  const headerRow = guideRows + 2; // a blank row between the guide and the table
  const last = colLetters(SUPPLIED_PAY_COLUMNS.length - 1);
  const added = context.workbook.worksheets.add(SUPPLIED_PAY_SHEET);
  const guide = added.getRange(`A1:A${guideRows}`);
  guide.numberFormat = SUPPLIED_PAY_GUIDE.map(() => ["@"]);
  guide.values = SUPPLIED_PAY_GUIDE.map((line) => [line]);
  const heading = added.getRange(`A${headerRow}:${last}${headerRow}`);
  heading.numberFormat = [SUPPLIED_PAY_COLUMNS.map(() => "@")];
  heading.values = [SUPPLIED_PAY_COLUMNS.map((c) => c.heading)];
  // The first (empty) data row gets each column's format, which the table carries down as rows are added.
  added.getRange(`A${headerRow + 1}:${last}${headerRow + 1}`).numberFormat = [SUPPLIED_PAY_COLUMNS.map((c) => c.numberFormat)];
  SUPPLIED_PAY_COLUMNS.forEach((c, i) => {
    added.getRange(`${colLetters(i)}:${colLetters(i)}`).format.columnWidth = charsToPoints(c.width);
  });
  const created = added.tables.add(`A${headerRow}:${last}${headerRow + 1}`, true);
  created.name = SUPPLIED_PAY_TABLE;
  created.style = "TableStyleLight9";
  added.activate();
  added.getRange(`A${headerRow + 1}`).select();
  try {
    await context.sync();
  } catch (e) {
    // The sheet was new: take it away again, so nothing is left half made.
    try {
      context.workbook.worksheets.getItemOrNullObject(SUPPLIED_PAY_SHEET).delete();
      await context.sync();
    } catch {
      // nothing more to do: the message below says what happened
    }
    throw new AddSuppliedPayError(`Could not add the table of your own pay figures. ${describeOfficeError(e)}`, e);
  }
  return { kind: "created", sheet: SUPPLIED_PAY_SHEET, table: SUPPLIED_PAY_TABLE, address: `A${headerRow}:${last}${headerRow + 1}` };
}
