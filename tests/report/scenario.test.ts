import fs from "fs";
import path from "path";
import { checkBoardScenario, parseBoardScenario, ScenarioError, DEFAULT_MARKING } from "../../src/report/scenario";

const sample = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "samples", "scenario.json"), "utf8"));

describe("parseBoardScenario", () => {
  it("reads the shipped sample scenario", () => {
    const s = parseBoardScenario(sample);
    expect(s.harmonisation.target.terms).toBe("AFC");
    expect(s.harmonisation.year?.label).toBe("2025/26");
    expect(s.harmonisation.protection).toMatchObject({ kind: "CASH", years: 3 });
    expect(s.harmonisation.lgpsEmployerRate?.toString()).toBe("0.195");
    expect(s.harmonisation.coverProportion?.toString()).toBe("0.5");
    expect(s.harmonisation.current?.NJC?.unsocialRates?.sundaysAndPublicHolidays?.toString()).toBe("0.5");
    expect(s.protectiveMarking).toBe("OFFICIAL-SENSITIVE");
    expect(s.includeNames).toBe(false);
    expect(s.pool?.pool.partners).toHaveLength(3);
    expect(s.pool?.pool.lines).toHaveLength(4);
    expect(s.pool?.lineRiskShareTexts).toEqual([null, "LEAD Northshire County Council", null, null]);
  });

  it("fills in defaults: marking OFFICIAL-SENSITIVE, names left out, no protection, no pool", () => {
    const s = parseBoardScenario({ targetTerms: "NJC" });
    expect(s.protectiveMarking).toBe(DEFAULT_MARKING);
    expect(s.includeNames).toBe(false);
    expect(s.harmonisation.protection.kind).toBe("NONE");
    expect(s.pool).toBeNull();
    expect(s.projectionYearsGiven).toBe(false);
    expect(s.title).toMatch(/board comparison/);
  });

  it("accepts rates as fractions or percentages and common spellings", () => {
    const s = parseBoardScenario({
      targetTerms: { terms: "green book", localAllowance: "£1,200" },
      protection: { policy: "mark time", years: 5 },
      payAwards: 0.03,
      lgpsEmployerRate: 0.21,
      leaveValuation: "FULL",
      hoursBasis: "keep hours",
    });
    expect(s.harmonisation.target).toMatchObject({ terms: "NJC" });
    expect(s.harmonisation.target.localAllowance?.toString()).toBe("1200");
    expect(s.harmonisation.protection.kind).toBe("MARKTIME");
    expect(s.harmonisation.payAwards?.AFC?.toString()).toBe("0.03");
    expect(s.harmonisation.coverProportion?.toString()).toBe("1");
    expect(s.harmonisation.hoursBasis).toBe("KEEP_HOURS");
  });

  it("lists every problem, each naming the setting and what to write", () => {
    const { scenario, problems } = checkBoardScenario({
      targetTerms: "Civil Service",
      protection: { policy: "CASH" },
      lgpsEmployerRate: 19.5,
      financialYear: "2025/27",
      includeNames: "yes",
      protecton: 1,
      pool: { partners: ["A", "B"], lines: [{ name: "L", contributions: [1], expenditure: 5 }], riskShare: "SOMETIMES" },
    });
    expect(scenario).toBeNull();
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^targetTerms: Target terms "Civil Service" is not recognised. Use one of: AFC, NJC\./),
        expect.stringMatching(/^protection.years: CASH protection needs a number of years/),
        expect.stringMatching(/^lgpsEmployerRate: .* Write 19.5% as 0.195 or "19.5%"\./),
        expect.stringMatching(/^financialYear: "2025\/27" is not a financial year/),
        expect.stringMatching(/^includeNames: should be true or false/),
        expect.stringMatching(/^protecton: is not a setting; did you mean "protection"\?/),
        expect.stringMatching(/^pool.riskShare: "SOMETIMES" is not a risk-share method/),
        expect.stringMatching(/^pool.lines\[0\].contributions: should give one contribution per partner \(2: A, B\)/),
      ]),
    );
  });

  it("years of protection out of range get one message, not also 'needs a number of years'", () => {
    const { problems } = checkBoardScenario({ targetTerms: "AFC", protection: { policy: "CASH", years: 99 } });
    expect(problems).toEqual(["protection.years: Protection years must be a whole number from 0 to 40; got 99."]);
  });

  it("throws a ScenarioError with the problems", () => {
    expect(() => parseBoardScenario(null)).toThrow(ScenarioError);
    expect(() => parseBoardScenario({})).toThrow(/targetTerms: is missing/);
    try {
      parseBoardScenario({ targetTerms: "AFC", protection: "TAPERED" });
    } catch (e) {
      expect((e as ScenarioError).problems).toEqual([expect.stringMatching(/TAPERED protection needs a schedule/)]);
    }
  });
});
