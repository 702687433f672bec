import { NHS_EMPLOYER, NHS_MEMBER_TIERS } from "../../src/data/nhsPension";
import { LGPS_BANDS } from "../../src/data/lgps";
import { d, YEARS } from "./helpers";

const tiers = (year: string) => NHS_MEMBER_TIERS[year].value.map((t) => [Number(t.from), t.rate]);

describe("NHS Pension Scheme member tiers: published tables", () => {
  test("2023/24 matches the NHS Employers poster (11 tiers, 5.1% to 13.5%)", () => {
    // "£0 to £13,246 | 5.1% | £13,247 to £17,673 | 5.7% | ... | £75,633 and above | 13.5%"
    expect(tiers("2023/24")).toEqual([
      [0, "0.051"], [13247, "0.057"], [17674, "0.061"], [24023, "0.068"], [25147, "0.077"], [29636, "0.088"],
      [30639, "0.098"], [45997, "0.10"], [51709, "0.116"], [58973, "0.125"], [75633, "0.135"],
    ]);
  });

  test("2024/25 matches NHS Employers / NHSBSA (6 tiers, 5.2% to 12.5%)", () => {
    // "1 | £0 to £13,259 | 5.2% | 2 | £13,260 to £26,831 | 6.5% | 3 | £26,832 to £32,691 | 8.3% | 4 | £32,692 to £49,078 | 9.8% | 5 | £49,079 to £62,924 | 10.7% | 6 | £62,925 and above | 12.5%"
    expect(tiers("2024/25")).toEqual([[0, "0.052"], [13260, "0.065"], [26832, "0.083"], [32692, "0.098"], [49079, "0.107"], [62925, "0.125"]]);
  });

  test("2025/26 holds the final thresholds (after the 3.6% pay award), not the earlier CPI-only ones", () => {
    expect(tiers("2025/26")).toEqual([[0, "0.052"], [13260, "0.065"], [27798, "0.083"], [33869, "0.098"], [50846, "0.107"], [65191, "0.125"]]);
    expect(tiers("2025/26").map(([from]) => from)).not.toContain(27289); // CPI-only version, superseded
  });

  test("2026/27 holds the NHSBSA 2026/27 thresholds", () => {
    expect(tiers("2026/27")).toEqual([[0, "0.052"], [13260, "0.065"], [28855, "0.083"], [35156, "0.098"], [52779, "0.107"], [67669, "0.125"]]);
  });

  test("indexation: 2025/26 is within £1 of 2024/25 × 1.036 and 2026/27 within £1 of 2025/26 × 1.038; tier 1 never moves", () => {
    const steps: [string, string, string][] = [
      ["2024/25", "2025/26", "1.036"],
      ["2025/26", "2026/27", "1.038"],
    ];
    for (const [from, to, factor] of steps) {
      const a = NHS_MEMBER_TIERS[from].value;
      const b = NHS_MEMBER_TIERS[to].value;
      expect(b[1].from).toBe("13260");
      for (let i = 2; i < a.length; i++) expect(d(a[i].from).times(factor).minus(b[i].from).abs().toNumber()).toBeLessThanOrEqual(1);
      expect(b.map((t) => t.rate)).toEqual(a.map((t) => t.rate));
    }
  });
});

describe("NHS Pension Scheme member tiers: structure", () => {
  test.each(YEARS)("%s: tier 1 starts at £0, lower bounds and rates rise, rates between 0 and 1", (year) => {
    const t = NHS_MEMBER_TIERS[year].value;
    expect(t[0].from).toBe("0");
    for (let i = 1; i < t.length; i++) {
      expect(Number(t[i].from)).toBeGreaterThan(Number(t[i - 1].from));
      expect(Number(t[i].rate)).toBeGreaterThan(Number(t[i - 1].rate));
    }
    for (const { rate } of t) expect(Number(rate) > 0 && Number(rate) < 1).toBe(true);
  });
});

describe("NHS Pension Scheme employer rate", () => {
  test("2023/24: 20.6% + 0.08% levy = 20.68% in full, 14.38% collected locally", () => {
    expect(NHS_EMPLOYER["2023/24"].value).toEqual({ full: "0.2068", local: "0.1438", levy: "0.0008" });
    expect(d("0.206").plus(NHS_EMPLOYER["2023/24"].value.levy).toString()).toBe("0.2068");
  });

  test.each(["2024/25", "2025/26", "2026/27"])("%s: 23.7% + 0.08% levy = 23.78% in full, 14.38% collected locally", (year) => {
    expect(NHS_EMPLOYER[year].value).toEqual({ full: "0.2378", local: "0.1438", levy: "0.0008" });
    expect(d("0.237").plus(NHS_EMPLOYER[year].value.levy).toString()).toBe("0.2378");
  });

  test("2024/25: the centrally funded part is 9.4% (23.78% - 14.38%)", () => {
    const v = NHS_EMPLOYER["2024/25"].value;
    expect(d(v.full).minus(v.local).toString()).toBe("0.094");
  });

  test("2025/26 and 2026/27 carry a note on their confidence", () => {
    for (const year of ["2025/26", "2026/27"]) expect(NHS_EMPLOYER[year].note).toMatch(/Confidence/);
  });
});

describe("LGPS member bands", () => {
  // Published tables: upper bound of each band 1-8 ("Up to £16,500", "£16,501 to £25,900", ...).
  const PUBLISHED_UPPER: Record<string, number[]> = {
    "2023/24": [16500, 25900, 42100, 53300, 74700, 105900, 124800, 187200], // Avon Pension Fund
    "2024/25": [17600, 27600, 44900, 56800, 79700, 112900, 133100, 199700], // Kent Pension Fund
    "2025/26": [17800, 28000, 45600, 57700, 81000, 114800, 135300, 203000], // Merseyside Pension Fund
    "2026/27": [18400, 29000, 47300, 59800, 84000, 119100, 140400, 210700], // lgpsmember.org
  };
  const MAIN = ["0.055", "0.058", "0.065", "0.068", "0.085", "0.099", "0.105", "0.114", "0.125"];

  test.each(YEARS)("%s matches the fund's published table: nine bands, each starting £1 above the last band's upper limit", (year) => {
    const bands = LGPS_BANDS[year].value;
    expect(bands).toHaveLength(9);
    expect(bands[0].from).toBe("0");
    PUBLISHED_UPPER[year].forEach((upper, i) => expect(Number(bands[i + 1].from)).toBe(upper + 1));
  });

  test.each(YEARS)("%s: main rates 5.5% to 12.5%, and the 50/50 section pays exactly half", (year) => {
    const bands = LGPS_BANDS[year].value;
    expect(bands.map((b) => b.main)).toEqual(MAIN);
    for (const b of bands) expect(d(b.main).dividedBy(2).equals(b.fiftyFifty)).toBe(true);
  });

  test.each(YEARS)("%s: bands rise", (year) => {
    const bands = LGPS_BANDS[year].value;
    for (let i = 1; i < bands.length; i++) expect(Number(bands[i].from)).toBeGreaterThan(Number(bands[i - 1].from));
  });
});
