import { checkBoardScenario } from "../../src/report/scenario";
import { parseScenarioText, scanScenarioJson } from "../../src/report/scenarioJson";
import { scenarioLimitProblems } from "../../src/report/scenarioLimits";

const base = { targetTerms: "NJC", protection: { policy: "CASH", years: 2 } };

describe("scenario JSON read with the checks JSON.parse does not make", () => {
  it("reports a key given twice, with its path and lines, where JSON.parse keeps the last silently", () => {
    const text = '{\n  "targetTerms": "NJC",\n  "protection": { "policy": "CASH", "years": 2, "years": 3 },\n  "targetTerms": "AFC"\n}';
    expect(JSON.parse(text).targetTerms).toBe("AFC");
    expect(parseScenarioText(text).problems).toEqual([
      "protection.years: given twice (lines 3 and 3); JSON would silently keep only the last. Delete one.",
      "targetTerms: given twice (lines 2 and 4); JSON would silently keep only the last. Delete one.",
    ]);
    // The same key in different objects, or escaped differently, is told right.
    expect(scanScenarioJson('{"pool":{"lines":[{"name":"a"},{"name":"b"}]}}')).toEqual([]);
    expect(scanScenarioJson('{"title":"x","\\u0074itle":"y"}')).toEqual(["title: given twice (lines 1 and 1); JSON would silently keep only the last. Delete one."]);
  });

  it("refuses nesting 100,000 deep before parsing, naming where, with no stack overflow", () => {
    const deep = `{"title": ${"[".repeat(100000)}${"]".repeat(100000)}}`;
    expect(parseScenarioText(deep)).toEqual({ json: null, problems: ["title[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]: nested more than 32 deep (line 1); no setting is. Check the brackets there."] });
  });

  it("gives a syntax error its line and column", () => {
    expect(parseScenarioText('{\n  "targetTerms": "NJC",\n}').problems[0]).toMatch(/^The scenario is not valid JSON \(line 3, column 1\): /);
  });
});

describe("plausible ranges and bounded text in a scenario", () => {
  it("names a pool contribution of 1e308, an expenditure of 1e400 and 8,000 partners as problems of those settings", () => {
    const pool = (partners: string[], contributions: number[], expenditure: number) => ({ ...base, pool: { partners, lines: [{ name: "Care", contributions, expenditure }] } });
    expect(checkBoardScenario(pool(["A", "B"], [1e308, 5], 10)).problems).toEqual([
      "pool.lines[0].contributions[0]: An amount of the pool must be from £0 to £10,000,000,000 (the largest pooled budgets in England are a few £bn); got 1e+308.",
    ]);
    expect(checkBoardScenario(pool(["A", "B"], [1, 5], JSON.parse("1e400"))).problems).toEqual([
      "pool.lines[0].expenditure: a number too large for any figure (the file says something like 1e400); An amount of the pool is from £0 to £10,000,000,000.",
    ]);
    const many = Array.from({ length: 8000 }, (_, i) => `P${i}`);
    expect(checkBoardScenario(pool(many, many.map(() => 1), 10)).problems).toEqual([
      "pool.partners: A pool's partners may number at most 50 (a pooled budget has a handful of partners (each is a column of the pool statement)); got 8,000.",
    ]);
  });

  it("bounds rates, allowances and free text, and any number anywhere", () => {
    expect(scenarioLimitProblems({ ...base, lgpsEmployerRate: "95%" })).toEqual(["lgpsEmployerRate: The LGPS employer rate must be from 0% to 50% (LGPS employer rates run from about 5% to 40%); got 95%."]);
    expect(scenarioLimitProblems({ ...base, targetTerms: { terms: "NJC", localAllowance: 1e300 } })).toEqual([
      "targetTerms.localAllowance: The local allowance must be from £0 to £50,000 (London weighting and HCAS are a few thousand pounds a year); got 1e+300.",
    ]);
    expect(scenarioLimitProblems({ ...base, title: "T".repeat(300), notes: "x".repeat(20000) })).toEqual([
      `title: at most 200 characters; got 300 (${"T".repeat(40)}… (260 more characters)).`,
      `notes: at most 10,000 characters; got 20,000 (${"x".repeat(40)}… (19,960 more characters)).`,
    ]);
    // A list of notes (as caretrust init writes them) is free text too: each up to 10,000 characters.
    expect(scenarioLimitProblems({ ...base, notes: ["x".repeat(5000), "y".repeat(20000)] })).toEqual([`notes[1]: at most 10,000 characters; got 20,000 (${"y".repeat(40)}… (19,960 more characters)).`]);
    expect(scenarioLimitProblems({ ...base, projectionYears: 1e200 })).toEqual(["projectionYears: 1e+200 is larger than any scenario figure (at most 100,000,000,000)."]);
    expect(scenarioLimitProblems({ ...base, protection: { policy: "TAPERED", taper: Array(100000).fill("50%") } })).toEqual([
      "protection.taper: The taper schedule may number at most 40 (one share a year, and protection lasts at most 40 years); got 100,000.",
    ]);
  });

  it("refuses a value nested 100,000 deep in a checked setting without a stack overflow", () => {
    let deep: unknown = "x";
    for (let i = 0; i < 100000; i++) deep = [deep];
    const r = checkBoardScenario({ ...base, includeNames: deep });
    expect(r.scenario).toBeNull();
    expect(r.problems).toEqual([expect.stringMatching(/^includeNames(\[0\])+: nested more than 32 deep; no setting is\.$/)]);
  });

  it("accepts the sample scenario as it is", () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sample = require("../../samples/scenario.json");
    expect(scenarioLimitProblems(sample)).toEqual([]);
  });
});
