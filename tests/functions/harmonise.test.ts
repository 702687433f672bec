/**
 * LEVELUP, COMPARE, ASSIMILATE and PROTECTION called exactly as Excel calls them (positional
 * arguments, null for an omitted one, 2-D arrays for ranges), and through the command line.
 * The figures are the worked examples of tests/engine/harmonise/workedExamples.test.ts.
 */
import * as typed from "../../src/functions/harmonise";
import * as foundationFns from "../../src/functions/functions";

/**
 * The functions as Excel calls them: any value in any argument. (Range arguments are typed
 * any[][] for the metadata; Excel passes a single value to them as [[value]], the CLI as the value.)
 */
type Loose = (...args: unknown[]) => any;
const h = typed as unknown as { levelUp: Loose; compare: Loose; assimilate: Loose; protection: Loose };
const typedF = foundationFns as unknown as { salary: Loose };
const typedF2 = foundationFns as unknown as { pension: Loose; hcas: Loose; leave: Loose };
import { runFn } from "../../src/cli/fn";

function excelError(call: () => unknown): { code: string; message: string } {
  try {
    call();
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error("expected an Excel error");
}

describe("LEVELUP", () => {
  test("band 5 nurse (step 1, nights 7.5 h) to NJC SCPs 17-20 with half of leave and hours covered: £46,477.32", () => {
    // NJC SCP 18 pay £31,537 + night work £2,131.35 = £33,668.35; NI £4,300.25; NHS pension £8,006.33; levy £168.34;
    // leave (27 − 25 days) £120.96; hours (37.5 − 37) £213.09.
    expect(h.levelUp("AFC", 5, 1, 1, 1, "NJC", "17-20", "2025/26", null, null, null, [["coverProportion", 0.5]], [[7.5]])).toBe(46477.32);
  });

  test("NJC social worker at SCP 30 to AfC band 6, LGPS 19.5%: £54,715.18", () => {
    expect(h.levelUp("NJC", 30, null, 1, 8, "AFC", 6, "2025/26", "LGPS", 0.195, null, [["Setting", "Value"], ["coverProportion", "50%"]])).toBe(54715.18);
  });

  test("with no cover proportion, leave and hours are not valued: the employer cost alone", () => {
    expect(h.levelUp("AFC", 5, 1, 1, 1, "NJC", "17-20", "2025/26", null, null, null, null, [[7.5]])).toBe(46143.27);
  });

  test("a part-time worker's Sunday and public holiday hours on council terms need the council's Sunday rate", () => {
    // 6 hours of weekday nights given apart (councilHours); 7.5 hours of Sundays and public holidays together (AfC's grouping).
    const e = excelError(() => h.levelUp("AFC", 3, 2, 0.6, 4, "NJC", "6-9", "2025/26", null, null, [[null, 7.5]], null, [[6]]));
    expect(e.code).toBe("#N/A");
    expect(e.message).toMatch(/no national rate for Sundays.*Sundays and public holidays on the target terms.*In settings: targetSundayRate and targetPublicHolidayRate/);
    // A Sunday rate alone is not enough for hours given together: the Green Book pays public holidays at time plus 1.
    const e2 = excelError(() => h.levelUp("AFC", 3, 2, 0.6, 4, "NJC", "6-9", "2025/26", null, null, [[null, 7.5]], [["targetSundayRate", 0.5]], [[6]]));
    expect(e2.message).toMatch(/given together.*Sundays \+50%, public holidays \+100%.*give the hours apart/);
    const v = h.levelUp("AFC", 3, 2, 0.6, 4, "NJC", "6-9", "2025/26", null, null, [[null, 7.5]], [["targetSundayRate", 0.5], ["targetPublicHolidayRate", 0.5]], [[6]]);
    expect(v).toBe(28851.78); // levelled: SCP 8 basic £16,094.40 + AfC unsocial £5,159.03 = £21,253.43, with on-costs
  });

  test("LGPS without the fund's rate is #N/A saying what to give", () => {
    const e = excelError(() => h.levelUp("NJC", 30, null, 1, 8, "AFC", 6, "2025/26"));
    expect(e.code).toBe("#N/A");
    expect(e.message).toMatch(/give your fund's employer rate/);
  });

  test.each<[string, unknown[], string, RegExp]>([
    ["unknown terms", ["NHS PAY", 5, 1, 1, 1, "NJC", "17-20"], "#VALUE!", /terms "NHS PAY" is not recognised/],
    ["FTE of 0", ["AFC", 5, 1, 0, 1, "NJC", "17-20"], "#VALUE!", /fte must be more than 0/],
    ["FTE as text", ["AFC", 5, 1, "full", 1, "NJC", "17-20"], "#VALUE!", /fte must be a number/],
    ["missing target grade", ["AFC", 5, 1, 1, 1, "NJC", null], "#VALUE!", /targetGrade is missing/],
    ["an unknown setting", ["AFC", 5, 1, 1, 1, "NJC", "17-20", null, null, null, null, [["holidays", 30]]], "#VALUE!", /"holidays" is not a setting/],
    ["three unsocial-hours cells", ["AFC", 5, 1, 1, 1, "NJC", "17-20", null, null, null, [[1, 2, 3]]], "#VALUE!", /unsocialHours is one number/],
    ["a bad movePension", ["AFC", 5, 1, 1, 1, "NJC", "17-20", null, null, null, null, [["movePension", "maybe"]]], "#VALUE!", /TRUE or FALSE/],
    ["a target grade off the spine", ["AFC", 5, 1, 1, 1, "NJC", "senior"], "#VALUE!", /not an NJC grade/],
    ["a grade reaching a point not on the spine", ["AFC", 9, 3, 1, 6, "NJC", "42-44"], "#N/A", /Spinal column point 44 is not on the NJC pay spine/],
  ])("%s", (_, args, code, message) => {
    const e = excelError(() => h.levelUp(...args));
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
  });
});

describe("single values arrive in range arguments as 1×1 ranges, as Excel passes them", () => {
  test("LEVELUP with [[\"NJC\"]], [[7.5]]; PROTECTION with [[3]] and [[0.03]]; ASSIMILATE with [[\"NJC\"]] and [[\"AFC\"]]", () => {
    expect(h.levelUp("AFC", 5, 1, 1, 1, [["NJC"]], "17-20", "2025/26", null, null, null, [["coverProportion", 0.5]], [[7.5]])).toBe(46477.32);
    expect(h.protection("AFC", 5, 3, [["NJC"]], "22-25", "CASH", [[3]], "2025/26", 2, [[0.03]]).map((r: unknown[]) => r[5])).toEqual(["Protection payment", 1433, 342]);
    expect(h.protection("AFC", 5, 3, [["NJC"]], "22-25", "TAPERED", [["100%,50%,0%"]], "2025/26", 2, [[0.03]]).map((r: unknown[]) => r[4])).toEqual(["Pay", 37796, 37625]);
    expect(h.assimilate([["NJC"]], 30, null, [["AFC"]], 6, "2025/26")).toBe(2);
  });
});

describe("COMPARE", () => {
  const table = h.compare("AFC", 5, 1, 1, 1, "NJC", "17-20", "2025/26", null, null, null, [["coverProportion", 0.5]], [[7.5]]);

  test("spills a header row and one row per element, all the same width", () => {
    expect(table[0]).toEqual(["Element", "Unit", "Current terms", "Target terms", "Levelled up", "Difference (target − current, £ a year)", "Better for the employee", "How worked out"]);
    expect(table.every((r: unknown[]) => r.length === 8)).toBe(true);
    expect(table.map((r: unknown[]) => r[0])).toEqual([
      "Element",
      "Basic pay",
      "Supplements (HCAS, London weighting)",
      "Unsocial hours enhancement",
      "Pay",
      "Weekly hours",
      "Effective hourly rate",
      "Annual leave (days, excluding public holidays)",
      "Sick pay",
      "Pension scheme",
      "Employer National Insurance",
      "Employer pension",
      "Apprenticeship Levy",
      "Employer cost",
      "Leave valued (cost of cover)",
      "Hours valued (cost of cover)",
      "Total cost",
    ]);
  });

  test("the figures of the worked example", () => {
    const byName: Record<string, unknown[]> = Object.fromEntries(table.slice(1).map((r: unknown[]) => [r[0], r]));
    expect(byName["Basic pay"].slice(2, 7)).toEqual([31049, 31537, 31537, 488, "Target"]);
    expect(byName["Unsocial hours enhancement"].slice(2, 7)).toEqual([1863.07, 2131.35, 2131.35, 268.28, "Target"]);
    expect(byName["Weekly hours"].slice(2, 7)).toEqual([37.5, 37, 37, 213.09, "Target"]);
    expect(byName["Annual leave (days, excluding public holidays)"].slice(2, 7)).toEqual([27, 25, 27, -119.09, "Current"]);
    expect(byName["Sick pay"].slice(2, 7)).toEqual(["2 months full pay, 2 months half pay", "2 months full pay, 2 months half pay", "2 months full pay, 2 months half pay", "", "Equal"]);
    expect(byName["Pension scheme"].slice(2, 5)).toEqual(["NHS", "NHS", "NHS"]);
    expect(byName["Total cost"].slice(2, 6)).toEqual([45209.02, 46356.36, 46477.32, 1147.34]);
    expect(String(byName["Weekly hours"][7])).toMatch(/cover 50%/);
  });

  test("the help page's example: NJC SCP 30 social worker to band 6", () => {
    const t = h.compare("NJC", 30, null, 1, 8, "AFC", 6, "2025/26", "LGPS", 0.195, null, [["coverProportion", 0.5]]);
    const byName: Record<string, unknown[]> = Object.fromEntries(t.slice(1).map((r: unknown[]) => [r[0], r]));
    expect(byName["Weekly hours"].slice(2, 7)).toEqual([37, 37.5, 37, -275.52, "Current"]);
    expect(byName["Effective hourly rate"].slice(2, 7)).toEqual([21.14, 20.88, 21.16, "", "Current"]);
    expect(byName["Employer cost"].slice(2, 6)).toEqual([54298.96, 54361.06, 54361.06, 62.1]);
    expect(byName["Total cost"].slice(2, 6)).toEqual([54574.48, 54439.35, 54715.18, -135.13]);
  });

  test("a local target scale from a range, on the council's conditions by default for an AfC person", () => {
    const scale = [["Grade", "1", "2", "3"], ["C", 30000, 31000, 32000]];
    const t = h.compare("AFC", 5, 1, 1, 1, scale, "C", "2025/26");
    expect(t[1].slice(0, 4)).toEqual(["Basic pay", "£ a year", 31049, 32000]);
    expect(t[5].slice(2, 4)).toEqual([37.5, 37]); // NJC 37-hour week
  });
});

describe("ASSIMILATE", () => {
  test("NJC SCP 30 (£40,777) to AfC band 6: step 2 (£40,823)", () => {
    expect(h.assimilate("NJC", 30, null, "AFC", 6, "2025/26")).toBe(2);
  });
  test("AfC band 5 step 1 (£31,049) to NJC SCPs 17-20: SCP 18 (SCP 17 is £31,022)", () => {
    expect(h.assimilate("AFC", 5, 1, "NJC", "17-20", "2025/26")).toBe(18);
  });
  test("above the top: band 5 step 3 (£37,796) to SCPs 22-25 gives the top, SCP 25 (£36,363)", () => {
    expect(h.assimilate("AFC", 5, 3, "NJC", "22-25", "2025/26")).toBe(25);
  });
  test("below the minimum: the bottom of the grade", () => {
    expect(h.assimilate("AFC", 3, 1, "NJC", "17-20", "2025/26")).toBe(17);
  });
  test("the target grade looked up in a mapping range", () => {
    const mapping = [["From", "To"], ["28-31", "6"], ["22-27", "5"]];
    expect(h.assimilate("NJC", 30, null, "AFC", null, "2025/26", mapping)).toBe(2);
    expect(h.assimilate("NJC", 24, null, "AFC", "", "2025/26", mapping)).toBe(3); // £35,412 → band 5 step 3 (£37,796)
  });
  test("onto a local scale, and from one", () => {
    const scale = [["C", 30000, 31000, 32000]];
    expect(h.assimilate("AFC", 5, 1, scale, "C", "2025/26")).toBe(3);
    expect(h.assimilate(scale, "C", 2, "NJC", "17-20", "2025/26")).toBe(17);
  });
  test("errors: no target and no mapping; a mapping without the grade; a bad band", () => {
    expect(excelError(() => h.assimilate("NJC", 30, null, "AFC", null)).message).toMatch(/give the target grade, or a mapping range/);
    const e = excelError(() => h.assimilate("NJC", 12, null, "AFC", null, "2025/26", [["28-31", "6"]]));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/no row for grade 12/);
    expect(excelError(() => h.assimilate("AFC", 5, 1, "AFC", "10")).code).toBe("#N/A");
  });
});

describe("PROTECTION", () => {
  const header = ["Year", "Target point", "Target pay", "Protected level", "Pay", "Protection payment", "Protected", "Scale figures"];

  test("cash protection for 3 years, awards 3%: the worked example", () => {
    const t = h.protection("AFC", 5, 3, "NJC", "22-25", "CASH", 3, "2025/26", null, 0.03);
    expect(t).toEqual([
      header,
      ["2025/26", "NJC SCP 25", 36363, 37796, 37796, 1433, "Yes", "data"],
      ["2026/27", "NJC SCP 25", 37454, 37796, 37796, 342, "Yes", "projected (NJC award pending: assumed)"],
      ["2027/28", "NJC SCP 25", 38578, 37796, 38578, 0, "No", "projected"],
      ["2028/29", "NJC SCP 25", 39735, "", 39735, 0, "No", "projected"],
      ["2029/30", "NJC SCP 25", 40927, "", 40927, 0, "No", "projected"],
    ]);
  });

  test("tapered from text, 'mark-time' spelt with a hyphen, red circle, and a range of awards", () => {
    expect(h.protection("AFC", 5, 3, "NJC", "22-25", "TAPERED", "100%,50%,0%", "2025/26", 3, 0.03).map((r: unknown[]) => r[4])).toEqual(["Pay", 37796, 37625, 38578]);
    expect(h.protection("AFC", 5, 3, "NJC", "22-25", "mark-time", null, "2025/26", 3, 0.03).map((r: unknown[]) => r[4])).toEqual(["Pay", 37796, 37796, 38578]);
    // Awards 2% then 4%: SCP 25 36,363 × 1.02 = 37,090.26 → 37,090; × 1.04 = 38,573.6 → 38,574. Red circle 37,796 × 1.02 = 38,551.92; × 1.04 = 40,094.0 (40,093.9968 → 40,094.00)
    const rc = h.protection("AFC", 5, 3, "NJC", "22-25", "REDCIRCLE", null, "2025/26", 3, [[0.02], [0.04]]);
    expect(rc.map((r: unknown[]) => r[2])).toEqual(["Target pay", 36363, 37090, 38574]);
    expect(rc.map((r: unknown[]) => r[4])).toEqual(["Pay", 37796, 38551.92, 40094]);
  });

  test("the default length shows the protection end", () => {
    expect(h.protection("AFC", 5, 3, "NJC", "22-25", "CASH", 7, "2025/26")).toHaveLength(9); // header + 8 years
  });

  test.each<[string, unknown[], RegExp]>([
    ["an unknown policy", ["AFC", 5, 3, "NJC", "22-25", "FROZEN"], /policy "FROZEN" is not recognised/],
    ["cash with no term", ["AFC", 5, 3, "NJC", "22-25", "CASH"], /needs term: the number of years/],
    ["a taper with no schedule", ["AFC", 5, 3, "NJC", "22-25", "TAPERED"], /TAPERED needs term/],
    ["a taper share above 100%", ["AFC", 5, 3, "NJC", "22-25", "TAPERED", "150%"], /term \(item 1\) must be at most 1/],
    ["cash for 2.5 years", ["AFC", 5, 3, "NJC", "22-25", "CASH", 2.5], /term must be a whole number/],
  ])("%s is an Excel error", (_, args, message) => {
    const e = excelError(() => h.protection(...args));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(message);
  });
});

describe("the command line evaluates the new functions", () => {
  test("caretrust fn LEVELUP AFC 5 1 1 1 NJC 17-20 2025/26 '' '' '' [[\"coverProportion\",0.5]] 7.5", () => {
    expect(runFn("LEVELUP", ["AFC", "5", "1", "1", "1", "NJC", "17-20", "2025/26", "", "", "", '[["coverProportion",0.5]]', "7.5"])).toEqual({
      exitCode: 0,
      stdout: "46477.32\n",
      stderr: "",
    });
  });
  test("caretrust fn ASSIMILATE NJC 30 '' AFC 6 2025/26 prints 2", () => {
    expect(runFn("CARETRUST.ASSIMILATE", ["NJC", "30", "", "AFC", "6", "2025/26"]).stdout).toBe("2\n");
  });
  test("caretrust fn PROTECTION prints the spilled table as JSON", () => {
    const r = runFn("protection", ["AFC", "5", "3", "NJC", "22-25", "CASH", "3", "2025/26", "2", "0.03"]);
    expect(JSON.parse(r.stdout)[1]).toEqual(["2025/26", "NJC SCP 25", 36363, 37796, 37796, 1433, "Yes", "data"]);
  });
  test("an error exits 1 with the Excel error and its message", () => {
    const r = runFn("LEVELUP", ["NJC", "30", "", "1", "8", "AFC", "6", "2025/26"]);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^#N\/A .*employer rate/);
  });
});

describe("council enhancements, each at its own rate, held exactly", () => {
  // AfC band 5 step 1 (£31,049) to a local grade L1 at £28,940 on NJC conditions (37 hours).
  // NJC hourly rate: 28,940 ÷ (52.143 × 37) = 28,940 ÷ 1,929.291 = 15.0003… → £15.00.
  const local = [["L1", 28940]];

  test("3 weekday night hours at time plus one third: 3 × ⅓ × £15.00 × 52.143 = £782.145 → £782.15 (not £782.14)", () => {
    const t = h.compare("AFC", 5, 1, 1, 1, local, "L1", "2025/26", null, null, null, [["targetConditions", "NJC"]], [[3]]);
    const byName: Record<string, unknown[]> = Object.fromEntries(t.slice(1).map((r: unknown[]) => [r[0], r]));
    expect(byName["Unsocial hours enhancement"][3]).toBe(782.15);
    // Pay on the target: 28,940 + 782.15 = 29,722.15. Employer NI (29,722.15 − 5,000) × 15% = 3,708.3225 → 3,708.32.
    expect(byName["Pay"][3]).toBe(29722.15);
    expect(byName["Employer National Insurance"][3]).toBe(3708.32);
    // NHS pension kept: 29,722.15 × 23.78% = 7,067.92727 → 7,067.93; levy 29,722.15 × 0.5% = 148.61075 → 148.61.
    expect(byName["Employer pension"][3]).toBe(7067.93);
    expect(byName["Apprenticeship Levy"][3]).toBe(148.61);
    expect(byName["Employer cost"][3]).toBe(40647.01); // 29,722.15 + 3,708.32 + 7,067.93 + 148.61
    expect(String(byName["Unsocial hours enhancement"][7])).toMatch(/\+33\.33% nights, no rate Saturdays, no rate Sundays, \+100% public holidays/);
  });

  test("the same hours given as AfC's 'nights and Saturdays' cannot be costed on council terms without knowing the Saturdays", () => {
    const e = excelError(() => h.compare("AFC", 5, 1, 1, 1, local, "L1", "2025/26", null, null, 3, [["targetConditions", "NJC"]]));
    expect(e.code).toBe("#N/A");
    expect(e.message).toMatch(/3 hours a week on nights and Saturdays are given together.*In settings: targetNightRate and targetSaturdayRate .*or the hours apart in councilHours/);
  });

  test("Saturdays, Sundays and public holidays each at the council's own rate", () => {
    // 2 Saturday hours at +50%, 4 Sunday hours at +100%, 1 public holiday hour at the national +100% (plain time on top of normal pay):
    // (2 × 0.5 + 4 × 1 + 1 × 1) × £15.00 × 52.143 = 6 × 782.145 = 4,692.87
    const t = h.compare("AFC", 5, 1, 1, 1, local, "L1", "2025/26", null, null, null,
      [["targetConditions", "NJC"], ["targetSaturdayRate", "50%"], ["targetSundayRate", 1]], [[0, 2, 4, 1]]);
    const unsocial = t.find((r: unknown[]) => r[0] === "Unsocial hours enhancement");
    expect(unsocial[3]).toBe(4692.87);
    // The AfC side pays the same hours by its own grouping: (2 × 0.30 + 5 × 0.60) × £15.88 × 52.143 = 3.6 × 828.03084 = 2,980.911… → 2,980.91
    expect(unsocial[2]).toBe(2980.91);
  });

  test("a rate may be given exactly as a ratio; Saturday rates are refused on AfC terms, which pay Saturdays with nights", () => {
    const t = h.compare("AFC", 5, 1, 1, 1, local, "L1", "2025/26", null, null, null, [["targetConditions", "NJC"], ["targetSaturdayRate", "1/3"]], [[1, 2]]);
    // (1 × ⅓ + 2 × ⅓) × £15.00 × 52.143 = 1 × 782.145 … exactly £782.145 → £782.15 again
    expect(t.find((r: unknown[]) => r[0] === "Unsocial hours enhancement")[3]).toBe(782.15);
    const e = excelError(() => h.levelUp("NJC", 30, null, 1, 8, "AFC", 6, "2025/26", "LGPS", 0.195, null, [["targetSaturdayRate", 0.5]]));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/Agenda for Change pays Saturdays with weekday nights.*targetNightRate/);
  });

  test("councilHours takes at most four cells", () => {
    const e = excelError(() => h.levelUp("AFC", 5, 1, 1, 1, "NJC", "17-20", "2025/26", null, null, null, null, [[1, 2, 3, 4, 5]]));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/councilHours is up to four cells/);
  });
});

describe("PROTECTION: the protected level is blank once protection has ended, under every policy", () => {
  test("TAPERED 100%, 50%, 0%: level 37,796 then 37,454 + 50% × (37,796 − 37,454) = 37,625, then blank", () => {
    const t = h.protection("AFC", 5, 3, "NJC", "22-25", "TAPERED", "100%,50%,0%", "2025/26", 5, 0.03, 0.03);
    expect(t.slice(1).map((r: unknown[]) => r[3])).toEqual([37796, 37625, "", "", ""]);
    expect(t.slice(1).map((r: unknown[]) => r[6])).toEqual(["Yes", "Yes", "No", "No", "No"]);
  });
  test("TAPERED 100% for 4 years: blank from the year the target pay (38,578 in 2027/28) overtakes the protected pay (37,796)", () => {
    const t = h.protection("AFC", 5, 3, "NJC", "22-25", "TAPERED", "100%,100%,100%,100%", "2025/26", 4, 0.03, 0.03);
    expect(t.slice(1).map((r: unknown[]) => r[3])).toEqual([37796, 37796, "", ""]);
  });
  test("an implausible award (−50%) is refused with a message, not applied", () => {
    const e = excelError(() => h.protection("AFC", 5, 3, "NJC", "22-25", "CASH", 3, "2025/26", 3, -0.5));
    expect(e.message).toMatch(/awards \(item 1\) must be at least -0\.1/);
  });
});

describe("NJC 2026/27: award pending, never silently", () => {
  test("SALARY NJC 2026/27 without an assumed award is #N/A saying the award is pending and what to give", () => {
    const e = excelError(() => typedF.salary("NJC", 23, null, "2026/27"));
    expect(e.code).toBe("#N/A");
    expect(e.message).toMatch(/2026\/27 pay award is not agreed.*3\.3%.*Give assumedAward/);
  });
  test("with an assumed award: 2025/26 SCP 23 £34,434 × 1.033 = 35,570.322 → £35,570; × 1 → £34,434", () => {
    expect(typedF.salary("NJC", 23, null, "2026/27", 0.033)).toBe(35570);
    expect(typedF.salary("NJC", 23, null, "2026/27", 0)).toBe(34434);
  });
  test("SCP 2 is deleted from 1 April 2026: #N/A saying staff move to SCP 3", () => {
    const e = excelError(() => typedF.salary("NJC", 2, null, "2026/27", 0));
    expect(e.message).toMatch(/deleted from 1 April 2026: staff on it move to SCP 3/);
  });
  test("an implausible assumed award (+30%) is refused", () => {
    expect(excelError(() => typedF.salary("NJC", 23, null, "2026/27", 0.3)).message).toMatch(/from -10% to 25%/);
  });
  test("AfC 2026/27 is agreed: no assumed award needed", () => {
    expect(typedF.salary("AFC", 5, 1, "2026/27")).toBe(32073);
  });
  test("LEVELUP for 2026/27 with the NJC involved needs assumedAward in settings", () => {
    const e = excelError(() => h.levelUp("NJC", 30, null, 1, 8, "AFC", 6, "2026/27", "LGPS", 0.195));
    expect(e.message).toMatch(/Give assumedAward in settings/);
    expect(typeof h.levelUp("NJC", 30, null, 1, 8, "AFC", 6, "2026/27", "LGPS", 0.195, null, [["assumedAward", 0.033]])).toBe("number");
  });
  test("ASSIMILATE 2026/27: SCP 30 £40,777 × 1.033 = 42,122.641 → £42,123, against band 6 2026/27 (£39,959 / £42,170): step 2", () => {
    expect(h.assimilate("NJC", 30, null, "AFC", 6, "2026/27", null, 0.033)).toBe(2);
    expect(excelError(() => h.assimilate("NJC", 30, null, "AFC", 6, "2026/27")).code).toBe("#N/A");
  });
});

describe("one vocabulary and one set of limits with the staff list", () => {
  test('"LGPS 50/50" and "Inner London" are read as in a staff list (the intake\'s normalisers)', () => {
    expect(typedF2.pension(40823, "LGPS 50/50", "2025/26", 0.195)).toBe(typedF2.pension(40823, "LGPS5050", "2025/26", 0.195));
    expect(typedF2.hcas(40823, "Inner London", "2025/26")).toBe(typedF2.hcas(40823, "INNER", "2025/26"));
    expect(h.levelUp("NJC", 30, null, 1, 8, "AFC", 6, "2025/26", "LGPS 50/50", 0.195)).toBe(h.levelUp("NJC", 30, null, 1, 8, "AFC", 6, "2025/26", "LGPS5050", 0.195));
    expect(excelError(() => typedF2.hcas(40823, "Central London", "2025/26")).message).toMatch(/"Central London" is not recognised.*INNER, OUTER, FRINGE, NONE/);
  });
  test("years of service are capped at 60, as in the staff list", () => {
    expect(excelError(() => typedF2.leave("AFC", 100)).message).toMatch(/yearsService must be at most 60/);
    expect(typedF2.leave("AFC", 60)).toBe(33);
  });
});
