/**
 * The rules one at a time: reading grades and job matches, scenario checks, the protection
 * schedule, hours bases, local scales, progression, supplements, years beyond the data, and the
 * errors a user sees (with what to change).
 */
import {
  harmonisePerson,
  harmoniseStaff,
  parseGrade,
  parseScpRange,
  protectionSchedule,
  resolveScenario,
  targetGradeFor,
  type HarmonisationScenario,
} from "../../../src/engine/harmonise";
import { EngineError } from "../../../src/engine/errors";
import { financialYear } from "../../../src/engine/years";
import { ratio } from "../../../src/engine/pence";
import { d, m, member, Y2025 } from "./helpers";

function engineError(call: () => unknown): EngineError {
  try {
    call();
  } catch (e) {
    if (e instanceof EngineError) return e;
    throw e;
  }
  throw new Error("expected an EngineError");
}

const toNjc = (o: Partial<HarmonisationScenario> = {}): HarmonisationScenario => ({ target: { terms: "NJC" }, protection: { kind: "NONE" }, year: Y2025, projectionYears: 1, ...o });

describe("reading grades and job matches", () => {
  test.each([
    ["29-32", [29, 32]],
    ["SCP 29 - 32", [29, 32]],
    ["29 to 32", [29, 32]],
    ["30", [30, 30]],
    ["scps 7–11", [7, 11]],
  ])("%p is SCPs %p", (text, range) => expect(parseScpRange(text)).toEqual(range));

  test("a range written backwards, a word, and an unknown band are errors that say what to give", () => {
    expect(engineError(() => parseGrade("32-29", { kind: "NJC" })).message).toMatch(/must not be above the last/);
    expect(engineError(() => parseGrade("senior", { kind: "NJC" })).message).toMatch(/such as "29-32"/);
    const e = engineError(() => parseGrade("10", { kind: "AFC" }));
    expect(e.kind).toBe("notAvailable");
    expect(e.message).toMatch(/Valid bands: .*8a/);
  });

  test("the job-match table: an AfC band, and an NJC point inside a range", () => {
    const table = [
      { from: "Band 5", to: "17-20" },
      { from: "28-31", to: "6" },
    ];
    expect(targetGradeFor({ ref: "A", terms: "AFC", grade: "5", targetGrade: null }, { kind: "NJC" }, table)).toEqual({ scale: "NJC", from: 17, to: 20 });
    expect(targetGradeFor({ ref: "B", terms: "NJC", grade: "30", targetGrade: null }, { kind: "AFC" }, table)).toEqual({ scale: "AFC", band: "6" });
    // A person's own target grade comes first.
    expect(targetGradeFor({ ref: "C", terms: "NJC", grade: "30", targetGrade: "7" }, { kind: "AFC" }, table)).toEqual({ scale: "AFC", band: "7" });
    expect(engineError(() => targetGradeFor({ ref: "D", terms: "NJC", grade: "12", targetGrade: null }, { kind: "AFC" }, table)).message).toMatch(
      /No job match for NJC SCP 12/,
    );
  });

  test("staff already on the target terms keep their own band or point without a job match; the table can still regrade them", () => {
    expect(targetGradeFor({ ref: "E", terms: "AFC", grade: "5", targetGrade: null }, { kind: "AFC" }, [])).toEqual({ scale: "AFC", band: "5" });
    expect(targetGradeFor({ ref: "F", terms: "NJC", grade: "30", targetGrade: null }, { kind: "NJC" }, [])).toEqual(targetGradeFor({ ref: "F", terms: "NJC", grade: "30", targetGrade: "30" }, { kind: "NJC" }, []));
    expect(targetGradeFor({ ref: "G", terms: "AFC", grade: "5", targetGrade: null }, { kind: "AFC" }, [{ from: "5", to: "6" }])).toEqual({ scale: "AFC", band: "6" });
    expect(engineError(() => targetGradeFor({ ref: "H", terms: "NJC", grade: "30", targetGrade: null }, { kind: "AFC" }, [])).message).toMatch(/No job match for NJC SCP 30/);
  });

  test("the scenario's job-match table is used for a person without a target grade", () => {
    const r = harmonisePerson(member(), toNjc({ jobMatch: [{ from: "5", to: "17-20" }] }));
    expect(r.assimilation.positionLabel).toBe("NJC SCP 18");
  });

  test("a grade whose points are not all on the spine is #N/A naming the point, when assimilation reaches it", () => {
    // AfC band 9 step 3 (£125,637) is above SCP 42 (£53,460) and 43 (£54,495), so SCP 44, a local point, must be read.
    const e = engineError(() => harmonisePerson(member({ grade: "9", step: 3, targetGrade: "42-44" }), toNjc()));
    expect(e.kind).toBe("notAvailable");
    expect(e.message).toMatch(/Spinal column point 44 is not on the NJC pay spine/);
  });

  test("SCPs 32-37, held since the 2024/25 spine was found: a band 7 step 2 (£50,273) goes above the top of 32-37 (£48,226)", () => {
    const r = harmonisePerson(member({ grade: "7", step: 2, targetGrade: "32-37" }), toNjc());
    expect(r.assimilation.positionLabel).toBe("NJC SCP 37");
    expect(r.assimilation.rule).toBe("ABOVE_TOP");
    expect(m(r.assimilation.pay)).toBe("48226.00"); // 2025/26 SCP 37 = 46,731 × 1.032 = 48,226.392 → 48,226
  });
});

describe("scenario checks", () => {
  test.each<[string, Partial<HarmonisationScenario>, RegExp]>([
    ["cash without years", { protection: { kind: "CASH" } }, /needs a number of years/],
    ["a taper without a schedule", { protection: { kind: "TAPERED" } }, /needs a schedule/],
    ["a taper share above 100%", { protection: { kind: "TAPERED", taper: [d("1.5")] } }, /Taper year 1 is a fraction/],
    ["an unknown policy", { protection: { kind: "FROZEN" as never } }, /Use one of: NONE, CASH/],
    ["a negative cover proportion", { coverProportion: d(-1) }, /cover proportion/],
    ["an LGPS rate of 19.5 (not 0.195)", { lgpsEmployerRate: d("19.5") }, /LGPS employer rate is a fraction/],
    ["no projection years", { projectionYears: 0 }, /Projection years must be a whole number/],
  ])("%s", (_, change, message) => {
    expect(engineError(() => resolveScenario(toNjc(change))).message).toMatch(message);
  });

  test("defaults: base year is the latest with both scales (2025/26), 5 years, FULL NHS rate, pensions kept, FTE kept", () => {
    const s = resolveScenario({ target: { terms: "AFC" }, protection: { kind: "NONE" } });
    expect(s.year.label).toBe("2025/26");
    expect(s.projectionYears).toBe(5);
    expect(s.nhsRateBasis).toBe("FULL");
    expect(s.movePension).toBe(false);
    expect(s.hoursBasis).toBe("KEEP_FTE");
    expect(s.target.standardHours.toString()).toBe("37.5");
    expect(s.current.NJC.standardHours.toString()).toBe("37");
  });
});

describe("the protection schedule", () => {
  // Money in whole pence; awards as 1 + the award, exactly (1.02 = 102/100).
  const base = 3000000;
  const targets = [2900000, 2950000, 3050000];
  const awards = [ratio(1, 1), ratio(102, 100), ratio(102, 100)];
  const m = (pence: number) => (pence / 100).toFixed(2);
  test("no protection when the target pay is not below the protected pay", () => {
    const s = protectionSchedule({ kind: "REDCIRCLE", years: null, taper: [] }, base, [3000000, 3100000], awards);
    expect(s.every((y) => !y.active && y.protectedLevel === null)).toBe(true);
  });
  test("cash for 0 years protects nothing", () => {
    expect(protectionSchedule({ kind: "CASH", years: 0, taper: [] }, base, targets, awards).map((y) => m(y.paid))).toEqual(["29000.00", "29500.00", "30500.00"]);
  });
  test("red circle: 30,000 × 1.02 = 30,600; × 1.02 = 31,212 — above the target every year", () => {
    expect(protectionSchedule({ kind: "REDCIRCLE", years: null, taper: [] }, base, targets, awards).map((y) => m(y.paid))).toEqual(["30000.00", "30600.00", "31212.00"]);
  });
  test("taper of 50%: 29,000 + 500 = 29,500; 29,500 + 250 = 29,750; then 0%", () => {
    expect(protectionSchedule({ kind: "TAPERED", years: null, taper: [d("0.5"), d("0.5")] }, base, targets, awards).map((y) => m(y.paid))).toEqual(["29500.00", "29750.00", "30500.00"]);
  });
});

describe("hours, local scales, progression and supplements", () => {
  test("KEEP_HOURS: a 37.5-hour nurse keeps her hours on the 37-hour NJC week: FTE 37.5 ÷ 37, pay pro rata", () => {
    const r = harmonisePerson(member({ targetGrade: "17-20" }), toNjc({ hoursBasis: "KEEP_HOURS", coverProportion: d(1) }));
    // SCP 17: 31,022 × 37.5 ÷ 37 = 31,441.216… → 31,441.22, not below £31,049: the bottom of the grade.
    expect(r.assimilation.positionLabel).toBe("NJC SCP 17");
    expect(m(r.target.basicPay)).toBe("31441.22");
    expect(r.target.weeklyHours.toString()).toBe("37.5");
    expect(m(r.years[0].target.hoursValue)).toBe("0.00"); // no hours lost
  });

  test("a local target scale on NJC conditions: the lowest step not below, uplifted by the local award", () => {
    const scale = { kind: "LOCAL" as const, rows: [{ grade: "C", steps: [d(30000), d(31000), d(32000)] }] };
    const r = harmonisePerson(member({ targetGrade: "c" }), {
      target: { terms: "NJC", scale },
      protection: { kind: "NONE" },
      year: Y2025,
      projectionYears: 2,
      payAwards: { LOCAL: d("0.025") },
    });
    expect(r.assimilation.positionLabel).toBe("local grade C step 3"); // 31,000 < 31,049 ≤ 32,000
    expect(m(r.years[1].target.basicPay)).toBe("32800.00"); // 32,000 × 1.025, top of the grade
    expect(r.years[1].targetPackage.basis).toBe("projected");
    expect(r.target.weeklyHours.toString()).toBe("37");
  });

  test("NJC increments on current terms up to the top of the grade; AfC steps by years in band", () => {
    const sw = member({ terms: "NJC", grade: "22", step: null, scheme: "NONE", gradeTop: 23, targetGrade: "5", yearsInGrade: null });
    const r = harmonisePerson(sw, { target: { terms: "AFC" }, protection: { kind: "NONE" }, year: Y2025, projectionYears: 3 });
    expect(r.years.map((y) => y.currentPackage.positionLabel)).toEqual(["NJC SCP 22", "NJC SCP 23", "NJC SCP 23"]);
    // £33,699 → band 5 step 3 (£37,796; step 2 £33,487 is below); already at the top.
    expect(r.years.map((y) => y.targetPackage.positionLabel)).toEqual(["AfC band 5 step 3", "AfC band 5 step 3", "AfC band 5 step 3"]);
    // A band 5 nurse with 1 year in band reaches step 2 after 2 years in band (2026/27) and step 3 after 4.
    const n = harmonisePerson(member({ targetGrade: "17-20" }), toNjc({ projectionYears: 4 }));
    expect(n.years.map((y) => y.currentPackage.positionLabel)).toEqual(["AfC band 5 step 1", "AfC band 5 step 2", "AfC band 5 step 2", "AfC band 5 step 3"]);
    // On the target, one SCP a year to the top of 17-20.
    expect(n.years.map((y) => y.targetPackage.positionLabel)).toEqual(["NJC SCP 18", "NJC SCP 19", "NJC SCP 20", "NJC SCP 20"]);
  });

  test("no increments when the scenario turns them off", () => {
    const n = harmonisePerson(member({ targetGrade: "17-20" }), toNjc({ projectionYears: 3, increments: false }));
    expect(n.years.map((y) => y.targetPackage.positionLabel)).toEqual(["NJC SCP 18", "NJC SCP 18", "NJC SCP 18"]);
  });

  test("London: council London weighting against AfC inner London HCAS (2025/26: 20%, min £5,609, max £8,466)", () => {
    const sw = member({ terms: "NJC", grade: "30", step: null, scheme: "NONE", localAllowance: d(4500), targetGrade: "6" });
    const r = harmonisePerson(sw, { target: { terms: "AFC", hcasArea: "INNER" }, protection: { kind: "NONE" }, year: Y2025, projectionYears: 1 });
    expect(m(r.current.supplement)).toBe("4500.00");
    expect(m(r.target.supplement)).toBe("8164.60"); // 40,823 × 20% = 8,164.60, within the minimum and maximum
    expect(r.comparison.find((c) => c.key === "supplement")?.better).toBe("TARGET");
  });

  test("a London council's 36-hour week as the target standard week", () => {
    const r = harmonisePerson(member({ targetGrade: "17-20" }), toNjc({ target: { terms: "NJC", standardHours: d(36) } }));
    expect(r.target.weeklyHours.toString()).toBe("36");
    expect(m(r.target.hourlyRate)).toBe("16.80"); // 31,537 ÷ (52.143 × 36) = 16.800…
  });
});

describe("years and data gaps", () => {
  test("a harmonisation year after the data projects both scales by the assumed award and says so", () => {
    const r = harmonisePerson(member({ targetGrade: "17-20" }), toNjc({ year: financialYear(2027), payAwards: { AFC: d("0.03"), NJC: d("0.03") } }));
    expect(r.current.basis).toBe("projected");
    // AfC band 5 step 1: 2026/27 £32,073 × 1.03 = 33,035.19 → £33,035
    expect(m(r.current.fullTimePay)).toBe("33035.00");
    expect(r.years[0].basis).toBe("projected");
  });

  test("a year before the data is #N/A listing the years held", () => {
    const e = engineError(() => harmonisePerson(member({ targetGrade: "17-20" }), toNjc({ year: financialYear(2021) })));
    expect(e.kind).toBe("notAvailable");
    expect(e.message).toMatch(/Years held/);
  });

  test("an NJC Sunday rate is needed only when someone works Sundays", () => {
    const sunday = member({ unsocialSundaysAndPublicHolidays: d(4), targetGrade: "17-20" });
    const e = engineError(() => harmonisePerson(sunday, toNjc()));
    expect(e.kind).toBe("notAvailable");
    expect(e.message).toMatch(/rate for Sundays and public holidays on the target terms/);
    const r = harmonisePerson(sunday, toNjc({ target: { terms: "NJC", unsocialRates: { sundaysAndPublicHolidays: d(1) } } }));
    // double time: 4 × 1 × 16.35 × 52.143 = 3,410.152… → 3,410.15
    expect(m(r.target.unsocial)).toBe("3410.15");
  });
});

describe("staff lists", () => {
  test("errors name every person who could not be costed", () => {
    const e = engineError(() =>
      harmoniseStaff(
        [member({ ref: "A1", scheme: "LGPS", targetGrade: "17-20" }), member({ ref: "A2", targetGrade: "17-20" }), member({ ref: "A3", targetGrade: null })],
        toNjc(),
      ),
    );
    expect(e.message).toMatch(/^2 of 3 staff could not be costed/);
    expect(e.message).toMatch(/Staff A1: LGPS employer rates are set by each pension fund/);
    expect(e.message).toMatch(/Staff A3: No job match for AfC band 5/);
  });

  test("a duplicated employee reference is an error", () => {
    expect(engineError(() => harmoniseStaff([member({ targetGrade: "17-20" }), member({ targetGrade: "17-20" })], toNjc())).message).toMatch(
      /P1 appears more than once/,
    );
  });

  test("an empty list gives zero totals", () => {
    const res = harmoniseStaff([], toNjc({ projectionYears: 2 }));
    expect(res.total.headcount).toBe(0);
    expect(res.total.years).toHaveLength(2);
    expect(m(res.total.total.levelledUp.total)).toBe("0.00");
    expect(res.byGroup).toEqual([]);
    expect(res.byEmployer).toEqual([]);
    expect(res.count).toBe(0);
    expect(res.total.years.map((y) => [y.protectedCount, y.basis, m(y.protected.total)])).toEqual([
      [0, "data", "0.00"],
      [0, "data", "0.00"],
    ]);
  });
});

describe("an FTE from hours is an exact fraction", () => {
  // Weekly hours kept: the target FTE is 10.125 ÷ 37 hours. NJC SCP 20 is £32,597 in 2025/26
  // (= 37 × £881), so basic pay is 32,597 × 10.125 ÷ 37 = £8,920.125 exactly: a half penny, £8,920.13
  // half up. An FTE written as a 34-digit decimal (0.27364864…486) falls short: £8,920.1249… → £8,920.12.
  test("a half-penny basic pay rounds up", () => {
    const r = harmonisePerson(member({ terms: "NJC", grade: "20", step: null, fte: d("0.27"), weeklyHours: d("10.125"), scheme: "LGPS" }), {
      target: { terms: "NJC" },
      year: Y2025,
      protection: { kind: "NONE" },
      hoursBasis: "KEEP_HOURS",
      lgpsEmployerRate: d("0.195"),
      projectionYears: 1,
    });
    expect(m(r.years[0].targetPackage.basicPay)).toBe("8920.13");
  });
});
