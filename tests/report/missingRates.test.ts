import { MissingRateError } from "../../src/engine/harmonise";
import { EngineError } from "../../src/engine/errors";
import { D } from "../../src/engine/money";
import type { StaffMember } from "../../src/engine/staff";
import type { RowIssue } from "../../src/intake";
import { groupMissingRates, missingRateCause, missingRateMessage, missingRateSetting, unsocialRatesToGive } from "../../src/report/missingRates";

const saturdaysTarget = { side: "target", category: "saturdays", terms: "NJC" } as const;
const groupCurrent = { side: "current", category: "nightsAndSaturdays", terms: "NJC" } as const;

describe("rows left out for want of an unsocial-hours rate", () => {
  it("names the scenario setting that gives the rate, on each side and for an appraisal option", () => {
    expect(missingRateSetting(saturdaysTarget)).toBe("targetTerms.unsocialRates.saturdays");
    expect(missingRateSetting(groupCurrent)).toBe("currentTerms.NJC.unsocialRates.nightsAndSaturdays");
    expect(missingRateSetting({ ...saturdaysTarget, option: 2 })).toBe("options[2].targetTerms.unsocialRates.saturdays");
  });

  it("takes the cause from the engine's MissingRateError only, and the option only for the target side", () => {
    expect(missingRateCause(new MissingRateError("m", "target", "saturdays", "NJC"))).toEqual(saturdaysTarget);
    expect(missingRateCause(new MissingRateError("m", "target", "saturdays", "NJC"), 1)).toEqual({ ...saturdaysTarget, option: 1 });
    expect(missingRateCause(new MissingRateError("m", "current", "nightsAndSaturdays", "NJC"), 1)).toEqual(groupCurrent);
    expect(missingRateCause(new EngineError("notAvailable", "no pay for SCP 44"))).toBeNull();
  });

  it("tells the rows wanting the same rate once, with how many, the setting and the rows, and keeps every other problem as it is", () => {
    const issues: RowIssue[] = [
      { row: 5, column: "", message: "A cannot be costed…", missingRate: saturdaysTarget },
      { row: 6, column: "FTE", message: "FTE must be a number" },
      { row: 7, column: "", message: "B cannot be costed…", missingRate: saturdaysTarget },
      { row: 9, column: "", message: "C cannot be costed…", missingRate: groupCurrent },
      { row: 8, column: "", message: "D cannot be costed…", missingRate: { ...saturdaysTarget } },
    ];
    const { groups, others } = groupMissingRates(issues);
    expect(others).toEqual([issues[1]]);
    expect(groups.map((g) => [missingRateSetting(g.cause), g.rows])).toEqual([
      ["targetTerms.unsocialRates.saturdays", [5, 7, 8]],
      ["currentTerms.NJC.unsocialRates.nightsAndSaturdays", [9]],
    ]);
    expect(groups[0].message).toBe(
      '3 rows need the Saturday rate on the target council (NJC) terms: set targetTerms.unsocialRates.saturdays in the scenario (time plus a fraction: 0.5 is time and a half, "1/3" time and a third). ' +
        "The Green Book sets no national Saturday rate in the data: councils set it locally. Rows 5, 7 to 8.",
    );
    expect(groups[1].message).toBe(
      '1 row needs one rate for nights and Saturdays on the current council (NJC) terms: set currentTerms.NJC.unsocialRates.nightsAndSaturdays in the scenario (time plus a fraction: 0.5 is time and a half, "1/3" time and a third). ' +
        "Their hours on nights and Saturdays are given together (AfC's grouping), but council terms pay nights and Saturdays at their own rates, and the Green Book sets no national Saturday rate in the data (councils set it locally). " +
        'Or give the hours apart in the list ("Night hours" and "Saturday hours" columns) and set currentTerms.NJC.unsocialRates.saturdays. Row 9.',
    );
    expect(missingRateMessage({ ...saturdaysTarget, option: 1 }, [4])).toMatch(/^1 row needs the Saturday rate on option 2's target council \(NJC\) terms: set options\[1\]\.targetTerms\.unsocialRates\.saturdays/);
  });
});

describe("unsocialRatesToGive: the rates a list needs on council terms before any scenario gives them", () => {
  const member = (ref: string, terms: "AFC" | "NJC", hours: Partial<StaffMember>): StaffMember =>
    ({ ref, terms, grade: terms === "AFC" ? "5" : "20", step: terms === "AFC" ? 2 : null, fte: D(1), yearsService: D(4), scheme: terms === "AFC" ? "NHS" : "LGPS", ...hours }) as unknown as StaffMember;
  const five = D(5);

  it("finds every rate a person's hours need on each side on council terms, not only the first", () => {
    const members = [
      member("C1", "NJC", { unsocialNightsAndSaturdays: five, unsocialSundaysAndPublicHolidays: five }),
      member("C2", "NJC", { unsocialSaturdays: five, unsocialNights: five }),
      member("C3", "NJC", { unsocialNights: five }), // the Green Book's national night rate covers it
      member("T1", "AFC", { unsocialNightsAndSaturdays: five }), // AfC rates are in the data by band
      member("C4", "NJC", { unsocialPublicHolidays: five }), // public holidays: double time nationally
    ];
    const afc = unsocialRatesToGive(members, [2, 3, 4, 5, 6], "AFC");
    expect(afc.map((g) => [missingRateSetting(g.cause), g.rows])).toEqual([
      ["currentTerms.NJC.unsocialRates.nightsAndSaturdays", [2]],
      ["currentTerms.NJC.unsocialRates.sundaysAndPublicHolidays", [2]],
      ["currentTerms.NJC.unsocialRates.saturdays", [3]],
    ]);
    // Onto council terms, everyone's hours need the target's rates too (the AfC member's group included).
    const njc = unsocialRatesToGive(members, [2, 3, 4, 5, 6], "NJC");
    expect(njc.map((g) => [missingRateSetting(g.cause), g.rows])).toEqual([
      ["currentTerms.NJC.unsocialRates.nightsAndSaturdays", [2]],
      ["currentTerms.NJC.unsocialRates.sundaysAndPublicHolidays", [2]],
      ["targetTerms.unsocialRates.nightsAndSaturdays", [2, 5]],
      ["targetTerms.unsocialRates.sundaysAndPublicHolidays", [2]],
      ["currentTerms.NJC.unsocialRates.saturdays", [3]],
      ["targetTerms.unsocialRates.saturdays", [3]],
    ]);
    expect(unsocialRatesToGive([member("T1", "AFC", { unsocialNightsAndSaturdays: five })], [2], "AFC")).toEqual([]);
  });
});
