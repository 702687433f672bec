/**
 * The task pane's entry point: waits for Office, then hands the page to TaskPane with Office.js
 * access to the workbook (src/excel). See docs/task-pane.md.
 */
import pkg from "../../package.json";
import { applyPlanToWorkbook } from "../excel/applyPlan";
import { listTables, readTableAndCompanion, tableAtSelection } from "../excel/readTable";
import { addSuppliedPayTable } from "../excel/suppliedPayTable";
import { SUPPLIED_PAY_TABLE } from "../report/suppliedPayTable";
import { TaskPane, type WorkbookAccess } from "./app";
import { byId, setText } from "./dom";
import { followOfficeTheme } from "./theme";

const officeWorkbook: WorkbookAccess = {
  listTables: () => Excel.run((context) => listTables(context)),
  tableAtSelection: () => Excel.run((context) => tableAtSelection(context)),
  readTable: (name) => Excel.run((context) => readTableAndCompanion(context, name, SUPPLIED_PAY_TABLE)),
  addSuppliedPayTable: () => Excel.run((context) => addSuppliedPayTable(context)),
  applyPlan: (plan, hooks) => applyPlanToWorkbook(plan, { onProgress: hooks.onProgress, yieldToUi: hooks.yieldToUi, cancelled: hooks.cancelled }),
};

/** How long to wait for Office before saying it has not started (office.js blocked, or opened outside Office). */
const OFFICE_TIMEOUT_MS = 15_000;

let started = false;

const timer = setTimeout(() => {
  if (!started) {
    setText("startup", "Office has not started the add-in. If this page was opened outside Excel, open it from Excel (Home > Care Trust Calculator). If it was opened in Excel, check that appsforoffice.microsoft.com is not blocked, then reload the add-in.");
  }
}, OFFICE_TIMEOUT_MS);

Office.onReady((info) => {
  started = true;
  clearTimeout(timer);
  followOfficeTheme();
  if (String(info.host) !== "Excel") {
    setText("startup", "The Care Trust Calculator works in Excel: open this task pane from Excel.");
    return;
  }
  const requirements = Office.context?.requirements;
  if (requirements && !requirements.isSetSupported("ExcelApi", "1.7")) {
    setText("startup", "This version of Excel is too old for the board pack (it needs Excel 2019, Microsoft 365 or Excel on the web). The CARETRUST functions still work.");
    return;
  }
  const pane = new TaskPane(officeWorkbook, pkg.version);
  pane.start().catch((e: unknown) => {
    byId("startup").hidden = false;
    setText("startup", `The task pane could not start: ${e instanceof Error ? e.message : String(e)}`);
  });
});
