/** The user's own pay figures (issue 9 item 6): used where the data has none, labelled wherever shown, refused where the data has one. */
import { buildBoardPack } from "../../src/report/boardPack";
import { checkBoardScenario, parseBoardScenario } from "../../src/report/scenario";
import { fullTimePayAt, resolveScenario } from "../../src/engine/harmonise";
import { financialYear } from "../../src/engine/years";
import { dec } from "../../src/engine/money";
import type { SuppliedPay } from "../../src/engine/scales";
import type { PlanValue, WorkbookPlan } from "../../src/sheets/plan";

const GEN = { generatedOn: "2026-12-07", version: "9.9.9" };
const HEADER = ["Employee reference", "Staff group", "Current employer", "Current terms", "SCP", "FTE", "Years of service", "Pension scheme", "Target job match"];
// A council list: C1 is on SCP 44, a local point above the national spine (2 to 43 in 2025/26).
const TABLE = [HEADER, ["C1", "Social work", "Northshire Council", "NJC", 44, 1, 5, "LGPS", "8a"], ["C2", "Social work", "Northshire Council", "NJC", 20, 0.5, 5, "LGPS", "3"]];

function scenario(extra: Record<string, unknown> = {}) {
  return {
    targetTerms: "AFC",
    financialYear: "2025/26",
    projectionYears: 1,
    protection: "NONE",
    increments: false,
    lgpsEmployerRate: "19%",
    ...extra,
  };
}
const SCP44 = { scale: "NJC", year: "2025/26", point: 44, pay: 52805, note: "local pay policy 2025" };

function cellsOf(plan: WorkbookPlan, sheet: string): string[] {
  const out: PlanValue[] = [];
  for (const b of plan.sheets.find((s) => s.name === sheet)!.blocks) {
    if (b.kind === "range") b.values.forEach((r) => out.push(...r));
    if (b.kind === "table") b.rows.forEach((r) => out.push(...r));
  }
  return out.filter((v): v is string => typeof v === "string");
}

describe("pay supplied by you", () => {
  it("without a supplied figure, a point the data does not hold leaves the person out by row and column", () => {
    const pack = buildBoardPack({ table: TABLE, scenario: parseBoardScenario(scenario()), ...GEN });
    expect(pack.report.people.map((p) => p.ref)).toEqual(["C2"]);
    expect(pack.issues).toHaveLength(1);
    expect(pack.issues[0].row).toBe(2);
    expect(pack.issues[0].column).toBe("SCP");
    expect(pack.issues[0].message).toMatch(/point 44 is not on the NJC pay spine in 2025\/26/);
  });

  it("with the figure supplied, the person is costed at it and labelled on the summary, Assumptions and Detail sheets", () => {
    const pack = buildBoardPack({ table: TABLE, scenario: parseBoardScenario(scenario({ suppliedPay: [SCP44] })), ...GEN });
    expect(pack.issues).toEqual([]);
    const c1 = pack.report.people.find((p) => p.ref === "C1")!;
    // Full-time £52,805 × FTE 1 = £52,805.00 basic pay on current terms.
    expect(c1.current.basicPay).toBe(5280500); // whole pence
    expect(c1.currentPosition).toBe("NJC SCP 44");
    expect(c1.suppliedPay).toEqual(["current"]);
    expect(pack.report.people.find((p) => p.ref === "C2")!.suppliedPay).toEqual([]);

    const line = pack.report.confidence.find((l) => /Pay supplied by you/.test(l.text))!;
    expect(line.people).toBe(1);
    // Only C1's current basic pay rests on the supplied figure: £52,805.
    expect(line.amount.toFixed(2)).toBe("52805.00");
    expect(line.text).toContain("SCP 44");

    const assumption = pack.report.assumptions.find((a) => a.label === "Pay supplied by you")!;
    expect(assumption.value).toBe("NJC SCP 44 in 2025/26: £52,805 a year full-time (supplied by you: local pay policy 2025; not in the published data)");
    expect(cellsOf(pack.workbook, "Assumptions and sources").join("\n")).toContain("NJC SCP 44 in 2025/26: £52,805 a year full-time (supplied by you");
    expect(cellsOf(pack.workbook, "Detail")).toContain("NJC SCP 44 (pay supplied by you)");
    expect(cellsOf(pack.workbook, "Detail")).toContain("NJC SCP 20");
    expect(cellsOf(pack.workbook, "Board summary").join("\n")).toContain("Pay supplied by you (SCP 44)");
  });

  it("a part-time person at a supplied point is paid the supplied full-time figure pro rata", () => {
    const table = [HEADER, ["C3", "Social work", "Northshire Council", "NJC", 44, 0.6, 5, "LGPS", "8a"]];
    const pack = buildBoardPack({ table, scenario: parseBoardScenario(scenario({ suppliedPay: [SCP44] })), ...GEN });
    // £52,805 × 0.6 = £31,683.00.
    expect(pack.report.people[0].current.basicPay).toBe(3168300); // whole pence
  });

  it("names each problem with its path and what to change", () => {
    const problems = (sp: unknown) => checkBoardScenario(scenario({ suppliedPay: sp })).problems;
    // The data holds SCP 20 for 2025/26: a supplied figure only fills a gap (the rule: refuse, never override).
    expect(problems([{ scale: "NJC", year: "2025/26", point: 20, pay: 30000 }])).toEqual([
      expect.stringMatching(/^suppliedPay\[0\]: The data already holds £[\d,]+ for NJC SCP 20 in 2025\/26 .*remove this entry/),
    ]);
    expect(problems([{ ...SCP44, pay: 4400 }])[0]).toMatch(/^suppliedPay\[0\]: The pay for NJC SCP 44 in 2025\/26 must be a full-time annual figure from £5,000 to £300,000; got £4400/);
    expect(problems([{ scale: "NJC", year: "2025/26", pay: 52805 }])).toEqual(["suppliedPay[0].point: is missing: give the spinal column point, e.g. 44."]);
    expect(problems([{ scale: "AFC", year: "2025/26", band: "6", pay: 40000 }])).toEqual(["suppliedPay[0].step: is missing: give the AfC step (1 = entry)."]);
    expect(problems([{ scale: "GOLD", point: 44, pay: 52805 }])[0]).toMatch(/^suppliedPay\[0\]\.scale: The scale "GOLD" is not recognised/);
    expect(problems([SCP44, SCP44])).toEqual(["suppliedPay[1]: a second figure for NJC SCP 44 in 2025/26: keep one."]);
    expect(problems([{ ...SCP44, year: "2037/38" }])[0]).toBe(
      "suppliedPay[0]: 2037/38 is more than 10 years after the last year in the data (2026/27): check the year. Figures can be given for years up to 2036/37.",
    );
    expect(problems([{ ...SCP44, pint: 3 }])[0]).toMatch(/^suppliedPay\[0\]\.pint: is not a setting; did you mean "point"\?/);
    expect(problems({})).toEqual([expect.stringMatching(/^suppliedPay: should list your own pay figures/)]);
  });
});

describe("the engine's rule for supplied pay", () => {
  it("refuses a supplied figure where the data holds one, also when the scenario is built without the board pack's checks", () => {
    const figure: SuppliedPay = { scale: "NJC", year: financialYear(2025), grade: "20", step: 1, pay: dec(30000), note: null };
    expect(() => resolveScenario({ target: { terms: "AFC" }, protection: { kind: "NONE" }, suppliedPay: [figure] })).toThrow(/The data already holds £[\d,]+ for NJC SCP 20 in 2025\/26/);
  });
});

describe("a supplied figure in later years", () => {
  it("is carried into years the data has no figure for, uplifted by the assumed award and rounded to the pound as the spine is", () => {
    const figure: SuppliedPay = { scale: "NJC", year: financialYear(2025), grade: "44", step: 1, pay: dec(52805), note: null };
    const s = resolveScenario({ target: { terms: "AFC" }, protection: { kind: "NONE" }, year: financialYear(2025), payAwards: { NJC: dec("0.03") }, suppliedPay: [figure] });
    const pos = { scale: "NJC" as const, point: 44 };
    expect(fullTimePayAt(pos, financialYear(2025), s).pay.toString()).toBe("52805");
    // 2026/27 (NJC award pending, 3% assumed): 52,805 × 1.03 = 54,389.15 -> £54,389.
    expect(fullTimePayAt(pos, financialYear(2026), s).pay.toString()).toBe("54389");
    // 2027/28: 54,389 × 1.03 = 56,020.67 -> £56,021.
    expect(fullTimePayAt(pos, financialYear(2027), s).pay.toString()).toBe("56021");
    // A figure supplied for 2026/27 itself wins over the uplift: the user's own figure for that year.
    const own: SuppliedPay = { ...figure, year: financialYear(2026), pay: dec(54000) };
    const s2 = resolveScenario({ target: { terms: "AFC" }, protection: { kind: "NONE" }, year: financialYear(2025), payAwards: { NJC: dec("0.03") }, suppliedPay: [figure, own] });
    expect(fullTimePayAt(pos, financialYear(2026), s2).pay.toString()).toBe("54000");
    // 2027/28 from it: 54,000 × 1.03 = 55,620.
    expect(fullTimePayAt(pos, financialYear(2027), s2).pay.toString()).toBe("55620");
  });
});

describe("pay left out", () => {
  it("sums the FTE basic pay of rows left out whose pay can be read, and says how many it cannot be worked out for", () => {
    const table = [
      HEADER,
      ["C1", "Social work", "Northshire Council", "NJC", 29, 1, 5, "LGPS", "6"],
      // Duplicate reference: left out, but its pay can be read: SCP 29 in 2025/26 £39,862 × 0.5 = £19,931.00.
      ["C1", "Social work", "Northshire Council", "NJC", 29, 0.5, 5, "LGPS", "6"],
      // A bad FTE: left out, pay cannot be worked out.
      ["C3", "Social work", "Northshire Council", "NJC", 20, "most", 5, "LGPS", "3"],
      // SCP 44 without a supplied figure: left out, pay cannot be worked out.
      ["C4", "Social work", "Northshire Council", "NJC", 44, 1, 5, "LGPS", "8a"],
    ];
    const pack = buildBoardPack({ table, scenario: parseBoardScenario(scenario()), ...GEN });
    expect(pack.intake.payLeftOut.amount.toFixed(2)).toBe("19931.00");
    expect(pack.intake.payLeftOut.rowsUnknown).toBe(2);
    const words = "their FTE basic pay £19,931.00 a year, not counting 2 rows whose pay cannot be worked out";
    expect(cellsOf(pack.workbook, "Board summary").join("\n")).toContain(words);
    expect(cellsOf(pack.workbook, "Rows left out").join("\n")).toContain(words);
    // With SCP 44 supplied, C4 is costed and the rest stay as they were.
    const supplied = buildBoardPack({ table, scenario: parseBoardScenario(scenario({ suppliedPay: [SCP44] })), ...GEN });
    expect(supplied.intake.payLeftOut.rowsUnknown).toBe(1);
    expect(supplied.report.people.map((p) => p.ref)).toEqual(["C1", "C4"]);
  });
});

/**
 * A whole year's scale the data does not hold as agreed (issue 9 item 6): NJC 2026/27, held only as
 * "award pending" (the 2025/26 spine), once agreed; AfC 2027/28, after the data's last year, once
 * published. The figures below are the user's own (as a finance officer would type them from a new
 * pay circular), not published rates.
 */
describe("a whole year's scale supplied by you", () => {
  const NJC10_2026: SuppliedPay = { scale: "NJC", year: financialYear(2026), grade: "10", step: 1, pay: dec(28950), note: "NJC 2026/27 as agreed" };
  const AFC5_1_2027: SuppliedPay = { scale: "AFC", year: financialYear(2027), grade: "5", step: 1, pay: dec(33450), note: "AfC 2027/28 as published" };
  const resolved = (suppliedPay: SuppliedPay[]) =>
    resolveScenario({ target: { terms: "AFC" }, protection: { kind: "NONE" }, year: financialYear(2025), payAwards: { NJC: dec("0.03"), AFC: dec("0.03") }, suppliedPay });
  const scp10 = { scale: "NJC" as const, point: 10 };

  it("NJC: a figure for the pending year is used as given and not projected; later years are uplifted from it and rounded to the pound", () => {
    const without = resolved([]);
    // 2025/26 is in the data: SCP 10 £27,694 (NJC pay spine 2025/26).
    expect(fullTimePayAt(scp10, financialYear(2025), without)).toEqual({ pay: dec(27694), basis: "data" });
    // Without it, 2026/27 is the pending award: 27,694 × 1.03 = 28,524.82 -> £28,525, projected.
    expect(fullTimePayAt(scp10, financialYear(2026), without)).toEqual({ pay: dec(28525), basis: "projected" });

    const s = resolved([NJC10_2026]);
    expect(fullTimePayAt(scp10, financialYear(2025), s)).toEqual({ pay: dec(27694), basis: "data" });
    // 2026/27: the supplied £28,950 itself, no award assumed on it.
    expect(fullTimePayAt(scp10, financialYear(2026), s)).toEqual({ pay: dec(28950), basis: "data" });
    // 2027/28: 28,950 × 1.03 = 29,818.50 -> £29,819 (half up to the pound, as the spine is published).
    expect(fullTimePayAt(scp10, financialYear(2027), s)).toEqual({ pay: dec(29819), basis: "projected" });
    // 2028/29: 29,819 × 1.03 = 30,713.57 -> £30,714.
    expect(fullTimePayAt(scp10, financialYear(2028), s).pay.toString()).toBe("30714");
    // A point not supplied keeps the pending award: SCP 11 £28,142 × 1.03 = 28,986.26 -> £28,986.
    expect(fullTimePayAt({ scale: "NJC", point: 11 }, financialYear(2026), s)).toEqual({ pay: dec(28986), basis: "projected" });
  });

  it("AfC: a figure for a year after the data's last is used as given; later years are uplifted from it", () => {
    const without = resolved([]);
    // Without it, 2027/28 is 2026/27's band 5 step 1 £32,073 × 1.03 = 33,035.19 -> £33,035.
    expect(fullTimePayAt({ scale: "AFC", band: "5", step: 1 }, financialYear(2027), without)).toEqual({ pay: dec(33035), basis: "projected" });

    const s = resolved([AFC5_1_2027]);
    expect(fullTimePayAt({ scale: "AFC", band: "5", step: 1 }, financialYear(2026), s)).toEqual({ pay: dec(32073), basis: "data" });
    expect(fullTimePayAt({ scale: "AFC", band: "5", step: 1 }, financialYear(2027), s)).toEqual({ pay: dec(33450), basis: "data" });
    // 2028/29: 33,450 × 1.03 = 34,453.50 -> £34,454.
    expect(fullTimePayAt({ scale: "AFC", band: "5", step: 1 }, financialYear(2028), s)).toEqual({ pay: dec(34454), basis: "projected" });
    // Step 2, not supplied: 2026/27's £34,592 × 1.03 = 35,629.76 -> £35,630.
    expect(fullTimePayAt({ scale: "AFC", band: "5", step: 2 }, financialYear(2027), s)).toEqual({ pay: dec(35630), basis: "projected" });
  });

  it("refuses a year more than 10 after the data's last, and a figure the data holds as agreed", () => {
    const problems = (sp: unknown) => checkBoardScenario(scenario({ suppliedPay: sp })).problems;
    expect(problems([{ scale: "NJC", year: "2026/27", point: 10, pay: 28950 }])).toEqual([]);
    expect(problems([{ scale: "AFC", year: "2027/28", band: "5", step: 1, pay: 33450 }])).toEqual([]);
    // The data's last year is 2026/27 for both scales: 2036/37 is the furthest a figure can be given for.
    expect(problems([{ scale: "AFC", year: "2036/37", band: "5", step: 1, pay: 45000 }])).toEqual([]);
    expect(problems([{ scale: "AFC", year: "2037/38", band: "5", step: 1, pay: 45000 }])).toEqual([
      "suppliedPay[0]: 2037/38 is more than 10 years after the last year in the data (2026/27): check the year. Figures can be given for years up to 2036/37.",
    ]);
    // AfC 2026/27 is agreed and in the data (band 5 step 1 £32,073): refused, as is NJC SCP 10 in 2025/26 (£27,694).
    expect(problems([{ scale: "AFC", year: "2026/27", band: "5", step: 1, pay: 33000 }])).toEqual([
      "suppliedPay[0]: The data already holds £32,073 for AfC band 5 step 1 in 2026/27 (from the published scale): remove this entry. A supplied figure only fills a point or year the data does not hold as agreed.",
    ]);
    expect(problems([{ scale: "NJC", year: "2025/26", point: 10, pay: 28000 }])[0]).toMatch(/^suppliedPay\[0\]: The data already holds £27,694 for NJC SCP 10 in 2025\/26/);
  });

  it("a board pack for the pending year: costed at the supplied figure, labelled supplied, and not counted as resting on the pending award", () => {
    const table = [HEADER, ["C5", "Social work", "Northshire Council", "NJC", 10, 0.5, 5, "LGPS", "3"]];
    const sc = (extra: Record<string, unknown>) => parseBoardScenario(scenario({ financialYear: "2026/27", ...extra }));
    const pending = buildBoardPack({ table, scenario: sc({}), ...GEN });
    expect(pending.report.confidence.some((l) => /NJC 2026\/27 pay award pending/.test(l.text))).toBe(true);

    const pack = buildBoardPack({ table, scenario: sc({ suppliedPay: [{ scale: "NJC", year: "2026/27", point: 10, pay: 28950, note: "NJC 2026/27 as agreed" }] }), ...GEN });
    expect(pack.issues).toEqual([]);
    const c5 = pack.report.people[0];
    // £28,950 × FTE 0.5 = £14,475.00 basic pay on current terms.
    expect(c5.current.basicPay).toBe(1447500); // whole pence
    expect(c5.suppliedPay).toEqual(["current"]);
    expect(pack.report.confidence.some((l) => /pay award pending/.test(l.text))).toBe(false);
    const line = pack.report.confidence.find((l) => /Pay supplied by you/.test(l.text))!;
    expect(line.text).toContain("(SCP 10)");
    expect(line.people).toBe(1);
    expect(line.amount.toFixed(2)).toBe("14475.00");
    expect(cellsOf(pack.workbook, "Detail")).toContain("NJC SCP 10 (pay supplied by you)");
    expect(cellsOf(pack.workbook, "Assumptions and sources").join("\n")).toContain("NJC SCP 10 in 2026/27: £28,950 a year full-time (supplied by you: NJC 2026/27 as agreed");
    expect(cellsOf(pack.workbook, "Board summary").join("\n")).toContain("Pay supplied by you (SCP 10)");
    expect(pack.report.projection[0].supplied).toBe(true);
    expect(cellsOf(pack.workbook, "Projection")).toContain("published rates; pay supplied by you");
    expect(pending.report.projection[0].supplied).toBeUndefined();
  });

  it("a board pack before the supplied year: the base year is the data's and unmarked; the supplied year has its own line", () => {
    const table = [HEADER, ["C5", "Social work", "Northshire Council", "NJC", 10, 0.5, 5, "LGPS", "3"]];
    const supplied = [{ scale: "NJC", year: "2026/27", point: 10, pay: 28950 }];
    const pack = buildBoardPack({ table, scenario: parseBoardScenario(scenario({ projectionYears: 3, suppliedPay: supplied })), ...GEN });
    const c5 = pack.report.people[0];
    // 2025/26 from the data: £27,694 × 0.5 = £13,847.00, not marked as supplied.
    expect(c5.current.basicPay).toBe(1384700);
    expect(c5.suppliedPay).toEqual([]);
    expect(cellsOf(pack.workbook, "Detail")).toContain("NJC SCP 10");
    expect(pack.report.confidence.some((l) => /pay award pending/.test(l.text))).toBe(false);
    const line = pack.report.confidence.find((l) => /^2026\/27 pay supplied by you/.test(l.text))!;
    expect(line.text).toContain("(SCP 10)");
    expect(line.people).toBe(1);
    // 2026/27: £28,950 × 0.5 = £14,475.00.
    expect(line.amount.toFixed(2)).toBe("14475.00");
    expect(cellsOf(pack.workbook, "Board summary").join("\n")).toContain("2026/27 pay supplied by you (SCP 10)");
    // The Projection sheet's Basis: 2025/26 the data's; 2026/27 the supplied figure (AfC 2026/27 is in the data); 2027/28 uplifted from it.
    expect(pack.report.projection.map((y) => [y.year, y.basis, y.supplied ?? false])).toEqual([
      ["2025/26", "data", false],
      ["2026/27", "data", true],
      ["2027/28", "projected", false],
    ]);
    expect(cellsOf(pack.workbook, "Projection")).toEqual(expect.arrayContaining(["published rates", "published rates; pay supplied by you", "projected"]));
  });

  it("names a whole spine's points as a range on the summary", () => {
    const table = [HEADER, ["C5", "Social work", "Northshire Council", "NJC", 10, 0.5, 5, "LGPS", "3"], ["C6", "Social work", "Northshire Council", "NJC", 12, 1, 5, "LGPS", "3"]];
    const supplied = [10, 11, 12, 20].map((point) => ({ scale: "NJC", year: "2026/27", point, pay: 30000 + point }));
    const pack = buildBoardPack({ table, scenario: parseBoardScenario(scenario({ projectionYears: 2, suppliedPay: supplied })), ...GEN });
    const line = pack.report.confidence.find((l) => /^2026\/27 pay supplied by you/.test(l.text))!;
    expect(line.text).toMatch(/^2026\/27 pay supplied by you \(SCPs 10 to 12, SCP 20\): used as given for 2026\/27/);
    expect(line.people).toBe(2);
    // C5: £30,010 × 0.5 = £15,005.00; C6: £30,012 × 1 = £30,012.00; together £45,017.00.
    expect(line.amount.toFixed(2)).toBe("45017.00");
  });
});
