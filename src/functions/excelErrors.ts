import { EngineError, isEngineError } from "../engine/errors";
import { ensureCustomFunctionsRuntime } from "./runtime";

ensureCustomFunctionsRuntime();

/**
 * The Excel errors whose message Excel shows for a custom function: only #VALUE! and #N/A
 * (Microsoft, "Handle and return errors from your custom function"; @types/custom-functions-runtime:
 * "A custom error message can't be used" with the other codes). Every error a function raises is
 * one of these, so its message, which says what to change, always reaches the user. Literal codes:
 * in the task pane page, office.js defines CustomFunctions.ErrorCode only once Excel's host file
 * has loaded, after this module.
 */
export const CODES_WITH_MESSAGES: readonly string[] = ["#VALUE!", "#N/A"];

/**
 * The one mapping from an engine problem to the Excel error a cell shows, with its message:
 * nothing in the data for that year, band or point is #N/A; every other problem, a number out of
 * range included, is #VALUE! (Excel's own functions would say #NUM! there, but Excel drops a custom
 * function's #NUM! message: docs/development.md, "Errors").
 */
export function toExcelError(e: unknown): CustomFunctions.Error {
  if (e instanceof CustomFunctions.Error) return e;
  if (isEngineError(e)) {
    const code = e.kind === "notAvailable" ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
    return new CustomFunctions.Error(code, e.message);
  }
  // A bug, not the user's input: still a cell error with a message, never an uncaught exception.
  const detail = e instanceof Error ? e.message : String(e);
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `Unexpected problem: ${detail}`);
}

/** Runs an engine call and turns anything it throws into an Excel error. */
export function excelCall<T>(body: () => T): T {
  try {
    return body();
  } catch (e) {
    throw toExcelError(e);
  }
}

/** For spilled results: a per-cell error object in place of a value. */
export function cellError(e: unknown): CustomFunctions.Error {
  return toExcelError(e);
}

export { EngineError };
