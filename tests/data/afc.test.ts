import { AFC_HCAS, AFC_PAY, AFC_PROGRESSION, AFC_TERMS, AFC_UNSOCIAL } from "../../src/data/afc";
import { d, YEARS } from "./helpers";

const BANDS = ["1", "2", "3", "4", "5", "6", "7", "8a", "8b", "8c", "8d", "9"];
const num = (xs: readonly (string | null)[]) => xs.map((x) => (x === null ? null : Number(x)));

describe("AfC pay: published tables, figure by figure", () => {
  test("2025/26 matches the NHS Employers 2025/26 annual pay table at every step", () => {
    // NHS Employers, "Pay scales for 2025/26" (entry, intermediate, top).
    const published: Record<string, number[]> = {
      "2": [24465],
      "3": [24937, 26598],
      "4": [27485, 30162],
      "5": [31049, 33487, 37796],
      "6": [38682, 40823, 46580],
      "7": [47810, 50273, 54710],
      "8a": [55690, 58487, 62682],
      "8b": [64455, 68631, 74896],
      "8c": [76965, 81652, 88682],
      "8d": [91342, 96941, 105337],
      "9": [109179, 115763, 125637],
    };
    for (const [band, steps] of Object.entries(published)) expect(num(AFC_PAY["2025/26"].value[band])).toEqual(steps);
  });

  test("2026/27 matches the NHS Employers 2026/27 annual pay table at every step", () => {
    // NHS Employers, "Pay scales for 2026/27" and the 2026 AfC pay scales poster.
    const published: Record<string, number[]> = {
      "2": [25272],
      "3": [25760, 27476],
      "4": [28392, 31157],
      "5": [32073, 34592, 39043],
      "6": [39959, 42170, 48117],
      "7": [49387, 51932, 56515],
      "8a": [57528, 60417, 64750],
      "8b": [66582, 70896, 77368],
      "8c": [79504, 84346, 91609],
      "8d": [94356, 100140, 108814],
      "9": [112782, 119583, 129783],
    };
    for (const [band, steps] of Object.entries(published)) expect(num(AFC_PAY["2026/27"].value[band])).toEqual(steps);
  });

  test("2026/27 band 6 and band 7 ranges agree with real NHS Jobs adverts (39,959–48,117 and 49,387–56,515)", () => {
    const p = AFC_PAY["2026/27"].value;
    expect([p["6"][0], p["6"][2]]).toEqual(["39959", "48117"]);
    expect([p["7"][0], p["7"][2]]).toEqual(["49387", "56515"]);
  });

  test("2024/25 bands 2 to 6 match Health Careers, and bands 8a to 8d match NHS Employers via RCNi", () => {
    const p = AFC_PAY["2024/25"].value;
    expect(num(p["2"])).toEqual([23615]);
    expect(num(p["3"])).toEqual([24071, 25674]);
    expect(num(p["4"])).toEqual([26530, 29114]);
    expect(num(p["5"])).toEqual([29970, 32324, 36483]);
    expect(num(p["6"])).toEqual([37338, 39405, 44962]);
    expect(num(p["8a"])).toEqual([53755, 56454, 60504]);
    expect(num(p["8b"])).toEqual([62215, 66246, 72293]);
    expect(num(p["8c"])).toEqual([74290, 78814, 85601]);
    expect(num(p["8d"])).toEqual([88168, 93572, 101677]);
  });

  test("2024/25 band 7 and band 9 intermediate points: £48,526 (published, NI row on England rates) and £111,740 (derived)", () => {
    const p = AFC_PAY["2024/25"].value;
    expect(num(p["7"])).toEqual([46148, 48526, 52809]);
    expect(num(p["9"])).toEqual([105385, 111740, 121271]);
    // 2025/26 band 7 intermediate £50,273 ÷ 1.036 = 48,526.06 → 48,526; band 9 £115,763 ÷ 1.036 = 111,740.35 → 111,740
    expect(d(50273).dividedBy("1.036").toDecimalPlaces(0).toNumber()).toBe(48526);
    expect(d(115763).dividedBy("1.036").toDecimalPlaces(0).toNumber()).toBe(111740);
    expect(AFC_PAY["2024/25"].figures?.["7.2"]?.provenance).toBe("secondary");
    expect(AFC_PAY["2024/25"].figures?.["9.2"]).toEqual({ provenance: "derived", rule: expect.stringMatching(/÷ 1\.036/) });
  });

  test("2023/24 matches the published 2023/24 table; 8c top derived, band 9 published, 8d null (not confirmed)", () => {
    const p = AFC_PAY["2023/24"].value;
    expect(num(p["2"])).toEqual([22383]);
    expect(num(p["3"])).toEqual([22816, 24336]);
    expect(num(p["4"])).toEqual([25147, 27596]);
    expect(num(p["5"])).toEqual([28407, 30639, 34581]);
    expect(num(p["6"])).toEqual([35392, 37350, 42618]);
    expect(num(p["7"])).toEqual([43742, 45996, 50056]);
    expect(num(p["8a"])).toEqual([50952, 57349]);
    expect(num(p["8b"])).toEqual([58972, 68525]);
    // 8c top: 2022/23 £77,274 × 1.05 = 81,137.70 → 81,138 (net-paid.com's 81,137 not used)
    expect(num(p["8c"])).toEqual([70417, 81138]);
    expect(d(77274).times("1.05").toDecimalPlaces(0).toNumber()).toBe(81138);
    expect(num(p["8d"])).toEqual([null, null]);
    // band 9: nhspayscales "between £99,891 and £114,949"; 2022/23 top £109,475 × 1.05 = 114,948.75 → 114,949
    expect(num(p["9"])).toEqual([99891, 114949]);
    expect(d(109475).times("1.05").toDecimalPlaces(0).toNumber()).toBe(114949);
    expect(AFC_PAY["2023/24"].note).toMatch(/£1 conflicts: net-paid\.com gives 8c top £81,137 and band 9 top £114,948/);
  });
});

describe("AfC pay: structure", () => {
  test.each(YEARS)("%s has every band 1 to 9, with 8a to 8d", (year) => {
    expect(Object.keys(AFC_PAY[year].value).sort()).toEqual([...BANDS].sort());
  });

  test.each(YEARS)("%s: band 2 is a single step and band 1 is shown at band 2's rate", (year) => {
    const p = AFC_PAY[year].value;
    expect(p["2"]).toHaveLength(1);
    expect(p["1"]).toEqual(p["2"]);
    expect(AFC_PAY[year].note).toMatch(/Band 1 has been closed to new entrants/);
  });

  test.each(YEARS)("%s: steps rise within each band (ignoring nulls)", (year) => {
    for (const band of BANDS) {
      const steps = AFC_PAY[year].value[band].filter((s): s is string => s !== null).map(Number);
      for (let i = 1; i < steps.length; i++) expect(steps[i]).toBeGreaterThan(steps[i - 1]);
    }
  });

  test.each(YEARS)("%s: no band overlaps the next (each band starts above the top of the band below)", (year) => {
    const p = AFC_PAY[year].value;
    const order = BANDS.slice(1); // band 1 mirrors band 2
    for (let i = 1; i < order.length; i++) {
      const below = p[order[i - 1]];
      const top = below[below.length - 1];
      const entry = p[order[i]][0];
      if (top !== null && entry !== null) expect(Number(entry)).toBeGreaterThan(Number(top));
    }
  });

  test.each(YEARS)("%s: each band has as many pay steps as progression steps", (year) => {
    for (const band of BANDS) expect(AFC_PAY[year].value[band]).toHaveLength(AFC_PROGRESSION[year].value[band].length);
  });

  test.each(YEARS)("%s: a year holding nulls says why in its note", (year) => {
    const hasNull = Object.values(AFC_PAY[year].value).some((steps) => steps.includes(null));
    if (hasNull) expect(AFC_PAY[year].note).toMatch(/null/);
  });

  test("year-on-year: each held step is within £2 of the year before times the award (5.5%, 3.6%, 3.3%)", () => {
    const awards: [string, string, string][] = [
      ["2023/24", "2024/25", "1.055"],
      ["2024/25", "2025/26", "1.036"],
      ["2025/26", "2026/27", "1.033"],
    ];
    for (const [from, to, factor] of awards) {
      for (const band of BANDS) {
        const a = AFC_PAY[from].value[band];
        const b = AFC_PAY[to].value[band];
        // Compare entry with entry and top with top (bands 8a-9 gained a middle step in 2024/25).
        const pairs: [string | null, string | null][] = [
          [a[0], b[0]],
          [a[a.length - 1], b[b.length - 1]],
        ];
        if (a.length === b.length && a.length === 3) pairs.push([a[1], b[1]]);
        for (const [x, y] of pairs) {
          if (x === null || y === null) continue;
          expect(d(x).times(factor).minus(y).abs().toNumber()).toBeLessThanOrEqual(2);
        }
      }
    }
  });
});

describe("AfC progression", () => {
  test("2023/24: bands 8a to 9 reach the top after 5 years, with no intermediate step", () => {
    for (const band of ["8a", "8b", "8c", "8d", "9"]) expect(AFC_PROGRESSION["2023/24"].value[band]).toEqual([0, 5]);
  });

  test.each(["2024/25", "2025/26", "2026/27"])("%s: bands 8a to 9 have an intermediate step at 2 years and the top at 5", (year) => {
    for (const band of ["8a", "8b", "8c", "8d", "9"]) expect(AFC_PROGRESSION[year].value[band]).toEqual([0, 2, 5]);
  });

  test.each(YEARS)("%s: bands 3 to 7 follow the 2018 framework (3: 2 yrs; 4: 3; 5: 2+2; 6 and 7: 2+3)", (year) => {
    const p = AFC_PROGRESSION[year].value;
    expect(p["1"]).toEqual([0]);
    expect(p["2"]).toEqual([0]);
    expect(p["3"]).toEqual([0, 2]);
    expect(p["4"]).toEqual([0, 3]);
    expect(p["5"]).toEqual([0, 2, 4]);
    expect(p["6"]).toEqual([0, 2, 5]);
    expect(p["7"]).toEqual([0, 2, 5]);
  });

  test.each(YEARS)("%s: step 1 is at 0 years and the years rise", (year) => {
    for (const years of Object.values(AFC_PROGRESSION[year].value)) {
      expect(years[0]).toBe(0);
      for (let i = 1; i < years.length; i++) expect(years[i]).toBeGreaterThan(years[i - 1]);
    }
  });
});

describe("AfC High Cost Area Supplements", () => {
  // Official 2022/23 figures (NHSBSA KA-23439) and the AfC awards since.
  const BASE_2022: Record<string, [number, number]> = { INNER: [4888, 7377], OUTER: [4108, 5177], FRINGE: [1136, 1915] };
  const UPLIFT: Record<string, string> = {
    "2023/24": "1.05",
    "2024/25": d("1.05").times("1.055").toString(),
    "2025/26": d("1.05").times("1.055").times("1.036").toString(),
    "2026/27": d("1.05").times("1.055").times("1.036").times("1.033").toString(),
  };

  test("holds every year from 2023/24 to 2026/27", () => {
    expect(Object.keys(AFC_HCAS).sort()).toEqual(["2023/24", "2024/25", "2025/26", "2026/27"]);
  });

  test("2023/24 to 2026/27 hold the published (or officially derived) minima and maxima", () => {
    expect(AFC_HCAS["2023/24"].value).toEqual({
      INNER: { rate: "0.20", minimum: "5132", maximum: "7745" },
      OUTER: { rate: "0.15", minimum: "4313", maximum: "5436" },
      FRINGE: { rate: "0.05", minimum: "1192", maximum: "2011" },
    });
    expect(AFC_HCAS["2024/25"].value).toEqual({
      INNER: { rate: "0.20", minimum: "5414", maximum: "8171" },
      OUTER: { rate: "0.15", minimum: "4551", maximum: "5735" },
      FRINGE: { rate: "0.05", minimum: "1258", maximum: "2121" },
    });
    expect(AFC_HCAS["2025/26"].value).toEqual({
      INNER: { rate: "0.20", minimum: "5609", maximum: "8466" },
      OUTER: { rate: "0.15", minimum: "4714", maximum: "5941" },
      FRINGE: { rate: "0.05", minimum: "1303", maximum: "2198" },
    });
    expect(AFC_HCAS["2026/27"].value).toEqual({
      INNER: { rate: "0.20", minimum: "5794", maximum: "8746" },
      OUTER: { rate: "0.15", minimum: "4870", maximum: "6137" },
      FRINGE: { rate: "0.05", minimum: "1346", maximum: "2270" },
    });
  });

  test("2024/25 minimums are NHS Employers' HCAS-inclusive pay less basic pay on 1 April 2025, for band 2 and band 3 alike", () => {
    // Band 2 £24,169 → £29,583 / £28,720 / £25,427; band 3 entry £24,625 → £30,039 / £29,176 / £25,883.
    const v = AFC_HCAS["2024/25"].value;
    for (const [basic, inner, outer, fringe] of [[24169, 29583, 28720, 25427], [24625, 30039, 29176, 25883]]) {
      expect([inner - basic, outer - basic, fringe - basic].map(String)).toEqual([v.INNER.minimum, v.OUTER.minimum, v.FRINGE.minimum]);
    }
    expect(AFC_HCAS["2024/25"].note).toMatch(/£1 conflicts: nhspayscales\.co\.uk gives inner and outer minimums £5,415 and £4,552/);
    expect(AFC_HCAS["2025/26"].note).toMatch(/£1 conflicts/);
    expect(AFC_HCAS["2024/25"].figures?.["INNER.minimum"]?.provenance).toBe("derived");
  });

  test.each(Object.keys(AFC_HCAS))("%s: every minimum and maximum is within £1 of the official 2022/23 figure uplifted by the AfC awards", (year) => {
    for (const [area, [min, max]] of Object.entries(BASE_2022)) {
      const r = AFC_HCAS[year].value[area as "INNER" | "OUTER" | "FRINGE"];
      expect(d(min).times(UPLIFT[year]).minus(r.minimum).abs().toNumber()).toBeLessThanOrEqual(1);
      expect(d(max).times(UPLIFT[year]).minus(r.maximum).abs().toNumber()).toBeLessThanOrEqual(1);
    }
  });

  test("the 2026/27 note says the year is placed by inference", () => {
    expect(AFC_HCAS["2026/27"].note).toMatch(/inference/);
  });

  test.each(Object.keys(AFC_HCAS))("%s: rates 20% / 15% / 5%, and minimum below maximum", (year) => {
    const v = AFC_HCAS[year].value;
    expect([v.INNER.rate, v.OUTER.rate, v.FRINGE.rate]).toEqual(["0.20", "0.15", "0.05"]);
    for (const r of Object.values(v)) expect(Number(r.minimum)).toBeLessThan(Number(r.maximum));
  });
});

describe("AfC unsocial hours (from 1 April 2020)", () => {
  test("band 2 +41% / +83%, band 3 +35% / +69%, bands 4 to 9 +30% / +60%, band 1 not found", () => {
    const v = AFC_UNSOCIAL.value;
    expect(v["1"]).toEqual({ nightsAndSaturdays: null, sundaysAndPublicHolidays: null });
    expect(v["2"]).toEqual({ nightsAndSaturdays: "0.41", sundaysAndPublicHolidays: "0.83" });
    expect(v["3"]).toEqual({ nightsAndSaturdays: "0.35", sundaysAndPublicHolidays: "0.69" });
    for (const band of ["4", "5", "6", "7", "8a", "8b", "8c", "8d", "9"])
      expect(v[band]).toEqual({ nightsAndSaturdays: "0.30", sundaysAndPublicHolidays: "0.60" });
  });

  test("every band is present", () => {
    expect(Object.keys(AFC_UNSOCIAL.value).sort()).toEqual([...BANDS].sort());
  });
});

describe("AfC terms", () => {
  test("37.5 hours, 52.143 weeks, leave 27/29/33 days after 0/5/10 years, 8 public holidays", () => {
    const t = AFC_TERMS.value;
    expect(t.weeklyHours).toBe("37.5");
    expect(t.weeksPerYear).toBe("52.143");
    expect(t.leave).toEqual([
      { afterYears: 0, days: 27 },
      { afterYears: 5, days: 29 },
      { afterYears: 10, days: 33 },
    ]);
    expect(t.publicHolidays).toBe(8);
  });

  test("sick pay follows Section 14: 1+2, 2+2, 4+4, 5+5, 6+6 months", () => {
    expect(AFC_TERMS.value.sickPay).toEqual([
      { afterMonths: 0, fullPayMonths: 1, halfPayMonths: 2 },
      { afterMonths: 12, fullPayMonths: 2, halfPayMonths: 2 },
      { afterMonths: 24, fullPayMonths: 4, halfPayMonths: 4 },
      { afterMonths: 36, fullPayMonths: 5, halfPayMonths: 5 },
      { afterMonths: 60, fullPayMonths: 6, halfPayMonths: 6 },
    ]);
  });

  test("the 2025/26 band 5 entry hourly rate at annual ÷ (52.143 × 37.5) is £15.88, as published", () => {
    const hourly = d(AFC_PAY["2025/26"].value["5"][0]!).dividedBy(d(AFC_TERMS.value.weeksPerYear).times(AFC_TERMS.value.weeklyHours));
    expect(hourly.toDecimalPlaces(2).toString()).toBe("15.88");
  });
});
