/**
 * A problem with what the user gave us, with a message that says what to change.
 * `kind` says what went wrong; src/functions/excelErrors.ts turns it into the Excel error a cell
 * shows, always one whose message Excel displays (#VALUE! or #N/A: docs/development.md):
 *  - "value": a bad argument (#VALUE!)
 *  - "notAvailable": nothing in the data for that year, band or point (#N/A)
 *  - "number": a number out of range, such as a negative salary (#VALUE!, not #NUM!: Excel drops
 *    the message of a custom function's #NUM!)
 */
export type EngineErrorKind = "value" | "notAvailable" | "number";

export class EngineError extends Error {
  constructor(public readonly kind: EngineErrorKind, message: string) {
    super(message);
    this.name = "EngineError";
  }
}

export const invalidValue = (message: string) => new EngineError("value", message);
export const notAvailable = (message: string) => new EngineError("notAvailable", message);
export const invalidNumber = (message: string) => new EngineError("number", message);

export function isEngineError(e: unknown): e is EngineError {
  return e instanceof EngineError;
}
