import { EngineError, isEngineError } from "../engine/errors";
import { ensureCustomFunctionsRuntime } from "./runtime";

ensureCustomFunctionsRuntime();

/** The one mapping from an engine problem to the Excel error a cell shows, with its message. */
export function toExcelError(e: unknown): CustomFunctions.Error {
  if (e instanceof CustomFunctions.Error) return e;
  if (isEngineError(e)) {
    const code =
      e.kind === "notAvailable"
        ? CustomFunctions.ErrorCode.notAvailable
        : e.kind === "number"
          ? CustomFunctions.ErrorCode.invalidNumber
          : CustomFunctions.ErrorCode.invalidValue;
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
