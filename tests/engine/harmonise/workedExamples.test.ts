/**
 * Worked examples, with the arithmetic written out. Figures are from the published scales in the
 * data for 2025/26 (AfC band 5 £31,049 / £33,487 / £37,796; band 3 top £26,598; band 6 £38,682 /
 * £40,823 / £46,580; NJC SCP 8 £26,824, 17 £31,022, 18 £31,537, 25 £36,363, 30 £40,777), employer
 * NI 15% above £5,000, levy 0.5%, NHS employer pension 23.78% (FULL), hourly rate = annual ÷
 * (52.143 × weekly hours) to the penny. Each element is rounded to the penny, half up.
 */
import { harmonisePerson, harmoniseStaff, type HarmonisationScenario, type PersonResult } from "../../../src/engine/harmonise";
import { d, m, member, pennies, Y2025 } from "./helpers";

const row = (r: PersonResult, key: string) => {
  const found = r.comparison.find((c) => c.key === key);
  if (!found) throw new Error(`no row ${key}`);
  return found;
};

describe("a band 5 nurse moving to council (NJC) terms", () => {
  // Full-time AfC band 5 step 1 (£31,049), one year's NHS service, 7.5 hours a week of weekday nights,
  // NHS Pension kept on transfer, matched to council grade SCPs 17-20; half of leave and hours covered.
  const nurse = member({ unsocialNights: d("7.5"), targetGrade: "17-20" });
  const scenario: HarmonisationScenario = { target: { terms: "NJC" }, protection: { kind: "NONE" }, year: Y2025, coverProportion: d("0.5"), projectionYears: 1 };
  const r = harmonisePerson(nurse, scenario);

  test("assimilates to SCP 18: SCP 17 (£31,022) is below her £31,049, SCP 18 (£31,537) is the lowest not below", () => {
    expect(r.assimilation.positionLabel).toBe("NJC SCP 18");
    expect(r.assimilation.rule).toBe("LOWEST_NOT_BELOW");
    expect(m(r.assimilation.pay)).toBe("31537.00");
  });

  test("current package on AfC terms", () => {
    const c = r.current;
    expect(m(c.hourlyRate)).toBe(pennies(31049 / (52.143 * 37.5))); // 31,049 ÷ 1,955.3625 = 15.878… → 15.88
    expect(m(c.hourlyRate)).toBe("15.88");
    // Nights at time + 30%: 7.5 h × 0.30 × £15.88 × 52.143 weeks = 1,863.069… → 1,863.07
    expect(m(c.unsocial)).toBe(pennies(d("7.5").times("0.30").times("15.88").times("52.143")));
    expect(m(c.unsocial)).toBe("1863.07");
    expect(m(c.pay)).toBe("32912.07"); // 31,049 + 1,863.07
    expect(m(c.employerNi)).toBe("4186.81"); // (32,912.07 − 5,000) × 15% = 4,186.8105
    expect(m(c.employerPension)).toBe("7826.49"); // 32,912.07 × 23.78% = 7,826.4902…
    expect(m(c.apprenticeshipLevy)).toBe("164.56"); // 32,912.07 × 0.5% = 164.560…
    expect(m(c.employerCost)).toBe("45089.93"); // 32,912.07 + 4,186.81 + 7,826.49 + 164.56
    expect(c.leaveDays).toBe(27); // AfC on appointment
    expect(c.weeklyHours.toString()).toBe("37.5");
  });

  test("target package on NJC terms", () => {
    const t = r.target;
    expect(m(t.hourlyRate)).toBe("16.35"); // 31,537 ÷ (52.143 × 37) = 31,537 ÷ 1,929.291 = 16.346…
    // Green Book night work, time + one third (exactly ⅓): 7.5 × ⅓ × £16.35 × 52.143 = 2.5 × 852.53805 = 2,131.345125 → 2,131.35
    expect(m(t.unsocial)).toBe("2131.35");
    expect(m(t.pay)).toBe("33668.35"); // 31,537 + 2,131.35
    expect(m(t.employerNi)).toBe("4300.25"); // 28,668.35 × 15% = 4,300.2525
    expect(m(t.employerPension)).toBe("8006.33"); // NHS Pension kept: 33,668.35 × 23.78% = 8,006.333…
    expect(m(t.apprenticeshipLevy)).toBe("168.34");
    expect(m(t.employerCost)).toBe("46143.27");
    expect(t.leaveDays).toBe(25); // 23 days + 2 extra statutory days (under 5 years)
    expect(t.weeklyHours.toString()).toBe("37");
  });

  test("leave and hours valued at 50% cover", () => {
    // Leave: AfC gives 27 − 25 = 2 more days: 2 × 31,049 ÷ 260.715 × 0.5 = 119.0918… → 119.09
    expect(m(row(r, "leaveValue").current as never)).toBe(pennies((2 * 31049 * 0.5) / 260.715));
    expect(m(row(r, "leaveValue").current as never)).toBe("119.09");
    // Hours: the NJC week is 0.5 hours shorter at the same FTE: 0.5 × 31,537 ÷ 37 × 0.5 = 213.087… → 213.09
    expect(m(row(r, "hoursValue").target as never)).toBe("213.09");
    expect(m(row(r, "weeklyHours").difference!)).toBe("213.09");
    expect(m(row(r, "leaveDays").difference!)).toBe("-119.09");
    expect(row(r, "leaveDays").better).toBe("CURRENT");
    expect(row(r, "weeklyHours").better).toBe("TARGET");
    expect(row(r, "unsocial").better).toBe("TARGET");
  });

  test("levelled up: NJC pay and night rate, AfC leave, NJC week", () => {
    expect(row(r, "leaveDays").levelledUp).toBe(27);
    expect(row(r, "weeklyHours").levelledUp.toString()).toBe("37");
    // Leave: 2 × 31,537 ÷ 260.715 × 0.5 = 120.963… → 120.96; hours as the target, 213.09
    expect(m(row(r, "leaveValue").levelledUp as never)).toBe("120.96");
    // 46,143.27 + 120.96 + 213.09
    expect(m(row(r, "total").levelledUp as never)).toBe("46477.32");
    expect(m(row(r, "total").current as never)).toBe("45209.02"); // 45,089.93 + 119.09
    expect(m(row(r, "total").target as never)).toBe("46356.36"); // 46,143.27 + 213.09
    expect(m(r.years[0].levelledUp.total)).toBe("46477.32");
  });
});

describe("an NJC social worker at SCP 30 moving to AfC band 6", () => {
  // Full-time, 8 years' local government service, LGPS kept at the fund's 19.5%.
  const sw = member({ terms: "NJC", grade: "30", step: null, yearsService: d(8), yearsInGrade: null, scheme: "LGPS", group: "Social work", employer: "Northshire County Council", targetGrade: "6" });
  const scenario: HarmonisationScenario = { target: { terms: "AFC" }, protection: { kind: "NONE" }, year: Y2025, coverProportion: d("0.5"), lgpsEmployerRate: d("0.195"), projectionYears: 1 };
  const r = harmonisePerson(sw, scenario);

  test("assimilates to band 6 step 2: step 1 £38,682 is below £40,777; step 2 £40,823 is not", () => {
    expect(r.assimilation.positionLabel).toBe("AfC band 6 step 2");
    expect(r.assimilation.rule).toBe("LOWEST_NOT_BELOW");
    expect(m(r.current.basicPay)).toBe("40777.00");
    expect(m(r.target.basicPay)).toBe("40823.00");
  });

  test("on-costs on both sides (LGPS 19.5%)", () => {
    expect(m(r.current.employerNi)).toBe("5366.55"); // 35,777 × 15%
    expect(m(r.current.employerPension)).toBe("7951.52"); // 40,777 × 19.5% = 7,951.515
    expect(m(r.current.apprenticeshipLevy)).toBe("203.89"); // 203.885
    expect(m(r.current.employerCost)).toBe("54298.96");
    expect(m(r.target.employerNi)).toBe("5373.45"); // 35,823 × 15%
    expect(m(r.target.employerPension)).toBe("7960.49"); // 40,823 × 19.5% = 7,960.485
    expect(m(r.target.apprenticeshipLevy)).toBe("204.12"); // 204.115
    expect(m(r.target.employerCost)).toBe("54361.06");
  });

  test("hours and leave: the NJC's 37-hour week is better, AfC's 29 days (after 5 years) beat 26 + 2", () => {
    expect(r.current.leaveDays).toBe(28);
    expect(r.target.leaveDays).toBe(29);
    // Current hours value: (37.5 − 37) × 40,777 ÷ 37 × 0.5 = 275.520… → 275.52
    expect(m(row(r, "hoursValue").current as never)).toBe("275.52");
    // Target leave value: 1 × 40,823 ÷ 260.715 × 0.5 = 78.289… → 78.29
    expect(m(row(r, "leaveValue").target as never)).toBe("78.29");
    expect(row(r, "weeklyHours").better).toBe("CURRENT");
    expect(row(r, "leaveDays").better).toBe("TARGET");
  });

  test("levelled up: band 6 step 2 pay on a 37-hour week with 29 days' leave", () => {
    // hours: 0.5 × 40,823 ÷ 37 × 0.5 = 275.831… → 275.83; total 54,361.06 + 78.29 + 275.83
    expect(m(row(r, "hoursValue").levelledUp as never)).toBe("275.83");
    expect(m(r.years[0].levelledUp.total)).toBe("54715.18");
    expect(m(r.years[0].current.total)).toBe("54574.48"); // 54,298.96 + 275.52
    expect(m(r.years[0].target.total)).toBe("54439.35"); // 54,361.06 + 78.29
  });

  test("moving them into the NHS Pension Scheme instead: 40,823 × 23.78% = 9,707.7094 → 9,707.71", () => {
    const moved = harmonisePerson(sw, { ...scenario, movePension: true });
    expect(moved.target.scheme).toBe("NHS");
    expect(m(moved.target.employerPension)).toBe("9707.71");
    expect(moved.current.scheme).toBe("LGPS");
  });
});

describe("a part-time support worker with unsocial hours, unsocial earnings protected", () => {
  // AfC band 3 top (£26,598), 0.6 FTE (22.5 hours), 4 years' service, 6 hours a week of weekday
  // nights and 7.5 of Sundays and public holidays; to NJC SCPs 6-9 where the council pays Sundays at time and a half.
  // Cash protection for 2 years, unsocial-hours earnings protected separately. Awards 3% a year.
  const hcsw = member({ grade: "3", step: 2, fte: d("0.6"), yearsService: d(4), yearsInGrade: d(4), unsocialNights: d(6), unsocialSundaysAndPublicHolidays: d("7.5"), targetGrade: "6-9", group: "Support workers" });
  const scenario: HarmonisationScenario = {
    target: { terms: "NJC", unsocialRates: { sundaysAndPublicHolidays: d("0.5") } },
    protection: { kind: "CASH", years: 2 },
    protectUnsocial: true,
    year: Y2025,
    projectionYears: 3,
    payAwards: { AFC: d("0.03"), NJC: d("0.03") },
  };
  const r = harmonisePerson(hcsw, scenario);

  test("pay for 0.6 FTE and assimilation on actual pay", () => {
    expect(m(r.current.basicPay)).toBe("15958.80"); // 26,598 × 0.6
    // SCP 6: 25,989 × 0.6 = 15,593.40 and SCP 7: 26,403 × 0.6 = 15,841.80 are below; SCP 8: 26,824 × 0.6 = 16,094.40
    expect(r.assimilation.positionLabel).toBe("NJC SCP 8");
    expect(m(r.target.basicPay)).toBe("16094.40");
    expect(r.current.weeklyHours.toString()).toBe("22.5"); // 0.6 × 37.5
    expect(r.target.weeklyHours.toString()).toBe("22.2"); // 0.6 × 37
  });

  test("unsocial hours on both sides", () => {
    // AfC band 3: +35% nights/Saturdays, +69% Sundays; hourly 26,598 ÷ 1,955.3625 = 13.602… → 13.60
    // (6 × 0.35 + 7.5 × 0.69) × 13.60 × 52.143 = 7.275 × 13.60 × 52.143 = 5,159.028… → 5,159.03
    expect(m(r.current.hourlyRate)).toBe("13.60");
    expect(m(r.current.unsocial)).toBe(pennies(d("7.275").times("13.60").times("52.143")));
    expect(m(r.current.unsocial)).toBe("5159.03");
    // NJC: night work + one third, Sundays + 50% (council input); hourly 26,824 ÷ 1,929.291 = 13.903… → 13.90
    // (6 × ⅓ + 7.5 × 0.5) × 13.90 × 52.143 = 5.75 × 13.90 × 52.143 = 4,167.529… → 4,167.53
    expect(m(r.target.hourlyRate)).toBe("13.90");
    expect(m(r.target.unsocial)).toBe("4167.53");
  });

  test("protection: basic pay rises so is not protected; the unsocial loss of £991.50 is, for 2 years", () => {
    const [y0, y1, y2] = r.years;
    expect(y0.basicProtection.active).toBe(false);
    expect(m(y0.unsocialProtection!.payment)).toBe("991.50"); // 5,159.03 − 4,167.53
    // 2026/27: SCP 9 (increment) projected: 27,254 × 1.03 = 28,071.62 → 28,072 (to the pound); × 0.6 = 16,843.20
    expect(y1.targetPackage.positionLabel).toBe("NJC SCP 9");
    expect(y1.targetPackage.basis).toBe("projected");
    expect(m(y1.target.basicPay)).toBe("16843.20");
    // hourly 28,072 ÷ 1,929.291 = 14.550… → 14.55; 5.75 × 14.55 × 52.143 = 4,362.413… → 4,362.41
    expect(m(y1.target.unsocial)).toBe("4362.41");
    expect(m(y1.unsocialProtection!.payment)).toBe("796.62"); // frozen 5,159.03 − 4,362.41
    expect(m(y2.unsocialProtection!.payment)).toBe("0.00"); // protection ended after 2 years
    // Protected pay 2025/26: 16,094.40 + 4,167.53 + 991.50 = 21,253.43
    expect(m(y0.protected.pay)).toBe("21253.43");
    expect(m(y0.protected.protection)).toBe("991.50");
  });
});

describe("a person above the top of the target grade, under each protection policy", () => {
  // AfC band 5 top (£37,796) matched to NJC SCPs 22-25: the top, SCP 25, is £36,363: £1,433 short.
  // Awards assumed 3% a year; the NJC spine beyond 2025/26 is projected: 2026/27 36,363 × 1.03 =
  // 37,453.89 → 37,454; 2027/28 × 1.03 = 38,577.62 → 38,578; 2028/29 39,735.34 → 39,735; 2029/30 40,927.05 → 40,927.
  const senior = member({ step: 3, yearsService: d(12), yearsInGrade: d(6), targetGrade: "22-25", scheme: "NONE" });
  const target = ["36363", "37454", "38578", "39735", "40927"];
  const run = (protection: HarmonisationScenario["protection"]) =>
    harmonisePerson(senior, { target: { terms: "NJC" }, protection, year: Y2025, projectionYears: 5, payAwards: { AFC: d("0.03"), NJC: d("0.03") } });
  const paid = (r: PersonResult) => r.years.map((y) => m(y.basicProtection.paid));
  const payments = (r: PersonResult) => r.years.map((y) => m(y.basicProtection.payment));

  test("assimilated to the top of the grade with a shortfall of £1,433", () => {
    const r = run({ kind: "NONE" });
    expect(r.assimilation.rule).toBe("ABOVE_TOP");
    expect(r.assimilation.positionLabel).toBe("NJC SCP 25");
    expect(m(r.assimilation.shortfall)).toBe("1433.00");
    expect(r.years.map((y) => y.targetPackage.positionLabel)).toEqual(Array(5).fill("NJC SCP 25"));
    expect(r.years.map((y) => y.basicProtection.targetPay.toString())).toEqual(target);
  });

  test("NONE: paid the target pay from the start", () => {
    expect(paid(run({ kind: "NONE" }))).toEqual(target.map((t) => `${t}.00`));
  });

  test("CASH for 3 years: £37,796 frozen in years 1-3; the target overtakes it in year 3", () => {
    const r = run({ kind: "CASH", years: 3 });
    expect(paid(r)).toEqual(["37796.00", "37796.00", "38578.00", "39735.00", "40927.00"]);
    expect(payments(r)).toEqual(["1433.00", "342.00", "0.00", "0.00", "0.00"]); // 37,796 − 36,363; 37,796 − 37,454
  });

  test("CASH_WITH_AWARDS for 3 years: 37,796 × 1.03 = 38,929.88; × 1.03 = 40,097.7764 → 40,097.78; then the target", () => {
    const r = run({ kind: "CASH_WITH_AWARDS", years: 3 });
    expect(paid(r)).toEqual(["37796.00", "38929.88", "40097.78", "39735.00", "40927.00"]);
    expect(payments(r)).toEqual(["1433.00", "1475.88", "1519.78", "0.00", "0.00"]);
  });

  test("MARKTIME: held at £37,796 until the target (£38,578 in 2027/28) overtakes it", () => {
    const r = run({ kind: "MARKTIME" });
    expect(paid(r)).toEqual(["37796.00", "37796.00", "38578.00", "39735.00", "40927.00"]);
    expect(r.years.map((y) => y.basicProtection.active)).toEqual([true, true, false, false, false]);
  });

  test("MARKTIME with a 1-year cut-off ends after the first year", () => {
    expect(paid(run({ kind: "MARKTIME", years: 1 }))).toEqual(["37796.00", "37454.00", "38578.00", "39735.00", "40927.00"]);
  });

  test("TAPERED 100%, 50%, 0%: 36,363 + 1,433; 37,454 + 50% × 342 = 37,625; then the target", () => {
    const r = run({ kind: "TAPERED", taper: [d(1), d("0.5"), d(0)] });
    expect(paid(r)).toEqual(["37796.00", "37625.00", "38578.00", "39735.00", "40927.00"]);
  });

  test("REDCIRCLE: a personal salary uplifted 3% a year, no end: 41,300.7134 → 41,300.71; 42,539.7313 → 42,539.73", () => {
    const r = run({ kind: "REDCIRCLE" });
    expect(paid(r)).toEqual(["37796.00", "38929.88", "40097.78", "41300.71", "42539.73"]);
    expect(payments(r)).toEqual(["1433.00", "1475.88", "1519.78", "1565.71", "1612.73"]);
    expect(r.protectionContinues).toBe(true);
  });

  test("the protected option's pay adds the protection to the target package, and its years add up to its total", () => {
    const r = run({ kind: "CASH", years: 3 });
    expect(m(r.years[0].protected.pay)).toBe("37796.00");
    expect(m(r.years[1].protected.protection)).toBe("342.00");
    // 37,796 + 37,796 + 38,578 + 39,735 + 40,927 = 194,832
    expect(m(r.total.protected.pay)).toBe("194832.00");
    // no pension (scheme NONE): employer NI 15% over £5,000 each year + levy 0.5%
    expect(m(r.years[0].protected.employerNi)).toBe("4919.40"); // 32,796 × 15%
    expect(m(r.years[0].protected.apprenticeshipLevy)).toBe("188.98"); // 37,796 × 0.5%
  });
});

describe("a small staff list in total", () => {
  test("groups and employers add up to the total, year by year", () => {
    const nurse = member({ ref: "N1", unsocialNights: d("7.5"), targetGrade: "17-20" });
    const nurse2 = member({ ref: "N2", step: 3, yearsService: d(12), yearsInGrade: d(6), targetGrade: "22-25" });
    const hcsw = member({ ref: "S1", grade: "3", step: 2, fte: d("0.6"), group: "Support workers", targetGrade: "6-9" });
    const res = harmoniseStaff([nurse, nurse2, hcsw], {
      target: { terms: "NJC" },
      protection: { kind: "CASH", years: 2 },
      year: Y2025,
      projectionYears: 3,
      payAwards: { AFC: d("0.03"), NJC: d("0.03") },
    });
    expect(res.byGroup.map((g) => [g.key, g.headcount])).toEqual([["Nursing", 2], ["Support workers", 1]]);
    expect(res.byEmployer.map((g) => g.key)).toEqual(["Northshire NHS Trust"]);
    expect(m(res.total.fte)).toBe("2.60");
    for (const opt of ["current", "target", "protected", "levelledUp"] as const) {
      const sumOfYears = res.total.years.reduce((a, y) => a.plus(y[opt].total), d(0));
      expect(m(res.total.total[opt].total)).toBe(m(sumOfYears));
      const sumOfGroups = res.byGroup.reduce((a, g) => a.plus(g.total[opt].total), d(0));
      expect(m(sumOfGroups)).toBe(m(res.total.total[opt].total));
    }
    // Only N2 is above the top of the grade: protected in years 1 and 2
    expect(res.total.years.map((y) => y.protectedCount)).toEqual([1, 1, 0]);
    expect(res.assumptions.find((a) => a.label === "Pay protection")?.value).toBe("Cash protection, frozen, for 2 years");
    expect(res.tablesUsed).toEqual(expect.arrayContaining(["AFC_PAY", "NJC_SPINE", "EMPLOYER_NI", "NHS_EMPLOYER"]));
  });
});

describe("the staff list worked in docs/harmonisation.md", () => {
  // N1, N2 and S1 above, onto NJC terms (Sundays time and a half), cash protection for 2 years with
  // unsocial-hours earnings protected, awards 3%, half of leave and hours covered, 3 years.
  const staff = [
    member({ ref: "N1", unsocialNights: d("7.5"), targetGrade: "17-20" }),
    member({ ref: "N2", step: 3, yearsService: d(12), yearsInGrade: d(6), targetGrade: "22-25" }),
    member({ ref: "S1", grade: "3", step: 2, fte: d("0.6"), yearsService: d(4), yearsInGrade: d(4), unsocialNights: d(6), unsocialSundaysAndPublicHolidays: d("7.5"), targetGrade: "6-9", group: "Support workers" }),
  ];
  const res = harmoniseStaff(staff, {
    target: { terms: "NJC", unsocialRates: { sundaysAndPublicHolidays: d("0.5") } },
    protection: { kind: "CASH", years: 2 },
    protectUnsocial: true,
    year: Y2025,
    projectionYears: 3,
    payAwards: { AFC: d("0.03"), NJC: d("0.03") },
    coverProportion: d("0.5"),
  });
  const row = (y: { current: { total: { toFixed(n: number): string } }; target: { total: { toFixed(n: number): string } }; protected: { total: { toFixed(n: number): string } }; levelledUp: { total: { toFixed(n: number): string } } }) =>
    [y.current.total, y.target.total, y.protected.total, y.levelledUp.total].map((x) => x.toFixed(2));

  test("total by year and over the three years", () => {
    expect(res.total.years.map(row)).toEqual([
      ["126187.84", "124078.02", "127454.86", "128009.66"],
      ["134122.56", "129143.88", "130729.75", "135450.33"],
      ["138212.51", "133934.94", "133934.94", "139632.35"],
    ]);
    expect(row(res.total.total)).toEqual(["398522.91", "387156.84", "392119.55", "403092.34"]);
    expect(res.total.total.protected.protection.toFixed(2)).toBe("3563.12"); // 1,433 + 342 (N2) + 991.50 + 796.62 (S1)
  });

  test("by group", () => {
    expect(res.byGroup.map((g) => [g.key, ...row(g.total)])).toEqual([
      ["Nursing", "309555.31", "300888.51", "303360.73", "312583.02"],
      ["Support workers", "88967.60", "86268.33", "88758.82", "90509.32"],
    ]);
  });

  test("N1's first year is the nurse example: 45,209.02 now, 46,477.32 levelled up", () => {
    const i = staff.findIndex((p) => p.ref === "N1");
    expect(res.ref(i)).toBe("N1");
    expect(row(res.person(i).years[0])).toEqual(["45209.02", "46356.36", "46356.36", "46477.32"]);
    // The same year from the figures held in columns, without costing N1 again.
    expect(row({ current: res.line(i, 0, "current"), target: res.line(i, 0, "target"), protected: res.line(i, 0, "protected"), levelledUp: res.line(i, 0, "levelledUp") })).toEqual([
      "45209.02",
      "46356.36",
      "46356.36",
      "46477.32",
    ]);
  });
});
