import * as N from "../../src/intake/normalise";

const problem = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof N.CellProblem) return e.message;
    throw e;
  }
  throw new Error("expected a CellProblem");
};

describe("value normalisers", () => {
  it("reads Agenda for Change bands however they are written", () => {
    for (const [text, band] of [["5", "5"], ["Band 5", "5"], ["band 8a", "8a"], ["Band 8 - Range A", "8a"], ["Band 8 – Range D", "8d"], ["Band 8A", "8a"], ["AfC Band 6", "6"], ["Agenda for Change - Band 7", "7"]] as const)
      expect(N.afcBand(text)).toBe(band);
    expect(N.afcBand(6)).toBe("6");
    expect(N.afcBand("PO1")).toBeNull();
    expect(N.afcBand("Grade 5 local")).toBeNull();
  });

  it("reads pension scheme and section names", () => {
    for (const t of ["NHS Pension 2015", "NHS 1995 Section", "NHS 2008 Section", "NHS Pension Scheme", "nhs"]) expect(N.pensionScheme(t)).toBe("NHS");
    for (const t of ["LGPS Main Scheme", "LGPS", "LGPS main section", "Local Government Pension Scheme"]) expect(N.pensionScheme(t)).toBe("LGPS");
    for (const t of ["LGPS 50/50", "LGPS 50/50 section", "50/50"]) expect(N.pensionScheme(t)).toBe("LGPS5050");
    expect(N.pensionScheme("Opted out")).toBe("NONE");
    expect(problem(() => N.pensionScheme("Teachers"))).toMatch(/not recognised/);
    expect(problem(() => N.pensionScheme(""))).toMatch(/empty/);
  });

  it("reads money with £ and thousands commas, and refuses a form that could be misread", () => {
    expect(N.money("£1,200.00", "London weighting", 50000).toString()).toBe("1200");
    expect(N.money(" £ 1200 ", "London weighting", 50000).toString()).toBe("1200");
    expect(N.money(1200.5, "London weighting", 50000).toString()).toBe("1200.5");
    expect(problem(() => N.money("1.200,00", "London weighting", 50000))).toMatch(/could be read two ways .* as in 1200\.00/);
    expect(problem(() => N.money("£1.200,00", "London weighting", 50000))).toMatch(/could be read two ways/);
    expect(problem(() => N.money("1200,50", "London weighting", 50000))).toMatch(/could be read two ways/);
    expect(problem(() => N.money("1.200", "London weighting", 50000))).toMatch(/could be read two ways .* 1200 \(or 1\.2\)/);
    expect(problem(() => N.money(1e300, "London weighting", 50000))).toMatch(/not plausible/);
    expect(problem(() => N.money(Infinity, "London weighting", 50000))).toMatch(/must be a number/);
    expect(problem(() => N.money("-5", "London weighting", 50000))).toMatch(/negative/);
  });

  it("reads FTE as a fraction or a percentage, and hours as a number or hours:minutes", () => {
    expect(N.fte("80%").toString()).toBe("0.8");
    expect(N.fte(0.5).toString()).toBe("0.5");
    expect(problem(() => N.fte(1.2))).toMatch(/at most 1/);
    expect(N.weeklyHours("37:30").toString()).toBe("37.5");
    expect(N.weeklyHours("22.5").toString()).toBe("22.5");
    expect(problem(() => N.weeklyHours(1e300))).toMatch(/at most 80/);
    expect(problem(() => N.weeklyHours(0))).toMatch(/more than 0/);
  });

  it("reads dates as UK exports write them and counts completed years to a date", () => {
    const at = new Date(Date.UTC(2025, 3, 1)); // 1 April 2025
    const years = (v: unknown) => N.completedYears(N.date(v, "The date"), at);
    expect(years("01/04/2015")).toBe(10); // exactly ten years on 1 April 2025
    expect(years("02/04/2015")).toBe(9); // one day short of ten
    expect(years("2015-04-01")).toBe(10);
    expect(years("01-APR-2015")).toBe(10);
    expect(years("1 Apr 2015")).toBe(10);
    expect(years(new Date(Date.UTC(2020, 0, 31)))).toBe(5);
    expect(years(42095)).toBe(10); // Excel serial 42095 = 2015-04-01
    expect(years("2026-01-01")).toBe(0); // starts after the date: no completed years
    expect(problem(() => N.date("31/02/2015", "The date"))).toMatch(/not a date/);
    expect(problem(() => N.date("next week", "The date"))).toMatch(/not a date/);
    expect(problem(() => N.date("01/01/1850", "The date"))).toMatch(/not a plausible date/);
  });

  it("reads spinal column points, never a local grade", () => {
    expect(N.spinalPoint("SCP 23")).toBe(23);
    expect(N.spinalPoint("Point 23")).toBe(23);
    expect(N.spinalPoint(23)).toBe(23);
    expect(problem(() => N.spinalPoint("PO1"))).toMatch(/not a spinal column point/);
    expect(problem(() => N.spinalPoint("Grade 5"))).toMatch(/not a spinal column point/);
  });
});
