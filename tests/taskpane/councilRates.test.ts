/**
 * The scenario card's council unsocial-hours rates: the four boxes reach the scenario on both sides
 * on council terms through the same reader as a scenario file, a bad value is refused beside its box,
 * and rows left out for want of a council rate are told which box to fill.
 */
import Decimal from "decimal.js";
import { unsocialHoursOf, unsocialRatesFor } from "../../src/engine/harmonise";
import { rateValue } from "../../src/engine/rates";
import type { StaffMember } from "../../src/engine/staff";
import type { RowIssue } from "../../src/intake";
import { checkBoardScenario } from "../../src/report/scenario";
import { addCouncilRates, councilRateAdvice, councilRateAdviceFor } from "../../src/taskpane/councilRates";
import { problemToField } from "../../src/taskpane/scenarioForm";

const D = (x: string | number) => new Decimal(x);
const formJson = (targetTerms: string, rates: Record<string, string>) => {
  const json: Record<string, unknown> = { targetTerms, protection: "NONE", lgpsEmployerRate: "19.5%" };
  addCouncilRates(json, rates);
  return json;
};

describe("council unsocial-hours rates from the pane's scenario card", () => {
  it("puts the given rates on both sides when the target is the Green Book, read as a scenario file's", () => {
    const json = formJson("NJC", { saturdays: "0.5", sundays: "100%", nights: "1/3", publicHolidays: "" });
    expect(json.currentTerms).toEqual({ NJC: { unsocialRates: { saturdays: "0.5", sundays: "100%", nights: "1/3" } } });
    expect(json.targetTerms).toEqual({ terms: "NJC", unsocialRates: { saturdays: "0.5", sundays: "100%", nights: "1/3" } });
    const { scenario, problems } = checkBoardScenario(json);
    expect(problems).toEqual([]);
    const current = scenario!.harmonisation.current!.NJC!.unsocialRates!;
    const target = scenario!.harmonisation.target.unsocialRates!;
    for (const rates of [current, target]) {
      expect(rates.saturdays!.toString()).toBe("0.5"); // time and a half
      expect(rates.sundays!.toString()).toBe("1"); // 100% = double time
      expect(rates.publicHolidays).toBeNull(); // blank: the national rate stands
    }
    // A council worker's Saturday hours, refused with no rate (the Green Book has none), are paid at the rate given, on both sides.
    const worker = { ref: "C1", terms: "NJC", grade: "20", step: null, fte: D(1), yearsService: D(4), scheme: "LGPS", unsocialSaturdays: D(5) } as unknown as StaffMember;
    const worked = unsocialHoursOf(worker);
    expect(() => unsocialRatesFor("NJC", null, {}, worked, "current")).toThrow(/Saturday/);
    expect(rateValue(unsocialRatesFor("NJC", null, current, worked, "current").saturdays!).toString()).toBe("0.5");
    expect(rateValue(unsocialRatesFor("NJC", null, target, worked, "target").saturdays!).toString()).toBe("0.5");
  });

  it("gives them to today's council staff only when the target is Agenda for Change, and adds nothing when all are blank", () => {
    const json = formJson("AFC", { saturdays: "50%" });
    expect(json.targetTerms).toBe("AFC");
    expect(json.currentTerms).toEqual({ NJC: { unsocialRates: { saturdays: "50%" } } });
    expect(checkBoardScenario(json).problems).toEqual([]);
    const blank = formJson("NJC", { saturdays: " ", sundays: "", nights: "", publicHolidays: "" });
    expect(blank.currentTerms).toBeUndefined();
    expect(blank.targetTerms).toBe("NJC");
  });

  it("refuses a bad value with the scenario reader's message, beside the box it came from", () => {
    const { problems } = checkBoardScenario(formJson("NJC", { saturdays: "half", sundays: "5" }));
    const fields = problems.map(problemToField);
    expect(fields).toContainEqual({ field: "rate-saturdays", message: 'The Saturday rate should be a fraction such as 0.195 or a percentage such as "19.5%"; got "half".' });
    // 5 is time plus five: above the reader's ceiling of 3 (300%).
    expect(fields.find((f) => f.field === "rate-sundays")!.message).toMatch(/^The Sunday rate must be from 0% to 300%; got "5"/);
    expect(fields.every((f) => f.field.startsWith("rate-"))).toBe(true);
  });
});

describe("rows left out for want of a council rate: which box to fill, once per rate", () => {
  const issue = (row: number, missingRate: RowIssue["missingRate"]): RowIssue => ({ row, column: "", message: "…", missingRate }) as RowIssue;

  it("names the box for a single category and both boxes for AfC-grouped hours", () => {
    const issues = [
      issue(4, { side: "current", category: "saturdays", terms: "NJC" }),
      issue(5, { side: "current", category: "saturdays", terms: "NJC" }),
      issue(6, { side: "target", category: "saturdays", terms: "NJC" }),
      issue(7, { side: "current", category: "nightsAndSaturdays", terms: "NJC" }),
      issue(8, { side: "target", category: "nightsAndSaturdays", terms: "AFC" }), // an AfC rate: no council box
      { row: 9, column: "FTE", message: "must be a number" } as RowIssue,
    ];
    expect(councilRateAdviceFor(issues)).toEqual([
      '2 rows need the Saturday rate on the current council (NJC) terms: fill "Saturdays" under Council unsocial-hours rates (time plus a fraction: 0.5 is time and a half, 1/3 time and a third).',
      '1 row needs the Saturday rate on the target council (NJC) terms: fill "Saturdays" under Council unsocial-hours rates (time plus a fraction: 0.5 is time and a half, 1/3 time and a third).',
      "1 row needs one rate for nights and Saturdays on the current council (NJC) terms: their hours are given together (AfC's grouping) but council terms pay them apart, so fill both \"Nights\" and \"Saturdays\" under Council unsocial-hours rates with the same rate (a blank \"Nights\" is the national time plus one third), or give the hours apart in the staff list (\"Night hours\" and \"Saturday hours\" columns).",
    ]);
    expect(councilRateAdvice({ side: "target", category: "sundaysAndPublicHolidays", terms: "NJC" }, 55)).toMatch(/^55 rows need one rate for Sundays and public holidays .*fill both "Sundays" and "Public holidays" .*\("Sunday hours" and "Public holiday hours" columns\)\.$/);
    expect(councilRateAdvice({ side: "target", category: "saturdays", terms: "NJC", option: 0 }, 3)).toBeNull(); // an option's own target terms: no box on the card
  });
});
