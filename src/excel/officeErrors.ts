/**
 * Office.js errors in plain words. Office.js rejects `context.sync()` with an OfficeExtension.Error
 * whose `code` names the cause (https://learn.microsoft.com/office/dev/add-ins/reference/javascript-api-for-office-error-codes).
 */

const PLAIN: Record<string, string> = {
  RequestPayloadSizeLimitExceeded: "Excel refused the request as too large.",
  ResponsePayloadSizeLimitExceeded: "Excel could not send back that much data at once.",
  InvalidOperationInCellEditMode: "A cell in the workbook is being edited: press Enter or Esc in the sheet, then try again.",
  AccessDenied: "Excel did not allow the change: the workbook may be protected, read-only or shared with restrictions.",
  ItemAlreadyExists: "A sheet or table of the same name appeared while writing (was the workbook changed at the same time?).",
  ItemNotFound: "Something the add-in expected in the workbook was not there (was it deleted or renamed meanwhile?).",
  InvalidArgument: "Excel did not accept part of what was written (a value, format or address it considers invalid).",
  InvalidReference: "Excel did not accept a reference (a range, table or sheet name).",
  InvalidBinding: "Excel did not accept a reference (a range, table or sheet name).",
  InsertDeleteConflict: "Excel could not insert or delete cells there (it would break a table, merged cells or an array).",
  ApiNotFound: "This version of Excel lacks a feature the add-in needs; please update Office.",
  NotImplemented: "This version of Excel lacks a feature the add-in needs; please update Office.",
  UnsupportedOperation: "Excel does not support that operation here.",
  ActivityLimitReached: "Excel is busy or has hit a limit on activity; wait a moment and try again.",
  Conflict: "Someone else changed the workbook at the same time; try again.",
  GeneralException:
    "Excel reported a general error (this can happen when another workbook becomes active, a cell is being edited, or the workbook is busy).",
};

/** One sentence (or two) for the user: what Excel said, without a stack trace. */
export function describeOfficeError(e: unknown): string {
  if (e && typeof e === "object") {
    const err = e as { code?: unknown; message?: unknown; name?: unknown };
    const code = typeof err.code === "string" ? err.code : "";
    if (code && PLAIN[code]) return PLAIN[code];
    const message = typeof err.message === "string" ? err.message.trim() : "";
    if (code && message) return `Excel reported: ${message} (${code}).`;
    if (message) return `Excel reported: ${message}`;
  }
  if (typeof e === "string" && e.trim() !== "") return `Excel reported: ${e.trim()}`;
  return "Excel reported an error it did not describe.";
}

/** The Office.js error code, if there is one. */
export function officeErrorCode(e: unknown): string | null {
  if (e && typeof e === "object" && typeof (e as { code?: unknown }).code === "string") return (e as { code: string }).code;
  return null;
}
