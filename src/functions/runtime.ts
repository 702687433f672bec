/**
 * Outside Excel (the command line, tests, the benchmark) there is no `CustomFunctions` global.
 * This installs a minimal stand-in with the same shape, so the very functions Excel calls can
 * run headless. Inside Excel the real global exists and is left alone.
 */
export class HeadlessCustomFunctionError extends Error {
  constructor(public readonly code: string, message?: string) {
    super(message ?? code);
    this.name = "CustomFunctions.Error";
  }
}

export function ensureCustomFunctionsRuntime(): void {
  const g = globalThis as unknown as { CustomFunctions?: unknown };
  if (g.CustomFunctions) return;
  g.CustomFunctions = {
    Error: HeadlessCustomFunctionError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      notAvailable: "#N/A",
      divisionByZero: "#DIV/0!",
      invalidNumber: "#NUM!",
      nullReference: "#NULL!",
      invalidName: "#NAME?",
      invalidReference: "#REF!",
    },
    associate: () => undefined,
  };
}
