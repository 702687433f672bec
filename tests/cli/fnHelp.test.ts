/** caretrust fn --help, caretrust fn NAME --help and the argument count, all from the functions' metadata (dist/functions.json). */
import { runFn } from "../../src/cli/fn";
import { ensureCustomFunctionsRuntime } from "../../src/functions/runtime";

ensureCustomFunctionsRuntime();

describe("caretrust fn: usage from the function metadata", () => {
  test("caretrust fn --help lists every function with its description, exit 0", () => {
    const r = runFn("--help", []);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/Usage: caretrust fn NAME ARG/);
    expect(r.stdout).toMatch(/\n {2}SALARY +Annual full-time basic pay on a pay scale:/);
    expect(r.stdout).toMatch(/\n {2}LEVELUP +/);
  });

  test("caretrust fn SALARY --help gives its signature and arguments", () => {
    const r = runFn("SALARY", ["--help"]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^Usage: caretrust fn SALARY scale grade \[step\] \[year\] \[assumedAward\]/);
    expect(r.stdout).toMatch(/\[year\] +Financial year.*Default: the one default year/);
    expect(r.stdout).toMatch(/Help page: docs\/functions\/SALARY\.md/);
  });

  test("too many arguments is an error naming what the function takes", () => {
    const r = runFn("SALARY", ["AFC", "5", "1", "2025/26", "0", "extra"]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/SALARY takes at most 5 arguments \(scale, grade, step, year, assumedAward\); got 6/);
  });

  test("no function name: the usage on stderr, exit 2", () => {
    const r = runFn(undefined, []);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/Functions:/);
  });
});
