/**
 * The NJC 2026/27 pay award is not agreed (src/data/njc.ts holds 2026/27 as "award pending"). A pack
 * whose years include 2026/27 says so on the board summary ("How firm the figures are"), with the
 * people and pounds resting on it, and on the Assumptions sheet.
 */
import { buildBoardPack } from "../../src/report/boardPack";
import { decimalOfPence } from "../../src/engine/pence";
import { wholePounds } from "../../src/sheets/board";
import type { PlanValue, WorkbookPlan } from "../../src/sheets/plan";
import { sampleTable, singleScenario } from "./sample";

const GEN = { generatedOn: "2026-11-29", version: "9.9.9" };

function sheetTexts(plan: WorkbookPlan, name: RegExp): string[] {
  const out: PlanValue[] = [];
  for (const s of plan.sheets.filter((x) => name.test(x.name)))
    for (const b of s.blocks) {
      if (b.kind === "range") b.values.forEach((r) => out.push(...r));
      if (b.kind === "table") b.rows.forEach((r) => out.push(...r));
    }
  return out.filter((v): v is string => typeof v === "string");
}

describe("a 2026/27 pack with an assumed NJC award", () => {
  // Base year 2026/27; the NJC award for 2026/27 assumed at the employers' 3.3% offer.
  const pack = buildBoardPack({
    table: sampleTable(),
    scenario: singleScenario({ financialYear: "2026/27", payAwards: { AFC: "3%", NJC: "3%", byYear: { "2026/27": { NJC: "3.3%" } } } }),
    ...GEN,
  });
  const r = pack.report;
  // The sample moves council staff onto AfC: the pending award reaches those now on NJC terms, and
  // the pounds resting on it are their current cost in 2026/27 (the base year, so each Detail line's current total).
  const njc = r.people.filter((p) => p.terms === "NJC");
  const line = r.confidence.find((c) => c.kind === "pending")!;

  it("costs the council staff (the staff list's check of an NJC point does not need the award)", () => {
    expect(r.rows.issues.filter((i) => /award is not agreed/.test(i.message))).toEqual([]);
    expect(r.rows.leftOut).toBe(3); // the sample's three bad rows, as in 2025/26
  });

  it("says on the summary how many staff and how many pounds rest on the pending award, and what is assumed", () => {
    expect(njc.length).toBeGreaterThan(0);
    expect(line.people).toBe(new Set(njc.map((p) => p.ref)).size);
    // A person's figures are whole pence.
    expect(line.amount.toFixed(2)).toBe(decimalOfPence(njc.reduce((a, p) => a + p.current.total, 0)).toFixed(2));
    expect(line.text).toMatch(/^NJC 2026\/27 pay award pending; assumed 3\.3% on the 2025\/26 rates/);
    const summary = sheetTexts(pack.workbook, /summary/i).join("\n");
    expect(summary).toContain(`• ${line.people} staff, ${wholePounds(line.amount)}: NJC 2026/27 pay award pending; assumed 3.3%`);
  });

  it("says so on the Assumptions sheet too", () => {
    const assumptions = sheetTexts(pack.workbook, /assumptions/i);
    const i = assumptions.indexOf("NJC 2026/27 pay award: PENDING");
    expect(i).toBeGreaterThanOrEqual(0);
    expect(assumptions[i + 1]).toMatch(/not agreed.*Assumed: 3\.3%/);
  });
});

describe("a 2025/26 pack whose projection crosses 2026/27 with no NJC award set", () => {
  const pack = buildBoardPack({ table: sampleTable(), scenario: singleScenario({ payAwards: { AFC: "3%" } }), ...GEN });
  const r = pack.report;

  it("says the council staff's 2026/27 figures are held at 2025/26 rates, pending the award", () => {
    expect(r.years).toContain("2026/27");
    const line = r.confidence.find((c) => c.kind === "pending")!;
    expect(line.people).toBe(new Set(r.people.filter((p) => p.terms === "NJC").map((p) => p.ref)).size);
    expect(line.amount.isPositive()).toBe(true);
    expect(line.text).toMatch(/^NJC 2026\/27 pay award pending; no award assumed, so 2026\/27 is held at 2025\/26 rates/);
    expect(sheetTexts(pack.workbook, /summary/i).join("\n")).toContain("pay award pending; no award assumed");
  });
});

describe("a pack whose years stop before 2026/27", () => {
  it("says nothing about a pending award", () => {
    const pack = buildBoardPack({ table: sampleTable(), scenario: singleScenario({ financialYear: "2024/25", projectionYears: 2 }), ...GEN });
    expect(pack.report.years).toEqual(["2024/25", "2025/26"]);
    expect(pack.report.confidence.filter((c) => c.kind === "pending")).toEqual([]);
  });
});
