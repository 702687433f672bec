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

/**
 * Hertfordshire CC's published 2024/25 support-staff pay ranges (teachinherts.com, "Valid from 1st
 * April 2024"), the national NJC points SCP 2–43, copied here from the page as the test's own
 * record: "H5 10 26,835", "H6 16 29,572", "H7 21 32,115", "M1 32 41,511" … "M2 37 46,731", "SCP 27 = £37,035".
 */
const HERTS_2024_25: Record<number, number> = {
  2: 23656, 3: 24027, 4: 24404, 5: 24790, 6: 25183, 7: 25584, 8: 25992, 9: 26409, 10: 26835, 11: 27269, 12: 27711,
  13: 28163, 14: 28624, 15: 29093, 16: 29572, 17: 30060, 18: 30559, 19: 31067, 20: 31586, 21: 32115, 22: 32654,
  23: 33366, 24: 34314, 25: 35235, 26: 36124, 27: 37035, 28: 37938, 29: 38626, 30: 39513, 31: 40476, 32: 41511,
  33: 42708, 34: 43693, 35: 44711, 36: 45718, 37: 46731, 38: 47754, 39: 48710, 40: 49764, 41: 50788, 42: 51802, 43: 52805,
};

describe("NJC spine: 2024/25 is the published Hertfordshire table; the other years follow by the stated rules", () => {
  test("2024/25 is Hertfordshire CC's table, point for point (SCP 2–43)", () => {
    for (const scp of points("2024/25")) expect(pay("2024/25", scp)).toBe(String(HERTS_2024_25[scp]));
  });

  test("the newly held points, by hand: SCP 10, 16, 21 and 32–37", () => {
    // 2024/25 published; 2023/24 = 2024/25 − 1,290; 2025/26 = 2024/25 × 1.032 rounded half up to the £.
    const expected: [number, string, string, string][] = [
      [10, "25545", "26835", "27694"], // 26,835 × 1.032 = 27,693.72 → 27,694
      [16, "28282", "29572", "30518"], // 29,572 × 1.032 = 30,518.304 → 30,518
      [21, "30825", "32115", "33143"], // 32,115 × 1.032 = 33,142.68 → 33,143
      [32, "40221", "41511", "42839"], // 41,511 × 1.032 = 42,839.352 → 42,839
      [33, "41418", "42708", "44075"], // 42,708 × 1.032 = 44,074.656 → 44,075
      [34, "42403", "43693", "45091"], // 43,693 × 1.032 = 45,091.176 → 45,091
      [35, "43421", "44711", "46142"], // 44,711 × 1.032 = 46,141.752 → 46,142
      [36, "44428", "45718", "47181"], // 45,718 × 1.032 = 47,180.976 → 47,181
      [37, "45441", "46731", "48226"], // 46,731 × 1.032 = 48,226.392 → 48,226
    ];
    for (const [scp, y23, y24, y25] of expected) {
      expect([pay("2023/24", scp), pay("2024/25", scp), pay("2025/26", scp)]).toEqual([y23, y24, y25]);
    }
  });

  test("2023/24 = 2024/25 − £1,290 on every SCP 2 to 43", () => {
    for (const scp of points("2024/25")) expect(pay("2023/24", scp)).toBe(d(pay("2024/25", scp)!).minus(NJC_AWARD_RULES["2024/25"].flatAdd).toString());
  });

  test("2023/24 = 2021/22 + £3,850 (two £1,925 awards) on every point the 2021/22 base holds: the older derivation agrees", () => {
    expect(NJC_AWARD_RULES["2023/24"].flatAdd).toBe("3850");
    for (const [scp, base] of Object.entries(NJC_SPINE_2021_22_BASE)) {
      if (scp === "1") continue; // SCP 1 deleted on 1 April 2023
      expect(pay("2023/24", Number(scp))).toBe(d(base).plus(3850).toString());
    }
  });

  test("2025/26 = 2024/25 × 1.032 rounded to the nearest £1 (half up) on every point", () => {
    for (const scp of points("2024/25"))
      expect(pay("2025/26", scp)).toBe(roundPound(d(pay("2024/25", scp)!).times(NJC_AWARD_RULES["2025/26"].multiply)).toString());
  });

  test("the ×1.032 rule, rounded to the pound, reproduces every published 2025/26 point from the published 2024/25 table", () => {
    const published2526: Record<number, number> = { 2: 24413, 3: 24796, 4: 25185, 5: 25583, 6: 25989, 7: 26403, 8: 26824, 9: 27254, 11: 28142, 12: 28598, 13: 29064, 14: 29540, 17: 31022, 19: 32061, 22: 33699 };
    for (const [scp, v] of Object.entries(published2526)) expect(roundPound(d(HERTS_2024_25[Number(scp)]).times("1.032")).toNumber()).toBe(v);
  });

  test("points missing from the 2021/22 base (10, 13, 16, 19, 21) sit on the 2019 spine's 2% steps between their neighbours", () => {
    for (const scp of [10, 13, 19]) {
      const implied2021 = d(pay("2023/24", scp)!).minus(3850);
      const fromBelow = d(NJC_SPINE_2021_22_BASE[scp - 1]).times("1.02");
      const fromAbove = d(NJC_SPINE_2021_22_BASE[scp + 1]).dividedBy("1.02");
      expect(implied2021.minus(fromBelow).abs().toNumber()).toBeLessThanOrEqual(1);
      expect(implied2021.minus(fromAbove).abs().toNumber()).toBeLessThanOrEqual(1);
    }
    // 16 and 21: the earlier estimate from the 2019 steps was 2021/22 SCP 16 £24,431–£24,432 and SCP 21 about £26,975.
    expect(d(pay("2023/24", 16)!).minus(3850).toNumber()).toBe(24432);
    expect(d(pay("2023/24", 21)!).minus(3850).minus(26975).abs().toNumber()).toBeLessThanOrEqual(1);
  });
});

describe("NJC spine: structure and provenance", () => {
  test("holds 2023/24 to 2025/26 as data", () => {
    for (const y of NJC_YEARS) expect(NJC_SPINE[y]).toBeDefined();
  });

  test.each(NJC_YEARS)("%s runs from SCP 2 to SCP 43 (SCP 1 deleted 1 April 2023), every point held", (year) => {
    expect(points(year)).toEqual(Array.from({ length: 42 }, (_, i) => i + 2));
    expect(points(year).filter((p) => pay(year, p) === null)).toEqual([]);
  });

  test.each(NJC_YEARS)("%s: pay rises with the spinal column point", (year) => {
    const held = points(year).map((p) => Number(pay(year, p)));
    for (let i = 1; i < held.length; i++) expect(held[i]).toBeGreaterThan(held[i - 1]);
  });

  test.each(NJC_YEARS)("%s: every point has its own provenance and rule", (year) => {
    for (const scp of points(year)) {
      const f = NJC_SPINE[year].figures?.[String(scp)];
      expect(f).toBeDefined();
      expect(["secondary", "derived"]).toContain(f!.provenance);
      expect(f!.rule.length).toBeGreaterThan(10);
    }
  });

  test("provenance: 2024/25 secondary (published table); 2023/24 and 2025/26 derived by rule, except the points found published", () => {
    expect(NJC_SPINE["2024/25"].provenance).toBe("secondary");
    expect(NJC_SPINE["2023/24"].provenance).toBe("derived");
    expect(NJC_SPINE["2025/26"].provenance).toBe("derived");
    expect(NJC_SPINE["2025/26"].figures?.["32"]).toEqual({ provenance: "derived", rule: expect.stringMatching(/× 1\.032.*nearest £1, half up/) });
    expect(NJC_SPINE["2025/26"].figures?.["22"]?.provenance).toBe("secondary");
    expect(NJC_SPINE["2023/24"].figures?.["16"]).toEqual({ provenance: "derived", rule: expect.stringMatching(/− £1,290/) });
    expect(NJC_SPINE["2024/25"].sources.some((s) => /teachinherts/.test(s.url))).toBe(true);
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
