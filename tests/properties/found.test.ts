/**
 * Calls the fuzzing found breaking the contract (./contract.ts), pinned so that they stay fixed.
 * Each is the shrunk counterexample fast-check printed.
 */
import { FUNCTIONS } from "../../src/functions/registry";
import { call, describe as show, INTERNAL_ERROR, messages, outcomeProblem } from "./contract";

const FOUND: [string, unknown[]][] = [
  // A result beyond what a double holds must be an error with its message (#VALUE!), not Infinity.
  ["COST", [1.7e308, "NHS", null, null]],
  ["COSTBREAKDOWN", ["1e400", "NONE"]],
  ["EMPLOYERNI", ["1e400"]],
  ["LEVY", ["1e400"]],
  ["PENSION", ["1e400", "NHS"]],
  ["HOURLY", [2025, 5e-324]],
  ["COSTTABLE", [[["1e400"]], [["NHS"]]]],
  // A flat (1-D) array where a range belongs: an Excel error saying what to give, not a TypeError.
  ["SALARY", [[0]]],
  ["SALARY", [[null]]],
];

describe.each(FOUND)("CARETRUST.%s", (name, args) => {
  test(`(${args.map(show).join(", ")}) keeps the contract`, () => {
    const fn = FUNCTIONS.get(name);
    expect(fn).toBeDefined();
    const o = call(fn!, args);
    expect(outcomeProblem(o)).toBeNull();
    expect(messages(o).filter((m) => INTERNAL_ERROR.test(m))).toEqual([]);
  });
});
