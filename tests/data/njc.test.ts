import { NJC_AWARD_RULES, NJC_ENHANCEMENTS, NJC_SPINE, NJC_SPINE_2021_22_BASE, NJC_TERMS } from "../../src/data/njc";
import { d, roundPound } from "./helpers";

const NJC_YEARS = ["2023/24", "2024/25", "2025/26"] as const;
const points = (year: string) => Object.keys(NJC_SPINE[year].value).map(Number).sort((a, b) => a - b);
const pay = (year: string, scp: number) => NJC_SPINE[year].value[scp];

describe("NJC spine: published check values", () => {
  test("2025/26 agrees with every SCP value published in 2025/26 council and school adverts", () => {
    // Prudhoe TC "SCP 2 - 5 (£24,413 - £25,583"; Durham CC "£24,796 - £25,185", "Grade 4 £25,583 - £26,824";
    // North Tyneside "SCP 7 (£26,403) - SCP 9 (£27,254)"; Henry Hinde "NJC05 to NJC06 £25,583.00 to £25,989.00";
    // Oastlers "SCP 6 to SCP 11 (£25,989 - £28,142)"; Durham "£26,403 to £28,598" (SCP 7-12);
    // Wiltshire school "£29,064.00 - £31,022.00" (SCP 13-17); "Grade F Points 14 to 19 (£29,540 to £32,061)";
    // Tyne & Wear FRS "£32,061 to £ 33,699" (SCP 19-22).
    const published: Record<number, string> = {
      2: "24413", 3: "24796", 4: "25185", 5: "25583", 6: "25989", 7: "26403", 8: "26824", 9: "27254",
      11: "28142", 12: "28598", 13: "29064", 14: "29540", 17: "31022", 19: "32061", 22: "33699",
    };
    for (const [scp, value] of Object.entries(published)) expect(pay("2025/26", Number(scp))).toBe(value);
  });

  test("2023/24 agrees with the published figures: SCP 2 £22,366, SCP 7 £24,294, SCP 10 £25,545", () => {
    // Oxfordshire CC apprentice advert "£22,366.00"; NEPO advert July 2024 "SCP 7-10, salary range £24,294 - £25,545".
    expect(pay("2023/24", 2)).toBe("22366");
    expect(pay("2023/24", 7)).toBe("24294");
    expect(pay("2023/24", 10)).toBe("25545");
  });

  test("2023/24 SCP 2 is £11.59 an hour at annual ÷ 52.143 ÷ 37 (SLCC: 'a bottom rate of pay of £11.59 per hour')", () => {
    const hourly = d(pay("2023/24", 2)!).dividedBy(NJC_TERMS.value.weeksPerYear).dividedBy(NJC_TERMS.value.weeklyHours);
    expect(hourly.toDecimalPlaces(2).toString()).toBe("11.59");
  });

  test("2023/24 SCP 22 is £3,850 (13.99%) above April 2021 (SLCC, quoting the employers)", () => {
    const rise = d(pay("2023/24", 22)!).minus(NJC_SPINE_2021_22_BASE[22]);
    expect(rise.toNumber()).toBe(3850);
    expect(rise.dividedBy(NJC_SPINE_2021_22_BASE[22]).times(100).toDecimalPlaces(2).toNumber()).toBe(13.99);
  });

  test("the 2024 award of £1,290 is 5.77% of SCP 2 and 2.5% of SCP 43 (Nottingham City UNISON)", () => {
    expect(d(1290).dividedBy(pay("2023/24", 2)!).times(100).toDecimalPlaces(2).toNumber()).toBe(5.77);
    expect(d(1290).dividedBy(pay("2023/24", 43)!).times(100).toDecimalPlaces(1).toNumber()).toBe(2.5);
  });

  test("the 2021/22 base starts at £18,333 on SCP 1, 'the bottom pay point in April 2021' (SLCC)", () => {
    expect(NJC_SPINE_2021_22_BASE[1]).toBe("18333");
  });
});

describe("NJC spine: derived years reproduce from their base by the stated rule", () => {
  test("2023/24 = 2021/22 + £3,850 (two £1,925 awards) on every point the base holds", () => {
    expect(NJC_AWARD_RULES["2023/24"].flatAdd).toBe("3850");
    for (const [scp, base] of Object.entries(NJC_SPINE_2021_22_BASE)) {
      if (scp === "1") continue; // SCP 1 deleted on 1 April 2023
      expect(pay("2023/24", Number(scp))).toBe(d(base).plus(3850).toString());
    }
  });

  test("2024/25 = 2023/24 + £1,290 on every SCP 2 to 43, nulls staying null", () => {
    for (const scp of points("2023/24")) {
      const before = pay("2023/24", scp);
      expect(pay("2024/25", scp)).toBe(before === null ? null : d(before).plus(NJC_AWARD_RULES["2024/25"].flatAdd).toString());
    }
  });

  test("2025/26 = 2024/25 × 1.032 rounded to the nearest £1 (half up), nulls staying null", () => {
    for (const scp of points("2024/25")) {
      const before = pay("2024/25", scp);
      expect(pay("2025/26", scp)).toBe(before === null ? null : roundPound(d(before).times(NJC_AWARD_RULES["2025/26"].multiply)).toString());
    }
  });

  test("points missing from the 2021/22 base (10, 13, 19) sit on the 2019 spine's 2% steps between their neighbours", () => {
    for (const scp of [10, 13, 19]) {
      const implied2021 = d(pay("2023/24", scp)!).minus(3850);
      const fromBelow = d(NJC_SPINE_2021_22_BASE[scp - 1]).times("1.02");
      const fromAbove = d(NJC_SPINE_2021_22_BASE[scp + 1]).dividedBy("1.02");
      expect(implied2021.minus(fromBelow).abs().toNumber()).toBeLessThanOrEqual(1);
      expect(implied2021.minus(fromAbove).abs().toNumber()).toBeLessThanOrEqual(1);
    }
  });

  test("SCPs 13 and 19 back-derive uniquely: one whole-pound 2024/25 value each gives the 2025/26 advert figure", () => {
    for (const [scp, target] of [[13, 29064], [19, 32061]] as const) {
      const candidates: number[] = [];
      for (let x = Math.floor(target / 1.032) - 5; x <= Math.ceil(target / 1.032) + 5; x++)
        if (roundPound(d(x).times("1.032")).toNumber() === target) candidates.push(x);
      expect(candidates).toEqual([Number(pay("2024/25", scp))]);
    }
  });
});

describe("NJC spine: structure", () => {
  test("covers 2023/24 to 2025/26; no 2026/27 spine, as no 2026/27 award had been published", () => {
    expect(Object.keys(NJC_SPINE).sort()).toEqual([...NJC_YEARS]);
  });

  test.each(NJC_YEARS)("%s runs from SCP 2 to SCP 43 (SCP 1 deleted 1 April 2023)", (year) => {
    expect(points(year)).toEqual(Array.from({ length: 42 }, (_, i) => i + 2));
  });

  test.each(NJC_YEARS)("%s: exactly SCPs 16, 21 and 32 to 37 are null (not found), and the note says so", (year) => {
    const nulls = points(year).filter((p) => pay(year, p) === null);
    expect(nulls).toEqual([16, 21, 32, 33, 34, 35, 36, 37]);
    expect(NJC_SPINE[year].note).toMatch(/SCPs 16, 21 and 32 to 37 are null/);
  });

  test.each(NJC_YEARS)("%s: pay rises with the spinal column point", (year) => {
    const held = points(year).filter((p) => pay(year, p) !== null).map((p) => Number(pay(year, p)));
    for (let i = 1; i < held.length; i++) expect(held[i]).toBeGreaterThan(held[i - 1]);
  });

  test.each(NJC_YEARS)("%s is marked derived and names its rule and rounding", (year) => {
    expect(NJC_SPINE[year].provenance).toBe("derived");
    expect(NJC_SPINE[year].note).toMatch(/Derived/);
  });

  test("the 2025/26 note records the SCP 2 deletion from 1 April 2026", () => {
    expect(NJC_SPINE["2025/26"].note).toMatch(/SCP 2 is deleted from 1 April 2026/);
  });
});

describe("NJC terms and night work", () => {
  test("37 hours, 52.143 weeks, 8 public holidays", () => {
    expect(NJC_TERMS.value.weeklyHours).toBe("37");
    expect(NJC_TERMS.value.weeksPerYear).toBe("52.143");
    expect(NJC_TERMS.value.publicHolidays).toBe(8);
  });

  test("Green Book minimum leave from 1 April 2023: 23 days under 5 years' service, 26 after, plus 2 extra statutory days", () => {
    expect(NJC_TERMS.value.leave).toEqual([
      { afterYears: 0, days: 23 },
      { afterYears: 5, days: 26 },
    ]);
    expect(NJC_TERMS.value.extraDays).toBe(2);
    expect(NJC_TERMS.note).toMatch(/IN ADDITION/);
  });

  test("sick pay: 1 month full under 4 months, then 1+2, 2+2, 4+4, 5+5, 6+6", () => {
    expect(NJC_TERMS.value.sickPay).toEqual([
      { afterMonths: 0, fullPayMonths: 1, halfPayMonths: 0 },
      { afterMonths: 4, fullPayMonths: 1, halfPayMonths: 2 },
      { afterMonths: 12, fullPayMonths: 2, halfPayMonths: 2 },
      { afterMonths: 24, fullPayMonths: 4, halfPayMonths: 4 },
      { afterMonths: 36, fullPayMonths: 5, halfPayMonths: 5 },
      { afterMonths: 60, fullPayMonths: 6, halfPayMonths: 6 },
    ]);
  });

  test("enhancements by council category: nights exactly one third, public holidays time plus one, Saturdays and Sundays local (null)", () => {
    // Green Book Part 3 night work: "time and one third for all hours worked between 8.00 pm and 6.00 am" (Law Insider; McCafferty v Derry CC).
    expect(NJC_ENHANCEMENTS.value.nights).toBe("1/3");
    // Public holidays: "in addition to the normal pay for that day, ... plain time rate for all hours worked": time plus 1.
    expect(NJC_ENHANCEMENTS.value.publicHolidays).toBe("1");
    expect(NJC_ENHANCEMENTS.value.saturdays).toBeNull();
    expect(NJC_ENHANCEMENTS.value.sundays).toBeNull();
    expect(NJC_ENHANCEMENTS.provenance).toBe("secondary");
    expect(NJC_ENHANCEMENTS.sources.some((s) => /public-and-extra-statutory-holidays/.test(s.url))).toBe(true);
  });
});
