/**
 * The foundation custom functions, called exactly as Excel calls them. Expected figures are the
 * published tables and hand-worked arithmetic written out here, not the code's own output.
 */
import * as f from "../../src/functions/functions";

function excelError(call: () => unknown): { code: string; message: string } {
  try {
    call();
  } catch (e) {
    return e as { code: string; message: string };
  }
  throw new Error("expected an Excel error");
}

describe("SALARY reads the published scales", () => {
  test("AfC band 6 step 2 (intermediate) 2025/26 is £40,823 (NHS Employers pay scales 2025/26)", () => {
    expect(f.salary([["AFC"]], "6", 2, "2025/26")).toBe(40823);
  });
  test("band given as a number, step omitted = entry: band 5 2025/26 entry £31,049", () => {
    expect(f.salary([["AFC"]], 5, null, "2025/26")).toBe(31049);
  });
  test("band 8a written in upper case and 'Band' prefix: 2026/27 top £64,750", () => {
    expect(f.salary([["afc"]], "Band 8A", 3, "2026/27")).toBe(64750);
  });
  test("year as an Excel date serial: 45900 (31 Aug 2025) is 2025/26", () => {
    expect(f.salary([["AFC"]], "6", 2, 45900)).toBe(40823);
  });
  test("NJC spinal column point 7 2025/26 is £26,403 (North Tyneside advert: SCP 7 £26,403)", () => {
    expect(f.salary([["NJC"]], 7, null, "2025/26")).toBe(26403);
  });
  test("a local scale from a range: grade B step 2", () => {
    const scale = [
      ["Grade", "Step 1", "Step 2", "Step 3"],
      ["A", 24000, 24500, 25000],
      ["B", 26000, 26750, null],
    ];
    expect(f.salary(scale, "b", 2, null)).toBe(26750);
  });
  test("an unknown band is #N/A listing the valid bands", () => {
    const e = excelError(() => f.salary([["AFC"]], "10", 1, "2025/26"));
    expect(e.code).toBe("#N/A");
    expect(e.message).toMatch(/Valid bands: .*2, 3, 4, 5, 6, 7, 8a, 8b, 8c, 8d, 9/);
  });
  test("a step beyond the band is #VALUE! naming the steps", () => {
    const e = excelError(() => f.salary([["AFC"]], "6", 4, "2025/26"));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/steps 1 to 3/);
  });
  test("an unknown scale is #VALUE! saying what to use", () => {
    const e = excelError(() => f.salary([["NHS PAY"]], "6", 1, null));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/Use "AFC", "NJC"/);
  });
  test("a year not in the data is #N/A listing the years held", () => {
    const e = excelError(() => f.salary([["AFC"]], "6", 1, "2019/20"));
    expect(e.code).toBe("#N/A");
    expect(e.message).toMatch(/Years held: .*2025\/26/);
  });
});

describe("EMPLOYERNI: 15% above £5,000 from 2025/26, 13.8% above £9,100 before (HMRC rates and thresholds)", () => {
  test.each<[number, string, number]>([
    // (40,823 - 5,000) x 15% = 35,823 x 0.15 = 5,373.45
    [40823, "2025/26", 5373.45],
    // (40,823 - 9,100) x 13.8% = 31,723 x 0.138 = 4,377.774 -> 4,377.77
    [40823, "2024/25", 4377.77],
    // at, just below and just above the threshold
    [5000, "2025/26", 0],
    [4999.99, "2025/26", 0],
    [5000.04, "2025/26", 0.01], // 0.04 x 0.15 = 0.006 -> 0.01
    [5000.03, "2025/26", 0], // 0.03 x 0.15 = 0.0045 -> 0.00
    [9100, "2023/24", 0],
    [9101, "2023/24", 0.14], // 1 x 0.138 = 0.138 -> 0.14
    [0, "2025/26", 0],
  ])("pay %p in %s -> %p", (pay, yr, ni) => expect(f.employerNI(pay, yr)).toBe(ni));
  test("negative pay is #VALUE!", () => expect(excelError(() => f.employerNI(-1, "2025/26")).code).toBe("#VALUE!"));
  test("text pay is #VALUE!", () => expect(excelError(() => f.employerNI("lots", "2025/26")).code).toBe("#VALUE!"));
});

describe("EMPLOYEEPENSION: NHS tiers on the whole of actual pay (NHSBSA tiers 2025/26)", () => {
  test.each<[number, number]>([
    // tier 1 up to £13,259 at 5.2%: 13,259 x 0.052 = 689.468 -> 689.47
    [13259, 689.47],
    // £13,259.50 is still tier 1 (tier 2 starts at £13,260.00): 13,259.50 x 0.052 = 689.494 -> 689.49
    [13259.5, 689.49],
    // tier 2 from £13,260 at 6.5%: 13,260 x 0.065 = 861.90
    [13260, 861.9],
    // top of tier 2 £27,797 at 6.5% = 1,806.805 -> 1,806.81; tier 3 from £27,798 at 8.3% = 2,307.234 -> 2,307.23
    [27797, 1806.81],
    [27798, 2307.23],
    // tier 6 from £65,191 at 12.5% = 8,148.875 -> 8,148.88
    [65190, 6975.33], // tier 5 10.7%: 65,190 x 0.107 = 6,975.33
    [65191, 8148.88],
  ])("pay %p -> %p", (pay, contribution) => expect(f.employeePension(pay, "NHS", "2025/26")).toBe(contribution));
});

describe("EMPLOYEEPENSION: LGPS bands on actual pay rounded down to the pound (LGPS bands 2025/26)", () => {
  test.each<[number, string, number]>([
    [17800, "LGPS", 979], // band 1 up to £17,800 at 5.5% = 979.00
    [17800.99, "LGPS", 979.05], // rounded down to £17,800 for banding -> 5.5%: 17,800.99 x 0.055 = 979.05445 -> 979.05
    [17801, "LGPS", 1032.46], // band 2 at 5.8%: 17,801 x 0.058 = 1,032.458 -> 1,032.46
    [28000, "LGPS", 1624], // 28,000 x 0.058 = 1,624.00
    [28001, "LGPS", 1820.07], // band 3 at 6.5%: 1,820.065 -> 1,820.07
    [28001, "LGPS5050", 910.03], // 50/50 section 3.25%: 910.0325 -> 910.03
  ])("pay %p %s -> %p", (pay, scheme, contribution) => expect(f.employeePension(pay, scheme, "2025/26")).toBe(contribution));
});

describe("PENSION: employer contributions", () => {
  test("NHS full rate 23.78% incl. levy by default: 40,823 x 0.2378 = 9,707.7094 -> 9,707.71", () => {
    expect(f.pension(40823, "NHS", "2025/26", null)).toBe(9707.71);
  });
  test("NHS LOCAL 14.38%: 40,823 x 0.1438 = 5,870.3474 -> 5,870.35", () => {
    expect(f.pension(40823, "NHS", "2025/26", "LOCAL")).toBe(5870.35);
  });
  test("NHS 2023/24 full rate 20.68%: 40,000 x 0.2068 = 8,272.00", () => {
    expect(f.pension(40000, "NHS", "2023/24", null)).toBe(8272);
  });
  test("LGPS without a rate is #N/A telling the user to give the fund's rate", () => {
    const e = excelError(() => f.pension(30000, "LGPS", "2025/26", null));
    expect(e.code).toBe("#N/A");
    expect(e.message).toMatch(/set by each pension fund/);
  });
  test("LGPS with a rate typed as a percentage text: 30,000 x 19.5% = 5,850", () => {
    expect(f.pension(30000, "LGPS", "2025/26", "19.5%")).toBe(5850);
  });
  test("a rate of 19 (meaning 19%) is #VALUE! explaining fractions", () => {
    const e = excelError(() => f.pension(30000, "LGPS", "2025/26", 19));
    expect(e.code).toBe("#VALUE!");
  });
});

describe("COST and COSTBREAKDOWN: worked examples", () => {
  test("AfC band 6 step 2 on the NHS Pension Scheme, 2025/26", () => {
    // pay 40,823.00
    // NI (40,823 - 5,000) x 0.15 = 5,373.45
    // pension 40,823 x 0.2378 = 9,707.7094 -> 9,707.71
    // levy 40,823 x 0.005 = 204.115 -> 204.12
    // total 40,823.00 + 5,373.45 + 9,707.71 + 204.12 = 56,108.28
    expect(f.costBreakdown(40823, "NHS", "2025/26", null)).toEqual([[40823, 5373.45, 9707.71, 204.12, 56108.28]]);
    expect(f.cost(40823, "NHS", "2025/26", null)).toBe(56108.28);
  });
  test("AfC band 5 entry moved onto the LGPS at a fund rate of 19%, 2025/26", () => {
    // NI (31,049 - 5,000) x 0.15 = 3,907.35; pension 31,049 x 0.19 = 5,899.31;
    // levy 31,049 x 0.005 = 155.245 -> 155.25; total 31,049 + 3,907.35 + 5,899.31 + 155.25 = 41,010.91
    expect(f.cost(31049, "LGPS", "2025/26", 0.19)).toBe(41010.91);
  });
  test("no pension, 2024/25: NI (20,000 - 9,100) x 0.138 = 1,504.20; levy 100.00; total 21,604.20", () => {
    expect(f.cost(20000, "NONE", "2024/25", null)).toBe(21604.2);
  });
});

describe("HOURLY and LEAVE", () => {
  test("AfC band 5 entry 2025/26: 31,049 / (52.143 x 37.5) = 15.8788 -> £15.88 (NHS Employers hourly table)", () => {
    expect(f.hourly(31049, "AFC")).toBe(15.88);
  });
  test("NJC SCP 3 2025/26: 24,796 / (52.143 x 37) = 12.8524 -> £12.85", () => {
    expect(f.hourly(24796, "NJC")).toBe(12.85);
  });
  test("a number of weekly hours: 30,000 / (52.143 x 36) = 15.9818 -> £15.98", () => {
    expect(f.hourly(30000, 36)).toBe(15.98);
  });
  test("zero hours is #VALUE!", () => expect(excelError(() => f.hourly(30000, 0)).code).toBe("#VALUE!"));
  test.each<[string, number, number]>([
    ["AFC", 0, 27],
    ["AFC", 4.9, 27],
    ["AFC", 5, 29],
    ["AFC", 10, 33],
  ])("LEAVE(%s, %p) = %p days (AfC Section 13, bank holidays excluded)", (terms, years, days) =>
    expect(f.leave(terms, years)).toBe(days));
  test("NJC leave rises after 5 years' continuous service", () => {
    expect(f.leave("NJC", 5) - f.leave("NJC", 4)).toBe(3); // Green Book minimum 23 -> 26
  });
});

describe("HCAS: a percentage of basic pay within the minimum and maximum payment (Handbook Section 4)", () => {
  test.each<[number, string, number]>([
    [30000, "INNER", 6000], // 30,000 x 20% = 6,000, between £5,609 and £8,466
    [20000, "INNER", 5609], // 20,000 x 20% = 4,000, below the minimum -> £5,609
    [50000, "INNER", 8466], // 50,000 x 20% = 10,000, above the maximum -> £8,466
    [35000, "OUTER", 5250], // 35,000 x 15% = 5,250, between £4,714 and £5,941
    [40000, "FRINGE", 2000], // 40,000 x 5% = 2,000, between £1,303 and £2,198
    [40000, "NONE", 0],
  ])("salary %p, %s area, 2025/26 -> %p", (salary, area, supplement) => expect(f.hcas(salary, area, "2025/26")).toBe(supplement));
  test("a year whose Annex 9 figures are not in the data is #N/A", () => {
    expect(excelError(() => f.hcas(30000, "INNER", "2022/23")).code).toBe("#N/A");
  });
  test("2024/25: NHS Employers' minimums (£5,414 inner) and the secondary maximums (£8,171 inner)", () => {
    expect(f.hcas(20000, "INNER", "2024/25")).toBe(5414); // 20% = £4,000, below the minimum
    expect(f.hcas(50000, "INNER", "2024/25")).toBe(8171); // 20% = £10,000, above the maximum
    expect(f.hcas(30000, "OUTER", "2024/25")).toBe(4551); // 15% = £4,500, below the minimum £4,551
    expect(f.hcas(30000, "FRINGE", "2024/25")).toBe(1500); // 5% = £1,500, between £1,258 and £2,121
  });
  test("an unknown area is #VALUE! listing the areas", () => {
    expect(excelError(() => f.hcas(30000, "LONDON", "2025/26")).message).toMatch(/INNER, OUTER, FRINGE, NONE/);
  });
});
