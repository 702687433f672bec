import { parseCliArg, runFn } from "../../src/cli/fn";

describe("caretrust fn parses arguments as Excel would pass them", () => {
  test.each<[string, unknown]>([
    ["6", 6],
    ["-100000", -100000],
    ["2025/26", "2025/26"],
    ["AFC", "AFC"],
    ["", null],
    ["[[500000],[300000]]", [[500000], [300000]]],
  ])("%p -> %p", (arg, value) => expect(parseCliArg(arg)).toEqual(value));
});

describe("caretrust fn evaluates custom functions by name", () => {
  test("SALARY AFC 6 2 2025/26 prints 40823 and exits 0", () => {
    expect(runFn("SALARY", ["AFC", "6", "2", "2025/26"])).toEqual({ exitCode: 0, stdout: "40823\n", stderr: "" });
  });
  test("the CARETRUST. prefix and lower case are accepted", () => {
    expect(runFn("caretrust.costbreakdown", ["40823", "NHS", "2025/26"]).stdout).toBe("[[40823,5373.45,9707.71,204.12,56108.28]]\n");
  });
  test("an omitted middle argument: COST 40823 NHS '' LOCAL", () => {
    expect(runFn("COST", ["40823", "NHS", "", "LOCAL"]).exitCode).toBe(0);
  });
  test("an Excel error goes to stderr with its message and exits 1", () => {
    const r = runFn("SALARY", ["AFC", "10"]);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^#N\/A .*Valid bands/);
  });
  test("an unknown function exits 2 and lists the functions", () => {
    const r = runFn("NOPE", []);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/SALARY/);
  });
});
