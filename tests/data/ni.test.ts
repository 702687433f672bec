import { APPRENTICESHIP_LEVY, EMPLOYER_NI } from "../../src/data/ni";
import { YEARS } from "./helpers";

describe("Employer National Insurance (keyed by the tax year starting 6 April of the financial year)", () => {
  test.each(["2023/24", "2024/25"])("%s: 13.8% above a secondary threshold of £9,100 a year", (year) => {
    expect(EMPLOYER_NI[year].value).toEqual({ rate: "0.138", secondaryThreshold: "9100" });
  });

  test.each(["2025/26", "2026/27"])("%s: 15% above a secondary threshold of £5,000 a year", (year) => {
    expect(EMPLOYER_NI[year].value).toEqual({ rate: "0.15", secondaryThreshold: "5000" });
  });

  test.each(YEARS)("%s cites the GOV.UK 'Rates and thresholds for employers' page for its tax year", (year) => {
    const span = `${year.slice(0, 4)} to ${Number(year.slice(0, 4)) + 1}`;
    expect(EMPLOYER_NI[year].sources.some((s) => s.url.startsWith("https://www.gov.uk/") && s.title.includes(span))).toBe(true);
  });
});

describe("Apprenticeship Levy", () => {
  test.each(YEARS)("%s: 0.5% of the pay bill with a £15,000 annual allowance", (year) => {
    expect(APPRENTICESHIP_LEVY[year].value).toEqual({ rate: "0.005", allowance: "15000" });
  });
});
