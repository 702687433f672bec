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

describe("caretrust fn takes large ranges from a file or standard input, and keeps messages short and safe", () => {
  const files: Record<string | number, string> = { "range.json": "[[500000],[300000],[200000]]\n", 0: "[[1],[2],[3]]", "deep.json": "[".repeat(100000) + "]".repeat(100000) };
  const source = (from: string | 0) => {
    if (!(from in files)) throw Object.assign(new Error("ENOENT: no such file"), { code: "ENOENT" });
    return files[from];
  };

  test("@FILE and - read an argument; @@ is a literal @", () => {
    expect(parseCliArg("@range.json", source)).toEqual([[500000], [300000], [200000]]);
    expect(parseCliArg("-", source)).toEqual([[1], [2], [3]]);
    expect(parseCliArg("@@home", source)).toBe("@home");
    expect(() => parseCliArg("@missing.json", source)).toThrow("Cannot read the argument from missing.json: no such file.");
    expect(runFn("RISKSHARE", ["-100000", "@range.json", "PROPORTIONAL"], source)).toEqual(runFn("RISKSHARE", ["-100000", "[[500000],[300000],[200000]]", "PROPORTIONAL"]));
    expect(runFn("RISKSHARE", ["-", "-"], source)).toMatchObject({ exitCode: 2, stderr: "Only one argument can be read from standard input (-).\n" });
  });

  test("a range nested 100,000 deep is refused as not a range, not with a stack overflow", () => {
    const r = runFn("RISKSHARE", ["-100000", "@deep.json", "PROPORTIONAL"], source);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/is not a range: a range is rows of cells/);
    expect(r.stderr.length).toBeLessThan(400);
  });

  test("a bad 128 kB argument is cut in the message and control characters are escaped", () => {
    const r = runFn("RISKSHARE", ["-100000", `[\u001b[31m${"x".repeat(131072)}`, "PROPORTIONAL"]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^Argument \[\\u001b\[31mx+… \(130,978 more characters\) starts with "\[" but is not a JSON array/);
    expect(r.stderr.length).toBeLessThan(400);
    expect(r.stderr).not.toContain("\u001b");
  });
});
