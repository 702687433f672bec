/**
 * Fuzzing every custom function in the registry (so a function added to any module is covered
 * without touching this file): arbitrary numbers, text, booleans, omitted arguments and ranges of
 * every shape in every argument position up to the function's arity. See ./contract.ts for what
 * each call must do.
 */
import fc from "fast-check";
import { FUNCTIONS } from "../../src/functions/registry";
import { anyArg, argsFor, deepFreeze } from "./arbitraries";
import { call, describe as show, INTERNAL_ERROR, messages, outcomeProblem } from "./contract";

/** Runs per function; the whole property suite is kept under about a minute. */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 1000);
/** A fixed seed keeps the suite repeatable; PROPERTY_SEED=random explores (fast-check prints the seed of a failure). */
const SEED = process.env.PROPERTY_SEED === undefined ? 20250401 : process.env.PROPERTY_SEED === "random" ? undefined : Number(process.env.PROPERTY_SEED);

const entries = [...FUNCTIONS.entries()].sort(([a], [b]) => a.localeCompare(b));

function fail(name: string, args: unknown[], problem: string): never {
  throw new Error(`CARETRUST.${name}(${args.map(show).join(", ")}): ${problem}`);
}

test("the registry holds the custom functions", () => {
  expect(entries.length).toBeGreaterThanOrEqual(12);
});

describe.each(entries)("CARETRUST.%s", (name, fn) => {
  const arity = fn.length;

  test(`keeps the contract for any arguments (arity ${arity})`, () => {
    fc.assert(
      fc.property(argsFor(arity), (args) => {
        const frozen = args.map(deepFreeze);
        const problem = outcomeProblem(call(fn, frozen));
        if (problem) fail(name, frozen, problem);
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });

  test("keeps the contract with one argument at a time varied and the others plausible", () => {
    // Start from all-omitted and vary one position: reaches each argument's own checks.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Math.max(0, arity - 1) }), anyArg, fc.array(anyArg, { minLength: arity, maxLength: arity }), (pos, v, rest) => {
        const args = rest.slice();
        args[pos] = v;
        const frozen = args.map(deepFreeze);
        const problem = outcomeProblem(call(fn, frozen));
        if (problem) fail(name, frozen, problem);
      }),
      { numRuns: Math.ceil(RUNS / 2), seed: SEED },
    );
  });

  test("no bug reaches the user as 'Unexpected problem'", () => {
    fc.assert(
      fc.property(argsFor(arity), (args) => {
        const frozen = args.map(deepFreeze);
        const leaked = messages(call(fn, frozen)).find((m) => INTERNAL_ERROR.test(m));
        if (leaked) fail(name, frozen, leaked);
      }),
      { numRuns: Math.ceil(RUNS / 2), seed: SEED },
    );
  });
});
