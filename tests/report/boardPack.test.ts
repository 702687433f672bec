import { buildBoardPack } from "../../src/report/boardPack";
import { ELEMENTS } from "../../src/report/model";
import { sum, ZERO } from "../../src/engine/money";
import { decimalOfPence } from "../../src/engine/pence";
import { isFormula, type PlanValue, type WorkbookPlan } from "../../src/sheets/plan";
import { HEADER, sampleScenario, sampleScenarioJson, sampleTable } from "./sample";
import { parseBoardScenario } from "../../src/report/scenario";

const GEN = { generatedOn: "2026-11-29", version: "9.9.9" };

function allValues(plan: WorkbookPlan): PlanValue[] {
  const out: PlanValue[] = [];
  for (const s of plan.sheets)
    for (const b of s.blocks) {
      if (b.kind === "range") b.values.forEach((r) => out.push(...r));
      if (b.kind === "table") {
        out.push(...b.columns.map((c) => c.header));
        b.rows.forEach((r) => out.push(...r));
      }
    }
  return out;
}

describe("buildBoardPack on the sample data", () => {
  const table = sampleTable();
  const pack = buildBoardPack({ table, scenario: sampleScenario(), ...GEN });
  const r = pack.report;

  it("reports the three bad sample rows by row and column and costs the rest", () => {
    expect(pack.totalRows).toBe(table.length - 1);
    expect(pack.skippedRows).toBe(3);
    expect(pack.issues.map((i) => [i.row, i.column])).toEqual([
      [42, "FTE"],
      [202, "Band or grade"],
      [302, "Employee reference"],
    ]);
    expect(r.people).toHaveLength(table.length - 1 - 3);
    expect(pack.headline.headcount).toBe(r.people.length);
    expect(pack.warnings).toEqual([]);
  });

  it("adds up: each person's elements to their total, people to groups, groups and employers to the headline", () => {
    const els = ELEMENTS.filter((e) => !e.timeOff || r.valuesTimeOff);
    expect(r.valuesTimeOff).toBe(true);
    for (const p of r.people)
      for (const o of ["current", "target", "levelledUp"] as const) {
        // A person's figures are whole pence.
        expect(els.reduce((a, e) => a + p[o][e.key], 0)).toBe(p[o].total);
        expect(p.protection.total).toBe(p.target.total + p.protection.payments + p.protection.onCosts);
      }
    const h = pack.headline;
    const poundsOver = (pence: (p: (typeof r.people)[number]) => number) => decimalOfPence(r.people.reduce((a, p) => a + pence(p), 0)).toString();
    expect(poundsOver((p) => p.current.total)).toBe(h.current.toString());
    expect(poundsOver((p) => p.target.total)).toBe(h.target.toString());
    expect(poundsOver((p) => p.protection.total)).toBe(h.protected.toString());
    expect(poundsOver((p) => p.levelledUp.total)).toBe(h.levelledUp.toString());
    for (const lines of [r.byGroup, r.byEmployer]) {
      expect(sum(lines.map((g) => g.current)).toString()).toBe(h.current.toString());
      expect(sum(lines.map((g) => g.levelledUp)).toString()).toBe(h.levelledUp.toString());
      expect(lines.reduce((a, g) => a + g.headcount, 0)).toBe(h.headcount);
    }
    expect(r.projection[0].current.toString()).toBe(h.current.toString());
    expect(r.projection[0].protected.toString()).toBe(h.protected.toString());
    expect(sum(h.protectionByYear.map((y) => y.cost)).toString()).toBe(h.protectionTotal.toString());
    expect(h.protectionTotal.gt(0)).toBe(true);
  });

  it("projects until protection ends (cash protection for 3 years: 4 years)", () => {
    expect(r.years).toEqual(["2025/26", "2026/27", "2027/28", "2028/29"]);
    expect(r.protectionContinuesFor).toBe(0);
    expect(r.projection[3].protectionPayments.toString()).toBe("0");
  });

  it("settles the pool: what the partners bear adds up to the overspend", () => {
    const pool = r.pool!;
    expect(pool.total.variance.gt(0)).toBe(true);
    expect(sum(pool.partners.map((p) => p.varianceBorne)).toString()).toBe(pool.total.variance.toString());
    expect(pool.lines[1].riskShare).toBe("LEAD Northshire County Council");
    expect(pool.lines[1].borne!.map((b) => b.toString())).toEqual(["0", pool.lines[1].variance.toString(), "0"]);
  });

  it("lists the sources of every rate used with their years, and the add-in version and date", () => {
    const tables = new Set(r.sources.map((s) => s.tableId));
    for (const id of ["AFC_PAY", "NJC_SPINE", "EMPLOYER_NI", "APPRENTICESHIP_LEVY", "NHS_EMPLOYER", "LGPS_BANDS"]) expect(tables).toContain(id);
    const afc = r.sources.filter((s) => s.tableId === "AFC_PAY");
    expect(new Set(afc.map((s) => s.year))).toEqual(new Set(["2025/26", "2026/27"]));
    expect(afc.find((s) => s.year === "2026/27")!.usedFor).toEqual(["2026/27", "2027/28", "2028/29"]);
    for (const s of r.sources) expect(s.url).toMatch(s.publisher === "(not confirmed)" ? /^$/ : /^https?:\/\//);
    expect(r.version).toBe("9.9.9");
    expect(JSON.stringify(allValues(pack.workbook))).toContain("Care Trust Calculator 9.9.9 · produced 29 November 2026");
  });

  it("leaves names out unless asked", () => {
    const names = table.slice(1).map((row) => String(row[1]));
    const texts = new Set(allValues(pack.workbook).filter((v): v is string => typeof v === "string"));
    expect(names.filter((n) => texts.has(n))).toEqual([]);
    expect(pack.workbook.sheets.find((s) => s.key === "detail")!.blocks.some((b) => b.kind === "table" && b.columns.some((c) => c.header === "Name"))).toBe(false);

    const withNames = buildBoardPack({ table, scenario: sampleScenario({ includeNames: true }), ...GEN });
    const detail = withNames.layout.detail;
    expect(detail.col.name).toBe(1);
    expect(detail.table.columns[1].header).toBe("Name");
    expect(detail.table.rows[0][1]).toBe(table[1][1]);
  });
});

describe("buildBoardPack with awkward input", () => {
  const base = ["", "", "Nursing", "Trust", "AFC", "5", 2, 1, 3, "NHS", "5"];

  it("keeps text that starts with = + - @ as text, never a formula", () => {
    const table = [HEADER, ["=1+1", "=HYPERLINK(\"x\")", "+Group", "@Employer", ...base.slice(4)], ["-7", "Ann", "-Group", "=Trust", ...base.slice(4)]];
    const pack = buildBoardPack({ table, scenario: sampleScenario({ pool: null, includeNames: true }), ...GEN });
    expect(pack.issues).toEqual([]);
    const rows = pack.layout.detail.table.rows;
    expect(rows[0].slice(0, 4)).toEqual(["=1+1", "=HYPERLINK(\"x\")", "+Group", "@Employer"]);
    const texts = allValues(pack.workbook).filter((v) => typeof v === "string" && /^[=+\-@]/.test(v));
    expect(texts).toEqual(expect.arrayContaining(["=1+1", "+Group", "@Employer", "-Group", "=Trust", "-7"]));
    const groups = pack.layout.summary.byGroup.rows.map((row) => row[0]);
    expect(groups).toEqual(["+Group", "-Group"]);
  });

  it("reports a person the engine cannot cost against their row and leaves them out", () => {
    const table = [
      [...HEADER, "Unsocial hours Sundays and public holidays"],
      ["C1", "", "Care", "Council", "NJC", "10", "", 1, 3, "LGPS", "3", 4],
      ["N1", "", "Nursing", "Trust", "AFC", "5", 2, 1, 3, "NHS", "5", ""],
    ];
    const scenario = sampleScenario({ pool: null, currentTerms: undefined });
    const pack = buildBoardPack({ table, scenario, ...GEN });
    expect(pack.issues).toEqual([
      {
        row: 2,
        column: "",
        message: expect.stringMatching(/^C1 cannot be costed and is left out: .*Sundays and public holidays/),
        // The cause is kept, so rows wanting the same rate can be told once.
        missingRate: { side: "current", category: "sundaysAndPublicHolidays", terms: "NJC" },
      },
    ]);
    expect(pack.skippedRows).toBe(1);
    expect(pack.report.people.map((p) => p.ref)).toEqual(["N1"]);
    expect(pack.report.rows.leftOut).toBe(1);
  });

  it("still builds a pack when every row is bad, with the problems listed", () => {
    const pack = buildBoardPack({ table: [["Name", "Band"], ["A", "5"]], scenario: sampleScenario(), ...GEN });
    expect(pack.report.people).toEqual([]);
    expect(pack.headline.current.toString()).toBe(ZERO.toString());
    expect(pack.issues[0].message).toMatch(/no "Employee reference"/);
    expect(pack.workbook.sheets.map((s) => s.name)).toEqual(["Board summary", "Options", "Detail", "Projection", "Pool statement", "Assumptions and sources", "Rows left out"]);
  });

  it("reports a pool that cannot be settled as a warning and leaves the pool sheet out", () => {
    const json = {
      pool: { partners: ["A", "B"], lines: [{ name: "L", contributions: [{ base: 100, changes: [-200] }, 50], expenditure: 10 }] },
    };
    const pack = buildBoardPack({ table: sampleTable(), scenario: sampleScenario(json), ...GEN });
    expect(pack.warnings).toEqual([expect.stringMatching(/pooled budget statement is not included: .*cannot be negative/)]);
    expect(pack.workbook.sheets.map((s) => s.key)).not.toContain("pool");
  });

  it("names the sheet's rows when the table does not start on row 1", () => {
    const table = [HEADER, ["A1", "", "Nursing", "Trust", "AFC", "5", 9, 1, 3, "NHS", "5"]];
    const pack = buildBoardPack({ table, scenario: sampleScenario({ pool: null }), ...GEN, firstRowNumber: 10 });
    expect(pack.issues[0].row).toBe(11);
  });

  it("reports progress by stage", () => {
    const stages = new Set<string>();
    buildBoardPack({ table: sampleTable(), scenario: sampleScenario(), ...GEN, onProgress: (s) => stages.add(s) });
    expect([...stages]).toEqual(["read", "cost", "layout"]);
  });

  it("plan formulas are formulas and nothing else is", () => {
    const pack = buildBoardPack({ table: sampleTable(), scenario: sampleScenario(), ...GEN });
    const formulas = allValues(pack.workbook).filter(isFormula);
    expect(formulas.length).toBeGreaterThan(1000);
    for (const f of formulas) expect(f.formula).not.toMatch(/^=/);
  });
});

describe("a scenario without the LGPS fund's employer rate", () => {
  it("is refused as a whole, naming the setting and how many staff need it, rather than leaving every LGPS member out", () => {
    const json = sampleScenarioJson();
    delete json.lgpsEmployerRate;
    expect(() => buildBoardPack({ table: sampleTable(), scenario: parseBoardScenario(json), ...GEN })).toThrow(
      /lgpsEmployerRate: 153 of the 404 staff are in the LGPS .*give your fund's employer rate/,
    );
  });
  it("is fine when nobody is in the LGPS on either side", () => {
    const json = sampleScenarioJson();
    delete json.lgpsEmployerRate;
    const nhsOnly = sampleTable().filter((row, i) => i === 0 || row[11] === "NHS");
    const pack = buildBoardPack({ table: nhsOnly, scenario: parseBoardScenario(json), ...GEN });
    expect(pack.headline.headcount).toBeGreaterThan(0);
  });
});
