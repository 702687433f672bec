/**
 * One default year (issue 13 item 4): an omitted year means the same financial year for every
 * scale and rate, in every function that takes a year and in the board pack. It is the latest
 * year every table holds as agreed: 2025/26 while the NJC 2026/27 award is pending (AfC 2026/27,
 * HCAS, NI, the levy and both pension schemes are held for 2026/27, the NJC spine only as pending).
 */
import * as fs from "fs";
import * as path from "path";
import { defaultYear } from "../../src/engine/defaultYear";
import { resolveScenario } from "../../src/engine/harmonise";
import { FUNCTIONS } from "../../src/functions/registry";
import { ensureCustomFunctionsRuntime } from "../../src/functions/runtime";
import { buildBoardPack } from "../../src/report/boardPack";
import { sampleScenario, sampleTable } from "../report/sample";

ensureCustomFunctionsRuntime();

/** Arguments for each function, with the year in position `year` (null = omitted). */
const CALLS: Record<string, { args: unknown[]; year: number }> = {
  SALARY: { args: [[["AFC"]], 5, 1, null], year: 3 },
  HCAS: { args: [40823, "INNER", null], year: 2 },
  EMPLOYERNI: { args: [40823, null], year: 1 },
  PENSION: { args: [40823, "NHS", null], year: 2 },
  EMPLOYEEPENSION: { args: [40823, "NHS", null], year: 2 },
  LEVY: { args: [40823, null], year: 1 },
  COST: { args: [40823, "NHS", null], year: 2 },
  COSTBREAKDOWN: { args: [40823, "NHS", null], year: 2 },
  COSTTABLE: { args: [[[40823], [31049]], [["NHS"]], null], year: 2 },
  SALARYTABLE: { args: [[["AFC"], ["NJC"]], [[5], [23]], null, null], year: 3 },
  LEVELUP: { args: ["NJC", 30, null, 1, 8, [["AFC"]], 6, null, "LGPS", 0.195], year: 7 },
  COMPARE: { args: ["NJC", 30, null, 1, 8, [["AFC"]], 6, null, "LGPS", 0.195], year: 7 },
  ASSIMILATE: { args: [[["NJC"]], 30, null, [["AFC"]], 6, null], year: 5 },
  PROTECTION: { args: ["AFC", 5, 3, [["NJC"]], "22-25", "CASH", [[3]], null, 3, [[0.03]]], year: 7 },
  LEVELUPTABLE: {
    args: [
      [
        ["Employee reference", "Staff group", "Current employer", "Current terms", "Band or grade", "Step", "FTE", "Years of service", "Pension scheme", "Target job match"],
        ["E1", "Nursing", "Trust", "AFC", "5", 2, 1, 3, "NHS", "17-20"],
        ["E2", "Social work", "Council", "NJC", "30", null, 1, 8, "LGPS", "6"],
      ],
      "AFC",
      null,
      0.195,
    ],
    year: 2,
  },
};

/** Every function whose metadata (dist/functions.json, as Excel reads it) has a `year` parameter. */
function functionsWithYear(): string[] {
  const file = path.join(__dirname, "..", "..", "dist", "functions.json");
  const meta = JSON.parse(fs.readFileSync(file, "utf8")) as { functions: { id: string; parameters?: { name: string }[] }[] };
  return meta.functions.filter((f) => (f.parameters ?? []).some((p) => p.name === "year")).map((f) => f.id).sort();
}

describe("the one default year", () => {
  test("is 2025/26 while the NJC 2026/27 award is pending", () => {
    expect(defaultYear().label).toBe("2025/26");
  });

  test("every function with a year parameter is checked here", () => {
    expect(functionsWithYear()).toEqual(Object.keys(CALLS).sort());
  });

  test.each(Object.keys(CALLS))("%s: an omitted year gives exactly what the default year gives, and not what 2026/27 gives", (name) => {
    const fn = FUNCTIONS.get(name)!;
    const { args, year } = CALLS[name];
    const withYear = (y: unknown) => args.map((a, i) => (i === year ? y : a));
    const omitted = fn(...args);
    expect(omitted).toEqual(fn(...withYear(defaultYear().label)));
    expect(omitted).toEqual(fn(...withYear("2025/26")));
  });

  test("SALARY with no year: AfC and NJC answer for the same year (2025/26: band 5 step 1 £31,049, SCP 23 £34,434)", () => {
    expect(FUNCTIONS.get("SALARY")!([["AFC"]], 5, 1)).toBe(31049);
    expect(FUNCTIONS.get("SALARY")!([["NJC"]], 23)).toBe(34434);
  });

  test("every help page and the README say what an omitted year means", () => {
    const dir = path.join(__dirname, "..", "..", "docs", "functions");
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith(".md"))) expect(`${f}: ${fs.readFileSync(path.join(dir, f), "utf8")}`).toMatch(/default year/);
    expect(fs.readFileSync(path.join(__dirname, "..", "..", "README.md"), "utf8")).toMatch(/one default year/);
  });

  test("the harmonisation engine and the board pack default to the same year", () => {
    expect(resolveScenario({ target: { terms: "AFC" }, protection: { kind: "NONE" } }).year.label).toBe(defaultYear().label);
    const pack = buildBoardPack({ table: sampleTable(), scenario: sampleScenario({ financialYear: undefined }), generatedOn: "2026-12-07", version: "0.0.0" });
    expect(pack.report.years[0]).toBe(defaultYear().label);
  });
});
